import { literal, table, text, type Column, type Section } from '../report/document.js';
import type { SectionContext } from './document.js';
import type { StudyResults } from './results.js';
import { studyText, type PublishedFigureSpec } from './study-file.js';

/** A published figure beside the reproduced one. */
export interface PublishedComparison {
  readonly key: string;
  readonly published: number;
  /** The reproduced value in the published unit (null when suppressed or absent). */
  readonly reproduced: number | null;
  /** reproduced - published (null when there is no reproduced value). */
  readonly difference: number | null;
  readonly publishedSignificant: boolean | null;
  readonly reproducedSignificant: boolean | null;
}

/**
 * The study file's published figures next to the same figures in
 * results.json: each path read (several added; 1 minus them with
 * `complement`; null when a part is suppressed or absent), scaled to the published unit, the
 * difference, and the significance marks of both (a reproduced value is
 * marked when the object holding it has `significant: true`).
 *
 * @param figures the study file's `published.figures`
 * @param results a results.json object
 * @returns one comparison per figure
 * @example
 * comparePublished(study.published.figures, results)[0]; // { key: 'Wajong.state_share.0.trial', published: 59, reproduced: 58.8, difference: -0.2, ... }
 */
export function comparePublished(figures: readonly PublishedFigureSpec[], results: StudyResults): PublishedComparison[] {
  return figures.map((f) => {
    const paths = typeof f.path === 'string' ? [f.path] : f.path;
    const values = paths.map((p) => valueAt(results, p));
    // a suppressed (or absent) part leaves the figure unknown
    const sum = values.every((v) => typeof v === 'number') ? (values as number[]).reduce((a, b) => a + b, 0) : null;
    const reproduced = sum === null ? null : (f.complement ? 1 - sum : sum) * (f.scale ?? 1);
    const holder = paths.length === 1 ? parentAt(results, paths[0]) : undefined;
    const sig = holder && typeof holder.significant === 'boolean' ? holder.significant : null;
    return {
      key: f.key, published: f.value, reproduced, difference: reproduced === null ? null : reproduced - f.value,
      publishedSignificant: f.significant ?? null, reproducedSignificant: sig,
    };
  });
}

/** The value at a dotted path (array indices as numbers), or undefined. */
function valueAt(root: unknown, path: string): unknown {
  let x: unknown = root;
  for (const part of path.split('.')) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<string, unknown>)[part];
  }
  return x;
}

function parentAt(root: unknown, path: string): Record<string, unknown> | undefined {
  const parent = valueAt(root, path.split('.').slice(0, -1).join('.'));
  return parent && typeof parent === 'object' ? (parent as Record<string, unknown>) : undefined;
}

/**
 * The section comparing the published figures with this panel: figure,
 * published value, reproduced value and difference side by side, with the
 * significance marks (*) of both; null when the study file has none.
 *
 * @example
 * const section = publishedComparison(ctx); // null without published figures
 */
export function publishedComparison(ctx: SectionContext): Section | null {
  const spec = ctx.c.study.file.published;
  if (!spec || spec.figures.length === 0) return null;
  const rows = comparePublished(spec.figures, ctx.c.results);
  const figs = spec.figures;
  const format = (i: number) => ({ digits: figs[i].digits ?? (figs[i].unit === 'EUR' ? 2 : figs[i].unit === '%' ? 0 : 1) });
  const mark = (s: boolean | null) => (s ? '*' : null);
  const columns: Column[] = [
    { key: 'key', header: literal('key'), values: rows.map((r) => r.key), show: 'csv' },
    { key: 'figure', header: text('colFigure'), values: figs.map((f) => studyText(f.label, ctx.lang)) },
    { key: 'unit', header: text('colUnit'), values: figs.map((f) => f.unit ?? '') },
    // each row has its own number of decimals: the page shows them per row, the CSV raw
    { key: 'published', header: text('colPublished'), values: rows.map((r, i) => fixed(r.published, format(i).digits, ctx)), format: {}, marks: rows.map((r) => mark(r.publishedSignificant)), show: 'page' },
    { key: 'reproduced', header: text('colReproduced'), values: rows.map((r, i) => fixed(r.reproduced, format(i).digits, ctx)), format: {}, marks: rows.map((r) => mark(r.reproducedSignificant)), show: 'page' },
    { key: 'difference', header: text('colDifference'), values: rows.map((r, i) => fixed(r.difference, format(i).digits, ctx, true)), format: {}, show: 'page' },
    { key: 'published', header: literal('published'), values: rows.map((r) => r.published), show: 'csv' },
    { key: 'published_significant', header: literal(''), values: rows.map((r) => r.publishedSignificant), show: 'csv' },
    { key: 'reproduced', header: literal('reproduced'), values: rows.map((r) => r.reproduced), show: 'csv' },
    { key: 'reproduced_significant', header: literal(''), values: rows.map((r) => r.reproducedSignificant), show: 'csv' },
    { key: 'difference', header: literal('difference'), values: rows.map((r) => r.difference), show: 'csv' },
  ];
  return {
    id: 'published',
    title: text('secPublished'),
    blocks: [table({
      name: 'published-comparison', caption: text('capPublished', { source: spec.source ? studyText(spec.source, ctx.lang) : '' }), columns,
      notes: [text('notePublished')],
    })],
  };
}

/** A number with fixed decimals in the language (a difference with its sign); – when absent. */
function fixed(x: number | null, digits: number, ctx: SectionContext, signed = false): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const s = Math.abs(x).toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const zero = Number(Math.abs(x).toFixed(digits)) === 0;
  return `${signed && !zero ? (x < 0 ? '−' : '+') : x < 0 ? '−' : ''}${s}`;
}
