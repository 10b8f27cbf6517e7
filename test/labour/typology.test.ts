import { describe, expect, it } from 'vitest';
import { ruleTypology } from '../../src/index.js';
import { WORK, panel } from './panel.js';

// 8 months; longRun 3, switchesPerYear 4 and minMonths 4 scale the study's rules down.
const seqs = panel(
  [
    { states: 'WWWWWNNN', emp: 'AAAAA---', perm: [0, 0, 1, 1, 1] }, // run of 5 > 3: long job
    { states: 'WNWNWNWN', emp: 'A-B-C-D-' }, // 7 switches in 8 months: switcher, 3 job changes
    { states: 'NNWWNNNN', emp: '--AA----' }, // 2 switches in 8 months = 3 a year: short spells
    { states: 'NNNNNNNN' }, // never worked
    { states: 'WWW?WWNN', emp: 'AAA-AA--' }, // the missing month breaks the run (3) and the job: short spells, 1 change
    { states: 'WWW', emp: 'AAA' }, // 3 months observed: left out
    { states: 'RRRRRRRR' }, // always in an excluded state: left out
  ],
  { weights: [2, 1, 1, 1, 1, 1, 1], covariates: { cohort: ['a', 'a', 'b', 'b', 'b', 'a', 'a'] } },
);
const options = { ...WORK, longRun: 3, switchesPerYear: 4, minMonths: 4, excludeAlwaysIn: ['retired'], permanent: 'permanent' };

describe('ruleTypology', () => {
  const ty = ruleTypology(seqs, options);
  const [longJob, switcher, shortSpells, never] = ty.total.rows;

  it('applies the four rules in order', () => {
    expect([...ty.assignment]).toEqual([0, 1, 2, 3, 2, -1, -1]);
    expect(ty.total.persons).toBe(5);
    expect(ty.total.excluded).toBe(2);
  });

  it('weighted shares, time working, permanent contracts and job changes per worked year', () => {
    expect([longJob.sharePct, switcher.sharePct, shortSpells.sharePct, never.sharePct].map((v) => v * 6)).toEqual([200, 100, 200, 100]);
    expect(longJob).toMatchObject({ persons: 1, personsWeighted: 2, pctTimeWorking: 62.5, pctPermanent: 60, jobChangesPerWorkedYear: 0 });
    expect(switcher).toMatchObject({ pctTimeWorking: 50, jobChangesPerWorkedYear: 9 });
    expect(Number.isNaN(switcher.pctPermanent)).toBe(true);
    expect(shortSpells.pctTimeWorking).toBeCloseTo(700 / 15, 12);
    expect(shortSpells.jobChangesPerWorkedYear).toBeCloseTo(12 / 7, 12);
    expect(never.pctTimeWorking).toBe(0);
    expect(Number.isNaN(never.jobChangesPerWorkedYear)).toBe(true);
  });

  it('per group and over a sub-window', () => {
    const byCohort = ruleTypology(seqs, { ...options, by: 'cohort' });
    expect(byCohort.groups.map((g) => [g.group, g.persons, g.excluded])).toEqual([['a', 2, 2], ['b', 3, 0]]);
    expect(byCohort.groups[1].rows[2].persons).toBe(2);
    // months 4..7 only: person 1 has a run of 1 and 1 switch in 4 months (3 a year): short spells
    const late = ruleTypology(seqs, { ...options, from: 4 });
    expect(late.assignment[0]).toBe(2);
    expect(() => ruleTypology(seqs, { ...WORK, from: 5, to: 3 })).toThrow(/from\/to/);
  });
});
