import type { TopLevelSpec } from 'vega-lite';
import type { CumulativeIncidence, KaplanMeierCurve } from '../stats/survival.js';
import type { Lang, TextKey } from '../i18n/index.js';
import { tr, formatCount } from '../i18n/index.js';
import type { ChartOptions } from './theme.js';
import { SERIES_PALETTE, chartTitle, monthStep, roundTo, topLevel } from './theme.js';

/** A Kaplan-Meier curve with the name shown in the legend (group, benefit). */
export interface NamedSurvivalCurve {
  readonly name: string;
  readonly curve: Pick<KaplanMeierCurve, 'time' | 'survival' | 'lower' | 'upper'> & Partial<Pick<KaplanMeierCurve, 'atRisk'>>;
}

/** Aalen-Johansen cumulative incidence of one group, named for its panel. */
export interface NamedIncidence {
  readonly name: string;
  readonly curve: Pick<CumulativeIncidence, 'time' | 'incidence' | 'lower' | 'upper'> & Partial<Pick<CumulativeIncidence, 'atRisk'>>;
}

/** Options of the survival-type plots. */
export interface SurvivalPlotOptions extends ChartOptions {
  /** Draw the pointwise confidence bands (default true). */
  bands?: boolean;
  /** Show a number-at-risk table under the curves when the curves carry `atRisk` (default true). */
  nAtRisk?: boolean;
  /** Last time shown (default: the largest time of any curve). */
  maxTime?: number;
  /** Title of the time axis (default: "Months since start", translated). */
  timeTitle?: string;
}

/** Options of `cumulativeIncidencePlot`. */
export interface IncidencePlotOptions extends SurvivalPlotOptions {
  /** Label of each cause 1..K (default 'cause k'). */
  causeLabels?: readonly string[];
  /** Causes drawn, 1-based (default all). */
  causes?: readonly number[];
}

/**
 * Kaplan-Meier survival curves (from `kaplanMeier`) as right-continuous steps
 * starting at S(0) = 1, one colour per curve, with the pointwise confidence
 * band shaded and the weighted number at risk in a table below.
 *
 * Reference: Kaplan & Meier (1958), JASA 53(282); bands as in `kaplanMeier`.
 *
 * @param curves name and `kaplanMeier` result per curve
 * @param options bands, nAtRisk, maxTime, timeTitle, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * kaplanMeierPlot([{ name: 'Wajong', curve: kaplanMeier(time, event) }], { lang: 'nl' });
 */
export function kaplanMeierPlot(curves: readonly NamedSurvivalCurve[], options: SurvivalPlotOptions = {}): TopLevelSpec {
  const series = curves.map((c) => ({
    name: c.name,
    panel: '',
    time: c.curve.time,
    value: c.curve.survival,
    lower: c.curve.lower,
    upper: c.curve.upper,
    atRisk: c.curve.atRisk,
    riskLabel: c.name,
  }));
  return stepCurvePlot(series, 1, options, { title: 'survival', y: 'survivalProb', legend: 'group' });
}

/**
 * Cumulative incidence curves with competing causes (from `aalenJohansen`):
 * F_k(t) as steps starting at 0, one colour per cause, one panel per group,
 * with pointwise confidence bands and the number at risk under each panel.
 *
 * Reference: Aalen & Johansen (1978), Scand. J. Statist. 5(3); Putter, Fiocco & Geskus (2007), Stat. Med. 26.
 *
 * @param groups name and `aalenJohansen` result per group (panel)
 * @param options causeLabels, causes, bands, nAtRisk, maxTime, timeTitle, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * cumulativeIncidencePlot([{ name: 'all', curve: aalenJohansen(time, cause, 2) }], { causeLabels: ['new job', 'left'] });
 */
export function cumulativeIncidencePlot(groups: readonly NamedIncidence[], options: IncidencePlotOptions = {}): TopLevelSpec {
  const series = groups.flatMap((g) => {
    const causes = options.causes ?? g.curve.incidence.map((_, k) => k + 1);
    return causes.map((k, i) => ({
      name: options.causeLabels?.[k - 1] ?? `cause ${k}`,
      panel: groups.length > 1 ? g.name : '',
      time: g.curve.time,
      value: g.curve.incidence[k - 1],
      lower: g.curve.lower[k - 1],
      upper: g.curve.upper[k - 1],
      // The causes of a group share one risk set: one row in the at-risk table.
      atRisk: i === 0 ? g.curve.atRisk : undefined,
      riskLabel: g.name,
    }));
  });
  return stepCurvePlot(series, 0, options, { title: 'cumIncidence', y: 'probability', legend: 'event' });
}

