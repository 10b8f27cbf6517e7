import { describe, expect, it } from 'vitest';
import { RelationGraph, type IndexedRelation } from '../../src/disclosure/recover.js';
import { suppressSecondary, type SuppressionState } from '../../src/disclosure/secondary.js';
import { OptionsError } from '../../src/errors.js';

/** Σ coefficient × cell = constant over cell indexes (coefficients 1 unless given). */
const rel = (cells: number[], coefficients: number[] = cells.map(() => 1)): IndexedRelation => ({
  cells: Int32Array.from(cells), coefficients: Float64Array.from(coefficients),
});
/** A suppression state: `primary` cells hidden and protected, costs = persons = the values (counts). */
const stateOf = (values: number[], primary: number[], twins: number[][] = values.map(() => [])): SuppressionState => {
  const hidden = new Uint8Array(values.length);
  for (const c of primary) hidden[c] = 1;
  return { hidden, protect: hidden.slice(), cost: Float64Array.from(values), names: values.map((_, c) => `t: ${c}`), twins };
};
const hiddenCells = (s: SuppressionState) => [...s.hidden].flatMap((h, c) => (h ? [c] : []));

/**
 * A 2 x 3 count table with margins, cells numbered row by row:
 *        x   y   z | total
 *   A   30   4  16 |  50        0  1  2 |  3
 *   B   25  12  20 |  57        4  5  6 |  7
 *   T   55  16  36 | 107        8  9 10 | 11
 */
const values2x3 = [30, 4, 16, 50, 25, 12, 20, 57, 55, 16, 36, 107];
const lines2x3 = [
  rel([0, 1, 2, 3], [1, 1, 1, -1]), rel([4, 5, 6, 7], [1, 1, 1, -1]), rel([8, 9, 10, 11], [1, 1, 1, -1]),
  rel([0, 4, 8], [1, 1, -1]), rel([1, 5, 9], [1, 1, -1]), rel([2, 6, 10], [1, 1, -1]), rel([3, 7, 11], [1, 1, -1]),
];

