import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival, confidenceZ, normalCdf, normalQuantile, regularizedBeta, regularizedGammaP, regularizedGammaQ, studentTCdf,
} from '../../src/stats/index.js';
import { OptionsError } from '../../src/errors.js';

// Closed forms: chi-square with df 2 and 4, Cauchy (t with df 1), t with df 2,
// and normal values from R's pnorm/qnorm.
describe('distributions', () => {
  it('incomplete gamma matches closed forms for integer shapes', () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(regularizedGammaQ(2, 3)).toBeCloseTo(Math.exp(-3) * (1 + 3), 15);
    expect(regularizedGammaQ(3, 0.5)).toBeCloseTo(Math.exp(-0.5) * (1 + 0.5 + 0.125), 15);
    expect(regularizedGammaP(2.5, 0)).toBe(0);
  });

  it('chi-square upper tail', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareSurvival(7.3, 2)).toBeCloseTo(Math.exp(-3.65), 15);
    expect(chiSquareSurvival(7.3, 4)).toBeCloseTo(Math.exp(-3.65) * (1 + 3.65), 15);
    const tiny = chiSquareSurvival(200, 2);
    expect(Math.abs(tiny / Math.exp(-100) - 1)).toBeLessThan(1e-12);
  });

  it('normal CDF and quantile agree with R', () => {
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it('Student t and incomplete beta', () => {
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(studentTCdf(1.7, 1)).toBeCloseTo(0.5 + Math.atan(1.7) / Math.PI, 14);
    expect(studentTCdf(-0.3, 2)).toBeCloseTo(0.5 - 0.3 / (2 * Math.sqrt(2.09)), 14);
    expect(studentTCdf(2.228138851964938, 10)).toBeCloseTo(0.975, 10);
  });

  it('rejects arguments outside the domain', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(OptionsError);
    expect(() => normalQuantile(1.5)).toThrow(OptionsError);
  });

  it('confidenceZ: the two-sided critical value of a level in (0, 1), an OptionsError naming the option otherwise', () => {
    expect(confidenceZ(0.95)).toBeCloseTo(1.959963984540054, 13);
    expect(confidenceZ(0.9)).toBeCloseTo(1.6448536269514722, 13);
    for (const level of [0, 1, 95, -0.5, NaN]) expect(() => confidenceZ(level)).toThrow(/^level: must be a confidence level between 0 and 1/);
    expect(() => confidenceZ(2, 'conf')).toThrow(/^conf: /);
  });
});
