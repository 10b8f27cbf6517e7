import { describe, expect, it } from 'vitest';
import type { HClustTree } from '../../src/cluster/hclust.js';
import { disclosableLeaves } from '../../src/studies/tree-top.js';

// items 0..3: step 1 joins 0 and 1, step 2 joins 2 and 3, step 3 joins the two
const tree = { n: 4, merge: Int32Array.from([-1, -2, -3, -4, 1, 2]), height: Float64Array.from([1, 2, 3]) } as HClustTree;
// persons per item: 5, 5, 20, 1
const rowItem = Int32Array.from([...Array(5).fill(0), ...Array(5).fill(1), ...Array(20).fill(2), 3]);

describe('disclosableLeaves', () => {
  it('draws as many branches as hold enough persons each', () => {
    // 4 leaves: 5, 5, 20, 1; 3 leaves: 10, 20, 1; 2 leaves: 10, 21
    expect(disclosableLeaves({ tree, rowItem }, { maxLeaves: 4, minPersons: 10 })).toBe(2);
    expect(disclosableLeaves({ tree, rowItem }, { maxLeaves: 4, minPersons: 5 })).toBe(2);
    expect(disclosableLeaves({ tree, rowItem }, { maxLeaves: 4, minPersons: 1 })).toBe(4);
  });

  it('never goes below minLeaves or above the items', () => {
    expect(disclosableLeaves({ tree, rowItem }, { maxLeaves: 4, minLeaves: 3, minPersons: 100 })).toBe(3);
    expect(disclosableLeaves({ tree, rowItem }, { maxLeaves: 30, minPersons: 1 })).toBe(4);
  });

  it('counts every row as one person when rows were clustered', () => {
    expect(disclosableLeaves({ tree, rowItem: null }, { maxLeaves: 4, minPersons: 1 })).toBe(4);
    expect(disclosableLeaves({ tree, rowItem: null }, { maxLeaves: 4, minPersons: 2 })).toBe(2);
  });
});
