import { describe, expect, it } from 'vitest';
import { describeClusters, relabelBySize, spellLabel } from '../../src/cluster/index.js';
import { createSequences, makeAlphabet } from '../../src/sequences/index.js';
import { lineDistances } from './helpers.js';

const alphabet = makeAlphabet(['trial', 'work_jc', 'work', 'none'], { labels: { none: 'no work' } });
/** Sequences from strings of state indices, e.g. '0111222222'. */
function seqsOf(rows: string[], weights?: number[]) {
  const t = rows[0].length;
  const codes = Uint8Array.from(rows.join(''), (ch) => Number(ch));
  return createSequences({ alphabet, n: rows.length, t, codes, weights: weights ? Float64Array.from(weights) : undefined });
}

describe('spellLabel', () => {
  it('writes spells with lengths, the last without', () => {
    const s = seqsOf(['1111112222']);
    expect(spellLabel(s, 0)).toBe('work_jc 6m -> work');
  });

  it('drops short spells and joins what they separated', () => {
    const s = seqsOf(['0111113111222222']);
    // trial 1m and none 1m are shorter than 3 months: work_jc 5m + 3m join.
    expect(spellLabel(s, 0)).toBe('work_jc 8m -> work');
    expect(spellLabel(s, 0, { minSpell: 1, maxSpells: 5 })).toBe('trial 1m -> work_jc 5m -> none 1m -> work_jc 3m -> work');
    // the three longest (work 6, work_jc 5, work_jc 3) in time order
    expect(spellLabel(s, 0, { minSpell: 1 })).toBe('work_jc 8m -> work');
  });

  it('keeps the longest spells and can use labels', () => {
    const s = seqsOf(['333111122223333333']);
    // none 7m, then work_jc 4m before work 4m (the earlier on ties)
    expect(spellLabel(s, 0, { maxSpells: 2 })).toBe('work_jc 4m -> none');
    expect(spellLabel(s, 0, { useLabels: true, maxSpells: 4 })).toBe('no work 3m -> work_jc 4m -> work 4m -> no work');
  });
});

describe('describeClusters', () => {
  const s = seqsOf(['1122', '1122', '1112', '3333', '3330'], [1, 1, 2, 1, 3]);
  const labels = [1, 1, 1, 2, 2];

  it('sizes, shares, medoids, representatives and mean time', () => {
    const [a, b] = describeClusters(s, labels, { medoids: [0, 3], label: { minSpell: 1 } });
    expect([a.size, a.weight, a.share]).toEqual([3, 4, 0.5]);
    expect(a.label).toBe('work_jc 2m -> work');
    expect(a.representatives.map((r) => [r.row, r.share])).toEqual([[0, 0.5], [2, 0.5]]);
    // mean months in work_jc: (2 + 2 + 2 * 3) / 4
    expect(a.meanTime[1]).toBe(2.5);
    expect(b.representatives[0]).toEqual({ row: 4, share: 0.75, label: 'none 3m -> trial' });
  });

  it('finds medoids from a matrix', () => {
    const m = lineDistances([0, 0, 1, 10, 11]);
    const d = describeClusters(s, labels, { matrix: m });
    expect(d.map((c) => c.medoid)).toEqual([0, 4]);
  });
});

describe('relabelBySize', () => {
  it('numbers clusters by decreasing weight, ties in old order', () => {
    const r = relabelBySize([1, 2, 2, 3, 2, 3], { medoids: [10, 20, 30] });
    expect(Array.from(r.labels)).toEqual([3, 1, 1, 2, 1, 2]);
    expect(Array.from(r.from)).toEqual([2, 3, 1]);
    expect(Array.from(r.medoids!)).toEqual([20, 30, 10]);
    expect(Array.from(relabelBySize([1, 2, 2], { weights: [5, 1, 1] }).labels)).toEqual([1, 2, 2]);
  });
});
