import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { renumberByFirstAppearance } from './cutree.js';
import { clusterMedoids, nearestTwo } from './medoids.js';
import { aboveAll, build, checkK, pamSilhouette, type PamResult } from './pam.js';
import { checkMatrix, distanceRow, weightsOrOnes } from './rows.js';

/** Options of {@link kmedoids}. */
export interface KMedoidsOptions {
  /** Case weights, e.g. multiplicities of distinct sequences (default 1 each). */
  weights?: ArrayLike<number>;
  /** Start from these medoid rows (0-based). */
  initialMedoids?: ArrayLike<number>;
  /**
   * Start from a partition (cluster 1..k per observation, e.g. a Ward cut):
   * each cluster's start medoid minimises its weighted sum of distances.
   * Without initial medoids or clusters, a weighted BUILD chooses them.
   */
  initialClusters?: ArrayLike<number>;
  /** Receives progress: objects scored in the current swap pass, of n. */
  progress?: ProgressReporter;
}

/**
 * Weighted k-medoids by best-swap descent, fast (PAMonce / FastPAM1 style, as
 * WeightedCluster's `wcKMedoids`): each iteration finds the swap (medoid m,
 * object h) that lowers the weighted total distance sum_j w_j D_j the most,
 * with all k swaps for one h scored in a single pass over j:
 *
 *   T(m, h) = L_m + sum_{j: d_hj < D_j} w_j (d_hj - D_j)
 *                 + sum_{j near m} w_j [d_hj < D_j ? D_j - E_j : d_hj < E_j ? d_hj - E_j : 0]
 *
 * with D_j, E_j the distances to the nearest and second nearest medoid and
 * L_m = sum_{j near m} w_j (E_j - D_j) the loss of removing m (Schubert &
 * Rousseeuw 2021). Time O(n^2) per swap instead of PAM's O(k n^2); the result
 * is a local optimum of the same criterion as {@link pam} (it may differ from
 * PAM's when several swaps tie). As in WeightedCluster, the medoids keep the
 * order of the start (BUILD's order of choice, or the clusters' order) with
 * each swap in place; a swap tie goes to the first medoid in that order, then
 * the first object, and an object as near to two medoids joins the first of
 * them (`cluster::pam` takes the smaller row). Clusters are numbered 1..k by
 * first appearance, as {@link pam}.
 *
 * @param matrix condensed dissimilarities
 * @param k number of clusters (1 <= k < n)
 * @param options weights and the start
 * @returns labels, medoids, objective, silhouettes
 * @example
 * const ward = cutree(hclust(matrix, { weights }), 4);
 * kmedoids(matrix, 4, { weights, initialClusters: ward }).medoids;
 */
export function kmedoids(matrix: DistanceMatrix, k: number, options: KMedoidsOptions = {}): PamResult {
  const n = matrix.n;
  checkK(k, n);
  checkMatrix(matrix);
  const w = weightsOrOnes(options.weights, n);
  const big = aboveAll(matrix);
  const isMedoid = new Uint8Array(n);
  let medoids: Int32Array;
  if (options.initialMedoids) medoids = Int32Array.from(options.initialMedoids);
  else if (options.initialClusters) medoids = clusterMedoids(matrix, options.initialClusters, w);
  else {
    medoids = build(matrix, k, w, isMedoid, new Float64Array(n).fill(big));
    isMedoid.fill(0);
  }
  if (medoids.length !== k) throw new OptionsError('initialMedoids', `${medoids.length} start medoids for k = ${k}; expected k`);
  for (const m of medoids) {
    if (!(m >= 0 && m < n) || isMedoid[m]) throw new OptionsError('initialMedoids', `start medoid ${m} is outside 0..${n - 1} or repeated`);
    isMedoid[m] = 1;
  }

  const medRows = Array.from(medoids, (m) => distanceRow(matrix, m, new Float64Array(n)));
  const near = new Int32Array(n);
  const dNear = new Float64Array(n);
  const dSecond = new Float64Array(n);
  const removeLoss = new Float64Array(k);
  const delta = new Float64Array(k);
  const row = new Float64Array(n);
  let totalW = 0;
  for (let j = 0; j < n; j++) totalW += w[j];
  let initial = NaN;
  let sky = 0;
  let swaps = 0;
  for (;;) {
    // D_j, E_j, nearest medoid, and L_m.
    nearestTwo(medRows, big, near, dNear, dSecond);
    sky = 0;
    removeLoss.fill(0);
    for (let j = 0; j < n; j++) {
      removeLoss[near[j]] += w[j] * (dSecond[j] - dNear[j]);
      sky += w[j] * dNear[j];
    }
    if (swaps === 0) initial = sky;
    let bestT = 0;
    let bestH = -1;
    let bestC = -1;
    for (let h = 0; h < n; h++) {
      if (options.progress && h % 256 === 0) options.progress(`k-medoids swap ${swaps + 1}`, h, n);
      if (isMedoid[h]) continue;
      distanceRow(matrix, h, row);
      delta.fill(0);
      let acc = 0;
      for (let j = 0; j < n; j++) {
        const d = row[j];
        const a = dNear[j];
        if (d < a) {
          acc += w[j] * (d - a);
          delta[near[j]] += w[j] * (a - dSecond[j]);
        } else if (d < dSecond[j]) delta[near[j]] += w[j] * (d - dSecond[j]);
      }
      // WeightedCluster scans medoid by medoid, then h: on ties the first medoid, then the first h
      for (let c = 0; c < k; c++) {
        const t = removeLoss[c] + delta[c] + acc;
        if (t < bestT || (t === bestT && c < bestC)) {
          bestT = t;
          bestH = h;
          bestC = c;
        }
      }
    }
    // Same guard as cluster::pam against swapping identical objects forever.
    if (!(bestT < -16 * Number.EPSILON * Math.abs(sky))) break;
    isMedoid[medoids[bestC]] = 0;
    isMedoid[bestH] = 1;
    medoids[bestC] = bestH;
    distanceRow(matrix, bestH, medRows[bestC]);
    swaps++;
  }
  // near[] is from the last medoids: each object's nearest, the first in medoid order on ties
  // (WeightedCluster's rule; cluster::pam's is the smallest row), a medoid its own
  medoids.forEach((m, c) => (near[m] = c));
  const labels = renumberByFirstAppearance(near);
  const ordered = new Int32Array(k);
  for (let j = 0; j < n; j++) ordered[labels[j] - 1] = medoids[near[j]];
  const part = { labels, medoids: ordered };
  const sil = pamSilhouette(matrix, part.labels, k, w);
  return { ...part, objective: { build: initial / totalW, swap: sky / totalW }, swaps, ...sil };
}
