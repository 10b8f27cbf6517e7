import { join } from 'node:path';
import { renderSvg, svgToPng } from '../charts/render.js';
import { disclosureCsv } from '../disclosure/csv.js';
import { openOutputFolder, type NamedInput, type OutputFolder } from '../output/index.js';
import type { ProgressReporter } from '../progress.js';
import { documentFigures, documentTables, type Figure, type ReportDocument } from './document.js';
import { reportHtml, tableCsv } from './page.js';

/** Size of the figure files: for print, a width in centimetres and a resolution. */
export interface FigureOutput {
  /** Print width of every figure in cm (e.g. 8.5 for one column, 17 for the page); default: screen size (1 px = 1 pt). */
  readonly widthCm?: number;
  /** PNG resolution in dots per inch at that width (default 300 with `widthCm`; without it PNGs are drawn at 2 pixels per SVG unit). */
  readonly dpi?: number;
}

/** Options of `renderReport`. */
export interface RenderOptions {
  readonly figures?: FigureOutput;
  /** Files the report was made from: never overwritten nor removed (see `openOutputFolder`). */
  readonly inputs?: readonly NamedInput[];
  /** The output folder, already opened on `dir` (e.g. with data files staged in it); default: opened here with `inputs`. */
  readonly folder?: OutputFolder;
  readonly progress?: ProgressReporter;
}

/** What `renderReport` wrote. */
export interface WrittenReport {
  readonly dir: string;
  /** Path of index.html. */
  readonly index: string;
  /** Every file written, relative to `dir`. */
  readonly files: readonly string[];
}

/** Points per centimetre: figures are laid out in points (1 SVG unit = 1 pt). */
export const POINTS_PER_CM = 72 / 2.54;

/**
 * Write a report document to a folder: `index.html` (self-contained: inline
 * CSS and SVG, no scripts or external resources), every figure as
 * `figures/NAME.svg` and `figures/NAME.png`, every table as
 * `tables/NAME.csv`, `results.json` and, when the document has an
 * output-check log, `disclosure.csv`, as one output folder
 * (`openOutputFolder`): staged, moved into place at the end with a manifest,
 * and files of the previous report that this one does not have removed, so
 * the folder holds only what the page links to; an interrupted run leaves
 * the earlier report.
 * With `figures.widthCm` the SVG files carry their print size in cm and the
 * PNGs have `dpi` pixels per inch at that size.
 *
 * This is the only function of the report kit that touches the disk.
 *
 * @param doc the report document (from a study, or built by hand)
 * @param dir output folder (created)
 * @param options figure size for print (widthCm, dpi), progress
 * @returns the folder, the page and the files written
 * @example
 * const { index } = await renderReport(doc, 'reports/out/my-study', { figures: { widthCm: 17, dpi: 300 } });
 */
export async function renderReport(doc: ReportDocument, dir: string, options: RenderOptions = {}): Promise<WrittenReport> {
  const folder = options.folder ?? (await openOutputFolder(dir, { inputs: options.inputs }));
  try {
    return await writeReport(doc, folder, options);
  } catch (err) {
    await folder.abort();
    throw err;
  }
}

/** Write every file of the report into the staged folder and commit it. */
async function writeReport(doc: ReportDocument, folder: OutputFolder, options: RenderOptions): Promise<WrittenReport> {
  const write = (path: string, content: string | Buffer) => folder.write(path, content);
  const svgs = new Map<string, string>();
  for (const f of documentFigures(doc)) {
    options.progress?.(`figure ${f.name}`, 0, 1);
    const svg = await fittedSvg(f, options.figures?.widthCm);
    svgs.set(f.name, svg);
    const { file, zoom } = printSize(svg, options.figures);
    await write(`figures/${f.name}.svg`, file);
    await write(`figures/${f.name}.png`, svgToPng(svg, { scale: zoom }));
    options.progress?.(`figure ${f.name}`, 1, 1);
  }
  for (const t of documentTables(doc)) await write(`tables/${t.name}.csv`, tableCsv(t, doc.lang));
  await write('results.json', JSON.stringify(doc.results, null, 2) + '\n');
  if (doc.disclosureLog) await write('disclosure.csv', disclosureCsv(doc.disclosureLog));
  await write('index.html', reportHtml(doc, svgs));
  const files = folder.files();
  await folder.commit();
  return { dir: folder.dir, index: join(folder.dir, 'index.html'), files };
}

