import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { ageAt, ageBand, ageBandLabels, DEFAULT_AGE_BANDS } from './age.js';
import { calendarMonth, monthIndex, type PanelMonth } from './dates.js';
import { resolveGroups } from './options.js';
import { checkStateRoles, STATE_ROLES, type StateRoles } from './roles.js';

/** The name of the derived covariate: the age band at the reference date. */
export const AGE_BAND = 'age_band';

/** Options of `stockOnDate`. */
export interface StockOptions {
  /** The reference month: a time label such as `2022-12`, or a column index. */
  date: PanelMonth;
  /** Columns of the table: each state (`'state'`, default) or each role (`'role'`: paid, sheltered, none, ...; needs `roles`). */
  of?: 'state' | 'role';
  /** Roles of the states (for `of: 'role'`); states without a role count as `other`. */
  roles?: StateRoles;
  /** Up to two covariates that cross the table, e.g. `['sex', 'age_band']`; `age_band` is the age band at the reference date. */
  by?: readonly string[];
  /** Covariate with the birth date (`YYYY-MM-DD`, `YYYY-MM`) or year (`YYYY`): needed for `age_band`. */
  birth?: string;
  /** Lower bounds of the age bands (default 18, 25, 35, 45, 55, 65: <18, 18-24, ..., 65+). */
  ageBands?: readonly number[];
  /** Order (and selection) of the levels per covariate, e.g. `{ sex: ['female', 'male'] }`; others go to `unknown`. */
  levels?: Readonly<Record<string, readonly string[]>>;
}

/** One row of the stock table: a combination of covariate levels (or `total`). */
export interface StockRow {
  /** The level of each `by` covariate, `total` for its margin. */
  readonly keys: readonly string[];
  /** Persons observed on the reference date (unweighted, weighted). */
  readonly persons: number;
  readonly personsWeighted: number;
  /** Persons of the row not observed on the reference date (follow-up ended or not begun, or a missing month). */
  readonly notObserved: number;
  /** Per category: persons (unweighted), weighted persons, and weighted % of the row's persons. */
  readonly counts: number[];
  readonly weighted: number[];
  readonly pct: number[];
}

/** Counts and shares per state (or role) on a reference date, crossed with up to two covariates, with totals. */
export interface Stock {
  readonly kind: 'stock';
  readonly date: string;
  readonly month: number;
  readonly by: readonly string[];
  /** The levels of each `by` covariate (without `total`). */
  readonly levels: readonly (readonly string[])[];
  /** The columns: states, or roles. */
  readonly categories: readonly string[];
  /** Every combination of levels and totals, the first covariate varying slowest, totals last. */
  readonly rows: StockRow[];
}

/**
 * The stock on a reference date (study B: persons working at a regular
 * employer, in sheltered work, not working, by sex, age band and diagnosis):
 * among the persons observed in the reference month, the number in each
 * state (or role) and its weighted share of the row, for every combination of
 * the levels of up to two covariates, each covariate's margin (`total`) and
 * the grand total. Persons not observed that month (follow-up not begun or
 * ended, or a missing month) are counted apart (`notObserved`). Persons
 * without a value of a covariate, or with a level not in `levels`, are in its
 * level `unknown`. `age_band`: age in whole years at the end of the reference
 * month (`ageAt`: completed years from a birth date; reference year minus
 * birth year from a year), in bands with the lower bounds `ageBands`; the
 * reference date must then be a calendar month.
 *
 * @param seqs monthly sequences in calendar time
 * @param options `date`, `of` ('state'), `roles`, `by` (at most two), `birth`, `ageBands`, `levels`
 * @returns one row per combination of levels, with margins and the total
 * @example
 * const s = stockOnDate(seqs, { date: '2022-12', of: 'role', roles, by: ['sex', 'age_band'], birth: 'birth_year' });
 * s.categories;           // ['paid', 'sheltered', 'none', ...]
 * s.rows.at(-1)!.pct;     // weighted % per role in the whole population on 2022-12
 */
