import { WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { writeDecimal } from './decimal.js';
import { compiledScript } from './engine/pool.js';
import { sharedAlloc } from './engine/sorted.js';
import { condensedIndex, type DistanceMatrix } from './matrix.js';

/** Room for one value and its separator (writeDecimal writes at most 26 bytes). */
const VALUE_BYTES = 27;
/** Bytes of text per block of rows handed to a worker (2 MB: the text slots are fresh memory, which costs a fault a page). */
const BLOCK_BYTES = 2 * 2 ** 20;
/** Below this many values the calling thread writes alone (starting workers costs ~50-100 ms). */
const MIN_PARALLEL_VALUES = 4e6;

/** Options of `writeDistanceCsv`. */
export interface WriteCsvOptions {
  /** Worker threads formatting rows (default: all cores for matrices of 2,000 rows or more). */
  threads?: number;
}

/**
 * Format rows `from..to-1` of an N x N matrix held condensed (see
 * `DistanceMatrix`) as CSV lines into `out`; returns the bytes written.
 * Row i is (i, 0..i-1), 0 on the diagonal, then (i, i+1..n-1), a contiguous
 * run of the condensed layout. The first part lies down column i; for all rows
 * of the block it is gathered first from the rows j < from, where (j, from..to-1)
 * is a contiguous run too (one pass in memory order instead of a cache miss a value).
 *
 * @param scratch room for (to - from) x from doubles (allocated when smaller)
 * @example
 * const out = new Uint8Array(27 * 9);
 * const end = formatMatrixRows(Float64Array.from([1, 2, 3]), 3, 0, 3, out);
 * new TextDecoder().decode(out.subarray(0, end)); // '0,1,2\n1,0,3\n2,3,0\n'
 */
export function formatMatrixRows(values: Float64Array, n: number, from: number, to: number, out: Uint8Array, scratch?: Float64Array): number {
  const rows = to - from;
  const column = scratch && scratch.length >= rows * from ? scratch : new Float64Array(rows * from);
  // column[j * rows + r] = (j, from + r) for j < from
  for (let j = 0; j < from; j++) {
    const start = condensedIndex(n, j, from);
    for (let r = 0; r < rows; r++) column[j * rows + r] = values[start + r];
  }
  let at = 0;
  for (let i = from; i < to; i++) {
    const r = i - from;
    for (let j = 0; j < from; j++) {
      at = writeDecimal(out, at, column[j * rows + r]);
      out[at++] = 44;
    }
    // (j, i) for from <= j < i: condensedIndex(n, j, i), stepping by n - j - 2
    for (let j = from, k = condensedIndex(n, from, i); j < i; k += n - j - 2, j++) {
      at = writeDecimal(out, at, values[k]);
      out[at++] = 44;
    }
    out[at++] = 48;
    if (i + 1 < n) {
      const start = condensedIndex(n, i, i + 1);
      for (let k = start; k < start + n - i - 1; k++) {
        out[at++] = 44;
        at = writeDecimal(out, at, values[k]);
      }
    }
    out[at++] = 10;
  }
  return at;
}

/**
 * Write a distance matrix as a headerless N x N CSV, one row per line in row
 * order, every value with full double precision (text that reads back as the
 * same double: `writeDecimal`, 15 to 17 significant digits). Blocks of rows are
 * formatted on worker threads in parallel and written in order, a few blocks
 * ahead at most, so memory stays at a few blocks of text; the writer waits
 * when the stream is full. Rejects with the stream's error if it fails (e.g.
 * EPIPE when the reader closes early).
 *
 * @param m the matrix
 * @param out where to write (a file stream or process.stdout)
 * @param options `threads`
 * @example
 * await writeDistanceCsv(await distances(seqs, { method: 'HAM' }), process.stdout);
 * // 0,3,1
 * // 3,0,2
 * // 1,2,0
 */
export async function writeDistanceCsv(m: DistanceMatrix, out: Writable, options: WriteCsvOptions = {}): Promise<void> {
  const { n } = m;
  const rows = Math.max(1, Math.floor(BLOCK_BYTES / (VALUE_BYTES * Math.max(1, n))));
  const blocks = Math.ceil(n / rows);
  const script = compiledScript('distance/csv-worker.js');
  const threads = Math.min(options.threads ?? (n * n >= MIN_PARALLEL_VALUES ? availableParallelism() : 1), blocks);
  const failed = streamFailure(out);
  if (threads <= 1 || script === null) {
    // one buffer, reused once the stream has written it (fresh memory costs a page fault a page)
    const buffer = new Uint8Array(rows * n * VALUE_BYTES + 2);
    const scratch = new Float64Array(rows * n);
    for (let b = 0; b < blocks; b++) {
      const end = formatMatrixRows(m.values, n, b * rows, Math.min(n, (b + 1) * rows), buffer, scratch);
      await writeWhole(out, buffer.subarray(0, end), failed);
    }
    return;
  }
  await writeInParallel({ values: shared(m.values), n, rows, blocks }, threads, script, out, failed);
}

/** What a CSV worker gets: the matrix, the text slots and the block counters in shared memory. */
export interface CsvTask {
  readonly values: Float64Array;
  readonly n: number;
  /** Rows per block, and the number of blocks. */
  readonly rows: number;
  readonly blocks: number;
  /** `window` slots of `slotBytes` each: block b is formatted into slot b % window. */
  readonly text: Uint8Array;
  readonly slotBytes: number;
  /** Next block to take. */
  readonly next: Int32Array;
  /** Blocks written so far; a worker takes block k only while k < written + WINDOW. */
  readonly written: Int32Array;
  readonly window: number;
}

/**
 * A worker's loop: take the next block, wait while it is too far ahead of
 * the writer (its slot then still holds the text of block b - window), format
 * it into its slot and post its length.
 */
export function runCsvTask(task: CsvTask, post: (block: number, length: number) => void): void {
  const { values, n, rows, blocks, next, written, window, text, slotBytes } = task;
  const scratch = new Float64Array(rows * n);
  for (let b = Atomics.add(next, 0, 1); b < blocks; b = Atomics.add(next, 0, 1)) {
    for (let seen = Atomics.load(written, 0); b >= seen + window; seen = Atomics.load(written, 0)) Atomics.wait(written, 0, seen);
    const from = b * rows;
    const slot = text.subarray((b % window) * slotBytes, (b % window + 1) * slotBytes);
    post(b, formatMatrixRows(values, n, from, Math.min(n, from + rows), slot, scratch));
  }
}

async function writeInParallel(
  base: Pick<CsvTask, 'values' | 'n' | 'rows' | 'blocks'>,
  threads: number,
  script: string,
  out: Writable,
  failed: () => Error | undefined,
): Promise<void> {
  const window = 2 * threads;
  const slotBytes = base.rows * base.n * VALUE_BYTES + 2;
  const task: CsvTask = {
    ...base, next: new Int32Array(sharedAlloc(4)), written: new Int32Array(sharedAlloc(4)), window,
    text: new Uint8Array(sharedAlloc(window * slotBytes)), slotBytes,
  };
  const ready = new Map<number, number>();
  let wake: (() => void) | undefined;
  let error: Error | undefined;
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(script, { workerData: { csv: task } });
    worker.on('message', ({ block, length }: { block: number; length: number }) => {
      ready.set(block, length);
      wake?.();
    });
    worker.on('error', (err) => {
      error ??= err;
      wake?.();
    });
    return worker;
  });
  try {
    for (let b = 0; b < task.blocks; b++) {
      while (!ready.has(b)) {
        if (error) throw error;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const start = (b % window) * slotBytes;
      const length = ready.get(b)!;
      ready.delete(b);
      // the slot is formatted into again once its text is written
      await writeWhole(out, task.text.subarray(start, start + length), failed);
      Atomics.store(task.written, 0, b + 1);
      Atomics.notify(task.written, 0);
    }
  } finally {
    // Let waiting workers see the end, then stop them.
    Atomics.store(task.next, 0, task.blocks);
    Atomics.store(task.written, 0, task.blocks + task.window);
    Atomics.notify(task.written, 0);
    for (const worker of workers) void worker.terminate();
  }
}

