import { describe, expect, it } from 'vitest';
import { storeCellAttributes } from '../../src/ingest/cell-spill.js';
import { attributeBlocks, cellAttributeKind, cellAttributeNames, cellAttributesOf } from '../../src/sequences/cell-store.js';
import { createSequences, makeAlphabet, selectRows, subsetMonths, VOID } from '../../src/sequences/index.js';

// 3 persons x 4 months; wage per cell (NaN = none), employer as categories (-1 = none)
const seqs = createSequences({
  alphabet: makeAlphabet(['w', 'n']),
  n: 3,
  t: 4,
  codes: Uint8Array.of(0, 0, 1, VOID, 1, 0, 0, 0, 0, 1, 1, 1),
  cellAttributes: {
    wage: { kind: 'number', values: Float64Array.of(10, 11, NaN, NaN, NaN, 20, 21, 22, 30, NaN, NaN, NaN) },
    employer: { kind: 'category', values: Int32Array.of(0, 0, -1, -1, -1, 1, 1, 1, 0, -1, -1, -1), levels: ['A', 'B'] },
  },
});

describe('the cell store', () => {
  const stored = storeCellAttributes(seqs, { blockBytes: 40 }); // one row (4 months x 8 bytes) a block

  it('keeps the attributes on disk, with their kinds', () => {
    expect(stored.cellAttributes).toEqual({});
    expect(cellAttributeNames(stored)).toEqual(['wage', 'employer']);
    expect(cellAttributeKind(stored, 'employer')).toEqual({ kind: 'category', levels: ['A', 'B'] });
    expect(cellAttributeKind(stored, 'hours')).toBeUndefined();
    expect(cellAttributesOf(stored)).toEqual(seqs.cellAttributes);
  });

  it('reads them a block of rows at a time; in memory they are one block', () => {
    // a block's arrays are reused for the next: copied here
    const blocks = Array.from(attributeBlocks(stored, ['wage']), (b) => [b.from, b.to, Array.from(b.attributes.wage.values)]);
    expect(blocks).toEqual([[0, 1, [10, 11, NaN, NaN]], [1, 2, [NaN, 20, 21, 22]], [2, 3, [30, NaN, NaN, NaN]]]);
    const memory = [...attributeBlocks(seqs, ['wage', 'employer'])];
    expect(memory).toHaveLength(1);
    expect(memory[0].attributes.wage.values).toBe(seqs.cellAttributes.wage.values);
  });

  it('follows selected rows and months, nested, as the in-memory attributes do', () => {
    const picks = (s: typeof seqs) => [
      selectRows(s, [2, 0, 2]),
      subsetMonths(s, 1, 2),
      selectRows(subsetMonths(s, 1, 3), [1]),
      subsetMonths(selectRows(s, [1, 0]), 2, 3),
    ];
    const fromDisk = picks(stored).map((s) => cellAttributesOf(s));
    const inMemory = picks(seqs).map((s) => s.cellAttributes);
    expect(fromDisk).toEqual(inMemory);
    // the same in one block (runs of rows read at once)
    expect(picks(storeCellAttributes(seqs)).map((s) => cellAttributesOf(s))).toEqual(inMemory);
    // hand-checked: row 1 of months 1..3 is person 1's wages in months 1, 2, 3
    expect(Array.from(fromDisk[2].wage.values)).toEqual([20, 21, 22]);
  });
});
