import { distancesToReferences, distinctDistances } from '../distance/compute.js';
import { OptionsError } from '../errors.js';
import { hasMissingCells } from '../distance/encode.js';
import { prepareDistances, type DistanceSetup } from '../distance/setup.js';
import type { DistanceOptions, SubstitutionCosts } from '../distance/types.js';
import type { ProgressReporter } from '../progress.js';
import { createSequences } from '../sequences/create.js';
import type { DistinctSequences } from '../sequences/distinct.js';
import type { StateSequences } from '../sequences/types.js';
import { seededRandom, type Random } from '../stats/random.js';
import { cutree, renumberByFirstAppearance } from './cutree.js';
import { hclust } from './hclust.js';
import { kmedoids } from './kmedoids.js';
import { nearestTwo } from './medoids.js';

/** Options of {@link clara}. */
export interface ClaraOptions {
  /** How to measure dissimilarity (as `distances`); costs derived from the data use all sequences. */
  distance: Omit<DistanceOptions, 'threads' | 'progress'>;
  /** Number of samples (default 20). */
  samples?: number;
  /** Draws per sample, with replacement, in proportion to the weights (default 40 + 2 max k). */
  sampleSize?: number;
  /** Seed of the sampling (default 1): the same data and seed give the same clusters everywhere. */
  seed?: number;
  /** Worker threads for the distances (default: all cores). */
  threads?: number;
  /** Memory for cached distance columns, in bytes (default 512 MiB). */
  columnBudgetBytes?: number;
  progress?: ProgressReporter;
}

/** The best CLARA partition for one k. */
export interface ClaraSolution {
  readonly k: number;
  /** Cluster 1..k per input row, numbered by first appearance in row order. */
  readonly labels: Int32Array;
  /** Medoid of cluster 1..k as a row of the input (its first occurrence). */
  readonly medoids: Int32Array;
  /** Weighted mean distance of the rows to their medoid: the criterion. */
  readonly meanDistance: number;
  /**
   * Weighted mean medoid silhouette (WeightedCluster's AMS): (b - a) / max(a, b)
   * with a, b the distances to the nearest and second nearest medoid.
   */
  readonly medoidSilhouette: number;
  /** Index of the sample the medoids come from. */
  readonly sample: number;
  /** Mean distance reached by every sample (the criterion per iteration). */
  readonly sampleMeanDistances: Float64Array;
}

/** Result of {@link clara}: one solution per requested k. */
export interface ClaraResult {
  readonly solutions: readonly ClaraSolution[];
  /** The distinct sequences the work ran on. */
  readonly distinct: DistinctSequences;
}

/** A candidate: medoids (distinct indices, ascending) from one sample for one k. */
interface Candidate {
  k: number;
  sample: number;
  medoids: Int32Array;
}

/**
 * CLARA for sequences (Kaufman & Rousseeuw 1990; WeightedCluster's
 * `seqclararange`, Studer 2024): for each of `samples` samples of the distinct
 * sequences (drawn with replacement in proportion to their weight and
 * re-aggregated), compute the sample's distances, cluster it with Ward and
 * weighted k-medoids started from the Ward cut, then assign all distinct
 * sequences to the k medoids through their distances to the medoids only, never
 * the N x N matrix. Per k, the medoids with the smallest weighted mean distance
 *
 *   (1 / W) sum_x w_x min_c d(x, m_c)
 *
 * win. Distances to a medoid are computed once per medoid over all distinct
 * sequences and shared by every sample and k that uses it.
 *
 * @param seqs the sequences (N rows; weights honoured)
 * @param k number of clusters, or several (a range)
 * @param options distance measure, samples, sample size, seed, threads
 * @returns the best solution per k
 * @example
 * const { solutions } = await clara(seqs, 4, { distance: { method: 'OM', sm: 'TRATE', indel: 1 }, seed: 7 });
 * solutions[0].labels; // cluster per row
 */
