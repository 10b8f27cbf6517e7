import { describe, expect, it } from 'vitest';
import { jobEpisodes, JobOutcome, jobLossTable } from '../../src/index.js';
import { EXIT_ROLES, WORK, panel } from './panel.js';

// Window 6: an ending counts when the month after the job is month 5 or earlier.
const seqs = panel(
  [
    { states: 'TJJNNWWW', emp: 'AAA--BBB' }, // A ends -> new job after 2 months; B censored
    { states: 'JJWNNNNN', emp: 'AAB-----' }, // A -> B direct; B ends, no new job (5 months observed)
    { states: 'JJJJJJJ', emp: 'AAAAAAA' }, // no ending
    { states: 'TJN', emp: 'AA-' }, // followed 3 months only
    { states: 'JNWNNNWW', emp: 'A-B---CC' }, // gaps of 1 and 3 months
    { states: 'WWWWWJRR', emp: 'AAAAAB--' }, // direct at month 5; B ends into retirement at month 6
  ],
  {
    weights: [1, 2, 1, 1, 1, 3],
    covariates: { benefit: ['Wajong', 'Wajong', 'Wajong', 'Wajong', 'WGA', 'WGA'] },
  },
);

describe('jobLossTable', () => {
  const t = jobLossTable(seqs, { ...WORK, by: 'benefit', window: 6, levels: ['Wajong', 'WGA'] });
  const [wajong, wga] = t.groups;

  it('A, B, C, D per group with weights, leaving out short follow-up', () => {
    expect(wajong).toMatchObject({
      group: 'Wajong', persons: 3, personsWeighted: 4, excluded: 1, endings: 3, endingsWeighted: 5,
      endingsPerPerson: 1.25, directPct: 40, afterGapPct: 20, gapMonthsMean: 2, noNewJobPct: 40, exitPct: 0,
      personsWithEnding: 2, personsDirect: 1, personsAfterGap: 1, personsNoNewJob: 1, personsExit: 0,
    });
    expect(wga).toMatchObject({
      persons: 2, personsWeighted: 4, excluded: 0, endings: 3, endingsWeighted: 5,
      endingsPerPerson: 1.25, directPct: 60, afterGapPct: 40, gapMonthsMean: 2, noNewJobPct: 0,
    });
    expect(t.total).toMatchObject({
      group: 'total', persons: 5, personsWeighted: 8, excluded: 1, endingsWeighted: 10,
      endingsPerPerson: 1.25, directPct: 50, afterGapPct: 30, gapMonthsMean: 2, noNewJobPct: 20,
    });
    expect(t.by).toBe('benefit');
  });

  it("incomplete: 'rate' keeps short follow-up as endings per window of observation", () => {
    const r = jobLossTable(seqs, { ...WORK, by: 'benefit', window: 6, incomplete: 'rate', levels: ['Wajong', 'WGA'] });
    expect(r.groups[0].persons).toBe(4);
    expect(r.groups[0].excluded).toBe(0);
    expect(r.groups[0].exposureMonths).toBe(27);
    expect(r.groups[0].endingsPerPerson).toBeCloseTo((6 / 27) * 6, 14);
  });

  it('separates exits from endings without a new job', () => {
    const r = jobLossTable(seqs, { ...WORK, roles: EXIT_ROLES, by: 'benefit', window: 7, levels: ['Wajong', 'WGA'] });
    expect(r.groups[1].exitPct).toBeCloseTo(37.5, 12);
    expect(r.groups[1].noNewJobPct).toBeCloseTo(37.5, 12);
    expect(r.groups[1].personsExit).toBe(1);
  });

  it('rejects a window that is not a positive whole number', () => {
    expect(() => jobLossTable(seqs, { ...WORK, window: 0 })).toThrow(/window/);
  });

  it('trial placements that never convert are not jobs by default (unpaidOnlyJobs)', () => {
    const trials = panel([
      { states: 'TTNNJJNN', emp: 'AA--BB--' }, // placement at A not converted; job at B ends after the window
      { states: 'JJTTNNNN', emp: 'AABB----' }, // job at A, then a placement at B not converted
      { states: 'JNTTWWWW', emp: 'A-BBCCCC' }, // job at A, no work, placement at B not converted, job at C
      { states: 'TTJJJJJJ', emp: 'AAAAAAAA' }, // placement converted: one job, no ending
    ]);
    // 'count': endings A(p1) after a gap of 2, A(p2) direct, B(p2) no new job, A(p3) after a gap of 1, B(p3) direct
    const counted = jobLossTable(trials, { ...WORK, window: 6, unpaidOnlyJobs: 'count' }).total;
    expect(counted).toMatchObject({ persons: 4, endings: 5, endingsPerPerson: 1.25, directPct: 40, afterGapPct: 40, gapMonthsMean: 1.5, noNewJobPct: 20 });
    // 'exclude': A(p2) has no new job; A(p3) finds C after 3 months without paid work (1 none + 2 trial)
    const paid = jobLossTable(trials, { ...WORK, window: 6 });
    expect(paid.unpaidOnlyJobs).toBe('exclude');
    expect(paid.total).toMatchObject({ persons: 4, endings: 2, endingsPerPerson: 0.5, directPct: 0, afterGapPct: 50, gapMonthsMean: 3, noNewJobPct: 50 });
    // episodes computed with the other definition are recomputed, not reused
    expect(jobLossTable(trials, { ...WORK, window: 6, episodes: jobEpisodes(trials, WORK) }).total).toEqual(paid.total);

    const jobs = jobEpisodes(trials, { ...WORK, unpaidOnlyJobs: 'exclude' });
    expect([...jobs.person]).toEqual([0, 1, 2, 2, 3]);
    expect([...jobs.start]).toEqual([4, 0, 0, 4, 0]);
    expect([...jobs.outcome]).toEqual([JobOutcome.noNewJob, JobOutcome.noNewJob, JobOutcome.afterGap, JobOutcome.censored, JobOutcome.censored]);
    expect([...jobs.gap]).toEqual([2, 6, 3, -1, -1]);
    expect(jobs.states[jobs.previousState[3]]).toBe('trial');
  });
});
