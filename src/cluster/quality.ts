import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { sortPairs, type SortedPairs } from './sorted-pairs.js';
import { checkMatrix, weightsOrOnes } from './rows.js';
import { clusterCount, silhouette } from './silhouette.js';

/** The names of the quality indices, in WeightedCluster's column order. */
export const QUALITY_INDICES = ['PBC', 'HG', 'HGSD', 'ASW', 'ASWw', 'CH', 'R2', 'CHsq', 'R2sq', 'HC'] as const;
export type QualityIndex = (typeof QUALITY_INDICES)[number];

/** Quality of one partition (WeightedCluster's `wcClusterQuality`). */
export type ClusterQuality = Record<QualityIndex, number> & {
  /** Weighted mean silhouette (ASW) of cluster 1..k. */
  readonly clusterASW: Float64Array;
  /** Weighted mean silhouette with a over W_c (ASWw) of cluster 1..k. */
  readonly clusterASWw: Float64Array;
};

/** Options of {@link clusterQuality}. */
export interface QualityOptions {
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /**
   * The pairs of the matrix sorted by distance (`sortPairs(matrix)`); pass it
   * when scoring many partitions of one matrix, as {@link clusterRange} does.
   */
  pairs?: SortedPairs;
}

/**
 * Cluster quality indices with WeightedCluster's definitions (Studer 2013,
 * "WeightedCluster library manual", section 5; `wcClusterQuality`). Over all
 * ordered pairs (i, j), diagonal included, with pair weight w_i w_j, distance
 * x = d_ij and y = 1 when i and j share a cluster:
 *
 * - PBC: point biserial correlation, -cor_w(x, y).
 * - HG / HGSD: Hubert's gamma (Goodman-Kruskal gamma between x and 1 - y) and
 *   its Somers' D variant (ties in x counted in the denominator).
 * - HC: Hubert's C, (S_w - S_min) / (S_max - S_min), with S_w the weighted
 *   sum of within-cluster distances and S_min / S_max the sums of the same
 *   weight of the smallest / largest distances.
 * - ASW / ASWw: weighted mean silhouette (see {@link silhouette}).
 * - CH / R2: pseudo-F and pseudo-R2 of the discrepancy decomposition,
 *   SS_c = sum_{i,j in c} w_i w_j d_ij / W_c (Studer et al. 2011):
 *   R2 = SS_B / SS_T, CH = (SS_B / (k-1)) / (SS_W / (W-k)).
 * - CHsq / R2sq: the same on squared distances.
 *
 * Time O(n^2) plus one sort of the pairs (see {@link sortPairs}).
 *
 * @param matrix condensed dissimilarities
 * @param labels cluster number 1..k per observation (k >= 2)
 * @param options weights, pre-sorted pair order
 * @returns the ten indices and per-cluster silhouettes
 * @example
 * clusterQuality(matrix, cutree(tree, 4)).ASW;
 */
