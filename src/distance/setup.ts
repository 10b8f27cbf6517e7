import type { StateSequences } from '../sequences/types.js';
import { distinctSequences, type DistinctSequences } from '../sequences/distinct.js';
import { MISSING_LABEL } from '../describe/states.js';
import { costsFromRows, type SubstitutionCostOptions } from './costs.js';
import { encodeRows, hasMissingCells, type EncodedRows } from './encode.js';
import { methodParams, type MethodParams } from './method-params.js';
import { resolveNorm, type ResolvedNorm } from './normalize.js';
import { OptionsError } from '../errors.js';
import { processWarning, type WarningReporter } from '../warnings.js';
import type { CostMatrix, DistanceMethod, DistanceOptions, SubstitutionCosts } from './types.js';

const METHODS: readonly DistanceMethod[] = [
  'OM', 'HAM', 'DHD', 'LCS', 'LCP', 'RLCP', 'OMspell', 'CHI2', 'EUCLID', 'TWED',
  'OMloc', 'OMslen', 'OMstran', 'NMS', 'NMSMST', 'SVRspell',
];
const COST_METHODS = ['CONSTANT', 'TRATE', 'INDELS', 'INDELSLOG', 'FUTURE', 'FEATURES'];
/** Alignment methods: their costs must be symmetric, and sm is required. */
const ALIGNMENT: readonly DistanceMethod[] = ['OM', 'OMloc', 'OMslen', 'OMstran'];
/** Methods without substitution costs. */
const NO_COSTS: readonly DistanceMethod[] = ['LCP', 'RLCP', 'CHI2', 'EUCLID', 'NMS', 'NMSMST', 'SVRspell'];

/** Everything a kernel needs, with TraMineR's defaults and `auto` choices resolved. */
export interface DistanceSetup {
  readonly method: DistanceMethod;
  readonly norm: ResolvedNorm;
  /** CHI2/EUCLID: divide by sqrt(number of intervals) and scale the margins (norm 'auto'). */
  readonly intervalNorm: boolean;
  readonly withMissing: boolean;
  readonly states: readonly string[];
  readonly nStates: number;
  /** Substitution costs, `nSlices` row-major nStates x nStates matrices (empty when unused). */
  readonly sm: Float64Array;
  readonly nSlices: number;
  /** Indel cost per state (empty when unused). */
  readonly indel: Float64Array;
  /** The single indel TraMineR uses for normalisation: the indel, or the largest per-state indel. */
  readonly indelScalar: number;
  readonly expcost: number;
  readonly tpow: number;
  readonly nu: number;
  readonly lambda: number;
  /** CHI2/EUCLID intervals, 0-based inclusive [start, end] pairs flattened. */
  readonly breaks: Int32Array;
  /** OMstran, OMloc, OMslen, NMS, NMSMST, SVRspell parameters. */
  readonly params: MethodParams;
  /** Distinct sequences of the data and their encoded rows (weights per `weighted`). */
  readonly distinct: DistinctSequences;
  readonly rows: EncodedRows;
}

/**
 * Validate distance options against the data and resolve sm, indel and norm as
 * TraMineR's `seqdist` does.
 *
 * @example
 * const setup = prepareDistances(seqs, { method: 'OM', sm: 'TRATE', indel: 1 });
 * setup.indel; // Float64Array of ones
 */
