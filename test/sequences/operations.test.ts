import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import {
  alignOnProcessTime, createSequences, makeAlphabet, MISSING, OptionsError, selectRows, subsetMonths, VOID,
  type StateSequences,
} from '../../src/index.js';

const M = MISSING;
const V = VOID;

// 3 persons x 5 months over states a=0, b=1, c=2.
//   p1: a a b b c
//   p2: * a c V V   (censored after month 2)
//   p3: b b b a a
function sample(): StateSequences {
  return createSequences({
    alphabet: makeAlphabet(['a', 'b', 'c']),
    n: 3, t: 5,
    codes: Uint8Array.from([0, 0, 1, 1, 2, M, 0, 2, V, V, 1, 1, 1, 0, 0]),
    ids: ['p1', 'p2', 'p3'],
    weights: Float64Array.from([1, 2, 3]),
    timeLabels: ['2014-01', '2014-02', '2014-03', '2014-04', '2014-05'],
    covariates: aq.table({ id: ['p1', 'p2', 'p3'], sex: ['f', 'm', 'f'], start: ['2014-02', null, '2014-04'] }),
    cellAttributes: {
      hours: { kind: 'number', values: Float64Array.from({ length: 15 }, (_, k) => k) },
      employer: { kind: 'category', values: Int32Array.from({ length: 15 }, (_, k) => k % 2), levels: ['e1', 'e2'] },
    },
  });
}

function rowCodes(s: StateSequences, i: number): number[] {
  return [...s.codes.subarray(i * s.t, (i + 1) * s.t)];
}

describe('selectRows', () => {
  it('keeps codes, lengths, ids, weights, covariates and cell attributes in step', () => {
    const s = selectRows(sample(), [2, 0, 2]);
    expect(s.n).toBe(3);
    expect(s.ids).toEqual(['p3', 'p1', 'p3']);
    expect([...s.weights]).toEqual([3, 1, 3]);
    expect([...s.lengths]).toEqual([5, 5, 5]);
    expect(rowCodes(s, 0)).toEqual([1, 1, 1, 0, 0]);
    expect(rowCodes(s, 1)).toEqual([0, 0, 1, 1, 2]);
    expect(s.covariates.array('sex')).toEqual(['f', 'f', 'f']);
    expect(s.covariates.array('id')).toEqual(['p3', 'p1', 'p3']);
    expect([...s.cellAttributes.hours.values.subarray(0, 5)]).toEqual([10, 11, 12, 13, 14]);
    expect([...s.cellAttributes.employer.values.subarray(5, 10)]).toEqual([0, 1, 0, 1, 0]);
  });

  it('reads covariates in their visible order when the table is ordered', () => {
    const base = sample();
    const ordered = { ...base, covariates: base.covariates.orderby(aq.desc('id')) };
    expect(selectRows(ordered, [0]).covariates.array('id')).toEqual(['p3']);
  });

  it('rejects rows that do not exist', () => {
    expect(() => selectRows(sample(), [3])).toThrow(/0\.\.2/);
    expect(() => selectRows(sample(), [0.5])).toThrow(OptionsError);
  });
});

describe('subsetMonths', () => {
  it('slices by label and shortens censored rows', () => {
    const s = subsetMonths(sample(), '2014-02', '2014-04');
    expect(s.t).toBe(3);
    expect(s.timeLabels).toEqual(['2014-02', '2014-03', '2014-04']);
    expect([...s.lengths]).toEqual([3, 2, 3]);
    expect(rowCodes(s, 0)).toEqual([0, 1, 1]);
    expect(rowCodes(s, 1)).toEqual([0, 2, V]);
    expect([...s.cellAttributes.hours.values]).toEqual([1, 2, 3, 6, 7, 8, 11, 12, 13]);
    expect(s.covariates.numRows()).toBe(3);
  });

  it('slices by index, empties rows censored before the window', () => {
    const s = subsetMonths(sample(), 3);
    expect(s.t).toBe(2);
    expect([...s.lengths]).toEqual([2, 0, 2]);
    expect(rowCodes(s, 1)).toEqual([V, V]);
  });

  it('names the valid range on bad months', () => {
    expect(() => subsetMonths(sample(), '2013-12')).toThrow(/2014-01 \.\. 2014-05/);
    expect(() => subsetMonths(sample(), 4, 2)).toThrow(/empty/);
    expect(() => subsetMonths(sample(), 9)).toThrow(/0\.\.4/);
  });
});

describe('alignOnProcessTime', () => {
  it('starts each row at its first month in a state', () => {
    const s = alignOnProcessTime(sample(), { firstState: 'b' });
    // p1 starts at month 2, p2 never in b (dropped), p3 at month 0
    expect(s.ids).toEqual(['p1', 'p3']);
    expect(s.t).toBe(5);
    expect(s.timeLabels).toEqual(['0', '1', '2', '3', '4']);
    expect([...s.lengths]).toEqual([3, 5]);
    expect(rowCodes(s, 0)).toEqual([1, 1, 2, V, V]);
    expect([...s.cellAttributes.hours.values.subarray(0, 5)]).toEqual([2, 3, 4, NaN, NaN]);
    expect(s.covariates.array('sex')).toEqual(['f', 'f']);
    expect([...s.weights]).toEqual([1, 3]);
  });

  it('takes explicit start indices and keeps unstarted rows empty on request', () => {
    const s = alignOnProcessTime(sample(), [1, -1, 3], { unstarted: 'empty', months: 3 });
    expect(s.ids).toEqual(['p1', 'p2', 'p3']);
    expect([...s.lengths]).toEqual([3, 0, 2]);
    expect(rowCodes(s, 0)).toEqual([0, 1, 1]);
    expect(rowCodes(s, 2)).toEqual([0, 0, V]);
  });

  it('reads the start month from a covariate', () => {
    const s = alignOnProcessTime(sample(), { column: 'start' });
    expect(s.ids).toEqual(['p1', 'p3']);
    expect(rowCodes(s, 0)).toEqual([0, 1, 1, 2]);
    expect(rowCodes(s, 1)).toEqual([0, 0, V, V]);
  });

  it('keeps a missing start month as missing and rejects unknown states or labels', () => {
    const s = alignOnProcessTime(sample(), [0, 0, 0]);
    expect(rowCodes(s, 1)).toEqual([M, 0, 2, V, V]);
    expect(() => alignOnProcessTime(sample(), { firstState: 'x' })).toThrow(/a, b, c/);
    expect(() => alignOnProcessTime(sample(), { column: 'nope' })).toThrow(/sex/);
  });
});
