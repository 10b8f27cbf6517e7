import { distinctDistances } from '../distance/compute.js';
import type { DistanceOptions } from '../distance/types.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { createSequences } from '../sequences/create.js';
import { selectRows } from '../sequences/select.js';
import { MISSING, type StateSequences } from '../sequences/types.js';
import { sampleWithoutReplacement, seededRandom, type Random } from '../stats/random.js';
import { clara, fixedCostOptions } from './clara.js';
import { cutree } from './cutree.js';
import { hclust } from './hclust.js';
import { kmedoids } from './kmedoids.js';
import { QUALITY_INDICES, type QualityIndex } from './quality.js';
import { clusterRange } from './range.js';

/** Null models of {@link nullModelQuality}, named as in WeightedCluster's `seqnull`. */
export type NullModel = 'combined' | 'duration' | 'sequencing';

/** How each data set is clustered in {@link nullModelQuality}. */
export type ValidationClustering = 'ward' | 'pam' | 'clara';

/** Quality indices per k: index -> one value per k. */
export type QualityByK = Readonly<Record<QualityIndex, Float64Array>>;

/** Options shared by the validation functions. */
export interface ValidationOptions {
  /** How to measure dissimilarity (as `distances`). */
  distance: Omit<DistanceOptions, 'threads' | 'progress'>;
  /** Seed (default 1): the same data and seed give the same result. */
  seed?: number;
  /** Worker threads for the distances (default: all cores). */
  threads?: number;
  /** Quality indices of large sets are estimated on this many distinct sequences (default 3000). */
  qualitySample?: number;
  progress?: ProgressReporter;
}

/** Options of {@link nullModelQuality}. */
export interface NullModelOptions extends ValidationOptions {
  /** Null model (default `combined`). */
  model?: NullModel;
  /** Number of null data sets (WeightedCluster's R; default 100). */
  replicates?: number;
  /** Largest number of clusters (k = 2..kmax; default 8). */
  kmax?: number;
  /** Clustering of the data and of every null set (default `ward`: Ward on the distinct sequences; `clara` for large panels). */
  clustering?: ValidationClustering;
  /** Share of the null distribution inside the max-T interval (default 0.95). */
  level?: number;
}

/** Result of {@link nullModelQuality} (WeightedCluster's `seqnullcqi`). */
export interface NullModelQuality {
  readonly ks: readonly number[];
  readonly model: NullModel;
  readonly replicates: number;
  /** Quality of the data's clustering per k. */
  readonly observed: QualityByK;
  /** Quality of every null clustering: index -> replicates x k (row-major). */
  readonly null: QualityByK;
  /** Mean and standard deviation of the null quality per k. */
  readonly nullMean: QualityByK;
  readonly nullSd: QualityByK;
  /** Standardised observed quality per k: (observed - null mean) / null sd. */
  readonly standardized: QualityByK;
  /** Per index, the `level` interval of the null maximum over k of the standardised values (max-T). */
  readonly maxT: Readonly<Record<QualityIndex, readonly [number, number]>>;
  /** The share of the null maxima inside `maxT`. */
  readonly level: number;
}

/**
 * Cluster quality against null models (WeightedCluster's `seqnullcqi`,
 * Studer 2021, "Validating sequence analysis typologies using parametric
 * bootstrap", Sociol. Methodology 51(2)): the data are clustered for k =
 * 2..kmax, then `replicates` null data sets of the same size are drawn and
 * clustered the same way. Null models (from the spells of all sequences):
 * `combined` draws each sequence's spell states as a chain without repeats
 * (states in proportion to their spells) and every spell's length from all
 * spell lengths; `duration` keeps each sequence's order of spell states and
 * draws their lengths at random (uniform shares of the months left after one
 * month each); `sequencing` strings together random observed spells (state
 * and length). Each null sequence keeps its person's length. Every index is
 * standardised per k by the null mean and sd; the max-T interval of the null
 * maximum over k tells which standardised values stand out.
 *
 * @param seqs the sequences (no missing months)
 * @param options distance, model, replicates, kmax, clustering, seed, threads, qualitySample, level
 * @returns observed, null and standardised quality per k, max-T intervals
 * @example
 * const v = await nullModelQuality(seqs, { distance: { method: 'OM', sm: 'TRATE', indel: 1 }, replicates: 50, kmax: 6 });
 * v.standardized.ASW; // per k
 */
