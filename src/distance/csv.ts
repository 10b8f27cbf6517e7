import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { distanceAt, type DistanceMatrix } from './matrix.js';

/**
 * Write a distance matrix as a headerless N x N CSV, one row per line in row
 * order, each value as `String(x)` (the shortest text that reads back as the same
 * double, so at least 12 significant digits are kept). Rows are streamed: memory
 * stays at one line, and the writer waits when the stream is full. Rejects with
 * the stream's error if it fails (e.g. EPIPE when the reader closes early).
 *
 * @param m the matrix
 * @param out where to write (a file stream or process.stdout)
 * @example
 * await writeDistanceCsv(await distances(seqs, { method: 'HAM' }), process.stdout);
 * // 0,3,1
 * // 3,0,2
 * // 1,2,0
 */
export async function writeDistanceCsv(m: DistanceMatrix, out: Writable): Promise<void> {
  await writeNumberRows(m.n, m.n, (i, j) => distanceAt(m, i, j), out);
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
  await writeNumberRows(values.length / k, k, (i, r) => values[i * k + r], out);
}

// Streams rows of numbers: memory stays at one line; a failed stream (a closed pipe, a full disk) ends the writing with its error.
async function writeNumberRows(rows: number, cols: number, cell: (i: number, j: number) => number, out: Writable): Promise<void> {
  const row = new Array<string>(cols);
  let failure: Error | undefined;
  out.on('error', (err: Error) => (failure ??= err));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) row[j] = String(cell(i, j));
    if (failure) throw failure;
    if (!out.write(row.join(',') + '\n')) await once(out, 'drain');
  }
  if (failure) throw failure;
}
