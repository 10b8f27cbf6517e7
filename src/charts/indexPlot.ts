import type { TopLevelSpec } from 'vega-lite';
import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import type { GroupOptions } from './panels.js';
import { checkGroups, groupSizesShown, panelTitle, shownCount } from './panels.js';
import type { RowGroup, SequenceSort } from './rows.js';
import { indexRects, sortRows, splitRows } from './rows.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, monthStep, monthX, panelSpec, roundTo, stateScale } from './theme.js';

/** Options of `indexPlot`. */
export interface IndexPlotOptions extends ChartOptions, GroupOptions {
  /** Order within each panel: 'start' (TraMineR's from.start, default), 'end', or 'none' (data order). */
  sort?: SequenceSort;
  /** Explicit plot order of rows (e.g. an MDS or medoid-distance order); overrides `sort`. */
  order?: ArrayLike<number>;
  /** Panels per line when grouped (default 2). */
  columns?: number;
  /** Most drawn rows per panel; more sequences are binned (default: the panel height in pixels). */
  maxRows?: number;
  /** Row heights proportional to case weights (default true, as TraMineR). */
  weighted?: boolean;
  /**
   * Disclosure control: every drawn row stands for at least this many
   * sequences, and a group of fewer is not drawn (default 10; 1 draws one
   * row per sequence, for use inside a secure environment only).
   */
  minCell?: number;
}

/** Data rows and labels of an index plot, shared with `clusterPanels`. */
export interface IndexPlotData {
  values: Record<string, number | string>[];
  /** Fewest and most sequences per drawn row over the panels drawn (1 and 1: one row per sequence). */
  perRow: number;
  maxPerRow: number;
  /** Groups not drawn because they hold fewer than `minCell` sequences. */
  hidden: number;
  withMissing: boolean;
  /** Panel label per group (name and n). */
  panels: { name: string; label: string; total: number }[];
}

/**
 * Rectangles of an index plot for each group, as inline data rows
 * `{x, x2, y, y2, state, panel, n}` (n: the sequences of the drawn row).
 *
 * @example
 * indexPlotData(seqs, splitRows(clusters), { sort: 'start', maxRows: 300, minCell: 10 }, 'en').values.length;
 */
export function indexPlotData(
  seqs: StateSequences,
  groups: readonly RowGroup[],
  options: { sort?: SequenceSort; order?: ArrayLike<number>; maxRows: number; weighted?: boolean; minCell?: number; sizes?: boolean },
  lang: Lang,
): IndexPlotData {
  const missing = tr(lang, 'missing');
  const minCell = options.minCell ?? 10;
  // sizes in the titles only when no group is below minCell, and not when the caller says so
  const sizes = options.sizes !== false && groupSizesShown(groups.map((g) => g.rows.length), minCell);
  const rank = options.order ? orderRank(options.order, seqs.n) : undefined;
  const values: Record<string, number | string>[] = [];
  const panels: IndexPlotData['panels'] = [];
  let perRow = Infinity;
  let maxPerRow = 1;
  let hidden = 0;
  let withMissing = false;
  for (const group of groups) {
    const rows = rank
      ? Int32Array.from(group.rows.filter((r) => rank[r] >= 0)).sort((a, b) => rank[a] - rank[b])
      : sortRows(seqs, options.sort ?? 'start', group.rows);
    const drawn = indexRects(seqs, rows, { ...options, minPerRow: minCell });
    if (drawn.rects.length === 0 && rows.length > 0) hidden++;
    if (drawn.perRow > 0) {
      perRow = Math.min(perRow, drawn.perRow);
      maxPerRow = Math.max(maxPerRow, drawn.maxPerRow);
    }
    const label = sizes ? panelTitle(group.name, rows.length, lang, minCell) : group.name;
    panels.push({ name: group.name, label, total: drawn.total });
    for (const r of drawn.rects) {
      if (r.s < 0) withMissing = true;
      values.push({ x: r.x - 0.5, x2: r.x2 - 0.5, y: roundTo(r.y, 4), y2: roundTo(r.y2, 4), state: r.s < 0 ? missing : seqs.alphabet.labels[r.s], panel: label, n: r.n });
    }
  }
  return { values, perRow: Number.isFinite(perRow) ? perRow : 1, maxPerRow, hidden, withMissing, panels };
}

