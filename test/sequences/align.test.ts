import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { alignOnProcessTime } from '../../src/sequences/align.js';
import { createSequences, makeAlphabet, MISSING, OptionsError, VOID, type StateSequences } from '../../src/index.js';

const M = MISSING;
const V = VOID;

// 3 persons x 5 months over a=0, b=1, c=2:
//   p1: a a b c c   (length 5)
//   p2: * b c V V   (length 3, month 0 missing)
//   p3: c c a a V   (length 4)
function sample(): StateSequences {
  return createSequences({
    alphabet: makeAlphabet(['a', 'b', 'c']),
    n: 3, t: 5,
    codes: Uint8Array.from([0, 0, 1, 2, 2, M, 1, 2, V, V, 2, 2, 0, 0, V]),
    ids: ['p1', 'p2', 'p3'],
    weights: Float64Array.from([1, 2, 3]),
    timeLabels: ['2014-01', '2014-02', '2014-03', '2014-04', '2014-05'],
    covariates: aq.table({ id: ['p1', 'p2', 'p3'], start: ['2014-02', '', '2014-04'], startIdx: [4, NaN, 0] }),
  });
}

const row = (s: StateSequences, i: number) => [...s.codes.subarray(i * s.t, (i + 1) * s.t)];

describe('alignOnProcessTime', () => {
  it('firstState: month 0 is the first month in the state; rows never in it are dropped', () => {
    const s = alignOnProcessTime(sample(), { firstState: 'b' });
    // p1 from month 2 (5 - 2 = 3 months left), p2 from month 1 (3 - 1 = 2; the gap is not b), p3 never in b
    expect(s.ids).toEqual(['p1', 'p2']);
    expect([...s.weights]).toEqual([1, 2]);
    expect(s.t).toBe(3); // the longest aligned sequence
    expect(s.timeLabels).toEqual(['0', '1', '2']);
    expect([...s.lengths]).toEqual([3, 2]);
    expect(row(s, 0)).toEqual([1, 2, 2]);
    expect(row(s, 1)).toEqual([1, 2, V]);
  });

  it('firstState: a list of states starts at the first month in any of them', () => {
    const s = alignOnProcessTime(sample(), { firstState: ['c', 'b'] });
    expect([...s.lengths]).toEqual([3, 2, 4]); // starts 2, 1, 0
    expect(s.t).toBe(4);
    expect(row(s, 2)).toEqual([2, 2, 0, 0]);
  });

  it('explicit starts: -1 or NaN, a fraction, or a start at/after the last observed month mean no start', () => {
    const s = alignOnProcessTime(sample(), [-1, 0, 3]);
    expect(s.ids).toEqual(['p2', 'p3']);
    expect(row(s, 0)).toEqual([M, 1, 2]); // from month 0: the gap stays
    expect(row(s, 1)).toEqual([0, V, V]); // 4 - 3 = 1 month
    expect(alignOnProcessTime(sample(), [NaN, 3, 1.5]).n).toBe(0); // p2 has length 3: start 3 is past its end
    const empty = alignOnProcessTime(sample(), [NaN, 3, 1.5], { unstarted: 'empty', months: 2 });
    expect(empty.ids).toEqual(['p1', 'p2', 'p3']);
    expect([...empty.lengths]).toEqual([0, 0, 0]);
    expect([...empty.codes]).toEqual(new Array(6).fill(V));
  });

  it('months truncates or pads the process-time axis; lengths stay observed length - start', () => {
    expect([...alignOnProcessTime(sample(), [0, 0, 0], { months: 2 }).lengths]).toEqual([2, 2, 2]);
    const long = alignOnProcessTime(sample(), [0, 0, 0], { months: 7 });
    expect(long.timeLabels).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect([...long.lengths]).toEqual([5, 3, 4]);
    expect(() => alignOnProcessTime(sample(), [0, 0, 0], { months: -1 })).toThrow(new OptionsError('months', 'must be a whole number >= 0; got -1'));
    expect(() => alignOnProcessTime(sample(), [0, 0, 0], { months: 2.5 })).toThrow('months: must be a whole number >= 0; got 2.5');
  });

  it('column: a covariate of time labels or column indices; empty and NaN values mean no start', () => {
    const s = alignOnProcessTime(sample(), { column: 'start' });
    // p1 from 2014-02 (index 1): 4 months; p2 ''; p3 from 2014-04 (index 3): 1 month
    expect(s.ids).toEqual(['p1', 'p3']);
    expect(row(s, 0)).toEqual([0, 1, 2, 2]);
    expect(row(s, 1)).toEqual([0, V, V, V]);
    const k = alignOnProcessTime(sample(), { column: 'startIdx' });
    expect(k.ids).toEqual(['p1', 'p3']);
    expect([...k.lengths]).toEqual([1, 4]); // 5 - 4 and 4 - 0
    expect(k.covariates.array('id')).toEqual(['p1', 'p3']);
  });

  it('names what is wrong with the start', () => {
    expect(() => alignOnProcessTime(sample(), { firstState: 'x' })).toThrow('firstState: "x" is not a state of the alphabet; expected one of a, b, c');
    expect(() => alignOnProcessTime(sample(), { column: 'nope' })).toThrow('column: no covariate "nope"; expected one of id, start, startIdx');
    expect(() => alignOnProcessTime(sample(), [0, 0])).toThrow('start: 2 entries; expected one per sequence (3)');
    const bad = { ...sample(), covariates: aq.table({ id: ['p1', 'p2', 'p3'], s: ['2014-01', '2015-01', ''] }) };
    expect(() => alignOnProcessTime(bad, { column: 's' })).toThrow('month: "2015-01" is not a time label');
  });
});
