import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import type { StateRoles } from './roles.js';
import { attributeBlocks } from '../sequences/cell-store.js';
import { EmployerKeys, jobMask, type WorkOptions } from './options.js';
import { roleMask } from './roles.js';

/** Options of `jobEpisodes`. */
export interface JobEpisodesOptions extends WorkOptions {
  /**
   * Jobs whose months are all unpaid (`roles.unpaid`, e.g. a trial placement
   * that never turns into a paid job at that employer): `'count'` (default)
   * keeps them as jobs; `'exclude'` drops them and treats their months as
   * months without (paid) work, so they neither end a job nor start one.
   */
  unpaidOnlyJobs?: 'count' | 'exclude';
}

/** What follows the end of a job (the codes in `JobEpisodes.outcome`). */
export const JobOutcome = {
  /** The job's end is not observed: it runs to the end of follow-up or to a missing month. */
  censored: 0,
  /** A new job starts the month after the job's last month. */
  direct: 1,
  /** A new job starts after `gap` months without work. */
  afterGap: 2,
  /** No new job before follow-up ends (or a missing month): `gap` months without work were observed. */
  noNewJob: 3,
  /** An exit state is reached after `gap` months without work, before any new job. */
  exit: 4,
} as const;

/** Names of the outcome codes, indexed by code. */
export const JOB_OUTCOME_NAMES = ['censored', 'direct', 'afterGap', 'noNewJob', 'exit'] as const;

/**
 * Every job of every person, one entry per job in a compact columnar layout
 * (jobs of a person are contiguous and in time order).
 */
export interface JobEpisodes {
  /** Number of jobs. */
  readonly count: number;
  /** Row (person) of each job. */
  readonly person: Int32Array;
  /** First month (column index) of each job. */
  readonly start: Int32Array;
  /** Last month (inclusive) of each job. */
  readonly end: Int32Array;
  /** end - start + 1. */
  readonly duration: Int32Array;
  /** 1 when the job's end is not observed (outcome `censored`). */
  readonly censored: Uint8Array;
  /** Alphabet index of the state in the job's first month (e.g. an unpaid trial placement). */
  readonly firstState: Uint8Array;
  /** Alphabet index of the state in the month before the job, or MISSING when the job starts in month 0 or after a missing month. */
  readonly previousState: Uint8Array;
  /** Employer level of the job (the first known employer in it), -1 when unknown or without an employer attribute. */
  readonly employer: Int32Array;
  /** A `JobOutcome` code. */
  readonly outcome: Uint8Array;
  /** Months without work after the job: 0 for direct, the spell length for afterGap, months to the exit for exit, months observed for noNewJob, -1 for censored. */
  readonly gap: Int32Array;
  /** Jobs of row i are `personOffset[i] .. personOffset[i + 1] - 1` (length n + 1). */
  readonly personOffset: Int32Array;
  /** Employer names, indexed by `employer`. */
  readonly employerLevels: readonly string[];
  /** Alphabet state codes, indexed by `firstState` / `previousState`. */
  readonly states: readonly string[];
  /** Whether jobs with unpaid months only are jobs here (`JobEpisodesOptions.unpaidOnlyJobs`). */
  readonly unpaidOnlyJobs: 'count' | 'exclude';
  /** The roles the jobs were found with (their exit states make `exit` outcomes). */
  readonly roles: StateRoles;
}

/**
 * Split each person's months into jobs and classify what follows each job.
 *
 * Definitions (jobcoach study, SEOR 2019, Table 1):
 * - A job is a maximal run of consecutive months in a working state (roles
 *   `paid` and `unpaid`) with the same employer: a trial placement (unpaid)
 *   that converts into a paid job at the same employer is one job, a change
 *   of employer between two working months starts a new job. A working month
 *   without an employer continues the running job (unknown is not a change);
 *   without an `employer` attribute a job is a run of working months.
 * - The job ends in its last month e when month e + 1 is observed and is not
 *   the same job. When e is the last observed month, or e + 1 is missing, the
 *   end is not observed: outcome `censored` (right-censoring).
 * - After an end: `direct` when a new job starts in e + 1; `afterGap` when a
 *   new job starts after g >= 1 months without work; `exit` when a state of
 *   role `exit` comes first (after g >= 0 months); `noNewJob` when follow-up ends (or a
 *   missing month comes) after g observed months without a job: the time to a
 *   new job is right-censored at g.
 * - `unpaidOnlyJobs: 'exclude'`: a job all of whose months are unpaid
 *   (`roles.unpaid`: the employer pays no wage) is not a job; its months count
 *   as months without work in the outcomes and gaps of the other jobs.
 *
 * @param seqs sequences (process or calendar time), with an employer cell attribute when jobs are told apart by employer
 * @param options `roles` (paid, unpaid, exit), `employer` (attribute name), `unpaidOnlyJobs` ('count')
 * @returns the jobs in columnar form
 * @example
 * // months: trial trial work_jc work_jc none none work (employer A A A A - - B)
 * const roles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
 * const jobs = jobEpisodes(seqs, { roles, employer: 'employer_id' });
 * jobs.count;            // 2
 * jobs.duration[0];      // 4 (the trial converted at employer A)
 * jobs.outcome[0] === JobOutcome.afterGap && jobs.gap[0]; // 2
 */
