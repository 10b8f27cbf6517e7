import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { attributeBlocks } from '../sequences/cell-store.js';
import { GroupSums } from './accumulate.js';
import { jobEpisodes, type JobEpisodes } from './episodes.js';
import { OptionsError } from '../errors.js';
import { jobMask, requireNumericAttribute, resolveGroups, stateMask, type TableGroupOptions, type WorkOptions } from './options.js';

/** The four rule-based patterns of study B, in rule order. */
export const TYPOLOGY_TYPES = ['longJob', 'switcher', 'shortSpells', 'neverWorked'] as const;
export type TypologyType = (typeof TYPOLOGY_TYPES)[number];

/** Options of `ruleTypology`. */
export interface TypologyOptions extends WorkOptions, TableGroupOptions {
  /** First month of the window (default 0) and the month after its last (default: all months). */
  from?: number;
  to?: number;
  /** Type 1 needs a run of more than this many consecutive working months (default 12). */
  longRun?: number;
  /** Type 2 needs more than this many work/no-work switches per observed year (default 1). */
  switchesPerYear?: number;
  /** Persons with fewer observed (non-missing) months in the window are left out (default 12). */
  minMonths?: number;
  /** Persons whose every observed month in the window is in one of these states are left out (e.g. sheltered work). */
  excludeAlwaysIn?: readonly string[];
  /** Numeric 0/1 cell attribute of a permanent contract, e.g. `permanent` (no default: without it `pctPermanent` is NaN). */
  permanent?: string;
  /** Job episodes already computed with the same roles and employer. */
  episodes?: JobEpisodes;
}

/** One pattern within a group. Percentages are 0..100. */
export interface TypologyRow {
  readonly type: TypologyType;
  readonly persons: number;
  readonly personsWeighted: number;
  /** Weighted share of the group's classified persons. */
  readonly sharePct: number;
  /** % of observed months in a job: Σ w·work months / Σ w·observed months. */
  readonly pctTimeWorking: number;
  /** % of working months (with a known contract) on a permanent contract. */
  readonly pctPermanent: number;
  /** Job changes per worked year: Σ w·(jobs - 1) / Σ w·(work months / 12). */
  readonly jobChangesPerWorkedYear: number;
}

/** The patterns of one group. */
export interface TypologyGroup {
  readonly group: string;
  /** Persons classified and persons left out (short observation or always in `excludeAlwaysIn`). */
  readonly persons: number;
  readonly excluded: number;
  readonly rows: TypologyRow[];
}

/** Rule-based typology per group, the total, and each person's type. */
export interface Typology {
  readonly kind: 'typology';
  readonly by: string;
  readonly from: number;
  readonly to: number;
  readonly groups: TypologyGroup[];
  readonly total: TypologyGroup;
  /** Type of each person as an index into TYPOLOGY_TYPES, -1 when left out. */
  readonly assignment: Int8Array;
}

// per group and type: persons, weights, observed and working months, permanent months, job changes
const PERSONS = 0, WEIGHT = 1, OBSERVED = 2, WORKED = 3, PERM_KNOWN = 4, PERM = 5, CHANGES = 6, SLOTS = 7;

/**
 * Rule-based labour-market patterns over a window of months (study B,
 * synthesis of the Wajong services evaluation), applied in this order:
 * 4 `neverWorked`: no working month in the window;
 * 1 `longJob`: ever more than `longRun` (12) consecutive working months;
 * 2 `switcher`: more than `switchesPerYear` (1) work/no-work switches per
 *   observed year (never more than 12 months in a row, by rule order);
 * 3 `shortSpells`: the rest (ever worked, at most one switch per year).
 * A switch is a change between working and not working from one observed
 * month to the next; a missing month breaks runs and is not a switch.
 * Right-censoring: rates use each person's observed months in the window
 * (observed years = observed months / 12); persons with fewer than
 * `minMonths` observed months are left out and counted. Per type: % of time
 * in a job, % of job time on a permanent contract, and job changes per
 * worked year, where a person's job changes are the jobs (as in
 * `jobEpisodes`) overlapping the window minus one.
 *
 * @param seqs monthly sequences (calendar time for study B)
 * @param options `roles` (jobs = paid and unpaid), `employer`, window `from`/`to`, `longRun` (12), `switchesPerYear` (1), `minMonths` (12), `excludeAlwaysIn`, `permanent`, `by`
 * @returns shares and indicators per type and group, and each person's type
 * @example
 * const roles = { paid: ['work'], sheltered: ['sheltered'], none: ['none'] };
 * const ty = ruleTypology(seqs, { roles, employer: 'employer_id', by: 'cohort', excludeAlwaysIn: roles.sheltered });
 * ty.total.rows.map((r) => [r.type, r.sharePct]); // study B, Wajong2010: longJob 37, switcher 7, shortSpells 19, neverWorked 37
 */
