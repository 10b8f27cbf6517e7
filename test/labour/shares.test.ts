import { describe, expect, it } from 'vitest';
import { cellMeansByMonth, stateSharesByMonth } from '../../src/index.js';
import { ROLES, panel } from './panel.js';

const seqs = panel(
  [
    { states: 'TJJW', emp: 'AAAA', hours: [20, 20, 24, 24], wage: [0, 8, 8, 9] },
    { states: 'TJN', emp: 'BB-', hours: [30, 30], wage: [0, 10] },
    { states: 'JJ?W', emp: 'CC-C', hours: [10, 12, NaN, 12], wage: [6, 6, NaN, 7] },
    { states: 'NN', emp: '--' },
  ],
  { weights: [1, 2, 1, 1], covariates: { benefit: ['Wajong', 'Wajong', 'WGA', 'WGA'] } },
);

describe('stateSharesByMonth', () => {
  const s = stateSharesByMonth(seqs, { by: 'benefit', levels: ['Wajong', 'WGA'] });
  const trial = s.states.indexOf('trial');
  const jc = s.states.indexOf('work_jc');
  const none = s.states.indexOf('none');

  it('weighted shares among persons observed each month', () => {
    const [wajong, wga] = s.groups;
    expect(wajong.shares[0][trial]).toBe(1);
    expect(wajong.shares[2][none]).toBeCloseTo(2 / 3, 15); // person 2 (weight 2) not working, person 1 working
    expect(wajong.counts[2][none]).toBe(1);
    expect(wga.shares[0][jc]).toBe(0.5);
    expect(s.total.shares[0][trial]).toBeCloseTo(3 / 5, 15);
  });

  it('numbers at risk and censoring', () => {
    const [wajong, wga] = s.groups;
    expect(wajong.atRisk).toEqual([2, 2, 2, 1]);
    expect(wajong.atRiskWeighted).toEqual([3, 3, 3, 1]);
    expect(wajong.censored).toEqual([0, 0, 0, 1]);
    // month 2: person 3 missing, person 4 censored
    expect(wga.atRisk).toEqual([2, 2, 0, 1]);
    expect(wga.censored).toEqual([0, 0, 1, 1]);
    expect(Number.isNaN(wga.shares[2][jc])).toBe(true);
    expect(s.months).toEqual([0, 1, 2, 3]);
  });

  it('selected months only', () => {
    const r = stateSharesByMonth(seqs, { months: [3] });
    expect(r.total.atRisk).toEqual([2]);
    expect(r.monthLabels).toEqual(['3']);
    expect(() => stateSharesByMonth(seqs, { months: [9] })).toThrow(/months/);
  });
});

describe('cellMeansByMonth', () => {
  it('weighted means among persons in the given states', () => {
    const h = cellMeansByMonth(seqs, { attribute: 'hours_week', states: ['work_jc', 'work'], by: 'benefit', levels: ['Wajong', 'WGA'] });
    expect(h.groups[0].mean[1]).toBeCloseTo((20 + 2 * 30) / 3, 14);
    expect(Number.isNaN(h.groups[0].mean[0])).toBe(true); // everybody in trial in month 0
    expect(h.groups[1].mean[0]).toBe(10);
    expect(h.total.persons).toEqual([1, 3, 1, 2]);
    const w = cellMeansByMonth(seqs, { attribute: 'hourly_wage', roles: ROLES }); // all job states, trial included
    expect(w.total.mean[0]).toBeCloseTo(6 / 4, 14);
    expect(() => cellMeansByMonth(seqs, { attribute: 'salary', roles: ROLES })).toThrow(/^attribute: no numeric cell attribute "salary"/);
  });
});
