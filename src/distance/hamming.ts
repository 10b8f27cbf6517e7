import type { EncodedRows } from './encode.js';
import { normalizeDistance } from './normalize.js';
import type { DistanceSetup } from './setup.js';

/**
 * Hamming (HAM) and dynamic Hamming (DHD) distances: the sum over months of the
 * cost of the two states, d(x, y) = sum_s sm_s(x_s, y_s), with one matrix for all
 * months (HAM) or one per month (DHD, Lesnard 2010, Sociological Methods & Research 38(3)).
 * The largest possible distance is sum_s max sm_s over the longest sequence.
 *
 * @param setup resolved options (sm, norm)
 * @param rows encoded rows, all of one length
 * @returns d(a, b), normalised
 * @example
 * const d = hammingKernel(setup, setup.rows);
 * d(0, 1);
 */
export function hammingKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { nStates, sm, nSlices, norm } = setup;
  const { codes, t, lengths } = rows;
  const s2 = nStates * nStates;
  const sliceStride = nSlices > 1 ? s2 : 0;
  let maxLen = 0;
  for (let r = 0; r < lengths.length; r++) maxLen = Math.max(maxLen, lengths[r]);
  // M = sum over months of the largest cost of that month
  let maxDist = 0;
  for (let s = 0; s < maxLen; s++) {
    let m = 0;
    for (let c = 0; c < s2; c++) m = Math.max(m, sm[s * sliceStride + c]);
    maxDist += m;
  }
  return (a, b) => {
    const la = lengths[a];
    const lb = lengths[b];
    const len = Math.min(la, lb);
    let cost = 0;
    // d = sum_s sm_s(x_s, y_s)
    for (let s = 0; s < len; s++) cost += sm[s * sliceStride + codes[a * t + s] * nStates + codes[b * t + s]];
    return normalizeDistance(cost, maxDist, la, lb, norm);
  };
}
