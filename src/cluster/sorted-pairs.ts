import type { DistanceMatrix } from '../distance/matrix.js';

/** The pairs (i < j) of a matrix in ascending order of distance. */
export interface SortedPairs {
  /** Distances, ascending; equal distances keep the condensed (row) order. */
  readonly values: Float64Array;
  /** Row i of each pair. */
  readonly first: Uint16Array | Uint32Array;
  /** Row j of each pair (j > i). */
  readonly second: Uint16Array | Uint32Array;
}

/**
 * Sort the pairs of a condensed matrix by distance, stably, with an LSD radix
 * sort on the IEEE-754 bits (six 11-bit passes, few enough buckets to stay in
 * cache; constant digits skipped) that
 * carries the rows along, so later walks over the pairs read memory in order.
 * O(P) for P pairs; 12 bytes per pair when n < 65536 (16 otherwise) beside the matrix.
 *
 * @param matrix condensed dissimilarities
 * @returns distances ascending with their rows
 * @example
 * const pairs = sortPairs(matrix);
 * pairs.values[0]; // the smallest distance, between rows pairs.first[0] and pairs.second[0]
 */
export function sortPairs(matrix: DistanceMatrix): SortedPairs {
  const { n, values } = matrix;
  const count = values.length;
  const Rows = n < 65536 ? Uint16Array : Uint32Array;
  // Order-preserving unsigned keys: flip every bit of negatives, only the sign bit of the rest.
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * count);
  let lo = new Uint32Array(count);
  let hi = new Uint32Array(count);
  let first = new Rows(count);
  let second = new Rows(count);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      const l = bits[2 * p];
      const h = bits[2 * p + 1];
      const negative = h >>> 31 === 1;
      lo[p] = negative ? ~l >>> 0 : l;
      hi[p] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
      first[p] = i;
      second[p] = j;
    }
  }
  let lo2 = new Uint32Array(count);
  let hi2 = new Uint32Array(count);
  let first2 = new Rows(count);
  let second2 = new Rows(count);
  const starts = new Uint32Array(2048);
  for (let pass = 0; pass < 6; pass++) {
    const keys = pass < 3 ? lo : hi;
    const shift = (pass % 3) * 11;
    starts.fill(0);
    for (let q = 0; q < count; q++) starts[(keys[q] >>> shift) & 0x7ff]++;
    if (count === 0 || starts[(keys[0] >>> shift) & 0x7ff] === count) continue; // digit constant
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = starts[d];
      starts[d] = sum;
      sum += c;
    }
    for (let q = 0; q < count; q++) {
      const to = starts[(keys[q] >>> shift) & 0x7ff]++;
      lo2[to] = lo[q];
      hi2[to] = hi[q];
      first2[to] = first[q];
      second2[to] = second[q];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [first, first2] = [first2, first];
    [second, second2] = [second2, second];
  }
  // Back from keys to doubles.
  const sorted = new Float64Array(count);
  const out = new Uint32Array(sorted.buffer);
  for (let q = 0; q < count; q++) {
    const negative = hi[q] >>> 31 === 0;
    out[2 * q] = negative ? ~lo[q] >>> 0 : lo[q];
    out[2 * q + 1] = negative ? ~hi[q] >>> 0 : (hi[q] & 0x7fffffff) >>> 0;
  }
  return { values: sorted, first, second };
}
