import { describe, expect, it } from 'vitest';
import { chiSquareIndependence, chiSquareSurvival } from '../../src/stats/index.js';

describe('chiSquareIndependence', () => {
  it('reproduces Agresti (2007) Table 2.5: party identification by gender', () => {
    // Agresti, An Introduction to Categorical Data Analysis, 2nd ed.: X² = 30.07,
    // adjusted residuals 4.50, 0.70, -5.32 (females)
    const t = chiSquareIndependence([[762, 327, 468], [484, 239, 477]]);
    expect(t.statistic).toBeCloseTo(30.070149095754672, 10);
    expect(t.df).toBe(2);
    expect(t.pValue).toBeCloseTo(Math.exp(-t.statistic / 2), 15); // df 2: p = e^{-X²/2}
    expect(t.residuals[0].map((z) => Math.round(z * 100) / 100)).toEqual([4.5, 0.7, -5.32]);
    expect(t.residuals[1][2]).toBeCloseTo(-t.residuals[0][2], 12);
    expect(t.cramersV).toBeCloseTo(Math.sqrt(t.statistic / 2757), 14);
  });

  it('2 x 2: the adjusted residual is the two-proportion z and z² = X²', () => {
    const t = chiSquareIndependence([[10, 20], [30, 40]]);
    expect(t.statistic).toBeCloseTo(4 / 12 + 4 / 18 + 4 / 28 + 4 / 42, 14);
    // pooled two-proportion z for row 1 vs row 2: p1 = 10/30, p2 = 30/70, p = 40/100
    const z = (10 / 30 - 30 / 70) / Math.sqrt(0.4 * 0.6 * (1 / 30 + 1 / 70));
    expect(t.residuals[0][0]).toBeCloseTo(z, 12);
    expect(t.residuals[0][0] ** 2).toBeCloseTo(t.statistic, 12);
    expect(t.pValue).toBeCloseTo(chiSquareSurvival(t.statistic, 1), 15);
    expect(t.cellPValues[0][0]).toBeCloseTo(t.pValue, 12);
    expect(t.expected).toEqual([[12, 18], [28, 42]]);
  });

  it('leaves out empty rows and columns, and takes weighted counts', () => {
    const a = chiSquareIndependence([[10, 0, 20], [0, 0, 0], [30, 0, 40]]);
    const b = chiSquareIndependence([[10, 20], [30, 40]]);
    expect(a.statistic).toBeCloseTo(b.statistic, 14);
    expect(a.df).toBe(1);
    expect(Number.isNaN(a.residuals[1][0])).toBe(true);
    const w = chiSquareIndependence([[2.5, 5], [7.5, 10]]);
    expect(w.statistic).toBeCloseTo(b.statistic / 4, 14);
    expect(w.cramersV).toBeCloseTo(b.cramersV, 14);
  });

  it('rejects negative counts and ragged rows', () => {
    expect(() => chiSquareIndependence([[1, -1], [2, 3]])).toThrow(/counts must be >= 0/);
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(/expected 2/);
  });
});
