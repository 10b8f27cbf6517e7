import { chi2Kernel } from './chi2.js';
import type { EncodedRows } from './encode.js';
import { hammingKernel } from './hamming.js';
import { alignmentProblem, omNormalizer, omPairRaw } from './om.js';
import { omspellKernel } from './omspell.js';
import { lcpKernel } from './prefix.js';
import type { DistanceSetup } from './setup.js';
import { twedKernel } from './twed.js';

/**
 * The normalised distance between rows a and b of `rows` for the setup's method
 * (OM and LCS through the reference alignment kernel).
 *
 * @example
 * const d = pairKernel(setup, setup.rows);
 * d(0, 1);
 */
export function pairKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  switch (setup.method) {
    case 'OM':
    case 'LCS': {
      const p = alignmentProblem(setup, rows);
      const normalize = omNormalizer(setup);
      const work = new Float64Array(rows.t + 1);
      return (a, b) => normalize(omPairRaw(p, a, p, b, work), rows.lengths[a], rows.lengths[b]);
    }
    case 'HAM':
    case 'DHD':
      return hammingKernel(setup, rows);
    case 'LCP':
    case 'RLCP':
      return lcpKernel(setup, rows);
    case 'OMspell':
      return omspellKernel(setup, rows);
    case 'TWED':
      return twedKernel(setup, rows);
    case 'CHI2':
    case 'EUCLID':
      return chi2Kernel(setup, rows);
  }
}
