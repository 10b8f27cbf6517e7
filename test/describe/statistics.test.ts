// Hand-computed small cases for every descriptive statistic: weights, censoring (VOID), missing months.
import { describe, expect, it } from 'vitest';
import {
  complexity, createSequences, makeAlphabet, meanTime, MISSING, modalStates, randomInt, seededRandom,
  selectRows, sequenceIndicators, spellDurations, spells, stateDistribution, transitionCount,
  transitionRates, transitionRatesByMonth, turbulence, VOID, withinEntropy, type StateSequences,
} from '../../src/index.js';

const M = MISSING;
const V = VOID;
const LN3 = Math.log(3);

// States a=0, b=1, c=2 (c never occurs), 4 months.
//   r0: a a b b   w 1
//   r1: a b V V   w 2    censored after 2 months
//   r2: * a a b   w 0.5  leading gap
//   r3: b * b a   w 1    internal gap
function small(): StateSequences {
  return createSequences({
    alphabet: makeAlphabet(['a', 'b', 'c']),
    n: 4, t: 4,
    codes: Uint8Array.from([0, 0, 1, 1, 0, 1, V, V, M, 0, 0, 1, 1, M, 1, 0]),
    weights: Float64Array.from([1, 2, 0.5, 1]),
    timeLabels: ['m1', 'm2', 'm3', 'm4'],
  });
}

/** -sum p ln p of the given shares. */
function h(...p: number[]): number {
  return -p.filter((x) => x > 0).reduce((acc, x) => acc + x * Math.log(x), 0);
}

function column(x: Float64Array, t: number, j: number, S: number): number[] {
  return Array.from({ length: S }, (_, s) => x[s * t + j]);
}

describe('stateDistribution', () => {
  it('weighted frequencies, valid N and normalised entropy', () => {
    const d = stateDistribution(small());
    expect(d.states).toEqual(['a', 'b', 'c']);
    expect([...d.validN]).toEqual([4, 3.5, 2.5, 2.5]);
    expect(column(d.counts, 4, 1, 3)).toEqual([1.5, 2, 0]);
    expect(column(d.frequencies, 4, 0, 3)).toEqual([0.75, 0.25, 0]);
    expect(column(d.frequencies, 4, 2, 3)).toEqual([0.2, 0.8, 0]);
    expect(d.entropy[0]).toBeCloseTo(h(0.75, 0.25) / LN3, 14);
    expect(d.entropy[3]).toBeCloseTo(h(0.4, 0.6) / LN3, 14);
  });

  it('unweighted, with missing as a state, and without normalisation', () => {
    expect([...stateDistribution(small(), { weighted: false }).validN]).toEqual([3, 3, 3, 3]);
    const m = stateDistribution(small(), { withMissing: true });
    expect(m.states).toEqual(['a', 'b', 'c', '*']);
    expect([...m.validN]).toEqual([4.5, 4.5, 2.5, 2.5]);
    expect(m.entropy[0]).toBeCloseTo(h(3 / 4.5, 1 / 4.5, 0.5 / 4.5) / Math.log(4), 14);
    expect(stateDistribution(small(), { normalize: false }).entropy[0]).toBeCloseTo(h(0.75, 0.25), 14);
  });

  it('gives NaN for a month without valid states', () => {
    const s = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 2, t: 2, codes: Uint8Array.from([0, V, M, V]) });
    const d = stateDistribution(s);
    expect(d.validN[1]).toBe(0);
    expect(Number.isNaN(d.frequencies[1])).toBe(true);
    expect(Number.isNaN(d.entropy[1])).toBe(true);
    expect(d.entropy[0]).toBe(0);
  });
});

describe('modalStates', () => {
  it('most frequent state per month, first state on ties, VOID when empty', () => {
    const m = modalStates(small());
    expect([...m.codes]).toEqual([0, 1, 1, 1]);
    expect(m.frequencies[2]).toBeCloseTo(0.8, 15);
    const tie = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 2, t: 2, codes: Uint8Array.from([1, V, 0, V]) });
    expect([...modalStates(tie).codes]).toEqual([0, V]);
  });
});

