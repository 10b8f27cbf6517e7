import type { TopLevelSpec } from 'vega-lite';
import type { IndexNumbers } from '../labour/indexNumbers.js';
import { tr } from '../i18n/index.js';
import type { ChartOptions } from './theme.js';
import { SERIES_PALETTE, chartTitle, monthStep, roundTo, topLevel } from './theme.js';

/** One index-number series: a measure (hourly wage, hours, share permanent) in one group, start = 100. */
export interface IndexSeries {
  /** Measure name (legend). */
  readonly measure: string;
  /** Group (panel), e.g. the benefit; '' or omitted for a single panel. */
  readonly group?: string;
  /** Months since start. */
  readonly time: ArrayLike<number>;
  /** Index value at each time (100 = start). */
  readonly index: ArrayLike<number>;
  /** Optional lower and upper confidence bounds of the index. */
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
}

/** Options of `indexNumberPlot`. */
export interface IndexNumberPlotOptions extends ChartOptions {
  /** Value of the reference line (default 100). */
  base?: number;
  /** Title of the time axis (default "Months since start", translated). */
  timeTitle?: string;
}

/**
 * Index-number lines (study A, figure 2): each measure as an index with the
 * start at 100, one colour per measure, one panel per group, a reference line
 * at 100 and shaded bands when bounds are given. Non-finite values are gaps.
 *
 * @param series measure, group, time, index (and optional bounds) per series
 * @param options base (100), timeTitle, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * indexNumberPlot([
 *   { measure: 'hourly wage', group: 'Wajong', time: [0, 12, 24, 36], index: [100, 112, 125, 138] },
 *   { measure: 'hours', group: 'Wajong', time: [0, 12, 24, 36], index: [100, 101, 99, 100] },
 * ], { lang: 'nl' });
 */
export function indexNumberPlot(series: readonly IndexSeries[], options: IndexNumberPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const base = options.base ?? 100;
  const values: Record<string, number | string | null>[] = [];
  for (const s of series) {
    for (let j = 0; j < s.time.length; j++) {
      const v = (a: ArrayLike<number> | undefined) => (a && Number.isFinite(a[j]) ? roundTo(a[j], 4) : null);
      values.push({ measure: s.measure, group: s.group ?? '', time: s.time[j], index: v(s.index), lower: v(s.lower), upper: v(s.upper) });
    }
  }
  const measures = [...new Set(series.map((s) => s.measure))];
  const groups = [...new Set(series.map((s) => s.group ?? ''))];
  const color = {
    field: 'measure',
    type: 'nominal',
    scale: { domain: measures, range: measures.map((_, i) => SERIES_PALETTE[i % SERIES_PALETTE.length]) },
    legend: { title: tr(lang, 'measure'), symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
  const layers: Record<string, unknown>[] = [];
  if (series.some((s) => s.lower && s.upper)) {
    layers.push({ mark: { type: 'area', opacity: 0.15 }, encoding: { y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color } });
  }
  layers.push(
    {
      mark: { type: 'line', strokeWidth: 2, point: { size: 18 } },
      encoding: { y: { field: 'index', type: 'quantitative', title: tr(lang, 'index'), scale: { zero: false } }, color },
    },
    {
      // One rule per panel: collapse the rows to one per group first.
      transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: ['group'] }],
      mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
      encoding: { y: { datum: base } },
    },
  );
  const width = options.width ?? 320;
  // ticks at the month step every figure uses
  let last = 0;
  for (const s of series) for (let j = 0; j < s.time.length; j++) last = Math.max(last, s.time[j]);
  const step = monthStep(last + 1, width);
  const ticks = Array.from({ length: Math.floor(last / step) + 1 }, (_, k) => k * step);
  const unit = {
    width,
    height: options.height ?? 220,
    encoding: { x: { field: 'time', type: 'quantitative', title: options.timeTitle ?? tr(lang, 'monthsSince'), scale: { nice: false }, axis: { values: ticks } } },
    layer: layers,
  };
  const title = chartTitle(options, 'indexNumbers');
  if (groups.length === 1) return topLevel(lang, title, undefined, { data: { values }, ...unit });
  return topLevel(lang, title, undefined, {
    data: { values },
    facet: { field: 'group', type: 'nominal', sort: groups, header: { title: null, labelFontWeight: 'bold' } },
    columns: 2,
    spec: unit,
  });
}

/**
 * An index-number series from a `fixedEffectsIndex` result: each bin of
 * months at its first month, with the confidence interval as the band.
 *
 * @param result a `fixedEffectsIndex` result
 * @param measure legend name (default: the outcome)
 * @param group panel name (default none)
 * @example
 * indexNumberPlot([indexSeriesFrom(fixedEffectsIndex(wajong, { outcome: 'hourly_wage' }), 'hourly wage', 'Wajong')]);
 */
export function indexSeriesFrom(
  result: Pick<IndexNumbers, 'outcome' | 'bins' | 'index' | 'lower' | 'upper'>,
  measure: string = result.outcome,
  group?: string,
): IndexSeries {
  return { measure, group, time: result.bins.map((b) => b.from), index: result.index, lower: result.lower, upper: result.upper };
}
