import { describe, expect, it } from 'vitest';
import { chi2Kernel } from '../../src/distance/chi2.js';
import { concatRows } from '../../src/distance/encode.js';
import { prepareDistances } from '../../src/distance/setup.js';
import type { DistanceOptions } from '../../src/distance/types.js';
import { randomInt, seededRandom } from '../../src/index.js';
import { letters } from './helpers.js';

function kernel(rows: string[], alphabet: string, options: DistanceOptions): (a: number, b: number) => number {
  const setup = prepareDistances(letters(rows, alphabet), options);
  return chi2Kernel(setup, setup.rows);
}

// x = AABB, y = ABAB, z = BBBB in two intervals of 2 months (breaks [1,2], [3,4]):
//   shares k1: x (1, 0), y (1/2, 1/2), z (0, 1); k2: x (0, 1), y (1/2, 1/2), z (0, 1)
//   margins k1: A 3 cells, B 3 of 6 -> (1/2, 1/2); k2: A 1, B 5 of 6 -> (1/6, 5/6)
const XYZ = ['AABB', 'ABAB', 'BBBB'];
const BREAKS: DistanceOptions['breaks'] = [[1, 2], [3, 4]];

describe('chi2Kernel: CHI2', () => {
  it('weights the squared share differences by the inverse interval margins', () => {
    const d = kernel(XYZ, 'AB', { method: 'CHI2', breaks: BREAKS });
    // d(x,y)^2: k1 (1/4)/(1/2) + (1/4)/(1/2) = 1; k2 (1/4)/(1/6) + (1/4)/(5/6) = 1.5 + 0.3 = 1.8
    expect(d(0, 1)).toBeCloseTo(Math.sqrt(2.8), 14);
    // d(x,z)^2: k1 1/(1/2) + 1/(1/2) = 4; k2 equal shares -> 0
    expect(d(0, 2)).toBeCloseTo(2, 14);
    // d(y,z)^2: k1 (1/4)/(1/2) * 2 = 1; k2 as for x,y: 1.8
    expect(d(1, 2)).toBeCloseTo(Math.sqrt(2.8), 14);
  });

  it("norm 'auto': margins times 1/c1 + 1/c2, d divided by sqrt(K)", () => {
    const d = kernel(XYZ, 'AB', { method: 'CHI2', breaks: BREAKS, norm: 'auto' });
    // k1: factor 2 + 2 = 4 -> m = (2, 2); k2: factor 6 + 6/5 = 7.2 -> m = (1.2, 6)
    // d(x,z)^2 = k1 1/2 + 1/2 = 1 -> 1 / sqrt(2)
    expect(d(0, 2)).toBeCloseTo(Math.SQRT1_2, 14);
    // d(x,y)^2 = k1 (1/4)/2 * 2 = 1/4; k2 (1/4)/1.2 + (1/4)/6 = 1/4 -> sqrt(1/2) / sqrt(2) = 1/2
    expect(d(0, 1)).toBeCloseTo(0.5, 14);
  });

  it('leaves out states absent from an interval: an unused state changes nothing', () => {
    const ab = kernel(XYZ, 'AB', { method: 'CHI2', breaks: BREAKS, norm: 'auto' });
    const abc = kernel(XYZ, 'ABC', { method: 'CHI2', breaks: BREAKS, norm: 'auto' });
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) expect(abc(a, b)).toBe(ab(a, b));
  });

  it('shares count observed months only (censored AB against AAAB in one interval)', () => {
    // shares (3/4, 1/4) and (1/2, 1/2); margins from A 3 + 1, B 1 + 1 cells: (2/3, 1/3)
    // d^2 = (1/16) / (2/3) + (1/16) / (1/3) = 3/32 + 6/32 = 9/32
    expect(kernel(['AAAB', 'AB'], 'AB', { method: 'CHI2', step: 4 })(0, 1)).toBeCloseTo(Math.sqrt(9 / 32), 14);
  });

  it('rows of weight 0 (references) do not count in the margins', () => {
    const setup = prepareDistances(letters(['AB', 'BA'], 'AB'), { method: 'CHI2' });
    const ref = { n: 1, t: 2, codes: Uint8Array.of(0, 0), lengths: Int32Array.of(2), weights: Float64Array.of(0) };
    const d = chi2Kernel(setup, concatRows(setup.rows, ref));
    // margins stay (1/2, 1/2) in both months; AA vs AB differ in month 2: 1/(1/2) + 1/(1/2) = 4
    expect(d(2, 0)).toBeCloseTo(2, 14);
  });

  it('properties on random sequences: d(a,a) = 0, symmetry, triangle inequality; auto within [0, 1]', () => {
    const rnd = seededRandom(5);
    const rows = Array.from({ length: 8 }, () => Array.from({ length: 6 }, () => 'ABC'[randomInt(rnd, 3)]).join(''));
    const d = kernel(rows, 'ABC', { method: 'CHI2', step: 3, norm: 'auto' });
    const n = new Set(rows).size;
    expect(n).toBeGreaterThanOrEqual(6); // distinct rows, in order of first appearance
    for (let a = 0; a < n; a++) {
      expect(d(a, a)).toBe(0);
      for (let b = 0; b < n; b++) {
        expect(d(a, b)).toBe(d(b, a));
        expect(d(a, b)).toBeLessThanOrEqual(1);
        for (let c = 0; c < n; c++) expect(d(a, c)).toBeLessThanOrEqual(d(a, b) + d(b, c) + 1e-12);
      }
    }
  });
});

describe('chi2Kernel: EUCLID', () => {
  it('margins 1 (none) or 2 (auto, then divided by sqrt(K))', () => {
    // d(x,y)^2 = k1 1/4 + 1/4 + k2 1/4 + 1/4 = 1; d(x,z)^2 = k1 1 + 1 = 2
    const d = kernel(XYZ, 'AB', { method: 'EUCLID', breaks: BREAKS });
    expect(d(0, 1)).toBeCloseTo(1, 14);
    expect(d(0, 2)).toBeCloseTo(Math.SQRT2, 14);
    // auto: d(x,z)^2 = 2 / 2 = 1 -> 1 / sqrt(2)
    expect(kernel(XYZ, 'AB', { method: 'EUCLID', breaks: BREAKS, norm: 'auto' })(0, 2)).toBeCloseTo(Math.SQRT1_2, 14);
  });
});
