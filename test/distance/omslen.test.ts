// OMslen (spell-length sensitive OM) on small cases computed by hand.
import { describe, expect, test } from 'vitest';
import { distanceAt, distances } from '../../src/index.js';
import { letters } from './helpers.js';

const SM = [[0, 2], [2, 0]];
const rows = ['A', 'AB', 'ABB', 'BAA'];

describe('OMslen', () => {
  test('months of long spells cost less to insert: indel x L^-h', async () => {
    const m = await distances(letters(rows, 'AB'), { method: 'OMslen', sm: SM, indel: 1, h: 0.5 });
    expect(distanceAt(m, 0, 1)).toBe(1); // insert a spell of 1 month
    expect(distanceAt(m, 0, 2)).toBeCloseTo(2 * 2 ** -0.5, 14); // insert both months of a 2-month spell
    expect(distanceAt(m, 1, 2)).toBeCloseTo(2 ** -0.5, 14);
    // TraMineR 2.2-12: seqdist(s, "OMslen", sm, indel = 1, link = "mean", h = 0.5)[3, 4] = 3.121320
    expect(distanceAt(m, 2, 3)).toBeCloseTo(3.1213203, 7);
  });

  test('link mean: sm / 2 x (w_i + w_j); link gmean: sm x sqrt(w_i w_j)', async () => {
    // AB vs AA, indel 5 (no indels): the B (weight 1) becomes an A of a 2-month spell (weight 2^-h)
    const seqs = letters(['AB', 'AA'], 'AB');
    const h = 1;
    const mean = await distances(seqs, { method: 'OMslen', sm: SM, indel: 5, h });
    expect(distanceAt(mean, 0, 1)).toBeCloseTo((2 / 2) * (1 + 0.5), 14);
    const gmean = await distances(seqs, { method: 'OMslen', sm: SM, indel: 5, h, link: 'gmean' });
    expect(distanceAt(gmean, 0, 1)).toBeCloseTo(2 * Math.sqrt(0.5), 14);
  });

  test('h = 0 is OM', async () => {
    const seqs = letters(['AABBA', 'ABBBB', 'BA', 'AAB'], 'AB');
    const slen = await distances(seqs, { method: 'OMslen', sm: SM, indel: 1.5, h: 0 });
    const om = await distances(seqs, { method: 'OM', sm: SM, indel: 1.5 });
    expect(slen.values).toEqual(om.values);
  });

  test('normalisation: 2 maxscost of sm / 2 per aligned month with mean', async () => {
    // A vs AB: d = 1, maxdist M = |1 - 2| x 1 + 2 x min(1, 2) x 1 = 3 (maxscost = min(max(sm / 2), 2 indel) = 1)
    const m = await distances(letters(['A', 'AB'], 'AB'), { method: 'OMslen', sm: SM, indel: 1, norm: 'maxdist' });
    expect(distanceAt(m, 0, 1)).toBeCloseTo(1 / 3, 14);
  });
});
