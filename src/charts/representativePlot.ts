import type { TopLevelSpec } from 'vega-lite';
import type { SequenceRepresentatives } from '../explain/representatives.js';
import type { StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import { chartTitle, monthX, roundTo, stateScale, topLevel, type ChartOptions } from './theme.js';

/** One panel of {@link representativePlot}: a group's sequences and its representatives. */
export interface RepresentativePanel {
  /** Group name (empty for one panel). */
  readonly name: string;
  /** The representatives (`sequenceRepresentatives`), rows relative to `seqs`. */
  readonly result: SequenceRepresentatives;
  /** The sequences they were chosen from. */
  readonly seqs: StateSequences;
  /**
   * The statistics as published (`controlRepresentatives(...).values`): the
   * labels then show the shares of published na and nb only (`–` for a
   * suppressed one), and the coverage only with the total's na and nb.
   */
  readonly published?: ReadonlyMap<string, number | null>;
}

/** Options of {@link representativePlot}. */
export type RepresentativePlotOptions = ChartOptions;

/**
 * Representative sequences (TraMineR's `seqrplot`): per group one bar per
 * representative, its spells coloured by state, labelled with the share of
 * the cases it represents (na) and of those within the neighbourhood radius
 * (nb), and the group's coverage in the panel title. A representative that
 * fewer than `minCell` persons share (`disclosable` false) is drawn as an
 * empty grey bar saying so: its sequence is never shown.
 *
 * @param panels one per group
 * @param options lang, title, width, height (of one panel)
 * @returns a Vega-Lite spec with inline data
 * @example
 * representativePlot([{ name: '', seqs, result: sequenceRepresentatives(seqs, om, { coverage: 0.25 }) }]);
 */
export function representativePlot(panels: readonly RepresentativePanel[], options: RepresentativePlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const first = panels[0].seqs;
  const width = options.width ?? 420;
  const scale = stateScale(first.alphabet, lang, false);
  const pct = (x: number) => roundTo(x, 1).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US');
  const views = panels.map(({ name, result, seqs, published }) => {
    const cells: Record<string, unknown>[] = [];
    const hidden: Record<string, unknown>[] = [];
    // a share of the cases as shown: '–' where a count behind it is suppressed
    const suppressed = (id: string) => published !== undefined && (published.get(id) ?? null) === null;
    const share = (value: number, ...counts: string[]) => (counts.some(suppressed) ? '–' : `${pct(value)}%`);
    result.shown.forEach((rep, r) => {
      const st = result.statistics[r];
      const label = `r${r + 1}: na ${share(st.naPct, `r${r + 1}.na`)}, nb ${share(st.nbPct, `r${r + 1}.nb`)}`;
      if (!rep.disclosable) {
        hidden.push({ rep: label, x: 0, x2: seqs.t, text: tr(lang, 'representativeSuppressed', { k: result.minCell }) });
        return;
      }
      const row = rep.row * seqs.t;
      for (let j = 0; j < seqs.lengths[rep.row]; ) {
        const c = seqs.codes[row + j];
        let k = j;
        while (k < seqs.lengths[rep.row] && seqs.codes[row + k] === c) k++;
        cells.push({ rep: label, x: j - 0.5, x2: k - 0.5, state: seqs.alphabet.labels[c] ?? tr(lang, 'missing') });
        j = k;
      }
    });
    const x = { ...monthX(lang, seqs.timeLabels), field: 'x' };
    const y = { field: 'rep', type: 'ordinal', title: null, sort: null };
    // coverage = total nb / total na: shown with both
    const title = `${name ? `${name}: ` : ''}${tr(lang, 'coverage', { pct: share(100 * result.coverage, 'total.na', 'total.nb') })}`;
    return {
      title,
      width,
      height: 22 * Math.max(1, result.shown.length),
      layer: [
        { data: { values: cells }, mark: { type: 'rect' }, encoding: { x, x2: { field: 'x2' }, y, color: { field: 'state', type: 'nominal', title: tr(lang, 'state'), scale } } },
        { data: { values: hidden }, mark: { type: 'rect', fill: '#EEEEEE', stroke: '#999999' }, encoding: { x, x2: { field: 'x2' }, y } },
        { data: { values: hidden }, mark: { type: 'text', fontSize: 10 }, encoding: { x: { datum: seqs.t / 2, type: 'quantitative' }, y, text: { field: 'text' } } },
      ],
    };
  });
  const title = chartTitle(options, 'representatives');
  return topLevel(lang, title, undefined, views.length === 1 ? views[0] : { vconcat: views, resolve: { scale: { color: 'shared' } } });
}

