import type { TopLevelSpec } from 'vega-lite';
import type { Alphabet } from '../sequences/types.js';
import type { Lang } from './i18n.js';
import { chartText, formatCount } from './i18n.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, monthStep, monthX, stateScale, roundTo, topLevel } from './theme.js';

/** State shares by month of one panel (TraMineR `seqstatd`: Frequencies and ValidStates). */
export interface DistributionPanel {
  /** Panel name (group, cluster); may be empty for a single panel. */
  readonly name: string;
  /** `shares[s][j]`: share of state s in month j, alphabet order; an extra last row is the missing state. */
  readonly shares: readonly ArrayLike<number>[];
  /** Weighted number of sequences observed in month j (the N at risk). */
  readonly nValid: ArrayLike<number>;
}

/** What the state distribution and modal state plots draw. */
export interface DistributionInput {
  readonly alphabet: Alphabet;
  /** Month labels, one per month. */
  readonly timeLabels: readonly string[];
  readonly panels: readonly DistributionPanel[];
}

/** Options of `stateDistributionPlot`. */
export interface DistributionPlotOptions extends ChartOptions {
  /** Panels per line (default: all side by side up to 2, then 2 per line). */
  columns?: number;
  /** Show the N-at-risk row under each panel (default true). */
  nAtRisk?: boolean;
}

/**
 * State distribution plot, or chronogram (TraMineR's `seqdplot`): for each
 * month the shares of the states stacked to 100%, one panel per group, with
 * the number of sequences still observed (N at risk) under each panel, since
 * right-censored follow-up makes later months rest on fewer people.
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 6.1.
 *
 * @param input alphabet, month labels, and per panel the shares and N at risk
 * @param options lang, title, width, height, columns, nAtRisk
 * @returns a Vega-Lite spec with inline data
 * @example
 * stateDistributionPlot({ alphabet, timeLabels, panels: [
 *   { name: 'Wajong', shares: [[0.59, 0.2], [0.3, 0.6], [0.01, 0.1], [0.1, 0.1]], nValid: [950, 940] },
 * ] }, { lang: 'nl' });
 */
export function stateDistributionPlot(input: DistributionInput, options: DistributionPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const { alphabet, timeLabels, panels } = input;
  const width = options.width ?? (panels.length > 1 ? 300 : 420);
  const height = options.height ?? 240;
  const withMissing = panels.some((p) => p.shares.length > alphabet.codes.length);
  const scale = stateScale(alphabet, lang, withMissing);
  const views = panels.map((panel) => {
    const values = stackedShares(panel, scale.domain, timeLabels.length);
    const chart = {
      ...(panel.name ? { title: { text: panelLabel(panel, lang), fontSize: 12, anchor: 'middle' } } : {}),
      width,
      height,
      data: { values },
      mark: { type: 'rect', strokeWidth: 0.4 },
      encoding: {
        x: monthX(lang, timeLabels, monthStep(timeLabels.length, width)),
        x2: { field: 'x2' },
        y: { field: 'y', type: 'quantitative', title: chartText(lang, 'share'), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        y2: { field: 'y2' },
        color: { field: 'state', type: 'nominal', scale, legend: { title: chartText(lang, 'state') } },
        stroke: { field: 'state', type: 'nominal', scale },
      },
    };
    return options.nAtRisk === false ? chart : { vconcat: [chart, nAtRiskRow(panel.nValid, timeLabels, width, lang)], spacing: 4 };
  });
  const title = chartTitle(options, 'stateDistribution');
  if (views.length === 1) return topLevel(lang, title, undefined, views[0]);
  return topLevel(lang, title, undefined, { concat: views, columns: options.columns ?? 2 });
}

/** Rectangles of a stacked share chart: states stacked bottom-up in alphabet order, months centred on their tick. */
function stackedShares(panel: DistributionPanel, labels: readonly string[], t: number): Record<string, number | string>[] {
  const values: Record<string, number | string>[] = [];
  for (let j = 0; j < t; j++) {
    let y = 0;
    for (let s = 0; s < panel.shares.length; s++) {
      const share = panel.shares[s][j];
      if (!(share > 0)) continue;
      values.push({ x: j - 0.5, x2: j + 0.5, y: roundTo(y), y2: roundTo(y + share), state: labels[s] });
      y += share;
    }
  }
  return values;
}

/** Panel title: name and the number of sequences at the first month. */
export function panelLabel(panel: { name: string; nValid: ArrayLike<number> }, lang: Lang): string {
  let n = 0;
  for (let j = 0; j < panel.nValid.length; j++) n = Math.max(n, panel.nValid[j]);
  return `${panel.name} (n = ${formatCount(n, lang)})`;
}

/**
 * A one-line table of N at risk under a month axis, at the month axis's tick step (`monthStep`).
 *
 * @example
 * nAtRiskRow([100, 98, 97], ['0', '1', '2'], 300, 'en');
 */
export function nAtRiskRow(nValid: ArrayLike<number>, timeLabels: readonly string[], width: number, lang: Lang): Record<string, unknown> {
  const t = timeLabels.length;
  const step = monthStep(t, width);
  const row = chartText(lang, 'nAtRisk');
  const values: Record<string, number | string>[] = [];
  for (let j = 0; j < t; j += step) values.push({ x: j, n: formatCount(nValid[j], lang), row });
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
