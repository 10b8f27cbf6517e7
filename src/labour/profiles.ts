import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { chiSquareIndependence } from '../stats/contingency.js';
import { confidenceZ } from '../stats/distributions.js';
import { welchTest } from '../stats/welch.js';
import { GroupSums } from './accumulate.js';
import { OptionsError } from '../errors.js';
import { jobMask, resolveGroups, type GroupBy } from './options.js';
import type { StateRoles } from './roles.js';

/** Options of `groupProfiles`. */
export interface GroupProfileOptions {
  /** The groups to profile: cluster numbers per person, or a covariate. */
  by: GroupBy;
  /** Order of the group levels (default sorted). */
  levels?: readonly string[];
  /**
   * Covariates profiled as categories (Table 2). Default: every covariate whose
   * values are text with at most 20 distinct values, except `id`, the grouping and `shareBy`.
   */
  categorical?: readonly string[];
  /** Covariates profiled by their mean (e.g. age, incapacity_pct); default none. */
  numeric?: readonly string[];
  /** Order of the category levels per covariate, e.g. `{ regime: ['very_light', 'light', 'medium', 'intensive'] }`. */
  covariateLevels?: Readonly<Record<string, readonly string[]>>;
  /** Covariate whose levels get each group's share, e.g. `benefit` (default none). */
  shareBy?: string;
  /** Roles of the states: job months (paid and unpaid) count as working for `pctTimeWorking` (NaN without roles). */
  roles?: StateRoles;
  /** Confidence level of the cell tests (default 0.95). */
  level?: number;
}

/** Size and working time of one group. Percentages are 0..100. */
export interface GroupProfile {
  readonly group: string;
  readonly persons: number;
  readonly personsWeighted: number;
  /** Weighted % of all profiled persons. */
  readonly sharePct: number;
  /** Per level of `shareBy`: weighted % of the persons with that level who are in this group (e.g. Wajong 19, WGA 41). */
  readonly shareByPct: Record<string, number>;
  /** Persons per level of `shareBy` (for disclosure control). */
  readonly shareByPersons: Record<string, number>;
  /** % of observed months in a job state (roles paid and unpaid): Σ w·working months / Σ w·observed months; NaN without roles. */
  readonly pctTimeWorking: number;
}

/** A categorical covariate across the groups, with cell tests against the total. */
export interface CategoricalProfile {
  readonly covariate: string;
  /** Category levels (rows of Table 2). */
  readonly levels: string[];
  /** pct[g][l]: weighted % of group g in level l; totalPct[l] over all groups. */
  readonly pct: number[][];
  readonly totalPct: number[];
  /** count[g][l]: persons (unweighted); totalCount[l]. */
  readonly count: number[][];
  readonly totalCount: number[];
  /** Adjusted standardized residual of each cell (= two-proportion z of group vs rest), its p-value, and |z| > z_(1-α/2). */
  readonly residual: number[][];
  readonly pValue: number[][];
  readonly significant: boolean[][];
  /** Pearson chi-square test of independence of group and covariate, with Cramér's V. */
  readonly test: { readonly statistic: number; readonly df: number; readonly pValue: number; readonly cramersV: number; readonly n: number };
  /** Persons without a value (left out of this covariate). */
  readonly missing: number;
}

/** A numeric covariate across the groups, each group tested against the rest. */
export interface NumericProfile {
  readonly covariate: string;
  /** Weighted mean and standard deviation per group, and persons with a value. */
  readonly mean: number[];
  readonly sd: number[];
  readonly persons: number[];
  readonly totalMean: number;
  readonly totalSd: number;
  /** Welch t test of the group mean against the mean of all other groups. */
  readonly t: number[];
  readonly pValue: number[];
  readonly significant: boolean[];
}

/** Profiles of a grouping (e.g. clusters): sizes, working time and covariate distributions with tests. */
export interface GroupProfiles {
  readonly kind: 'groupProfiles';
  readonly by: string;
  readonly level: number;
  readonly shareBy: string | null;
  readonly shareByLevels: string[];
  readonly groups: GroupProfile[];
  readonly total: GroupProfile;
  readonly categorical: CategoricalProfile[];
  readonly numeric: NumericProfile[];
}

