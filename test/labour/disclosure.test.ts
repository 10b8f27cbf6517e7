import { describe, expect, it } from 'vitest';
import {
  cellMeansByMonth, disclosureControl, fixedEffectsIndex, groupProfiles, jobLossTable, retention, ruleTypology,
  stateSharesByMonth, timeToNewJob,
} from '../../src/index.js';
import { ROLES, WORK, panel } from './panel.js';

const seqs = panel(
  [
    { states: 'TJJNNWWW', emp: 'AAA--BBB', wage: [0, 8, 8, 8, 8, 9, 9, 9] },
    { states: 'JJWNNNNN', emp: 'AAB-----', wage: [7, 7, 9] },
    { states: 'JJJJJJJ', emp: 'AAAAAAA', wage: [10, 10, 10, 11, 11, 11, 12] },
    { states: 'TJN', emp: 'AA-' },
    { states: 'JNWNNNWW', emp: 'A-B---CC' },
    { states: 'WWWWWJRR', emp: 'AAAAAB--' },
  ],
  { weights: [1, 2, 1, 1, 1, 3], covariates: { benefit: ['Wajong', 'Wajong', 'Wajong', 'Wajong', 'WGA', 'WGA'] } },
);
const levels = ['Wajong', 'WGA'];

describe('disclosureControl', () => {
  it('job-loss table: percentages resting on too few persons are suppressed', () => {
    const t = jobLossTable(seqs, { ...WORK, by: 'benefit', window: 6, levels });
    const safe = disclosureControl(t, { minPersons: 2 });
    expect(safe.groups[0].flagged).toEqual(['directPct', 'afterGapPct', 'gapMonthsMean', 'noNewJobPct']);
    expect(Number.isNaN(safe.groups[0].directPct)).toBe(true);
    expect(safe.groups[0].endingsPerPerson).toBe(1.25); // 2 persons with endings
    expect(safe.groups[1].flagged).toEqual(['directPct', 'afterGapPct', 'gapMonthsMean']);
    expect(safe.total.flagged).toEqual(['noNewJobPct']);
    expect(safe.disclosure).toEqual({ minPersons: 2, mode: 'suppress', flaggedCells: 8 });
    expect(t.groups[0].directPct).toBe(40); // the input is not changed
    // a row of 3 persons under a threshold of 4 is unsafe throughout
    const strict = disclosureControl(t, { minPersons: 4 });
    expect(strict.groups[0].flagged).toHaveLength(11);
    expect(Number.isNaN(strict.groups[0].persons)).toBe(true);
    expect(JSON.parse(JSON.stringify(strict.groups[0])).endingsPerPerson).toBeNull();
  });

  it("mode 'flag' marks without changing values", () => {
    const flagged = disclosureControl(jobLossTable(seqs, { ...WORK, by: 'benefit', window: 6, levels }), { minPersons: 2, mode: 'flag' });
    expect(flagged.groups[0].directPct).toBe(40);
    expect(flagged.groups[0].flagged).toContain('directPct');
  });

  it('state shares: small cells and months with few persons at risk', () => {
    const s = disclosureControl(stateSharesByMonth(seqs, { by: 'benefit', levels }), { minPersons: 2 });
    const [wajong, wga] = s.groups;
    // Wajong month 2: work_jc 2, work 1, none 1 persons
    expect(wajong.counts[2]).toEqual([0, 2, 1, 1, 0]);
    expect(wajong.flagged![2]).toEqual([false, false, true, true, false]);
    expect(wajong.shares[2][1]).toBeCloseTo(2 / 5, 15); // weights 1 + 1 of 5
    expect(Number.isNaN(wajong.shares[2][2])).toBe(true);
    expect(wga.flagged![0]).toEqual([false, true, true, false, false]);
    // a month with fewer persons at risk than the threshold is suppressed whole
    const strict = disclosureControl(stateSharesByMonth(seqs, { by: 'benefit', levels }), { minPersons: 3 });
    expect(strict.groups[1].flagged![2]).toEqual([true, true, true, true, true]);
  });

  it('means, index numbers, retention, typology, time to a new job and profiles', () => {
    const means = disclosureControl(cellMeansByMonth(seqs, { attribute: 'hourly_wage', roles: ROLES }), { minPersons: 3 });
    expect(means.total.persons).toEqual([3, 3, 3, 1, 1, 2, 2, 1]);
    expect(means.total.flagged).toEqual([false, false, false, true, true, true, true, true]);
    expect(Number.isNaN(means.total.mean[3])).toBe(true);
    const idx = disclosureControl(fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: ['work_jc', 'work'], bins: [0, 4] }), { minPersons: 3 });
    expect(idx.persons).toEqual([3, 2]);
    expect(idx.flagged).toEqual([false, true]);
    expect(Number.isNaN(idx.index[1])).toBe(true);
    expect(idx.index[0]).toBe(100);
    const ret = disclosureControl(retention(seqs, { ...WORK, horizon: 2 }), { minPersons: 2 });
    expect(ret.total.flagged).toEqual(['sameEmployerPct', 'notWorkingPct', 'workRetentionPct']);
    const ty = disclosureControl(ruleTypology(seqs, { ...WORK, minMonths: 3, longRun: 3, permanent: 'permanent' }), { minPersons: 3 });
    expect(ty.assignment).toHaveLength(0);
    expect(ty.total.rows[0].flagged).toEqual(['persons', 'personsWeighted', 'sharePct', 'pctTimeWorking', 'pctPermanent', 'jobChangesPerWorkedYear']);
    expect(ty.total.rows[1].flagged).toEqual([]);
    const tn = disclosureControl(timeToNewJob(seqs, { ...WORK, at: [0, 3] }), { minPersons: 3 });
    expect(tn.total.shares[0].flagged).toEqual([]);
    expect(tn.total.shares[1].flagged).toEqual(['newJob', 'lower', 'upper', 'exit']);
    const km = tn.total.kaplanMeier;
    km.atRiskCount.forEach((n, j) => expect(Number.isNaN(km.survival[j])).toBe(n < 3));
    const pr = disclosureControl(groupProfiles(seqs, { by: [1, 1, 1, 2, 2, 2], roles: ROLES, shareBy: 'benefit' }), { minPersons: 3 });
    expect(pr.groups[0].flagged).toEqual([]);
    expect(pr.groups[1].flagged).toEqual(['shareByPct.Wajong', 'shareByPct.WGA']);
    expect(Number.isNaN(pr.groups[1].shareByPct.WGA)).toBe(true);
  });

  it('rejects a threshold below 1', () => {
    expect(() => disclosureControl(jobLossTable(seqs, WORK), { minPersons: 0 })).toThrow(/minPersons/);
  });
});