export function jobEpisodes(seqs: StateSequences, options: JobEpisodesOptions): JobEpisodes {
  const { n, t, codes, lengths } = seqs;
  const { roles, unpaidOnlyJobs = 'count' } = options;
  const work = jobMask(seqs, roles, 'job episodes');
  const unpaid = roleMask(seqs, roles, 'unpaid');
  const exit = roleMask(seqs, roles, 'exit');
  const employers = new EmployerKeys(seqs, options.employer);

  // split each person's months into jobs (growing columns; converted to typed arrays below)
  const person: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const firstState: number[] = [];
  const previousState: number[] = [];
  const employer: number[] = [];
  const personOffset = new Int32Array(n + 1);
  let paid = true; // the running job has a paid month
  // with 'exclude', drop the running job when it had unpaid months only
  const close = (): void => {
    if (unpaidOnlyJobs === 'exclude' && !paid) {
      for (const column of [person, start, end, firstState, previousState, employer]) column.pop();
    }
    paid = true;
  };
  for (const block of attributeBlocks(seqs, employers.names)) {
    const keys = employers.keys(block);
    for (let i = block.from; i < block.to; i++) {
      personOffset[i] = person.length;
      const row = i * t;
      let emp = -2; // employer of the running job; -2 = not in a job, -1 = unknown so far
      for (let j = 0; j < lengths[i]; j++) {
        const c = codes[row + j];
        if (!work[c]) {
          if (emp !== -2) close();
          emp = -2;
          continue;
        }
        const e = keys[row - block.from * t + j];
        if (emp === -2 || (e >= 0 && emp >= 0 && e !== emp)) {
          if (emp !== -2) close();
          paid = !unpaid[c];
          person.push(i);
          start.push(j);
          end.push(j);
          firstState.push(c);
          previousState.push(j === 0 ? MISSING : codes[row + j - 1]);
          employer.push(e);
          emp = e;
          continue;
        }
        if (emp === -1 && e >= 0) {
          emp = e;
          employer[employer.length - 1] = e;
        }
        if (!unpaid[c]) paid = true;
        end[end.length - 1] = j;
      }
      if (emp !== -2) close();
    }
  }
  const count = person.length;
  personOffset[n] = count;
  const duration = new Int32Array(count);
  const censored = new Uint8Array(count);
  const outcome = new Uint8Array(count);
  const gap = new Int32Array(count);

  // classify what follows each job's end
  for (let i = 0; i < n; i++) {
    const row = i * t;
    const len = lengths[i];
    const k = personOffset[i + 1];
    for (let q = personOffset[i]; q < k; q++) {
      duration[q] = end[q] - start[q] + 1;
      const next = end[q] + 1;
      if (next >= len || codes[row + next] === MISSING) {
        censored[q] = 1;
        outcome[q] = JobOutcome.censored;
        gap[q] = -1;
        continue;
      }
      // the person's next job starts right after this one
      if (q + 1 < k && start[q + 1] === next) {
        outcome[q] = JobOutcome.direct;
        gap[q] = 0;
        continue;
      }
      // months without a job from `next` until the next job, an exit, a missing month or the end
      const nextJob = q + 1 < k ? start[q + 1] : len;
      let j = next;
      while (j < nextJob && !exit[codes[row + j]] && codes[row + j] !== MISSING) j++;
      gap[q] = j - next;
      if (j < len && j === nextJob) outcome[q] = JobOutcome.afterGap;
      else if (j < len && exit[codes[row + j]]) outcome[q] = JobOutcome.exit;
      else outcome[q] = JobOutcome.noNewJob;
    }
  }
  return {
    count,
    person: Int32Array.from(person),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    duration,
    censored,
    firstState: Uint8Array.from(firstState),
    previousState: Uint8Array.from(previousState),
    employer: Int32Array.from(employer),
    outcome,
    gap,
    personOffset,
    employerLevels: employers.levels,
    states: [...seqs.alphabet.codes],
    unpaidOnlyJobs,
    roles,
  };
}