/**
 * Describe groups of persons (clusters, or any grouping) as in study A's
 * cluster descriptions and Table 2: group size and share per `shareBy` level
 * (e.g. benefit), % of observed time working, the distribution of each
 * categorical covariate per group against the total, and the mean of each
 * numeric covariate.
 *
 * Tests (Agresti 2013, Categorical Data Analysis, 3.3.1): for a categorical
 * covariate, Pearson's chi-square test of independence of group and category
 * with its p-value and Cramér's V; per cell, Haberman's adjusted standardized
 * residual, which equals the pooled two-proportion z test of "this group vs all
 * other groups" for that category, so a significant cell (|z| > 1.96 at 95%,
 * the * of Table 2) is a group whose share differs from the rest and hence
 * from the total. No correction for multiple testing. Numeric covariates: a
 * Welch t test of the group mean against the other groups (Welch 1947).
 * Weights: shares and means are weighted; the tests use weights rescaled to
 * sum to the number of persons, so the test's sample size stays the number of persons.
 *
 * @param seqs sequences with person covariates
 * @param options `by` (cluster numbers or a covariate), `roles`, `categorical`, `numeric`, `covariateLevels`, `shareBy`, `level`
 * @returns group sizes, working time and covariate profiles
 * @example
 * const p = groupProfiles(wajong, { by: clusters, roles: { paid: ['work_jc', 'work'], unpaid: ['trial'] }, categorical: ['regime'],
 *   covariateLevels: { regime: ['very_light', 'light', 'medium', 'intensive'] } });
 * const regime = p.categorical[0];
 * [regime.pct[0][0], regime.significant[0][0]]; // [12, true] for group 1, very light (Table 2)
 */
export function groupProfiles(seqs: StateSequences, options: GroupProfileOptions): GroupProfiles {
  const { level = 0.95 } = options;
  const groups = resolveGroups(seqs, options.by, options.levels);
  const g = groups.levels.length;
  const names = seqs.covariates.columnNames();
  const shareBy = options.shareBy ?? null;
  const categorical = options.categorical
    ?? names.filter((c) => c !== 'id' && c !== groups.name && c !== shareBy && isSmallCategory(seqs.covariates.array(c) as ArrayLike<unknown>));
  const z = confidenceZ(level);

  // rescale weights to sum to the number of grouped persons, for the tests
  let wSum = 0;
  let nGrouped = 0;
  for (let i = 0; i < seqs.n; i++) {
    if (groups.index[i] < 0) continue;
    wSum += seqs.weights[i];
    nGrouped++;
  }
  const scale = wSum > 0 ? nGrouped / wSum : 0;

  // sizes, working time and shares per shareBy level
  const work = options.roles ? jobMask(seqs, options.roles, 'group profiles') : null;
  const share = shareBy ? resolveGroups(seqs, shareBy, options.covariateLevels?.[shareBy], 'shareBy') : null;
  const nShare = share ? share.levels.length : 0;
  // per group: persons, weight, observed and working months, then weight and persons per shareBy level
  const PERSONS = 0, WEIGHT = 1, OBSERVED = 2, WORKED = 3, SHARE_W = 4, SHARE_N = 4 + nShare;
  const sums = new GroupSums(g, 4 + 2 * nShare);
  const { t, codes, lengths } = seqs;
  for (let i = 0; i < seqs.n; i++) {
    const gi = groups.index[i];
    if (gi < 0) continue;
    const w = seqs.weights[i];
    let obs = 0;
    let wk = 0;
    for (let j = 0; j < lengths[i]; j++) {
      const c = codes[i * t + j];
      if (c === MISSING) continue;
      obs++;
      if (work) wk += work[c];
    }
    sums.add(gi, PERSONS, 1);
    sums.add(gi, WEIGHT, w);
    sums.add(gi, OBSERVED, w * obs);
    sums.add(gi, WORKED, w * wk);
    const si = share ? share.index[i] : -1;
    if (si >= 0) {
      sums.add(gi, SHARE_W + si, w);
      sums.add(gi, SHARE_N + si, 1);
    }
  }
  const profile = (r: number, name: string): GroupProfile => {
    // fromEntries makes every level an own key, a level named __proto__ included
    const levels = share?.levels ?? [];
    const shareByPct: Record<string, number> = Object.fromEntries(levels.map((l, k) => [l, (100 * sums.get(r, SHARE_W + k)) / sums.get(g, SHARE_W + k)]));
    const shareByPersons: Record<string, number> = Object.fromEntries(levels.map((l, k) => [l, sums.get(r, SHARE_N + k)]));
    return {
      group: name,
      persons: sums.get(r, PERSONS),
      personsWeighted: sums.get(r, WEIGHT),
      sharePct: (100 * sums.get(r, WEIGHT)) / sums.get(g, WEIGHT),
      shareByPct,
      shareByPersons,
      pctTimeWorking: work && sums.get(r, OBSERVED) > 0 ? (100 * sums.get(r, WORKED)) / sums.get(r, OBSERVED) : NaN,
    };
  };

  return {
    kind: 'groupProfiles',
    by: groups.name,
    level,
    shareBy,
    shareByLevels: share ? share.levels : [],
    groups: groups.levels.map((name, k) => profile(k, name)),
    total: profile(g, 'total'),
    categorical: categorical.map((c) => categoricalProfile(seqs, groups.index, g, c, options.covariateLevels?.[c], scale, z)),
    numeric: (options.numeric ?? []).map((c) => numericProfile(seqs, groups.index, g, c, scale, level)),
  };
}

