import { describe, expect, it } from 'vitest';
import { cutree, renumberByFirstAppearance } from '../../src/cluster/cutree.js';
import type { HClustTree } from '../../src/cluster/hclust.js';

/** A tree in R's layout from its merge rows (heights 1..n-1; cutree reads only n and merge). */
function tree(n: number, merges: [number, number][]): HClustTree {
  return {
    n,
    merge: Int32Array.from(merges.flat()),
    height: Float64Array.from(merges, (_, s) => s + 1),
    order: Int32Array.from({ length: n }, (_, i) => i),
    method: 'complete',
    members: new Float64Array(n).fill(1),
  };
}

describe('cutree', () => {
  // Step 1 joins obs 2 and 4, step 2 obs 1 and 3, step 3 obs 5 with step 2, step 4 steps 1 and 3.
  const t = tree(5, [[-2, -4], [-1, -3], [-5, 2], [1, 3]]);

  it('keeps the partition after the first n - k merges, numbered by first appearance', () => {
    expect(Array.from(cutree(t, 5))).toEqual([1, 2, 3, 4, 5]); // no merge
    expect(Array.from(cutree(t, 4))).toEqual([1, 2, 3, 2, 4]); // {2,4}
    expect(Array.from(cutree(t, 3))).toEqual([1, 2, 1, 2, 3]); // {2,4}, {1,3}
    expect(Array.from(cutree(t, 2))).toEqual([1, 2, 1, 2, 1]); // {2,4}, {1,3,5}
    expect(Array.from(cutree(t, 1))).toEqual([1, 1, 1, 1, 1]);
  });

  it('numbers by observation order, not by merge order', () => {
    // Step 1 joins obs 3 and 4, step 2 joins obs 1 with step 1: at k = 2 obs 2 is alone, yet obs 1 gets cluster 1.
    const u = tree(4, [[-3, -4], [-1, 1], [-2, 2]]);
    expect(Array.from(cutree(u, 3))).toEqual([1, 2, 3, 3]);
    expect(Array.from(cutree(u, 2))).toEqual([1, 2, 1, 1]);
  });

  it('gives k distinct labels 1..k, nested across k', () => {
    for (let k = 1; k <= 5; k++) {
      const l = Array.from(cutree(t, k));
      expect(new Set(l).size).toBe(k);
      expect(Math.max(...l)).toBe(k);
      expect(l[0]).toBe(1);
      if (k < 5) {
        // every cluster at k + 1 lies inside one cluster at k
        const finer = Array.from(cutree(t, k + 1));
        for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) if (finer[i] === finer[j]) expect(l[i]).toBe(l[j]);
      }
    }
  });

  it('rejects k outside 1..n or not whole', () => {
    expect(() => cutree(t, 0)).toThrow('k: must be a whole number in 1..5 (at most the 5 observations); got 0');
    expect(() => cutree(t, 6)).toThrow('k: must be a whole number in 1..5 (at most the 5 observations); got 6');
    expect(() => cutree(t, 2.5)).toThrow('got 2.5');
  });
});

describe('renumberByFirstAppearance', () => {
  it('numbers codes 1..k in order of first appearance', () => {
    expect(Array.from(renumberByFirstAppearance([7, 3, 7, 5]))).toEqual([1, 2, 1, 3]);
    expect(Array.from(renumberByFirstAppearance([0, -1, 0, 0]))).toEqual([1, 2, 1, 1]);
    expect(Array.from(renumberByFirstAppearance([]))).toEqual([]);
  });
});
