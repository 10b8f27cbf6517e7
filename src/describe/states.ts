import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';

/** Options shared by the descriptive statistics. */
export interface DescribeOptions {
  /** Use the sequence weights (TraMineR `weighted = TRUE`, the default); false counts every row once. */
  weighted?: boolean;
  /**
   * Count missing months as one more state, listed last as `'*'`
   * (TraMineR `with.missing = TRUE`). Default false: missing months are skipped.
   */
  withMissing?: boolean;
}

/** The states a statistic reports on, and where each cell code goes. */
export interface StateIndex {
  /** State codes in output order: the alphabet, then `'*'` when missing counts as a state. */
  readonly states: string[];
  /** lut[code] = output state index, or -1 for cells that are skipped (VOID, and MISSING unless counted). */
  readonly lut: Int16Array;
}

/** Label of the missing state when it is counted (TraMineR's default `nr`). */
export const MISSING_LABEL = '*';

/** Map cell codes to output states (alphabet order; missing last when counted). */
export function stateIndex(seqs: StateSequences, withMissing = false): StateIndex {
  const states = [...seqs.alphabet.codes];
  const lut = new Int16Array(256).fill(-1);
  for (let s = 0; s < states.length; s++) lut[s] = s;
  if (withMissing) {
    lut[MISSING] = states.length;
    states.push(MISSING_LABEL);
  }
  return { states, lut };
}

/** Row weights of a statistic: the sequence weights, or all 1 when `weighted` is false. */
export function rowWeights(seqs: StateSequences, weighted = true): Float64Array {
  return weighted ? seqs.weights : new Float64Array(seqs.n).fill(1);
}

/**
 * Shannon entropy (natural log) of non-negative amounts `x[from .. from+count-1]`
 * read with `stride`: h = -sum p log p with p = x / sum(x), zero amounts skipped,
 * 0 when all are zero, NaN when any amount is NaN (as TraMineR's `entropy`).
 */
export function shannon(x: Float64Array, from: number, count: number, stride = 1): number {
  let total = 0;
  for (let k = 0; k < count; k++) total += x[from + k * stride];
  if (Number.isNaN(total)) return NaN;
  let h = 0;
  for (let k = 0; k < count; k++) {
    const v = x[from + k * stride];
    if (v !== 0) {
      const p = v / total;
      h -= p * Math.log(p);
    }
  }
  return h;
}
