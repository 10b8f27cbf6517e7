import { describe, expect, it } from 'vitest';
import { pooledMean, sumsTo, type DisclosureCell, type Relation } from '../../src/disclosure/model.js';
import { controlTables } from '../../src/disclosure/control.js';

/** Σ coefficient × value - constant: 0 when the relation holds on these values. */
const residual = (r: Relation, values: Record<string, number>) =>
  r.terms.reduce((s, [id, a]) => s + a * values[id], 0) - (r.constant ?? 0);
const count = (id: string, value: number): DisclosureCell => ({ id, value, persons: value, kind: 'count' });

describe('sumsTo', () => {
  it('parts adding up to a known constant: every part with coefficient 1, the constant on the right', () => {
    const r = sumsTo(['Wajong.direct_pct', 'Wajong.after_gap_pct', 'Wajong.no_new_job_pct'], 100);
    expect(r).toEqual({ terms: [['Wajong.direct_pct', 1], ['Wajong.after_gap_pct', 1], ['Wajong.no_new_job_pct', 1]], constant: 100 });
    // 62 + 30 + 8 = 100
    expect(residual(r, { 'Wajong.direct_pct': 62, 'Wajong.after_gap_pct': 30, 'Wajong.no_new_job_pct': 8 })).toBe(0);
  });

  it('parts adding up to a total cell: the total enters with coefficient -1 and the constant is 0', () => {
    const r = sumsTo(['Wajong.persons', 'WGA.persons'], 'total.persons');
    expect(r).toEqual({ terms: [['Wajong.persons', 1], ['WGA.persons', 1], ['total.persons', -1]], constant: 0 });
    // 40 + 35 - 75 = 0, and a wrong total is off by its error
    expect(residual(r, { 'Wajong.persons': 40, 'WGA.persons': 35, 'total.persons': 75 })).toBe(0);
    expect(residual(r, { 'Wajong.persons': 40, 'WGA.persons': 35, 'total.persons': 74 })).toBe(1);
  });

  it('a complement: work retention = same + other', () => {
    const r = sumsTo(['same_pct', 'other_pct'], 'work_retention_pct');
    expect(r.terms).toEqual([['same_pct', 1], ['other_pct', 1], ['work_retention_pct', -1]]);
    expect(residual(r, { same_pct: 62, other_pct: 30, work_retention_pct: 92 })).toBe(0);
  });

  it('a known total of 0 is a constant, not a cell', () => {
    expect(sumsTo(['a', 'b'], 0)).toEqual({ terms: [['a', 1], ['b', 1]], constant: 0 });
  });

  it('the relation as controlTables reads it: the sign convention shows in the message when it does not hold', () => {
    // 40 + 35 = 75, published as 74: 40 + 35 - 74 = 1
    const t = { name: 'benefit', cells: [count('Wajong', 40), count('WGA', 35), count('total', 74)], relations: [sumsTo(['Wajong', 'WGA'], 'total')] };
    expect(() => controlTables([t])).toThrow('relations: relation 1 of table "benefit" (1 × Wajong + 1 × WGA + -1 × total = 0) does not hold: off by 1');
    expect(() => controlTables([{ ...t, cells: [count('Wajong', 40), count('WGA', 35), count('total', 75)] }])).not.toThrow();
  });
});

describe('pooledMean', () => {
  it('Σ w_g × mean_g - (Σ w_g) × mean_total = 0, the total weighted by the summed weights', () => {
    const r = pooledMean([['Wajong.hours', 1200], ['WGA.hours', 800]], 'total.hours');
    expect(r).toEqual({ terms: [['Wajong.hours', 1200], ['WGA.hours', 800], ['total.hours', -2000]], constant: 0 });
    // group means 20 and 30 pool to (1200 × 20 + 800 × 30) / 2000 = 48000 / 2000 = 24
    expect(residual(r, { 'Wajong.hours': 20, 'WGA.hours': 30, 'total.hours': 24 })).toBe(0);
    expect(residual(r, { 'Wajong.hours': 20, 'WGA.hours': 30, 'total.hours': 25 })).toBe(-2000);
  });

  it('weights are weighted persons, not person counts: fractional weights pool as they are', () => {
    // 12.5 weighted persons with mean 10, 7.5 with mean 18: (125 + 135) / 20 = 13
    const r = pooledMean([['A', 12.5], ['B', 7.5]], 'all');
    expect(r.terms).toEqual([['A', 12.5], ['B', 7.5], ['all', -20]]);
    expect(residual(r, { A: 10, B: 18, all: 13 })).toBe(0);
  });

  it('a group of weight 0 is left out of the terms (coefficients are non-zero) but the total keeps the sum', () => {
    const r = pooledMean([['A', 30], ['empty', 0], ['B', 10]], 'total');
    expect(r.terms).toEqual([['A', 30], ['B', 10], ['total', -40]]);
    expect(r.terms.every(([, a]) => a !== 0)).toBe(true);
    // the mean of an empty group is NaN; the relation no longer names it: 30 × 20 + 10 × 40 - 40 × 25 = 0
    expect(residual(r, { A: 20, B: 40, total: 25, empty: NaN })).toBe(0);
  });
});
