import type { StateSequences } from '../sequences/types.js';
import { rowWeights, stateIndex, type DescribeOptions } from './states.js';

/** Mean time spent in each state. */
export interface MeanTime {
  /** State codes, alphabet order; `'*'` last when missing counts as a state. */
  readonly states: string[];
  /** Weighted mean number of months per sequence in each state. */
  readonly mean: Float64Array;
}

/**
 * Mean time spent in each state (TraMineR `seqmeant`; Gabadinho et al. 2011,
 * J. Stat. Softw. 40(4), section 4.1).
 *
 * mean_s = sum_i w_i #{j : x_ij = s} / sum_i w_i over all sequences, so censored
 * and missing months count for no state but the sequence still counts in the
 * denominator.
 *
 * @param seqs the sequences (weights honoured unless `weighted: false`)
 * @param options `weighted` (true), `withMissing` (false)
 * @returns the mean number of months in each state
 * @example
 * const m = meanTime(seqs);
 * m.mean[m.states.indexOf('employment')]; // 31.72 months on mvad
 */
export function meanTime(seqs: StateSequences, options: DescribeOptions = {}): MeanTime {
  const { n, t, codes, lengths } = seqs;
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const w = rowWeights(seqs, options.weighted);
  const mean = new Float64Array(states.length);
  let total = 0;
  // mean_s = sum_i w_i n_is / sum_i w_i
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    total += wi;
    for (let j = i * t, end = i * t + lengths[i]; j < end; j++) {
      const s = lut[codes[j]];
      if (s >= 0) mean[s] += wi;
    }
  }
  for (let s = 0; s < states.length; s++) mean[s] /= total;
  return { states, mean };
}
