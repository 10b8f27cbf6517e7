import type { DistanceMethod, Normalization } from './types.js';
import { OptionsError } from '../errors.js';

/** A normalisation with `auto` resolved. */
export type ResolvedNorm = Exclude<Normalization, 'auto'>;

/**
 * TraMineR's `auto` normalisation per method: maxlength for OM, HAM and DHD;
 * gmean for LCS, LCP and RLCP; YujianBo for OMspell, OMloc, OMslen, OMstran and TWED.
 * CHI2 and EUCLID only know none/auto, which their kernel applies itself (so this
 * returns 'none'); NMS, NMSMST and SVRspell are not normalised (none only).
 *
 * @example
 * resolveNorm('LCS', 'auto'); // 'gmean'
 */
export function resolveNorm(method: DistanceMethod, norm: Normalization): ResolvedNorm {
  if (method === 'CHI2' || method === 'EUCLID') {
    if (norm !== 'none' && norm !== 'auto') throw new OptionsError('norm', `${method} accepts norm none or auto; got ${norm}`);
    return 'none'; // the kernel itself scales by the number of intervals
  }
  if (method === 'NMS' || method === 'NMSMST' || method === 'SVRspell') {
    if (norm !== 'none') throw new OptionsError('norm', `${method} is not normalised; expected none, got ${norm}`);
    return 'none';
  }
  if (norm !== 'auto') return norm;
  if (method === 'OM' || method === 'HAM' || method === 'DHD') return 'maxlength';
  if (method === 'LCS' || method === 'LCP' || method === 'RLCP') return 'gmean';
  return 'YujianBo';
}

/**
 * Normalise a raw distance d of two sequences with "lengths" l1, l2 and largest
 * possible distance M (TraMineR's normalizeDistance):
 * - maxlength: d / max(l1, l2)
 * - gmean: 1 - (M - d) / (2 sqrt(l1) sqrt(l2)); 1 when exactly one length is 0
 * - maxdist: d / M
 * - YujianBo: 2d / (d + M) (Yujian & Bo 2007, IEEE PAMI 29(6))
 * A zero distance stays 0; a zero M gives 1. For OM-type methods TraMineR passes
 * lengths multiplied by the indel cost.
 *
 * @example
 * normalizeDistance(4, 10, 5, 5, 'maxdist'); // 0.4
 */
export function normalizeDistance(raw: number, maxDist: number, l1: number, l2: number, norm: ResolvedNorm): number {
  if (raw === 0) return 0;
  switch (norm) {
    case 'none':
      return raw;
    case 'maxlength':
      if (l1 > l2) return raw / l1;
      return l2 > 0 ? raw / l2 : 0;
    case 'gmean':
      if (l1 * l2 === 0) return l1 !== l2 ? 1 : 0;
      return 1 - (maxDist - raw) / (2 * Math.sqrt(l1) * Math.sqrt(l2));
    case 'maxdist':
      return maxDist === 0 ? 1 : raw / maxDist;
    case 'YujianBo':
      return maxDist === 0 ? 1 : (2 * raw) / (raw + maxDist);
  }
}
