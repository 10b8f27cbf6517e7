import type { TopLevelSpec } from 'vega-lite';
import { stateDistribution } from '../describe/state-distribution.js';
import type { StateDistribution } from '../describe/state-distribution.js';
import type { DescribeOptions } from '../describe/states.js';
import { protectDistribution } from '../disclosure/distribution.js';
import type { StateShares } from '../labour/shares.js';
import type { Alphabet, StateSequences } from '../sequences/types.js';
import type { Lang } from '../i18n/index.js';
import { tr, formatCount } from '../i18n/index.js';
import type { ChartOptions } from './theme.js';
import type { GroupOptions } from './panels.js';
import { panelTitle, sequencePanels } from './panels.js';
import { chartTitle, monthStep, monthX, roundTo, stateLabels, stateScale, topLevel } from './theme.js';

/** A state distribution computed for one panel (group). */
export interface DistributionPanel {
  /** Panel name (group, cluster); empty for a single panel. */
  readonly name: string;
  /** Shares and valid N by month, as `stateDistribution` returns them. */
  readonly distribution: Pick<StateDistribution, 'states' | 't' | 'frequencies' | 'validN'>;
}

/** Options of `stateDistributionPlot`. */
export interface DistributionPlotOptions extends ChartOptions, GroupOptions, DescribeOptions {
  /** Panels per line (default 2). */
  columns?: number;
  /** Show the N-at-risk row under each panel (default true). */
  nAtRisk?: boolean;
  /**
   * Disclosure control (default 10): shares and N at risk resting on fewer
   * persons are not shown, nor shares of the same month that would give them
   * away (`protectDistribution`); they are drawn as one grey band. 1 turns it
   * off (inside a secure environment only).
   */
  minCell?: number;
}

/**
 * State distribution plot, or chronogram (TraMineR's `seqdplot`): for each
 * month the shares of the states (`stateDistribution`) stacked to 100%, one
 * panel per group, with the weighted number of sequences still observed
 * (N at risk) under each panel, since right-censored follow-up makes later
 * months rest on fewer people. Months with no valid state stay empty.
 * Disclosure control is on (`minCell`, default 10): shares resting on fewer
 * persons, and the shares of the same month that would give them away, are
 * drawn together as one grey "not shown" band; a month observed for fewer
 * persons is grey throughout and its N reads "< 10".
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 6.1.
 *
 * @param seqs the sequences
 * @param options groups, groupOrder, weighted, withMissing, minCell (10), lang, title, width, height, columns, nAtRisk
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = stateDistributionPlot(seqs, { groups: seqs.covariates.array('benefit'), lang: 'nl' });
 */
export function stateDistributionPlot(seqs: StateSequences, options: DistributionPlotOptions = {}): TopLevelSpec {
  const minCell = options.minCell ?? 10;
  const panels = sequencePanels(seqs, options).map((p) => ({ name: p.name, distribution: protectedDistribution(p.seqs, options, minCell) }));
  return stateDistributionPlotFrom(seqs.alphabet, seqs.timeLabels, panels, options);
}

/**
 * The state distribution of a sequence set after disclosure control
 * (`protectDistribution` on the weighted shares, with the unweighted counts
 * as the persons behind them): suppressed shares and N are NaN.
 *
 * @param seqs the sequences
 * @param options weighted, withMissing
 * @param minCell the disclosure threshold (1: no control)
 * @example
 * protectedDistribution(seqs, {}, 10).frequencies;
 */
export function protectedDistribution(seqs: StateSequences, options: DescribeOptions, minCell: number): DistributionPanel['distribution'] {
  const d = stateDistribution(seqs, options);
  const { frequencies, validN } = protectDistribution(d, stateDistribution(seqs, { ...options, weighted: false }), { minCell });
  return { states: d.states, t: d.t, frequencies, validN };
}

/**
 * Whether a distribution has suppressed cells: a month whose N is hidden, or
 * an observed month with a hidden share.
 *
 * @example
 * hasSuppressed(protectedDistribution(seqs, {}, 10)); // true when some month rests on few persons
 */
export function hasSuppressed(d: DistributionPanel['distribution']): boolean {
  for (let j = 0; j < d.t; j++) {
    if (Number.isNaN(d.validN[j])) return true;
    if (d.validN[j] > 0) for (let s = 0; s < d.states.length; s++) if (Number.isNaN(d.frequencies[s * d.t + j])) return true;
  }
  return false;
}

