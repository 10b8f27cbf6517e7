import { describe, expect, it } from 'vitest';
import { CellGrid } from '../../src/ingest/grid.js';
import { VOID } from '../../src/sequences/types.js';

/** A 3-person grid of months 10..12 with a numeric layer: person p, month m holds state p and value 10p + m. */
function grid(): CellGrid {
  const g = new CellGrid({ columns: 3, base: 10 });
  const layer = g.addLayer('x', false);
  g.addRows(3);
  g.cover(10, 12);
  for (let p = 0; p < 3; p++) {
    for (let m = 10; m <= 12; m++) {
      if (p === 2 && m === 12) continue;
      g.codes[g.index(p, m)] = p;
      layer.numbers![g.index(p, m)] = 10 * p + m;
    }
  }
  return g;
}

describe('CellGrid.extract', () => {
  it('every row in order from the first month: the cells as they are', () => {
    const { codes, cellAttributes } = grid().extract(Int32Array.of(0, 1, 2), Int32Array.of(10, 10, 10), 3);
    expect(Array.from(codes)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, VOID]);
    expect(Array.from(cellAttributes.x.values)).toEqual([10, 11, 12, 20, 21, 22, 30, 31, NaN]);
    // the grid has room for 16 rows: the 3 rows are copied, so no spare memory stays with the sequences
    expect(codes.buffer.byteLength).toBe(9);
  });

  it('some rows, each from its own month: shifted, absent months empty', () => {
    const { codes, cellAttributes } = grid().extract(Int32Array.of(2, 0), Int32Array.of(11, 9), 3);
    expect(Array.from(codes)).toEqual([2, VOID, VOID, VOID, 0, 0]);
    expect(Array.from(cellAttributes.x.values)).toEqual([31, NaN, NaN, NaN, 10, 11]);
  });
});
