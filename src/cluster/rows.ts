import { condensedIndex, type DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { caseWeights } from '../weights.js';

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

/**
 * Weights as a Float64Array of length n (1 each when absent), checked as
 * {@link caseWeights} with a positive total, which clustering needs.
 *
 * @example
 * weightsOrOnes(undefined, 3); // Float64Array [1, 1, 1]
 */
export function weightsOrOnes(weights: ArrayLike<number> | undefined, n: number): Float64Array {
  return caseWeights(weights, n, { positiveTotal: true });
}

/**
 * Check a condensed dissimilarity matrix before clustering it: the right
 * length for n, every value finite and >= 0 (an `OptionsError` naming
 * `matrix` and the first bad pair, 1-based).
 *
 * @example
 * checkMatrix({ n: 2, values: Float64Array.of(-1) }); // OptionsError: matrix: d(1, 2) = -1; ...
 */
export function checkMatrix(m: DistanceMatrix): void {
  const { n, values } = m;
  if (!(Number.isInteger(n) && n >= 0) || values.length !== (n * (n - 1)) / 2) {
    throw new OptionsError('matrix', `${values.length} values do not form a condensed ${n} x ${n} matrix; expected n(n-1)/2 = ${(n * (n - 1)) / 2}`);
  }
  for (let p = 0; p < values.length; p++) {
    const v = values[p];
    if (v >= 0 && v !== Infinity) continue;
    let i = 0;
    while (p >= condensedIndex(n, i, n - 1) + 1) i++;
    const j = p - condensedIndex(n, i, i + 1) + i + 1;
    throw new OptionsError('matrix', `d(${i + 1}, ${j + 1}) = ${v}; expected finite dissimilarities >= 0`);
  }
}