describe('transitionRates', () => {
  it('pools moves between valid states, weighted; no moves gives a zero row', () => {
    const tr = transitionRates(small());
    // a->a 1 + 0.5, a->b 1 + 2 + 0.5, b->b 1, b->a 1; moves from or into a gap or VOID do not count
    expect([...tr.counts]).toEqual([1.5, 3.5, 0, 1, 1, 0, 0, 0, 0]);
    expect([...tr.rates]).toEqual([0.3, 0.7, 0, 0.5, 0.5, 0, 0, 0, 0]);
    expect([...transitionRates(small(), { weighted: false }).counts]).toEqual([2, 3, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('counts moves into and out of gaps with withMissing', () => {
    const tr = transitionRates(small(), { withMissing: true });
    expect(tr.states).toEqual(['a', 'b', 'c', '*']);
    // adds *->a 0.5, b->* 1, *->b 1
    expect(tr.counts[3 * 4 + 0]).toBe(0.5);
    expect(tr.counts[1 * 4 + 3]).toBe(1);
    expect(tr.rates[1 * 4 + 3]).toBeCloseTo(1 / 3, 15);
  });

  it('by month: one matrix per pair of consecutive months', () => {
    const tv = transitionRatesByMonth(small());
    expect(tv.timeLabels).toEqual(['m1', 'm2', 'm3']);
    expect(tv.rates).toHaveLength(3);
    expect([...tv.rates[0]].slice(0, 6)).toEqual([1 / 3, 2 / 3, 0, 0, 0, 0]);
    expect([...tv.rates[1]].slice(0, 3)).toEqual([0.5 / 1.5, 1 / 1.5, 0]);
    expect([...tv.rates[2]].slice(0, 6)).toEqual([0, 1, 0, 0.5, 0.5, 0]);
    // the months add up to the pooled counts
    const pooled = transitionRates(small()).counts;
    pooled.forEach((c, k) => expect(tv.counts.reduce((acc, m) => acc + m[k], 0)).toBeCloseTo(c, 14));
  });
});

describe('meanTime', () => {
  it('weighted months per state over all sequences', () => {
    const m = meanTime(small());
    expect(m.mean[0]).toBeCloseTo(6 / 4.5, 15);
    expect(m.mean[1]).toBeCloseTo(6.5 / 4.5, 15);
    expect(m.mean[2]).toBe(0);
    expect([...meanTime(small(), { weighted: false }).mean]).toEqual([6 / 4, 6 / 4, 0]);
    expect(meanTime(small(), { withMissing: true }).mean[3]).toBeCloseTo(1.5 / 4.5, 15);
  });
});

describe('spells', () => {
  it('TraMineR rule: leading gap skipped, later gaps join the spell before them without counting', () => {
    const sp = spells(small());
    expect([...sp.offsets]).toEqual([0, 2, 4, 6, 8]);
    expect([...sp.row]).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect([...sp.state]).toEqual([0, 1, 0, 1, 0, 1, 1, 0]);
    expect([...sp.start]).toEqual([0, 2, 0, 1, 1, 3, 0, 3]);
    expect([...sp.duration]).toEqual([2, 2, 1, 1, 2, 1, 2, 1]); // r3: b * b counts 2 observed months
  });

  it('gaps as spells of their own with withMissing', () => {
    const sp = spells(small(), { withMissing: true });
    expect([...sp.offsets]).toEqual([0, 2, 4, 7, 11]);
    expect([...sp.state.subarray(4)]).toEqual([M, 0, 1, 1, M, 1, 0]);
    expect([...sp.duration.subarray(7)]).toEqual([1, 1, 1, 1]);
  });

  it('duration distribution per state, weighted', () => {
    const d = spellDurations(small());
    expect(d.maxDuration).toBe(4);
    // a spells: r0 2 (w1), r1 1 (w2), r2 2 (w.5), r3 1 (w1)
    expect(d.count[0]).toBe(4.5);
    expect(d.mean[0]).toBeCloseTo((2 + 2 + 1 + 1) / 4.5, 15);
    expect([...d.histogram.subarray(0, 5)]).toEqual([0, 3, 1.5, 0, 0]);
    // b spells: r0 2 (w1), r1 1 (w2), r2 1 (w.5), r3 2 (w1)
    expect([...d.histogram.subarray(5, 10)]).toEqual([0, 2.5, 2, 0, 0]);
    expect(Number.isNaN(d.mean[2])).toBe(true);
  });
});

describe('per-sequence indicators', () => {
  it('withinEntropy: shares of valid months, normalised by ln S', () => {
    const e = withinEntropy(small());
    expect(e[0]).toBeCloseTo(Math.log(2) / LN3, 15);
    expect(e[1]).toBeCloseTo(Math.log(2) / LN3, 15);
    expect(e[2]).toBeCloseTo(h(2 / 3, 1 / 3) / LN3, 15);
    expect(withinEntropy(small(), { normalize: false })[0]).toBeCloseTo(Math.log(2), 15);
    expect(withinEntropy(small(), { withMissing: true })[2]).toBeCloseTo(h(0.5, 0.25, 0.25) / Math.log(4), 15);
  });

  it('transitionCount, raw and per possible transition (gaps included in the length)', () => {
    expect([...transitionCount(small())]).toEqual([1, 1, 1, 1]);
    expect([...transitionCount(small(), { withMissing: true })]).toEqual([1, 1, 2, 3]);
    expect([...transitionCount(small(), { normalize: true })]).toEqual([1 / 3, 1, 1 / 3, 1 / 3]);
  });

  it('turbulence: log2(phi (s2max + 1) / (s2 + 1))', () => {
    // r0 ab durations 2,2: phi 4, s2 0, s2max 1 -> log2(8); r1 ab 1,1 -> log2(4);
    // r2 ab 2,1: s2 = s2max = 0.25 -> log2(4); r3 ba 2,1 (b * b): s2 = s2max = 0.25 -> log2(4)
    expect([...turbulence(small())]).toEqual([3, 2, 2, 2]);
    // abab, one month each: phi = 12 distinct subsequences, s2 = s2max = 0
    const abab = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 1, t: 4, codes: Uint8Array.from([0, 1, 0, 1]) });
    expect(turbulence(abab)[0]).toBeCloseTo(Math.log2(12), 14);
    // one spell: phi 2 -> 1
    const flat = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 1, t: 3, codes: Uint8Array.from([1, 1, 1]) });
    expect(turbulence(flat)[0]).toBe(1);
  });

  it('complexity: sqrt(transitions / (L - 1) * entropy)', () => {
    const c = complexity(small());
    expect(c[0]).toBeCloseTo(Math.sqrt((1 / 3) * (Math.log(2) / LN3)), 15);
    expect(c[1]).toBeCloseTo(Math.sqrt(Math.log(2) / LN3), 15);
  });

  it('empty sequences: entropy 0, no transitions, complexity 0, turbulence NaN', () => {
    const s = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 2, t: 2, codes: Uint8Array.from([V, V, M, M]) });
    const ind = sequenceIndicators(s);
    expect([...ind.entropy]).toEqual([0, 0]);
    expect([...ind.transitions]).toEqual([0, 0]);
    expect([...ind.complexity]).toEqual([0, 0]);
    expect(ind.turbulence.every(Number.isNaN)).toBe(true);
  });

  it('sequenceIndicators equals the single functions', () => {
    const ind = sequenceIndicators(small());
    expect(ind.entropy).toEqual(withinEntropy(small()));
    expect(ind.turbulence).toEqual(turbulence(small()));
    expect(ind.complexity).toEqual(complexity(small()));
    expect(ind.transitions).toEqual(transitionCount(small()));
  });
});

