import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { OptionsError } from '../errors.js';

/**
 * Sequences as the distance kernels read them: state indices 0..nStates-1 where
 * the missing state (with `withMissing`) is the last index. Cells at or past a
 * row's length are never read.
 */
export interface EncodedRows {
  readonly n: number;
  /** Row stride (months). */
  readonly t: number;
  readonly codes: Uint8Array;
  readonly lengths: Int32Array;
  /** Weight of each row (summed case weights for a distinct sequence; 0 for reference rows). */
  readonly weights: Float64Array;
}

/**
 * True when some observed cell of the set is missing (a gap, not censoring).
 * @example
 * hasMissingCells(seqs); // false for mvad
 */
export function hasMissingCells(seqs: StateSequences): boolean {
  const { n, t, codes, lengths } = seqs;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < lengths[i]; j++) if (codes[i * t + j] === MISSING) return true;
  }
  return false;
}

/**
 * Copy the given rows of a sequence set into kernel encoding.
 *
 * @param seqs the sequence set
 * @param rows row indices to take, in output order
 * @param weights weight of each output row
 * @param withMissing map missing cells to the extra state `alphabet.codes.length`; when false a missing cell is an error
 * @example
 * const enc = encodeRows(seqs, distinct.firstRow, distinct.weights, false);
 */
export function encodeRows(seqs: StateSequences, rows: Int32Array, weights: Float64Array, withMissing: boolean): EncodedRows {
  const { t } = seqs;
  const n = rows.length;
  const missingCode = seqs.alphabet.codes.length;
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    const len = seqs.lengths[i];
    lengths[r] = len;
    for (let j = 0; j < len; j++) {
      const c = seqs.codes[i * t + j];
      if (c === MISSING) {
        if (!withMissing) {
          throw new OptionsError('withMissing', `sequence ${seqs.ids[i]} has a missing month (${seqs.timeLabels[j]}); set withMissing (--with-missing) to treat gaps as an extra state`);
        }
        codes[r * t + j] = missingCode;
      } else {
        codes[r * t + j] = c;
      }
    }
  }
  return { n, t, codes, lengths, weights };
}

/**
 * Rows of two encoded sets one after the other (stride = the larger t).
 * @example
 * const both = concatRows(setup.rows, refRows); // reference r is row setup.rows.n + r
 */
export function concatRows(a: EncodedRows, b: EncodedRows): EncodedRows {
  const t = Math.max(a.t, b.t);
  const n = a.n + b.n;
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  const weights = new Float64Array(n);
  let r = 0;
  for (const part of [a, b]) {
    for (let i = 0; i < part.n; i++, r++) {
      codes.set(part.codes.subarray(i * part.t, i * part.t + part.lengths[i]), r * t);
      lengths[r] = part.lengths[i];
      weights[r] = part.weights[i];
    }
  }
  return { n, t, codes, lengths, weights };
}
