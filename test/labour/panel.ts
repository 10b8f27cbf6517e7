// Small hand-written panels for the labour tests: one string per person, one
// character per month.
import * as aq from 'arquero';
import { createSequences, makeAlphabet, MISSING, VOID, type CellAttribute, type StateRoles, type StateSequences } from '../../src/index.js';

/** T trial, J work_jc, W work, N none, R retired (an exit state), ? missing, . past the end. */
const STATE_CHARS: Record<string, string> = { T: 'trial', J: 'work_jc', W: 'work', N: 'none', R: 'retired' };
const CODES = ['trial', 'work_jc', 'work', 'none', 'retired'];

/** Roles of the test states: work_jc and work paid, trial unpaid; `retired` has no role unless a test makes it an exit. */
export const ROLES: StateRoles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
/** The same with `retired` as an exit. */
export const EXIT_ROLES: StateRoles = { ...ROLES, exit: ['retired'] };
/** Work options of the test panels: the roles and their employer attribute. */
export const WORK = { roles: ROLES, employer: 'employer_id' } as const;

export interface PersonSpec {
  /** States, e.g. 'TTJJNNW..'. */
  states: string;
  /** Employer per month, a letter or '-' for none, e.g. 'AAAA--B'. */
  emp?: string;
  /** Numeric attributes per month (NaN = absent). */
  wage?: number[];
  hours?: number[];
  perm?: number[];
}

/** Build StateSequences from per-person month strings; the width is the longest string. */
export function panel(
  persons: PersonSpec[],
  options: { weights?: number[]; covariates?: Record<string, unknown[]>; alphabet?: string[] } = {},
): StateSequences {
  const n = persons.length;
  const t = Math.max(...persons.map((p) => p.states.length));
  const alphabet = makeAlphabet(options.alphabet ?? CODES);
  const codes = new Uint8Array(n * t).fill(VOID);
  const levels = [...new Set(persons.flatMap((p) => [...(p.emp ?? '')].filter((c) => c !== '-')))].sort();
  const emp = new Int32Array(n * t).fill(-1);
  const num = (key: 'wage' | 'hours' | 'perm') => {
    const v = new Float64Array(n * t).fill(NaN);
    persons.forEach((p, i) => p[key]?.forEach((x, j) => (v[i * t + j] = x)));
    return { kind: 'number', values: v } as CellAttribute;
  };
  persons.forEach((p, i) => {
    [...p.states].forEach((ch, j) => {
      if (ch === '.') return;
      codes[i * t + j] = ch === '?' ? MISSING : alphabet.codes.indexOf(STATE_CHARS[ch]);
    });
    [...(p.emp ?? '')].forEach((ch, j) => {
      if (ch !== '-') emp[i * t + j] = levels.indexOf(ch);
    });
  });
  const cellAttributes: Record<string, CellAttribute> = {
    employer_id: { kind: 'category', values: emp, levels },
    hourly_wage: num('wage'),
    hours_week: num('hours'),
    permanent: num('perm'),
  };
  const ids = persons.map((_, i) => `p${i + 1}`);
  const covariates = aq.table({ id: ids, ...(options.covariates ?? {}) });
  return createSequences({
    alphabet, codes, n, t, ids, covariates, cellAttributes,
    weights: options.weights ? Float64Array.from(options.weights) : undefined,
  });
}
