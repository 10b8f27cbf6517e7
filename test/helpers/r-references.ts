// The project's own TraMineR references in test/fixtures-r (README there gives every R call).
// They are committed with the tests, so suites using them never skip.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { StateSequences } from '../../src/index.js';
import { wideSequences } from './fixtures.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures-r');

/** A reference CSV as rows of strings, header first. */
export function readReference(name: string): string[][] {
  return parse(readFileSync(resolve(dir, name), 'utf8')) as string[][];
}

/** A reference CSV as named numeric columns (`NA` becomes NaN). */
export function referenceColumns(name: string): Record<string, number[]> {
  const [header, ...rows] = readReference(name);
  return Object.fromEntries(header.map((h, c) => [h, rows.map((r) => (r[c] === 'NA' ? NaN : Number(r[c])))]));
}

/** panel.csv as `seqdef(d, 3:26, weights = d$weight)` reads it: 80 sequences x 24 months with gaps and censoring. */
export function loadPanel(options: { weighted?: boolean } = {}): StateSequences {
  return wideSequences(readReference('panel.csv'), { first: 'm01', last: 'm24', weight: options.weighted === false ? undefined : 'weight' });
}

/**
 * |a - b| / max(|a|, |b|); 0 when both are 0 or both NaN. `stored` is the
 * rounding of a reference written with a fixed number of decimals: that much
 * of the difference is not counted (the shared seqindic files keep 12 decimals,
 * so a value near 0 has few significant digits).
 */
export function relError(a: number, b: number, stored = 0): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.max(0, Math.abs(a - b) - stored) / scale;
}

/** Largest `relError` between two columns of equal length (Infinity when the lengths differ). */
export function maxRelError(ours: ArrayLike<number>, reference: readonly number[], stored = 0): number {
  if (ours.length !== reference.length) return Infinity;
  let max = 0;
  for (let i = 0; i < reference.length; i++) max = Math.max(max, relError(ours[i], reference[i], stored));
  return max;
}
