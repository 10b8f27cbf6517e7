import type { StateSequences } from '../sequences/types.js';
import { distinctSequences } from '../sequences/distinct.js';
import { MISSING_LABEL } from '../describe/states.js';
import { transitionRates, transitionRatesByMonth } from '../describe/transitions.js';
import { encodeRows, hasMissingCells, type EncodedRows } from './encode.js';
import { OptionsError } from '../errors.js';
import { futureCosts } from './cost-future.js';
import { gowerDistances } from './gower.js';
import type { CostMethod, StateFeatures, SubstitutionCosts } from './types.js';

/** Options of `substitutionCosts` (TraMineR `seqcost` arguments). */
export interface SubstitutionCostOptions {
  method: CostMethod;
  /** CONSTANT: the cost; TRATE: the base value (default 2, or 4 for time-varying TRATE with transition 'both'). */
  cval?: number;
  /** Add the missing state as the last row and column. Ignored when the data have no gaps (as TraMineR). */
  withMissing?: boolean;
  /** CONSTANT/TRATE: cost of substituting the missing state (default cval). */
  missCost?: number;
  /** One matrix per month (CONSTANT, TRATE). */
  timeVarying?: boolean;
  /** Use case weights (default true). */
  weighted?: boolean;
  /** Time-varying TRATE: use the transitions into the month, out of it, or both (default). */
  transition?: 'both' | 'previous' | 'next';
  /** TRATE and FUTURE: months between the two states of a transition (default 1; not with timeVarying). */
  lag?: number;
  /** FEATURES: the states' features (Gower distances between the states). */
  stateFeatures?: StateFeatures;
}

/**
 * Substitution and indel costs derived from the data (TraMineR `seqcost` / `seqsubm`).
 *
 * - CONSTANT: every substitution costs `cval` (default 2); indel 1.
 * - TRATE: sm(i, j) = cval - p(j | i) - p(i | j) with the transition rates p of
 *   `seqtrate`; indel = max(sm) / 2. Time-varying (Lesnard's DHD costs) with
 *   transition 'both': sm_s(i, j) = max(0, cval - P_{s-1} - P_s) inside, and
 *   max(0, cval - 2 P) at the first and last month, where P_s = p_s(j | i) + p_s(i | j).
 * - INDELS: indel(i) = 1 / f(i) with f(i) the weighted share of all cells (void cells
 *   included, as TraMineR counts them) in state i; sm(i, j) = indel(i) + indel(j).
 * - INDELSLOG: indel(i) = log(2 / (1 + f(i))); sm(i, j) = indel(i) + indel(j).
 * - FUTURE: sm(i, j) = the chi-squared distance between the transition-rate rows of i
 *   and j (./cost-future.ts); indel = max(sm) / 2.
 * - FEATURES: sm(i, j) = Gower's distance between the features of i and j
 *   (`stateFeatures`, ./gower.ts); indel = max(sm) / 2.
 * TRATE and FUTURE count transitions `lag` months apart (default 1).
 *
 * Reference: Studer & Ritschard (2016), "What matters in differences between life
 * trajectories", JRSS A 179(2); TraMineR `seqcost`.
 *
 * @param seqs the sequences the costs are estimated on
 * @param options method and its parameters
 * @returns costs over the alphabet (plus `*` last with `withMissing` when the data have gaps)
 * @example
 * const sc = substitutionCosts(seqs, { method: 'TRATE' });
 * sc.sm[0 * sc.nStates + 1]; // cost of substituting state 0 by state 1
 * sc.indel;                  // max(sm) / 2
 */
export function substitutionCosts(seqs: StateSequences, options: SubstitutionCostOptions): SubstitutionCosts {
  const withMissing = (options.withMissing ?? false) && hasMissingCells(seqs);
  const weighted = options.weighted ?? true;
  const distinct = distinctSequences(seqs);
  const weights = weighted ? distinct.weights : Float64Array.from(distinct.counts);
  const rows = encodeRows(seqs, distinct.firstRow, weights, withMissing);
  const states = withMissing ? [...seqs.alphabet.codes, MISSING_LABEL] : [...seqs.alphabet.codes];
  return costsFromRows(seqs, rows, states, withMissing, options);
}

/**
 * `substitutionCosts` with the data already encoded (the distance setup reuses its rows).
 * @param seqs the sequences (transition rates are counted on them)
 * @param rows their distinct rows, encoded, with the weights to use
 * @param states state codes in matrix order (missing last when `withMissing`)
 * @param withMissing whether the last state is the missing state
 * @param options as `substitutionCosts`
 * @example
 * costsFromRows(seqs, setup.rows, setup.states, false, { method: 'TRATE' });
 */
