import type { TopLevelSpec } from 'vega-lite';
import { tr } from '../i18n/index.js';
import type { ChartOptions } from './theme.js';
import { SERIES_PALETTE, chartTitle, roundTo, topLevel } from './theme.js';

/** Quality indices by number of clusters, as `clusterRange` returns them. */
export interface ClusterRangeLike {
  /** Number of clusters of each partition. */
  readonly ks: readonly number[];
  /** Indices per partition, e.g. `{ ASW: 0.41, HC: 0.12, ... }` (non-numeric fields are ignored). */
  readonly quality: readonly Readonly<Record<string, unknown>>[];
}

/** Options of `clusterQualityPlot`. */
export interface ClusterQualityPlotOptions extends ChartOptions {
  /** Indices drawn (default: ASW, HC, PBC, R2, CH, HG, those present). */
  stats?: readonly string[];
  /** The chosen k, marked with a vertical line. */
  highlightK?: number;
  /** 'none' (default): one panel per index on its own scale; 'zscore': all in one panel, each standardised. */
  normalize?: 'none' | 'zscore';
  /** Panels per line (default 3). */
  columns?: number;
}

const DEFAULT_STATS = ['ASW', 'HC', 'PBC', 'R2', 'CH', 'HG'];

/**
 * Cluster quality by number of clusters (WeightedCluster's `plot` of an
 * `as.clustrange` object): each index against k, one small panel per index
 * on its own scale, or all indices standardised (z = (x - mean) / sd over the
 * k's) in one panel; the chosen k marked. HC is better when lower, the others
 * when higher.
 *
 * Reference: Studer (2013), WeightedCluster library manual, section 6.
 *
 * @param range ks and quality per partition (a `clusterRange` result)
 * @param options stats, highlightK, normalize, columns, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * clusterQualityPlot(clusterRange(matrix, hclust(matrix), { kmax: 10 }), { highlightK: 4 });
 */
export function clusterQualityPlot(range: ClusterRangeLike, options: ClusterQualityPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const present = (stat: string) => range.quality.some((q) => typeof q[stat] === 'number');
  const stats = (options.stats ?? DEFAULT_STATS).filter(present);
  const zscore = options.normalize === 'zscore';
  const values: Record<string, number | string | null>[] = [];
  for (const stat of stats) {
    const xs = range.quality.map((q) => (typeof q[stat] === 'number' ? (q[stat] as number) : NaN));
    const finite = xs.filter(Number.isFinite);
    const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
    const sd = Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, finite.length - 1));
    xs.forEach((x, i) => {
      // z = (x - mean) / sd; a constant index stays at 0.
      const v = zscore ? (sd > 0 ? (x - mean) / sd : 0) : x;
      values.push({ stat, k: range.ks[i], value: Number.isFinite(v) ? roundTo(v) : null });
    });
  }
  const x = { field: 'k', type: 'quantitative', title: tr(lang, 'numberOfClusters'), scale: { zero: false, nice: false }, axis: { tickMinStep: 1, format: 'd' } };
  const y = { field: 'value', type: 'quantitative', title: tr(lang, 'value'), scale: { zero: false } };
  const color = zscore
    ? { field: 'stat', type: 'nominal', sort: stats, scale: { range: [...SERIES_PALETTE] }, legend: { title: tr(lang, 'statistic') } }
    : { value: SERIES_PALETTE[0] };
  const layers: Record<string, unknown>[] = [{ mark: { type: 'line', point: true }, encoding: { x, y, color } }];
  if (options.highlightK !== undefined) {
    layers.push({
      // One rule per panel, not one per data row.
      transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: ['stat'] }],
      mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
      encoding: { x: { datum: options.highlightK } },
    });
  }
  const title = chartTitle(options, 'clusterQuality');
  if (zscore) {
    return topLevel(lang, title, undefined, { data: { values }, width: options.width ?? 380, height: options.height ?? 240, layer: layers });
  }
  // One chart per index (not a facet): each panel gets its own axes, aligned on its own scales.
  const panel = (stat: string) => ({
    title: { text: stat, fontSize: 12, anchor: 'middle' },
    transform: [{ filter: { field: 'stat', equal: stat } }],
    width: options.width ?? 180,
    height: options.height ?? 120,
    layer: layers,
  });
  return topLevel(lang, title, undefined, { data: { values }, concat: stats.map(panel), columns: options.columns ?? 3 });
}
