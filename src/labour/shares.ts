import { stateDistribution } from '../describe/state-distribution.js';
import { attributeBlocks } from '../sequences/cell-store.js';
import type { StateSequences } from '../sequences/types.js';
import { GroupSums } from './accumulate.js';
import { measureMask, monthList, requireNumericAttribute, resolveGroups, type TableGroupOptions } from './options.js';
import type { StateRoles } from './roles.js';

/** Options of `stateSharesByMonth`. */
export interface StateSharesOptions extends TableGroupOptions {
  /** Month indices to report (default every month). */
  months?: readonly number[];
}

/** Monthly state shares of one group. */
export interface StateSharesGroup {
  readonly group: string;
  /** Persons in the group (unweighted, weighted). */
  readonly persons: number;
  readonly personsWeighted: number;
  /** shares[k][s]: weighted share (0..1) of state s among persons observed in month months[k]; NaN when nobody is. */
  readonly shares: number[][];
  /** counts[k][s]: persons (unweighted) in state s in month months[k]. */
  readonly counts: number[][];
  /** Persons observed with a valid state in each month (unweighted, weighted): the number at risk. */
  readonly atRisk: number[];
  readonly atRiskWeighted: number[];
  /** Persons whose follow-up ended before each month (right-censored). */
  readonly censored: number[];
}

/** State shares by month since start, per group and in total. */
export interface StateShares {
  readonly kind: 'stateShares';
  readonly by: string;
  /** Alphabet state codes (the columns of `shares`). */
  readonly states: string[];
  readonly months: number[];
  readonly monthLabels: string[];
  readonly groups: StateSharesGroup[];
  readonly total: StateSharesGroup;
}

/**
 * State shares by month since start per group (study A, figure 1): for month
 * j, the weighted share of each state among the persons observed in month j
 * (the cross-sectional distribution of TraMineR's `seqstatd`, Gabadinho et al.
 * 2011, J. Stat. Softw. 40(4)). Persons whose follow-up ended before j are
 * right-censored: they leave the denominator and are counted in `censored`;
 * missing months leave it too. `atRisk` is the number of persons behind each
 * month's shares.
 *
 * @param seqs sequences in process time (month 0 = start)
 * @param options `by` (e.g. 'benefit'), `levels`, `months` (default all)
 * @returns shares, counts, numbers at risk and censored per month and group
 * @example
 * const a = stateSharesByMonth(seqs, { by: 'benefit', months: [0, 6, 12, 24, 36] });
 * const wajong = a.groups.find((g) => g.group === 'Wajong');
 * wajong.shares[0][a.states.indexOf('trial')]; // 0.59 in study A
 */
export function stateSharesByMonth(seqs: StateSequences, options: StateSharesOptions = {}): StateShares {
  const months = monthList(seqs, options.months);
  const groups = resolveGroups(seqs, options.by, options.levels);
  const states = [...seqs.alphabet.codes];
  // one group's distribution = the distribution of all rows with the weights of the others set to 0
  const one = (name: string, member: (i: number) => boolean): StateSharesGroup => {
    const w = new Float64Array(seqs.n);
    const ones = new Float64Array(seqs.n);
    const censored = new Array<number>(months.length).fill(0);
    let persons = 0;
    let personsWeighted = 0;
    for (let i = 0; i < seqs.n; i++) {
      if (!member(i)) continue;
      w[i] = seqs.weights[i];
      ones[i] = 1;
      persons++;
      personsWeighted += w[i];
      for (let k = 0; k < months.length; k++) if (seqs.lengths[i] <= months[k]) censored[k]++;
    }
    const weighted = stateDistribution({ ...seqs, weights: w });
    const unweighted = stateDistribution({ ...seqs, weights: ones });
    const t = seqs.t;
    return {
      group: name,
      persons,
      personsWeighted,
      shares: months.map((j) => states.map((_, s) => weighted.frequencies[s * t + j])),
      counts: months.map((j) => states.map((_, s) => unweighted.counts[s * t + j])),
      atRisk: months.map((j) => unweighted.validN[j]),
      atRiskWeighted: months.map((j) => weighted.validN[j]),
      censored,
    };
  };
  return {
    kind: 'stateShares',
    by: groups.name,
    states,
    months,
    monthLabels: months.map((j) => seqs.timeLabels[j]),
    groups: groups.levels.map((name, k) => one(name, (i) => groups.index[i] === k)),
    total: one('total', (i) => groups.index[i] >= 0),
  };
}

/** Options of `cellMeansByMonth`. */
export interface CellMeansOptions extends TableGroupOptions {
  /** Numeric cell attribute, e.g. `hourly_wage`, `hours_week`, `permanent`. */
  attribute: string;
  /** Only months in these states count (default: the job states of `roles`, paid and unpaid). */
  states?: readonly string[];
  /** Roles of the states, for the default `states`; one of the two is needed. */
  roles?: StateRoles;
  /** Month indices to report (default every month). */
  months?: readonly number[];
}

