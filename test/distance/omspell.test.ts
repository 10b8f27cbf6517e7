// OMspell (src/distance/omspell.ts) on spells worked out by hand. With e = expcost and
// l' = l^tpow - 1 per spell: indel(s) + e l' to insert or delete a spell; e |l'1 - l'2|
// between spells of one state; sm(s1, s2) + e (l'1 + l'2) between spells of two states.
import { describe, expect, it } from 'vitest';
import { omspellKernel } from '../../src/distance/omspell.js';
import { prepareDistances } from '../../src/distance/setup.js';
import type { DistanceOptions } from '../../src/distance/types.js';
import { letters } from './helpers.js';

/** OMspell kernel over distinct rows of letters A, B (sm 2, indel 1, expcost 0.5 unless given). */
function kernel(rows: string[], options: Partial<DistanceOptions> = {}): (a: number, b: number) => number {
  const setup = prepareDistances(letters(rows, 'AB'), { method: 'OMspell', sm: [[0, 2], [2, 0]], indel: 1, expcost: 0.5, ...options });
  return omspellKernel(setup, setup.rows);
}

describe('omspellKernel', () => {
  it('AAB vs AB: the A spells of 2 and 1 months differ by e |1 - 0|', () => {
    // spells (A,2)(B,1) vs (A,1)(B,1); l' = 1, 0 vs 0, 0: A2~A1 = 0.5 x 1, B1~B1 = 0
    expect(kernel(['AAB', 'AB'])(0, 1)).toBe(0.5);
    expect(kernel(['AAB', 'AB'], { expcost: 0 })(0, 1)).toBe(0); // durations ignored
  });

  it('AAB vs BBA: deleting and inserting spells beats substituting states', () => {
    // (A,2)(B,1) vs (B,2)(A,1), l' = 1, 0 vs 1, 0; indels: A2 = 1.5, B1 = 1, B2 = 1.5, A1 = 1
    // delete A2 (1.5) + B1~B2 (0.5) + insert A1 (1) = 3
    // A2->B2 (2 + 0.5 x 2 = 3) + B1->A1 (2) = 5; all indels = 5
    const d = kernel(['AAB', 'BBA']);
    expect(d(0, 1)).toBe(3);
    expect(d(1, 0)).toBe(3);
  });

  it('substitution of states adds e (l1\' + l2\')', () => {
    // AA vs BB, sm 1: A2->B2 = 1 + 0.5 x (1 + 1) = 2 < delete + insert = 1.5 + 1.5
    expect(kernel(['AA', 'BB'], { sm: [[0, 1], [1, 0]] })(0, 1)).toBe(2);
    // sm 2: substitution 3 = indels 3
    expect(kernel(['AA', 'BB'])(0, 1)).toBe(3);
  });

  it('tpow raises the spell lengths before subtracting 1', () => {
    // AAAB vs AB: l'(A3) = 3^2 - 1 = 8 vs l'(A1) = 0: A3~A1 = 0.5 x 8 = 4 < delete A3 (1 + 4) + insert A1 (1)
    expect(kernel(['AAAB', 'AB'], { tpow: 2 })(0, 1)).toBe(4);
    expect(kernel(['AAAB', 'AB'])(0, 1)).toBe(1); // tpow 1: 0.5 x (2 - 0)
  });

  it('per-state indels price whole spells; an empty sequence inserts them all', () => {
    // AAB vs B, indel A = 2, B = 1: delete A2 (2 + 0.5) = 2.5; or A2->B1 (2 + 0.5 x 1) + delete B1 (1) = 3.5
    expect(kernel(['AAB', 'B'], { indel: [2, 1] })(0, 1)).toBe(2.5);
    // '' vs AAB: insert A2 (1.5) and B1 (1)
    expect(kernel(['', 'AAB'])(0, 1)).toBe(2.5);
  });

  it('d(x, x) = 0 and symmetric', () => {
    const rows = ['AAB', 'ABBB', 'BA', 'A', 'BBBB'];
    const d = kernel(rows, { tpow: 0.5 });
    for (let a = 0; a < rows.length; a++) {
      expect(d(a, a)).toBe(0);
      for (let b = 0; b < rows.length; b++) expect(d(a, b)).toBe(d(b, a));
    }
  });

  it('normalises as OM on the lengths in months', () => {
    // AAB vs AB: raw 0.5; M = |3 - 2| x 1 + min(3, 2) x maxSub
    expect(kernel(['AAB', 'AB'], { norm: 'maxdist' })(0, 1)).toBe(0.5 / 5); // maxSub = min(2, 2 indel) = 2
    expect(kernel(['AAB', 'AB'], { norm: 'YujianBo' })(0, 1)).toBeCloseTo((2 * 0.5) / (0.5 + 5), 15); // maxSub = 2 indel
    expect(kernel(['AAB', 'AB'], { norm: 'maxlength' })(0, 1)).toBe(0.5 / 3);
  });
});
