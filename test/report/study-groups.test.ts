import { describe, expect, it } from 'vitest';
import { createSequences, makeAlphabet, mapStudyGroups, orderStates } from '../../src/index.js';
import { MISSING, VOID } from '../../src/sequences/types.js';

const STATES = ['trial', 'work_jc', 'work', 'none'];
const [TRIAL, JC, WORK, NONE] = [0, 1, 2, 3];

/** Sequences of 12 months of four recognisable kinds, 5 rows each, in the given cluster order. */
function fourKinds(clusterOf: Record<string, number>) {
  const kinds: Record<string, number[]> = {
    quick: [TRIAL, JC, JC, WORK, WORK, WORK, WORK, WORK, WORK, WORK, WORK, WORK],
    longJobcoach: [JC, JC, JC, JC, JC, JC, JC, JC, JC, JC, JC, JC],
    noWork: [TRIAL, JC, JC, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE],
    switchers: [JC, NONE, JC, WORK, NONE, JC, NONE, WORK, JC, NONE, JC, JC],
  };
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const [kind, seq] of Object.entries(kinds)) {
    for (let r = 0; r < 5; r++) {
      rows.push(seq);
      labels.push(clusterOf[kind]);
    }
  }
  const seqs = createSequences({ alphabet: makeAlphabet(STATES), n: rows.length, t: 12, codes: Uint8Array.from(rows.flat()) });
  return { seqs, labels };
}

describe('mapStudyGroups', () => {
  it('names clusters by their profile, whatever their number', () => {
    for (const order of [[1, 2, 3, 4], [4, 3, 2, 1], [2, 4, 1, 3]]) {
      const clusterOf = { quick: order[0], longJobcoach: order[1], noWork: order[2], switchers: order[3] };
      const { seqs, labels } = fourKinds(clusterOf);
      const { ids, groups } = mapStudyGroups(seqs, labels);
      expect(groups.map((g) => g.key)).toEqual(['quick', 'longJobcoach', 'noWork', 'switchers']);
      expect(groups.map((g) => g.label)).toEqual(['quickly without jobcoach', 'long-term jobcoaching', 'ends without work', 'switchers']);
      // rows 0-4 are the quick kind: id 1 whatever cluster number they had
      expect(Array.from(ids.subarray(0, 5))).toEqual([1, 1, 1, 1, 1]);
      expect(Array.from(ids.subarray(15, 20))).toEqual([4, 4, 4, 4, 4]);
      expect(groups[0].profile.cluster).toBe(clusterOf.quick);
      expect(groups[0].profile.work).toBe(1);
      expect(groups[3].profile.transitionsPerYear).toBeCloseTo((12 * 10) / 12, 12); // 10 changes in 12 months
    }
  });

  it('numbers clusters beyond the four by size', () => {
    const { seqs, labels } = fourKinds({ quick: 1, longJobcoach: 2, noWork: 3, switchers: 4 });
    // split the long-jobcoaching rows: 3 stay in cluster 2, 2 form cluster 5
    labels[8] = 5;
    labels[9] = 5;
    const { groups } = mapStudyGroups(seqs, labels);
    expect(groups.map((g) => g.key)).toEqual(['quick', 'longJobcoach', 'noWork', 'switchers', null]);
    expect(groups[4]).toMatchObject({ id: 5, label: 'other 5' });
  });

  it('needs the study states and four clusters', () => {
    const { labels } = fourKinds({ quick: 1, longJobcoach: 2, noWork: 3, switchers: 4 });
    const other = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 20, t: 1, codes: new Uint8Array(20) });
    expect(() => mapStudyGroups(other, labels)).toThrow(/work, work_jc and none/);
    const { seqs } = fourKinds({ quick: 1, longJobcoach: 2, noWork: 3, switchers: 3 });
    expect(() => mapStudyGroups(seqs, labels.map((c) => Math.min(c, 3)))).toThrow(/3 clusters/);
  });
});

describe('orderStates', () => {
  it('puts the study states first, keeps gaps and censoring, and relabels', () => {
    const seqs = createSequences({
      alphabet: makeAlphabet(['none', 'sheltered', 'trial', 'work', 'work_jc']),
      n: 2, t: 4, codes: Uint8Array.from([2, 4, MISSING, 0, 1, 3, VOID, VOID]),
    });
    const s = orderStates(seqs, STATES, { none: 'no work' });
    expect(s.alphabet.codes).toEqual(['trial', 'work_jc', 'work', 'none', 'sheltered']);
    expect(s.alphabet.labels).toEqual(['trial', 'work_jc', 'work', 'no work', 'sheltered']);
    expect(Array.from(s.codes)).toEqual([0, 1, MISSING, 3, 4, 2, VOID, VOID]);
    expect(Array.from(s.lengths)).toEqual([4, 2]);
  });
});
