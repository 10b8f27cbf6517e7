// Spells (src/distance/spells.ts): runs of one state, as TraMineR's seqdss and seqdur.
import { describe, expect, it } from 'vitest';
import type { EncodedRows } from '../../src/distance/encode.js';
import { spellRows } from '../../src/distance/spells.js';

/** Encoded rows of digit strings ('0102' = states 0, 1, 0, 2), stride t. */
function rows(strings: string[], t = Math.max(...strings.map((s) => s.length))): EncodedRows {
  const codes = new Uint8Array(strings.length * t);
  strings.forEach((s, i) => [...s].forEach((ch, j) => (codes[i * t + j] = Number(ch))));
  return { n: strings.length, t, codes, lengths: Int32Array.from(strings, (s) => s.length), weights: new Float64Array(strings.length).fill(1) };
}

/** Spells of row r as [state, length] pairs. */
function spellsOf(strings: string[], r: number, t?: number): number[][] {
  const sp = spellRows(rows(strings, t));
  return Array.from({ length: sp.count[r] }, (_, k) => [sp.state[r * sp.t + k], sp.length[r * sp.t + k]]);
}

describe('spellRows', () => {
  it('AAB: an A spell of 2 months, then a B spell of 1', () => {
    const sp = spellRows(rows(['001']));
    expect(sp.n).toBe(1);
    expect(sp.t).toBe(3);
    expect(Array.from(sp.count)).toEqual([2]);
    expect(spellsOf(['001'], 0)).toEqual([[0, 2], [1, 1]]);
  });

  it('one spell per change of state; a state may come back', () => {
    expect(spellsOf(['0101'], 0)).toEqual([[0, 1], [1, 1], [0, 1], [1, 1]]);
    expect(spellsOf(['2222'], 0)).toEqual([[2, 4]]);
    expect(spellsOf(['0022100'], 0)).toEqual([[0, 2], [2, 2], [1, 1], [0, 2]]);
  });

  it('rows of different lengths: cells past a row\'s length are not read', () => {
    const sp = spellRows(rows(['0011', '0'], 4)); // row 1's cells 5..7 hold 0: read, they would lengthen its spell
    expect(Array.from(sp.count)).toEqual([2, 1]);
    expect([sp.state[4], sp.length[4]]).toEqual([0, 1]);
    expect(Array.from(sp.length.subarray(0, 4))).toEqual([2, 2, 0, 0]); // unused spell slots stay 0
  });

  it('an empty row has no spells', () => {
    const sp = spellRows(rows(['', '01'], 2));
    expect(Array.from(sp.count)).toEqual([0, 2]);
    expect(spellsOf(['', '01'], 1, 2)).toEqual([[0, 1], [1, 1]]);
  });

  it('spell lengths add up to the row length', () => {
    const strings = ['0120012', '1111000', '3'];
    const sp = spellRows(rows(strings));
    strings.forEach((s, r) => {
      let sum = 0;
      for (let k = 0; k < sp.count[r]; k++) sum += sp.length[r * sp.t + k];
      expect(sum).toBe(s.length);
    });
  });
});
