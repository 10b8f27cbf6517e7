import { describe, expect, it } from 'vitest';
import { createSequences, distinctSequences, makeAlphabet, VOID } from '../../src/index.js';

describe('distinctSequences', () => {
  const alphabet = makeAlphabet(['a', 'b']);
  // rows: ab-, aba, ab-, aba (lengths 2, 3, 2, 3)
  const seqs = createSequences({
    alphabet, n: 4, t: 3,
    codes: Uint8Array.from([0, 1, VOID, 0, 1, 0, 0, 1, VOID, 0, 1, 0]),
    weights: Float64Array.from([1, 2, 3, 4]),
  });

  it('groups equal rows with counts, summed weights and the map back', () => {
    const d = distinctSequences(seqs);
    expect([...d.firstRow]).toEqual([0, 1]);
    expect([...d.counts]).toEqual([2, 2]);
    expect([...d.weights]).toEqual([4, 6]);
    expect([...d.rowToDistinct]).toEqual([0, 1, 0, 1]);
  });

  it('infers lengths from trailing VOID cells', () => {
    expect([...seqs.lengths]).toEqual([2, 3, 2, 3]);
  });
});
