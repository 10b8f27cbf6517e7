import { describe, expect, it } from 'vitest';
import { normalizeDistance, resolveNorm } from '../../src/distance/normalize.js';
import type { DistanceMethod } from '../../src/distance/types.js';
import { OptionsError } from '../../src/errors.js';

describe('resolveNorm', () => {
  it("resolves 'auto' as TraMineR's seqdist does per method", () => {
    const auto = (m: DistanceMethod) => resolveNorm(m, 'auto');
    for (const m of ['OM', 'HAM', 'DHD'] as const) expect(auto(m)).toBe('maxlength');
    for (const m of ['LCS', 'LCP', 'RLCP'] as const) expect(auto(m)).toBe('gmean');
    for (const m of ['OMspell', 'OMloc', 'OMslen', 'OMstran', 'TWED'] as const) expect(auto(m)).toBe('YujianBo');
  });

  it('passes an explicit normalisation through', () => {
    expect(resolveNorm('OM', 'maxdist')).toBe('maxdist');
    expect(resolveNorm('LCS', 'none')).toBe('none');
    expect(resolveNorm('TWED', 'gmean')).toBe('gmean');
  });

  it('CHI2 and EUCLID: none/auto become none (the kernel scales); other norms are refused', () => {
    expect(resolveNorm('CHI2', 'auto')).toBe('none');
    expect(resolveNorm('EUCLID', 'none')).toBe('none');
    expect(() => resolveNorm('CHI2', 'gmean')).toThrow(new OptionsError('norm', 'CHI2 accepts norm none or auto; got gmean'));
    expect(() => resolveNorm('EUCLID', 'maxdist')).toThrow('norm: EUCLID accepts norm none or auto; got maxdist');
  });

  it('NMS, NMSMST and SVRspell take none only', () => {
    for (const m of ['NMS', 'NMSMST', 'SVRspell'] as const) expect(resolveNorm(m, 'none')).toBe('none');
    expect(() => resolveNorm('NMS', 'auto')).toThrow('norm: NMS is not normalised; expected none, got auto');
    expect(() => resolveNorm('SVRspell', 'YujianBo')).toThrow(OptionsError);
  });
});

describe('normalizeDistance', () => {
  it('none returns the raw distance', () => {
    expect(normalizeDistance(7, 10, 4, 6, 'none')).toBe(7);
  });

  it('maxlength: d / max(l1, l2), in either order; 0 when both lengths are 0', () => {
    expect(normalizeDistance(3, 10, 4, 6, 'maxlength')).toBe(0.5); // 3 / 6
    expect(normalizeDistance(3, 10, 6, 4, 'maxlength')).toBe(0.5);
    expect(normalizeDistance(3, 10, 0, 0, 'maxlength')).toBe(0);
  });

  it('gmean: 1 - (M - d) / (2 sqrt(l1) sqrt(l2)); 1 when exactly one length is 0', () => {
    // d = 2, M = 10, l1 = 4, l2 = 9: 1 - 8 / (2 * 2 * 3) = 1/3
    expect(normalizeDistance(2, 10, 4, 9, 'gmean')).toBeCloseTo(1 / 3, 14);
    expect(normalizeDistance(5, 5, 0, 5, 'gmean')).toBe(1);
    expect(normalizeDistance(5, 5, 5, 0, 'gmean')).toBe(1);
    expect(normalizeDistance(5, 5, 0, 0, 'gmean')).toBe(0);
  });

  it('maxdist: d / M; YujianBo: 2d / (d + M); a zero M gives 1', () => {
    expect(normalizeDistance(4, 10, 5, 5, 'maxdist')).toBe(0.4); // 4 / 10
    expect(normalizeDistance(4, 10, 5, 5, 'YujianBo')).toBeCloseTo(4 / 7, 14); // 8 / 14
    expect(normalizeDistance(4, 0, 5, 5, 'maxdist')).toBe(1);
    expect(normalizeDistance(4, 0, 5, 5, 'YujianBo')).toBe(1);
  });

  it('a zero distance stays 0 under every normalisation, even with M = 0', () => {
    for (const norm of ['none', 'maxlength', 'gmean', 'maxdist', 'YujianBo'] as const) {
      expect(normalizeDistance(0, 0, 0, 3, norm)).toBe(0);
    }
  });

  it('properties: with 0 <= d <= M, maxdist <= YujianBo <= 1; LCS-type gmean = 1 - LCS / sqrt(l1 l2) in [0, 1]', () => {
    for (let l1 = 1; l1 <= 6; l1++) {
      for (let l2 = 1; l2 <= 6; l2++) {
        // LCS distance: d = l1 + l2 - 2 lcs, M = l1 + l2
        for (let lcs = 0; lcs <= Math.min(l1, l2); lcs++) {
          const d = l1 + l2 - 2 * lcs;
          const m = l1 + l2;
          const g = normalizeDistance(d, m, l1, l2, 'gmean');
          expect(g).toBeCloseTo(1 - lcs / Math.sqrt(l1 * l2), 12);
          expect(g).toBeGreaterThanOrEqual(0);
          expect(g).toBeLessThanOrEqual(1 + 1e-12);
          const md = normalizeDistance(d, m, l1, l2, 'maxdist');
          const yb = normalizeDistance(d, m, l1, l2, 'YujianBo');
          expect(md).toBeLessThanOrEqual(yb);
          expect(yb).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
