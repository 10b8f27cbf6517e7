import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { GroupSums } from './accumulate.js';
import { JobOutcome, jobEpisodes, type JobEpisodes, type JobEpisodesOptions } from './episodes.js';
import { resolveGroups, type TableGroupOptions } from './options.js';

/** Options of `jobLossTable`. */
export interface JobLossOptions extends JobEpisodesOptions, TableGroupOptions {
  /** Count job endings in months 0 .. window-1 after the start (default 36). */
  window?: number;
  /**
   * Persons observed for fewer than `window` months: `'exclude'` (default) leaves
   * them out and reports how many (`excluded`); `'rate'` keeps everyone and
   * turns A into endings per `window` months of observation:
   * A = Σ w·endings / Σ w·min(length, window) × window.
   */
  incomplete?: 'exclude' | 'rate';
  /**
   * Jobs with unpaid months only (e.g. trial placements that never turn into
   * a paid job): `'exclude'` (default) does not count them as jobs, `'count'`
   * does (see `jobLossTable`).
   */
  unpaidOnlyJobs?: 'count' | 'exclude';
  /** Job episodes already computed with the same roles and employer (recomputed when their `unpaidOnlyJobs` differs). */
  episodes?: JobEpisodes;
}

/** One row of the job-loss table (study A, Table 1). Percentages are 0..100. */
export interface JobLossRow {
  readonly group: string;
  /** Persons in the row (unweighted) and their summed weight. */
  readonly persons: number;
  readonly personsWeighted: number;
  /** Persons left out because their follow-up is shorter than the window (`incomplete: 'exclude'`). */
  readonly excluded: number;
  /** Σ w · min(length, window): the weighted person-months of observation in the window. */
  readonly exposureMonths: number;
  /** Job endings in the window, unweighted and weighted. */
  readonly endings: number;
  readonly endingsWeighted: number;
  /** A: mean job endings per person in the window (per `window` months with `incomplete: 'rate'`). */
  readonly endingsPerPerson: number;
  /** B: % of endings followed directly (next month) by a new job. */
  readonly directPct: number;
  /** C: % of endings followed by a new job after a spell without work. */
  readonly afterGapPct: number;
  /** D: mean length in months of that spell without work. */
  readonly gapMonthsMean: number;
  /** The rest, 100 - B - C: % of endings with no new job observed (follow-up ended, or an exit). */
  readonly noNewJobPct: number;
  /** Part of `noNewJobPct` that reached an exit state first. */
  readonly exitPct: number;
  /** Persons behind each cell (for disclosure control): with any ending, direct, after a gap, no new job, exit. */
  readonly personsWithEnding: number;
  readonly personsDirect: number;
  readonly personsAfterGap: number;
  readonly personsNoNewJob: number;
  readonly personsExit: number;
}

/** Job-loss table: one row per group and a total row. */
export interface JobLossTable {
  readonly kind: 'jobLoss';
  /** Name of the grouping (covariate) or `'all'`. */
  readonly by: string;
  readonly window: number;
  readonly incomplete: 'exclude' | 'rate';
  readonly unpaidOnlyJobs: 'count' | 'exclude';
  readonly groups: JobLossRow[];
  readonly total: JobLossRow;
}

// accumulator slots per group
const PERSONS = 0, PERSONS_W = 1, EXCLUDED = 2, EXPOSURE = 3, ENDINGS = 4, ENDINGS_W = 5, DIRECT_W = 6, GAP_W = 7,
  GAP_MONTHS_W = 8, NONE_W = 9, EXIT_W = 10, P_ANY = 11, P_DIRECT = 12, P_GAP = 13, P_NONE = 14, P_EXIT = 15, SLOTS = 16;

