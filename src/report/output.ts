import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { writeFigure } from '../charts/render.js';
import { csvColumns, type CsvValue } from '../disclosure/csv.js';
import type { ProgressReporter } from '../progress.js';
import { escapeHtml, figureHtml, paragraph, tableHtml } from './html.js';

/** A table as the report shows it and as its CSV file holds it. */
export interface ReportTable {
  /** File name without `.csv`. */
  readonly name: string;
  readonly caption: string;
  /** Machine-readable columns (raw numbers; suppressed cells empty). */
  readonly csv: Record<string, readonly CsvValue[]>;
  /** Columns as shown: translated headers, formatted text. */
  readonly display: Record<string, readonly string[]>;
  /** Display columns aligned right (numbers); the others left. Default: all but the first. */
  readonly numeric?: readonly string[];
  /** Notes printed under the table (plain text). */
  readonly notes?: readonly string[];
}

/**
 * Writes the files of one report folder: figures as `figures/NAME.svg` and
 * `.png`, tables as `tables/NAME.csv`, and returns the HTML to place them in
 * the page. Keeps the list of files written.
 *
 * @example
 * const out = new ReportFiles('reports/out/jobcoach');
 * const html = await out.figure('fig1-state-shares', spec, 'Figure 1. State shares by month');
 */
export class ReportFiles {
  readonly dir: string;
  /** Paths written, relative to `dir`. */
  readonly files: string[] = [];
  private readonly progress?: ProgressReporter;
  private figures = 0;

  constructor(dir: string, progress?: ProgressReporter) {
    this.dir = dir;
    this.progress = progress;
  }

  /** Render a chart to SVG and PNG and return it as an inline figure. */
  async figure(name: string, spec: TopLevelSpec, caption: string): Promise<string> {
    this.progress?.(`figure ${name}`, 0, 1);
    const { svg } = await writeFigure(spec, join(this.dir, 'figures'), name);
    this.progress?.(`figure ${name}`, 1, 1);
    this.files.push(`figures/${name}.svg`, `figures/${name}.png`);
    this.figures++;
    return figureHtml(scopeSvgIds(svg, `f${this.figures}-`), caption, { svg: `figures/${name}.svg`, png: `figures/${name}.png` });
  }

  /** Write a table's CSV and return it as HTML with its caption and notes. */
  async table(table: ReportTable): Promise<string> {
    await mkdir(join(this.dir, 'tables'), { recursive: true });
    await writeFile(join(this.dir, 'tables', `${table.name}.csv`), csvColumns(table.csv));
    this.files.push(`tables/${table.name}.csv`);
    const align = Object.fromEntries((table.numeric ?? Object.keys(table.display).slice(1)).map((c) => [c, 'r' as const]));
    const display = aq.table(Object.fromEntries(Object.entries(table.display).map(([k, v]) => [k, [...v]])));
    const notes = (table.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
    return tableHtml(display, table.caption, { csv: `tables/${table.name}.csv` }, {}, align) + notes;
  }

  /**
   * Remove figures (`.svg`, `.png`) and tables (`.csv`) of an earlier run that
   * this run did not write (e.g. figure 7 of a run with exit states), so the
   * folder holds only what the page links to. Other files are left alone.
   *
   * @returns the paths removed, relative to `dir`
   */
  async removeStale(): Promise<string[]> {
    const removed: string[] = [];
    for (const [folder, pattern] of [['figures', /\.(svg|png)$/], ['tables', /\.csv$/]] as const) {
      const names = await readdir(join(this.dir, folder)).catch(() => [] as string[]);
      for (const name of names) {
        const path = `${folder}/${name}`;
        if (!pattern.test(name) || this.files.includes(path)) continue;
        await rm(join(this.dir, path), { force: true });
        removed.push(path);
      }
    }
    return removed;
  }

  /** Write a text file (e.g. results.json, index.html). */
  async text(name: string, content: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, name), content);
    this.files.push(name);
  }
}

/**
 * Prefix the ids of an SVG (and the `url(#...)` / `href="#..."` references to
 * them), so that several SVGs inlined in one page cannot resolve each
 * other's clip paths or gradients.
 *
 * @example
 * scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'f2-');
 * // '<clipPath id="f2-clip1"/><g clip-path="url(#f2-clip1)"/>'
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`);
}

/**
 * A paragraph per text (escaped).
 * @example
 * paragraphs(['First.', 'Second.']); // '<p>First.</p><p>Second.</p>'
 */
export function paragraphs(texts: readonly string[]): string {
  return texts.map(paragraph).join('');
}
