import type { ProgressReporter } from '../../progress.js';
import { concatRows, type EncodedRows } from '../encode.js';
import { pairKernel } from '../kernels.js';
import { condensedIndex } from '../matrix.js';
import type { DistanceSetup } from '../setup.js';
import { planThreads, runWorkers } from './pool.js';
import { sharedAlloc } from './sorted.js';

/** Rows of the condensed matrix a worker takes at a time. */
const CHUNK = 8;
/** Methods whose cost per pair grows with t, not t^2 (no alignment). */
const LINEAR: ReadonlySet<string> = new Set(['HAM', 'DHD', 'LCP', 'RLCP', 'CHI2', 'EUCLID']);

/** DP-equivalent cells of one pair of sequences of length t: t (linear methods), t^3 / 3 (NMS's subsequence counts), else t^2. */
function pairCells(method: string, t: number): number {
  if (LINEAR.has(method)) return t;
  return method === 'NMS' ? (t * t * t) / 3 : t * t;
}

/** What each pair worker gets; `values`, `next` and `done` live in shared memory. */
export interface PairTask {
  readonly setup: DistanceSetup;
  /** The rows; with `refs` > 0 the last `refs` of them are references. */
  readonly rows: EncodedRows;
  /** 0: all pairs of `rows`, condensed; k > 0: every other row against the k references, row-major. */
  readonly refs: number;
  readonly values: Float64Array;
  /** First row not yet taken. */
  readonly next: Int32Array;
  /** Pairs computed so far. */
  readonly done: BigInt64Array;
}

/**
 * All pairs of `rows` with the TypeScript kernel of the setup's method
 * (`pairKernel`: HAM, DHD, LCP, RLCP, OMspell, TWED, CHI2, EUCLID, OMloc, OMslen,
 * NMS, NMSMST, SVRspell, or OM/LCS/OMstran outside the engine), condensed. Large jobs
 * (as for the OM engine: above 2e9 DP-equivalent cells, pairs x t^2, pairs x t for the
 * methods without an alignment, pairs x t^3 / 3 for NMS) run on all cores, or on `threads` when
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
  return runPairTask(setup, rows, 0, opts);
}

/**
 * Every row of `rows` against every row of `refs` with the TypeScript kernel of the
 * setup's method (the kernel sees the rows, then the references), on worker threads
 * for large jobs as `condensedPairs`.
 *
 * @param setup the resolved distance setup
 * @param rows the encoded rows (the distinct sequences)
 * @param refs the encoded references
 * @param opts threads, progress
 * @returns rows.n x refs.n distances, row-major
 * @example
 * const values = await referencePairs(setup, setup.rows, refRows); // values[a * k + r]
 */
export async function referencePairs(
  setup: DistanceSetup,
  rows: EncodedRows,
  refs: EncodedRows,
  opts: { threads?: number; progress?: ProgressReporter } = {},
): Promise<Float64Array> {
  return runPairTask(setup, concatRows(rows, refs), refs.n, opts);
}

async function runPairTask(
  setup: DistanceSetup,
  rows: EncodedRows,
  refs: number,
  opts: { threads?: number; progress?: ProgressReporter },
): Promise<Float64Array> {
  const { t } = rows;
  const n = rows.n - refs;
  const pairs = refs > 0 ? n * refs : (n * (n - 1)) / 2;
  const { progress } = opts;
  const report = (done: number) => progress?.('distances', done, pairs);
  const units = refs > 0 ? n : n - 1;
  const threads = planThreads(opts.threads, Math.ceil(units / CHUNK), pairs * pairCells(setup.method, t));
  const local = threads <= 1;
  const task: PairTask = {
    setup,
    rows,
    refs,
    values: new Float64Array(local ? new ArrayBuffer(pairs * 8) : sharedAlloc(pairs * 8)),
    next: new Int32Array(local ? new ArrayBuffer(4) : sharedAlloc(4)),
    done: new BigInt64Array(local ? new ArrayBuffer(8) : sharedAlloc(8)),
  };
  if (local) runPairs(task, () => report(Number(task.done[0])));
  else await runWorkers(threads, () => ({ pairs: task }), progress && (() => report(Number(Atomics.load(task.done, 0)))));
  report(pairs);
  return task.values;
}

/** One thread's share of a pair task: blocks of rows until none are left. */
export function runPairs(task: PairTask, onBlock?: () => void): void {
  const { rows, values, next, done, refs } = task;
  const n = rows.n - refs;
  const units = refs > 0 ? n : n - 1;
  const pair = pairKernel(task.setup, rows);
  for (let a0 = Atomics.add(next, 0, CHUNK); a0 < units; a0 = Atomics.add(next, 0, CHUNK)) {
    let count = 0;
    for (let a = a0; a < Math.min(units, a0 + CHUNK); a++) {
      if (refs > 0) {
        for (let r = 0; r < refs; r++) values[a * refs + r] = pair(a, n + r);
        count += refs;
        continue;
      }
      // row a of the condensed array, as a view so that the indices stay small integers
      const start = condensedIndex(n, a, a + 1);
      const out = values.subarray(start, start + n - a - 1);
      for (let b = a + 1, c = 0; b < n; b++, c++) out[c] = pair(a, b);
      count += n - a - 1;
    }
    Atomics.add(done, 0, BigInt(count));
    onBlock?.();
  }
}