/** Monthly means of a cell attribute for one group. */
export interface CellMeansGroup {
  readonly group: string;
  /** Weighted mean of the attribute in each month among persons in `states` with a value (NaN when none). */
  readonly mean: number[];
  /** Persons behind each mean (unweighted, weighted). */
  readonly persons: number[];
  readonly personsWeighted: number[];
  /** For disclosure control: persons with a value above 0, and the largest single contribution w·x to the sum behind each mean. */
  readonly personsPositive: number[];
  readonly largest: number[];
}

/** Cross-sectional monthly means of a cell attribute, per group and in total. */
export interface CellMeans {
  readonly kind: 'cellMeans';
  readonly by: string;
  readonly attribute: string;
  /** True when the attribute only takes the values 0 and 1 (a mean is then a share, e.g. permanent contracts). */
  readonly binary: boolean;
  readonly states: string[];
  readonly months: number[];
  readonly groups: CellMeansGroup[];
  readonly total: CellMeansGroup;
}

/**
 * Weighted mean of a numeric cell attribute per month among the persons in
 * the given states (study A: "hours per week at job start about 25 | 22",
 * "real hourly wage at start 6.68 | 11.67, after three years 9.25 | 15.00",
 * "permanent contract 15% at start"): mean_j = Σ w_i x_ij / Σ w_i over persons
 * observed in month j in one of `states` with a value. Raw cross-sections:
 * they move with the composition of who works; `fixedEffectsIndex` corrects for that.
 *
 * @param seqs sequences in process time with numeric cell attributes
 * @param options `attribute`, `states` (or `roles`: the job states), `by`, `months`
 * @example
 * const h = cellMeansByMonth(seqs, { attribute: 'hours_week', states: ['work_jc', 'work'], by: 'benefit', months: [0, 36] });
 * h.groups.map((g) => [g.group, g.mean[0]]); // [['WGA', 22], ['Wajong', 25]] in study A
 */
export function cellMeansByMonth(seqs: StateSequences, options: CellMeansOptions): CellMeans {
  requireNumericAttribute(seqs, options.attribute, 'attribute');
  const mask = measureMask(seqs, options.states, options.roles, 'cell means by month');
  const states = seqs.alphabet.codes.filter((_, c) => mask[c]);
  const months = monthList(seqs, options.months);
  const groups = resolveGroups(seqs, options.by, options.levels);
  // slots per month k: 4k = Σ w x, 4k + 1 = Σ w, 4k + 2 = persons, 4k + 3 = persons with x > 0
  const sums = new GroupSums(groups.levels.length, 4 * months.length);
  // largest[row * K + k] = max w x over the persons of row (a group, or the total) in month k
  const K = months.length;
  const largest = new Float64Array((groups.levels.length + 1) * K);
  const { t, codes, lengths } = seqs;
  let binary = true;
  for (const block of attributeBlocks(seqs, [options.attribute])) {
    const values = block.attributes[options.attribute].values as Float64Array;
    for (let i = block.from; i < block.to; i++) {
      const gi = groups.index[i];
      if (gi < 0) continue;
      const w = seqs.weights[i];
      for (let k = 0; k < K; k++) {
        const j = months[k];
        const x = values[(i - block.from) * t + j];
        if (j >= lengths[i] || !mask[codes[i * t + j]] || Number.isNaN(x)) continue;
        sums.add(gi, 4 * k, w * x);
        sums.add(gi, 4 * k + 1, w);
        sums.add(gi, 4 * k + 2, 1);
        sums.add(gi, 4 * k + 3, x > 0 ? 1 : 0);
        if (x !== 0 && x !== 1) binary = false;
        const c = Math.abs(w * x);
        if (c > largest[gi * K + k]) largest[gi * K + k] = c;
        if (c > largest[sums.total * K + k]) largest[sums.total * K + k] = c;
      }
    }
  }
  const one = (row: number, name: string): CellMeansGroup => ({
    group: name,
    mean: months.map((_, k) => sums.get(row, 4 * k) / sums.get(row, 4 * k + 1)),
    personsWeighted: months.map((_, k) => sums.get(row, 4 * k + 1)),
    persons: months.map((_, k) => sums.get(row, 4 * k + 2)),
    personsPositive: months.map((_, k) => sums.get(row, 4 * k + 3)),
    largest: months.map((_, k) => largest[row * K + k]),
  });
  return {
    kind: 'cellMeans',
    by: groups.name,
    attribute: options.attribute,
    binary,
    states,
    months,
    groups: groups.levels.map((name, k) => one(k, name)),
    total: one(sums.total, 'total'),
  };
}
