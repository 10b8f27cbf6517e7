import { describe, expect, it } from 'vitest';
import { relabelBySize } from '../../src/cluster/relabel.js';

describe('relabelBySize', () => {
  it('numbers clusters by decreasing size and reorders the medoids along', () => {
    // sizes: old 1 -> 1, old 2 -> 3, old 3 -> 1: new order 2, 1, 3 (1 before 3 on the tie)
    const r = relabelBySize([1, 2, 2, 3, 2], { medoids: [10, 20, 30] });
    expect(Array.from(r.labels)).toEqual([2, 1, 1, 3, 1]);
    expect(Array.from(r.from)).toEqual([2, 1, 3]);
    expect(Array.from(r.medoids ?? [])).toEqual([20, 10, 30]);
  });

  it('keeps the old order of equal sizes', () => {
    // sizes: old 1 -> 2, old 2 -> 1, old 3 -> 2: new order 1, 3, 2
    const r = relabelBySize([3, 3, 1, 1, 2]);
    expect(Array.from(r.from)).toEqual([1, 3, 2]);
    expect(Array.from(r.labels)).toEqual([2, 2, 1, 1, 3]);
  });

  it('uses weighted sizes', () => {
    // weights 4, 1, 1, 1, 1: old 1 -> 4, old 2 -> 3, old 3 -> 1: unchanged
    const r = relabelBySize([1, 2, 2, 3, 2], { weights: [4, 1, 1, 1, 1] });
    expect(Array.from(r.from)).toEqual([1, 2, 3]);
    expect(Array.from(r.labels)).toEqual([1, 2, 2, 3, 2]);
  });

  it('returns no medoids when none are given', () => {
    expect('medoids' in relabelBySize([1, 2])).toBe(false);
  });

  it('is a permutation of cluster numbers with non-increasing sizes', () => {
    const old = [4, 1, 2, 4, 3, 4, 2, 5, 2, 4, 3];
    const { labels, from } = relabelBySize(old);
    expect([...from].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    old.forEach((c, i) => expect(from[labels[i] - 1]).toBe(c)); // from inverts the renumbering
    const size = (c: number) => labels.filter((l) => l === c).length;
    for (let c = 1; c < 5; c++) expect(size(c)).toBeGreaterThanOrEqual(size(c + 1));
    expect([1, 2, 3, 4, 5].map(size)).toEqual([4, 3, 2, 1, 1]);
  });
});
