import { describe, expect, it } from 'vitest';
import { bestK, clusterRange } from '../../src/cluster/range.js';
import type { HClustTree } from '../../src/cluster/hclust.js';
import { QUALITY_INDICES, clusterQuality, type QualityIndex } from '../../src/cluster/quality.js';
import { lineDistances } from './helpers.js';

// Points 0, 1, 2 | 10, 11, 12; a tree joining {1,2}, {4,5}, then 3 and 6 to them, then the two groups.
const m = lineDistances([0, 1, 2, 10, 11, 12]);
const tree: HClustTree = {
  n: 6,
  merge: Int32Array.from([-1, -2, -4, -5, -3, 1, -6, 2, 3, 4]),
  height: Float64Array.from([1, 1, 2, 2, 12]),
  order: Int32Array.from([0, 1, 2, 3, 4, 5]),
  method: 'complete',
  members: new Float64Array(6).fill(1),
};

describe('clusterRange', () => {
  it('cuts the tree for k = kmin..kmax and scores each cut', () => {
    const r = clusterRange(m, tree, { kmax: 3 });
    expect(r.ks).toEqual([2, 3]);
    expect(r.labels.map((l) => Array.from(l))).toEqual([[1, 1, 1, 2, 2, 2], [1, 1, 1, 2, 2, 3]]);
    // k = 2: x=0: a = (1+2)/2, b = (10+11+12)/3 = 11 -> 9.5/11; x=1: a = 1, b = 10 -> 0.9; x=2: a = 1.5, b = 9 -> 7.5/9; symmetric
    expect(r.quality[0].ASW).toBeCloseTo((9.5 / 11 + 0.9 + 7.5 / 9) / 3, 14);
    // k = 3: x=0: b = min(10.5, 12) -> 9/10.5; x=1: b = 9.5 -> 8.5/9.5; x=2: b = 8.5 -> 7/8.5;
    // x=10: a = 1, b = min(9, 2) = 2 -> 0.5; x=11: a = 1, b = 1 -> 0; x=12 alone -> 1
    expect(r.quality[1].ASW).toBeCloseTo((9 / 10.5 + 8.5 / 9.5 + 7 / 8.5 + 0.5 + 0 + 1) / 6, 14);
    expect(r.best.ASW).toBe(2); // 0.866 > 0.679
  });

  it('limits kmax to n and defaults kmin to 2', () => {
    expect(clusterRange(m, tree).ks).toEqual([2, 3, 4, 5, 6]);
    expect(clusterRange(m, tree, { kmin: 4, kmax: 4 }).ks).toEqual([4]);
  });

  it('scores given partitions as clusterQuality does, with weights, and reports progress', () => {
    const parts = [[1, 1, 1, 2, 2, 2], [2, 2, 1, 1, 3, 3]];
    const weights = [1, 2, 1, 1, 3, 1];
    const calls: string[] = [];
    const r = clusterRange(m, parts, { weights, kmin: 5, progress: (what, done, total) => calls.push(`${what} ${done}/${total}`) });
    expect(r.ks).toEqual([2, 3]); // kmin/kmax only apply to trees; k is the largest label
    expect(r.labels[1]).toEqual(Int32Array.from(parts[1]));
    for (const index of QUALITY_INDICES) {
      expect(r.quality[1][index]).toBe(clusterQuality(m, parts[1], { weights })[index]);
    }
    expect(calls).toEqual(['cluster quality 1/2', 'cluster quality 2/2']);
  });

  it('rejects kmin < 2 or kmin > kmax, and invalid partitions', () => {
    expect(() => clusterRange(m, tree, { kmin: 1 })).toThrow('kmin: need 2 <= kmin <= kmax; got 1..6');
    expect(() => clusterRange(m, tree, { kmin: 5, kmax: 3 })).toThrow('kmin: need 2 <= kmin <= kmax; got 5..3');
    expect(() => clusterRange(m, [[1, 1, 0, 2, 2, 2]])).toThrow('labels: cluster label 0 of observation 3 is not a whole number >= 1');
  });
});

describe('bestK', () => {
  /** Quality records with the given values of some indices, 0 elsewhere. */
  const records = (columns: Partial<Record<QualityIndex, number[]>>, n: number) =>
    Array.from({ length: n }, (_, r) => {
      const q = {} as Record<QualityIndex, number>;
      for (const index of QUALITY_INDICES) q[index] = columns[index]?.[r] ?? 0;
      return q;
    });

  it('takes the largest value, the smallest for HC, the first on ties, never NaN', () => {
    const q = records({ ASW: [0.5, 0.7, 0.7], HC: [0.3, 0.1, 0.2], PBC: [NaN, 0.2, 0.4], CH: [NaN, NaN, NaN] }, 3);
    const best = bestK([2, 3, 4], q);
    expect(best.ASW).toBe(3); // 0.7 at k = 3 and 4: the first
    expect(best.HC).toBe(3); // smallest 0.1
    expect(best.PBC).toBe(4); // NaN at k = 2 does not win
    expect(best.CH).toBeNaN(); // no value
    expect(best.R2).toBe(2); // all 0: the first
  });
});