/**
 * Write the N x k distances of `distancesToReferences` as a headerless CSV: one
 * line per sequence, one column per reference, values as in `writeDistanceCsv`.
 *
 * @param values N x k distances, row-major
 * @param k number of references
 * @param out where to write
 * @example
 * await writeReferenceCsv(await distancesToReferences(seqs, [0, 4], { method: 'HAM' }), 2, process.stdout);
 * // 0,2
 * // 3,1
 */
export async function writeReferenceCsv(values: Float64Array, k: number, out: Writable): Promise<void> {
  const failed = streamFailure(out);
  const n = values.length / k;
  const rows = Math.max(1, Math.floor(BLOCK_BYTES / (VALUE_BYTES * k)));
  const buffer = new Uint8Array(rows * k * VALUE_BYTES);
  for (let from = 0; from < n; from += rows) {
    let at = 0;
    for (let i = from; i < Math.min(n, from + rows); i++) {
      for (let r = 0; r < k; r++) {
        at = writeDecimal(buffer, at, values[i * k + r]);
        buffer[at++] = r + 1 < k ? 44 : 10;
      }
    }
    await write(out, buffer.slice(0, at), failed);
  }
}

/** The values in shared memory (copied when they are not), for the workers to read. */
function shared(values: Float64Array): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const copy = new Float64Array(sharedAlloc(values.length * 8));
  copy.set(values);
  return copy;
}

/** The first error the stream reports (a closed pipe, a full disk), checked before each write. */
function streamFailure(out: Writable): () => Error | undefined {
  let failure: Error | undefined;
  out.on('error', (err: Error) => (failure ??= err));
  return () => failure;
}

/**
 * Write `text` so that its memory may be reused afterwards: a file stream or
 * stdout has handed it to the system once the write's callback runs; any other
 * stream may keep the chunk, so it gets a copy.
 */
async function writeWhole(out: Writable, text: Uint8Array, failed: () => Error | undefined): Promise<void> {
  const before = failed();
  if (before) throw before;
  const chunk = out instanceof WriteStream || out === process.stdout ? text : text.slice();
  await new Promise<void>((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve())));
  const after = failed();
  if (after) throw after;
}

async function write(out: Writable, text: Uint8Array, failed: () => Error | undefined): Promise<void> {
  const before = failed();
  if (before) throw before;
  if (!out.write(text)) await once(out, 'drain');
  const after = failed();
  if (after) throw after;
}
