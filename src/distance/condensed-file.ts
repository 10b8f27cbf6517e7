import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import type { Writable } from 'node:stream';
import { InputError } from '../errors.js';
import type { DistanceMatrix } from './matrix.js';

/** First 8 bytes of a condensed distance file. */
export const CONDENSED_MAGIC = 'LOOPDIST';
const HEADER_BYTES = 16;
// Values go out in chunks of this many bytes (a view each, no copy on little-endian machines).
const CHUNK_BYTES = 16 * 2 ** 20;

/**
 * Write a distance matrix in the condensed binary layout: 8 bytes
 * `LOOPDIST`, n as a little-endian float64, then the n(n-1)/2 distances as
 * little-endian float64 in R's `dist` order (the lower triangle by columns:
 * (2,1), (3,1), ..., (n,1), (3,2), ...), which is also SciPy's condensed
 * order. 8 bytes per pair, no formatting: the fast way to hand a big matrix to
 * R or Python (see the README for both readers).
 *
 * @param m the matrix
 * @param out where to write
 * @example
 * await writeDistanceCondensed(matrix, stream);
 * // R: v <- readBin(con, "double", n * (n - 1) / 2); d <- structure(v, Size = n, class = "dist")
 */
export async function writeDistanceCondensed(m: DistanceMatrix, out: Writable): Promise<void> {
  const header = new Uint8Array(HEADER_BYTES);
  header.set(Buffer.from(CONDENSED_MAGIC, 'latin1'));
  new DataView(header.buffer).setFloat64(8, m.n, true);
  await writeChunk(out, header);
  const bytes = new Uint8Array(m.values.buffer, m.values.byteOffset, m.values.byteLength);
  for (let from = 0; from < bytes.length; from += CHUNK_BYTES) {
    const chunk = bytes.subarray(from, Math.min(bytes.length, from + CHUNK_BYTES));
    await writeChunk(out, endianness() === 'LE' ? chunk : swapped(chunk));
  }
}

/**
 * Read a condensed distance file written by `writeDistanceCondensed`.
 *
 * @param file path of the file
 * @returns the matrix
 * @throws InputError when the file is not a condensed distance file or is cut short
 * @example
 * const m = await readDistanceCondensed('om.dist');
 */
export async function readDistanceCondensed(file: string): Promise<DistanceMatrix> {
  const data = await readFile(file).catch((err: Error) => {
    throw new InputError(file, undefined, undefined, `cannot read the file (${err.message})`);
  });
  if (data.length < HEADER_BYTES || data.toString('latin1', 0, 8) !== CONDENSED_MAGIC) {
    throw new InputError(file, undefined, undefined, `does not start with ${CONDENSED_MAGIC}; expected a condensed distance file (loopbaan dist --out FILE.dist)`);
  }
  const n = data.readDoubleLE(8);
  const pairs = (n * (n - 1)) / 2;
  if (!Number.isInteger(n) || n < 1 || data.length !== HEADER_BYTES + pairs * 8) {
    throw new InputError(file, undefined, undefined, `holds ${data.length - HEADER_BYTES} bytes of values; expected ${Number.isInteger(n) && n >= 1 ? pairs * 8 : 'n(n-1)/2 x 8'} for n = ${n}`);
  }
  const values = new Float64Array(pairs);
  const bytes = new Uint8Array(values.buffer);
  bytes.set(data.subarray(HEADER_BYTES));
  if (endianness() !== 'LE') bytes.set(swapped(bytes));
  return { n, values };
}

/**
 * True when a file starts with the condensed layout's magic bytes.
 *
 * @example
 * if (await isCondensedFile(path)) matrix = await readDistanceCondensed(path);
 */
export async function isCondensedFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.toString('latin1') === CONDENSED_MAGIC;
  } finally {
    await handle.close();
  }
}

/** Float64 bytes with their order reversed (big-endian machines). */
function swapped(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  for (let k = 0; k < copy.length; k += 8) copy.subarray(k, k + 8).reverse();
  return copy;
}

async function writeChunk(out: Writable, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
