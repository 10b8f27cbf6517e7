import type { TopLevelSpec } from 'vega-lite';
import { transitionRates } from '../describe/transitions.js';
import type { TransitionRates } from '../describe/transitions.js';
import type { DescribeOptions } from '../describe/states.js';
import type { Alphabet, StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, roundTo, stateLabels, topLevel } from './theme.js';

/**
 * Transition-rate heatmap: the month-to-month transition rates
 * (`transitionRates`, TraMineR's `seqtrate`) as a from x to grid, darker for
 * higher rates, each cell labelled with its rate.
 *
 * Reference: Gabadinho et al. (2011), J. Stat. Softw. 40(4), section 4.2.
 *
 * @param seqs the sequences
 * @param options weighted, withMissing, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = transitionRatePlot(seqs, { lang: 'nl' });
 */
export function transitionRatePlot(seqs: StateSequences, options: ChartOptions & DescribeOptions = {}): TopLevelSpec {
  return transitionRatePlotFrom(seqs.alphabet, transitionRates(seqs, options), options);
}

/**
 * `transitionRatePlot` from a `transitionRates` result already computed.
 *
 * @param alphabet the states (for labels)
 * @param rates a `transitionRates` result (from-major S x S)
 * @param options lang, title, width, height
 * @example
 * transitionRatePlotFrom(seqs.alphabet, transitionRates(seqs));
 */
export function transitionRatePlotFrom(
  alphabet: Alphabet,
  rates: Pick<TransitionRates, 'states' | 'rates'>,
  options: ChartOptions = {},
): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const labels = stateLabels(alphabet, rates.states, lang);
  const S = labels.length;
  const values: Record<string, number | string>[] = [];
  for (let a = 0; a < S; a++) {
    for (let b = 0; b < S; b++) values.push({ from: labels[a], to: labels[b], rate: roundTo(rates.rates[a * S + b], 4) });
  }
  const side = options.width ?? Math.max(160, 60 * S);
  return topLevel(lang, chartTitle(options, 'transitionRates'), undefined, {
    data: { values },
    width: side,
    height: options.height ?? side,
    encoding: {
      x: { field: 'to', type: 'nominal', sort: labels, title: tr(lang, 'toState'), axis: { orient: 'top', labelAngle: -30, labelAlign: 'left' } },
      y: { field: 'from', type: 'nominal', sort: labels, title: tr(lang, 'fromState') },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'rate', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, legend: { title: tr(lang, 'rate'), format: '.1f' } },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'rate', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'datum.rate > 0.55', value: 'white' }, value: 'black' },
        },
      },
    ],
  });
}