describe('suppressSecondary', () => {
  it('one small interior cell of a 2 x 3 table: its row and column get a closed rectangle', () => {
    const graph = new RelationGraph(12, lines2x3);
    const s = stateOf(values2x3, [1]); // A.y = 4 persons
    // A.y lies in row A and column y: one more hidden cell breaks only one of the two lines, so no single cell
    // works; a pair (one in row A, one in column y) leaves each added cell alone in its other line, so no pair
    // works either. The cheapest shown cell, B.y (12), is hidden and the search starts again. Now A.y and B.y
    // share column y; A.z (16) alone leaves A.z alone in column z, and every other single leaves a line with one
    // hidden cell, but the pair of ranks 0 + 2, A.z and B.z (16, 20), closes the rectangle {A, B} x {y, z}: its
    // four cells satisfy four lines of rank 3, a line of solutions. (16 + 12 + 20 persons; the other rectangles
    // through A.y cost 30 + 12 + 25 or 16 + 16 + 36.)
    expect(suppressSecondary(graph, s, values2x3)).toEqual([5, 2, 6]);
    expect(hiddenCells(s)).toEqual([1, 2, 5, 6]);
    expect([...s.protect]).toEqual([...s.hidden]);
    expect([...graph.determined(s.hidden)].every((d) => d === 0)).toBe(true);
  });

  it('does not spread when the suppressed cells already protect each other, nor for hidden cells that need no protection', () => {
    // shares a + b + c = 100 with a and b suppressed: a + b = 100 - c leaves both open
    const shares = new RelationGraph(3, [rel([0, 1, 2])]);
    const s = stateOf([3, 6, 91], [0, 1]);
    expect(suppressSecondary(shares, s, [3, 6, 91])).toEqual([]);
    expect(hiddenCells(s)).toEqual([0, 1]);
    // a rounded count (hidden, not protected) that a reader could compute needs nothing
    const sum = new RelationGraph(3, [rel([0, 1, 2], [1, 1, -1])]);
    const r = { ...stateOf([5, 40, 45], []), hidden: Uint8Array.of(1, 0, 0) };
    expect(suppressSecondary(sum, r, [5, 40, 45])).toEqual([]);
    // a suppressed cell in no relation stays alone
    expect(suppressSecondary(new RelationGraph(2, []), stateOf([4, 40], [0]), [4, 40])).toEqual([]);
  });

  it('chooses the partner by persons, empty cells last, then by size, then by table order', () => {
    const shares = new RelationGraph(4, [rel([0, 1, 2, 3])]);
    // a (4 persons) is suppressed; b is empty (0 persons): a reader may know it is, so hiding it protects nothing
    expect(suppressSecondary(shares, stateOf([4, 0, 30, 66], [0]), [4, 0, 30, 66])).toEqual([2]);
    // equal persons (20 and 20): the smaller value goes first (30 < 35), and on equal values the earlier cell
    expect(suppressSecondary(shares, stateOf([4, 20, 20, 56], [0]), [4, 35, 30, 31])).toEqual([2]);
    expect(suppressSecondary(shares, stateOf([4, 20, 20, 56], [0]), [4, 30, 30, 36])).toEqual([1]);
  });

  it('a complement needs two partners at once: same + other + none = 100 and same + other = work', () => {
    // cells same 0 (31 persons), other 1 (15), none 2 (4, suppressed), work 3 (46)
    const graph = new RelationGraph(4, [rel([0, 1, 2]), rel([0, 1, 3], [1, 1, -1])]);
    // other alone: other = work - same gives none; work alone: none = 100 - same - other; other + same: none = 100 - work.
    // other + work (ranks 0 + 2): other + none = 38 and other - work = -62 leave a line of solutions
    expect(suppressSecondary(graph, stateOf([31, 15, 4, 46], [2]), [62, 30, 8, 92])).toEqual([1, 3]);
  });

  it('hides a twin with its cell, and protects the twin in its own relations', () => {
    // job 0 (7, suppressed) + school 1 (40) = total 2 (47); school_pct 3 (twin of school) + rest_pct 4 = 100
    const graph = new RelationGraph(5, [rel([0, 1, 2], [1, 1, -1]), rel([3, 4])]);
    const s = stateOf([7, 40, 47, 40, 160], [0], [[], [3], [], [1], []]);
    // school (40 < 47) protects job and takes school_pct along; school_pct = 100 - rest_pct would then give school
    expect(suppressSecondary(graph, s, [7, 40, 47, 20, 80])).toEqual([1, 3, 4]);
    expect([...graph.determined(s.hidden)]).toEqual([0, 0, 0, 0, 0]);
    // a suppressed cell's twin is hidden before anything else
    expect(suppressSecondary(new RelationGraph(2, []), stateOf([7, 7], [0], [[1], [0]]), [7, 35])).toEqual([1]);
    // and the twin's own twins in turn (a count, its sum and its mean: any two give the third)
    expect(suppressSecondary(new RelationGraph(3, []), stateOf([7, 7, 7], [0], [[1], [0, 2], [1]]), [7, 70, 10])).toEqual([1, 2]);
  });

  it('a twin in a component already found safe: that component is made safe again (shares listed before the counts)', () => {
    // school_pct 0 (twin of school 3) + rest_pct 1 = 100; job 2 (7, suppressed) + school 3 = total 4 (47).
    // The shares' component has nothing hidden when it is passed; hiding school later takes school_pct along,
    // and school_pct = 100 - rest_pct would give school = 40 and job = 47 - 40 = 7: rest_pct must go too.
    const graph = new RelationGraph(5, [rel([0, 1]), rel([2, 3, 4], [1, 1, -1])]);
    const s = stateOf([40, 160, 7, 40, 47], [2], [[3], [], [], [0], []]);
    suppressSecondary(graph, s, [20, 80, 7, 40, 47]);
    expect(hiddenCells(s)).toEqual([0, 1, 2, 3]);
    expect([...graph.determined(s.hidden)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('fails when a relation fixes a suppressed cell whatever else is hidden', () => {
    // a lone cell in a relation: 1 × a = constant
    const graph = new RelationGraph(2, [rel([0])]);
    const run = () => suppressSecondary(graph, stateOf([4, 40], [0]), [4, 40]);
    expect(run).toThrow(OptionsError);
    expect(run).toThrow('relations: the relations fix the value of "t: 0" whatever else is hidden; a relation must link at least two cells that are not fixed');
  });

  it('property: in random tables with margins, no row or column is left with exactly one hidden cell', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let rep = 0; rep < 60; rep++) {
      const R = 2 + Math.floor(rand() * 3);
      const C = 2 + Math.floor(rand() * 3);
      // (R + 1) x (C + 1) cells with margins, cell (i, j) = i * (C + 1) + j
      const at = (i: number, j: number) => i * (C + 1) + j;
      const v = new Array<number>((R + 1) * (C + 1)).fill(0);
      for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) v[at(i, j)] = Math.floor(rand() * (rand() < 0.3 ? 10 : 60));
      for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) v[at(i, C)] += v[at(i, j)];
      for (let i = 0; i < R; i++) for (let j = 0; j <= C; j++) v[at(R, j)] += v[at(i, j)];
      const lines: number[][] = [];
      for (let i = 0; i <= R; i++) lines.push(Array.from({ length: C + 1 }, (_, j) => at(i, j)));
      for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i) => at(i, j)));
      const graph = new RelationGraph(v.length, lines.map((l) => rel(l, l.map((_, k) => (k === l.length - 1 ? -1 : 1)))));
      const primary = v.flatMap((x, c) => (x > 0 && x < 10 ? [c] : []));
      const s = stateOf(v, primary);
      const added = suppressSecondary(graph, s, v);
      for (const c of primary) expect(s.hidden[c]).toBe(1);
      expect(hiddenCells(s)).toEqual([...primary, ...added].sort((a, b) => a - b));
      for (const l of lines) expect(l.filter((c) => s.hidden[c]).length).not.toBe(1);
      expect([...graph.determined(s.hidden)].every((d) => d === 0)).toBe(true);
    }
  });
});
