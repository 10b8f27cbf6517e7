import { availableParallelism } from 'node:os';
import { compiledScript, runWorkers } from '../distance/engine/pool.js';
import { sharedAlloc } from '../distance/engine/sorted.js';
import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { seededRandom, type Random } from '../stats/random.js';

/**
 * The units whose group labels a permutation test shuffles. With integer case
 * weights every case is replicated into w units of weight 1 (TraMineR's
 * default `weight.permutation = "replicate"`; with weights 1 these are the
 * cases themselves); otherwise each case is one unit that keeps its weight.
 */
export interface PermutationUnits {
  /** Item (row of the matrix) of each unit. */
  readonly item: Int32Array;
  /** Weight of each unit. */
  readonly weight: Float64Array;
  /** Original label (0-based group or row of a design) of each unit. */
  readonly label: Int32Array;
  /** Case each unit comes from. */
  readonly source: Int32Array;
  /** `replicate` (integer weights) or `cases` (each case keeps its weight). */
  readonly scheme: 'replicate' | 'cases';
}

/** Replicated units allowed before falling back to one unit per case. */
const MAX_REPLICATES = 2e7;

/**
 * Units for a permutation test over cases with items, weights and labels.
 *
 * @example
 * permutationUnits(Int32Array.of(0, 1), Float64Array.of(2, 1), Int32Array.of(0, 1)).item; // [0, 0, 1]
 */
export function permutationUnits(item: Int32Array, weight: Float64Array, label: Int32Array): PermutationUnits {
  let total = 0;
  let integer = true;
  for (let i = 0; i < weight.length; i++) {
    total += weight[i];
    if (!Number.isInteger(weight[i])) integer = false;
  }
  if (!integer || total > MAX_REPLICATES) {
    return { item, weight, label, source: Int32Array.from({ length: item.length }, (_, i) => i), scheme: 'cases' };
  }
  const units = new Int32Array(total);
  const labels = new Int32Array(total);
  const source = new Int32Array(total);
  let u = 0;
  for (let i = 0; i < weight.length; i++) {
    for (let r = 0; r < weight[i]; r++, u++) {
      units[u] = item[i];
      labels[u] = label[i];
      source[u] = i;
    }
  }
  return { item: units, weight: new Float64Array(total).fill(1), label: labels, source, scheme: 'replicate' };
}

/**
 * The random stream of permutation r: its own seed, so that a permutation
 * does not depend on how the work is split over threads.
 */
function permutationRandom(seed: number, r: number): Random {
  return seededRandom((Math.imul(seed | 0, 0x2c1b3c6d) ^ Math.imul(r + 1, 0x297a2d39)) >>> 0);
}

/**
 * Labels of permutation r: the units' labels shuffled (Fisher-Yates) with the
 * stream of r; r = 0 is the observed labelling.
 */
