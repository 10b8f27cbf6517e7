import { describe, expect, it } from 'vitest';
import { JobOutcome, jobEpisodes, MISSING } from '../../src/index.js';
import { EXIT_ROLES, ROLES, WORK, panel } from './panel.js';

const { censored, direct, afterGap, noNewJob, exit } = JobOutcome;

describe('jobEpisodes', () => {
  const seqs = panel([
    // trial converted at A (one job of 4 months), 2 months without work, then B until follow-up ends
    { states: 'TTJJNNW', emp: 'AAAA--B' },
    // employer change A -> B between two working months (direct); B ends, no new job before follow-up ends
    { states: 'WWJJNN', emp: 'AABB--' },
    // trial at A not converted, job at C the next month (direct); then retirement (exit) after 1 month
    { states: 'TJJNR', emp: 'ACC--' },
    // an unknown employer continues the job and takes the first known id; a missing month censors it
    { states: 'NJW?WW', emp: '--C-DD' },
    // never works
    { states: 'NNNNNNN' },
  ]);
  const jobs = jobEpisodes(seqs, { roles: EXIT_ROLES, employer: 'employer_id' });

  it('splits months into jobs by employer; a converted trial is one job', () => {
    expect(jobs.count).toBe(8);
    expect([...jobs.person]).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect([...jobs.start]).toEqual([0, 6, 0, 2, 0, 1, 1, 4]);
    expect([...jobs.end]).toEqual([3, 6, 1, 3, 0, 2, 2, 5]);
    expect([...jobs.duration]).toEqual([4, 1, 2, 2, 1, 2, 2, 2]);
    expect([...jobs.employer].map((e) => jobs.employerLevels[e])).toEqual(['A', 'B', 'A', 'B', 'A', 'C', 'C', 'D']);
    expect([...jobs.firstState].map((s) => jobs.states[s])).toEqual(['trial', 'work', 'work', 'work_jc', 'trial', 'work_jc', 'work_jc', 'work']);
    expect([...jobs.previousState]).toEqual([MISSING, 3, MISSING, 2, MISSING, 0, 3, MISSING]);
    expect([...jobs.personOffset]).toEqual([0, 2, 4, 6, 8, 8]);
  });

  it('classifies what follows each job end, with right-censoring', () => {
    expect([...jobs.outcome]).toEqual([afterGap, censored, direct, noNewJob, direct, exit, censored, censored]);
    expect([...jobs.gap]).toEqual([2, -1, 0, 2, 0, 1, -1, -1]);
    expect([...jobs.censored]).toEqual([0, 1, 0, 0, 0, 0, 1, 1]);
  });

  it('without exit states an exit state is a month without work', () => {
    const plain = jobEpisodes(seqs, WORK);
    expect(plain.outcome[5]).toBe(noNewJob);
    expect(plain.gap[5]).toBe(2);
  });

  it('honours the working states and works without an employer attribute', () => {
    const noTrial = jobEpisodes(seqs, { ...WORK, roles: { paid: ['work_jc', 'work'] } });
    expect(noTrial.start[0]).toBe(2); // the trial months are not a job
    expect(noTrial.previousState[0]).toBe(0);
    const noEmployer = jobEpisodes(panel([{ states: 'WWJJNN', emp: 'AABBCC' }]), { roles: ROLES });
    expect(noEmployer.count).toBe(1);
    expect(noEmployer.duration[0]).toBe(4);
    expect(noEmployer.employer[0]).toBe(-1);
  });

  it('rejects unknown states and attributes', () => {
    expect(() => jobEpisodes(seqs, { roles: { paid: ['wrk'] } })).toThrow(/^roles\.paid: "wrk" is not a state/);
    expect(() => jobEpisodes(seqs, { roles: { ...ROLES, exit: ['work'] } })).toThrow(/^roles\.exit: "work" already has role paid/);
    expect(() => jobEpisodes(seqs, { roles: { none: ['none'] } })).toThrow(/^roles\.paid: the job episodes analysis needs at least one state with role paid or unpaid/);
    expect(() => jobEpisodes(seqs, { roles: ROLES, employer: 'firm' })).toThrow(/^employer: no cell attribute "firm"/);
  });

  it('an employer attribute with hundreds of thousands of levels (a national register)', () => {
    const seqs = panel([{ states: 'WW', emp: 'AB' }]);
    const many = Array.from({ length: 300_000 }, (_, k) => `E${k}`);
    const big = { ...seqs, cellAttributes: { ...seqs.cellAttributes, employer_id: { kind: 'category' as const, values: Int32Array.of(0, 299_999), levels: many } } };
    const jobs = jobEpisodes(big, { roles: ROLES, employer: 'employer_id' });
    expect(jobs.count).toBe(2);
    expect(jobs.employerLevels[jobs.employer[1]]).toBe('E299999');
  });
});
