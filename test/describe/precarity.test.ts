// Ranked-state indicators (seqprecstart, seqidegrad, seqibad, seqprecarity, seqinsecurity): hand-computed cases and TraMineR's options.
import { describe, expect, it } from 'vitest';
import {
  badness, createSequences, degradation, insecurity, makeAlphabet, precarity, startingCosts, VOID,
  type DegradationOptions, type StateSequences,
} from '../../src/index.js';
import { loadPanel, maxRelError, referenceColumns } from '../helpers/r-references.js';

/** Sequences over states a (best), b, c (worst) from strings; '.' ends a censored row. */
function abc(rows: string[]): StateSequences {
  const t = Math.max(...rows.map((r) => r.length));
  const codes = new Uint8Array(rows.length * t).fill(VOID);
  rows.forEach((r, i) => [...r].forEach((ch, j) => (codes[i * t + j] = 'abc'.indexOf(ch))));
  return createSequences({ alphabet: makeAlphabet(['a', 'b', 'c']), n: rows.length, t, codes });
}

describe('startingCosts', () => {
  it('rank k of m costs k / (m - 1); non-ranked states the mean; equivalent states their class mean', () => {
    const s = abc(['abc']);
    expect([...startingCosts(s).costs]).toEqual([0, 0.5, 1]);
    expect([...startingCosts(s, { stateOrder: ['c', 'a'] }).costs]).toEqual([1, 0.5, 0]);
    expect([...startingCosts(s, { stateOrder: ['a', 'b', 'c'], stateEquiv: [['a', 'b']] }).costs]).toEqual([0.25, 0.25, 1]);
    expect([...startingCosts(s, { withMissing: true }).costs]).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
  it('given costs are rescaled to [0, 1], ties become equivalence classes', () => {
    const c = startingCosts(abc(['abc']), { stprec: [2, 4, 4] });
    expect([...c.costs]).toEqual([0, 1, 1]);
    expect(c.stateEquiv).toEqual([['b', 'c']]);
  });
  it('rejects unknown and repeated states', () => {
    expect(() => startingCosts(abc(['abc']), { stateOrder: ['a', 'x'] })).toThrow(/stateOrder: unknown state/);
    expect(() => startingCosts(abc(['abc']), { stateOrder: ['a', 'a'] })).toThrow(/twice/);
  });
});

describe('degradation', () => {
  it('RANK, spell integration: sum of sign x |c(b) - c(a)| x integration of the entered spell', () => {
    // a a b c: spells a(1,2) b(3) c(4); positions sum to 10; c = 0, .5, 1
    // a->b: +.5 x 3/10, b->c: +.5 x 4/10
    expect(degradation(abc(['aabc']))[0]).toBeCloseTo(0.5 * 0.3 + 0.5 * 0.4, 15);
    // c b a: improvements only, -(.5 x 2/6 + .5 x 3/6)
    expect(degradation(abc(['cba']))[0]).toBeCloseTo(-(0.5 * 2 / 6 + 0.5 * 3 / 6), 15);
    expect(degradation(abc(['aaa']))[0]).toBe(0);
  });
  it('without spell integration: signed weights over their total; NEG and POS keep one direction', () => {
    expect(degradation(abc(['abca']), { spellIntegration: false })[0]).toBeCloseTo((0.5 + 0.5 - 1) / 2, 15);
    expect(degradation(abc(['abca']), { spellIntegration: false, penalized: 'NEG' })[0]).toBeCloseTo(1 / 2, 15);
    expect(degradation(abc(['abca']), { spellIntegration: false, penalized: 'POS' })[0]).toBeCloseTo(-1 / 2, 15);
    expect([...degradation(abc(['abca']), { penalized: 'NO' })]).toEqual([0]);
  });
  it('a non-ranked state takes the state before it', () => {
    // order a, c: b is not ranked, so a b c reads a a c
    const d = degradation(abc(['abc']), { stateOrder: ['a', 'c'] });
    expect(d[0]).toBeCloseTo(1 * 3 / 6, 15);
  });
});

describe('badness, precarity, insecurity', () => {
  it('badness: costs weighted by the integration of each state', () => {
    // a b c: positions 1, 2, 3 of 6; costs 0, .5, 1
    expect(badness(abc(['abc']))[0]).toBeCloseTo(0.5 * 2 / 6 + 3 / 6, 15);
  });
  it('precarity of a one-state sequence is otto x its cost', () => {
    expect([...precarity(abc(['ccc', 'aaa']))]).toEqual([0.2, 0]);
  });
  it('insecurity: first cost x integration of the first spell + complexity + degradation', () => {
    // c c: cost 1, first spell is all; no transitions
    expect(insecurity(abc(['cc']))[0]).toBe(1);
    expect(insecurity(abc(['cc', 'aab']), { bound: true })[0]).toBe(1);
  });
});

describe('TraMineR options one by one (test/fixtures-r/indic_ranked_options.csv)', () => {
  const panel = loadPanel();
  const ref = referenceColumns('indic_ranked_options.csv');
  const order5 = ['job', 'edu', 'train', 'inact', 'unemp'];
  const stprec = [0.5, 3, 0, 1, 4];
  const degrad: [string, DegradationOptions][] = [
    ['degrad_freq', { method: 'FREQ' }], ['degrad_trate', { method: 'TRATE' }], ['degrad_tratedss', { method: 'TRATEDSS' }],
    ['degrad_one', { method: 'ONE' }], ['degrad_freqplus', { method: 'FREQ+' }], ['degrad_rankplus', { method: 'RANK+' }],
    ['degrad_inv', { method: 'TRATEDSS', weightType: 'INV' }],
    ['degrad_loginv', { method: 'TRATEDSS', weightType: 'LOGINV', borderEffect: 4 }],
    ['degrad_neg', { penalized: 'NEG' }], ['degrad_pos', { penalized: 'POS' }],
    ['degrad_nointegr', { spellIntegration: false, pow: 0 }], ['degrad_pow2', { pow: 2 }],
  ];
  it.each(degrad)('%s', (name, options) => {
    expect(maxRelError(degradation(panel, { stateOrder: order5, ...options }), ref[name])).toBeLessThan(1e-9);
  });
  it('degradation, badness with given starting costs; precarity and insecurity options', () => {
    const cases: [string, Float64Array][] = [
      ['degrad_stprec', degradation(panel, { stprec })],
      ['prec_otto', precarity(panel, { stateOrder: order5, otto: 0.5, a: 0.5, b: 1 })],
      ['prec_rank', precarity(panel, { stateOrder: order5, method: 'RANK' })],
      ['insec_bound', insecurity(panel, { stateOrder: order5, bound: true })],
      ['insec_pow', insecurity(panel, { stateOrder: order5, pow: 2, spow: 1 })],
      ['bad_pow2', badness(panel, { stateOrder: order5, pow: 2 })],
      ['bad_stprec', badness(panel, { stprec })],
    ];
    for (const [name, values] of cases) expect(maxRelError(values, ref[name]), name).toBeLessThan(1e-9);
  });
});