/**
 * `stateDistributionPlot` from distributions already computed, one per panel.
 * They are drawn as given: NaN shares and N (suppressed, e.g. by
 * `protectedDistribution`) are drawn as "not shown" (`minCell` only names the
 * threshold in the legend).
 *
 * @param alphabet the states (labels and colours)
 * @param timeLabels month labels
 * @param panels name and `stateDistribution` result per panel
 * @param options lang, title, width, height, columns, nAtRisk, minCell
 * @example
 * stateDistributionPlotFrom(seqs.alphabet, seqs.timeLabels, [{ name: 'all', distribution: stateDistribution(seqs) }]);
 */
export function stateDistributionPlotFrom(
  alphabet: Alphabet,
  timeLabels: readonly string[],
  panels: readonly DistributionPanel[],
  options: DistributionPlotOptions = {},
): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const width = options.width ?? (panels.length > 1 ? 300 : 420);
  const height = options.height ?? 240;
  const minCell = options.minCell ?? 10;
  const withMissing = panels.some((p) => p.distribution.states.length > alphabet.codes.length);
  const scale = stateScale(alphabet, lang, withMissing, panels.some((p) => hasSuppressed(p.distribution)) ? minCell : undefined);
  const sizes = shownSizes(panels);
  const views = panels.map((panel) =>
    distributionView(alphabet, timeLabels, panel, { lang, scale, width, height, nAtRisk: options.nAtRisk !== false, minCell, sizes }),
  );
  const title = chartTitle(options, 'stateDistribution');
  if (views.length === 1) return topLevel(lang, title, undefined, views[0]);
  return topLevel(lang, title, undefined, { concat: views, columns: options.columns ?? 2 });
}

/**
 * `stateDistributionPlot` from a `stateSharesByMonth` result (study A,
 * figure 1: Wajong and WGA side by side): one panel per group, shares of the
 * reported months, N at risk = the weighted number observed. The shares are
 * drawn as given (suppressed ones NaN after disclosure control); an N at risk
 * of fewer than `minCell` persons is not shown.
 *
 * @param alphabet the states (labels and colours)
 * @param shares a `stateSharesByMonth` result
 * @param options lang, title, width, height, columns, nAtRisk, minCell (10)
 * @example
 * stateSharesPlot(seqs.alphabet, stateSharesByMonth(seqs, { by: 'benefit' }), { lang: 'nl' });
 */
export function stateSharesPlot(
  alphabet: Alphabet,
  shares: Pick<StateShares, 'states' | 'monthLabels' | 'groups'>,
  options: DistributionPlotOptions = {},
): TopLevelSpec {
  const t = shares.monthLabels.length;
  const S = shares.states.length;
  const minCell = options.minCell ?? 10;
  const panels = shares.groups.map((g) => {
    // frequencies[s * t + k] = shares[k][s] (state-major, as stateDistribution)
    const frequencies = new Float64Array(S * t);
    for (let k = 0; k < t; k++) for (let s = 0; s < S; s++) frequencies[s * t + k] = g.shares[k][s];
    const validN = Float64Array.from(g.atRiskWeighted, (w, k) => (g.atRisk[k] > 0 && g.atRisk[k] < minCell ? NaN : w));
    return { name: g.group, distribution: { states: shares.states, t, frequencies, validN } };
  });
  return stateDistributionPlotFrom(alphabet, shares.monthLabels, panels, options);
}

/**
 * One chronogram panel (with its N-at-risk row), for composing larger figures.
 *
 * @param alphabet the states
 * @param timeLabels month labels
 * @param panel name and distribution
 * @param view lang, colour scale (`stateScale`), width, height, nAtRisk
 * @example
 * distributionView(alphabet, labels, { name: '1', distribution: d }, { lang: 'en', scale, width: 300, height: 200, nAtRisk: true });
 */