describe('row-order invariance', () => {
  // 300 random weighted sequences with gaps and censoring, and the same rows shuffled
  const rnd = seededRandom(7);
  const n = 300;
  const t = 24;
  const codes = new Uint8Array(n * t);
  for (let k = 0; k < codes.length; k++) codes[k] = rnd() < 0.05 ? M : randomInt(rnd, 4);
  const lengths = Int32Array.from({ length: n }, () => 1 + randomInt(rnd, t));
  const weights = Float64Array.from({ length: n }, () => 0.1 + rnd() * 3);
  const seqs = createSequences({ alphabet: makeAlphabet(['a', 'b', 'c', 'd']), n, t, codes, lengths, weights });
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = randomInt(rnd, i + 1);
    [order[i], order[k]] = [order[k], order[i]];
  }
  const shuffled = selectRows(seqs, order);

  function expectClose(a: Float64Array, b: Float64Array): void {
    expect(a.length).toBe(b.length);
    a.forEach((x, k) => expect(Math.abs(x - b[k])).toBeLessThan(1e-12));
  }

  it('aggregate statistics do not depend on row order', () => {
    for (const withMissing of [false, true]) {
      expectClose(stateDistribution(seqs, { withMissing }).frequencies, stateDistribution(shuffled, { withMissing }).frequencies);
      expectClose(stateDistribution(seqs, { withMissing }).entropy, stateDistribution(shuffled, { withMissing }).entropy);
      expectClose(transitionRates(seqs, { withMissing }).rates, transitionRates(shuffled, { withMissing }).rates);
      expectClose(meanTime(seqs, { withMissing }).mean, meanTime(shuffled, { withMissing }).mean);
      expectClose(spellDurations(seqs, { withMissing }).histogram, spellDurations(shuffled, { withMissing }).histogram);
    }
  });

  it('per-sequence indicators follow their rows', () => {
    const a = sequenceIndicators(seqs);
    const b = sequenceIndicators(shuffled);
    for (const key of ['entropy', 'turbulence', 'complexity', 'transitions'] as const) {
      expect([...b[key]]).toEqual(order.map((i) => a[key][i]));
    }
  });
});
