import type { TopLevelSpec } from 'vega-lite';
import type { StateSequences } from '../sequences/types.js';
import { chartText } from './i18n.js';
import type { Lang } from './i18n.js';
import type { GroupOptions } from './panels.js';
import { checkGroups, panelTitle } from './panels.js';
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
}

/** Data rows and labels of an index plot, shared with `clusterPanels`. */
export interface IndexPlotData {
  values: Record<string, number | string>[];
  /** Largest number of sequences per drawn row over the panels. */
  perRow: number;
  withMissing: boolean;
  /** Panel label per group (name and n). */
  panels: { name: string; label: string; total: number }[];
}

/**
 * Rectangles of an index plot for each group, as inline data rows
 * `{x, x2, y, y2, state, panel}`.
 *
 * @example
 * indexPlotData(seqs, splitRows(clusters), { sort: 'start', maxRows: 300 }, 'en').values.length;
 */
export function indexPlotData(
  seqs: StateSequences,
  groups: readonly RowGroup[],
  options: { sort?: SequenceSort; order?: ArrayLike<number>; maxRows: number; weighted?: boolean },
  lang: Lang,
): IndexPlotData {
  const missing = chartText(lang, 'missing');
  const rank = options.order ? orderRank(options.order, seqs.n) : undefined;
  const values: Record<string, number | string>[] = [];
  const panels: IndexPlotData['panels'] = [];
  let perRow = 1;
  let withMissing = false;
  for (const group of groups) {
    const rows = rank
      ? Int32Array.from(group.rows.filter((r) => rank[r] >= 0)).sort((a, b) => rank[a] - rank[b])
      : sortRows(seqs, options.sort ?? 'start', group.rows);
    const { rects, perRow: k, total } = indexRects(seqs, rows, options);
    perRow = Math.max(perRow, k);
    const label = panelTitle(group.name, rows.length, lang);
    panels.push({ name: group.name, label, total });
    for (const r of rects) {
      if (r.s < 0) withMissing = true;
      values.push({ x: r.x - 0.5, x2: r.x2 - 0.5, y: roundTo(r.y, 4), y2: roundTo(r.y2, 4), state: r.s < 0 ? missing : seqs.alphabet.labels[r.s], panel: label });
    }
  }
  return { values, perRow, withMissing, panels };
}

/**
 * Sequence index plot (TraMineR's `seqIplot`): one horizontal line per
 * sequence, coloured by state month by month, sorted by start state, by an
 * explicit order, and split into one panel per group (cluster).
 * Drawn as one rectangle per run of equal states, without borders. Panels
 * with more sequences than `maxRows` bin consecutive sequences and draw each
 * bin's modal state per month (the subtitle says so), so 25,000 sequences give
 * a few thousand rectangles.
 *
 * Reference: Gabadinho, Ritschard, Müller & Studer (2011), Analyzing and
 * visualizing state sequences in R with TraMineR, J. Stat. Softw. 40(4), section 6.
 *
 * @param seqs the sequences
 * @param options sort, order, groups, maxRows, weighted, lang, title, width, height
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
  const data = indexPlotData(seqs, groups, { ...options, maxRows: options.maxRows ?? height }, lang);
  const unit = indexUnitSpec(seqs, data, lang, { width, height, yTitle: chartText(lang, options.groups ? 'sequencesAxis' : 'sequences', { n: seqs.n }) });
  const subtitle = data.perRow > 1 ? chartText(lang, 'binnedRows', { k: data.perRow }) : undefined;
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
): Record<string, unknown> {
  const scale = stateScale(seqs.alphabet, lang, data.withMissing);
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
      color: { field: 'state', type: 'nominal', scale, legend: { title: chartText(lang, 'state') } },
      stroke: { field: 'state', type: 'nominal', scale },
    },
  };
}

function orderRank(order: ArrayLike<number>, n: number): Int32Array {
  const rank = new Int32Array(n).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    if (!Number.isInteger(row) || row < 0 || row >= n) throw new Error(`order[${k}] = ${row} is not a row index 0..${n - 1}.`);
    rank[row] = k;
  }
  return rank;
}

function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