interface StepSeries {
  name: string;
  panel: string;
  time: readonly number[];
  value: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  atRisk?: readonly number[];
  /** Row label in the at-risk table. */
  riskLabel: string;
}

/** Step curves with bands, coloured by series name and faceted by panel, with an at-risk table per panel. */
function stepCurvePlot(
  series: readonly StepSeries[],
  start: number,
  options: SurvivalPlotOptions,
  keys: { title: TextKey; y: TextKey; legend: TextKey },
): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const width = options.width ?? 380;
  const height = options.height ?? 240;
  const maxTime = options.maxTime ?? Math.max(0, ...series.map((s) => s.time[s.time.length - 1] ?? 0));
  const names = [...new Set(series.map((s) => s.name))];
  const panels = [...new Set(series.map((s) => s.panel))];
  const color = {
    field: 'name',
    type: 'nominal',
    scale: { domain: names, range: names.map((_, i) => SERIES_PALETTE[i % SERIES_PALETTE.length]) },
    // Line symbols: the band layer would otherwise give pale area swatches.
    legend: { title: tr(lang, keys.legend), symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
  const step = monthStep(maxTime, width);
  const xScale = { domain: [0, maxTime], nice: false };
  const xAxis = { values: Array.from({ length: Math.floor(maxTime / step) + 1 }, (_, k) => k * step) };
  const views = panels.map((panel) => {
    const own = series.filter((s) => s.panel === panel);
    const values = own.flatMap((s) => stepPoints(s, start, maxTime));
    const layers: Record<string, unknown>[] = [];
    if (options.bands !== false) {
      layers.push({
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.2 },
        encoding: { y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
      });
    }
    layers.push({
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: { y: { field: 'value', type: 'quantitative', title: tr(lang, keys.y), scale: { domain: [0, 1] } }, color },
    });
    const chart = {
      ...(panel ? { title: { text: panel, fontSize: 12, anchor: 'middle' } } : {}),
      width,
      height,
      data: { values },
      encoding: {
        x: { field: 'time', type: 'quantitative', title: options.timeTitle ?? tr(lang, 'monthsSince'), scale: xScale, axis: xAxis },
      },
      layer: layers,
    };
    const risk = own.filter((s) => s.atRisk);
    return options.nAtRisk !== false && risk.length > 0 ? { vconcat: [chart, riskTable(risk, maxTime, step, width, lang)], spacing: 6 } : chart;
  });
  const title = chartTitle(options, keys.title);
  if (views.length === 1) return topLevel(lang, title, undefined, views[0]);
  return topLevel(lang, title, undefined, { hconcat: views });
}

/**
 * Points of a right-continuous step curve from time 0 up to its last time (at
 * most maxTime); NaN bounds become gaps in the band. The curve is not carried
 * on to the end of the axis (as R's plot.survfit): its times include the
 * censorings, so the last one is where its follow-up, or its published part
 * under disclosure control, ends.
 */
function stepPoints(s: StepSeries, start: number, maxTime: number): Record<string, number | string | null>[] {
  const out: Record<string, number | string | null>[] = [];
  const bound = (v: number) => (Number.isFinite(v) ? roundTo(v) : null);
  if (!(s.time[0] <= 0)) out.push({ name: s.name, time: 0, value: start, lower: start, upper: start });
  for (let j = 0; j < s.time.length && s.time[j] <= maxTime; j++) {
    out.push({ name: s.name, time: s.time[j], value: roundTo(s.value[j]), lower: bound(s.lower[j]), upper: bound(s.upper[j]) });
  }
  return out;
}

/** Number at risk of each series at evenly spaced times: n(x) = atRisk at the first time >= x. */
function riskTable(series: readonly StepSeries[], maxTime: number, step: number, width: number, lang: Lang): Record<string, unknown> {
  const values: Record<string, number | string>[] = [];
  for (const s of series) {
    let j = 0;
    for (let x = 0; x <= maxTime; x += step) {
      while (j < s.time.length && s.time[j] < x) j++;
      const n = j < s.time.length && s.atRisk ? s.atRisk[j] : 0;
      values.push({ row: s.riskLabel, x, n: formatCount(n, lang) });
    }
  }
  return {
    width,
    height: 14 * series.length,
    title: { text: tr(lang, 'nAtRisk'), fontSize: 11, anchor: 'start', fontWeight: 'bold' },
    data: { values },
    mark: { type: 'text', fontSize: 10 },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { domain: [0, maxTime], nice: false }, axis: null },
      y: { field: 'row', type: 'nominal', sort: series.map((s) => s.riskLabel), axis: { title: null, domain: false, ticks: false, labelPadding: 34 } }, // clears the centred first count
      text: { field: 'n' },
    },
  };
}
