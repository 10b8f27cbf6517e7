import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../src/index.js';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex([1, 1, 2, 2, 3], ['b', 'b', 'a', 'a', 'c'])).toBe(1);
  });

  it('matches hand-worked contingency tables', () => {
    // all cells 1: Σ C(n_ij) = 0, E = 2 * 2 / 6, denominator 2 - E -> -0.5
    expect(adjustedRandIndex([1, 1, 2, 2], [1, 2, 1, 2])).toBeCloseTo(-0.5, 14);
    // cells 2,1 / 1,2: Σ C(n_ij) = 2, rows 3 + 3, columns 1 + 1 + 1, C(6) = 15: (2 - 1.2) / (4.5 - 1.2)
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 14);
  });

  it('is symmetric and 1 for two trivial partitions', () => {
    const a = [1, 2, 2, 3, 3, 3, 1];
    const b = [2, 2, 1, 1, 3, 3, 3];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 15);
    expect(adjustedRandIndex([1, 1, 1], [5, 5, 5])).toBe(1);
  });

  it('rejects labels of different lengths', () => {
    expect(() => adjustedRandIndex([1, 2], [1])).toThrow(/one per object/);
  });
});
