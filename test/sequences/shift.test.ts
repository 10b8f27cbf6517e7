import { describe, expect, it } from 'vitest';
import { shiftRows } from '../../src/sequences/shift.js';
import { VOID } from '../../src/sequences/types.js';

const V = VOID;
// 2 rows x 4 columns: row 0 = 0 1 2 3, row 1 = 10 11 12 13
const grid = Uint8Array.from([0, 1, 2, 3, 10, 11, 12, 13]);

describe('shiftRows', () => {
  it('copies each row from its origin, leaving cells outside the source as filled', () => {
    const out = shiftRows(grid, 4, Int32Array.of(1, 0, 0), Int32Array.of(2, -1, 4), 3, new Uint8Array(9).fill(V));
    expect([...out]).toEqual([12, 13, V, V, 0, 1, V, V, V]);
  });

  it('reads origins as months when column 0 is month `base`', () => {
    const out = shiftRows(Float64Array.from(grid), 4, Int32Array.of(0, 1), Int32Array.of(2013, 2015), 2, new Float64Array(4).fill(NaN), 2012);
    expect([...out]).toEqual([1, 2, 13, NaN]);
  });
});
