import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { weightsOrOnes } from './rows.js';

/** Silhouette widths of a partition, WeightedCluster's two variants. */
export interface Silhouette {
  /** Per observation: (b - a) / max(a, b) with a = sum_j w_j d_ij / (W_c - 1) (WeightedCluster's ASWi). */
  readonly widths: Float64Array;
  /** Per observation: the same with a = sum_j w_j d_ij / W_c (WeightedCluster's ASWw). */
  readonly widthsW: Float64Array;
  /** Weighted mean of `widths` (ASW). */
  readonly average: number;
  /** Weighted mean of `widthsW` (ASWw). */
  readonly averageW: number;
  /** Weighted mean of `widths` within cluster 1..k. */
  readonly byCluster: Float64Array;
  /** Weighted mean of `widthsW` within cluster 1..k. */
  readonly byClusterW: Float64Array;
}

/**
 * Silhouette widths with WeightedCluster's definitions (Studer 2013,
 * `wcSilhouetteObs`): for observation i in cluster c with weighted size W_c,
 *
 *   a_i  = sum_{j in c, j != i} w_j d_ij / (W_c - 1)   (0 when W_c <= 1)
 *   a'_i = sum_{j in c, j != i} w_j d_ij / W_c
 *   b_i  = min over clusters c' != c of sum_{j in c'} w_j d_ij / W_c'
 *   s_i  = (b_i - a_i) / max(a_i, b_i),   s'_i likewise with a'_i
 *
 * and the averages weight observations by w_i. With weights as multiplicities
 * of distinct sequences, `widths` equal the classic silhouette of the
 * disaggregated data (Rousseeuw 1987), except in a cluster of weight 1 or
 * less: its width is 1, as in WeightedCluster (R's `cluster::silhouette` gives 0).
 *
 * @param matrix condensed dissimilarities
 * @param labels cluster number 1..k per observation
 * @param options.weights case weights (default 1)
 * @example
 * silhouette(matrix, cutree(tree, 4)).average; // ASW
 */
export function silhouette(matrix: DistanceMatrix, labels: ArrayLike<number>, options: { weights?: ArrayLike<number> } = {}): Silhouette {
  const n = matrix.n;
  const w = weightsOrOnes(options.weights, n);
  const k = clusterCount(labels, n);
  const sizes = clusterSizes(labels, k, w);
  const sums = clusterDistanceSums(matrix, labels, k, w);
  const widths = new Float64Array(n);
  const widthsW = new Float64Array(n);
  const byCluster = new Float64Array(k);
  const byClusterW = new Float64Array(k);
  let total = 0;
  let average = 0;
  let averageW = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i] - 1;
    const b = nearestOtherCluster(sums, sizes, i, c, k);
    const own = sums[i * k + c];
    const a = sizes[c] <= 1 ? 0 : own / (sizes[c] - 1);
    const aw = own / sizes[c];
    widths[i] = (b - a) / Math.max(a, b);
    widthsW[i] = (b - aw) / Math.max(aw, b);
    if (w[i] > 0) {
      total += w[i];
      average += w[i] * widths[i];
      averageW += w[i] * widthsW[i];
      byCluster[c] += w[i] * widths[i];
      byClusterW[c] += w[i] * widthsW[i];
    }
  }
  for (let c = 0; c < k; c++) {
    byCluster[c] /= sizes[c];
    byClusterW[c] /= sizes[c];
  }
  return { widths, widthsW, average: average / total, averageW: averageW / total, byCluster, byClusterW };
}

/** Largest cluster number, after checking labels are integers 1..k. */
export function clusterCount(labels: ArrayLike<number>, n: number): number {
  if (labels.length !== n) throw new OptionsError('labels', `${labels.length} cluster labels for ${n} observations; expected one each`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 1) throw new OptionsError('labels', `cluster label ${c} of observation ${i + 1} is not a whole number >= 1`);
    if (c > k) k = c;
  }
  return k;
}

/** Weighted size W_c of clusters 1..k (index c-1). */
export function clusterSizes(labels: ArrayLike<number>, k: number, w: Float64Array): Float64Array {
  const sizes = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) sizes[labels[i] - 1] += w[i];
  return sizes;
}

/**
 * Weighted distance sums from every observation to every cluster, one pass
 * over the pairs: sums[i*k + c-1] = sum_{j != i, label j = c} w_j d_ij, added
 * in increasing j for every i.
 */
export function clusterDistanceSums(matrix: DistanceMatrix, labels: ArrayLike<number>, k: number, w: Float64Array): Float64Array {
  const { n, values } = matrix;
  const sums = new Float64Array(n * k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const ci = labels[i] - 1;
    const wi = w[i];
    const rowI = i * k;
    for (let j = i + 1; j < n; j++) {
      const d = values[p++];
      sums[rowI + labels[j] - 1] += w[j] * d;
      sums[j * k + ci] += wi * d;
    }
  }
  return sums;
}

/** b_i: the smallest mean weighted distance from i to another cluster (Infinity when k = 1). */
export function nearestOtherCluster(sums: Float64Array, sizes: Float64Array, i: number, c: number, k: number): number {
  let b = Infinity;
  for (let o = 0; o < k; o++) {
    if (o === c || sizes[o] <= 0) continue;
    const m = sums[i * k + o] / sizes[o];
    if (m < b) b = m;
  }
  return b;
}