export function ruleTypology(seqs: StateSequences, options: TypologyOptions): Typology {
  const { t, codes, lengths } = seqs;
  const { from = 0, to = t, longRun = 12, switchesPerYear = 1, minMonths = 12 } = options;
  if (!(from >= 0 && to <= t && from < to)) throw new OptionsError('from/to', `expected 0 <= from < to <= ${t}; got ${from}, ${to}`);
  const work = jobMask(seqs, options.roles, 'rule typology');
  const always = stateMask(seqs, options.excludeAlwaysIn ?? [], 'excludeAlwaysIn');
  if (options.permanent !== undefined) requireNumericAttribute(seqs, options.permanent, 'permanent');
  const jobs = options.episodes ?? jobEpisodes(seqs, options);
  const groups = resolveGroups(seqs, options.by, options.levels);
  const nTypes = TYPOLOGY_TYPES.length;
  // per group: SLOTS sums for each type, then the number left out
  const EXCLUDED = nTypes * SLOTS;
  const acc = new GroupSums(groups.levels.length, EXCLUDED + 1);
  const assignment = new Int8Array(seqs.n).fill(-1);

  for (const block of attributeBlocks(seqs, options.permanent === undefined ? [] : [options.permanent])) {
    const permValues = options.permanent === undefined ? null : (block.attributes[options.permanent].values as Float64Array);
    for (let i = block.from; i < block.to; i++) {
      const gi = groups.index[i];
      if (gi < 0) continue;
      const row = i * t;
      const hi = Math.min(to, lengths[i]);
      let observed = 0, worked = 0, run = 0, maxRun = 0, switches = 0, permKnown = 0, permMonths = 0, outside = 0;
      let prev = -1; // work status of the previous observed month, -1 after a missing month
      for (let j = from; j < hi; j++) {
        const c = codes[row + j];
        if (c === MISSING) {
          prev = -1;
          run = 0;
          continue;
        }
        observed++;
        if (!always[c]) outside = 1;
        const isWork = work[c];
        if (prev >= 0 && prev !== isWork) switches++;
        prev = isWork;
        if (isWork) {
          worked++;
          run++;
          if (run > maxRun) maxRun = run;
          const p = permValues ? permValues[row - block.from * t + j] : NaN;
          if (!Number.isNaN(p)) {
            permKnown++;
            permMonths += p;
          }
        } else run = 0;
      }
      if (observed < minMonths || !outside) {
        acc.add(gi, EXCLUDED, 1);
        continue;
      }
      let type: number;
      if (worked === 0) type = 3;
      else if (maxRun > longRun) type = 0;
      else if (switches / (observed / 12) > switchesPerYear) type = 1;
      else type = 2;
      assignment[i] = type;
      let jobsInWindow = 0;
      for (let q = jobs.personOffset[i]; q < jobs.personOffset[i + 1]; q++) {
        if (jobs.start[q] < hi && jobs.end[q] >= from) jobsInWindow++;
      }
      const w = seqs.weights[i];
      const base = type * SLOTS;
      acc.add(gi, base + PERSONS, 1);
      acc.add(gi, base + WEIGHT, w);
      acc.add(gi, base + OBSERVED, w * observed);
      acc.add(gi, base + WORKED, w * worked);
      acc.add(gi, base + PERM_KNOWN, w * permKnown);
      acc.add(gi, base + PERM, w * permMonths);
      acc.add(gi, base + CHANGES, w * Math.max(0, jobsInWindow - 1));
    }
  }

  const group = (g: number, name: string): TypologyGroup => {
    let weight = 0;
    for (let k = 0; k < nTypes; k++) weight += acc.get(g, k * SLOTS + WEIGHT);
    const rows = TYPOLOGY_TYPES.map((type, k): TypologyRow => {
      const get = (slot: number) => acc.get(g, k * SLOTS + slot);
      return {
        type,
        persons: get(PERSONS),
        personsWeighted: get(WEIGHT),
        sharePct: weight > 0 ? (100 * get(WEIGHT)) / weight : NaN,
        pctTimeWorking: get(OBSERVED) > 0 ? (100 * get(WORKED)) / get(OBSERVED) : NaN,
        pctPermanent: get(PERM_KNOWN) > 0 ? (100 * get(PERM)) / get(PERM_KNOWN) : NaN,
        jobChangesPerWorkedYear: get(WORKED) > 0 ? get(CHANGES) / (get(WORKED) / 12) : NaN,
      };
    });
    return { group: name, persons: rows.reduce((sum, r) => sum + r.persons, 0), excluded: acc.get(g, EXCLUDED), rows };
  };
  return {
    kind: 'typology',
    by: groups.name,
    from,
    to,
    groups: groups.levels.map((name, k) => group(k, name)),
    total: group(acc.total, 'total'),
    assignment,
  };
}
