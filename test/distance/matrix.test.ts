// The condensed matrix and distanceAt (the API class of issue 14: rows out of range were read as undefined).
import { describe, expect, it } from 'vitest';
import { condensedIndex, distanceAt, type DistanceMatrix } from '../../src/distance/matrix.js';
import { OptionsError } from '../../src/index.js';

// d(0,1) = 1, d(0,2) = 2, d(1,2) = 3: R's dist order, the lower triangle by columns
const m: DistanceMatrix = { n: 3, values: Float64Array.of(1, 2, 3) };

describe('distanceAt', () => {
  it('reads the condensed lower triangle symmetrically, 0 on the diagonal', () => {
    expect([distanceAt(m, 0, 1), distanceAt(m, 2, 0), distanceAt(m, 1, 2), distanceAt(m, 1, 1)]).toEqual([1, 2, 3, 0]);
    expect(condensedIndex(3, 2, 1)).toBe(2);
  });

  it('refuses a row outside 0..n-1, a fraction or NaN, naming i or j', () => {
    for (const [i, j, option] of [[0, 3, 'j'], [-1, 0, 'i'], [3, 0, 'i'], [0.5, 1, 'i'], [1, NaN, 'j']] as const) {
      expect(() => distanceAt(m, i, j)).toThrow(OptionsError);
      expect(() => distanceAt(m, i, j)).toThrow(new RegExp(`^${option}: rows ${i} and ${j}: expected whole numbers in 0\\.\\.2$`));
    }
  });
});