export function prepareDistances(seqs: StateSequences, options: DistanceOptions): DistanceSetup {
  const method = (options as DistanceOptions | undefined)?.method;
  if (method === undefined || !METHODS.includes(method)) {
    throw new OptionsError('method', method === undefined ? `is required: one of ${METHODS.join(', ')}` : `unknown method "${String(method)}"; expected one of ${METHODS.join(', ')}`);
  }
  const norm = resolveNorm(method, options.norm ?? 'none');
  const states = costStates(seqs, options.withMissing ?? false);
  const withMissing = states.length > seqs.alphabet.codes.length;
  const weighted = options.weighted ?? true;
  const distinct = distinctSequences(seqs);
  // EUCLID ignores weights (TraMineR sets weighted = FALSE for it).
  const useWeights = weighted && method !== 'EUCLID';
  const rows = encodeRows(seqs, distinct.firstRow, useWeights ? distinct.weights : Float64Array.from(distinct.counts), withMissing);
  if ((method === 'HAM' || method === 'DHD') && new Set(rows.lengths).size > 1) {
    throw new OptionsError('method', `${method} needs sequences of equal length; lengths range from ${Math.min(...rows.lengths)} to ${Math.max(...rows.lengths)} (use OM or another method for censored sequences)`);
  }
  if (method === 'OMloc' && rows.lengths.some((len) => len === 0)) throw new OptionsError('method', 'OMloc needs non-empty sequences');
  const nu = options.nu ?? NaN;
  const lambda = options.lambda ?? options.h ?? 0.5;
  if (method === 'TWED') {
    if (!(nu > 0)) throw new OptionsError('nu', 'TWED needs nu (stiffness) > 0');
    if (!(lambda >= 0)) throw new OptionsError('lambda', `TWED needs lambda >= 0; got ${lambda}`);
  }
  const expcost = options.expcost ?? 0.5;
  if (method === 'OMspell' && !(expcost >= 0)) throw new OptionsError('expcost', `must be >= 0; got ${expcost}`);
  const tpow = options.tpow ?? 1;
  if (!Number.isFinite(tpow)) throw new OptionsError('tpow', `must be a number; got ${tpow}`);

  const params = methodParams(seqs, options, states);
  const costs = resolveCosts(seqs, options, rows, states, withMissing);
  const indel = resolveIndel(method, options, costs, states.length, nu, lambda);
  const indelScalar = indel.length > 0 ? Math.max(...indel) : 0;
  const breaks = method === 'CHI2' || method === 'EUCLID' ? resolveBreaks(options, seqs.t) : new Int32Array(0);
  return {
    method, norm, intervalNorm: options.norm === 'auto', withMissing, states, nStates: states.length,
    sm: costs?.sm ?? new Float64Array(0), nSlices: costs?.nSlices ?? 0,
    indel, indelScalar, expcost, tpow, nu, lambda, breaks, params, distinct, rows,
  };
}

interface ResolvedCosts {
  sm: Float64Array;
  nSlices: number;
  /** The indel that comes with the costs, or undefined for a plain matrix. */
  indel: number | Float64Array | undefined;
}