export async function nullModelQuality(seqs: StateSequences, options: NullModelOptions): Promise<NullModelQuality> {
  const model = options.model ?? 'combined';
  if (!['combined', 'duration', 'sequencing'].includes(model)) throw new OptionsError('model', `must be combined, duration or sequencing; got "${model}"`);
  const R = options.replicates ?? 100;
  if (!(Number.isInteger(R) && R >= 2)) throw new OptionsError('replicates', `must be a whole number >= 2; got ${R}`);
  const kmax = options.kmax ?? 8;
  const ks = kRange(kmax);
  for (let p = 0; p < seqs.codes.length; p++) if (seqs.codes[p] === MISSING) throw new OptionsError('seqs', 'null models need sequences without missing months (recode them as a state)');
  const seed = options.seed ?? 1;
  const observed = await partitionQuality(seqs, ks, options, seed);
  const spells = spellPool(seqs);
  const nullValues = emptyByK(R * ks.length);
  for (let r = 0; r < R; r++) {
    const rnd = seededRandom((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(r + 1, 0x85ebca6b)) >>> 0);
    const q = await partitionQuality(nullSequences(seqs, model, spells, rnd), ks, { ...options, progress: undefined }, seed + r + 1);
    for (const index of QUALITY_INDICES) nullValues[index].set(q[index], r * ks.length);
    options.progress?.(`null model (${model})`, r + 1, R);
  }
  const level = options.level ?? 0.95;
  const standardized = emptyByK(ks.length);
  const nullMean = emptyByK(ks.length);
  const nullSd = emptyByK(ks.length);
  const maxT = {} as Record<QualityIndex, [number, number]>;
  for (const index of QUALITY_INDICES) {
    const z = new Float64Array(R * ks.length);
    for (let c = 0; c < ks.length; c++) {
      const column = Float64Array.from({ length: R }, (_, r) => nullValues[index][r * ks.length + c]);
      const mean = column.reduce((s, x) => s + x, 0) / R;
      const sd = Math.sqrt(column.reduce((s, x) => s + (x - mean) ** 2, 0) / (R - 1));
      standardized[index][c] = (observed[index][c] - mean) / sd;
      nullMean[index][c] = mean;
      nullSd[index][c] = sd;
      for (let r = 0; r < R; r++) z[r * ks.length + c] = (column[r] - mean) / sd;
    }
    const maxima = Float64Array.from({ length: R }, (_, r) => Math.max(...z.subarray(r * ks.length, (r + 1) * ks.length)));
    const alpha = (1 - level) / 2;
    maxT[index] = [quantile(maxima, alpha), quantile(maxima, 1 - alpha)];
  }
  return { ks, model, replicates: R, observed, null: nullValues, nullMean, nullSd, standardized, maxT, level };
}

/** Options of {@link bootstrapClusterRange}. */
export interface BootstrapOptions extends Omit<ValidationOptions, 'qualitySample'> {
  /** Number of subsamples (default 100). */
  replicates?: number;
  /** Persons per subsample (default 1000, at most all). */
  sampleSize?: number;
}

/** Result of {@link bootstrapClusterRange} (WeightedCluster's `bootclustrange`). */
export interface BootstrapClusterRange {
  readonly ks: readonly number[];
  /** Mean of each index over the subsamples, per k. */
  readonly mean: QualityByK;
  /** Standard deviation over the subsamples, per k. */
  readonly sd: QualityByK;
  /** Every subsample's value: index -> replicates x k (row-major). */
  readonly values: QualityByK;
}

/**
 * Stability of the quality indices of given partitions under subsampling
 * (WeightedCluster's `bootclustrange`): `replicates` times, draw `sampleSize`
 * persons stratified by the partition with the most clusters (each cluster in
 * proportion to its size, the rounding made up at random, every cluster
 * present), compute their dissimilarities and the quality of each partition
 * restricted to them; report mean and standard deviation per k.
 *
 * @param seqs the sequences
 * @param partitions cluster labels per person, one array per k
 * @param options distance, replicates, sampleSize, seed, threads
 * @returns mean, sd and every value per k
 * @example
 * const b = await bootstrapClusterRange(seqs, [ward2, ward3, ward4], { distance: { method: 'OM', sm: 'TRATE', indel: 1 }, replicates: 50, sampleSize: 500 });
 * b.mean.ASW; b.sd.ASW;
 */
