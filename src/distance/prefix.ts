import type { EncodedRows } from './encode.js';
import { normalizeDistance } from './normalize.js';
import type { DistanceSetup } from './setup.js';

/**
 * Distances from the longest common prefix (LCP) or suffix (RLCP), Elzinga (2008):
 * d(x, y) = |x| + |y| - 2 p, where p is the length of the common prefix (suffix);
 * the largest possible distance is |x| + |y|.
 *
 * @param setup resolved options (method LCP or RLCP, norm)
 * @param rows encoded rows
 * @returns d(a, b), normalised
 * @example
 * lcpKernel(setup, rows)(0, 1); // for "AAB" and "AAC": 3 + 3 - 2 * 2 = 2
 */
export function lcpKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { norm } = setup;
  const reversed = setup.method === 'RLCP';
  const { codes, t, lengths } = rows;
  return (a, b) => {
    const la = lengths[a];
    const lb = lengths[b];
    const len = Math.min(la, lb);
    let p = 0;
    if (reversed) {
      while (p < len && codes[a * t + la - 1 - p] === codes[b * t + lb - 1 - p]) p++;
    } else {
      while (p < len && codes[a * t + p] === codes[b * t + p]) p++;
    }
    return normalizeDistance(la + lb - 2 * p, la + lb, la, lb, norm);
  };
}
