import { describe, expect, it } from 'vitest';
import { retention } from '../../src/index.js';
import { WORK, panel } from './panel.js';

// Horizon 3: the status 3 months after each job start that follows a month without work.
const seqs = panel(
  [
    { states: 'NWWWW', emp: '-AAAA' }, // same job at month 4: same employer
    { states: 'NWWNWW', emp: '-AA-BB' }, // B at month 4: other employer; the start at 4 is censored
    { states: 'NWNNNN', emp: '-A----' }, // not working at month 4
    { states: 'NWNWWW', emp: '-A-AAA' }, // a new job at A again: same employer; the start at 3 is censored
    { states: 'WWWWW', emp: 'AAAAA' }, // starts in month 0: no observed month before it
    { states: 'NTJJJ', emp: '-BBBB' }, // starts with a trial, converted: same employer
  ],
  { weights: [1, 2, 1, 1, 1, 1], covariates: { sex: ['f', 'm', 'f', 'm', 'f', 'm'] } },
);

describe('retention', () => {
  it('same / other employer / not working after the horizon, weighted, censored starts left out', () => {
    const r = retention(seqs, { ...WORK, horizon: 3 });
    expect(r.total).toMatchObject({ starts: 5, startsWeighted: 6, persons: 5, censored: 2, personsSame: 3, personsOther: 1, personsNotWorking: 1 });
    expect(r.total.sameEmployerPct).toBeCloseTo(50, 12);
    expect(r.total.otherEmployerPct).toBeCloseTo(100 / 3, 12);
    expect(r.total.notWorkingPct).toBeCloseTo(100 / 6, 12);
    expect(r.total.workRetentionPct).toBeCloseTo(250 / 3, 12);
  });

  it('start states, month 0 and groups', () => {
    const regular = retention(seqs, { ...WORK, horizon: 3, startStates: ['work_jc', 'work'] });
    expect(regular.total.starts).toBe(4); // the trial start is left out
    const withZero = retention(seqs, { ...WORK, horizon: 3, includeMonthZero: true });
    expect(withZero.total.starts).toBe(6);
    const bySex = retention(seqs, { ...WORK, horizon: 3, by: 'sex' });
    expect(bySex.groups.map((g) => [g.group, g.starts, g.censored])).toEqual([['f', 2, 0], ['m', 3, 2]]);
    expect(bySex.groups[0].notWorkingPct).toBe(50);
  });
});
