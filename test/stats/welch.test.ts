import { describe, expect, it } from 'vitest';
import { studentTCdf, welchTest } from '../../src/stats/index.js';

describe('welchTest', () => {
  it('t and Welch-Satterthwaite df from the closed form', () => {
    // x = 1..5 (mean 3, var 2.5), y = 2, 4, ..., 10 (mean 6, var 10)
    const r = welchTest({ mean: 3, variance: 2.5, n: 5 }, { mean: 6, variance: 10, n: 5 });
    expect(r.t).toBeCloseTo(-3 / Math.sqrt(2.5), 14);
    expect(r.df).toBeCloseTo(6.25 / 1.0625, 13);
    expect(r.pValue).toBeCloseTo(2 * studentTCdf(r.t, r.df), 15);
    expect(r.pValue).toBeCloseTo(0.1075, 4); // R: t.test(1:5, seq(2, 10, 2))
  });
  it('is undefined without variation or with a single observation', () => {
    expect(Number.isNaN(welchTest({ mean: 1, variance: 0, n: 3 }, { mean: 1, variance: 0, n: 3 }).t)).toBe(true);
    expect(Number.isNaN(welchTest({ mean: 1, variance: 1, n: 1 }, { mean: 2, variance: 1, n: 3 }).pValue)).toBe(true);
  });
});