export async function clara(seqs: StateSequences, k: number | readonly number[], options: ClaraOptions): Promise<ClaraResult> {
  const ks = (typeof k === 'number' ? [k] : [...k]).sort((a, b) => a - b);
  const kmax = ks[ks.length - 1];
  const samples = options.samples ?? 20;
  const sampleSize = options.sampleSize ?? 40 + 2 * kmax;
  if (ks.some((x) => !Number.isInteger(x) || x < 2)) throw new OptionsError('k', `every k must be a whole number >= 2; got ${ks.join(', ')}`);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new OptionsError('samples', `must be a whole number >= 1; got ${samples}`);
  if (!(Number.isInteger(sampleSize) && sampleSize > kmax)) throw new OptionsError('sampleSize', `must be a whole number above the largest k (${kmax}); got ${sampleSize}`);
  const unsafe = sampleDependence(options.distance);
  if (unsafe !== undefined) throw new OptionsError('distance.method', `clara cannot use ${options.distance.method} ${unsafe}`);
  const progress = options.progress;

  // Costs from all sequences, once; every later call reuses them.
  const fixed = fixedCostOptions(seqs, { ...options.distance, threads: options.threads });
  const distinct = fixed.distinct;
  const d = distinct.firstRow.length;
  const drawable = distinct.weights.filter((w) => w > 0).length;
  if (drawable <= kmax) throw new OptionsError('k', `${kmax} clusters need more than ${kmax} distinct sequences of positive weight; the data have ${drawable}`);
  const uniq = distinctRows(seqs, distinct.firstRow);
  const weights = distinct.weights;

  // 1. Samples: Ward + k-medoids on each; candidate medoids per (sample, k).
  const rnd = seededRandom(options.seed ?? 1);
  const cumulative = new Float64Array(d);
  let acc = 0;
  for (let x = 0; x < d; x++) cumulative[x] = acc += weights[x];
  const candidates: Candidate[] = [];
  for (let r = 0; r < samples; r++) {
    const { rows, counts } = drawSample(rnd, cumulative, sampleSize);
    if (rows.length <= kmax) throw new OptionsError('sampleSize', `a sample of ${sampleSize} draws holds only ${rows.length} distinct sequences, too few for ${kmax} clusters; raise sampleSize (--sample-size)`);
    const sample = distinctRows(uniq, rows);
    const { matrix } = await distinctDistances(sample, fixed.optionsFor(sample));
    const tree = hclust(matrix, { method: 'ward.D', weights: counts });
    for (const kk of ks) {
      const part = kmedoids(matrix, kk, { weights: counts, initialClusters: cutree(tree, kk) });
      candidates.push({ k: kk, sample: r, medoids: Int32Array.from(part.medoids, (m) => rows[m]).sort() });
    }
    progress?.('clara samples', r + 1, samples);
  }

  // 2. Evaluate every candidate on all distinct sequences through medoid columns.
  const columns = new MedoidColumns(uniq, fixed.optionsFor(uniq), candidates, options.columnBudgetBytes ?? 512 * 2 ** 20, progress);
  const totalW = acc;
  const best = new Map<number, { cand: Candidate; mean: number; nearest: Int32Array; medoidSilhouette: number }>();
  const perSample = new Map(ks.map((kk) => [kk, new Float64Array(samples)]));
  for (let c = 0; c < candidates.length; c++) {
    const cand = candidates[c];
    const cols = await columns.get(c);
    // mean = (1/W) sum_x w_x min_m d(x, m)
    let sum = 0;
    for (let x = 0; x < d; x++) {
      let a = Infinity;
      for (const col of cols) if (col[x] < a) a = col[x];
      sum += weights[x] * a;
    }
    const mean = sum / totalW;
    perSample.get(cand.k)![cand.sample] = mean;
    const prev = best.get(cand.k);
    if (!prev || mean < prev.mean) best.set(cand.k, { cand, mean, ...assignDistinct(cols, weights, cand.medoids, totalW) });
  }

  // 3. Labels of the winners, expanded to the input rows.
  const solutions: ClaraSolution[] = [];
  for (const kk of ks) {
    const { cand, mean, nearest, medoidSilhouette } = best.get(kk)!;
    const rowCodes = Int32Array.from(distinct.rowToDistinct, (x) => nearest[x]);
    const labels = renumberByFirstAppearance(rowCodes);
    const medoids = new Int32Array(kk);
    for (let i = 0; i < labels.length; i++) medoids[labels[i] - 1] = distinct.firstRow[cand.medoids[rowCodes[i]]];
    solutions.push({ k: kk, labels, medoids, meanDistance: mean, medoidSilhouette, sample: cand.sample, sampleMeanDistances: perSample.get(kk)! });
  }
  return { solutions, distinct };
}