/** Text values with at most 20 distinct levels. */
function isSmallCategory(values: ArrayLike<unknown>): boolean {
  const seen = new Set<unknown>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return false;
    seen.add(v);
    if (seen.size > 20) return false;
  }
  return seen.size > 0;
}

function categoricalProfile(
  seqs: StateSequences, groupIndex: Int32Array, g: number, covariate: string,
  levelOrder: readonly string[] | undefined, scale: number, z: number,
): CategoricalProfile {
  const cat = resolveGroups(seqs, covariate, levelOrder, 'categorical');
  const l = cat.levels.length;
  const weighted = Array.from({ length: g }, () => new Array<number>(l).fill(0));
  const count = Array.from({ length: g }, () => new Array<number>(l).fill(0));
  let missing = 0;
  for (let i = 0; i < seqs.n; i++) {
    const gi = groupIndex[i];
    if (gi < 0) continue;
    const ci = cat.index[i];
    if (ci < 0) {
      missing++;
      continue;
    }
    weighted[gi][ci] += seqs.weights[i] * scale;
    count[gi][ci]++;
  }
  const test = chiSquareIndependence(weighted);
  const totalW = cat.levels.map((_, k) => weighted.reduce((s, row) => s + row[k], 0));
  const totalSum = totalW.reduce((s, v) => s + v, 0);
  const pct = weighted.map((row) => {
    const sum = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (sum > 0 ? (100 * v) / sum : NaN));
  });
  return {
    covariate,
    levels: cat.levels,
    pct,
    totalPct: totalW.map((v) => (100 * v) / totalSum),
    count,
    totalCount: cat.levels.map((_, k) => count.reduce((s, row) => s + row[k], 0)),
    residual: test.residuals,
    pValue: test.cellPValues,
    significant: test.residuals.map((row) => row.map((r) => Math.abs(r) > z)),
    test: { statistic: test.statistic, df: test.df, pValue: test.pValue, cramersV: test.cramersV, n: test.n },
    missing,
  };
}

function numericProfile(seqs: StateSequences, groupIndex: Int32Array, g: number, covariate: string, scale: number, level: number): NumericProfile {
  if (!seqs.covariates.columnNames().includes(covariate)) {
    throw new OptionsError('numeric', `no covariate "${covariate}"; the covariates are ${seqs.covariates.columnNames().join(', ')}`);
  }
  const values = seqs.covariates.array(covariate) as ArrayLike<unknown>;
  // per group and total: Σ w, Σ w x, Σ w x², persons (weights rescaled to the number of persons)
  const W = 0, WX = 1, WXX = 2, N = 3;
  const sums = new GroupSums(g, 4);
  for (let i = 0; i < seqs.n; i++) {
    const gi = groupIndex[i];
    const empty = values[i] === null || values[i] === undefined || values[i] === '';
    const x = empty ? NaN : Number(values[i]);
    if (!empty && Number.isNaN(x) && !Number.isNaN(values[i])) {
      throw new OptionsError('numeric', `covariate "${covariate}" is not numeric: "${String(values[i])}" (person ${seqs.ids[i]}); expected numbers, or list it under categorical`);
    }
    if (gi < 0 || Number.isNaN(x)) continue;
    const w = seqs.weights[i] * scale;
    sums.add(gi, W, w);
    sums.add(gi, WX, w * x);
    sums.add(gi, WXX, w * x * x);
    sums.add(gi, N, 1);
  }
  // mean = Σwx / Σw, variance = (Σwx² - Σw mean²) / (Σw - 1)
  const summary = (w: number, wx: number, wxx: number) => {
    const mean = wx / w;
    return { mean, variance: Math.max(0, wxx - w * mean * mean) / (w - 1), n: w };
  };
  const get = (r: number) => summary(sums.get(r, W), sums.get(r, WX), sums.get(r, WXX));
  const total = get(g);
  const own = Array.from({ length: g }, (_, r) => get(r));
  const rest = (r: number) => summary(sums.get(g, W) - sums.get(r, W), sums.get(g, WX) - sums.get(r, WX), sums.get(g, WXX) - sums.get(r, WXX));
  const tests = own.map((s, r) => welchTest(s, rest(r)));
  return {
    covariate,
    mean: own.map((s) => s.mean),
    sd: own.map((s) => Math.sqrt(s.variance)),
    persons: Array.from({ length: g }, (_, r) => sums.get(r, N)),
    totalMean: total.mean,
    totalSd: Math.sqrt(total.variance),
    t: tests.map((r) => r.t),
    pValue: tests.map((r) => r.pValue),
    significant: tests.map((r) => r.pValue < 1 - level),
  };
}
