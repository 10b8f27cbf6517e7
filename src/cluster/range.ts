import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { sortPairs } from './sorted-pairs.js';
import { cutree } from './cutree.js';
import type { HClustTree } from './hclust.js';
import { QUALITY_INDICES, clusterQuality, type ClusterQuality, type QualityIndex } from './quality.js';
import { clusterCount } from './silhouette.js';

/** Quality of a series of partitions, one per number of clusters. */
export interface ClusterRange {
  /** Number of clusters of each partition. */
  readonly ks: readonly number[];
  /** Cluster number 1..k per observation, one array per entry of `ks`. */
  readonly labels: readonly Int32Array[];
  /** Quality indices, one per entry of `ks`. */
  readonly quality: readonly ClusterQuality[];
  /** The k that each index prefers: the largest value, the smallest for HC. */
  readonly best: Readonly<Record<QualityIndex, number>>;
}

/** Options of {@link clusterRange}. */
export interface ClusterRangeOptions {
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /** Smallest k when cutting a tree (default 2). */
  kmin?: number;
  /** Largest k when cutting a tree (default 10). */
  kmax?: number;
  /** Receives progress as partitions scored. */
  progress?: ProgressReporter;
}

/**
 * Quality indices for k = kmin..kmax clusters, from the cuts of a tree or from
 * given partitions, with the best k by each index (WeightedCluster's
 * `as.clustrange` and its summary: every index prefers its largest value
 * except HC, which prefers the smallest). The pairs are sorted once for all k.
 *
 * @param matrix condensed dissimilarities
 * @param source a tree from {@link hclust}, or partitions (labels 1..k each)
 * @param options weights and range of k
 * @returns partitions, indices and the best k per index
 * @example
 * const range = clusterRange(matrix, hclust(matrix), { kmax: 8 });
 * range.best.ASW; // e.g. 2
 */
export function clusterRange(
  matrix: DistanceMatrix,
  source: HClustTree | readonly ArrayLike<number>[],
  options: ClusterRangeOptions = {},
): ClusterRange {
  let labels: Int32Array[];
  if (Array.isArray(source)) labels = source.map((l) => Int32Array.from(l));
  else {
    const tree = source as HClustTree;
    const kmin = options.kmin ?? 2;
    const kmax = Math.min(options.kmax ?? 10, tree.n);
    if (!(kmin >= 2 && kmin <= kmax)) throw new OptionsError('kmin', `need 2 <= kmin <= kmax; got ${kmin}..${kmax}`);
    labels = [];
    for (let k = kmin; k <= kmax; k++) labels.push(cutree(tree, k));
  }
  const ks = labels.map((l) => clusterCount(l, matrix.n));
  const pairs = sortPairs(matrix);
  const quality = labels.map((l, r) => {
    const q = clusterQuality(matrix, l, { weights: options.weights, pairs });
    options.progress?.('cluster quality', r + 1, labels.length);
    return q;
  });
  return { ks, labels, quality, best: bestK(ks, quality) };
}

/** For each index, the k with the best value (first on ties; NaN never wins). */
export function bestK(ks: readonly number[], quality: readonly Record<QualityIndex, number>[]): Record<QualityIndex, number> {
  const best = {} as Record<QualityIndex, number>;
  for (const index of QUALITY_INDICES) {
    const sign = index === 'HC' ? -1 : 1;
    let top = -Infinity;
    let k = NaN;
    quality.forEach((q, r) => {
      if (sign * q[index] > top) {
        top = sign * q[index];
        k = ks[r];
      }
    });
    best[index] = k;
  }
  return best;
}
