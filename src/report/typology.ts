import { clusterMedoids } from '../cluster/medoids.js';
import { cutree } from '../cluster/cutree.js';
import { hclust, type HClustTree, type LinkageMethod } from '../cluster/hclust.js';
import { kmedoids } from '../cluster/kmedoids.js';
import { clusterRange, type ClusterRange } from '../cluster/range.js';
import { distances, distinctDistances } from '../distance/compute.js';
import { substitutionCosts } from '../distance/costs.js';
import { hasMissingCells } from '../distance/encode.js';
import type { DistanceMatrix } from '../distance/matrix.js';
import type { CostMethod, DistanceOptions, SubstitutionCosts } from '../distance/types.js';
import type { ProgressReporter } from '../progress.js';
import type { StateSequences } from '../sequences/types.js';

/** Options of `sequenceTypology`. */
export interface SequenceTypologyOptions {
  /** Optimal matching (`'OM'`, default) or its spell variant (`'OMspell'`, Studer & Ritschard 2016, with `expcost` 0.5). */
  distance?: 'OM' | 'OMspell';
  /** Substitution costs derived from the data (default `'TRATE'`), as TraMineR `seqcost`. */
  sm?: CostMethod;
  /** Indel cost (default `'auto'`: max(sm) / 2 for TRATE). */
  indel?: number | 'auto';
  /** Number of clusters (default 4). */
  k?: number;
  /** Smallest and largest k of the quality table (default [2, 8]). */
  kRange?: readonly [number, number];
  /** Agglomeration (default `'ward.D'`, R's `hclust(method = "ward.D")`). */
  linkage?: LinkageMethod;
  /** `'none'` (default): the Ward cut; `'pam'`: weighted k-medoids started from the Ward cut. */
  refine?: 'none' | 'pam';
  /**
   * Cluster the distinct sequences with their summed weights (default true, as
   * WeightedCluster's `wcAggregateCases`): the same Ward tree on a much smaller
   * matrix. `false` clusters every row (R's `hclust(as.dist(om))` on the rows).
   */
  aggregate?: boolean;
  /** Worker threads for the distances (default all cores). */
  threads?: number;
  progress?: ProgressReporter;
}

/** A typology of sequences and how it was made. */
export interface SequenceTypology {
  readonly k: number;
  /** Cluster 1..k per input row. */
  readonly labels: Int32Array;
  /** Medoid of cluster 1..k as an input row. */
  readonly medoids: Int32Array;
  /** Quality indices for every k of the range (WeightedCluster `as.clustrange`), on the clustered items with their weights. */
  readonly range: ClusterRange;
  /** Quality of the final partition (the range's entry for k, or of the refined partition). */
  readonly quality: ClusterRange['quality'][number];
  /** The Ward tree over the clustered items (distinct sequences when aggregated). */
  readonly tree: HClustTree;
  /** Number of items clustered (distinct sequences, or rows). */
  readonly items: number;
  /** Item (distinct sequence) of each input row when aggregated; null when every row is an item. */
  readonly rowItem: Int32Array | null;
  readonly aggregated: boolean;
  readonly linkage: LinkageMethod;
  readonly refine: 'none' | 'pam';
  /** The substitution costs used. */
  readonly costs: SubstitutionCosts;
  /** The indel cost used. */
  readonly indel: number;
  /** The dissimilarity: `'OM'` or `'OMspell'`. */
  readonly distance: 'OM' | 'OMspell';
  /** Short description, e.g. `OM (TRATE, indel 1) + Ward (ward.D) on 10201 distinct sequences, weighted`. */
  readonly method: string;
}

/**
 * A sequence typology the way the study makes it: optimal-matching
 * distances with substitution costs from the transition rates (TraMineR
 * `seqdist(method = "OM", sm = "TRATE")`; or `OMspell`, which compares
 * spells and their lengths), Ward's hierarchical clustering
 * (`hclust(method = "ward.D")`) with the case weights as cluster sizes, the
 * cut into k clusters, optionally refined by weighted k-medoids from that cut
 * (WeightedCluster's `wcKMedoids(initialclust = )`), and the quality indices
 * (ASW, HC, PBC, R2, CH, ...) for every k of a range to justify k (Studer 2013,
 * WeightedCluster manual). Clustering the distinct sequences with their summed
 * weights gives the partition of the rows at a fraction of the memory.
 *
 * @param seqs the sequences (e.g. the first 36 months since the start)
 * @param options costs, k, range, linkage, refine, aggregate, threads, progress
 * @returns cluster per row, medoids, quality table, tree and a description
 * @example
 * const typ = await sequenceTypology(subsetMonths(seqs, 0, 35), { k: 4 });
 * typ.labels;            // Int32Array: cluster 1..4 per person
 * typ.range.quality[2];  // quality of k = 4 (range 2..8)
 */
