import { distances, distinctDistances, DEFAULT_MEMORY_BUDGET } from '../distance/compute.js';
import { substitutionCosts } from '../distance/costs.js';
import { hasMissingCells } from '../distance/encode.js';
import { condensedBytes, type DistanceMatrix } from '../distance/matrix.js';
import type { CostMethod, DistanceOptions, SubstitutionCosts } from '../distance/types.js';
import { OptionsError, ResourceError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { distinctSequences } from '../sequences/distinct.js';
import { selectRows } from '../sequences/select.js';
import type { StateSequences } from '../sequences/types.js';
import { sampleWithoutReplacement, seededRandom } from '../stats/random.js';
import { clara, fixedCostOptions } from './clara.js';
import { cutree } from './cutree.js';
import { hclust, type HClustTree, type LinkageMethod } from './hclust.js';
import { kmedoids } from './kmedoids.js';
import { clusterMedoids } from './medoids.js';
import { pam } from './pam.js';
import { bestK, clusterRange } from './range.js';
import type { ClusterQuality, QualityIndex } from './quality.js';

/** How the clusters are formed. */
export type ClusterAlgorithm = 'ward' | 'pam' | 'clara';

/** Options of `clusterSequences`. */
export interface ClusterPipelineOptions {
  /**
   * Distances (as `distances`; default OM with TRATE costs, indel auto).
   * `sm` may be a cost method: costs are then derived once from all sequences.
   */
  distance?: Omit<DistanceOptions, 'threads' | 'progress' | 'memoryBudgetBytes'>;
  /** A distance matrix over the rows instead of computing one (ward and pam only). */
  matrix?: DistanceMatrix;
  /** Number of clusters reported in `labels` (default the first of `ks`). */
  k?: number;
  /** Every k to compute, with quality indices for each (default [k]). */
  ks?: readonly number[];
  /**
   * `'auto'` (default): Ward on the distinct sequences when their condensed
   * matrix fits `memoryBudgetBytes` (on every row when `aggregate` is false),
   * else CLARA; or `'ward'`, `'pam'`, `'clara'`.
   */
  algorithm?: 'auto' | ClusterAlgorithm;
  /** Agglomeration of Ward (default `'ward.D'`, R's `hclust(method = "ward.D")`). */
  linkage?: LinkageMethod;
  /** Ward and PAM on the distinct sequences with their summed weights (default true, WeightedCluster's `wcAggregateCases`). */
  aggregate?: boolean;
  /** Refine the Ward cut for `k` with weighted k-medoids started from it (default `'none'`). */
  refine?: 'none' | 'pam';
  /** Largest matrix to hold, in bytes (default 8 GiB). */
  memoryBudgetBytes?: number;
  /** CLARA: samples (20), draws per sample (40 + 2 max k), seed (1). */
  samples?: number;
  sampleSize?: number;
  seed?: number;
  /** CLARA: the quality indices need all pairwise distances, so they are estimated on this many distinct sequences (default 3,000; exact when there are fewer). */
  qualitySample?: number;
  threads?: number;
  progress?: ProgressReporter;
}

/** Result of `clusterSequences`. */
export interface ClusterPipelineResult {
  readonly algorithm: ClusterAlgorithm;
  readonly k: number;
  readonly ks: readonly number[];
  /** Cluster 1..k per input row for `k`. */
  readonly labels: Int32Array;
  /** Cluster per input row for each entry of `ks`. */
  readonly labelsByK: readonly Int32Array[];
  /** Medoid of cluster 1..k as an input row. */
  readonly medoids: Int32Array;
  /** Quality indices per entry of `ks` (WeightedCluster `as.clustrange`) and the best k by each. */
  readonly quality: readonly ClusterQuality[];
  readonly best: Readonly<Record<QualityIndex, number>>;
  /** Quality of the partition for `k` (after refinement). */
  readonly kQuality: ClusterQuality;
  /** Distinct sequences the quality indices were estimated on (CLARA on a large panel), or null when exact. */
  readonly qualitySample: number | null;
  /** Ward's tree over the clustered items; null for PAM and CLARA. */
  readonly tree: HClustTree | null;
  /** Number of items clustered (distinct sequences, or rows). */
  readonly items: number;
  /** The distances clustered, over the items (rows of `rowItem`), for analyses of the same dissimilarities; null for CLARA, which never holds them. */
  readonly matrix: DistanceMatrix | null;
  /** Item (distinct sequence) of each row when aggregated; null when every row is an item. */
  readonly rowItem: Int32Array | null;
  readonly aggregated: boolean;
  readonly refine: 'none' | 'pam';
  /** Substitution costs and indel used (null with a given matrix). */
  readonly costs: SubstitutionCosts | null;
  readonly indel: number | null;
  /** Short description, e.g. `OM (TRATE, indel 1) + Ward (ward.D) on 10201 distinct sequences, weighted`. */
  readonly method: string;
}

/**
 * The clustering pipeline in one call: distances on the distinct sequences
 * (substitution costs derived once from all sequences), Ward's hierarchical
 * clustering with the weights as cluster sizes (or PAM), the cut for every k,
 * the labels expanded to the rows, medoids, and the quality indices of
 * WeightedCluster for every k; optionally refined by weighted k-medoids. When
 * the matrix of the distinct sequences does not fit the memory budget,
 * `algorithm: 'auto'` switches to CLARA (WeightedCluster `seqclararange`),
 * which never builds it, and estimates the quality indices on a sample.
 *
 * References: Studer (2013), WeightedCluster library manual; Kaufman and
 * Rousseeuw (1990), Finding Groups in Data; R's `hclust` and `cutree`.
 *
 * @param seqs the sequences (weights honoured)
 * @param options distance, k and ks, algorithm, aggregate, refine, budget, CLARA settings, threads, progress
 * @returns labels per row, medoids, quality per k, and how they were made
 * @example
 * const r = await clusterSequences(seqs, { distance: { method: 'OM', sm: 'TRATE', indel: 'auto' }, k: 4, ks: [2, 3, 4, 5, 6, 7, 8] });
 * r.labels;          // cluster 1..4 per row
 * r.best.ASW;        // the k the average silhouette width prefers
 * r.algorithm;       // 'ward', or 'clara' for a panel whose matrix does not fit
 */
export async function clusterSequences(seqs: StateSequences, options: ClusterPipelineOptions = {}): Promise<ClusterPipelineResult> {
  const ks = [...(options.ks ?? [options.k ?? 4])].sort((a, b) => a - b);
  const k = options.k ?? ks[0];
  if (!ks.every((x) => Number.isInteger(x) && x >= 2)) throw new OptionsError('k', `every k must be a whole number >= 2; got ${ks.join(', ')}`);
  if (!ks.includes(k)) throw new OptionsError('k', `k = ${k} is not among the ks computed (${ks.join(', ')})`);
  const { linkage = 'ward.D', refine = 'none', aggregate = true, progress } = options;
  const budget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET;
  const withMissing = options.distance?.withMissing ?? hasMissingCells(seqs);
  const method = options.distance?.method ?? 'OM';
  // OM's default costs are TRATE; a cost method given by name is derived once, from all sequences
  const smOption = options.distance?.sm ?? (method === 'OM' ? 'TRATE' : undefined);
  const costs = options.matrix || typeof smOption !== 'string' ? null : substitutionCosts(seqs, { method: smOption as CostMethod, withMissing });
  const distance: DistanceOptions = {
    ...options.distance,
    method,
    ...(costs ? { sm: costs } : {}),
    indel: options.distance?.indel === undefined || options.distance.indel === 'auto' ? (costs ? (costs.indel as number) : 'auto') : options.distance.indel,
    withMissing,
    threads: options.threads,
    progress,
    memoryBudgetBytes: budget,
  };
  const indel = typeof distance.indel === 'number' ? distance.indel : null;

  let algorithm = options.algorithm ?? 'auto';
  if (algorithm === 'auto') {
    const items = options.matrix ? options.matrix.n : aggregate ? distinctSequences(seqs).firstRow.length : seqs.n;
    algorithm = condensedBytes(items) <= budget || options.matrix ? 'ward' : 'clara';
  }
  const describe = (what: string) =>
    `${options.matrix ? 'given distances' : `${method} (${typeof smOption === 'string' ? `${smOption}, ` : ''}indel ${roundText(indel)})`} + ${what}`;

  if (algorithm === 'clara') {
    if (options.matrix) throw new OptionsError('algorithm', 'clara computes its own distances to the medoids; give sequences, not a matrix');
    if (refine !== 'none') throw new OptionsError('refine', 'clara already ends with k-medoids; refine applies to Ward');
    const result = await clara(seqs, ks, {
      distance, samples: options.samples, sampleSize: options.sampleSize, seed: options.seed, threads: options.threads, progress,
    });
    const labelsByK = result.solutions.map((s) => s.labels);
    const sampled = await sampledQuality(seqs, labelsByK, distance, options.qualitySample ?? 3000, options.seed ?? 1);
    const at = ks.indexOf(k);
    return {
      algorithm, k, ks, labels: labelsByK[at], labelsByK, medoids: result.solutions[at].medoids,
      quality: sampled.quality, best: bestK(ks, sampled.quality), kQuality: sampled.quality[at], qualitySample: sampled.sampled,
      tree: null, items: result.distinct.firstRow.length, matrix: null, rowItem: result.distinct.rowToDistinct, aggregated: true, refine,
      costs, indel, method: describe(`CLARA (${options.samples ?? 20} samples) on ${result.distinct.firstRow.length} distinct sequences, weighted`),
    };
  }

  // Ward or PAM on a matrix over the rows or the distinct sequences.
  let matrix: DistanceMatrix;
  let weights: Float64Array;
  let rowToItem: Int32Array | null = null;
  let firstRow: Int32Array | null = null;
  if (options.matrix) {
    matrix = options.matrix;
    if (matrix.n !== seqs.n) throw new OptionsError('matrix', `${matrix.n} rows for ${seqs.n} sequences; expected one per sequence`);
    weights = seqs.weights;
  } else if (aggregate) {
    const r = await distinctDistances(seqs, distance);
    matrix = r.matrix;
    weights = r.distinct.weights;
    rowToItem = r.distinct.rowToDistinct;
    firstRow = r.distinct.firstRow;
  } else {
    if (condensedBytes(seqs.n) > budget) {
      throw new ResourceError(
        `the ${seqs.n} x ${seqs.n} distance matrix needs ${(condensedBytes(seqs.n) / 2 ** 30).toFixed(2)} GiB, above the memory budget of ` +
          `${(budget / 2 ** 30).toFixed(2)} GiB; cluster the distinct sequences (aggregate), use CLARA, or raise the budget`,
      );
    }
    matrix = await distances(seqs, distance);
    weights = seqs.weights;
  }
  if (ks[ks.length - 1] > matrix.n) throw new OptionsError('k', `${ks[ks.length - 1]} clusters from ${matrix.n} ${rowToItem ? 'distinct sequences' : 'sequences'}; k must be at most that`);
  const step = (task: string, done: number) => progress?.(task, done, 1);
  let tree: HClustTree | null = null;
  let itemLabels: Int32Array[];
  if (algorithm === 'pam') {
    itemLabels = ks.map((kk) => pam(matrix, kk, { weights, progress }).labels);
  } else {
    step(`${linkage} clustering of ${matrix.n} sequences`, 0);
    tree = hclust(matrix, { method: linkage, weights });
    step(`${linkage} clustering of ${matrix.n} sequences`, 1);
    itemLabels = ks.map((kk) => cutree(tree!, kk));
  }
  step(`cluster quality for k = ${ks.join(', ')}`, 0);
  const range = clusterRange(matrix, itemLabels, { weights });
  step(`cluster quality for k = ${ks.join(', ')}`, 1);
  const at = ks.indexOf(k);
  let kLabels = itemLabels[at];
  let kQuality = range.quality[at];
  let itemMedoids: Int32Array;
  if (refine === 'pam') {
    step('k-medoids refinement', 0);
    const r = kmedoids(matrix, k, { weights, initialClusters: kLabels });
    step('k-medoids refinement', 1);
    kLabels = r.labels;
    itemMedoids = r.medoids;
    kQuality = clusterRange(matrix, [kLabels], { weights }).quality[0];
  } else {
    itemMedoids = clusterMedoids(matrix, kLabels, weights);
  }
  const toRows = (l: Int32Array) => (rowToItem ? Int32Array.from(rowToItem, (d) => l[d]) : l);
  const labelsByK = itemLabels.map(toRows);
  const labels = toRows(kLabels);
  const medoids = firstRow ? Int32Array.from(itemMedoids, (d) => firstRow![d]) : itemMedoids;
  const what = rowToItem ? `${matrix.n} distinct sequences, weighted` : `${matrix.n} sequences${hasWeights(weights) ? ', weighted' : ''}`;
  const how = algorithm === 'pam' ? 'PAM' : `Ward (${linkage})${refine === 'pam' ? ' + k-medoids' : ''}`;
  return {
    algorithm, k, ks, labels, labelsByK, medoids, quality: range.quality, best: range.best, kQuality, qualitySample: null,
    tree, items: matrix.n, matrix, rowItem: rowToItem, aggregated: rowToItem !== null, refine, costs, indel, method: describe(`${how} on ${what}`),
  };
}

/**
 * CLARA's quality indices: they need all pairwise distances, so they are
 * estimated on a uniform sample of the distinct sequences, each with its
 * total weight (exact when there are at most `size` distinct sequences).
 */
async function sampledQuality(
  seqs: StateSequences, labels: readonly Int32Array[], options: DistanceOptions, size: number, seed: number,
): Promise<{ quality: ClusterQuality[]; sampled: number | null }> {
  const fixed = fixedCostOptions(seqs, options);
  const distinct = fixed.distinct;
  const d = distinct.firstRow.length;
  const pick = d <= size ? Int32Array.from({ length: d }, (_, q) => q) : sampleWithoutReplacement(seededRandom(seed), d, size).sort();
  const rows = Int32Array.from(pick, (q) => distinct.firstRow[q]);
  const sample = selectRows(seqs, rows);
  const { matrix } = await distinctDistances(sample, fixed.optionsFor(sample));
  const weights = Float64Array.from(pick, (q) => distinct.weights[q]);
  const range = clusterRange(matrix, labels.map((l) => Int32Array.from(rows, (r) => l[r])), { weights });
  return { quality: [...range.quality], sampled: d > size ? size : null };
}

function hasWeights(w: Float64Array): boolean {
  for (let i = 0; i < w.length; i++) if (w[i] !== 1) return true;
  return false;
}

function roundText(x: number | null): string {
  return x === null ? 'auto' : String(Math.round(x * 1e4) / 1e4);
}
