import { chi2Kernel } from './chi2.js';
import type { EncodedRows } from './encode.js';
import { hammingKernel } from './hamming.js';
import { engineProblems } from './engine-methods.js';
import { omPairRaw } from './om.js';
import { omlocKernel } from './omloc.js';
import { omslenKernel } from './omslen.js';
import { subsequenceKernel } from './subsequences.js';
import { omspellKernel } from './omspell.js';
import { lcpKernel } from './prefix.js';
import type { DistanceSetup } from './setup.js';
import { twedKernel } from './twed.js';

/**
 * The normalised distance between rows a and b of `rows` for the setup's method
 * (OM, LCS and OMstran through the reference alignment kernel): the method table
 * of the TypeScript kernels, one module per method.
 *
 * @example
 * const d = pairKernel(setup, setup.rows);
 * d(0, 1);
 */
export function pairKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  switch (setup.method) {
    case 'OM':
    case 'LCS':
    case 'OMstran': {
      const { problems, normalize } = engineProblems(setup, [rows])!;
      const [p] = problems;
      const work = new Float64Array(rows.t + 1);
      return (a, b) => normalize(omPairRaw(p, a, p, b, work), p.lengths[a], p.lengths[b]);
    }
    case 'OMloc':
      return omlocKernel(setup, rows);
    case 'OMslen':
      return omslenKernel(setup, rows);
    case 'NMS':
    case 'NMSMST':
    case 'SVRspell':
      return subsequenceKernel(setup, rows);
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
