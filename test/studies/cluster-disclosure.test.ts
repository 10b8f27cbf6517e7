import { describe, expect, it } from 'vitest';
import { createSequences, makeAlphabet } from '../../src/index.js';
import { meanTime } from '../../src/describe/mean-time.js';
import { selectRows } from '../../src/sequences/select.js';
import { controlClusters } from '../../src/studies/cluster-disclosure.js';
import type { ClusterNaming } from '../../src/studies/cluster-names.js';

const alphabet = makeAlphabet(['work', 'none', 'school']);
/** Sequences from strings of w / n / s, with a cluster per row. */
function panel(groups: [number, string, number][]) {
  const rows = groups.flatMap(([cluster, seq, times]) => Array.from({ length: times }, () => ({ cluster, seq })));
  const t = rows[0].seq.length;
  const code = { w: 0, n: 1, s: 2 } as const;
  const codes = Uint8Array.from(rows.flatMap((r) => [...r.seq].map((ch) => code[ch as keyof typeof code])));
  const seqs = createSequences({ alphabet, n: rows.length, t, codes });
  const ids = Int32Array.from(rows, (r) => r.cluster);
  const naming: ClusterNaming = { ids, groups: [1, 2, 3].map((id) => ({ id, cluster: id, key: null, name: null, profile: { work_at_end: NaN, transitions_per_year: 0.5 } })) };
  const meanTimes = Object.fromEntries([1, 2, 3].map((id) => [id, meanTime(selectRows(seqs, [...ids.keys()].filter((i) => ids[i] === id))).mean]));
  return { seqs, naming, meanTimes };
}

describe('controlClusters: the cluster table under disclosure control', () => {
  const { seqs, naming, meanTimes } = panel([
    [1, 'wwww', 9], [1, 'nnnn', 3],
    [2, 'wwww', 12], [2, 'wwnn', 3],
    [3, 'nnww', 20], [3, 'wwnn', 14], [3, 'sssn', 1],
  ]);
  const safe = controlClusters(seqs, naming, meanTimes, { minCell: 10 });

  it('suppresses a share at the end resting on fewer than 10 persons, and one that 1 minus a small unpublished share gives away', () => {
    expect(safe.profiles[1].work_at_end).toBeNaN(); // 9 persons
    expect(safe.profiles[2].work_at_end).toBeNaN(); // 12 persons, but none at the end (3) = 1 - work
    expect(safe.profiles[3].work_at_end).toBeCloseTo(20 / 35, 12);
    expect(safe.profiles[3].transitions_per_year).toBe(0.5);
  });

  it('suppresses mean months resting on one person, and one more of the months that add up to the length', () => {
    const m3 = Array.from(safe.meanTimes[3]);
    expect(m3[2]).toBeNaN(); // school: 1 person
    expect(m3.filter(Number.isNaN)).toHaveLength(2);
    // cluster 2: months without work rest on 3 persons, so months in work (4 minus them) go too
    expect(Array.from(safe.meanTimes[2])).toEqual([NaN, NaN, 0]);
  });

  it('publishes the sizes and logs every cell with its rule', () => {
    expect(safe.sizes[1]).toEqual({ persons: 12, weight: 12, share: 12 / 62 });
    const rule = (cell: string) => safe.log.find((l) => l.cell === cell)?.rule;
    expect([rule('1.work_at_end'), rule('1.none_at_end'), rule('2.work_at_end'), rule('2.none_at_end'), rule('3.months_school')]).toEqual(['primary', 'primary', 'secondary', 'primary', 'primary']);
    expect(safe.log.find((l) => l.cell === '2.none_at_end')?.persons).toBe('<10');
    expect(safe.cellsPerRule.primary).toBeGreaterThan(0);
  });
});