function resolveCosts(seqs: StateSequences, options: DistanceOptions, rows: EncodedRows, states: readonly string[], withMissing: boolean): ResolvedCosts | undefined {
  const { method } = options;
  const fromData = (o: SubstitutionCostOptions): ResolvedCosts => {
    const c = costsFromRows(seqs, rows, states, withMissing, { ...o, weighted: options.weighted });
    return { sm: c.sm, nSlices: c.nSlices, indel: c.indel };
  };
  const sm = options.sm;
  if (sm !== undefined && (method === 'LCS' || method === 'LCP' || method === 'RLCP' || method === 'CHI2' || method === 'EUCLID')) {
    throw new OptionsError('sm', `${method} uses no substitution costs${method === 'LCS' ? ' of your choosing (it is OM with costs 2 and indel 1)' : ''}; leave sm out, or use OM for costs of your own`);
  }
  if (method === 'LCS') return { ...fromData({ method: 'CONSTANT', cval: 2 }), indel: 1 };
  if (NO_COSTS.includes(method)) return undefined;
  if (typeof sm === 'string') {
    if (!COST_METHODS.includes(sm)) throw new OptionsError('sm', `unknown cost method "${sm}"; expected ${COST_METHODS.join(', ')}, a matrix or substitutionCosts()`);
    if (method === 'DHD') {
      if (sm !== 'TRATE') throw new OptionsError('sm', `${sm} is not available for DHD${sm === 'CONSTANT' ? '; use HAM instead' : ''}`);
      return fromData({ method: 'TRATE', cval: 4, timeVarying: true });
    }
    // TraMineR: HAM with CONSTANT costs 1 per substitution; otherwise the seqcost defaults (2).
    return fromData({ method: sm, cval: method === 'HAM' && sm === 'CONSTANT' ? 1 : undefined, lag: options.lag, stateFeatures: options.stateFeatures });
  }
  if (sm === undefined) {
    if (method === 'HAM') return fromData({ method: 'CONSTANT', cval: 1 });
    if (method === 'DHD') return fromData({ method: 'TRATE', cval: 4, timeVarying: true });
    throw new OptionsError('sm', `${method} needs substitution costs: sm = TRATE, CONSTANT, INDELS, INDELSLOG, FUTURE, FEATURES, a matrix or substitutionCosts()`);
  }
  const n = states.length;
  if (isCostObject(sm)) {
    if (sm.nStates !== n) throw new OptionsError('sm', `has ${sm.nStates} states; expected ${n} (${states.join(', ')})`);
    if (sm.timeVarying !== (method === 'DHD')) {
      throw new OptionsError('sm', method === 'DHD' ? 'DHD needs time-varying costs (one matrix per month)' : `${method} needs a single (not time-varying) cost matrix`);
    }
    if (sm.timeVarying && sm.nSlices !== rows.t) throw new OptionsError('sm', `has ${sm.nSlices} monthly matrices; expected ${rows.t}`);
    checkCosts(sm.sm, n, method);
    if (!sm.timeVarying) warnTriangle(sm.sm, states, options.warn ?? processWarning);
    return { sm: sm.sm, nSlices: sm.nSlices, indel: sm.indel };
  }
  if (method === 'DHD') throw new OptionsError('sm', 'DHD needs time-varying costs: sm = TRATE or a time-varying substitutionCosts() result');
  const flat = matrixToArray(sm, n, states);
  checkCosts(flat, n, method);
  warnTriangle(flat, states, options.warn ?? processWarning);
  return { sm: flat, nSlices: 1, indel: undefined };
}

/**
 * Warn, as TraMineR's checkcost does, when a user's costs break the triangle
 * inequality: replacing a by c and then c by b costs less than replacing a by
 * b directly, sm(a, b) - (sm(a, c) + sm(c, b)) >= 1e-7 max(sm). Optimal
 * matching then never uses the direct substitution.
 */
function warnTriangle(sm: Float64Array, states: readonly string[], warn: WarningReporter): void {
  const n = states.length;
  let max = 0;
  for (let k = 0; k < n * n; k++) if (sm[k] > max) max = sm[k];
  const tol = 1e-7 * max;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      for (let c = 0; c < n; c++) {
        const direct = sm[a * n + b];
        const via = sm[a * n + c] + sm[c * n + b];
        if (direct - via < tol) continue;
        warn(`the substitution costs break the triangle inequality: replacing ${states[a]} with ${states[c]} (${sm[a * n + c]}) and then with ${states[b]} (${sm[c * n + b]}) costs less than replacing ${states[a]} with ${states[b]} directly (${direct})`);
        return;
      }
    }
  }
}

function isCostObject(sm: SubstitutionCosts | CostMatrix): sm is SubstitutionCosts {
  return !Array.isArray(sm) && typeof (sm as SubstitutionCosts).nStates === 'number';
}

