import { describe, expect, it } from 'vitest';
import { caseWeights } from '../src/index.js';

describe('caseWeights', () => {
  it('gives 1 each when absent, and a copy of the given weights', () => {
    expect(Array.from(caseWeights(undefined, 3))).toEqual([1, 1, 1]);
    const given = [0.5, 2];
    const w = caseWeights(given, 2);
    w[0] = 9;
    expect(given[0]).toBe(0.5);
  });

  it('refuses a wrong length, negative, NaN and infinite weights and an overflowing total, naming the option', () => {
    expect(() => caseWeights([1], 2)).toThrow(/^weights: 1 weights for 2 cases; expected one each$/);
    expect(() => caseWeights([1, -1], 2)).toThrow(/^weights: weight 2 is -1; expected a finite number >= 0$/);
    expect(() => caseWeights([NaN], 1, { option: 'w' })).toThrow(/^w: weight 1 is NaN/);
    expect(() => caseWeights([Infinity], 1)).toThrow(/weight 1 is Infinity/);
    expect(() => caseWeights([1e308, 1e308], 2)).toThrow(/add up to more than the largest number/);
  });

  it('accepts zero weights, and refuses all zeros only when a positive total is needed', () => {
    expect(Array.from(caseWeights([0, 0], 2))).toEqual([0, 0]);
    expect(() => caseWeights([0, 0], 2, { positiveTotal: true })).toThrow(/^weights: every weight is 0; expected a positive total$/);
  });
});
