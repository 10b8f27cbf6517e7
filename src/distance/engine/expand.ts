import { availableParallelism } from 'node:os';
import { expandBlock, expandDistinct, expansionPlan, type DistanceMatrix, type ExpansionPlan } from '../matrix.js';
import { runWorkers, workerScript } from './pool.js';
import { sharedAlloc } from './sorted.js';

/** Options of `expandInParallel`. */
export interface ExpandOptions {
  /** Worker threads (default all cores). */
  threads?: number;
  /** Below this many result pairs the calling thread expands (default 5e7: starting workers costs ~50-100 ms). */
  minPairs?: number;
}

/** What each expansion worker gets; `src`, `values`, `next` and `touched` live in shared memory. */
export interface ExpansionTask {
  readonly src: Float64Array;
  readonly rowToDistinct: Int32Array;
  readonly plan: ExpansionPlan;
  readonly values: Float64Array;
  /** Next block to take. */
  readonly next: Int32Array;
  /** Workers done touching their part of `values`. */
  readonly touched: Int32Array;
  readonly parts: number;
  readonly part: number;
}

/**
 * `expandDistinct` on worker threads: each worker touches its share of the
 * result's pages, then all take blocks of distinct sequences until none are
 * left. Falls back to the calling thread for small results, one thread, a
 * source outside shared memory (the engine's single-thread output) or before
 * the first build.
 *
 * @param m matrix over the distinct sequences
 * @param rowToDistinct distinct sequence of each row
 * @param options threads, minPairs
 * @example
 * const full = await expandInParallel(distinctMatrix, distinct.rowToDistinct, { threads: 2 });
 */
export async function expandInParallel(m: DistanceMatrix, rowToDistinct: Int32Array, options: ExpandOptions = {}): Promise<DistanceMatrix> {
  const { threads = availableParallelism(), minPairs = 5e7 } = options;
  const n = rowToDistinct.length;
  const pairs = (n * (n - 1)) / 2;
  const shared = m.values.buffer instanceof SharedArrayBuffer;
  // a shared source stays shared (the engine's multi-threaded output): workers downstream read it without a copy
  if (threads <= 1 || pairs < minPairs || !shared || workerScript() === null) return expandDistinct(m, rowToDistinct, shared);
  const task: Omit<ExpansionTask, 'part'> = {
    src: m.values,
    rowToDistinct,
    plan: expansionPlan(m.n, rowToDistinct),
    values: new Float64Array(sharedAlloc(pairs * 8)),
    next: new Int32Array(sharedAlloc(4)),
    touched: new Int32Array(sharedAlloc(4)),
    parts: threads,
  };
  await runWorkers(threads, (part) => ({ expansion: { ...task, part } }));
  return { n, values: task.values };
}

/** One worker's share of `expandInParallel`. */
export function runExpansion(task: ExpansionTask): void {
  const { values, parts, part, touched, next, plan } = task;
  const from = Math.floor((values.length * part) / parts);
  values.subarray(from, Math.floor((values.length * (part + 1)) / parts)).fill(0);
  // every part is touched before any row is written: touching overwrites
  Atomics.add(touched, 0, 1);
  Atomics.notify(touched, 0);
  for (let seen = Atomics.load(touched, 0); seen < parts; seen = Atomics.load(touched, 0)) Atomics.wait(touched, 0, seen);
  const buf = new Float64Array(plan.block * plan.d);
  for (let k = Atomics.add(next, 0, 1); k < plan.blocks; k = Atomics.add(next, 0, 1)) expandBlock(task.src, task.rowToDistinct, plan, values, k, buf);
}
