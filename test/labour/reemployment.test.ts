import { describe, expect, it } from 'vitest';
import { timeToNewJob } from '../../src/index.js';
import { EXIT_ROLES, WORK, panel } from './panel.js';

// Endings as (T = months without work before the next job, event, weight):
// (2, job, 1) (0, job, 1) (T > 2, censored, 1) (1, job, 1) (T > 0, censored, 2) (0, job, 1) (5, job, 1)
const persons = [
  { states: 'WNNW', emp: 'A--B' },
  { states: 'WW', emp: 'AB' },
  { states: 'WNNN', emp: 'A---' },
  { states: 'WNW', emp: 'A-B' },
  { states: 'WN', emp: 'A-' },
  { states: 'JWNNNNNW', emp: 'AB-----C' },
];
const weights = [1, 1, 1, 1, 2, 1];

describe('timeToNewJob', () => {
  it('Kaplan-Meier shares with weights and censoring, worked by hand', () => {
    const r = timeToNewJob(panel(persons, { weights }), { ...WORK, at: [0, 1, 3, 6] });
    expect(r.method).toBe('kaplan-meier');
    const km = r.total.kaplanMeier;
    expect(km.time).toEqual([0, 1, 2, 5]);
    expect(km.atRisk).toEqual([8, 4, 3, 1]);
    [0.75, 0.5625, 0.375, 0].forEach((s, j) => expect(km.survival[j]).toBeCloseTo(s, 15));
    const shares = r.total.shares;
    expect(shares.map((s) => s.newJob)).toEqual([0.25, 0.4375, 0.625, 1]);
    expect(shares.map((s) => s.atRisk)).toEqual([7, 4, 1, 0]);
    expect(shares.map((s) => s.personsAtRisk)).toEqual([6, 4, 1, 0]);
    // band of F = 1 - band of S (Greenwood, log-log)
    expect(shares[0].lower).toBeCloseTo(1 - km.upper[0], 15);
    expect(km.se[0]).toBeCloseTo(0.75 * Math.sqrt(2 / (8 * 6)), 15);
    expect(r.total).toMatchObject({ endings: 7, persons: 6, newJobs: 5, exits: 0, censored: 2 });
  });

  it('Aalen-Johansen with retirement as a competing exit, worked by hand', () => {
    const seqs = panel([...persons, { states: 'WNR', emp: 'A--' }], { weights: [...weights, 1] });
    const r = timeToNewJob(seqs, { ...WORK, roles: EXIT_ROLES, at: [0, 1, 6] });
    expect(r.method).toBe('aalen-johansen');
    const s = r.total.shares;
    [2 / 9, 17 / 45, 38 / 45].forEach((v, k) => expect(s[k].newJob).toBeCloseTo(v, 15));
    [0, 7 / 45, 7 / 45].forEach((v, k) => expect(s[k].exit).toBeCloseTo(v, 15));
    // the Kaplan-Meier curve counts the exit as censored
    [7 / 9, 28 / 45, 56 / 135, 0].forEach((v, j) => expect(r.total.kaplanMeier.survival[j]).toBeCloseTo(v, 15));
    expect(r.total.exits).toBe(1);
    // without exit states retirement is a month without work: censored at T > 1
    const plain = timeToNewJob(seqs, { ...WORK, at: [1] });
    expect(plain.total.exits).toBe(0);
    expect(plain.total.censored).toBe(3);
  });

  it('splits by group and limits endings to a window', () => {
    const seqs = panel(persons, { weights });
    const r = timeToNewJob(seqs, { ...WORK, by: ['a', 'a', 'a', 'b', 'b', 'b'] });
    expect(r.groups.map((g) => [g.group, g.endings])).toEqual([['a', 3], ['b', 4]]);
    const early = timeToNewJob(seqs, { ...WORK, endingBefore: 2 });
    expect(early.total.endings).toBe(6); // the ending at month 6 of person 6 is left out
    expect(Number.isNaN(early.total.shares[3].newJob)).toBe(true); // month 48: past the follow-up
  });
});
