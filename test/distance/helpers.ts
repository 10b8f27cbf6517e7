// Shared by the distance tests: matrix comparison and small hand-made sequence sets.
import { createSequences, makeAlphabet, MISSING, type StateSequences } from '../../src/index.js';
import { distanceAt, type DistanceMatrix } from '../../src/distance/matrix.js';

/**
 * Largest relative error |a - b| / max(|a|, |b|) between a condensed matrix and a
 * reference: all N rows, or the first rows only (the second fixture set stores 200).
 */
export function maxRelativeError(m: DistanceMatrix, ref: number[][]): number {
  if (ref.length > m.n || ref.some((row) => row.length !== m.n)) throw new Error(`reference is not ${m.n} columns wide with at most ${m.n} rows`);
  let max = 0;
  for (let i = 0; i < ref.length; i++) {
    for (let j = 0; j < m.n; j++) max = Math.max(max, relativeError(distanceAt(m, i, j), ref[i][j]));
  }
  return max;
}

/** |a - b| / max(|a|, |b|), 0 when both are 0. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/**
 * Sequences from strings of one-letter states ('-' = missing, shorter strings are censored).
 * @example
 * const s = letters(['AAB', 'AB'], 'AB');
 */
export function letters(rows: string[], alphabet: string, weights?: number[]): StateSequences {
  const t = Math.max(...rows.map((r) => r.length));
  const codes = new Uint8Array(rows.length * t).fill(254);
  rows.forEach((r, i) => {
    for (let j = 0; j < r.length; j++) codes[i * t + j] = r[j] === '-' ? MISSING : alphabet.indexOf(r[j]);
  });
  return createSequences({
    alphabet: makeAlphabet(alphabet.split('')),
    n: rows.length,
    t,
    codes,
    lengths: Int32Array.from(rows.map((r) => r.length)),
    weights: weights ? Float64Array.from(weights) : undefined,
  });
}

/** The full matrix of a condensed one, as nested arrays. */
export function toFull(m: DistanceMatrix): number[][] {
  return Array.from({ length: m.n }, (_, i) => Array.from({ length: m.n }, (_, j) => distanceAt(m, i, j)));
}