export async function sequenceTypology(seqs: StateSequences, options: SequenceTypologyOptions = {}): Promise<SequenceTypology> {
  const { k = 4, kRange = [2, 8], linkage = 'ward.D', refine = 'none', aggregate = true, progress } = options;
  const [kmin, kmax] = kRange;
  if (!(Number.isInteger(k) && k >= 2)) throw new RangeError(`k: expected a whole number >= 2; got ${k}.`);
  if (!(Number.isInteger(kmin) && Number.isInteger(kmax) && kmin >= 2 && kmin <= k && k <= kmax)) {
    throw new RangeError(`kRange: expected whole numbers 2 <= kmin <= k (${k}) <= kmax; got ${kmin}..${kmax}.`);
  }
  // gaps become a state of their own, as TraMineR's with.missing
  const withMissing = hasMissingCells(seqs);
  const costs = substitutionCosts(seqs, { method: options.sm ?? 'TRATE', withMissing });
  const indel = options.indel === undefined || options.indel === 'auto' ? (costs.indel as number) : options.indel;
  const method = options.distance ?? 'OM';
  const distance: DistanceOptions = { method, sm: costs, indel, withMissing, threads: options.threads, progress };

  let matrix: DistanceMatrix;
  let weights: Float64Array;
  let rowToItem: Int32Array | undefined;
  let firstRow: Int32Array | undefined;
  if (aggregate) {
    const r = await distinctDistances(seqs, distance);
    matrix = r.matrix;
    weights = r.distinct.weights;
    rowToItem = r.distinct.rowToDistinct;
    firstRow = r.distinct.firstRow;
  } else {
    matrix = await distances(seqs, distance);
    weights = seqs.weights;
  }
  const step = (task: string, done: number) => progress?.(task, done, 1);
  step(`${linkage} clustering of ${matrix.n} sequences`, 0);
  const tree = hclust(matrix, { method: linkage, weights });
  step(`${linkage} clustering of ${matrix.n} sequences`, 1);
  step(`cluster quality for k = ${kmin}..${kmax}`, 0);
  const range = clusterRange(matrix, tree, { weights, kmin, kmax });
  step(`cluster quality for k = ${kmin}..${kmax}`, 1);
  let itemLabels = range.labels[k - kmin];
  let quality = range.quality[k - kmin];
  let itemMedoids: Int32Array;
  if (refine === 'pam') {
    step('k-medoids refinement', 0);
    const r = kmedoids(matrix, k, { weights, initialClusters: itemLabels });
    step('k-medoids refinement', 1);
    itemLabels = r.labels;
    itemMedoids = r.medoids;
    quality = clusterRange(matrix, [itemLabels], { weights }).quality[0];
  } else {
    itemMedoids = clusterMedoids(matrix, itemLabels, weights);
  }
  const labels = rowToItem ? Int32Array.from(rowToItem, (d) => itemLabels[d]) : itemLabels;
  const medoids = firstRow ? Int32Array.from(itemMedoids, (d) => firstRow![d]) : itemMedoids;
  const what = aggregate ? `${matrix.n} distinct sequences, weighted` : `${matrix.n} sequences${hasWeights(weights) ? ', weighted' : ''}`;
  return {
    k,
    labels,
    medoids,
    range,
    quality,
    tree,
    items: matrix.n,
    rowItem: rowToItem ?? null,
    aggregated: aggregate,
    linkage,
    refine,
    distance: method,
    costs,
    indel,
    method: `${method} (${options.sm ?? 'TRATE'}, indel ${round(indel)}) + Ward (${linkage})${refine === 'pam' ? ' + k-medoids' : ''} on ${what}`,
  };
}

function hasWeights(w: Float64Array): boolean {
  for (let i = 0; i < w.length; i++) if (w[i] !== 1) return true;
  return false;
}

function round(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