/**
 * The note on what one drawn row of an index plot stands for, and on groups
 * too small to draw; undefined when every sequence has its own row.
 *
 * @example
 * indexPlotNote({ perRow: 10, maxPerRow: 11, hidden: 1 }, 'en', 10);
 * // 'Each drawn row: the modal state of 10-11 sequences; 1 group of fewer than 10 not drawn'
 */
export function indexPlotNote(data: Pick<IndexPlotData, 'perRow' | 'maxPerRow' | 'hidden'>, lang: Lang, minCell: number): string | undefined {
  const parts: string[] = [];
  if (data.maxPerRow > 1) parts.push(tr(lang, 'binnedRows', { k: data.perRow === data.maxPerRow ? data.perRow : `${data.perRow}-${data.maxPerRow}` }));
  if (data.hidden > 0) parts.push(tr(lang, 'hiddenGroups', { g: data.hidden, k: minCell }));
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * Sequence index plot (TraMineR's `seqIplot`): one horizontal line per
 * sequence, coloured by state month by month, sorted by start state, by an
 * explicit order, and split into one panel per group (cluster).
 * Drawn as one rectangle per run of equal states, without borders. Panels
 * with more sequences than `maxRows` bin consecutive sequences and draw each
 * bin's modal state per month (the subtitle says so), so 25,000 sequences give
 * a few thousand rectangles. Disclosure control is on: every drawn row, the
 * last included, stands for at least `minCell` (10) sequences, and a group of
 * fewer is not drawn, so no row shows one person's trajectory.
 *
 * Reference: Gabadinho, Ritschard, Müller & Studer (2011), Analyzing and
 * visualizing state sequences in R with TraMineR, J. Stat. Softw. 40(4), section 6.
 *
 * @param seqs the sequences
 * @param options sort, order, groups, maxRows, weighted, minCell (10), lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = indexPlot(seqs, { groups: clusterOfRow, lang: 'nl' });
 * await writeFigure(spec, 'figures', 'index-plot');
 */
export function indexPlot(seqs: StateSequences, options: IndexPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const width = options.width ?? 360;
  const height = options.height ?? (options.groups ? 220 : 320);
  if (options.groups) checkGroups(options.groups, seqs.n);
  const groups = options.groups ? splitRows(options.groups, options.groupOrder) : [{ name: '', rows: allRows(seqs.n) }];
  const minCell = options.minCell ?? 10;
  const data = indexPlotData(seqs, groups, { ...options, maxRows: options.maxRows ?? height, minCell }, lang);
  const unit = indexUnitSpec(seqs, data, lang, { width, height, yTitle: tr(lang, options.groups ? 'sequencesAxis' : 'sequences', { n: shownCount(seqs.n, lang, minCell) }) });
  const subtitle = indexPlotNote(data, lang, minCell);
  const title = chartTitle(options, 'indexPlot');
  const facet = options.groups ? { panels: data.panels.map((p) => p.label), columns: options.columns, independentY: true } : undefined;
  return panelSpec(lang, title, subtitle, data.values, unit, facet);
}

/** The rect layer of an index plot (a unit spec without data). */
export function indexUnitSpec(
  seqs: StateSequences,
  data: IndexPlotData,
  lang: Lang,
  size: { width: number; height: number; yTitle: string },
  shared?: { domain: string[]; range: string[] },
): Record<string, unknown> {
  // beside a chronogram the index plot takes its colour scale, so the legend is one and the scales agree
  const scale = shared ?? stateScale(seqs.alphabet, lang, data.withMissing);
  return {
    width: size.width,
    height: size.height,
    // A hairline stroke in the fill colour hides anti-aliasing seams between adjacent rows.
    mark: { type: 'rect', strokeWidth: 0.6 },
    encoding: {
      x: monthX(lang, seqs.timeLabels, monthStep(seqs.t, size.width)),
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', title: size.yTitle, scale: { nice: false, zero: true }, axis: { format: ',~r' } },
      y2: { field: 'y2' },
      color: { field: 'state', type: 'nominal', scale, legend: { title: tr(lang, 'state') } },
      stroke: { field: 'state', type: 'nominal', scale },
    },
  };
}

function orderRank(order: ArrayLike<number>, n: number): Int32Array {
  const rank = new Int32Array(n).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    if (!Number.isInteger(row) || row < 0 || row >= n) throw new OptionsError('order', `order[${k}] = ${row} is not a row index 0..${n - 1}`);
    rank[row] = k;
  }
  return rank;
}

function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
