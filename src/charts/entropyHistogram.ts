import type { TopLevelSpec } from 'vega-lite';
import { withinEntropy } from '../describe/indicators.js';
import type { StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import type { GroupOptions } from './panels.js';
import { panelTitles, sequencePanels } from './panels.js';
import type { ChartOptions } from './theme.js';
import { SERIES_PALETTE, chartTitle, panelSpec, roundTo } from './theme.js';

/** Options of `entropyHistogram`. */
export interface EntropyHistogramOptions extends ChartOptions, GroupOptions {
  /** Number of bins over [0, 1] (default 20). */
  bins?: number;
  /** Count sequences by their case weights (default true). */
  weighted?: boolean;
  /** Missing months count as a state (default false). */
  withMissing?: boolean;
  /** Panels per line when grouped (default 2). */
  columns?: number;
}

/**
 * Histogram of the normalised within-sequence entropy (`withinEntropy`,
 * TraMineR's `seqient`): 0 for a sequence that stays in one state, 1 for one
 * that spends equal time in every state. Binned here (equal-width bins over
 * [0, 1], 1 in the last bin) so the spec holds `bins` rows per panel.
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 4.3.
 *
 * @param seqs the sequences
 * @param options bins (20), weighted (true), withMissing, groups, groupOrder, columns, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = entropyHistogram(seqs, { groups: clusters, bins: 10 });
 */
export function entropyHistogram(seqs: StateSequences, options: EntropyHistogramOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const bins = options.bins ?? 20;
  const weighted = options.weighted ?? true;
  const values: Record<string, number | string>[] = [];
  const panels: string[] = [];
  const groupPanels = sequencePanels(seqs, options);
  const titles = panelTitles(groupPanels.map((p) => ({ name: p.name, n: p.seqs.n })), lang);
  for (const [k, panel] of groupPanels.entries()) {
    const h = withinEntropy(panel.seqs, { withMissing: options.withMissing });
    const counts = new Float64Array(bins);
    // bin of h = min(floor(h * bins), bins - 1)
    for (let i = 0; i < h.length; i++) counts[Math.min(bins - 1, Math.floor(h[i] * bins))] += weighted ? panel.seqs.weights[i] : 1;
    const name = titles[k];
    panels.push(name);
    for (let b = 0; b < bins; b++) values.push({ x: roundTo(b / bins), x2: roundTo((b + 1) / bins), count: roundTo(counts[b], 4), panel: name });
  }
  const unit = {
    width: options.width ?? 300,
    height: options.height ?? 180,
    mark: { type: 'rect', color: SERIES_PALETTE[0], stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: tr(lang, 'entropyValue'), scale: { domain: [0, 1] } },
      x2: { field: 'x2' },
      y: { field: 'count', type: 'quantitative', title: tr(lang, 'count') },
      y2: { datum: 0 },
    },
  };
  const facet = options.groups ? { panels, columns: options.columns, independentY: true } : undefined;
  return panelSpec(lang, chartTitle(options, 'entropy'), undefined, values, unit, facet);
}
