// Per-sequence indicators of seqindic, hand-computed on one small sequence with a gap and on a censored one.
import { describe, expect, it } from 'vitest';
import {
  complexity, createSequences, durationSpread, makeAlphabet, MISSING, positiveIntegration, positiveShare,
  positiveVolatility, recurrence, sequenceLength, spellCount, stateIntegration, subsequenceCount, transitionCount,
  turbulence, visitedStates, VOID, volatility, withinEntropy, type StateSequences,
} from '../../src/index.js';

const M = MISSING;
const V = VOID;

// States a, b, c (c never occurs). r0: a a * b a; r1: b b a V V (censored after 3 months).
function two(): StateSequences {
  return createSequences({ alphabet: makeAlphabet(['a', 'b', 'c']), n: 2, t: 5, codes: Uint8Array.from([0, 0, M, 1, 0, 1, 1, 0, V, V]) });
}

const h = (...p: number[]) => -p.reduce((acc, x) => acc + x * Math.log(x), 0);

describe('basic indicators on a a * b a', () => {
  const s = two();
  it('lengths, spells, visited states, recurrence', () => {
    expect([...sequenceLength(s)]).toEqual([5, 3]);
    expect([...sequenceLength(s, { withMissing: false })]).toEqual([4, 3]);
    expect([...spellCount(s)]).toEqual([3, 2]); // a(2 observed) b a; b b a
    expect([...spellCount(s, { withMissing: true })]).toEqual([4, 2]); // a * b a
    expect([...visitedStates(s)]).toEqual([2, 2]);
    expect([...visitedStates(s, { proportion: true, withMissing: true })]).toEqual([3 / 4, 2 / 4]);
    expect([...recurrence(s)]).toEqual([1.5, 1]);
    expect([...transitionCount(s, { normalize: true })]).toEqual([2 / 4, 1 / 2]);
  });

  it('durations: mean, variance and largest variance, types 1 and 2', () => {
    // durations 2, 1, 1: mean 4/3, variance 2/9, s2max = 2 (1 - 4/3)^2 = 2/9
    const d1 = durationSpread(s);
    expect(d1.mean[0]).toBeCloseTo(4 / 3, 15);
    expect(d1.variance[0]).toBeCloseTo(2 / 9, 15);
    expect(d1.maxVariance[0]).toBeCloseTo(2 / 9, 15);
    // type 2 counts c as a spell of 0: mean 4/4, variance (1 + 0 + 0 + 1) / 4; nvmax 1, m' 1, L 4:
    // s2max = (2 x 0 + (4 - 3 + 1 - 1)^2 + 1) / 4
    const d2 = durationSpread(s, { type: 2 });
    expect([d2.mean[0], d2.variance[0], d2.maxVariance[0]]).toEqual([1, 0.5, 0.5]);
  });

  it('subsequences, turbulence (raw and normalised), volatility, complexity', () => {
    expect([...subsequenceCount(s)]).toEqual([7, 4]); // aba: -, a, b, aa, ab, ba, aba
    expect(turbulence(s)[0]).toBeCloseTo(Math.log2(7), 14);
    expect(turbulence(s, { type: 2 })[0]).toBeCloseTo(Math.log2(7), 14);
    // the most turbulent sequence of length 5 over a, b, c is a b c a b: 28 subsequences
    expect(turbulence(s, { normalize: true })[0]).toBeCloseTo((Math.log2(7) - 1) / (Math.log2(28) - 1), 14);
    expect(volatility(s)[0]).toBeCloseTo(0.5 * (1 / 2) + 0.5 * (2 / 4), 15);
    expect(volatility(s, { w: 1, adjust: false })[0]).toBeCloseTo(2 / 3, 15);
    expect(complexity(s)[0]).toBeCloseTo(Math.sqrt(0.5 * (h(0.75, 0.25) / Math.log(3))), 15);
    expect(withinEntropy(s, { withMissing: true })[0]).toBeCloseTo(h(0.6, 0.2, 0.2) / Math.log(4), 15);
  });
});

describe('positive-state indicators (a positive) on a a * b a', () => {
  const s = two();
  const pos = { posStates: ['a'] };
  it('share of positive months and of positive spells', () => {
    expect([...positiveShare(s, pos)]).toEqual([3 / 4, 1 / 3]);
    expect([...positiveShare(s, { ...pos, spells: true })]).toEqual([2 / 3, 1 / 2]);
    expect([...positiveShare(s, { ...pos, withMissing: true })]).toEqual([3 / 5, 1 / 3]);
  });
  it('volatility of the p/n sequence: the gap drops out and shortens the row from its end, as TraMineR', () => {
    // p p _ n p read over 4 cells: spells p n, 1 transition in 3; 2 states of 2 visited
    expect(positiveVolatility(s, pos)[0]).toBeCloseTo(0.5 * 1 + 0.5 * (1 / 3), 15);
  });
  it('integration: positions of positive months over all observed positions', () => {
    expect(positiveIntegration(s, pos)[0]).toBeCloseTo(8 / 12, 15);
    expect(positiveIntegration(s, { ...pos, pow: 0 })[0]).toBeCloseTo(3 / 4, 15);
    // with withMissing the denominator keeps every month, censored ones too
    expect(stateIntegration(s, 'a', { withMissing: true })[1]).toBeCloseTo(3 / 15, 15);
    expect(stateIntegration(s, 'a')[1]).toBeCloseTo(3 / 6, 15);
  });
  it('rejects unknown states and a missing list', () => {
    expect(() => positiveShare(s, { posStates: ['x'] })).toThrow(/posStates: unknown state/);
    expect(() => positiveShare(s, {})).toThrow(/posStates/);
  });
});
