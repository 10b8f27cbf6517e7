// OMloc (localised OM) on small cases computed by hand from the recurrence of src/distance/omloc.ts.
import { describe, expect, test } from 'vitest';
import { distanceAt, distances, OptionsError, type DistanceOptions } from '../../src/index.js';
import { letters } from './helpers.js';

const SM = [[0, 2], [2, 0]];
const rows = ['A', 'AB', 'ABB', 'BAA'];

describe('OMloc', () => {
  test('context 0: every indel costs expcost x maxscost, so OMloc is OM with that indel', async () => {
    // expcost 0.5: indel = max(sm) 0.5 + 0 = 1, maxscost = min(2, 2 indel) = 2, each indel 0.5 x 2 = 1
    const m = await distances(letters(rows, 'AB'), { method: 'OMloc', sm: SM, expcost: 0.5, context: 0 });
    expect(distanceAt(m, 0, 1)).toBe(1); // insert B
    expect(distanceAt(m, 2, 3)).toBe(4); // ABB -> BAA: delete A, insert A (2), then B -> A (2)
  });

  test('the neighbours of an indel make it dearer when they differ from it', async () => {
    // expcost 0.25, context 1: indel(s | p, q) = 0.25 x 2 + (sm(p, s) + sm(q, s)) / 2
    const m = await distances(letters(rows, 'AB'), { method: 'OMloc', sm: SM, expcost: 0.25, context: 1 });
    // A -> AB: insert B next to A, A (x_0 = x_1): 0.5 + (2 + 2) / 2 = 2.5 = substituting after inserting A (0.5 + 2)
    expect(distanceAt(m, 0, 1)).toBe(2.5);
    // AB -> ABB: insert B between B and B... its cheapest context is (A, B) or (B, B): 0.5 + 1 = 1.5
    expect(distanceAt(m, 1, 2)).toBe(1.5);
    // the same matrix from TraMineR 2.2-12 (seqdist(s, "OMloc", sm, expcost = 0.25, context = 1))
    expect(distanceAt(m, 0, 2)).toBe(5);
    expect(distanceAt(m, 0, 3)).toBe(3);
    expect(distanceAt(m, 1, 3)).toBe(4.5);
    expect(distanceAt(m, 2, 3)).toBe(6);
  });

  test('context defaults to 1 - 2 expcost; norm auto is YujianBo with maxscost 2 indel', async () => {
    const seqs = letters(rows, 'AB');
    const byDefault = await distances(seqs, { method: 'OMloc', sm: SM, expcost: 0.25 });
    const explicit = await distances(seqs, { method: 'OMloc', sm: SM, expcost: 0.25, context: 0.5 });
    expect(byDefault.values).toEqual(explicit.values);
    // YujianBo: indel = 2 x 0.25 + 0.5 = 1, maxscost = 2, timeCost = 0.25 x 2 = 0.5; A -> AB = 0.5 + 0.5 (2 + 2) / 2 = 1.5,
    // 2d / (d + M) with M = |1 - 2| x 1 + 2 x 1 = 3
    const norm = await distances(seqs, { method: 'OMloc', sm: SM, expcost: 0.25, norm: 'auto' });
    expect(distanceAt(norm, 0, 1)).toBeCloseTo((2 * 1.5) / (1.5 + 3), 14);
  });

  test('options TraMineR refuses', async () => {
    const seqs = letters(rows, 'AB');
    const fail = (o: Partial<DistanceOptions>) => distances(seqs, { method: 'OMloc', sm: SM, ...o });
    await expect(fail({ expcost: 0.75 })).rejects.toThrow(/context/);
    await expect(fail({ expcost: -1, context: 1 })).rejects.toThrow(OptionsError);
    await expect(distances(letters(['A', ''], 'AB'), { method: 'OMloc', sm: SM })).rejects.toThrow(/non-empty/);
    await expect(fail({ sm: [[0, 1], [2, 0]] })).rejects.toThrow(/symmetric/);
  });
});
