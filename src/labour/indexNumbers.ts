import type { StateSequences } from '../sequences/types.js';
import { confidenceZ } from '../stats/distributions.js';
import { attributeBlocks, type AttributeBlock } from '../sequences/cell-store.js';
import { FixedEffectsFitter, type FixedEffectsBatch, type FixedEffectsSe } from '../stats/fixedEffects.js';
import { OptionsError } from '../errors.js';
import { measureMask, requireNumericAttribute } from './options.js';
import type { StateRoles } from './roles.js';

/** Options of `fixedEffectsIndex`. */
export interface IndexNumberOptions {
  /** Numeric cell attribute: `hourly_wage`, `hours_week`, `permanent`, ... */
  outcome: string;
  /**
   * First month of each bin of months since start, ascending from 0 (default
   * every month: 0, 1, 2, ...). Bin b covers months bins[b] .. bins[b+1]-1; the
   * first bin is the reference (index 100).
   */
  bins?: readonly number[];
  /**
   * States whose months are observations. Default: the job states of `roles`
   * (paid and unpaid). For a wage, give the paid states: unpaid months (a
   * trial placement) have no wage.
   */
  states?: readonly string[];
  /** Roles of the states, for the default `states`; one of the two is needed. */
  roles?: StateRoles;
  /** 'cluster' (default, clustered by person) or 'classical' standard errors. */
  se?: FixedEffectsSe;
  /** Confidence level (default 0.95). */
  level?: number;
  /** 'level' (default): y in levels, index 100 (1 + β/μ₀); 'log': log y, index 100 exp(β). */
  scale?: 'level' | 'log';
}