export function stockOnDate(seqs: StateSequences, options: StockOptions): Stock {
  const j = monthIndex(seqs, options.date, 'date');
  const by = [...(options.by ?? [])];
  if (by.length > 2) throw new OptionsError('by', `at most two covariates cross a stock table; got ${by.join(', ')}`);
  if (new Set(by).size < by.length) throw new OptionsError('by', `a covariate is given twice: ${by.join(', ')}`);
  const { categoryOf, categories } = stockCategories(seqs, options);
  const factors = by.map((name) => stockFactor(seqs, name, j, options));
  // cell (l1, l2) of the (L1 + 1) x (L2 + 1) grid, level L_k standing for the margin `total`
  const sizes = factors.map((f) => f.levels.length + 1);
  const nRows = sizes.reduce((a, b) => a * b, 1);
  const nCat = categories.length;
  const persons = new Float64Array(nRows), weight = new Float64Array(nRows), notObserved = new Float64Array(nRows);
  const counts = new Float64Array(nRows * nCat), weighted = new Float64Array(nRows * nCat);
  const cellsOf = (i: number): number[] => {
    let cells = [0];
    factors.forEach((f, k) => {
      const own = f.index[i], total = sizes[k] - 1;
      cells = cells.flatMap((c) => [c * sizes[k] + own, c * sizes[k] + total]);
    });
    return cells;
  };
  const { t, codes, lengths } = seqs;
  for (let i = 0; i < seqs.n; i++) {
    const code = j < lengths[i] ? codes[i * t + j] : MISSING;
    const cat = code === MISSING ? -1 : categoryOf[code];
    const w = seqs.weights[i];
    for (const r of cellsOf(i)) {
      if (cat < 0) {
        notObserved[r]++;
        continue;
      }
      persons[r]++;
      weight[r] += w;
      counts[r * nCat + cat]++;
      weighted[r * nCat + cat] += w;
    }
  }
  const rows: StockRow[] = [];
  for (let r = 0; r < nRows; r++) {
    const keys: string[] = [];
    let rest = r;
    for (let k = factors.length - 1; k >= 0; k--) {
      const l = rest % sizes[k];
      rest = Math.floor(rest / sizes[k]);
      keys.unshift(l < factors[k].levels.length ? factors[k].levels[l] : 'total');
    }
    const w = Array.from(weighted.subarray(r * nCat, (r + 1) * nCat));
    rows.push({
      keys,
      persons: persons[r],
      personsWeighted: weight[r],
      notObserved: notObserved[r],
      counts: Array.from(counts.subarray(r * nCat, (r + 1) * nCat)),
      weighted: w,
      pct: w.map((x) => (weight[r] > 0 ? (100 * x) / weight[r] : NaN)),
    });
  }
  return { kind: 'stock', date: seqs.timeLabels[j], month: j, by, levels: factors.map((f) => f.levels), categories, rows };
}

/** Category (column) of each cell code, and the category names. */
function stockCategories(seqs: StateSequences, options: StockOptions): { categoryOf: Int8Array; categories: string[] } {
  const codes = seqs.alphabet.codes;
  const categoryOf = new Int8Array(256).fill(-1);
  if ((options.of ?? 'state') === 'state') {
    codes.forEach((_, c) => (categoryOf[c] = c));
    return { categoryOf, categories: [...codes] };
  }
  if (!options.roles || Object.values(options.roles).every((states) => !states?.length)) {
    throw new OptionsError('roles', 'a stock by role needs the roles of the states');
  }
  checkStateRoles(seqs, options.roles);
  const roleOf = codes.map((s) => STATE_ROLES.find((role) => options.roles![role]?.includes(s)) ?? 'other');
  const categories = STATE_ROLES.filter((role) => roleOf.includes(role));
  roleOf.forEach((role, c) => (categoryOf[c] = categories.indexOf(role)));
  return { categoryOf, categories };
}

/** Level of each person on one covariate of the table (`unknown` last when someone has none). */
function stockFactor(seqs: StateSequences, name: string, j: number, options: StockOptions): { levels: string[]; index: Int32Array } {
  const names = seqs.covariates.columnNames();
  let levels: string[];
  let index: Int32Array;
  if (name === AGE_BAND && options.birth === undefined && names.includes(AGE_BAND)) {
    ({ levels, index } = resolveGroups(seqs, name, options.levels?.[name], 'by'));
  } else if (name === AGE_BAND) {
    if (options.birth === undefined) throw new OptionsError('birth', `${AGE_BAND} needs the covariate with the birth date or year`);
    if (!names.includes(options.birth)) throw new OptionsError('birth', `no covariate "${options.birth}"; the covariates are ${names.join(', ')}`);
    const month = calendarMonth(seqs.timeLabels[j]);
    if (!month) throw new OptionsError('date', `the age at the reference date needs a calendar month (YYYY-MM); the panel's month is "${seqs.timeLabels[j]}"`);
    const bounds = options.ageBands ?? DEFAULT_AGE_BANDS;
    levels = ageBandLabels(bounds);
    const birth = seqs.covariates.array(options.birth) as ArrayLike<unknown>;
    index = Int32Array.from({ length: seqs.n }, (_, i) => {
      const age = ageAt(birth[i], month.year, month.month);
      // an empty birth is an unknown age; anything else must be a date or a year
      if (Number.isNaN(age) && birth[i] !== null && birth[i] !== undefined && birth[i] !== '' && !Number.isNaN(birth[i])) {
        throw new OptionsError('birth', `"${String(birth[i])}" (person ${seqs.ids[i]}) is not a birth date (YYYY-MM-DD, YYYY-MM) or year (YYYY)`);
      }
      return ageBand(age, bounds);
    });
  } else {
    ({ levels, index } = resolveGroups(seqs, name, options.levels?.[name], 'by'));
  }
  if (index.some((l) => l < 0)) {
    levels = [...levels, 'unknown'];
    index = index.map((l) => (l < 0 ? levels.length - 1 : l));
  }
  return { levels, index };
}