export async function bootstrapClusterRange(
  seqs: StateSequences,
  partitions: readonly ArrayLike<number>[],
  options: BootstrapOptions,
): Promise<BootstrapClusterRange> {
  const R = options.replicates ?? 100;
  if (!(Number.isInteger(R) && R >= 2)) throw new OptionsError('replicates', `must be a whole number >= 2; got ${R}`);
  const size = Math.min(options.sampleSize ?? 1000, seqs.n);
  if (partitions.length === 0) throw new OptionsError('partitions', 'give at least one partition');
  for (const p of partitions) if (p.length !== seqs.n) throw new OptionsError('partitions', `${p.length} labels for ${seqs.n} sequences`);
  const ks = partitions.map((p) => new Set(Array.from(p)).size);
  const strata = partitions[partitions.length - 1];
  const fixed = fixedCostOptions(seqs, options.distance);
  const values = emptyByK(R * ks.length);
  const rnd = seededRandom(options.seed ?? 1);
  for (let r = 0; r < R; r++) {
    const rows = stratifiedSample(strata, size, rnd);
    const sample = selectRows(seqs, rows);
    const d = await distinctDistances(sample, { ...fixed.optionsFor(sample), threads: options.threads });
    const labels = partitions.map((p) => Int32Array.from(d.distinct.firstRow, (i) => p[rows[i]]));
    const range = clusterRange(d.matrix, labels.map(renumber), { weights: d.distinct.counts });
    for (const index of QUALITY_INDICES) values[index].set(range.quality.map((q) => q[index]), r * ks.length);
    options.progress?.('bootstrap cluster quality', r + 1, R);
  }
  const mean = emptyByK(ks.length);
  const sd = emptyByK(ks.length);
  for (const index of QUALITY_INDICES) {
    for (let c = 0; c < ks.length; c++) {
      const col = Float64Array.from({ length: R }, (_, r) => values[index][r * ks.length + c]);
      const m = col.reduce((s, x) => s + x, 0) / R;
      mean[index][c] = m;
      sd[index][c] = Math.sqrt(col.reduce((s, x) => s + (x - m) ** 2, 0) / (R - 1));
    }
  }
  return { ks, mean, sd, values };
}

function kRange(kmax: number): number[] {
  if (!(Number.isInteger(kmax) && kmax >= 2)) throw new OptionsError('kmax', `must be a whole number >= 2; got ${kmax}`);
  return Array.from({ length: kmax - 1 }, (_, i) => i + 2);
}

function emptyByK(length: number): Record<QualityIndex, Float64Array> {
  return Object.fromEntries(QUALITY_INDICES.map((i) => [i, new Float64Array(length)])) as Record<QualityIndex, Float64Array>;
}

/** Labels renumbered 1..k by first appearance (a subsample may miss none, but keeps numbers dense). */
function renumber(labels: Int32Array): Int32Array {
  const map = new Map<number, number>();
  return labels.map((l) => {
    if (!map.has(l)) map.set(l, map.size + 1);
    return map.get(l)!;
  });
}

/**
 * Quality of the clustering of a sequence set for every k: Ward (or k-medoids
 * from the Ward cut) on the distinct sequences with their weights, or CLARA
 * with the indices estimated on `qualitySample` distinct sequences.
 */
async function partitionQuality(seqs: StateSequences, ks: number[], options: NullModelOptions, seed: number): Promise<QualityByK> {
  const method = options.clustering ?? 'ward';
  const out = emptyByK(ks.length);
  let range;
  if (method === 'clara') {
    const result = await clara(seqs, ks, { distance: options.distance, seed, threads: options.threads });
    const fixed = fixedCostOptions(seqs, options.distance);
    const distinct = fixed.distinct;
    const d = distinct.firstRow.length;
    const size = options.qualitySample ?? 3000;
    const pick = d <= size ? Int32Array.from({ length: d }, (_, q) => q) : sampleWithoutReplacement(seededRandom(seed), d, size).sort();
    const rows = Int32Array.from(pick, (q) => distinct.firstRow[q]);
    const sample = selectRows(seqs, rows);
    const { matrix } = await distinctDistances(sample, { ...fixed.optionsFor(sample), threads: options.threads });
    const weights = Float64Array.from(pick, (q) => distinct.weights[q]);
    range = clusterRange(matrix, result.solutions.map((s) => renumber(Int32Array.from(rows, (r) => s.labels[r]))), { weights });
  } else {
    const { matrix, distinct } = await distinctDistances(seqs, { ...options.distance, threads: options.threads });
    const tree = hclust(matrix, { method: 'ward.D', weights: distinct.weights });
    const cuts = ks.map((k) => cutree(tree, k));
    const labels = method === 'pam' ? cuts.map((c, i) => kmedoids(matrix, ks[i], { weights: distinct.weights, initialClusters: c }).labels) : cuts;
    range = clusterRange(matrix, labels, { weights: distinct.weights });
  }
  for (const index of QUALITY_INDICES) range.quality.forEach((q, c) => (out[index][c] = q[index]));
  return out;
}

/** All spells of all sequences: states and lengths (unweighted, as `seqnull`). */
interface SpellPool {
  readonly state: Int32Array;
  readonly length: Int32Array;
  /** Share of the spells in each state. */
  readonly stateShare: Float64Array;
}