/** One bin of months since start. */
export interface IndexBin {
  /** First and last month (inclusive) of the bin. */
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** Composition-corrected index numbers for one outcome. */
export interface IndexNumbers {
  readonly kind: 'indexNumbers';
  readonly outcome: string;
  readonly scale: 'level' | 'log';
  readonly seType: FixedEffectsSe;
  readonly level: number;
  readonly bins: IndexBin[];
  /** Index per bin (reference bin = 100) with its confidence interval; NaN where not estimable. */
  readonly index: number[];
  readonly lower: number[];
  readonly upper: number[];
  /** Fixed-effects coefficient of each bin against the reference and its standard error. */
  readonly coef: number[];
  readonly se: number[];
  /** Observations (person-months) and distinct persons per bin. */
  readonly observations: number[];
  readonly persons: number[];
  /** μ₀: weighted mean outcome in the reference bin (on the log scale with `scale: 'log'`). */
  readonly referenceMean: number;
  /** Person-months used, and persons with two or more of them (who identify the coefficients). */
  readonly nObs: number;
  readonly nPersons: number;
}

/**
 * Index numbers of an outcome over months since start, corrected for
 * composition with person fixed effects (study A, figure 2): the within
 * regression y_it = α_i + β_b(t) + ε_it over the person-months in a working
 * state (see `categoryFixedEffects`; Wooldridge 2010, 10.5) compares each person
 * with themself, so a change in who is still working does not move the index.
 * Level scale: index_b = 100 (1 + β_b / μ₀), with μ₀ the weighted mean outcome
 * in the reference bin and the interval 100 (1 + (β_b ± z se_b) / μ₀) (μ₀ taken
 * as fixed). Log scale: index_b = 100 exp(β_b), interval 100 exp(β_b ± z se_b).
 * Standard errors are clustered by person by default. For wages, only paid
 * months count (the zero wage of a trial placement is not a wage). Persons
 * observed once carry no within information; censoring only shortens the panel.
 *
 * @param seqs sequences in process time (month 0 = start) with the outcome as a cell attribute
 * @param options `outcome`, `bins`, `states` (or `roles`: the job states), `se` ('cluster'), `level` (0.95), `scale` ('level')
 * @returns the index, its interval and the regression per bin
 * @example
 * const wage = fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: ['work_jc', 'work'], bins: [0, 6, 12, 18, 24, 30, 36] });
 * wage.index[6]; // about 130 at 36 months in study A
 */
export function fixedEffectsIndex(seqs: StateSequences, options: IndexNumberOptions): IndexNumbers {
  const { outcome, se: seType = 'cluster', level = 0.95, scale = 'level' } = options;
  const z = confidenceZ(level);
  requireNumericAttribute(seqs, outcome, 'outcome');
  const { t, codes, lengths } = seqs;
  const bins = [...(options.bins ?? Array.from({ length: t }, (_, j) => j))];
  if (bins[0] !== 0 || bins.some((b, k) => !Number.isInteger(b) || b >= t || (k > 0 && b <= bins[k - 1]))) {
    throw new OptionsError('bins', `expected ascending whole months from 0 to at most ${t - 1}; got ${bins.join(', ')}`);
  }
  const mask = measureMask(seqs, options.states, options.roles, 'fixed-effects index');
  const k = bins.length;
  const binOf = new Int32Array(t);
  for (let b = 0, j = 0; j < t; j++) {
    while (b + 1 < k && bins[b + 1] <= j) b++;
    binOf[j] = b;
  }

  // observations: person-months in the chosen states with a (positive, for logs) outcome, a block of persons at a time
  const persons = new Array<number>(k).fill(0);
  const stamp = new Int32Array(k).fill(-1);
  const reference = new Float64Array(2); // Σ w y and Σ w over the reference bin, for μ₀ = Σ w y / Σ w
  const scratch = { unit: new Int32Array(0), category: new Int32Array(0), y: new Float64Array(0), weight: new Float64Array(0) };
  const observations = (block: AttributeBlock, count: boolean): FixedEffectsBatch => {
    const cap = (block.to - block.from) * t;
    if (scratch.y.length < cap) Object.assign(scratch, { unit: new Int32Array(cap), category: new Int32Array(cap), y: new Float64Array(cap), weight: new Float64Array(cap) });
    const nObs = collectObservations(block.attributes[outcome].values as Float64Array, block.from, block.to, seqs, mask, binOf, scale === 'log', scratch);
    if (count) countObservations(scratch, nObs, stamp, persons, reference);
    return { unit: scratch.unit.subarray(0, nObs), category: scratch.category.subarray(0, nObs), y: scratch.y.subarray(0, nObs), weight: scratch.weight.subarray(0, nObs) };
  };
  const fitter = new FixedEffectsFitter(k);
  for (const block of attributeBlocks(seqs, [outcome])) fitter.addUnits(observations(block, true));
  fitter.solve();
  for (const block of attributeBlocks(seqs, [outcome])) fitter.addScores(observations(block, false));
  const fit = fitter.result(seType);
  const referenceMean = reference[0] / reference[1];
  const toIndex = (v: number) => (scale === 'log' ? 100 * Math.exp(v) : 100 * (1 + v / referenceMean));
  return {
    kind: 'indexNumbers',
    outcome,
    scale,
    seType,
    level,
    bins: bins.map((from, b) => {
      const to = b + 1 < k ? bins[b + 1] - 1 : t - 1;
      return { from, to, label: from === to ? String(from) : `${from}-${to}` };
    }),
    index: fit.coef.map(toIndex),
    lower: fit.coef.map((c, b) => toIndex(c - z * fit.se[b])),
    upper: fit.coef.map((c, b) => toIndex(c + z * fit.se[b])),
    coef: fit.coef,
    se: fit.se,
    observations: fit.obsPerCategory,
    persons,
    referenceMean,
    nObs: fit.nObs,
    nPersons: fit.nUnits,
  };
}

/** The observations of rows from..to into `out` (a month of row i is `values[(i - from) * t + j]`); returns how many. */
function collectObservations(
  values: Float64Array, from: number, to: number, seqs: StateSequences, mask: Uint8Array, binOf: Int32Array, log: boolean,
  out: { unit: Int32Array; category: Int32Array; y: Float64Array; weight: Float64Array },
): number {
  const { t, codes, lengths, weights } = seqs;
  const { unit, category, y, weight } = out;
  let nObs = 0;
  for (let i = from; i < to; i++) {
    const row = i * t;
    const at = (i - from) * t;
    for (let j = 0; j < lengths[i]; j++) {
      const x = values[at + j];
      if (!mask[codes[row + j]] || x !== x || (log && !(x > 0))) continue;
      unit[nObs] = i;
      category[nObs] = binOf[j];
      y[nObs] = log ? Math.log(x) : x;
      weight[nObs] = weights[i];
      nObs++;
    }
  }
  return nObs;
}

/** Persons per bin (`stamp` remembers the last person counted in each) and the reference bin's Σ w y and Σ w. */
function countObservations(
  obs: { unit: Int32Array; category: Int32Array; y: Float64Array; weight: Float64Array }, nObs: number, stamp: Int32Array, persons: number[], reference: Float64Array,
): void {
  for (let r = 0; r < nObs; r++) {
    const b = obs.category[r];
    if (stamp[b] !== obs.unit[r]) {
      stamp[b] = obs.unit[r];
      persons[b]++;
    }
    if (b === 0) {
      reference[0] += obs.weight[r] * obs.y[r];
      reference[1] += obs.weight[r];
    }
  }
}
