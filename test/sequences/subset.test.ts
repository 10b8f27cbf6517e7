import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { monthIndex, subsetMonths } from '../../src/sequences/subset.js';
import { createSequences, makeAlphabet, MISSING, OptionsError, VOID, type StateSequences } from '../../src/index.js';

const M = MISSING;
const V = VOID;

// 3 persons x 5 months over a=0, b=1, c=2:
//   p1: a b c a b
//   p2: b * b V V   (a gap in month 1, censored after month 2)
//   p3: c c a a a
function sample(): StateSequences {
  return createSequences({
    alphabet: makeAlphabet(['a', 'b', 'c']),
    n: 3, t: 5,
    codes: Uint8Array.from([0, 1, 2, 0, 1, 1, M, 1, V, V, 2, 2, 0, 0, 0]),
    ids: ['p1', 'p2', 'p3'],
    weights: Float64Array.from([1, 2, 0.5]),
    timeLabels: ['2014-01', '2014-02', '2014-03', '2014-04', '2014-05'],
    covariates: aq.table({ id: ['p1', 'p2', 'p3'], age: [30, 41, 52] }),
  });
}

const row = (s: StateSequences, i: number) => [...s.codes.subarray(i * s.t, (i + 1) * s.t)];

describe('monthIndex', () => {
  it('takes a 0-based index or a time label', () => {
    expect(monthIndex(sample(), 0)).toBe(0);
    expect(monthIndex(sample(), 4)).toBe(4);
    expect(monthIndex(sample(), '2014-03')).toBe(2);
  });

  it('names the valid range of indices or labels', () => {
    for (const bad of [-1, 5, 1.5]) {
      expect(() => monthIndex(sample(), bad)).toThrow(new OptionsError('month', `${bad} does not exist; expected an index in 0..4`));
    }
    expect(() => monthIndex(sample(), '2013-12')).toThrow('month: "2013-12" is not a time label; expected one of 2014-01 .. 2014-05');
    // a label is not read as an index
    expect(() => monthIndex(sample(), '2')).toThrow(/not a time label/);
    // sequences without months
    const none = createSequences({ alphabet: makeAlphabet(['a']), n: 1, t: 0, codes: new Uint8Array(0) });
    expect(() => monthIndex(none, 0)).toThrow('month: 0 does not exist; the sequences have no months');
    expect(() => monthIndex(none, '2014-01')).toThrow('month: "2014-01" does not exist; the sequences have no months');
  });
});

describe('subsetMonths', () => {
  it('keeps months first..last inclusive (labels or indices), with ids, weights and covariates', () => {
    const s = subsetMonths(sample(), 1, '2014-03');
    expect(s.t).toBe(2); // months 1 and 2
    expect(s.timeLabels).toEqual(['2014-02', '2014-03']);
    expect(row(s, 0)).toEqual([1, 2]);
    expect(row(s, 1)).toEqual([M, 1]); // the gap stays a gap
    expect(row(s, 2)).toEqual([2, 0]);
    expect([...s.lengths]).toEqual([2, 2, 2]);
    expect(s.ids).toEqual(['p1', 'p2', 'p3']);
    expect([...s.weights]).toEqual([1, 2, 0.5]);
    expect(s.covariates.array('age')).toEqual([30, 41, 52]);
  });

  it('last defaults to the last month; a censored row is shortened or emptied', () => {
    const s = subsetMonths(sample(), 2);
    expect(s.timeLabels).toEqual(['2014-03', '2014-04', '2014-05']);
    expect([...s.lengths]).toEqual([3, 1, 3]); // p2 observed up to month 2: 3 - 2 = 1
    const late = subsetMonths(sample(), 3, 3);
    expect(late.t).toBe(1);
    expect([...late.lengths]).toEqual([1, 0, 1]);
    expect(row(late, 1)).toEqual([V]);
  });

  it('the full range is the same set; subsetting twice is one subset of the combined range', () => {
    const full = subsetMonths(sample(), 0);
    expect([...full.codes]).toEqual([...sample().codes]);
    expect([...full.lengths]).toEqual([5, 3, 5]);
    const twice = subsetMonths(subsetMonths(sample(), 1, 4), 1, 2);
    const once = subsetMonths(sample(), 2, 3);
    expect([...twice.codes]).toEqual([...once.codes]);
    expect(twice.timeLabels).toEqual(once.timeLabels);
  });

  it('refuses an empty range, naming the months as given', () => {
    expect(() => subsetMonths(sample(), '2014-04', '2014-02')).toThrow(
      new OptionsError('last', 'the month range 2014-04..2014-02 is empty: the last month comes before the first'),
    );
    expect(() => subsetMonths(sample(), 3, 1)).toThrow('last: the month range 3..1 is empty');
    expect(() => subsetMonths(sample(), 0, 5)).toThrow('month: 5 does not exist');
  });
});
