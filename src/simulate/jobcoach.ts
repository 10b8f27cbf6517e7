import type { StateRoles } from '../labour/roles.js';
import * as aq from 'arquero';
import type { ProgressReporter } from '../progress.js';
import { makeAlphabet } from '../sequences/alphabet.js';
import { createSequences } from '../sequences/create.js';
import type { StateSequences } from '../sequences/types.js';
import { VOID } from '../sequences/types.js';
import { formatMonth } from '../ingest/month.js';
import { createJobcoachGenerator, type JobcoachOptions } from './generator.js';
import { BENEFITS, DISABILITIES, JOBCOACH_STATES, REGIMES, SEXES } from './jobcoach-params.js';

/** Options of `simulateJobcoach`. */
export interface SimulateJobcoachOptions extends JobcoachOptions {
  progress?: ProgressReporter;
}

/** Labels of the jobcoach states, for charts and tables. */
export const JOBCOACH_LABELS: Readonly<Record<string, string>> = {
  trial: 'trial placement',
  work_jc: 'work with jobcoach',
  work: 'work without jobcoach',
  none: 'no work',
};

/**
 * What the jobcoach panel's states mean: paid jobs with and without a
 * jobcoach, the unpaid trial placement (a job that pays no wage), no work
 * (as in studies/jobcoach.json).
 */
export const JOBCOACH_ROLES: StateRoles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
/** The person-month column that tells employers apart in the jobcoach panel. */
export const JOBCOACH_EMPLOYER = 'employer_id';

/**
 * Generate the synthetic jobcoach panel of study A in memory, in process time
 * (month 0 = start of jobcoaching, right-censored at the end month).
 *
 * The model and every parameter are described in `jobcoach-params.ts` and the
 * README ("Synthetic jobcoach panel"). Covariates (arquero table, one row per
 * sequence): person_id, benefit, sex, birth_year, disability, incapacity_pct,
 * regime, start_month, weight, true_group. Cell attributes on the N x T grid:
 * employer_id (category), hours_week, hourly_wage (euros) and permanent (0/1),
 * NaN / -1 where the person has no paid job (trial placements have an
 * employer but no wage, hours or contract).
 *
 * The same options give the same panel as `writeJobcoachPanel` writes.
 *
 * @param options `n` (default 25,000), `seed` (default 1), `parameters`, `progress`
 * @returns the panel as StateSequences over the alphabet trial, work_jc, work, none
 * @example
 * const seqs = simulateJobcoach({ n: 25_000, seed: 1 });
 * seqs.covariates.column('true_group'); // latent groups 1..4 for validation
 */
export function simulateJobcoach(options: SimulateJobcoachOptions = {}): StateSequences {
  const gen = createJobcoachGenerator(options);
  const { n, maxLength: t } = gen;
  const codes = new Uint8Array(n * t).fill(VOID);
  const lengths = new Int32Array(n);
  const employer = new Int32Array(n * t).fill(-1);
  const hours = new Float64Array(n * t).fill(NaN);
  const wage = new Float64Array(n * t).fill(NaN);
  const permanent = new Float64Array(n * t).fill(NaN);
  const ids: string[] = new Array(n);
  const cov = {
    benefit: new Array<string>(n), sex: new Array<string>(n), birth_year: new Int32Array(n), disability: new Array<string>(n),
    incapacity_pct: new Int32Array(n), regime: new Array<string>(n), start_month: new Array<string>(n),
    weight: new Float64Array(n), true_group: new Int32Array(n),
  };
  const width = personIdWidth(n);
  for (let i = 0; i < n; i++) {
    const p = gen.next();
    ids[i] = personId(i, width);
    cov.benefit[i] = BENEFITS[p.benefit];
    cov.sex[i] = SEXES[p.sex];
    cov.birth_year[i] = p.birthYear;
    cov.disability[i] = DISABILITIES[p.disability];
    cov.incapacity_pct[i] = p.incapacity;
    cov.regime[i] = REGIMES[p.regime];
    cov.start_month[i] = formatMonth(p.start);
    cov.weight[i] = p.weight;
    cov.true_group[i] = p.group;
    lengths[i] = p.length;
    const row = i * t;
    for (let j = 0; j < p.length; j++) {
      codes[row + j] = p.state[j];
      employer[row + j] = p.employer[j] - 1;
      hours[row + j] = p.hours[j];
      wage[row + j] = p.wageCents[j] / 100;
      if (p.permanent[j] >= 0) permanent[row + j] = p.permanent[j];
    }
    if (options.progress && (i % 1000 === 999 || i === n - 1)) options.progress('simulate', i + 1, n);
  }
  const levels = Array.from({ length: gen.employers }, (_, e) => employerId(e + 1, gen.employers));
  return createSequences({
    alphabet: makeAlphabet(JOBCOACH_STATES, { labels: JOBCOACH_LABELS }),
    codes, n, t, lengths, ids,
    weights: cov.weight.slice(),
    covariates: aq.table({ person_id: ids, ...cov }),
    cellAttributes: {
      employer_id: { kind: 'category', values: employer, levels },
      hours_week: { kind: 'number', values: hours },
      hourly_wage: { kind: 'number', values: wage },
      permanent: { kind: 'number', values: permanent },
    },
  });
}

/** Digits of the person number so ids sort in row order (`P00001`). */
export function personIdWidth(n: number): number {
  return Math.max(5, String(n).length);
}

/** Person id of row i (`P` + 1-based number, zero-padded). */
export function personId(i: number, width: number): string {
  return 'P' + String(i + 1).padStart(width, '0');
}

/** Employer id of employer number e (`E` + zero-padded number). */
export function employerId(e: number, employers: number): string {
  return 'E' + String(e).padStart(Math.max(5, String(employers).length), '0');
}
