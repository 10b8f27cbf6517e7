// LCP and RLCP (src/distance/prefix.ts): d = |x| + |y| - 2 p with p the common prefix (suffix).
import { describe, expect, it } from 'vitest';
import { lcpKernel } from '../../src/distance/prefix.js';
import { prepareDistances } from '../../src/distance/setup.js';
import type { Normalization } from '../../src/distance/types.js';
import { letters } from './helpers.js';

function kernel(rows: string[], method: 'LCP' | 'RLCP', norm: Normalization = 'none'): (a: number, b: number) => number {
  const setup = prepareDistances(letters(rows, 'ABC'), { method, norm });
  return lcpKernel(setup, setup.rows);
}

describe('lcpKernel', () => {
  it('LCP: AAB vs AAC share AA', () => {
    expect(kernel(['AAB', 'AAC'], 'LCP')(0, 1)).toBe(2); // 3 + 3 - 2 x 2
    expect(kernel(['AAB', 'BAB'], 'LCP')(0, 1)).toBe(6); // no common first month: 3 + 3
  });

  it('RLCP reads from the end', () => {
    expect(kernel(['ABC', 'BBC'], 'RLCP')(0, 1)).toBe(2); // suffix BC: 3 + 3 - 4
    expect(kernel(['AAB', 'AAC'], 'RLCP')(0, 1)).toBe(6); // last months differ
  });

  it('sequences of different lengths: the prefix stops at the shorter one', () => {
    const lcp = kernel(['AB', 'ABBA', 'AA', 'AAAA'], 'LCP');
    expect(lcp(0, 1)).toBe(2); // prefix AB: 2 + 4 - 4
    expect(lcp(2, 3)).toBe(2); // AA is a prefix of AAAA: 2 + 4 - 4
    const rlcp = kernel(['AB', 'ABBA', 'BA'], 'RLCP');
    expect(rlcp(0, 1)).toBe(6); // B vs A at the end
    expect(rlcp(2, 1)).toBe(2); // suffix BA
  });

  it('identical sequences and an empty one', () => {
    const d = kernel(['ABC', '', 'CBA'], 'LCP');
    expect(d(0, 0)).toBe(0);
    expect(d(0, 1)).toBe(3); // 3 + 0 - 0
    expect(d(0, 2)).toBe(d(2, 0));
    expect(kernel(['ABC', ''], 'LCP', 'gmean')(0, 1)).toBe(1); // one length 0
  });

  it('normalisations with M = |x| + |y|', () => {
    // AB vs ABBA: d = 2, M = 6
    expect(kernel(['AB', 'ABBA'], 'LCP', 'maxdist')(0, 1)).toBe(2 / 6);
    expect(kernel(['AB', 'ABBA'], 'LCP', 'maxlength')(0, 1)).toBe(2 / 4);
    // gmean: 1 - (M - d) / (2 sqrt(2 x 4)) = 1 - p / sqrt(8)
    expect(kernel(['AB', 'ABBA'], 'LCP', 'gmean')(0, 1)).toBeCloseTo(1 - 2 / Math.sqrt(8), 15);
    expect(kernel(['AB', 'ABBA'], 'LCP', 'YujianBo')(0, 1)).toBe(0.5); // 2 x 2 / (2 + 6)
  });
});
