import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { renumberByFirstAppearance } from './cutree.js';
import { distanceRow, weightsOrOnes } from './rows.js';
import { clusterCount } from './silhouette.js';

/** A partition around medoids. */
export interface MedoidPartition {
  /** Cluster number per observation, 1..k, numbered by first appearance (as `cluster::pam`). */
  readonly labels: Int32Array;
  /** Medoid row (0-based) of cluster 1..k, in cluster order. */
  readonly medoids: Int32Array;
}

/**
 * Assign every observation to its nearest medoid, as `cluster::pam` does: a
 * medoid belongs to itself, ties go to the medoid with the smallest row index,
 * and clusters are numbered 1..k by first appearance in observation order.
 *
 * @param matrix condensed dissimilarities
 * @param medoids medoid rows (0-based, any order, distinct)
 * @returns labels and the medoids in cluster order
 * @example
 * assignToMedoids(matrix, Int32Array.from([59, 116, 640, 31])).labels;
 */
export function assignToMedoids(matrix: DistanceMatrix, medoids: ArrayLike<number>): MedoidPartition {
  const n = matrix.n;
  // checked before the conversion to integers, which would make NaN 0 and 1.5 1
  for (let c = 0; c < medoids.length; c++) {
    const m = medoids[c];
    if (!(Number.isInteger(m) && m >= 0 && m < n)) throw new OptionsError('medoids', `medoid row ${m} is not a row 0..${n - 1}`);
  }
  const sorted = Int32Array.from(medoids).sort();
  const k = sorted.length;
  for (let c = 1; c < k; c++) {
    if (sorted[c] === sorted[c - 1]) throw new OptionsError('medoids', `medoid row ${sorted[c]} is given twice`);
  }
  const medRows = Array.from(sorted, (m) => distanceRow(matrix, m, new Float64Array(n)));
  const near = new Int32Array(n);
  nearestTwo(medRows, Infinity, near, new Float64Array(n), new Float64Array(n));
  sorted.forEach((m, c) => (near[m] = c)); // a medoid belongs to itself
  const nearest = Int32Array.from(near, (c) => sorted[c]);
  const labels = renumberByFirstAppearance(nearest);
  const ordered = new Int32Array(k);
  for (let j = 0; j < n; j++) ordered[labels[j] - 1] = nearest[j];
  return { labels, medoids: ordered };
}

/**
 * For every object j, over the given medoid rows (rows[c][j] = d(m_c, j)): the
 * nearest medoid c (the first on ties), its distance D_j, and the second
 * smallest distance E_j (`above` when there is no second medoid).
 *
 * @example
 * nearestTwo(medoidRows, Infinity, near, dNear, dSecond);
 */
export function nearestTwo(rows: readonly Float64Array[], above: number, near: Int32Array, dNear: Float64Array, dSecond: Float64Array): void {
  for (let j = 0; j < near.length; j++) {
    let a = above;
    let b = above;
    let c0 = 0;
    for (let c = 0; c < rows.length; c++) {
      const d = rows[c][j];
      if (d < a) {
        b = a;
        a = d;
        c0 = c;
      } else if (d < b) b = d;
    }
    near[j] = c0;
    dNear[j] = a;
    dSecond[j] = b;
  }
}

/**
 * The medoid of each cluster of a partition: the member with the smallest
 * weighted sum of distances to the other members, sum_j w_j d(i, j) over j in
 * the cluster (first row on ties).
 *
 * @param matrix condensed dissimilarities
 * @param labels cluster number 1..k per observation
 * @param weights case weights (default 1)
 * @returns medoid row (0-based) of clusters 1..k
 * @example
 * clusterMedoids(matrix, cutree(hclust(matrix), 4)); // Int32Array [r1, r2, r3, r4]
 */
export function clusterMedoids(matrix: DistanceMatrix, labels: ArrayLike<number>, weights?: ArrayLike<number>): Int32Array {
  const n = matrix.n;
  const k = clusterCount(labels, n);
  const w = weightsOrOnes(weights, n);
  const best = new Float64Array(k + 1).fill(Infinity);
  const medoids = new Int32Array(k).fill(-1);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    distanceRow(matrix, i, row);
    // cost_i = sum_{j in c} w_j d(i, j)
    let cost = 0;
    for (let j = 0; j < n; j++) if (labels[j] === c) cost += w[j] * row[j];
    if (cost < best[c]) {
      best[c] = cost;
      medoids[c - 1] = i;
    }
  }
  const empty = medoids.indexOf(-1);
  if (empty >= 0) throw new OptionsError('labels', `cluster ${empty + 1} is empty; expected labels 1..k with every cluster used`);
  return medoids;
}
