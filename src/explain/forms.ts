import type { DistanceMatrix } from '../distance/matrix.js';

/**
 * Bilinear forms of a dissimilarity matrix with M columns of item weights:
 * G[c][c'] = sum over items a != b of d_ab A[a][c] A[b][c'].
 *
 * Every discrepancy statistic is one of these: the within-group sum of group g
 * is G[g][g] / 2 with A[a][g] = the weight of item a in group g (Studer et al.
 * 2011), the inertia between two groups is G[g][h], and a Gower-centred
 * projection is -G[c][c] / 2 for a centred column (McArdle & Anderson 2001).
 *
 * @param matrix condensed dissimilarities over D items
 * @param A item weights, row-major D x M (`A[a * M + c]`)
 * @param M number of columns
 * @param full true for the whole M x M matrix, false for its diagonal only
 * @returns `full`: M x M row-major; else the M diagonal values
 * @example
 * // two items at distance 3, one column of weights (1, 2): 2 * 3 * 1 * 2 = 12
 * bilinearForms({ n: 2, values: Float64Array.of(3) }, Float64Array.of(1, 2), 1, false); // [12]
 */
export function bilinearForms(matrix: DistanceMatrix, A: Float64Array, M: number, full: boolean): Float64Array {
  const { n, values } = matrix;
  const s = new Float64Array(M);
  const out = new Float64Array(full ? M * M : M);
  let base = -1; // values[base + b] = d(a, b) for b > a
  for (let a = 0; a < n; a++) {
    const rowA = a * M;
    let any = false;
    for (let c = 0; c < M; c++) if (A[rowA + c] !== 0) { any = true; break; }
    if (any) {
      // s_c = sum_{b > a} d_ab A[b][c]
      s.fill(0);
      for (let b = a + 1; b < n; b++) {
        const d = values[base + b];
        if (d === 0) continue;
        const rowB = b * M;
        for (let c = 0; c < M; c++) s[c] += d * A[rowB + c];
      }
      // U[c][c'] += A[a][c] s_c'  (pairs a < b); G = U + U^T
      if (full) {
        for (let c = 0; c < M; c++) {
          const x = A[rowA + c];
          if (x === 0) continue;
          for (let e = 0; e < M; e++) out[c * M + e] += x * s[e];
        }
      } else {
        for (let c = 0; c < M; c++) out[c] += A[rowA + c] * s[c];
      }
    }
    base += n - a - 2;
  }
  if (full) {
    for (let c = 0; c < M; c++) {
      for (let e = c; e < M; e++) {
        const g = out[c * M + e] + out[e * M + c];
        out[c * M + e] = g;
        out[e * M + c] = g;
      }
    }
  } else {
    for (let c = 0; c < M; c++) out[c] *= 2;
  }
  return out;
}

/**
 * Products of a dissimilarity matrix with M columns of item weights:
 * P[a][c] = sum over items b of d_ab A[b][c] (the weighted sums of distances
 * from item a to the members of column c).
 *
 * @param matrix condensed dissimilarities over D items
 * @param A item weights, D x M row-major
 * @param M number of columns
 * @returns D x M row-major
 * @example
 * matrixProducts({ n: 2, values: Float64Array.of(3) }, Float64Array.of(1, 2), 1); // [6, 3]
 */
export function matrixProducts(matrix: DistanceMatrix, A: Float64Array, M: number): Float64Array {
  const { n, values } = matrix;
  const P = new Float64Array(n * M);
  let base = -1;
  for (let a = 0; a < n; a++) {
    const rowA = a * M;
    // P[a] += d_ab A[b] and P[b] += d_ab A[a] for every pair a < b
    for (let b = a + 1; b < n; b++) {
      const d = values[base + b];
      if (d === 0) continue;
      const rowB = b * M;
      for (let c = 0; c < M; c++) {
        P[rowA + c] += d * A[rowB + c];
        P[rowB + c] += d * A[rowA + c];
      }
    }
    base += n - a - 2;
  }
  return P;
}
