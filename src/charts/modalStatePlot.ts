import type { TopLevelSpec } from 'vega-lite';
import { modalStates } from '../describe/state-distribution.js';
import type { DescribeOptions } from '../describe/states.js';
import type { StateSequences } from '../sequences/types.js';
import { VOID } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import type { GroupOptions } from './panels.js';
import { panelTitles, sequencePanels } from './panels.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, monthStep, monthX, panelSpec, roundTo, stateLabels, stateScale } from './theme.js';

/** Options of `modalStatePlot`. */
export interface ModalStatePlotOptions extends ChartOptions, GroupOptions, DescribeOptions {
  /** Panels per line when grouped (default 2). */
  columns?: number;
}

/**
 * Modal state plot (TraMineR's `seqmsplot`): in each month a bar in the
 * colour of the most frequent state (`modalStates`), as high as that state's
 * share, one panel per group.
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 6.
 *
 * @param seqs the sequences
 * @param options groups, groupOrder, weighted, withMissing, columns, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = modalStatePlot(seqs, { groups: clusters });
 */
export function modalStatePlot(seqs: StateSequences, options: ModalStatePlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const width = options.width ?? 320;
  const height = options.height ?? 180;
  const values: Record<string, number | string>[] = [];
  const panels: string[] = [];
  let withMissing = false;
  const groupPanels = sequencePanels(seqs, options);
  const titles = panelTitles(groupPanels.map((p) => ({ name: p.name, n: p.seqs.n })), lang);
  for (const [k, panel] of groupPanels.entries()) {
    const modal = modalStates(panel.seqs, options);
    const labels = stateLabels(seqs.alphabet, modal.states, lang);
    const name = titles[k];
    panels.push(name);
    for (let j = 0; j < modal.codes.length; j++) {
      const s = modal.codes[j];
      if (s === VOID) continue;
      if (s >= seqs.alphabet.codes.length) withMissing = true;
      values.push({ x: j - 0.5, x2: j + 0.5, share: roundTo(modal.frequencies[j]), state: labels[s], panel: name });
    }
  }
  const scale = stateScale(seqs.alphabet, lang, withMissing);
  const unit = {
    width,
    height,
    mark: { type: 'rect', strokeWidth: 0.4 },
    encoding: {
      x: monthX(lang, seqs.timeLabels, monthStep(seqs.t, width)),
      x2: { field: 'x2' },
      y: { field: 'share', type: 'quantitative', title: tr(lang, 'shareModal'), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      y2: { datum: 0 },
      color: { field: 'state', type: 'nominal', scale, legend: { title: tr(lang, 'state') } },
      stroke: { field: 'state', type: 'nominal', scale },
    },
  };
  const facet = options.groups ? { panels, columns: options.columns } : undefined;
  return panelSpec(lang, chartTitle(options, 'modalState'), undefined, values, unit, facet);
}
