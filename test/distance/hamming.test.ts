import { describe, expect, it } from 'vitest';
import { hammingKernel } from '../../src/distance/hamming.js';
import { prepareDistances } from '../../src/distance/setup.js';
import type { DistanceOptions, SubstitutionCosts } from '../../src/distance/types.js';
import { randomInt, seededRandom } from '../../src/index.js';
import { letters } from './helpers.js';

/** The kernel over distinct sequences (rows in order of first appearance). */
function kernel(rows: string[], alphabet: string, options: DistanceOptions): (a: number, b: number) => number {
  const setup = prepareDistances(letters(rows, alphabet), options);
  return hammingKernel(setup, setup.rows);
}

// 3 x 3 costs, a metric: sm(A,C) = 3 = sm(A,B) + sm(B,C)
const SM = [[0, 1, 3], [1, 0, 2], [3, 2, 0]];

describe('hammingKernel: HAM', () => {
  it('sums the cost of each month (CONSTANT 1 by default, or a user matrix)', () => {
    // ABCA vs ACCB: months 2 (B/C) and 4 (A/B) differ, cost 1 each -> 2
    expect(kernel(['ABCA', 'ACCB'], 'ABC', { method: 'HAM' })(0, 1)).toBe(2);
    // with SM: sm(B,C) = 2 + sm(A,B) = 1 -> 3
    expect(kernel(['ABCA', 'ACCB'], 'ABC', { method: 'HAM', sm: SM })(0, 1)).toBe(3);
  });

  it('normalises with M = sum over months of the largest cost', () => {
    const d = (norm: DistanceOptions['norm']) => kernel(['ABCA', 'ACCB'], 'ABC', { method: 'HAM', sm: SM, norm })(0, 1);
    expect(d('auto')).toBe(0.75); // maxlength: 3 / 4
    expect(d('maxdist')).toBe(0.25); // M = 4 months x max 3 = 12: 3 / 12
    expect(d('YujianBo')).toBeCloseTo(0.4, 14); // 2 * 3 / (3 + 12)
    // CONSTANT 1: M = 4, d = 2, gmean = 1 - (4 - 2) / (2 * 2 * 2)
    expect(kernel(['ABCA', 'ACCB'], 'ABC', { method: 'HAM', norm: 'gmean' })(0, 1)).toBe(0.75);
  });

  it('treats missing months as an extra state with withMissing', () => {
    // states A, B, *: sm(*, A) = sm(*, B) = 2
    const k = kernel(['A-B', 'AAB', 'B-B'], 'AB', { method: 'HAM', withMissing: true, sm: [[0, 1, 2], [1, 0, 2], [2, 2, 0]] });
    expect(k(0, 1)).toBe(2); // month 2: * vs A
    expect(k(0, 2)).toBe(1); // month 1: A vs B; the gaps match
  });

  it('sequences of length 0 are at distance 0, also under maxdist (M = 0)', () => {
    expect(kernel(['', ''], 'AB', { method: 'HAM', norm: 'maxdist' })(0, 0)).toBe(0);
  });

  it('properties on random sequences: d(a,a) = 0, symmetry, triangle inequality, maxdist in [0, 1]', () => {
    const rnd = seededRandom(11);
    const rows = Array.from({ length: 8 }, () => Array.from({ length: 6 }, () => 'ABC'[randomInt(rnd, 3)]).join(''));
    const d = kernel(rows, 'ABC', { method: 'HAM', sm: SM });
    const dn = kernel(rows, 'ABC', { method: 'HAM', sm: SM, norm: 'maxdist' });
    const n = new Set(rows).size;
    expect(n).toBeGreaterThanOrEqual(6); // distinct rows, in order of first appearance
    for (let a = 0; a < n; a++) {
      expect(d(a, a)).toBe(0);
      for (let b = 0; b < n; b++) {
        expect(d(a, b)).toBe(d(b, a));
        expect(dn(a, b)).toBeGreaterThanOrEqual(0);
        expect(dn(a, b)).toBeLessThanOrEqual(1);
        for (let c = 0; c < n; c++) expect(d(a, c)).toBeLessThanOrEqual(d(a, b) + d(b, c));
      }
    }
  });
});

describe('hammingKernel: DHD', () => {
  it('uses the matrix of each month; M sums the monthly maxima', () => {
    // sm(A,B) = 1 in month 1, 2 in month 2, 4 in month 3
    const month = (c: number) => [0, c, c, 0];
    const sm: SubstitutionCosts = {
      states: ['A', 'B'], nStates: 2, timeVarying: true, nSlices: 3, indel: 1,
      sm: Float64Array.from([...month(1), ...month(2), ...month(4)]),
    };
    const d = (norm: DistanceOptions['norm']) => kernel(['ABA', 'BBB'], 'AB', { method: 'DHD', sm, norm })(0, 1);
    expect(d('none')).toBe(5); // months 1 and 3 differ: 1 + 4
    expect(d('maxdist')).toBeCloseTo(5 / 7, 14); // M = 1 + 2 + 4
    expect(d('auto')).toBeCloseTo(5 / 3, 14); // maxlength: 5 / 3 months
  });
});
