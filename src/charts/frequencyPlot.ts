import type { TopLevelSpec } from 'vega-lite';
import type { StateSequences } from '../sequences/types.js';
import { distinctSequences } from '../sequences/distinct.js';
import { tr } from '../i18n/index.js';
import type { GroupOptions } from './panels.js';
import { panelTitles, sequencePanels } from './panels.js';
import { indexRects } from './rows.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, monthStep, monthX, panelSpec, roundTo, stateScale } from './theme.js';

/** Options of `frequencyPlot`. */
export interface FrequencyPlotOptions extends ChartOptions, GroupOptions {
  /** Number of most frequent sequences shown (default 10, as TraMineR). */
  top?: number;
  /** Use the case weights for the frequencies (default true). */
  weighted?: boolean;
  /** Panels per line when grouped (default 2). */
  columns?: number;
  /**
   * Disclosure control (default 10): only sequences that at least this many
   * persons share are drawn (a rarer one is close to one person's
   * trajectory). 1 draws every sequence (inside a secure environment only).
   */
  minCell?: number;
}

/**
 * Sequence frequency plot (TraMineR's `seqfplot`): the `top` most frequent
 * distinct sequences, most frequent at the bottom, each drawn as a bar whose
 * height is its share of all sequences, so the y axis reads as the cumulative
 * percentage of sequences covered. Ties keep the order of first appearance.
 * Disclosure control is on: only sequences shared by at least `minCell` (10)
 * persons are drawn, and the subtitle says so.
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 6.3.
 *
 * @param seqs the sequences
 * @param options top (10), weighted (true), minCell (10), groups, groupOrder, columns, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = frequencyPlot(seqs, { top: 10, groups: clusters });
 */
export function frequencyPlot(seqs: StateSequences, options: FrequencyPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const top = options.top ?? 10;
  const weighted = options.weighted ?? true;
  const width = options.width ?? 360;
  const height = options.height ?? (options.groups ? 200 : 280);
  const minCell = options.minCell ?? 10;
  const values: Record<string, number | string>[] = [];
  const panelNames: string[] = [];
  const groupPanels = sequencePanels(seqs, options);
  const titles = panelTitles(groupPanels.map((p) => ({ name: p.name, n: p.seqs.n })), lang, minCell);
  for (const [k, panel] of groupPanels.entries()) {
    const d = distinctSequences(panel.seqs);
    const amount = weighted ? d.weights : d.counts;
    let total = 0;
    for (let k = 0; k < amount.length; k++) total += amount[k];
    const ranked = Int32Array.from({ length: amount.length }, (_, k) => k)
      .filter((k) => d.counts[k] >= minCell)
      .sort((a, b) => amount[b] - amount[a] || a - b);
    const shown = ranked.subarray(0, Math.min(top, ranked.length));
    // Height of a shown sequence = 100 * its frequency / total frequency.
    const heights = Array.from(shown, (k) => (total > 0 ? (100 * amount[k]) / total : 0));
    const rows = Int32Array.from(shown, (k) => d.firstRow[k]);
    const { rects } = indexRects(panel.seqs, rows, { heights, maxRows: rows.length });
    // the persons sharing each bar's sequence, by the bar's bottom edge
    const personsAt = new Map<number, number>();
    let bottom = 0;
    shown.forEach((k, b) => {
      personsAt.set(bottom, d.counts[k]);
      bottom += heights[b];
    });
    const name = titles[k];
    panelNames.push(name);
    for (const r of rects) {
      values.push({
        n: personsAt.get(r.y)!,
        x: r.x - 0.5,
        x2: r.x2 - 0.5,
        y: roundTo(r.y, 4),
        y2: roundTo(r.y2, 4),
        state: r.s < 0 ? tr(lang, 'missing') : seqs.alphabet.labels[r.s],
        panel: name,
      });
    }
  }
  const scale = stateScale(seqs.alphabet, lang, values.some((v) => v.state === tr(lang, 'missing')));
  const unit = {
    width,
    height,
    // White hairlines keep neighbouring sequences apart, as TraMineR's bar borders do.
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: monthX(lang, seqs.timeLabels, monthStep(seqs.t, width)),
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', title: tr(lang, 'cumulativePercent'), scale: { nice: false, zero: true } },
      y2: { field: 'y2' },
      color: { field: 'state', type: 'nominal', scale, legend: { title: tr(lang, 'state') } },
    },
  };
  const title = chartTitle(options, 'frequencyPlot', { k: top });
  const subtitle = minCell > 1 ? tr(lang, 'sharedBy', { k: minCell }) : undefined;
  const facet = options.groups ? { panels: panelNames, columns: options.columns, independentY: true } : undefined;
  return panelSpec(lang, title, subtitle, values, unit, facet);
}