/**
 * Why a distance would differ on a sample of the sequences from the same pair in
 * all of them (undefined when it would not): CHI2/EUCLID margins, and OMstran's
 * transition rates (transindel 'prob') and normalisation (over the tokens that occur).
 */
function sampleDependence(options: DistanceOptions): string | undefined {
  const { method } = options;
  if (method === 'CHI2' || method === 'EUCLID') return 'because its margins would come from each sample; use OM, HAM, DHD, LCS, LCP, RLCP, OMspell, TWED, OMloc, OMslen, NMS, NMSMST or SVRspell';
  if (method === 'OMstran' && options.transindel === 'prob') return 'with transindel prob: the transition rates would come from each sample; use constant or subcost';
  if (method === 'OMstran' && (options.norm ?? 'none') !== 'none') return 'with a normalisation: its largest cost would come from the transitions of each sample; use norm none';
  return undefined;
}

/** A lean sequence set of the given rows (codes and lengths only; weights 1). */
function distinctRows(seqs: StateSequences, rows: ArrayLike<number>): StateSequences {
  const { t } = seqs;
  const n = rows.length;
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    codes.set(seqs.codes.subarray(rows[q] * t, rows[q] * t + t), q * t);
    lengths[q] = seqs.lengths[rows[q]];
  }
  return createSequences({ alphabet: seqs.alphabet, n, t, codes, lengths, timeLabels: seqs.timeLabels });
}

/**
 * `size` draws with replacement, P(x) proportional to its weight (binary search
 * in the cumulative weights), aggregated: distinct draws in first-draw order and
 * how often each came up.
 */
function drawSample(rnd: Random, cumulative: Float64Array, size: number): { rows: Int32Array; counts: Float64Array } {
  const total = cumulative[cumulative.length - 1];
  const seen = new Map<number, number>();
  for (let s = 0; s < size; s++) {
    const u = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    seen.set(lo, (seen.get(lo) ?? 0) + 1);
  }
  return { rows: Int32Array.from(seen.keys()), counts: Float64Array.from(seen.values()) };
}

/**
 * Distance options with the substitution and indel costs resolved once on all
 * of `seqs` (TRATE and the like are counted on the whole data), for use on any
 * subset of its rows: a sample then measures distances exactly as the full set
 * would. Also returns the distinct sequences of `seqs`.
 *
 * @param seqs all sequences
 * @param options the distance options
 * @example
 * const fixed = fixedCostOptions(seqs, { method: 'OM', sm: 'TRATE', indel: 1 });
 * await distinctDistances(sample, fixed.optionsFor(sample));
 */
export function fixedCostOptions(
  seqs: StateSequences,
  options: DistanceOptions,
): { distinct: DistinctSequences; optionsFor(subset: StateSequences): DistanceOptions } {
  const setup = prepareDistances(seqs, options);
  return { distinct: setup.distinct, optionsFor: (subset) => fixedCosts(setup, options, hasMissingCells(subset)) };
}

