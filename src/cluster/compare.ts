import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { cutree } from './cutree.js';
import { hclust, type LinkageMethod } from './hclust.js';
import { kmedoids } from './kmedoids.js';
import type { QualityIndex } from './quality.js';
import { QUALITY_INDICES } from './quality.js';
import { clusterRange, type ClusterRange } from './range.js';

/** Hierarchical methods of {@link compareClusterings}, as WeightedCluster's `wcCmpCluster`. */
export const COMPARED_LINKAGES: readonly LinkageMethod[] = ['ward.D', 'ward.D2', 'single', 'complete', 'average', 'mcquitty', 'median', 'centroid'];

/** Options of {@link compareClusterings}. */
export interface ClusterCompareOptions {
  /** Case weights (default 1 each; WeightedCluster's `weights`, the cluster sizes of hclust). */
  weights?: ArrayLike<number>;
  /** Largest number of clusters (k = 2..kmax; default 10). */
  kmax?: number;
  /** Methods: hierarchical linkages and/or `pam` (default: all of them). */
  methods?: readonly (LinkageMethod | 'pam')[];
  /** Also run k-medoids started from each hierarchical cut (`pam.<method>`; default true). */
  pamCombine?: boolean;
  progress?: ProgressReporter;
}

/** Result of {@link compareClusterings}. */
export interface ClusterComparison {
  /** Method names in order: each linkage, its `pam.<linkage>`, and `pam`. */
  readonly methods: readonly string[];
  /** Quality of k = 2..kmax per method. */
  readonly ranges: Readonly<Record<string, ClusterRange>>;
  /** Long table: one row per method and k with the ten indices. */
  readonly table: readonly ({ readonly method: string; readonly k: number } & Readonly<Record<QualityIndex, number>>)[];
  /** For each index, the best method and k over the whole table (HC: smallest). */
  readonly best: Readonly<Record<QualityIndex, { readonly method: string; readonly k: number; readonly value: number }>>;
}

/**
 * Compare clustering methods over a range of k in one table
 * (WeightedCluster's `wcCmpCluster`, Studer 2013): for each hierarchical
 * linkage the cuts k = 2..kmax, with `pamCombine` also weighted k-medoids
 * started from each cut (`pam.<linkage>`, each cluster's start medoid the
 * member with the smallest weighted sum of distances to the others), and
 * k-medoids started by BUILD (`pam`: WeightedCluster's one pass of
 * `wcKMedoids` is BUILD, its random start is drawn but not used); the quality
 * indices of every partition (`clusterQuality`) and the best method and k per
 * index. The hierarchical trees are R's `stats::hclust`; WeightedCluster uses
 * fastcluster's, which can merge tied distances in another order (on mvad
 * only `mcquitty` differs).
 *
 * @param matrix condensed dissimilarities (e.g. over distinct sequences)
 * @param options weights, kmax, methods, pamCombine
 * @returns the table and the best per index
 * @example
 * const cmp = compareClusterings(matrix, { weights: distinct.weights, kmax: 8 });
 * cmp.best.ASW; // { method: 'pam.ward.D', k: 2, value: 0.41 }
 */
export function compareClusterings(matrix: DistanceMatrix, options: ClusterCompareOptions = {}): ClusterComparison {
  const kmax = options.kmax ?? 10;
  if (!(Number.isInteger(kmax) && kmax >= 2 && kmax < matrix.n)) throw new OptionsError('kmax', `must be a whole number from 2 to ${matrix.n - 1}; got ${kmax}`);
  const methods = options.methods ?? [...COMPARED_LINKAGES, 'pam'];
  const ks = Array.from({ length: kmax - 1 }, (_, i) => i + 2);
  const { weights } = options;
  const ranges: Record<string, ClusterRange> = {};
  for (const method of methods) {
    if (method === 'pam') {
      ranges.pam = clusterRange(matrix, ks.map((k) => kmedoids(matrix, k, { weights }).labels), { weights });
      continue;
    }
    if (!COMPARED_LINKAGES.includes(method)) throw new OptionsError('methods', `unknown method "${method}"; expected ${[...COMPARED_LINKAGES, 'pam'].join(', ')}`);
    const tree = hclust(matrix, { method, weights });
    const cuts = ks.map((k) => cutree(tree, k));
    ranges[method] = clusterRange(matrix, cuts, { weights });
    if (options.pamCombine !== false) {
      ranges[`pam.${method}`] = clusterRange(matrix, cuts.map((c, i) => kmedoids(matrix, ks[i], { weights, initialClusters: c }).labels), { weights });
    }
    options.progress?.('cluster comparison', Object.keys(ranges).length, methods.length * 2);
  }
  const names = Object.keys(ranges);
  const table = names.flatMap((method) =>
    ranges[method].quality.map((q, r) => ({ method, k: ranges[method].ks[r], ...Object.fromEntries(QUALITY_INDICES.map((i) => [i, q[i]])) }) as ClusterComparison['table'][number]),
  );
  const best = {} as Record<QualityIndex, { method: string; k: number; value: number }>;
  for (const index of QUALITY_INDICES) {
    const sign = index === 'HC' ? -1 : 1;
    let top: { method: string; k: number; value: number } | undefined;
    for (const row of table) if (!Number.isNaN(row[index]) && (top === undefined || sign * row[index] > sign * top.value)) top = { method: row.method, k: row.k, value: row[index] };
    best[index] = top ?? { method: '', k: NaN, value: NaN };
  }
  return { methods: names, ranges, table, best };
}
