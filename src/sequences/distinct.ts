import type { StateSequences } from './types.js';

/** The distinct sequences of a set, with how often each occurs. */
export interface DistinctSequences {
  /** Row of the first occurrence of each distinct sequence (length D). */
  readonly firstRow: Int32Array;
  /** Number of rows equal to each distinct sequence (length D). */
  readonly counts: Int32Array;
  /** Sum of the row weights of each distinct sequence (length D). */
  readonly weights: Float64Array;
  /** For every row, the index of its distinct sequence (length N). */
  readonly rowToDistinct: Int32Array;
}

/**
 * Group identical sequences (same length and same codes, missing included).
 * Kernels compute on the D distinct sequences and expand with `rowToDistinct`.
 *
 * @example
 * const d = distinctSequences(seqs);
 * d.firstRow.length; // D <= seqs.n
 * d.rowToDistinct[i]; // distinct index of row i
 */
export function distinctSequences(seqs: StateSequences): DistinctSequences {
  const { n, t, codes, lengths, weights } = seqs;
  const index = new Map<string, number>();
  const rowToDistinct = new Int32Array(n);
  const first: number[] = [];
  const counts: number[] = [];
  const w: number[] = [];
  // latin1 decoding gives a cheap exact string key of the row's bytes.
  const decoder = new TextDecoder('latin1');
  for (let i = 0; i < n; i++) {
    const key = decoder.decode(codes.subarray(i * t, i * t + lengths[i]));
    let d = index.get(key);
    if (d === undefined) {
      d = first.length;
      index.set(key, d);
      first.push(i);
      counts.push(0);
      w.push(0);
    }
    rowToDistinct[i] = d;
    counts[d]++;
    w[d] += weights[i];
  }
  return { firstRow: Int32Array.from(first), counts: Int32Array.from(counts), weights: Float64Array.from(w), rowToDistinct };
}
