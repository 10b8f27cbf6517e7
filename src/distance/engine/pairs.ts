import type { ProgressReporter } from '../../progress.js';
import type { EncodedRows } from '../encode.js';
import { pairKernel } from '../kernels.js';
import { condensedIndex } from '../matrix.js';
import type { DistanceSetup } from '../setup.js';
import { planThreads, runWorkers } from './pool.js';
import { sharedAlloc } from './sorted.js';

/** Rows of the condensed matrix a worker takes at a time. */
const CHUNK = 8;
/** Methods whose cost per pair grows with t, not t^2 (no alignment). */
const LINEAR: ReadonlySet<string> = new Set(['HAM', 'DHD', 'LCP', 'RLCP', 'CHI2', 'EUCLID']);

/** What each pair worker gets; `values`, `next` and `done` live in shared memory. */
export interface PairTask {
  readonly setup: DistanceSetup;
  readonly rows: EncodedRows;
  readonly values: Float64Array;
  /** First row not yet taken. */
  readonly next: Int32Array;
  /** Pairs computed so far. */
  readonly done: BigInt64Array;
}

/**
 * All pairs of `rows` with the TypeScript kernel of the setup's method
 * (`pairKernel`: HAM, DHD, LCP, RLCP, OMspell, TWED, CHI2, EUCLID, or OM/LCS
 * outside the engine), condensed. Large jobs (as for the OM engine: above 2e9
 * DP-equivalent cells, pairs x t^2, or pairs x t for the methods without an
 * alignment) run on all cores, or on `threads` when
 * given: each worker builds the kernel and takes blocks of rows until none are
 * left, so the values are those of the calling thread, in the same order.
 *
 * @param setup the resolved distance setup (`prepareDistances`)
 * @param rows the encoded rows (the distinct sequences)
 * @param opts threads, progress
 * @example
 * const values = await condensedPairs(setup, setup.rows, { threads: 2 });
 */
export async function condensedPairs(
  setup: DistanceSetup,
  rows: EncodedRows,
  opts: { threads?: number; progress?: ProgressReporter } = {},
): Promise<Float64Array> {
  const { n, t } = rows;
  const pairs = (n * (n - 1)) / 2;
  const { progress } = opts;
  const report = (done: number) => progress?.('distances', done, pairs);
  const threads = planThreads(opts.threads, Math.ceil((n - 1) / CHUNK), pairs * (LINEAR.has(setup.method) ? t : t * t));
  if (threads <= 1) {
    const pair = pairKernel(setup, rows);
    const values = new Float64Array(pairs);
    let k = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) values[k++] = pair(a, b);
      report(k);
    }
    return values;
  }
  const task: PairTask = {
    setup,
    rows,
    values: new Float64Array(sharedAlloc(pairs * 8)),
    next: new Int32Array(sharedAlloc(4)),
    done: new BigInt64Array(sharedAlloc(8)),
  };
  await runWorkers(threads, () => ({ pairs: task }), progress && (() => report(Number(Atomics.load(task.done, 0)))));
  report(pairs);
  return task.values;
}

/** One worker's share of `condensedPairs`. */
export function runPairs(task: PairTask): void {
  const { rows, values, next, done } = task;
  const n = rows.n;
  const pair = pairKernel(task.setup, rows);
  for (let a0 = Atomics.add(next, 0, CHUNK); a0 < n - 1; a0 = Atomics.add(next, 0, CHUNK)) {
    let count = 0;
    for (let a = a0; a < Math.min(n - 1, a0 + CHUNK); a++) {
      // row a of the condensed array, as a view so that the indices stay small integers
      const start = condensedIndex(n, a, a + 1);
      const out = values.subarray(start, start + n - a - 1);
      for (let b = a + 1, c = 0; b < n; b++, c++) out[c] = pair(a, b);
      count += n - a - 1;
    }
    Atomics.add(done, 0, BigInt(count));
  }
}
