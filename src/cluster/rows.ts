import type { DistanceMatrix } from '../distance/matrix.js';

/**
 * Copy row i of a condensed matrix into `out` (length n): out[j] = d(i, j), out[i] = 0.
 * Kernels read whole rows so their inner loops run over a contiguous array.
 *
 * @example
 * const row = distanceRow(matrix, 3, new Float64Array(matrix.n));
 */
export function distanceRow(m: DistanceMatrix, i: number, out: Float64Array): Float64Array {
  const { n, values } = m;
  // (j, i) for j < i sits at n*j - j(j+1)/2 + i - j - 1: the step from j to j+1 is n - j - 2.
  let p = i - 1;
  for (let j = 0; j < i; j++) {
    out[j] = values[p];
    p += n - j - 2;
  }
  out[i] = 0;
  let q = n * i - (i * (i + 1)) / 2;
  for (let j = i + 1; j < n; j++) out[j] = values[q++];
  return out;
}

/** Weights as a Float64Array of length n (1 each when absent), checked to be finite and >= 0. */
export function weightsOrOnes(weights: ArrayLike<number> | undefined, n: number, who: string): Float64Array {
  if (!weights) return new Float64Array(n).fill(1);
  if (weights.length !== n) throw new Error(`${who}: ${weights.length} weights for ${n} observations.`);
  const w = Float64Array.from(weights);
  for (let i = 0; i < n; i++) {
    if (!(w[i] >= 0) || !Number.isFinite(w[i])) throw new Error(`${who}: weight ${i + 1} is ${w[i]}; expected a finite number >= 0.`);
  }
  return w;
}
