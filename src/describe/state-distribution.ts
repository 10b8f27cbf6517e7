import type { StateSequences } from '../sequences/types.js';
import { VOID } from '../sequences/types.js';
import { rowWeights, shannon, stateIndex, type DescribeOptions } from './states.js';

/** Cross-sectional state distribution: one column per month. */
export interface StateDistribution {
  /** State codes (rows), alphabet order; `'*'` last when missing counts as a state. */
  readonly states: string[];
  /** Month labels (columns). */
  readonly timeLabels: readonly string[];
  /** Number of months T. */
  readonly t: number;
  /** Weighted number of sequences in each state and month, S x T state-major: `counts[s * t + j]`. */
  readonly counts: Float64Array;
  /** counts / validN, S x T state-major (NaN in a month without valid states). */
  readonly frequencies: Float64Array;
  /** Weighted number of sequences with a valid state in each month (length T). */
  readonly validN: Float64Array;
  /** Shannon entropy of each month's distribution, divided by log(S) unless `normalize` is false (length T). */
  readonly entropy: Float64Array;
}

/**
 * State distribution per month with the valid N and the cross-sectional entropy
 * (TraMineR `seqstatd`, Gabadinho et al. 2011, J. Stat. Softw. 40(4), section 4.1).
 *
 * For month j and state s: n_sj = sum of the weights of the sequences in s at j;
 * N_j = sum_s n_sj (VOID months, and missing ones unless `withMissing`, do not
 * count); f_sj = n_sj / N_j; entropy h_j = -sum_s f_sj ln f_sj, divided by
 * ln S (S = alphabet size, +1 with `withMissing`) when `normalize` (default).
 * A month with N_j = 0 has NaN frequencies and entropy, as in TraMineR.
 *
 * @param seqs the sequences (weights honoured unless `weighted: false`)
 * @param options `weighted` (true), `withMissing` (false), `normalize` (true)
 * @returns counts, frequencies, valid N and entropy per month
 * @example
 * const d = stateDistribution(seqs);
 * d.frequencies[d.states.indexOf('work') * d.t + 6]; // share working in month 6
 * d.entropy[0]; // 0 when everyone starts in the same state
 */
export function stateDistribution(
  seqs: StateSequences,
  options: DescribeOptions & { normalize?: boolean } = {},
): StateDistribution {
  const { normalize = true } = options;
  const { n, t, codes, lengths } = seqs;
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const w = rowWeights(seqs, options.weighted);
  const nStates = states.length;
  const counts = new Float64Array(nStates * t);
  // n_sj = sum_i w_i [x_ij = s]
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const row = i * t;
    for (let j = 0; j < lengths[i]; j++) {
      const s = lut[codes[row + j]];
      if (s >= 0) counts[s * t + j] += wi;
    }
  }
  const validN = new Float64Array(t);
  for (let s = 0; s < nStates; s++) for (let j = 0; j < t; j++) validN[j] += counts[s * t + j];
  const frequencies = new Float64Array(nStates * t);
  for (let s = 0; s < nStates; s++) for (let j = 0; j < t; j++) frequencies[s * t + j] = counts[s * t + j] / validN[j];
  const entropy = new Float64Array(t);
  const scale = normalize ? Math.log(nStates) : 1;
  for (let j = 0; j < t; j++) entropy[j] = validN[j] === 0 ? NaN : shannon(frequencies, j, nStates, t) / scale;
  return { states, timeLabels: seqs.timeLabels, t, counts, frequencies, validN, entropy };
}

/** The modal state sequence: the most frequent state in each month. */
export interface ModalStates {
  /** State codes the indices refer to (as in `StateDistribution.states`). */
  readonly states: string[];
  /** Index into `states` of each month's most frequent state, VOID when no sequence has a valid state. */
  readonly codes: Uint8Array;
  /** Weighted share of that state in the month (NaN for VOID months). */
  readonly frequencies: Float64Array;
}

/**
 * Modal state sequence: in each month the state with the largest weighted
 * frequency, ties going to the state first in the alphabet
 * (TraMineR `seqmodst`, Gabadinho et al. 2011, section 4.1).
 *
 * @param seqs the sequences (weights honoured unless `weighted: false`)
 * @param options `weighted` (true), `withMissing` (false)
 * @returns the modal state and its share for each month
 * @example
 * const m = modalStates(seqs);
 * m.states[m.codes[0]]; // most common state in the first month
 */
export function modalStates(seqs: StateSequences, options: DescribeOptions = {}): ModalStates {
  const d = stateDistribution(seqs, options);
  const { t, states, frequencies } = d;
  const codes = new Uint8Array(t).fill(VOID);
  const shares = new Float64Array(t).fill(NaN);
  for (let j = 0; j < t; j++) {
    if (d.validN[j] === 0) continue;
    let best = 0;
    for (let s = 1; s < states.length; s++) if (frequencies[s * t + j] > frequencies[best * t + j]) best = s;
    codes[j] = best;
    shares[j] = frequencies[best * t + j];
  }
  return { states, codes, frequencies: shares };
}