/**
 * Job endings and what follows them, per group (study A, Table 1: SEOR 2019).
 *
 * Definitions (jobs as in `jobEpisodes`): a job ending counts when the month
 * after the job's last month lies in the window, i.e. end + 1 <= window - 1, so
 * it is observable for everyone followed for the whole window. What follows an
 * ending is looked for in the person's whole observed follow-up (also past the
 * window):
 * - A = Σ w·endings / Σ w (mean endings per person; see `incomplete` for short follow-up);
 * - B = % of endings (weighted) followed by a new job the next month;
 * - C = % followed by a new job after g >= 1 months without work;
 * - D = weighted mean of g over the endings in C;
 * - the rest, 100 - B - C, had no new job before follow-up ended (right-censored:
 *   late endings have had less time; `timeToNewJob` corrects for that) or reached an exit state.
 *
 * Jobs are paid jobs by default (`unpaidOnlyJobs: 'exclude'`): an unpaid trial
 * placement (proefplaatsing) that never turns into a job at that employer is not a job,
 * and its months count as months without work. In a trial placement the
 * employer pays no wage and the person keeps the benefit, so it is not a job
 * in the employment register behind the study's Table 1; a converted placement
 * is part of the paid job that follows. This is also what makes the study's
 * WGA figures agree: with 1.0 endings per person and 31% of them without a new
 * job, at most about 35% of WGA could be without work at month 36 if every
 * placement were a job, yet the study reports 50%; placements ending without
 * conversion (45% of WGA start in one) add persons without work but no
 * endings. `'count'` treats every placement as a job.
 *
 * @param seqs sequences in process time (month 0 = start)
 * @param options `roles`, `employer`, `by`, `window` (36), `incomplete` ('exclude'), `unpaidOnlyJobs` ('exclude'), precomputed `episodes`
 * @returns rows per group and a total
 * @example
 * const roles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
 * const t1 = jobLossTable(seqs, { roles, employer: 'employer_id', by: 'benefit' });
 * t1.groups.map((r) => [r.group, r.endingsPerPerson, r.directPct, r.afterGapPct, r.gapMonthsMean]);
 * // [['WGA', 1.0, 38, 31, 5], ['Wajong', 1.2, 32, 43, 6]] on the study's data
 */
export function jobLossTable(seqs: StateSequences, options: JobLossOptions): JobLossTable {
  const { window = 36, incomplete = 'exclude', unpaidOnlyJobs = 'exclude' } = options;
  if (!(Number.isInteger(window) && window > 0)) throw new OptionsError('window', `expected a positive whole number of months; got ${window}`);
  const jobs = options.episodes?.unpaidOnlyJobs === unpaidOnlyJobs ? options.episodes : jobEpisodes(seqs, { ...options, unpaidOnlyJobs });
  const groups = resolveGroups(seqs, options.by, options.levels);
  const acc = new GroupSums(groups.levels.length, SLOTS);

  for (let i = 0; i < seqs.n; i++) {
    const gi = groups.index[i];
    if (gi < 0) continue;
    const len = seqs.lengths[i];
    const w = seqs.weights[i];
    const add = (slot: number, v: number) => acc.add(gi, slot, v);
    if (len < window && incomplete === 'exclude') {
      add(EXCLUDED, 1);
      continue;
    }
    add(PERSONS, 1);
    add(PERSONS_W, w);
    add(EXPOSURE, w * Math.min(len, window));
    let direct = 0, gap = 0, none = 0, exit = 0;
    for (let q = jobs.personOffset[i]; q < jobs.personOffset[i + 1]; q++) {
      const o = jobs.outcome[q];
      // an ending counts when the month after the job lies in the window
      if (o === JobOutcome.censored || jobs.end[q] + 1 > window - 1) continue;
      add(ENDINGS, 1);
      add(ENDINGS_W, w);
      if (o === JobOutcome.direct) {
        add(DIRECT_W, w);
        direct = 1;
      } else if (o === JobOutcome.afterGap) {
        add(GAP_W, w);
        add(GAP_MONTHS_W, w * jobs.gap[q]);
        gap = 1;
      } else {
        add(NONE_W, w);
        none = 1;
        if (o === JobOutcome.exit) {
          add(EXIT_W, w);
          exit = 1;
        }
      }
    }
    add(P_ANY, direct | gap | none);
    add(P_DIRECT, direct);
    add(P_GAP, gap);
    add(P_NONE, none);
    add(P_EXIT, exit);
  }

  const row = (k: number, name: string): JobLossRow => {
    const get = (slot: number) => acc.get(k, slot);
    const ew = get(ENDINGS_W);
    const pct = (v: number) => (ew > 0 ? (100 * v) / ew : NaN);
    return {
      group: name,
      persons: get(PERSONS),
      personsWeighted: get(PERSONS_W),
      excluded: get(EXCLUDED),
      exposureMonths: get(EXPOSURE),
      endings: get(ENDINGS),
      endingsWeighted: ew,
      endingsPerPerson: incomplete === 'exclude' ? ew / get(PERSONS_W) : (ew / get(EXPOSURE)) * window,
      directPct: pct(get(DIRECT_W)),
      afterGapPct: pct(get(GAP_W)),
      gapMonthsMean: get(GAP_W) > 0 ? get(GAP_MONTHS_W) / get(GAP_W) : NaN,
      noNewJobPct: pct(get(NONE_W)),
      exitPct: pct(get(EXIT_W)),
      personsWithEnding: get(P_ANY),
      personsDirect: get(P_DIRECT),
      personsAfterGap: get(P_GAP),
      personsNoNewJob: get(P_NONE),
      personsExit: get(P_EXIT),
    };
  };
  return {
    kind: 'jobLoss',
    by: groups.name,
    window,
    incomplete,
    unpaidOnlyJobs,
    groups: groups.levels.map((name, k) => row(k, name)),
    total: row(acc.total, 'total'),
  };
}
