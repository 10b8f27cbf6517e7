import { describe, expect, it } from 'vitest';
import { fixedEffectsIndex, normalQuantile } from '../../src/index.js';
import { ROLES, panel } from './panel.js';

const PAID = ROLES.paid;

const z = normalQuantile(0.975);

describe('fixedEffectsIndex', () => {
  // Wages in months 1 and 2 (month 0 is a trial placement for persons 1-3, excluded for wages).
  // Within differences month 2 - month 1: 1, 2, 3, 6; person 5 works one month only.
  const seqs = panel([
    { states: 'TJJ', emp: 'AAA', wage: [0, 8, 9], hours: [20, 20, 22] },
    { states: 'TJJ', emp: 'BBB', wage: [0, 10, 12], hours: [30, 30, 30] },
    { states: 'TJW', emp: 'CCC', wage: [0, 6, 9], hours: [10, 12, 12] },
    { states: 'NJJ', emp: '-DD', wage: [NaN, 16, 22], hours: [NaN, 24, 24] },
    { states: 'NNW', emp: '--E', wage: [NaN, NaN, 30], hours: [NaN, NaN, 36] },
  ]);

  it('two months: β is the mean within difference, index 100 (1 + β/μ₀), paired-t interval', () => {
    const r = fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: PAID, bins: [0, 2] });
    // bins: months 0-1 (reference) and month 2; the trial months with wage 0 are left out
    expect(r.bins).toEqual([{ from: 0, to: 1, label: '0-1' }, { from: 2, to: 2, label: '2' }]);
    expect(r.coef[1]).toBeCloseTo(3, 14);
    const sd = Math.sqrt(((1 - 3) ** 2 + (2 - 3) ** 2 + 0 + (6 - 3) ** 2) / 3);
    expect(r.se[1]).toBeCloseTo(sd / 2, 14);
    expect(r.referenceMean).toBe(10); // (8 + 10 + 6 + 16) / 4
    expect(r.index[0]).toBe(100);
    expect(r.index[1]).toBeCloseTo(130, 12);
    expect(r.lower[1]).toBeCloseTo(100 * (1 + (3 - z * sd / 2) / 10), 12);
    expect(r.upper[1]).toBeCloseTo(100 * (1 + (3 + z * sd / 2) / 10), 12);
    expect(r.observations).toEqual([4, 5]);
    expect(r.persons).toEqual([4, 5]);
    expect(r.nPersons).toBe(4);
  });

  it('hours keep the trial months; log scale gives 100 exp(β)', () => {
    const hours = fixedEffectsIndex(seqs, { outcome: 'hours_week', roles: ROLES });
    expect(hours.observations).toEqual([3, 4, 5]);
    const log = fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: PAID, bins: [0, 2], scale: 'log', se: 'classical' });
    const d = [Math.log(9 / 8), Math.log(12 / 10), Math.log(9 / 6), Math.log(22 / 16)];
    const mean = d.reduce((a, b) => a + b) / 4;
    expect(log.coef[1]).toBeCloseTo(mean, 14);
    expect(log.index[1]).toBeCloseTo(100 * Math.exp(mean), 12);
  });

  it('rejects bins that do not start at 0', () => {
    expect(() => fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: PAID, bins: [1, 2] })).toThrow(/bins/);
    expect(() => fixedEffectsIndex(seqs, { outcome: 'salary', roles: ROLES })).toThrow(/^outcome: no numeric cell attribute "salary"/);
    expect(() => fixedEffectsIndex(seqs, { outcome: 'hours_week' })).toThrow(/^states: the fixed-effects index analysis needs the states/);
  });
});
