import { describe, expect, it } from 'vitest';
import { GroupSums } from '../../src/labour/accumulate.js';

describe('GroupSums', () => {
  it('puts the total row after the groups, every sum starting at 0', () => {
    const sums = new GroupSums(3, 2);
    expect(sums.total).toBe(3); // rows 0, 1, 2 are groups; row 3 the total
    for (let row = 0; row <= sums.total; row++) {
      expect([sums.get(row, 0), sums.get(row, 1)]).toEqual([0, 0]);
    }
  });

  it('adds each value to its group and to the total, slot by slot', () => {
    const sums = new GroupSums(2, 3);
    sums.add(0, 0, 1);
    sums.add(0, 2, 2.5);
    sums.add(1, 0, 4);
    sums.add(1, 1, 0.5);
    sums.add(0, 0, 3);
    // group 0: slot 0 = 1 + 3 = 4, slot 2 = 2.5; group 1: slot 0 = 4, slot 1 = 0.5
    expect([0, 1, 2].map((s) => sums.get(0, s))).toEqual([4, 0, 2.5]);
    expect([0, 1, 2].map((s) => sums.get(1, s))).toEqual([4, 0.5, 0]);
    // total: slot 0 = 4 + 4 = 8, slot 1 = 0.5, slot 2 = 2.5
    expect([0, 1, 2].map((s) => sums.get(sums.total, s))).toEqual([8, 0.5, 2.5]);
  });

  it('keeps the total equal to the sum of the groups, negative values included', () => {
    const sums = new GroupSums(4, 1);
    const values = [3, -1, 0.25, 7, -2, 5, 0.5, 1];
    values.forEach((v, k) => sums.add(k % 4, 0, v));
    // groups: 0: 3 - 2 = 1; 1: -1 + 5 = 4; 2: 0.25 + 0.5 = 0.75; 3: 7 + 1 = 8
    expect([0, 1, 2, 3].map((g) => sums.get(g, 0))).toEqual([1, 4, 0.75, 8]);
    expect(sums.get(sums.total, 0)).toBe(13.75); // 1 + 4 + 0.75 + 8
  });

  it('works with no groups: only the total row', () => {
    const sums = new GroupSums(0, 2);
    expect(sums.total).toBe(0);
    expect(sums.get(sums.total, 1)).toBe(0);
  });
});
