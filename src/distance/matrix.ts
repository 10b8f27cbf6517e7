/**
 * A symmetric N x N dissimilarity matrix with zero diagonal, stored condensed
 * as R's `dist` object: the lower triangle by columns, so the distance between
 * rows i < j (0-based) sits at `values[n*i - i*(i+1)/2 + j - i - 1]`.
 */
export interface DistanceMatrix {
  readonly n: number;
  readonly values: Float64Array;
}

/** Position of pair (i, j), i != j, in the condensed array of an n x n matrix. */
export function condensedIndex(n: number, i: number, j: number): number {
  if (i > j) [i, j] = [j, i];
  return n * i - (i * (i + 1)) / 2 + j - i - 1;
}

/**
 * Distance between rows i and j (0 on the diagonal).
 * @example
 * distanceAt(m, 0, 2) === distanceAt(m, 2, 0); // true
 */
export function distanceAt(m: DistanceMatrix, i: number, j: number): number {
  return i === j ? 0 : m.values[condensedIndex(m.n, i, j)];
}

/** Bytes needed for the condensed matrix of n rows. */
export function condensedBytes(n: number): number {
  return ((n * (n - 1)) / 2) * 8;
}

/**
 * Expand a matrix over D distinct sequences to the N rows that map onto them.
 * @example
 * const full = expandDistinct(distinctMatrix, distinct.rowToDistinct);
 */
export function expandDistinct(m: DistanceMatrix, rowToDistinct: Int32Array): DistanceMatrix {
  const n = rowToDistinct.length;
  const d = m.n;
  const src = m.values;
  // offset[a] + b is the condensed index of (a, b) for a < b
  const offset = new Float64Array(d);
  for (let a = 0; a < d; a++) offset[a] = d * a - (a * (a + 1)) / 2 - a - 1;
  const values = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const di = rowToDistinct[i];
    const rowOffset = offset[di];
    for (let j = i + 1; j < n; j++, k++) {
      const dj = rowToDistinct[j];
      values[k] = dj > di ? src[rowOffset + dj] : dj < di ? src[offset[dj] + di] : 0;
    }
  }
  return { n, values };
}