/**
 * A figure's SVG; for print, a figure that can be resized is redrawn with
 * its panels narrowed so that the whole drawing is the print width in
 * points, and its text prints at the size it was drawn at. The drawing's
 * width is panels + fixed parts (axes, legend), close to linear in the
 * panels' scale but with steps (panels snap to whole pixels per month), so
 * secant steps inside a bracket [fits, too wide] find the widest drawing
 * that is no wider than the target.
 */
async function fittedSvg(f: Figure, widthCm: number | undefined): Promise<string> {
  const first = await renderSvg(f.spec);
  const resize = f.resize;
  if (widthCm === undefined || !resize) return first;
  const target = widthCm * POINTS_PER_CM;
  const draw = async (scale: number) => {
    const svg = scale === 1 ? first : await renderSvg(resize(scale));
    return { scale, svg, width: svgWidth(svg) };
  };
  let wide = await draw(1);
  if (wide.width <= target) return wide.svg;
  // a drawing that fits: halve the panels until it does (the fixed parts alone may not)
  let fits = await draw(0.5);
  while (fits.width > target && fits.scale > 0.05) [wide, fits] = [fits, await draw(fits.scale / 2)];
  // the fixed parts alone are wider than the target: print it whole, its text a little smaller
  if (fits.width > target) return first;
  for (let step = 0; step < 6 && fits.width < target - 2; step++) {
    const secant = fits.scale + ((target - 1 - fits.width) * (wide.scale - fits.scale)) / (wide.width - fits.width);
    // keep strictly inside the bracket, so every step narrows it
    const inside = Math.min(Math.max(secant, fits.scale + 0.1 * (wide.scale - fits.scale)), wide.scale - 0.1 * (wide.scale - fits.scale));
    const next = await draw(inside);
    if (next.width <= target) fits = next;
    else wide = next;
  }
  return fits.svg;
}

function svgWidth(svg: string): number {
  return Number(/<svg[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1] ?? NaN);
}

/**
 * The page of a document as HTML, with its figures rendered in memory:
 * what `renderReport` writes as index.html, without touching the disk.
 *
 * @example
 * const html = await renderReportPage(doc);
 * html.includes('<svg'); // true when the document has figures
 */
export async function renderReportPage(doc: ReportDocument): Promise<string> {
  const svgs = new Map<string, string>();
  for (const f of documentFigures(doc)) svgs.set(f.name, await renderSvg(f.spec));
  return reportHtml(doc, svgs);
}

/**
 * The SVG file of a figure and the PNG zoom: at screen size the SVG as
 * rendered and zoom 2; for print, width and height in cm (the drawing scaled
 * to `widthCm`) and a zoom that gives `dpi` pixels per inch.
 *
 * @example
 * printSize('<svg width="482" height="241" ...', { widthCm: 17, dpi: 300 }).zoom; // 300 / 72 = 4.17
 */
export function printSize(svg: string, output: FigureOutput = {}): { file: string; zoom: number } {
  if (output.widthCm === undefined) return { file: svg, zoom: output.dpi ? output.dpi / 72 : 2 };
  const m = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  if (!m) return { file: svg, zoom: (output.dpi ?? 300) / 72 };
  const [w, h] = [Number(m[1]), Number(m[2])];
  const widthCm = output.widthCm;
  const heightCm = (h * widthCm) / w;
  const file = svg.replace(/(<svg[^>]*?\s)width="[\d.]+"([^>]*?\s)height="[\d.]+"/, `$1width="${round(widthCm)}cm"$2height="${round(heightCm)}cm"`);
  // pixels = inches x dpi = widthCm / 2.54 x dpi, over w SVG units
  return { file, zoom: ((widthCm / 2.54) * (output.dpi ?? 300)) / w };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