export function permutedLabels(label: Int32Array, seed: number, r: number, out: Int32Array): Int32Array {
  out.set(label);
  if (r === 0) return out;
  const rnd = permutationRandom(seed, r);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * p-values of a permutation test: for each statistic, the share of the R
 * rows (row 0 the observed values) with a value >= the observed one (as
 * TraMineR's `TraMineR.permutation`). NaN when R < 2.
 *
 * @example
 * permutationPValues(Float64Array.of(3, 1, 4, 3), 4, 1); // [0.75]
 */
export function permutationPValues(t: Float64Array, R: number, nStats: number): Float64Array {
  const p = new Float64Array(nStats).fill(NaN);
  if (R < 2) return p;
  for (let s = 0; s < nStats; s++) {
    let count = 0;
    for (let r = 0; r < R; r++) if (t[r * nStats + s] >= t[s]) count++;
    p[s] = count / R;
  }
  return p;
}

/** A permutation test that can run on worker threads: plain data, evaluated block by block. */
export interface PermutationTask<Spec> {
  /** Compiled module (relative to dist/) exporting nothing; the worker entry dispatches on `kind`. */
  readonly spec: Spec & { readonly kind: string; readonly matrix: DistanceMatrix };
  /** Statistics per permutation. */
  readonly nStats: number;
  /** Work per permutation, in pair-column operations (decides on threads). */
  readonly cost: number;
}

/** Evaluates permutations r0..r1-1 of a spec into out[r * nStats + s]. */
export type BlockEvaluator<Spec> = (spec: Spec, r0: number, r1: number, out: Float64Array) => void;

/** Permutations evaluated together in one pass over the matrix. */
export const BLOCK = 8;
/** Below this much work (pair-column operations) the calling thread does all. */
const MIN_PARALLEL_WORK = 3e8;

/** Options of {@link runPermutations}. */
export interface PermutationRunOptions {
  /** Worker threads (default: all cores for large tests). */
  threads?: number;
  progress?: ProgressReporter;
  /** Progress task name. */
  task?: string;
}

/**
 * Evaluate the observed statistics (row 0) and R - 1 permutations of a test,
 * in blocks, on worker threads when the work is large. Each permutation draws
 * from its own seeded stream, so the result does not depend on `threads`.
 *
 * @returns R x nStats values, row-major
 * @example
 * const t = await runPermutations(task, evaluateAssociation, 1000, { threads: 2 });
 */
export async function runPermutations<Spec>(
  task: PermutationTask<Spec>,
  evaluate: BlockEvaluator<Spec>,
  R: number,
  options: PermutationRunOptions = {},
): Promise<Float64Array> {
  if (!Number.isInteger(R) || R < 1) throw new OptionsError('permutations', `must be a whole number >= 1; got ${R}`);
  const { nStats } = task;
  const name = options.task ?? 'permutations';
  const script = compiledScript('explain/worker.js');
  const blocks = Math.ceil(R / BLOCK);
  let threads = options.threads ?? (task.cost * R < MIN_PARALLEL_WORK ? 1 : availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new OptionsError('threads', `must be a positive integer; got ${threads}`);
  threads = Math.min(threads, blocks);
  if (threads <= 1 || script === null) {
    const out = new Float64Array(R * nStats);
    for (let b = 0; b < blocks; b++) {
      evaluate(task.spec, b * BLOCK, Math.min(R, (b + 1) * BLOCK), out);
      options.progress?.(name, Math.min(R, (b + 1) * BLOCK), R);
    }
    return out;
  }
  const values = task.spec.matrix.values;
  const shared = values.buffer instanceof SharedArrayBuffer ? values : new Float64Array(sharedAlloc(values.length * 8));
  if (shared !== values) shared.set(values);
  const job = {
    spec: { ...task.spec, matrix: { n: task.spec.matrix.n, values: shared } },
    out: new Float64Array(sharedAlloc(R * nStats * 8)),
    next: new Int32Array(sharedAlloc(4)),
    done: new Int32Array(sharedAlloc(4)),
    R,
  };
  const tick = options.progress && (() => options.progress!(name, Atomics.load(job.done, 0), R));
  await runWorkers(threads, () => ({ permutations: job }), tick, script);
  options.progress?.(name, R, R);
  return Float64Array.from(job.out);
}

/** What a permutation worker gets; `out`, `next`, `done` and the matrix live in shared memory. */
export interface PermutationJob<Spec> {
  readonly spec: Spec;
  readonly out: Float64Array;
  readonly next: Int32Array;
  readonly done: Int32Array;
  readonly R: number;
}

/** One worker's share: blocks of permutations taken from a shared counter. */
export function runPermutationJob<Spec>(job: PermutationJob<Spec>, evaluate: BlockEvaluator<Spec>): void {
  const blocks = Math.ceil(job.R / BLOCK);
  for (let b = Atomics.add(job.next, 0, 1); b < blocks; b = Atomics.add(job.next, 0, 1)) {
    const r1 = Math.min(job.R, (b + 1) * BLOCK);
    evaluate(job.spec, b * BLOCK, r1, job.out);
    Atomics.add(job.done, 0, r1 - b * BLOCK);
  }
}