export function costsFromRows(
  seqs: StateSequences,
  rows: EncodedRows,
  states: readonly string[],
  withMissing: boolean,
  options: SubstitutionCostOptions,
): SubstitutionCosts {
  const { method } = options;
  const timeVarying = options.timeVarying ?? false;
  const transition = options.transition ?? 'both';
  const rateOptions = { weighted: options.weighted ?? true, withMissing };
  const lag = options.lag ?? 1;
  if (lag !== 1 && timeVarying) throw new OptionsError('lag', 'time-varying costs use transitions of consecutive months (lag 1)');
  if (lag !== 1 && method !== 'TRATE' && method !== 'FUTURE') throw new OptionsError('lag', `applies to TRATE and FUTURE costs, not ${method}`);
  const cval = options.cval ?? (timeVarying && method === 'TRATE' && transition === 'both' ? 4 : 2);
  const missCost = options.missCost ?? cval;
  const nStates = states.length;
  const s2 = nStates * nStates;
  const nSlices = timeVarying ? rows.t : 1;
  const sm = new Float64Array(nSlices * s2);
  let indel: number | Float64Array = 1;
  if (!Number.isFinite(cval)) throw new OptionsError('cval', `must be a number; got ${cval}`);

  if (method === 'CONSTANT') {
    for (let k = 0; k < nSlices; k++) {
      for (let i = 0; i < nStates; i++) for (let j = 0; j < nStates; j++) if (i !== j) sm[k * s2 + i * nStates + j] = cval;
    }
  } else if (method === 'TRATE') {
    if (timeVarying) {
      trateTimeVarying(sm, transitionRatesByMonth(seqs, rateOptions).rates, nStates, rows.t, cval, transition);
    } else {
      const tr = transitionRates(seqs, { ...rateOptions, lag }).rates;
      // sm(i, j) = cval - p(j | i) - p(i | j)
      let max = 0;
      for (let i = 0; i < nStates; i++) {
        for (let j = i + 1; j < nStates; j++) {
          const c = cval - tr[i * nStates + j] - tr[j * nStates + i];
          sm[i * nStates + j] = c;
          sm[j * nStates + i] = c;
          if (c > max) max = c;
        }
      }
      indel = 0.5 * max;
    }
  } else if (method === 'INDELS' || method === 'INDELSLOG') {
    if (timeVarying) throw new OptionsError('sm', `time-varying ${method} costs are not available`);
    indel = stateIndels(rows, nStates, method);
    for (let i = 0; i < nStates; i++) for (let j = 0; j < nStates; j++) if (i !== j) sm[i * nStates + j] = indel[i] + indel[j];
  } else if (method === 'FUTURE' || method === 'FEATURES') {
    if (timeVarying) throw new OptionsError('sm', `time-varying ${method} costs are not available`);
    let max = 0;
    if (method === 'FUTURE') sm.set(futureCosts(transitionRates(seqs, { ...rateOptions, lag }).rates, nStates).sm);
    else {
      if (!options.stateFeatures) throw new OptionsError('stateFeatures', 'FEATURES costs need the states\' features (stateFeatures; --state-features FILE)');
      // the missing state's costs are fixed below: it needs no row (but a row counts in the ranges, as in TraMineR)
      const described = withMissing && !options.stateFeatures.states.includes(MISSING_LABEL) ? states.slice(0, -1) : states;
      const d = gowerDistances(options.stateFeatures, described);
      const m = described.length;
      for (let i = 0; i < m; i++) sm.set(d.subarray(i * m, i * m + m), i * nStates);
    }
    for (let k = 0; k < sm.length; k++) if (sm[k] > max) max = sm[k];
    indel = 0.5 * max;
  } else {
    throw new OptionsError('method', `unknown cost method "${String(method)}"; expected CONSTANT, TRATE, INDELS, INDELSLOG, FUTURE or FEATURES`);
  }

  // All but INDELS* fix the missing state's costs (INDELS* derive them from the data).
  if (withMissing && method !== 'INDELS' && method !== 'INDELSLOG') {
    const m = nStates - 1;
    for (let k = 0; k < nSlices; k++) {
      for (let i = 0; i < m; i++) {
        sm[k * s2 + m * nStates + i] = missCost;
        sm[k * s2 + i * nStates + m] = missCost;
      }
    }
  }
  return { states, nStates, timeVarying, nSlices, sm, indel };
}

// Lesnard's time-varying costs from the transition rates into and out of each month.
function trateTimeVarying(
  sm: Float64Array,
  tr: readonly Float64Array[],
  nStates: number,
  t: number,
  cval: number,
  transition: 'both' | 'previous' | 'next',
): void {
  const s2 = nStates * nStates;
  // P_s(i, j) = p_s(j | i) + p_s(i | j); tr[s] holds transitions from month s to s + 1
  const pairRate = (s: number, i: number, j: number) => tr[s][i * nStates + j] + tr[s][j * nStates + i];
  for (let s = 0; s < t; s++) {
    const first = s === 0;
    const last = s === t - 1;
    for (let i = 0; i < nStates; i++) {
      for (let j = i + 1; j < nStates; j++) {
        let c: number;
        if (transition === 'previous') c = cval - (first ? 0 : pairRate(s - 1, i, j));
        else if (transition === 'next') c = cval - (last ? 0 : pairRate(s, i, j));
        else {
          let drop = 0;
          if (!first) drop -= pairRate(s - 1, i, j);
          if (!last) drop -= pairRate(s, i, j);
          c = !first && !last ? drop + cval : cval + 2 * drop;
        }
        c = Math.max(0, c);
        sm[s * s2 + i * nStates + j] = c;
        sm[s * s2 + j * nStates + i] = c;
      }
    }
  }
}

// indel(i) from the weighted share f(i) of all n x t cells in state i.
function stateIndels(rows: EncodedRows, nStates: number, method: 'INDELS' | 'INDELSLOG'): Float64Array {
  const freq = new Float64Array(nStates);
  let total = 0;
  for (let r = 0; r < rows.n; r++) {
    const w = rows.weights[r];
    total += w * rows.t;
    for (let j = 0; j < rows.lengths[r]; j++) freq[rows.codes[r * rows.t + j]] += w;
  }
  const indel = new Float64Array(nStates);
  for (let i = 0; i < nStates; i++) {
    const f = total > 0 ? freq[i] / total : 0;
    // INDELS: 1 / f (the largest double when the state never occurs); INDELSLOG: log(2 / (1 + f))
    indel[i] = method === 'INDELSLOG' ? Math.log(2 / (1 + f)) : f > 0 ? 1 / f : Number.MAX_VALUE;
  }
  return indel;
}
