import { describe, expect, it } from 'vitest';
import {
  createSequences, fixedEffectsIndex, jobEpisodes, JobOutcome, jobLossTable, makeAlphabet, MISSING, randomInt, seededRandom,
  stateSharesByMonth, timeToNewJob, VOID, type StateSequences,
} from '../../src/index.js';
import { ROLES, WORK } from './panel.js';

const WAGE_STATES = ROLES.paid;

/** A random panel: persistent states, a few employers, censoring and the odd missing month. */
function randomPanel(seed: number, n = 300, t = 40): StateSequences {
  const rnd = seededRandom(seed);
  const alphabet = makeAlphabet(['trial', 'work_jc', 'work', 'none']);
  const codes = new Uint8Array(n * t).fill(VOID);
  const emp = new Int32Array(n * t).fill(-1);
  const wage = new Float64Array(n * t).fill(NaN);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    weights[i] = 0.5 + rnd() * 2;
    const len = 10 + randomInt(rnd, t - 9);
    let s = randomInt(rnd, 4);
    let e = randomInt(rnd, 5);
    const level = 5 + 10 * rnd();
    for (let j = 0; j < len; j++) {
      if (rnd() < 0.2) s = randomInt(rnd, 4);
      if (rnd() < 0.1) e = randomInt(rnd, 5);
      codes[i * t + j] = rnd() < 0.02 ? MISSING : s;
      if (s < 3) {
        emp[i * t + j] = e;
        wage[i * t + j] = level + 0.1 * j + rnd();
      }
    }
  }
  return createSequences({
    alphabet, codes, n, t, weights,
    cellAttributes: {
      employer_id: { kind: 'category', values: emp, levels: ['a', 'b', 'c', 'd', 'e'] },
      hourly_wage: { kind: 'number', values: wage },
    },
  });
}

describe('properties on random panels', () => {
  const seqs = randomPanel(11);
  const jobs = jobEpisodes(seqs, WORK);

  it('jobs cover exactly the working months and respect employers and outcomes', () => {
    let working = 0;
    for (let i = 0; i < seqs.n; i++) for (let j = 0; j < seqs.lengths[i]; j++) if (seqs.codes[i * seqs.t + j] < 3) working++;
    expect(jobs.duration.reduce((a, b) => a + b, 0)).toBe(working);
    const emp = seqs.cellAttributes.employer_id.values;
    const bad: string[] = [];
    for (let q = 0; q < jobs.count; q++) {
      const row = jobs.person[q] * seqs.t;
      for (let j = jobs.start[q]; j <= jobs.end[q]; j++) {
        if (seqs.codes[row + j] >= 3 || emp[row + j] !== jobs.employer[q]) bad.push(`job ${q} month ${j}`);
      }
      const o = jobs.outcome[q];
      const next = jobs.end[q] + 1;
      if (o === JobOutcome.direct && jobs.start[q + 1] !== next) bad.push(`direct ${q}`);
      if (o === JobOutcome.afterGap && jobs.start[q + 1] !== next + jobs.gap[q]) bad.push(`gap ${q}`);
      if (o === JobOutcome.censored && next !== seqs.lengths[jobs.person[q]] && seqs.codes[row + next] !== MISSING) bad.push(`censored ${q}`);
    }
    expect(bad).toEqual([]);
  });

  it('job-loss shares add up and do not change when all weights double', () => {
    const a = jobLossTable(seqs, { ...WORK, window: 20, episodes: jobs });
    expect(a.total.directPct + a.total.afterGapPct + a.total.noNewJobPct).toBeCloseTo(100, 10);
    const doubled = createSequences({ ...seqs, codes: seqs.codes.slice(), weights: seqs.weights.map((w) => 2 * w) });
    const b = jobLossTable(doubled, { ...WORK, window: 20 });
    for (const key of ['endingsPerPerson', 'directPct', 'afterGapPct', 'gapMonthsMean'] as const) {
      expect(b.total[key]).toBeCloseTo(a.total[key], 12);
    }
  });

  it('Kaplan-Meier shares lie between the naive bounds that treat censored endings as never and as at once re-employed', () => {
    const at = [0, 1, 2, 3, 5, 8];
    const r = timeToNewJob(seqs, { ...WORK, episodes: jobs, at });
    let all = 0;
    let censored = 0;
    const within = at.map(() => 0);
    for (let q = 0; q < jobs.count; q++) {
      const o = jobs.outcome[q];
      if (o === JobOutcome.censored) continue;
      const w = seqs.weights[jobs.person[q]];
      all += w;
      if (o === JobOutcome.noNewJob) censored += w;
      else at.forEach((m, k) => (within[k] += jobs.gap[q] <= m ? w : 0));
    }
    expect(censored).toBeGreaterThan(0);
    r.total.shares.forEach((s, k) => {
      expect(s.newJob).toBeGreaterThanOrEqual(within[k] / all - 1e-12);
      expect(s.newJob).toBeLessThanOrEqual((within[k] + censored) / all + 1e-12);
    });
  });

  it('state shares sum to 1 in every month', () => {
    const s = stateSharesByMonth(seqs);
    s.total.shares.forEach((row, k) => {
      if (s.total.atRisk[k] > 0) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  });

  it('fixed effects ignore person-level shifts', () => {
    const a = fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: WAGE_STATES, bins: [0, 10, 20, 30] });
    const wage = seqs.cellAttributes.hourly_wage.values as Float64Array;
    const shifted = wage.map((v, c) => v + 7 * Math.floor(c / seqs.t));
    const b = fixedEffectsIndex({ ...seqs, cellAttributes: { ...seqs.cellAttributes, hourly_wage: { kind: 'number', values: shifted } } }, {
      outcome: 'hourly_wage', states: WAGE_STATES, bins: [0, 10, 20, 30],
    });
    a.coef.forEach((c, k) => expect(b.coef[k]).toBeCloseTo(c, 9));
    a.se.forEach((c, k) => expect(b.se[k]).toBeCloseTo(c, 9));
    expect(a.coef[3]).toBeGreaterThan(a.coef[1]); // wages rise 0.1 a month
  });
});
