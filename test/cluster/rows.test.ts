// What every clustering of a dissimilarity matrix checks first (src/cluster/rows.ts), through
// the public hclust, pam and kmedoids: bad distances and weights are OptionsErrors naming them.
import { describe, expect, it } from 'vitest';
import { hclust, kmedoids, OptionsError, pam } from '../../src/index.js';
import { checkMatrix, weightsOrOnes } from '../../src/cluster/rows.js';

// 4 rows: d(1,2) d(1,3) d(1,4) d(2,3) d(2,4) d(3,4)
const matrix = (...values: number[]) => ({ n: 4, values: Float64Array.from(values) });
const good = matrix(1, 4, 5, 3, 4, 1);

describe('checkMatrix and weightsOrOnes', () => {
  it('negative, NaN and infinite distances are refused with the pair, 1-based (clustered before)', () => {
    for (const [v, shown] of [[-3, '-3'], [NaN, 'NaN'], [Infinity, 'Infinity']] as const) {
      const bad = matrix(1, 4, 5, v, 4, 1);
      expect(() => checkMatrix(bad)).toThrow(new RegExp(`^matrix: d\\(2, 3\\) = ${shown}; expected finite dissimilarities >= 0$`));
      expect(() => hclust(bad)).toThrow(OptionsError);
      expect(() => pam(bad, 2)).toThrow(/^matrix: d\(2, 3\)/);
      expect(() => kmedoids(bad, 2)).toThrow(/^matrix: d\(2, 3\)/);
    }
    expect(() => checkMatrix({ n: 4, values: Float64Array.of(1, 2) })).toThrow(/^matrix: 2 values do not form a condensed 4 x 4 matrix/);
  });

  it('NaN, negative and overflowing weights are refused naming the weight; every weight 0 too', () => {
    expect(() => pam(good, 2, { weights: [1, NaN, 1, 1] })).toThrow(/^weights: weight 2 is NaN; expected a finite number >= 0$/);
    expect(() => hclust(good, { weights: [1, 1, -2, 1] })).toThrow(/^weights: weight 3 is -2; expected a finite number >= 0$/);
    expect(() => kmedoids(good, 2, { weights: [1e308, 1e308, 1, 1] })).toThrow(/^weights: the weights add up to more than the largest number/);
    expect(() => pam(good, 2, { weights: [0, 0, 0, 0] })).toThrow(/^weights: every weight is 0; expected a positive total$/);
    expect(() => hclust(good, { method: 'ward.D', weights: [1, 0, 1, 1] })).toThrow(/^weights: weight 2 is 0; hierarchical clustering needs positive weights/);
    expect(weightsOrOnes(undefined, 2)).toEqual(Float64Array.of(1, 1));
    expect(pam(good, 2, { weights: [0, 1, 1, 1] }).silhouette).toHaveLength(4);
  });

  it('k of n or more clusters is an OptionsError naming k (a crash before)', () => {
    expect(() => pam(good, 4)).toThrow(/^k: must be a whole number in 1\.\.3 \(below the 4 observations\); got 4$/);
    expect(() => kmedoids(good, 10)).toThrow(OptionsError);
  });
});
