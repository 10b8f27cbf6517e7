import { describe, expect, it } from 'vitest';
import { RelationGraph, type IndexedRelation } from '../../src/index.js';

/** Σ cells = 0 style relation from index lists and coefficients. */
const rel = (cells: number[], coefficients: number[] = cells.map(() => 1)): IndexedRelation => ({
  cells: Int32Array.from(cells),
  coefficients: Float64Array.from(coefficients),
});

/**
 * A 2 x 2 count table with margins laid out as cells 0..8:
 *   a b | r1        0 1 | 2
 *   c d | r2        3 4 | 5
 *   ----+---        ----+--
 *   k1 k2 | N       6 7 | 8
 */
const table2x2 = new RelationGraph(9, [
  rel([0, 1, 2], [1, 1, -1]), rel([3, 4, 5], [1, 1, -1]), rel([6, 7, 8], [1, 1, -1]),
  rel([0, 3, 6], [1, 1, -1]), rel([1, 4, 7], [1, 1, -1]), rel([2, 5, 8], [1, 1, -1]),
]);
const hide = (n: number, cells: number[]) => {
  const h = new Uint8Array(n);
  for (const c of cells) h[c] = 1;
  return h;
};

describe('RelationGraph.determined', () => {
  it('a single hidden cell of a row is determined by the row total', () => {
    expect([...table2x2.determined(hide(9, [0]))]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('two hidden cells in a row but alone in their columns are both determined', () => {
    expect([...table2x2.determined(hide(9, [0, 1]))]).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a rectangle of four hidden cells is safe: each has a line of solutions', () => {
    expect([...table2x2.determined(hide(9, [0, 1, 3, 4]))]).toEqual(new Array(9).fill(0));
  });

  it('finds a bridge between two safe rectangles that the "two per line" rule misses', () => {
    // 4 x 4 inner table, cells (r, c) = 4r + c, row totals 16..19, column totals 20..23
    const rels: IndexedRelation[] = [];
    for (let r = 0; r < 4; r++) rels.push(rel([4 * r, 4 * r + 1, 4 * r + 2, 4 * r + 3, 16 + r], [1, 1, 1, 1, -1]));
    for (let c = 0; c < 4; c++) rels.push(rel([c, 4 + c, 8 + c, 12 + c, 20 + c], [1, 1, 1, 1, -1]));
    const g = new RelationGraph(24, rels);
    // rectangles {(0,0),(0,1),(1,0),(1,1)} and {(2,2),(2,3),(3,2),(3,3)}, joined by (0,2)
    const hidden = hide(24, [0, 1, 4, 5, 10, 11, 14, 15, 2]);
    // every row and column with a hidden cell has at least two
    for (const r of rels) {
      const k = [...r.cells].filter((c) => hidden[c]).length;
      expect(k === 0 || k >= 2).toBe(true);
    }
    const det = g.determined(hidden);
    expect([...det].flatMap((d, c) => (d ? [c] : []))).toEqual([2]);
    expect(g.isDetermined(2, hidden)).toBe(true);
    expect(g.isDetermined(0, hidden)).toBe(false);
  });

  it('weighted relations: a pooled mean and one group mean give the other', () => {
    // 30 × m1 + 10 × m2 - 40 × m = 0
    const g = new RelationGraph(3, [rel([0, 1, 2], [30, 10, -40])]);
    expect([...g.determined(hide(3, [1]))]).toEqual([0, 1, 0]);
    expect([...g.determined(hide(3, [1, 2]))]).toEqual([0, 0, 0]);
  });

  it('combinations of relations: shares, a complement and a sum', () => {
    // same + other + none = 100; same + other - work = 0 -> none = 100 - work
    const g = new RelationGraph(4, [rel([0, 1, 2]), rel([0, 1, 3], [1, 1, -1])]);
    // other = work - same, none = 100 - work
    expect([...g.determined(hide(4, [1, 2]))]).toEqual([0, 1, 1, 0]);
    expect([...g.determined(hide(4, [1, 2, 3]))]).toEqual([0, 0, 0, 0]);
  });
});