function spellPool(seqs: StateSequences): SpellPool {
  const states: number[] = [];
  const lengths: number[] = [];
  eachSpell(seqs, (_, s, l) => {
    states.push(s);
    lengths.push(l);
  });
  const S = seqs.alphabet.codes.length;
  const share = new Float64Array(S);
  for (const s of states) share[s] += 1 / states.length;
  return { state: Int32Array.from(states), length: Int32Array.from(lengths), stateShare: share };
}

function eachSpell(seqs: StateSequences, f: (row: number, state: number, length: number) => void): void {
  for (let i = 0; i < seqs.n; i++) {
    const base = i * seqs.t;
    for (let j = 0; j < seqs.lengths[i]; ) {
      const c = seqs.codes[base + j];
      let k = j;
      while (k < seqs.lengths[i] && seqs.codes[base + k] === c) k++;
      f(i, c, k - j);
      j = k;
    }
  }
}

/** A draw from a discrete distribution (probabilities summing to 1). */
function draw(p: ArrayLike<number>, rnd: Random): number {
  let u = rnd();
  for (let s = 0; s < p.length; s++) {
    u -= p[s];
    if (u < 0) return s;
  }
  let last = p.length - 1;
  while (last > 0 && !(p[last] > 0)) last--;
  return last;
}

/** One null data set of the same size and lengths (unweighted). */
export function nullSequences(seqs: StateSequences, model: NullModel, pool: SpellPool, rnd: Random): StateSequences {
  const { n, t, lengths } = seqs;
  const S = seqs.alphabet.codes.length;
  const codes = new Uint8Array(n * t);
  const own: number[][] = Array.from({ length: n }, () => []);
  if (model === 'duration') eachSpell(seqs, (i, s) => own[i].push(s));
  // transition probabilities between spell states: the state shares without staying
  const next = Array.from({ length: S }, (_, a) => {
    const row = Float64Array.from(pool.stateShare, (p, b) => (a === b ? 0 : p));
    const sum = row.reduce((x, y) => x + y, 0);
    return row.map((p) => (sum > 0 ? p / sum : 0));
  });
  for (let i = 0; i < n; i++) {
    const L = lengths[i];
    const base = i * t;
    let j = 0;
    if (model === 'duration') {
      // random lengths for the person's own spell order: 1 + (L - spells) u_s / sum(u), largest remainders rounded up
      const m = own[i].length;
      const u = Float64Array.from({ length: m }, () => rnd());
      const sum = u.reduce((x, y) => x + y, 0);
      const exact = u.map((x) => 1 + ((L - m) * x) / sum);
      const len = exact.map(Math.floor);
      let left = L - len.reduce((x, y) => x + y, 0);
      const byRemainder = [...exact.keys()].sort((a, b) => exact[b] - len[b] - (exact[a] - len[a]));
      for (const s of byRemainder) if (left-- > 0) len[s]++;
      own[i].forEach((state, s) => {
        for (let k = 0; k < len[s]; k++) codes[base + j++] = state;
      });
      continue;
    }
    let prev = -1;
    while (j < L) {
      let state: number;
      let length: number;
      if (model === 'sequencing') {
        const s = Math.floor(rnd() * pool.state.length);
        state = pool.state[s];
        length = pool.length[s];
      } else {
        state = prev < 0 ? draw(pool.stateShare, rnd) : draw(next[prev], rnd);
        length = pool.length[Math.floor(rnd() * pool.length.length)];
      }
      for (let k = 0; k < length && j < L; k++) codes[base + j++] = state;
      prev = state;
    }
  }
  return createSequences({ alphabet: seqs.alphabet, n, t, codes, lengths: Int32Array.from(lengths), timeLabels: seqs.timeLabels });
}

/** R's default (type 7) quantile of a sample. */
function quantile(x: Float64Array, p: number): number {
  const s = Float64Array.from(x).sort();
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

/**
 * `size` rows stratified by label: each stratum in proportion to its size
 * (rounded; the difference to `size` made up in random strata), drawn
 * without replacement, every stratum present (WeightedCluster's sampling).
 */
function stratifiedSample(labels: ArrayLike<number>, size: number, rnd: Random): Int32Array {
  const strata = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!strata.has(l)) strata.set(l, []);
    strata.get(l)!.push(i);
  }
  const groups = [...strata.values()];
  const take = groups.map((g) => Math.max(1, Math.round((g.length / labels.length) * size)));
  let diff = size - take.reduce((x, y) => x + y, 0);
  while (diff !== 0) {
    const g = Math.floor(rnd() * groups.length);
    const step = Math.sign(diff);
    if (take[g] + step >= 1 && take[g] + step <= groups[g].length) {
      take[g] += step;
      diff -= step;
    }
  }
  const out: number[] = [];
  groups.forEach((g, k) => sampleWithoutReplacement(rnd, g.length, take[k]).forEach((x) => out.push(g[x])));
  return Int32Array.from(out).sort();
}

