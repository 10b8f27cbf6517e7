import { describe, expect, it } from 'vitest';
import { categoryFixedEffects, invertSymmetric } from '../../src/stats/index.js';

describe('invertSymmetric', () => {
  it('inverts a positive definite matrix', () => {
    const { inverse, dropped } = invertSymmetric(Float64Array.from([4, 2, 2, 3]), 2);
    [0.375, -0.25, -0.25, 0.5].forEach((v, i) => expect(inverse[i]).toBeCloseTo(v, 15));
    expect(dropped).toEqual([false, false]);
  });
  it('leaves out a column that is a combination of others', () => {
    // column 2 = column 0 + column 1
    const a = [2, 1, 3, 1, 2, 3, 3, 3, 6];
    const { inverse, dropped } = invertSymmetric(a, 3);
    expect(dropped).toEqual([false, false, true]);
    [2 / 3, -1 / 3, -1 / 3, 2 / 3].forEach((v, i) => expect(inverse[[0, 1, 3, 4][i]]).toBeCloseTo(v, 14));
    expect(Number.isNaN(inverse[8])).toBe(true);
  });
});

/** Least squares with explicit unit dummies (LSDV), solved by Gauss-Jordan: the closed-form reference. */
function lsdv(unit: number[], category: number[], y: number[], w: number[], k: number) {
  const units = [...new Set(unit)];
  const p = units.length + k - 1;
  const rowOf = (r: number) => {
    const x = new Array(p).fill(0);
    x[units.indexOf(unit[r])] = 1;
    if (category[r] > 0) x[units.length + category[r] - 1] = 1;
    return x;
  };
  const a = Array.from({ length: p }, () => new Array(p + 1).fill(0));
  for (let r = 0; r < y.length; r++) {
    const x = rowOf(r);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) a[i][j] += w[r] * x[i] * x[j];
      a[i][p] += w[r] * x[i] * y[r];
    }
  }
  for (let c = 0; c < p; c++) {
    const piv = a[c][c];
    for (let j = 0; j <= p; j++) a[c][j] /= piv;
    for (let i = 0; i < p; i++) {
      if (i === c) continue;
      const f = a[i][c];
      for (let j = 0; j <= p; j++) a[i][j] -= f * a[c][j];
    }
  }
  return a.slice(units.length).map((row) => row[p]);
}

describe('categoryFixedEffects', () => {
  it('two periods: β is the mean within difference and both errors equal sd(d)/sqrt(n)', () => {
    const d = [2, 4, 3, 7];
    const unit: number[] = [];
    const category: number[] = [];
    const y: number[] = [];
    d.forEach((di, i) => {
      unit.push(i, i);
      category.push(0, 1);
      y.push(10 * i, 10 * i + di);
    });
    const mean = 4;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
    for (const se of ['cluster', 'classical'] as const) {
      const fit = categoryFixedEffects({ unit, category, y, categories: 2, se });
      expect(fit.coef[0]).toBe(0);
      expect(fit.coef[1]).toBeCloseTo(mean, 14);
      expect(fit.se[1]).toBeCloseTo(sd / 2, 14);
    }
  });

  it('balanced weighted panel: β_b = weighted mean of y_b - weighted mean of y_0', () => {
    const y = [[1, 2, 6], [3, 3, 3], [0, 5, 4]];
    const w = [1, 2, 3];
    const unit = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const category = [0, 1, 2, 0, 1, 2, 0, 1, 2];
    const weight = unit.map((u) => w[u]);
    const fit = categoryFixedEffects({ unit, category, y: y.flat(), weight, categories: 3 });
    const wm = (b: number) => (y[0][b] * 1 + y[1][b] * 2 + y[2][b] * 3) / 6;
    expect(fit.coef[1]).toBeCloseTo(wm(1) - wm(0), 14);
    expect(fit.coef[2]).toBeCloseTo(wm(2) - wm(0), 14);
    expect(fit.nUnits).toBe(3);
  });

  it('unbalanced panel equals least squares with unit dummies; singletons carry no weight', () => {
    const unit = [0, 0, 0, 1, 1, 2, 3, 3, 4, 4, 4];
    const category = [0, 1, 2, 1, 2, 0, 0, 2, 0, 1, 2];
    const y = [1, 3, 4, 2, 6, 9, 0, 5, 2, 2.5, 7];
    const w = [1, 1, 1, 2, 2, 5, 1, 1, 0.5, 0.5, 0.5];
    const fit = categoryFixedEffects({ unit, category, y, weight: w, categories: 3, se: 'classical' });
    const ref = lsdv(unit, category, y, w, 3);
    expect(fit.coef[1]).toBeCloseTo(ref[0], 12);
    expect(fit.coef[2]).toBeCloseTo(ref[1], 12);
    expect(fit.nObs).toBe(11);
    expect(fit.nUnits).toBe(4);
    expect(fit.obsPerCategory).toEqual([4, 3, 4]);
  });

  it('a category seen only in single-observation units is not estimable', () => {
    const fit = categoryFixedEffects({ unit: [0, 0, 1, 1, 2], category: [0, 1, 0, 1, 2], y: [1, 2, 3, 5, 9], categories: 3 });
    expect(fit.coef[1]).toBeCloseTo(1.5, 14);
    expect(Number.isNaN(fit.coef[2])).toBe(true);
    expect(Number.isNaN(fit.se[2])).toBe(true);
  });

  it('rejects units that are not contiguous', () => {
    expect(() => categoryFixedEffects({ unit: [0, 1, 0], category: [0, 1, 1], y: [1, 2, 3], categories: 2 })).toThrow(/contiguous/);
  });
});