export function distributionView(
  alphabet: Alphabet,
  timeLabels: readonly string[],
  panel: DistributionPanel,
  view: { lang: Lang; scale: { domain: string[]; range: string[] }; width: number; height: number; nAtRisk: boolean; minCell?: number; legendTitle?: string; sizes?: boolean },
): Record<string, unknown> {
  const { lang, scale, width } = view;
  const minCell = view.minCell ?? 1;
  const d = panel.distribution;
  // the panel's size: its largest published N (a hidden N is below minCell)
  const shownN = Array.from(d.validN).filter(Number.isFinite);
  const size = shownN.length ? Math.max(...shownN) : minCell > 1 ? 1 : 0;
  const suppressed = tr(lang, 'suppressed', { k: minCell });
  const chart = {
    // the name on one line, n on the next: a narrow panel keeps its width
    ...(panel.name ? { title: { text: view.sizes === false ? panel.name : panelTitle(panel.name, size, lang, minCell).split(/ (?=\(n [=<] )/), fontSize: 12, anchor: 'middle' } } : {}),
    width,
    height: view.height,
    data: { values: stackedShares(d, stateLabels(alphabet, d.states, lang), suppressed) },
    mark: { type: 'rect', strokeWidth: 0.4 },
    encoding: {
      x: monthX(lang, timeLabels, monthStep(timeLabels.length, width)),
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', title: tr(lang, 'share'), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      y2: { field: 'y2' },
      color: { field: 'state', type: 'nominal', scale, legend: { title: view.legendTitle ?? tr(lang, 'state') } },
      stroke: { field: 'state', type: 'nominal', scale },
    },
  };
  return view.nAtRisk && view.sizes !== false ? { vconcat: [chart, nAtRiskRow(d.validN, timeLabels, width, lang, minCell)], spacing: 4 } : chart;
}

/**
 * Rectangles of a stacked share chart: states stacked bottom-up in alphabet
 * order, months centred on their tick; suppressed shares (NaN in an observed
 * month) together as one band on top, labelled `suppressed`.
 *
 * @param d shares and valid N by month (NaN where suppressed)
 * @param labels the label of each state of `d`
 * @param suppressed the label of the band of suppressed shares
 * @returns rows { x, x2 } (month - 0.5, month + 0.5), { y, y2 } (cumulative shares), state
 * @example
 * stackedShares(protectedDistribution(seqs, {}, 10), seqs.alphabet.labels, 'not shown (< 10 persons)');
 */
export function stackedShares(d: DistributionPanel['distribution'], labels: readonly string[], suppressed: string): Record<string, number | string>[] {
  const { t, frequencies } = d;
  const values: Record<string, number | string>[] = [];
  for (let j = 0; j < t; j++) {
    if (d.validN[j] === 0) continue;
    let y = 0;
    let hidden = Number.isNaN(d.validN[j]);
    for (let s = 0; s < labels.length && !Number.isNaN(d.validN[j]); s++) {
      const share = frequencies[s * t + j];
      if (Number.isNaN(share)) hidden = true;
      if (!(share > 0)) continue;
      values.push({ x: j - 0.5, x2: j + 0.5, y: roundTo(y), y2: roundTo(y + share), state: labels[s] });
      y += share;
    }
    if (hidden && 1 - y > 1e-9) values.push({ x: j - 0.5, x2: j + 0.5, y: roundTo(y), y2: 1, state: suppressed });
  }
  return values;
}


/**
 * A one-line table of N at risk under a month axis, at the month axis's tick
 * step (`monthStep`). A suppressed N (NaN) reads `< minCell`.
 *
 * @example
 * nAtRiskRow([100, 98, NaN], ['0', '1', '2'], 300, 'en', 10); // 100, 98, < 10
 */
function nAtRiskRow(validN: ArrayLike<number>, timeLabels: readonly string[], width: number, lang: Lang, minCell = 1): Record<string, unknown> {
  const t = timeLabels.length;
  const step = monthStep(t, width);
  const row = tr(lang, 'nAtRisk');
  const values: Record<string, number | string>[] = [];
  for (let j = 0; j < t; j += step) values.push({ x: j, n: Number.isNaN(validN[j]) ? `< ${minCell}` : formatCount(validN[j], lang), row });
  return {
    width,
    height: 16,
    data: { values },
    mark: { type: 'text', fontSize: 10, baseline: 'middle' },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { domain: [-0.5, t - 0.5], nice: false, zero: false }, axis: null },
      y: { field: 'row', type: 'nominal', axis: { title: null, domain: false, ticks: false, labelPadding: 18, labelFontWeight: 'bold' } },
      text: { field: 'n' },
    },
  };
}

/**
 * Whether the panels' sizes (titles, persons at risk) may be shown: always
 * for one panel, and for several only when none has a suppressed N, since the
 * others' N and the total would give it.
 */
export function shownSizes(panels: readonly DistributionPanel[]): boolean {
  return panels.length <= 1 || panels.every((p) => Array.from(p.distribution.validN).every(Number.isFinite));
}
