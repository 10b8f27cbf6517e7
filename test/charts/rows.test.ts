import { describe, expect, it } from 'vitest';
import { indexRects, sortRows, splitRows } from '../../src/charts/rows.js';
import { MISSING_COLOR, monthLabelExpr, monthStep, stateLabels, stateScale } from '../../src/charts/theme.js';
import { makeAlphabet } from '../../src/sequences/alphabet.js';
import { createSequences } from '../../src/sequences/create.js';
import { MISSING, VOID } from '../../src/sequences/types.js';

const ab = makeAlphabet(['a', 'b', 'c'], { labels: { a: 'A', b: 'B', c: 'C' } });
// Rows: 0 = b b c, 1 = a a a, 2 = a b void, 3 = a b b
const seqs = createSequences({ alphabet: ab, n: 4, t: 3, codes: Uint8Array.from([1, 1, 2, 0, 0, 0, 0, 1, VOID, 0, 1, 1]) });

describe('theme', () => {
  it('maps state labels to the alphabet colours in alphabet order, missing last', () => {
    expect(stateScale(ab, 'en', false)).toEqual({ domain: ['A', 'B', 'C'], range: ab.colors });
    const withMissing = stateScale(ab, 'nl', true);
    expect(withMissing.domain.at(-1)).toBe('ontbrekend');
    expect(withMissing.range.at(-1)).toBe(MISSING_COLOR);
    expect(stateLabels(ab, ['c', '*'], 'en')).toEqual(['C', 'missing']);
  });

  it('labels month ticks with calendar labels only when they are not the indexes', () => {
    expect(monthLabelExpr(['0', '1', '2'])).toBeUndefined();
    expect(monthLabelExpr(['2013-01', '2013-02'])).toBe('(["2013-01","2013-02"])[datum.value] || ""');
    expect(monthStep(60, 300)).toBe(12);
    expect(monthStep(12, 600)).toBe(3);
    expect(monthStep(36, 100)).toBe(12);
  });
});

describe('row order', () => {
  it('sorts lexicographically from the start (void after states) and from the end', () => {
    expect(Array.from(sortRows(seqs, 'start'))).toEqual([1, 3, 2, 0]);
    // From the end: last months a, b, c, void -> rows 1, 3, 0, 2
    expect(Array.from(sortRows(seqs, 'end'))).toEqual([1, 3, 0, 2]);
    expect(Array.from(sortRows(seqs, 'none', [2, 0]))).toEqual([2, 0]);
  });

  it('splits rows by group, numeric groups in numeric order', () => {
    const groups = splitRows([10, 2, 10, 2]);
    expect(groups.map((g) => g.name)).toEqual(['2', '10']);
    expect(Array.from(groups[1].rows)).toEqual([0, 2]);
    expect(splitRows(['x', 'y'], ['y', 'x']).map((g) => g.name)).toEqual(['y', 'x']);
  });
});

describe('indexRects', () => {
  it('draws one rectangle per run of equal states, void left empty', () => {
    const { rects, perRow, total } = indexRects(seqs, Int32Array.from([0, 1, 2, 3]));
    expect(perRow).toBe(1);
    expect(total).toBe(4);
    expect(rects).toEqual([
      { x: 0, x2: 2, y: 0, y2: 1, s: 1, n: 1 },
      { x: 2, x2: 3, y: 0, y2: 1, s: 2, n: 1 },
      { x: 0, x2: 3, y: 1, y2: 2, s: 0, n: 1 },
      { x: 0, x2: 1, y: 2, y2: 3, s: 0, n: 1 },
      { x: 1, x2: 2, y: 2, y2: 3, s: 1, n: 1 },
      { x: 0, x2: 1, y: 3, y2: 4, s: 0, n: 1 },
      { x: 1, x2: 3, y: 3, y2: 4, s: 1, n: 1 },
    ]);
  });

  it('bins rows above maxRows and draws the weighted modal state of each bin', () => {
    const weighted = createSequences({ ...seqs, codes: seqs.codes.slice(), weights: Float64Array.from([5, 1, 1, 1]) });
    const { rects, perRow, total } = indexRects(weighted, Int32Array.from([0, 1, 2, 3]), { maxRows: 2 });
    expect(perRow).toBe(2);
    expect(total).toBe(8);
    // Bin 1 = rows 0 (weight 5) and 1: row 0 dominates. Bin 2 = rows 2 and 3: a, b, then b and void tie and the state wins.
    expect(rects.filter((r) => r.y === 0)).toEqual([
      { x: 0, x2: 2, y: 0, y2: 6, s: 1, n: 2 },
      { x: 2, x2: 3, y: 0, y2: 6, s: 2, n: 2 },
    ]);
    expect(rects.filter((r) => r.y === 6)).toEqual([
      { x: 0, x2: 1, y: 6, y2: 8, s: 0, n: 2 },
      { x: 1, x2: 3, y: 6, y2: 8, s: 1, n: 2 },
    ]);
  });

  it('minPerRow: no drawn row of fewer sequences, the last included; too few draw nothing', () => {
    const rows = Int32Array.from([0, 1, 2, 3]);
    // 4 rows, at least 3 per row: one row of 4 (not 3 + 1)
    const one = indexRects(seqs, rows, { minPerRow: 3, weighted: false });
    expect([one.perRow, one.maxPerRow, one.total]).toEqual([4, 4, 4]);
    expect(new Set(one.rects.map((r) => r.n))).toEqual(new Set([4]));
    expect(indexRects(seqs, rows, { minPerRow: 5 })).toEqual({ rects: [], perRow: 0, maxPerRow: 0, total: 0 });
    // at most 3 drawn rows: rows of ceil(4 / 3) = 2, so 2 + 2 (not 2 + 1 + 1, nor 3 + 1)
    const even = indexRects(seqs, rows, { maxRows: 3, weighted: false });
    expect([even.perRow, even.maxPerRow, even.total]).toEqual([2, 2, 4]);
  });

  it('marks missing months with state -1', () => {
    const m = createSequences({ alphabet: ab, n: 1, t: 2, codes: Uint8Array.from([0, MISSING]) });
    expect(indexRects(m, Int32Array.from([0])).rects.map((r) => r.s)).toEqual([0, -1]);
  });
});
