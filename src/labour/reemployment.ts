import type { StateSequences } from '../sequences/types.js';
import {
  aalenJohansen, kaplanMeier, stepValueAt,
  type ConfidenceType, type CumulativeIncidence, type KaplanMeierCurve,
} from '../stats/survival.js';
import { JobOutcome, jobEpisodes, type JobEpisodes } from './episodes.js';
import { resolveGroups, type TableGroupOptions, type WorkOptions } from './options.js';

/** Options of `timeToNewJob`. */
export interface TimeToNewJobOptions extends WorkOptions, TableGroupOptions {
  /** Only job endings whose first month after the job is before this month (default: all endings). */
  endingBefore?: number;
  /** Months without work at which to report the share with a new job (default 0, 6, 12, 48). */
  at?: readonly number[];
  /** Confidence level (0.95) and interval scale ('log-log') of the bands. */
  level?: number;
  confType?: ConfidenceType;
  /** Job episodes already computed with the same roles and employer. */
  episodes?: JobEpisodes;
}

/** Share of job endings followed by a new job within `month` months without work. Shares are 0..1. */
export interface NewJobShare {
  readonly month: number;
  /** Cumulative incidence of a new job F(month) = P(T <= month). */
  readonly newJob: number;
  readonly lower: number;
  readonly upper: number;
  /** Cumulative incidence of an exit by `month` (0 without exit states in the roles). */
  readonly exit: number;
  /** Endings still at risk at `month` (T >= month) and the distinct persons behind them. */
  readonly atRisk: number;
  readonly personsAtRisk: number;
}

/** Time to a new job for one group. */
export interface TimeToNewJobGroup {
  readonly group: string;
  /** Job endings (unweighted), the persons behind them, and how the endings split. */
  readonly endings: number;
  readonly persons: number;
  readonly newJobs: number;
  readonly exits: number;
  readonly censored: number;
  /** Kaplan-Meier curve of "no new job yet" (exits counted as censored). */
  readonly kaplanMeier: KaplanMeierCurve;
  /** Aalen-Johansen cumulative incidence, cause 1 = new job, 2 = exit; null without exit states in the roles. */
  readonly incidence: CumulativeIncidence | null;
  readonly shares: NewJobShare[];
}

/** Time to a new job after a job ends, per group and in total. */
export interface TimeToNewJob {
  readonly kind: 'timeToNewJob';
  readonly by: string;
  /** 'kaplan-meier' (shares are 1 - S) or 'aalen-johansen' (with competing exits). */
  readonly method: 'kaplan-meier' | 'aalen-johansen';
  readonly groups: TimeToNewJobGroup[];
  readonly total: TimeToNewJobGroup;
}

/**
 * Time to a new job after a job ends (study B: "direct job-to-job 34%, within
 * 6 months 63%, within 12 months 72%, within 4 years 85%").
 *
 * T is the number of months without work between a job's last month and the
 * first month of the next job (jobs as in `jobEpisodes`): T = 0 for a direct
 * move. An ending without a new job before follow-up ends, after g observed
 * months without work, is right-censored with T > g - 1 (censorings are kept
 * in the risk set at their time). The share with a new job within m months is
 * F(m) = P(T <= m) = 1 - S(m) from the Kaplan-Meier estimate (Kaplan & Meier
 * 1958) with a Greenwood band. When the roles name `exit` states, reaching one first
 * is a competing event at T = g, and F is the Aalen-Johansen cumulative
 * incidence (Aalen & Johansen 1978) with a delta-method band; the
 * Kaplan-Meier curve then treats exits as censored (the net probability).
 * Endings are weighted by their person's weight; a person may contribute
 * several endings, and the bands treat endings as independent (so they are
 * somewhat too narrow when persons have many endings).
 *
 * @param seqs monthly sequences
 * @param options `roles` (paid, unpaid, exit), `employer`, `by`, `at` (0, 6, 12, 48), `endingBefore`, `level`, `confType`
 * @returns curves and shares per group and in total
 * @example
 * const r = timeToNewJob(seqs, { roles: { paid: ['work'], none: ['none'], exit: ['retired'] }, employer: 'employer_id' });
 * r.total.shares.map((s) => [s.month, s.newJob]); // [[0, 0.34], [6, 0.63], [12, 0.72], [48, 0.85]] in study B
 */