export function clusterQuality(matrix: DistanceMatrix, labels: ArrayLike<number>, options: QualityOptions = {}): ClusterQuality {
  const { n, values } = matrix;
  const w = weightsOrOnes(options.weights, n);
  checkMatrix(matrix);
  const k = clusterCount(labels, n);
  if (k < 2) throw new OptionsError('labels', 'the partition needs at least two clusters');
  const pairs = options.pairs ?? sortPairs(matrix);
  if (pairs.values.length !== values.length) throw new OptionsError('pairs', 'the sorted pairs do not belong to this matrix');

  // Pass over the pairs i < j (pair weight 2 w_i w_j covers (i,j) and (j,i)); the
  // diagonal adds w_i^2 at distance 0 within the cluster.
  const sizes = new Float64Array(k);
  const within = new Float64Array(k); // sum_{i,j in c} w_i w_j d_ij
  const within2 = new Float64Array(k); // the same with d_ij^2
  let total = 0;
  let wx = 0;
  let wx2 = 0;
  let wy = 0;
  let wxy = 0;
  let diagonal = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    const ci = labels[i] - 1;
    const wi = w[i];
    sizes[ci] += wi;
    if (!(wi > 0)) {
      p += n - i - 1;
      continue;
    }
    wy += wi * wi;
    diagonal += wi * wi;
    total += wi * wi;
    for (let j = i + 1; j < n; j++, p++) {
      if (!(w[j] > 0)) continue;
      const ww = 2 * wi * w[j];
      const x = values[p];
      const xw = ww * x;
      const xxw = xw * x;
      wx += xw;
      wx2 += xxw;
      if (labels[j] - 1 === ci) {
        within[ci] += xw;
        within2[ci] += xxw;
        wxy += xw;
        wy += ww;
      }
      total += ww;
    }
  }
  const xb = wx / total;
  const yb = wy / total;
  const covx = wx2 / total - xb * xb;
  const covy = wy / total - yb * yb;
  const covxy = wxy / total - yb * xb;
  const PBC = -covxy / Math.sqrt(covx * covy);

  const { HG, HGSD, HC } = concordance(pairs, labels, w, diagonal, wy, total, wxy);

  let ssWithin = 0;
  let ssWithin2 = 0;
  let totalSize = 0;
  for (let c = 0; c < k; c++) {
    ssWithin += within[c] / sizes[c];
    ssWithin2 += within2[c] / sizes[c];
    totalSize += sizes[c];
  }
  const ssBetween = wx / totalSize - ssWithin;
  const ssBetween2 = wx2 / totalSize - ssWithin2;
  const CH = ssBetween / (k - 1) / (ssWithin / (totalSize - k));
  const R2 = ssBetween / (ssWithin + ssBetween);
  const CHsq = ssBetween2 / (k - 1) / (ssWithin2 / (totalSize - k));
  const R2sq = ssBetween2 / (ssWithin2 + ssBetween2);

  const sil = silhouette(matrix, labels, { weights: w });
  // WeightedCluster leaves ASW undefined when a cluster weighs less than one case.
  const small = sizes.some((s) => s < 1);
  return {
    PBC, HG, HGSD,
    ASW: small ? NaN : sil.average,
    ASWw: sil.averageW,
    CH, R2, CHsq, R2sq, HC,
    clusterASW: small ? sil.byCluster.map(() => NaN) : sil.byCluster,
    clusterASWw: sil.byClusterW,
  };
}

/**
 * Hubert's gamma, its Somers' D variant and Hubert's C from the pairs walked in
 * ascending distance, grouped by equal distance (WeightedCluster's Kendall tree).
 * g0 / g1 are a group's within / between pair weights; the distance-0 group also
 * holds the diagonal.
 */
function concordance(
  pairs: SortedPairs,
  labels: ArrayLike<number>,
  w: Float64Array,
  diagonal: number,
  withinWeight: number,
  total: number,
  withinSum: number,
): { HG: number; HGSD: number; HC: number } {
  const { values, first, second } = pairs;
  const total0 = withinWeight;
  const total1 = total - withinWeight;
  const wSmin = withinWeight;
  const wSmax = total1;
  let nc = 0;
  let nd = 0;
  let ties = 0;
  let cum0 = 0;
  let cum1 = 0;
  let cumW = 0;
  let sMin = 0;
  let sMax = 0;
  const m = values.length;
  // Groups of equal distance, ascending; the distance-0 group opens with the diagonal (distances are >= 0).
  let q = 0;
  let v = 0;
  let g0 = diagonal;
  let g1 = 0;
  for (;;) {
    for (; q < m && values[q] === v; q++) {
      const i = first[q];
      const j = second[q];
      if (w[i] > 0 && w[j] > 0) {
        if (labels[i] === labels[j]) g0 += 2 * w[i] * w[j];
        else g1 += 2 * w[i] * w[j];
      }
    }
    const ww = g0 + g1;
    if (ww > 0) {
      // S_min: the withinWeight smallest distances; S_max: the withinWeight largest.
      if (cumW <= wSmin) sMin += (cumW + ww > wSmin ? wSmin - cumW : ww) * v;
      cumW += ww;
      if (cumW > wSmax) sMax += (cumW - ww < wSmax ? cumW - wSmax : ww) * v;
      ties += g1 * g0;
      // Concordant: a between pair above a within pair; discordant: the reverse.
      nc += g1 * cum0;
      nd += g0 * cum1;
      cum0 += g0;
      cum1 += g1;
      nc += g0 * (total1 - cum1);
      nd += g1 * (total0 - cum0);
    }
    if (q === m) break;
    v = values[q];
    g0 = 0;
    g1 = 0;
  }
  return { HG: (nc - nd) / (nc + nd), HGSD: (nc - nd) / (nc + nd + ties), HC: (withinSum - sMin) / (sMax - sMin) };
}
