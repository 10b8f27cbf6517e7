import { describe, expect, it } from 'vitest';
import { prepareDistances } from '../../src/distance/setup.js';
import { twedKernel } from '../../src/distance/twed.js';
import type { DistanceOptions } from '../../src/distance/types.js';
import { randomInt, seededRandom } from '../../src/index.js';
import { letters } from './helpers.js';

function kernel(rows: string[], alphabet: string, options: Partial<DistanceOptions>): (a: number, b: number) => number {
  const setup = prepareDistances(letters(rows, alphabet), { method: 'TWED', sm: 'CONSTANT', nu: 0.5, lambda: 1, ...options });
  return twedKernel(setup, setup.rows);
}

// CONSTANT costs: sm = 2 between different states; nu = 0.5, lambda = 1, so a warp costs sm(z, z_prev) + 1.5
describe('twedKernel', () => {
  it('identical sequences are at 0; single months at sm', () => {
    expect(kernel(['AB', 'AB'], 'AB', {})(0, 0)).toBe(0);
    expect(kernel(['A', 'B'], 'AB', {})(0, 1)).toBe(2); // F(1,1) = sm(A,B) + sm(x0,y0) = 2 + 0
  });

  it('AB vs AAB: warp the second A (0 + nu + lambda), match B one month apart (2 nu)', () => {
    // F(1,1) = 0, F(1,2) = 0 + sm(A,A) + 1.5 = 1.5; F(2,3) = F(1,2) + 0 (B,A = B,A) + 2 * 0.5 * |2 - 3| = 2.5
    // (alternatives: F(2,2) + sm(B,A) + 1.5 = 2 + 3.5; F(1,3) + 3.5 = 5 + 3.5)
    const d = kernel(['AB', 'AAB'], 'AB', {});
    expect(d(0, 1)).toBe(2.5);
    expect(d(1, 0)).toBe(2.5);
  });

  it('a match costs the substitution of the current and of the previous states', () => {
    // sm(A,B) = sm(B,C) = 1, sm(A,C) = 2; lambda 0. AC vs BC: F(1,1) = sm(A,B) = 1;
    // F(2,2) match C-C whose predecessors A, B differ: 1 + sm(C,C) + sm(A,B) = 2
    // (insert: F(2,1) + sm(C,B) + 0.5 = 3.5 + 1.5; delete: F(1,2) + sm(C,A) + 0.5 = 2.5 + 2.5)
    const sm = [[0, 1, 2], [1, 0, 1], [2, 1, 0]];
    expect(kernel(['AC', 'BC'], 'ABC', { sm, lambda: 0 })(0, 1)).toBe(2);
  });

  it('an empty sequence is at |other| x indel', () => {
    const d = kernel(['', 'AB'], 'AB', { indel: 1 });
    expect(d(0, 1)).toBe(2);
    expect(d(1, 0)).toBe(2);
    expect(d(0, 0)).toBe(0);
    // indel auto = 2 max(sm) + nu + lambda = 5.5
    expect(kernel(['', 'AB'], 'AB', {})(0, 1)).toBe(11);
  });

  it('normalisations of d(AB, AAB) = 2.5 with indel 2', () => {
    const d = (norm: DistanceOptions['norm']) => kernel(['AB', 'AAB'], 'AB', { indel: 2, norm })(0, 1);
    // maxsub = min(2, 2 indel) = 2: M = |3 - 2| (0.5 + 1 + 2) + 2 (2 + 0.5) * 2 = 13.5
    expect(d('maxdist')).toBeCloseTo(2.5 / 13.5, 14);
    expect(d('maxlength')).toBeCloseTo(2.5 / 6, 14); // lengths x indel: 4 and 6
    // YujianBo (= auto): maxsub = 2 indel = 4: M = 5.5 + 2 * 4.5 * 2 = 23.5 -> 5 / 26
    expect(d('YujianBo')).toBeCloseTo(5 / 26, 14);
    expect(d('auto')).toBe(d('YujianBo'));
  });

  it('properties on random sequences: d(a,a) = 0, symmetry, triangle inequality, YujianBo in [0, 1]', () => {
    const rnd = seededRandom(3);
    const rows = Array.from({ length: 8 }, () => Array.from({ length: 2 + randomInt(rnd, 4) }, () => 'ABC'[randomInt(rnd, 3)]).join(''));
    const sm = [[0, 1, 2], [1, 0, 1], [2, 1, 0]];
    const d = kernel(rows, 'ABC', { sm });
    const dn = kernel(rows, 'ABC', { sm, norm: 'YujianBo' });
    const n = new Set(rows).size;
    expect(n).toBeGreaterThanOrEqual(6); // distinct rows, in order of first appearance
    for (let a = 0; a < n; a++) {
      expect(d(a, a)).toBe(0);
      for (let b = 0; b < n; b++) {
        expect(d(a, b)).toBeCloseTo(d(b, a), 12);
        expect(dn(a, b)).toBeGreaterThanOrEqual(0);
        expect(dn(a, b)).toBeLessThanOrEqual(1);
        for (let c = 0; c < n; c++) expect(d(a, c)).toBeLessThanOrEqual(d(a, b) + d(b, c) + 1e-12);
      }
    }
  });
});