/** `options` with the costs of `setup`; without the missing state (a subset with no gaps), its row and column are dropped. */
function fixedCosts(setup: DistanceSetup, options: DistanceOptions, withMissing: boolean): DistanceOptions {
  if (setup.nSlices === 0) return { ...options };
  const drop = setup.withMissing && !withMissing ? 1 : 0;
  const s = setup.nStates;
  const m = s - drop;
  const sm = new Float64Array(setup.nSlices * m * m);
  for (let z = 0; z < setup.nSlices; z++) {
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sm[z * m * m + i * m + j] = setup.sm[z * s * s + i * s + j];
  }
  const indel = setup.indel.length > 0 ? setup.indel.slice(0, m) : undefined;
  const costs: SubstitutionCosts = {
    states: setup.states.slice(0, m),
    nStates: m,
    timeVarying: setup.method === 'DHD',
    nSlices: setup.nSlices,
    sm,
    indel: indel ?? 0,
  };
  return { ...options, sm: costs, indel: indel ?? 'auto' };
}

/**
 * For each distinct sequence, its nearest medoid (index into `medoids`; the
 * lowest on ties) and the weighted mean medoid silhouette.
 */
function assignDistinct(
  cols: Float64Array[],
  weights: Float64Array,
  medoids: Int32Array,
  totalW: number,
): { nearest: Int32Array; medoidSilhouette: number } {
  const d = weights.length;
  const nearest = new Int32Array(d);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  nearestTwo(cols, Infinity, nearest, a, b);
  medoids.forEach((m, c) => (nearest[m] = c)); // a medoid belongs to itself
  // AMS = (1/W) sum_x w_x (b_x - a_x) / max(a_x, b_x)
  let silSum = 0;
  for (let x = 0; x < d; x++) {
    const top = Math.max(a[x], b[x]);
    if (top > 0) silSum += (weights[x] * (b[x] - a[x])) / top;
  }
  return { nearest, medoidSilhouette: silSum / totalW };
}

/**
 * Distance columns (all distinct sequences to one medoid), computed in batches
 * ahead of the candidates that need them and dropped after their last use,
 * within a memory budget.
 */
class MedoidColumns {
  private readonly cache = new Map<number, Float64Array>();
  private readonly lastUse = new Map<number, number>();
  private readonly capacity: number;
  private done = 0;
  private readonly total: number;

  constructor(
    private readonly uniq: StateSequences,
    private readonly options: DistanceOptions,
    private readonly candidates: Candidate[],
    budgetBytes: number,
    private readonly progress: ProgressReporter | undefined,
  ) {
    candidates.forEach((c, i) => c.medoids.forEach((m) => this.lastUse.set(m, i)));
    const kmax = Math.max(...candidates.map((c) => c.k));
    this.capacity = Math.max(2 * kmax, Math.floor(budgetBytes / (8 * uniq.n)));
    this.total = this.lastUse.size;
  }

  /** The columns of candidate `c`, computing missing ones together with the next candidates' (up to capacity). */
  async get(c: number): Promise<Float64Array[]> {
    for (const [m, last] of this.lastUse) if (last < c) this.cache.delete(m);
    const wanted: number[] = [];
    const want = (m: number) => {
      if (!this.cache.has(m) && !wanted.includes(m)) wanted.push(m);
    };
    this.candidates[c].medoids.forEach(want);
    for (let next = c + 1; next < this.candidates.length; next++) {
      const extra = this.candidates[next].medoids.filter((m) => !this.cache.has(m) && !wanted.includes(m));
      if (this.cache.size + wanted.length + extra.length > this.capacity) break;
      extra.forEach(want);
    }
    if (wanted.length > 0) {
      await this.fill(wanted);
      this.done += wanted.length;
      this.progress?.('clara distances to medoids', this.done, this.total);
    }
    return Array.from(this.candidates[c].medoids, (m) => this.cache.get(m)!);
  }

  private async fill(medoids: number[]): Promise<void> {
    const d = this.uniq.n;
    const b = medoids.length;
    const out = await distancesToReferences(this.uniq, medoids, this.options);
    medoids.forEach((m, r) => {
      const col = new Float64Array(d);
      for (let x = 0; x < d; x++) col[x] = out[x * b + r];
      this.cache.set(m, col);
    });
  }
}
