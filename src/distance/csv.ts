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
  const { n } = m;
  const row = new Array<string>(n);
  // A failed stream (a closed pipe, a full disk) ends the writing with its error.
  let failure: Error | undefined;
  out.on('error', (err: Error) => (failure ??= err));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[j] = String(distanceAt(m, i, j));
    if (failure) throw failure;
    if (!out.write(row.join(',') + '\n')) await once(out, 'drain');
  }
  if (failure) throw failure;
}
