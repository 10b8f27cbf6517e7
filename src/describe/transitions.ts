import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { rowWeights, stateIndex, type DescribeOptions } from './states.js';

/** A transition rate matrix between states. */
export interface TransitionRates {
  /** State codes of rows (from) and columns (to). */
  readonly states: string[];
  /** Weighted number of month-to-month moves, S x S from-major: `counts[from * S + to]`. */
  readonly counts: Float64Array;
  /** counts divided by their row total, S x S from-major (a row without moves is all 0). */
  readonly rates: Float64Array;
}

/** Time-varying transition rates: one matrix per pair of consecutive months. */
export interface TransitionRatesByMonth {
  readonly states: string[];
  /** Label of the first month of each pair (length T - 1). */
  readonly timeLabels: readonly string[];
  /** Weighted moves from month j to j + 1, one S x S from-major matrix per j. */
  readonly counts: Float64Array[];
  /** Rates from month j to j + 1, one S x S from-major matrix per j. */
  readonly rates: Float64Array[];
}

/** Options of `transitionRates`. */
export interface TransitionRateOptions extends DescribeOptions {
  /** Months from a state to the state it moves to (TraMineR `lag`, default 1; negative looks back). */
  lag?: number;
}

/**
 * Transition rates between states over all pairs of months `lag` apart
 * (TraMineR `seqtrate`; Gabadinho et al. 2011, J. Stat. Softw. 40(4), section 4.2).
 *
 * p(x -> y) = sum_i w_i #{j : x_ij = x, x_i,j+lag = y} / sum_i w_i #{j : x_ij = x, x_i,j+lag valid},
 * where a valid state is neither VOID nor (unless `withMissing`) missing.
 * A state never followed by a valid state has a row of zeros, as in TraMineR.
 *
 * @param seqs the sequences (weights honoured unless `weighted: false`)
 * @param options `weighted` (true), `withMissing` (false), `lag` (1)
 * @returns weighted counts and rates, from-major
 * @example
 * const tr = transitionRates(seqs);
 * const S = tr.states.length;
 * tr.rates[tr.states.indexOf('work_jc') * S + tr.states.indexOf('work')]; // monthly rate work_jc -> work
 */
export function transitionRates(seqs: StateSequences, options: TransitionRateOptions = {}): TransitionRates {
  const lag = options.lag ?? 1;
  if (!Number.isInteger(lag) || Math.abs(lag) >= Math.max(1, seqs.t)) throw new OptionsError('lag', `must be an integer between ${1 - seqs.t} and ${seqs.t - 1}; got ${lag}`);
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const S = states.length;
  const counts = new Float64Array(S * S);
  countMoves(seqs, lut, rowWeights(seqs, options.weighted), S, [counts], false, lag);
  return { states, counts, rates: rowRates(counts, S) };
}

/**
 * Time-varying transition rates: the `transitionRates` formula restricted to
 * the months j and j + 1, for every j (TraMineR `seqtrate(time.varying = TRUE)`).
 *
 * @param seqs the sequences (weights honoured unless `weighted: false`)
 * @param options `weighted` (true), `withMissing` (false)
 * @returns one count and rate matrix per month pair
 * @example
 * const tv = transitionRatesByMonth(seqs);
 * tv.rates[0]; // rates from the first to the second month
 */
export function transitionRatesByMonth(seqs: StateSequences, options: DescribeOptions = {}): TransitionRatesByMonth {
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const S = states.length;
  const pairs = Math.max(0, seqs.t - 1);
  const counts = Array.from({ length: pairs }, () => new Float64Array(S * S));
  countMoves(seqs, lut, rowWeights(seqs, options.weighted), S, counts, true);
  return { states, timeLabels: seqs.timeLabels.slice(0, pairs), counts, rates: counts.map((c) => rowRates(c, S)) };
}

/** Add w_i for every move x_ij -> x_i,j+lag between valid states; into counts[j] (by month) or counts[0] (pooled). */
function countMoves(seqs: StateSequences, lut: Int16Array, w: Float64Array, S: number, counts: Float64Array[], byMonth: boolean, lag = 1): void {
  const { n, t, codes, lengths } = seqs;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const row = i * t;
    for (let j = Math.max(0, -lag); j + Math.max(0, lag) < lengths[i]; j++) {
      const a = lut[codes[row + j]];
      const b = lut[codes[row + j + lag]];
      if (a >= 0 && b >= 0) counts[byMonth ? j : 0][a * S + b] += wi;
    }
  }
}

/** Divide each row of an S x S matrix by its total; rows totalling 0 stay 0. */
function rowRates(counts: Float64Array, S: number): Float64Array {
  const rates = new Float64Array(S * S);
  for (let a = 0; a < S; a++) {
    let total = 0;
    for (let b = 0; b < S; b++) total += counts[a * S + b];
    if (total > 0) for (let b = 0; b < S; b++) rates[a * S + b] = counts[a * S + b] / total;
  }
  return rates;
}
