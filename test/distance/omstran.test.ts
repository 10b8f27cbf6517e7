// OMstran (OM of transitions) on small cases computed by hand from src/distance/omstran.ts.
import { describe, expect, test } from 'vitest';
import { distanceAt, distances, distancesToReferences, OptionsError, ResourceError } from '../../src/index.js';
import { letters } from './helpers.js';

const SM = [[0, 2], [2, 0]];
const rows = ['A', 'AB', 'ABB', 'BAA'];

describe('OMstran', () => {
  // sm 2, indel 1, otto 0.5: rate r = 1 / 2, sm' = 1, indel' = 0.5, state indel 0.25, tw = 0.5 x 0.5 = 0.25.
  // Tokens (first, next): AA, BB cost 0.25 to insert; AB, BA 0.25 + 0.25 = 0.5.
  test('tokens and their costs', async () => {
    const m = await distances(letters(rows, 'AB'), { method: 'OMstran', sm: SM, indel: 1, otto: 0.5 });
    // A = [AA], AB = [AB, BB]: AA -> AB costs 0.5 x 0 + 0.25 + 0.5 - 0.25 - 0.25 = 0.25, insert BB 0.25
    expect(distanceAt(m, 0, 1)).toBe(0.5);
    // AB = [AB, BB], ABB = [AB, BB, BB]: insert BB
    expect(distanceAt(m, 1, 2)).toBe(0.25);
    // TraMineR 2.2-12: seqdist(s, "OMstran", sm, indel = 1, otto = 0.5) row 4: 0.75, 1.25, 1.50
    expect([distanceAt(m, 3, 0), distanceAt(m, 3, 1), distanceAt(m, 3, 2)]).toEqual([0.75, 1.25, 1.5]);
  });

  test('previous and add.column', async () => {
    const seqs = letters(rows, 'AB');
    // with previous, tw is halved and tokens carry two transitions: here the same distances (TraMineR agrees)
    const prev = await distances(seqs, { method: 'OMstran', sm: SM, indel: 1, otto: 0.5, previous: true });
    expect(distanceAt(prev, 3, 2)).toBe(1.5);
    // without add.column the last month makes no token: A = [], BAA = [BA, AA]: insert both = 0.5 + 0.25
    const cut = await distances(seqs, { method: 'OMstran', sm: SM, indel: 1, otto: 0.5, addColumn: false });
    expect(distanceAt(cut, 0, 3)).toBe(0.75);
    expect(distanceAt(cut, 2, 3)).toBe(1); // TraMineR: 1.00
  });

  test('transindel subcost and prob', async () => {
    const seqs = letters(['AB', 'AA'], 'AB');
    // subcost: a change A->B costs sm'(A, B) = 1, as with constant here
    const sub = await distances(seqs, { method: 'OMstran', sm: SM, indel: 1, otto: 0.5, transindel: 'subcost' });
    const constant = await distances(seqs, { method: 'OMstran', sm: SM, indel: 1, otto: 0.5 });
    expect(sub.values).toEqual(constant.values);
    // prob: transitions A->B once, A->A once: p(B | A) = 1/2, AB's indel 0.25 + 0.25 x 0.5 = 0.375;
    // AB = [AB, BB], AA = [AA, AA]: AB -> AA = 0.375 + 0.25 - 0.5 = 0.125, BB -> AA = 0.5 + 0.25 + 0.25 - 0.5 = 0.5
    const prob = await distances(seqs, { method: 'OMstran', sm: SM, indel: 1, otto: 0.5, transindel: 'prob' });
    expect(distanceAt(prob, 0, 1)).toBe(0.625);
  });

  test('references share the token alphabet', async () => {
    const seqs = letters(['AABBA', 'ABBBB', 'BA', 'AAB', 'BBBA'], 'AB');
    const options = { method: 'OMstran', sm: 'TRATE', otto: 0.3, norm: 'auto' } as const;
    const m = await distances(seqs, options);
    const toRefs = await distancesToReferences(seqs, letters(['BBBA', 'AB'], 'AB'), options);
    for (let i = 0; i < seqs.n; i++) expect(toRefs[i * 2]).toBeCloseTo(distanceAt(m, i, 4), 14);
  });

  test('otto is required and within [0, 1]; at most 255 tokens', async () => {
    const seqs = letters(rows, 'AB');
    await expect(distances(seqs, { method: 'OMstran', sm: SM })).rejects.toThrow(OptionsError);
    await expect(distances(seqs, { method: 'OMstran', sm: SM, otto: 1.5 })).rejects.toThrow(/otto/);
    const many = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const every = Array.from({ length: 26 }, (_, i) => Array.from({ length: 26 }, (_, j) => many[i] + many[j] + many[i]).join(''));
    await expect(distances(letters(every, many), { method: 'OMstran', sm: 'CONSTANT', otto: 0.5 })).rejects.toThrow(ResourceError);
  });
});
