// NMS, NMSMST and SVRspell on small cases computed by hand from the subsequence counts.
import { describe, expect, test } from 'vitest';
import { distanceAt, distances, OptionsError } from '../../src/index.js';
import { letters } from './helpers.js';

const rows = ['A', 'AB', 'ABB', 'BAA'];

describe('NMS', () => {
  test('d^2 = I + J - 2A from the matching subsequences', async () => {
    const m = await distances(letters(rows, 'AB'), { method: 'NMS' });
    // A: {A} -> I = 1; AB: A, B, AB -> J = 3; common: A -> A = 1; d^2 = 1 + 3 - 2 = 2
    expect(distanceAt(m, 0, 1)).toBeCloseTo(Math.SQRT2, 14);
    // ABB: embeddings A, B, B, AB, AB, BB, ABB; phi_k counts pairs of embeddings:
    // I(ABB) = (1 + 4) + (4 + 1) + 1 = 11 (phi_1 = 1 + 2 x 2, phi_2 = 2 x 2 (AB) + 1 (BB), phi_3 = 1)
    // A(AB, ABB) = (1 + 2) + 2 = 5: d^2 = 3 + 11 - 10 = 4
    expect(distanceAt(m, 1, 2)).toBe(2);
  });

  test('kweights weigh each subsequence length; prox counts near matches', async () => {
    const seqs = letters(['AB', 'ABB'], 'AB');
    // only length 2: I = 1, J = 5, A = 2 -> d^2 = 2
    expect(distanceAt(await distances(seqs, { method: 'NMS', kweights: [0, 1] }), 0, 1)).toBeCloseTo(Math.SQRT2, 14);
    // prox = identity counts as exact matches, but phi_1 gets + 1 (TraMineR): I + J - 2A unchanged
    const exact = await distances(seqs, { method: 'NMS' });
    const identity = await distances(seqs, { method: 'NMS', prox: [[1, 0], [0, 1]] });
    expect(distanceAt(identity, 0, 1)).toBeCloseTo(distanceAt(exact, 0, 1), 14);
  });

  test('norm other than none is refused, as sm', async () => {
    const seqs = letters(rows, 'AB');
    await expect(distances(seqs, { method: 'NMS', norm: 'auto' })).rejects.toThrow(OptionsError);
    await expect(distances(seqs, { method: 'NMS', sm: 'TRATE' })).rejects.toThrow(/prox/);
  });
});

describe('NMSMST and SVRspell (on spells)', () => {
  test('NMSMST counts the minimal shared time', async () => {
    const m = await distances(letters(rows, 'AB'), { method: 'NMSMST' });
    // A: I = 1; AB: phi_1 = 1 + 1, phi_2 = min times 1 + 1 -> J = 4; A = 1: d^2 = 3
    expect(distanceAt(m, 0, 1)).toBeCloseTo(Math.sqrt(3), 14);
    // ABB = spells A(1) B(2): with tpow 1, self phi_1 = 1 + 2, phi_2 = 1 + 2 -> 6; AB vs ABB: phi_1 = 1 + 1, phi_2 = 2 -> 4
    // d^2 = 4 + 6 - 8 = 2
    expect(distanceAt(m, 1, 2)).toBeCloseTo(Math.SQRT2, 14);
  });

  test('SVRspell multiplies the durations; tpow transforms them', async () => {
    const m = await distances(letters(rows, 'AB'), { method: 'SVRspell' });
    // A: 1; AB: phi_1 = 1 + 1, phi_2 = (1 + 1)(1 + 1) = 4 -> 6; A = 1: d^2 = 5
    expect(distanceAt(m, 0, 1)).toBeCloseTo(Math.sqrt(5), 14);
    // tpow 0: every spell lasts 1, so ABB behaves as AB
    const flat = await distances(letters(['AB', 'ABB'], 'AB'), { method: 'SVRspell', tpow: 0 });
    expect(distanceAt(flat, 0, 1)).toBe(0);
  });
});