function matrixToArray(m: CostMatrix, n: number, states: readonly string[]): Float64Array {
  if (m.length !== n || m.some((row) => row.length !== n)) {
    throw new OptionsError('sm', `substitution-cost matrix must be ${n} x ${n} (states ${states.join(', ')})`);
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = m[i][j];
  return out;
}

// TraMineR's checkcost: finite, non-negative, zero diagonal; OM's engine also needs symmetry.
function checkCosts(sm: Float64Array, n: number, method: DistanceMethod): void {
  for (let k = 0; k < sm.length; k++) {
    const v = sm[k];
    if (!(v >= 0) || v === Infinity) throw new OptionsError('sm', `substitution costs must be finite and non-negative; got ${v}`);
    const base = k - (k % (n * n));
    const i = Math.floor((k - base) / n);
    const j = (k - base) % n;
    if (i === j && v !== 0) throw new OptionsError('sm', 'substitution costs must be 0 on the diagonal');
    if (ALIGNMENT.includes(method) && v !== sm[base + j * n + i]) throw new OptionsError('sm', `${method} needs symmetric substitution costs; sm[${i}][${j}] != sm[${j}][${i}]`);
  }
}

function resolveIndel(method: DistanceMethod, options: DistanceOptions, costs: ResolvedCosts | undefined, n: number, nu: number, lambda: number): Float64Array {
  if (!['OM', 'OMspell', 'TWED', 'LCS', 'OMstran', 'OMslen'].includes(method)) return new Float64Array(0);
  const user = method === 'LCS' ? 'auto' : (options.indel ?? 'auto');
  let indel: number | Float64Array;
  if (user === 'auto') {
    const smMax = costs ? Math.max(...costs.sm) : 0;
    if (method === 'TWED') indel = 2 * smMax + nu + lambda;
    else indel = costs?.indel ?? smMax / 2;
  } else if (typeof user === 'number') {
    if (!(user > 0) || user === Infinity) throw new OptionsError('indel', `must be a positive number; got ${user}`);
    indel = user;
  } else {
    if (user.length !== n) throw new OptionsError('indel', `needs one cost per state (${n}); got ${user.length}`);
    if (Array.from(user).some((v) => !(v > 0) || v === Infinity)) throw new OptionsError('indel', 'costs must be positive numbers');
    indel = Float64Array.from(user);
  }
  // TWED takes a single indel (TraMineR uses the largest of a vector).
  if (method === 'TWED' && typeof indel !== 'number') indel = Math.max(...indel);
  return typeof indel === 'number' ? new Float64Array(n).fill(indel) : indel;
}

// TraMineR's CHI2 intervals from step/overlap, or the user's breaks; 0-based inclusive.
function resolveBreaks(options: DistanceOptions, t: number): Int32Array {
  const out: number[] = [];
  if (options.breaks) {
    for (const [from, to] of options.breaks) {
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > t) {
        throw new OptionsError('breaks', `must be [start, end] month pairs within 1..${t}; got [${from}, ${to}]`);
      }
      out.push(from - 1, to - 1);
    }
    if (out.length === 0) throw new OptionsError('breaks', 'must hold at least one interval');
    return Int32Array.from(out);
  }
  const step = options.step ?? 1;
  if (!Number.isInteger(step) || step < 1) throw new OptionsError('step', `must be a positive integer; got ${step}`);
  const overlap = options.overlap ?? false;
  if (overlap && step % 2 !== 0) throw new OptionsError('step', 'must be even with overlap');
  if (step === 1) {
    for (let j = 0; j < t; j++) out.push(j, j);
  } else if (step === t) {
    out.push(0, t - 1);
  } else {
    const half = step / 2;
    // 1-based: [1, 1 + step/2] first when overlapping, then [s, s + step - 1] and its shift by step/2
    if (overlap) out.push(0, half);
    for (let s = 1; s <= t; s += step) {
      const e = Math.min(s + step - 1, t);
      out.push(s - 1, e - 1);
      if (overlap) out.push(Math.min(s + half, t) - 1, Math.min(e + half, t) - 1);
    }
  }
  return Int32Array.from(out);
}

/**
 * The states substitution costs are given over for these sequences: the
 * alphabet, plus the missing state `*` last when missing months count as a
 * state (`withMissing`) and the data have gaps.
 *
 * @example
 * readCostMatrix('costs.csv', costStates(seqs, false)); // a user cost matrix in the right order
 */
export function costStates(seqs: StateSequences, withMissing: boolean): string[] {
  return withMissing && hasMissingCells(seqs) ? [...seqs.alphabet.codes, MISSING_LABEL] : [...seqs.alphabet.codes];
}
