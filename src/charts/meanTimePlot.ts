import type { TopLevelSpec } from 'vega-lite';
import { meanTime } from '../describe/mean-time.js';
import type { DescribeOptions } from '../describe/states.js';
import type { StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import type { GroupOptions } from './panels.js';
import { panelTitles, sequencePanels } from './panels.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, panelSpec, roundTo, stateLabels, stateScale } from './theme.js';

/** Options of `meanTimePlot`. */
export interface MeanTimePlotOptions extends ChartOptions, GroupOptions, DescribeOptions {
  /** Panels per line when grouped (default 2). */
  columns?: number;
}

/**
 * Mean time spent in each state (TraMineR's `seqmtplot`): one horizontal bar
 * per state with the weighted mean number of months (`meanTime`), one panel
 * per group, the value printed at the end of each bar.
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 6.
 *
 * @param seqs the sequences
 * @param options groups, groupOrder, weighted, withMissing, columns, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = meanTimePlot(seqs, { groups: benefit, lang: 'nl' });
 */
export function meanTimePlot(seqs: StateSequences, options: MeanTimePlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const values: Record<string, number | string>[] = [];
  const panels: string[] = [];
  let labels: string[] = [];
  const groupPanels = sequencePanels(seqs, options);
  const titles = panelTitles(groupPanels.map((p) => ({ name: p.name, n: p.seqs.n })), lang);
  for (const [k, panel] of groupPanels.entries()) {
    const m = meanTime(panel.seqs, options);
    labels = stateLabels(seqs.alphabet, m.states, lang);
    const name = titles[k];
    panels.push(name);
    for (let s = 0; s < m.states.length; s++) values.push({ state: labels[s], months: roundTo(m.mean[s], 4), panel: name });
  }
  const scale = stateScale(seqs.alphabet, lang, labels.length > seqs.alphabet.codes.length);
  const y = { field: 'state', type: 'nominal', sort: labels, title: null };
  const unit = {
    width: options.width ?? 300,
    height: options.height ?? { step: 24 },
    encoding: { y, x: { field: 'months', type: 'quantitative', title: tr(lang, 'meanMonths') } },
    layer: [
      { mark: { type: 'bar' }, encoding: { color: { field: 'state', type: 'nominal', scale, legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { text: { field: 'months', type: 'quantitative', format: '.1f' } } },
    ],
  };
  const facet = options.groups ? { panels, columns: options.columns } : undefined;
  return panelSpec(lang, chartTitle(options, 'meanTime'), undefined, values, unit, facet);
}