export function timeToNewJob(seqs: StateSequences, options: TimeToNewJobOptions): TimeToNewJob {
  const { at = [0, 6, 12, 48], endingBefore = Infinity } = options;
  const jobs = options.episodes ?? jobEpisodes(seqs, options);
  const groups = resolveGroups(seqs, options.by, options.levels);
  const competing = (jobs.roles.exit ?? []).length > 0;

  // one observation per job ending: time, cause (1 new job, 2 exit, 0 censored), person
  const time: number[][] = groups.levels.map(() => []);
  const cause: number[][] = groups.levels.map(() => []);
  const person: number[][] = groups.levels.map(() => []);
  for (let q = 0; q < jobs.count; q++) {
    const o = jobs.outcome[q];
    const i = jobs.person[q];
    const gi = groups.index[i];
    if (o === JobOutcome.censored || gi < 0 || !(jobs.end[q] + 1 < endingBefore)) continue;
    const g = jobs.gap[q];
    if (o === JobOutcome.noNewJob) {
      time[gi].push(g - 1);
      cause[gi].push(0);
    } else {
      time[gi].push(g);
      cause[gi].push(o === JobOutcome.exit ? (competing ? 2 : 0) : 1);
    }
    person[gi].push(i);
  }

  const curves = (name: string, t: number[], c: number[], p: number[]): TimeToNewJobGroup => {
    const weights = p.map((i) => seqs.weights[i]);
    const survivalOptions = { weights, level: options.level, confType: options.confType };
    const km = kaplanMeier(t, c.map((v) => (v === 1 ? 1 : 0)), survivalOptions);
    const aj = competing ? aalenJohansen(t, c, 2, survivalOptions) : null;
    // past the last observed time the curve is known only when every ending has had its event
    const allSurvival = aj ? aj.survival : km.survival;
    const final = allSurvival.length > 0 && allSurvival[allSurvival.length - 1] === 0;
    const stamp = new Int32Array(seqs.n).fill(-1);
    const shares = at.map((month, k): NewJobShare => {
      let atRisk = 0;
      let personsAtRisk = 0;
      for (let r = 0; r < t.length; r++) {
        if (t[r] < month) continue;
        atRisk++;
        if (stamp[p[r]] !== k) {
          stamp[p[r]] = k;
          personsAtRisk++;
        }
      }
      if (aj) {
        return {
          month,
          newJob: stepValueAt(aj.time, aj.incidence[0], month, 0, final),
          lower: stepValueAt(aj.time, aj.lower[0], month, 0, final),
          upper: stepValueAt(aj.time, aj.upper[0], month, 0, final),
          exit: stepValueAt(aj.time, aj.incidence[1], month, 0, final),
          atRisk,
          personsAtRisk,
        };
      }
      // F = 1 - S; the band of F is 1 minus the band of S
      return {
        month,
        newJob: 1 - stepValueAt(km.time, km.survival, month, 1, final),
        lower: 1 - stepValueAt(km.time, km.upper, month, 1, final),
        upper: 1 - stepValueAt(km.time, km.lower, month, 1, final),
        exit: 0,
        atRisk,
        personsAtRisk,
      };
    });
    return {
      group: name,
      endings: t.length,
      persons: new Set(p).size,
      newJobs: c.filter((v) => v === 1).length,
      exits: c.filter((v) => v === 2).length,
      censored: c.filter((v) => v === 0).length,
      kaplanMeier: km,
      incidence: aj,
      shares,
    };
  };

  return {
    kind: 'timeToNewJob',
    by: groups.name,
    method: competing ? 'aalen-johansen' : 'kaplan-meier',
    groups: groups.levels.map((name, k) => curves(name, time[k], cause[k], person[k])),
    total: curves('total', time.flat(), cause.flat(), person.flat()),
  };
}
