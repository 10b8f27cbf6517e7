import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { attributeBlocks } from '../sequences/cell-store.js';
import { GroupSums } from './accumulate.js';
import { jobEpisodes, type JobEpisodes } from './episodes.js';
import { OptionsError } from '../errors.js';
import { EmployerKeys, jobMask, resolveGroups, stateMask, type TableGroupOptions, type WorkOptions } from './options.js';

/** Options of `retention`. */
export interface RetentionOptions extends WorkOptions, TableGroupOptions {
  /** Months after the job start at which the status is read (default 12). */
  horizon?: number;
  /** Only jobs whose first month is in one of these states (default: any job state), e.g. the paid states for starts at a regular employer. */
  startStates?: readonly string[];
  /** Also count jobs starting in month 0, whose previous month is not observed (default false). */
  includeMonthZero?: boolean;
  /** Only job starts in months startFrom .. startBefore-1 (default all). */
  startFrom?: number;
  startBefore?: number;
  /** Job episodes already computed with the same roles and employer. */
  episodes?: JobEpisodes;
}

/** Status `horizon` months after a job start, per group. Percentages are 0..100 of the weighted starts. */
export interface RetentionRow {
  readonly group: string;
  /** Job starts in the cohort whose status at the horizon is observed (unweighted, weighted). */
  readonly starts: number;
  readonly startsWeighted: number;
  /** Distinct persons behind those starts. */
  readonly persons: number;
  /** Starts left out because month start + horizon is not observed (right-censored or missing), and the persons behind them. */
  readonly censored: number;
  readonly personsCensored: number;
  /** At the same employer ("job retention"). */
  readonly sameEmployerPct: number;
  /** Working at another employer. */
  readonly otherEmployerPct: number;
  /** Not working (exit states included). */
  readonly notWorkingPct: number;
  /** same + other ("work retention"). */
  readonly workRetentionPct: number;
  /** Persons behind each outcome (for disclosure control); `personsWorking`: at the same or another employer. */
  readonly personsSame: number;
  readonly personsOther: number;
  readonly personsNotWorking: number;
  readonly personsWorking: number;
}

/** One-year (or `horizon`) retention table. */
export interface Retention {
  readonly kind: 'retention';
  readonly by: string;
  readonly horizon: number;
  readonly groups: RetentionRow[];
  readonly total: RetentionRow;
}

// sums per group: starts, then the persons behind them
const STARTS = 0, STARTS_W = 1, CENSORED = 2, SAME_W = 3, OTHER_W = 4, NONE_W = 5;
const PERSONS = 6, P_SAME = 7, P_OTHER = 8, P_NONE = 9, P_WORKING = 10, P_CENSORED = 11, SLOTS = 12;

/**
 * Job and work retention (study B, "one-year retention"): the cohort is every
 * job start after not working (the month before the job is observed and not a
 * job state: roles paid and unpaid); `horizon` months after the start the person is
 * - at the same employer: still in the same job, or working for the job's
 *   employer ("job retention", matched on the `employer` attribute);
 * - at another employer: working, for another employer;
 * - not working.
 * Work retention = same + other. Starts whose month start + horizon lies past
 * the person's follow-up (or is missing) are right-censored and left out
 * (reported as `censored`). A person may start several jobs; each start
 * counts with the person's weight.
 *
 * @param seqs sequences with an employer cell attribute (without one, only the same job counts as the same employer)
 * @param options `roles`, `employer`, `by`, `horizon` (12), `startStates`, `includeMonthZero`, `startFrom`/`startBefore`
 * @returns the shares per group and in total
 * @example
 * const roles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
 * const r = retention(seqs, { roles, employer: 'employer_id', startStates: roles.paid });
 * [r.total.sameEmployerPct, r.total.otherEmployerPct, r.total.workRetentionPct]; // about [39, 23, 62] in study B
 */
export function retention(seqs: StateSequences, options: RetentionOptions): Retention {
  const { horizon = 12, includeMonthZero = false, startFrom = 0, startBefore = Infinity } = options;
  if (!(Number.isInteger(horizon) && horizon > 0)) throw new OptionsError('horizon', `expected a positive whole number of months; got ${horizon}`);
  const jobs = options.episodes ?? jobEpisodes(seqs, options);
  const work = jobMask(seqs, options.roles, 'retention');
  const startMask = options.startStates ? stateMask(seqs, options.startStates, 'startStates') : work;
  const employers = new EmployerKeys(seqs, options.employer);
  const groups = resolveGroups(seqs, options.by, options.levels);
  const acc = new GroupSums(groups.levels.length, SLOTS);
  const seen = new Uint8Array(SLOTS); // which person slots this person reaches
  const { t, codes, lengths } = seqs;

  for (const block of attributeBlocks(seqs, employers.names)) {
    const keys = employers.keys(block);
    for (let i = block.from; i < block.to; i++) {
      const gi = groups.index[i];
      if (gi < 0) continue;
      const w = seqs.weights[i];
      const row = i * t;
      seen.fill(0);
      for (let q = jobs.personOffset[i]; q < jobs.personOffset[i + 1]; q++) {
        const s = jobs.start[q];
        const prev = jobs.previousState[q];
        const afterNoWork = prev === MISSING ? includeMonthZero && s === 0 : !work[prev];
        if (!afterNoWork || !startMask[jobs.firstState[q]] || s < startFrom || s >= startBefore) continue;
        const m = s + horizon;
        const c = m < lengths[i] ? codes[row + m] : MISSING;
        let slot: number;
        let pslot: number;
        if (c === MISSING) {
          acc.add(gi, CENSORED, 1);
          seen[P_CENSORED] = 1;
          continue;
        } else if (!work[c]) {
          slot = NONE_W;
          pslot = P_NONE;
        } else if (jobs.end[q] >= m || (jobs.employer[q] >= 0 && keys[row - block.from * t + m] === jobs.employer[q])) {
          slot = SAME_W;
          pslot = P_SAME;
        } else {
          slot = OTHER_W;
          pslot = P_OTHER;
        }
        acc.add(gi, STARTS, 1);
        acc.add(gi, STARTS_W, w);
        acc.add(gi, slot, w);
        seen[PERSONS] = 1;
        seen[pslot] = 1;
        if (pslot !== P_NONE) seen[P_WORKING] = 1;
      }
      for (let k = PERSONS; k < SLOTS; k++) acc.add(gi, k, seen[k]);
    }
  }

  const row = (k: number, name: string): RetentionRow => {
    const sw = acc.get(k, STARTS_W);
    const pct = (v: number) => (sw > 0 ? (100 * v) / sw : NaN);
    return {
      group: name,
      starts: acc.get(k, STARTS),
      startsWeighted: sw,
      persons: acc.get(k, PERSONS),
      censored: acc.get(k, CENSORED),
      personsCensored: acc.get(k, P_CENSORED),
      sameEmployerPct: pct(acc.get(k, SAME_W)),
      otherEmployerPct: pct(acc.get(k, OTHER_W)),
      notWorkingPct: pct(acc.get(k, NONE_W)),
      workRetentionPct: pct(acc.get(k, SAME_W) + acc.get(k, OTHER_W)),
      personsSame: acc.get(k, P_SAME),
      personsOther: acc.get(k, P_OTHER),
      personsNotWorking: acc.get(k, P_NONE),
      personsWorking: acc.get(k, P_WORKING),
    };
  };
  return {
    kind: 'retention', by: groups.name, horizon,
    groups: groups.levels.map((name, k) => row(k, name)), total: row(acc.total, 'total'),
  };
}
