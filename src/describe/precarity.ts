import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { complexity } from './indicators.js';
import { integrationOf } from './positive-states.js';
import { rowSpells, spellScratch } from './spells.js';
import { MISSING_LABEL, rowWeights } from './states.js';
import { transitionRates } from './transitions.js';

/**
 * States ranked from best to worst, as TraMineR's `seqprecstart` takes them
 * (`state.order`, `state.equiv`, `stprec`).
 */
export interface RankedStateOptions {
  /** States from the best (least precarious) to the worst; default the alphabet (+ `'*'` with `withMissing`). States left out are not comparable. */
  stateOrder?: readonly string[];
  /** Classes of equivalent states, e.g. `[['FE', 'HE']]`. */
  stateEquiv?: readonly (readonly string[])[];
  /** Starting costs per state in alphabet order (+ `'*'`), instead of `stateOrder`: ranked by value, ties equivalent, negative values not comparable. */
  stprec?: readonly number[];
  /** Count gaps as the state `'*'` (default false). */
  withMissing?: boolean;
}

/** Ways to weight a transition in the degradation index (TraMineR `seqidegrad(method = ...)`). */
export type DegradationMethod = 'RANK' | 'FREQ' | 'TRATE' | 'TRATEDSS' | 'ONE' | 'RANK+' | 'FREQ+' | 'TRATE+' | 'TRATEDSS+';

/** Options of `degradation` (TraMineR `seqidegrad` arguments). */
export interface DegradationOptions extends RankedStateOptions {
  /** How transitions are weighted (default 'RANK'); a '+' variant multiplies by the mean weight per spell. */
  method?: DegradationMethod;
  /** Which transitions count: 'BOTH' (default: worse +, better -), 'NEG' (worse only), 'POS' (better only, negative), 'NO' (0). */
  penalized?: 'BOTH' | 'NEG' | 'POS' | 'NO';
  /** FREQ/TRATE/TRATEDSS: weight 1 - p ('ADD', default), 1 / p ('INV') or log(1 / p) ('LOGINV'). */
  weightType?: 'ADD' | 'INV' | 'LOGINV';
  /** FREQ/TRATE/TRATEDSS: when some p > 1 - 0.1 / borderEffect, p becomes p - p / borderEffect (default 10, > 1). */
  borderEffect?: number;
  /** Weight each transition by the integration of the spell it enters, positions to this power (default 1). */
  pow?: number;
  /** Weight transitions by spell integration (default true; TraMineR `pow = FALSE` turns it off). */
  spellIntegration?: boolean;
  /** Use the case weights in the transition rates (default true). */
  weighted?: boolean;
}

/** Starting costs of the states and the order they come from (TraMineR `seqprecstart`). */
export interface StartingCosts {
  /** State codes: the alphabet, + `'*'` with `withMissing`. */
  readonly states: readonly string[];
  /** Cost of each state in [0, 1]: rank / (ranked states - 1); non-ranked states get the mean, equivalent states their class mean. */
  readonly costs: Float64Array;
  /** The ranked states, best first, after the checks. */
  readonly stateOrder: readonly string[];
  /** The equivalence classes in force. */
  readonly stateEquiv: readonly (readonly string[])[] | undefined;
}

/**
 * Starting cost of each state, from its rank (TraMineR `seqprecstart`;
 * Ritschard, Bussi & O'Reilly 2018): the k-th of the m ranked states costs
 * (k - 1) / (m - 1), states not ranked cost the mean of the ranked ones, and
 * the states of an equivalence class their mean. With `stprec`, the given
 * values rescaled to [0, 1] (their order is the ranking, ties are equivalent,
 * negative values are not ranked and get the mean).
 *
 * @param seqs the sequences (their alphabet)
 * @param options stateOrder, stateEquiv, stprec, withMissing
 * @returns the cost of each state and the ranking used
 * @example
 * startingCosts(seqs, { stateOrder: ['employment', 'HE', 'FE', 'school', 'training', 'joblessness'] }).costs;
 * // employment 0, HE 0.2, ..., joblessness 1 (in alphabet order)
 */
export function startingCosts(seqs: StateSequences, options: RankedStateOptions = {}): StartingCosts {
  const base = seqs.alphabet.codes;
  const states = [...base, ...(options.withMissing ? [MISSING_LABEL] : [])];
  let order = options.stateOrder ?? (options.stprec ? undefined : states);
  let equiv = options.stateEquiv;
  let given: number[] | undefined;
  if (options.stprec) {
    given = [...options.stprec];
    if (given.length !== states.length || given.some((x) => !Number.isFinite(x))) {
      throw new OptionsError('stprec', `needs one number per state (${states.join(', ')}); got ${options.stprec.length}`);
    }
    // ranked by value (ties in alphabet order); negative values are not ranked
    const ranked = given.map((_, s) => s).sort((a, b) => given![a] - given![b]).filter((s) => given![s] >= 0);
    order = ranked.map((s) => states[s]);
    const classes = new Map<string, string[]>();
    const key = (x: number) => x.toPrecision(15);
    given.forEach((x, s) => classes.set(key(x), [...(classes.get(key(x)) ?? []), states[s]]));
    const ties = [...classes.entries()].filter(([, c]) => c.length > 1).sort(([a], [b]) => Number(a) - Number(b)).map(([, c]) => c);
    if (ties.length > 0) equiv = ties;
    const meanRanked = mean(ranked.map((s) => given![s]));
    given = given.map((x) => (x < 0 ? meanRanked : x));
  }
  const stateOrder = checkStates(states, base, order!, equiv);
  const costs = new Float64Array(states.length);
  if (given) {
    const lo = Math.min(...given);
    const hi = Math.max(...given);
    given.forEach((x, s) => (costs[s] = (x - lo) / (hi - lo)));
  } else {
    // rank k (0-based) costs k * step; states not ranked get the mean of the ranked costs
    const step = 1 / (stateOrder.length - 1);
    const ranked = stateOrder.map((_, k) => k * step);
    const meanRanked = mean(ranked);
    states.forEach((s, k) => (costs[k] = stateOrder.includes(s) ? ranked[stateOrder.indexOf(s)] : meanRanked));
  }
  for (const c of equiv ?? []) {
    const members = c.map((s) => states.indexOf(s));
    const m = mean(members.map((k) => costs[k]));
    for (const k of members) costs[k] = m;
  }
  return { states, costs, stateOrder, stateEquiv: equiv };
}

function mean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

// TraMineR's states.check: no repeats, known states; a non-ranked state in an
// equivalence class is ranked right after the class's first listed state.
function checkStates(states: readonly string[], base: readonly string[], order: readonly string[], equiv: readonly (readonly string[])[] | undefined): string[] {
  if (new Set(order).size !== order.length) throw new OptionsError('stateOrder', `lists a state twice: ${order.join(', ')}`);
  const unknown = order.filter((s) => !states.includes(s));
  if (unknown.length > 0) throw new OptionsError('stateOrder', `unknown state(s) ${unknown.join(', ')}; expected states of ${states.join(', ')}`);
  let out = [...order];
  if (!equiv) return out;
  const flat = equiv.flat();
  if (new Set(flat).size !== flat.length) throw new OptionsError('stateEquiv', 'lists a state twice');
  const unknownEquiv = flat.filter((s) => !states.includes(s));
  if (unknownEquiv.length > 0) throw new OptionsError('stateEquiv', `unknown state(s) ${unknownEquiv.join(', ')}; expected states of ${states.join(', ')}`);
  if (out.length < states.length) {
    for (const s of base.filter((x) => !out.includes(x) && flat.includes(x))) {
      const cls = equiv.find((c) => c.includes(s))!;
      const at = out.indexOf(cls[0]);
      if (at >= 0) out = [...out.slice(0, at + 1), s, ...out.slice(at + 1)];
    }
  }
  return out;
}

/**
 * Degradation index of each sequence (TraMineR `seqidegrad`; Ritschard 2023,
 * Sociol. Methods Res. 52(4)): transitions to worse states count +, to better
 * states - (as `penalized` says), each weighted by w(a, b) and, with spell
 * integration, by the integration of the spell it enters
 * (sum of its months' positions^pow / sum over the sequence),
 *
 * D_i = sum_k sign(s_k-1, s_k) w(s_k-1, s_k) I_ik      (spell integration), or
 * D_i = sum_k sign w / sum_k w                          (without it),
 *
 * over the distinct successive states s_k. w is |c(b) - c(a)| with the
 * `startingCosts` c (RANK), 1 - p(a, b) from transition rates between spells
 * (TRATEDSS), months (TRATE) or shares of all spell transitions (FREQ), or 1
 * (ONE). States not ranked are replaced by the state before them and
 * equivalent states by the class's first state before the spells are formed;
 * transitions within a class count 0.
 *
 * @param seqs the sequences (weights used by the transition rates unless `weighted: false`)
 * @param options ranking (stateOrder, stateEquiv, stprec), method, penalized, weightType, borderEffect, pow, spellIntegration, withMissing
 * @returns one index in [-1, 1] per row, input order
 * @example
 * degradation(seqs, { stateOrder: ['employment', 'HE', 'FE', 'school', 'training', 'joblessness'] })[0];
 */
export function degradation(seqs: StateSequences, options: DegradationOptions = {}): Float64Array {
  const { withMissing = false, penalized = 'BOTH', weightType = 'ADD', borderEffect = 10, pow = 1 } = options;
  const spellIntegration = options.spellIntegration ?? true;
  const start = startingCosts(seqs, options);
  if (!['BOTH', 'NEG', 'POS', 'NO'].includes(penalized)) throw new OptionsError('penalized', `must be BOTH, NEG, POS or NO; got ${penalized}`);
  if (penalized === 'NO') return new Float64Array(seqs.n);
  const methods: DegradationMethod[] = ['RANK', 'FREQ', 'TRATE', 'TRATEDSS', 'ONE', 'RANK+', 'FREQ+', 'TRATE+', 'TRATEDSS+'];
  const requested = options.method ?? 'RANK';
  if (!methods.includes(requested)) throw new OptionsError('method', `must be one of ${methods.join(', ')}; got ${requested}`);
  const meanWeight = requested.endsWith('+');
  const method = requested.replace('+', '') as 'RANK' | 'FREQ' | 'TRATE' | 'TRATEDSS' | 'ONE';
  if (method === 'FREQ' || method === 'TRATE' || method === 'TRATEDSS') {
    if (!['ADD', 'INV', 'LOGINV'].includes(weightType)) throw new OptionsError('weightType', `must be ADD, INV or LOGINV; got ${weightType}`);
    if (!(borderEffect > 1)) throw new OptionsError('borderEffect', `must be greater than 1; got ${borderEffect}`);
  }
  const { states } = start;
  const S = states.length;
  const order = checkStates(states, seqs.alphabet.codes, start.stateOrder, start.stateEquiv);
  const unranked = states.map((s) => !order.includes(s));
  const rankedSeqs = { ...seqs, codes: mergeStates(seqs, states, unranked, start.stateEquiv) };
  const index = (c: number) => (c === MISSING ? S - 1 : c);

  // w(a, b): transition weights, S x S from-major
  let w = new Float64Array(S * S).fill(1);
  if (method === 'RANK') {
    for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) w[a * S + b] = Math.abs(start.costs[b] - start.costs[a]);
  } else if (method !== 'ONE') {
    w = transitionWeights(rankedSeqs, method, { withMissing, weighted: options.weighted ?? true, weightType, borderEffect, index, S });
  }
  // sign(a, b): + from better to worse, - from worse to better, in the ranking order (non-ranked states: 0 below)
  const rank = states.map((s) => order.indexOf(s));
  const sign = new Float64Array(S * S);
  for (let a = 0; a < S; a++) {
    for (let b = 0; b < S; b++) {
      if (rank[a] < rank[b] && penalized !== 'POS') sign[a * S + b] = 1;
      if (rank[a] > rank[b] && penalized !== 'NEG') sign[a * S + b] = -1;
    }
  }
  for (const cls of start.stateEquiv ?? []) {
    const members = cls.map((s) => states.indexOf(s));
    for (const a of members) {
      for (const b of members) {
        sign[a * S + b] = 0;
        w[a * S + b] = 0;
      }
    }
    for (const a of members.slice(1)) for (let b = 0; b < S; b++) w[a * S + b] = w[b * S + a] = 0;
  }
  for (let a = 0; a < S; a++) {
    w[a * S + a] = 0;
    if (!unranked[a]) continue;
    for (let b = 0; b < S; b++) sign[a * S + b] = sign[b * S + a] = w[a * S + b] = w[b * S + a] = 0;
  }

  const scratch = spellScratch(seqs.t);
  const integration = new Float64Array(seqs.t).fill(1);
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) {
    const d = rowSpells(rankedSeqs, i, withMissing, scratch);
    if (spellIntegration) spellIntegrations(scratch.duration, d, pow, integration);
    let total = 0;
    let penalty = 0;
    // D = sum_k sign(s_k-1, s_k) w(s_k-1, s_k) I_k, and sum_k w I_k
    for (let k = 1; k < d; k++) {
      const ab = index(scratch.state[k - 1]) * S + index(scratch.state[k]);
      const weight = w[ab] * integration[k];
      total += weight;
      penalty += weight * sign[ab];
    }
    let value = total > 0 ? (spellIntegration ? penalty : penalty / total) : 0;
    if (meanWeight) value *= total / d;
    out[i] = value;
  }
  return out;
}

// Cells of non-ranked states take the state before them; cells of an equivalence class its first state.
function mergeStates(seqs: StateSequences, states: readonly string[], unranked: readonly boolean[], equiv: readonly (readonly string[])[] | undefined): Uint8Array {
  const S = states.length;
  const codeOf = (k: number) => (k === S - 1 && states[k] === MISSING_LABEL ? MISSING : k);
  const isUnranked = new Uint8Array(256);
  unranked.forEach((u, k) => (isUnranked[codeOf(k)] = u ? 1 : 0));
  const codes = Uint8Array.from(seqs.codes);
  const { t } = seqs;
  for (let i = 0; i < seqs.n; i++) {
    for (let j = i * t + 1; j < (i + 1) * t; j++) if (isUnranked[codes[j]]) codes[j] = codes[j - 1];
  }
  const to = Uint8Array.from({ length: 256 }, (_, c) => c);
  for (const cls of equiv ?? []) for (const s of cls) to[codeOf(states.indexOf(s))] = codeOf(states.indexOf(cls[0]));
  for (let k = 0; k < codes.length; k++) codes[k] = to[codes[k]];
  return codes;
}

// out[k] = I_k = sum of positions^pow of spell k's months / sum over all observed months (positions count observed months only).
function spellIntegrations(durations: Int32Array, d: number, pow: number, out: Float64Array): Float64Array {
  out.fill(0, 0, d);
  let position = 0;
  let total = 0;
  for (let k = 0; k < d; k++) {
    for (let m = 0; m < durations[k]; m++) {
      position++;
      const x = position ** pow;
      out[k] += x;
      total += x;
    }
  }
  for (let k = 0; k < d; k++) out[k] /= total;
  return out;
}

// w(a, b) from transition rates p (TraMineR seqidegrad): p - p / borderEffect when some p is near 1,
// then 1 - p, 1 / p or log(1 / p) (with eps 1e-10), divided by the row's diagonal value.
function transitionWeights(
  seqs: StateSequences,
  method: 'FREQ' | 'TRATE' | 'TRATEDSS',
  o: { withMissing: boolean; weighted: boolean; weightType: 'ADD' | 'INV' | 'LOGINV'; borderEffect: number; index: (c: number) => number; S: number },
): Float64Array {
  const { S } = o;
  let p: Float64Array;
  if (method === 'TRATE') p = Float64Array.from(transitionRates(seqs, o).rates);
  else {
    const counts = spellTransitionCounts(seqs, o);
    p = new Float64Array(S * S);
    if (method === 'FREQ') {
      let all = 0;
      for (const c of counts) all += c;
      for (let k = 0; k < p.length; k++) p[k] = counts[k] / all;
    } else {
      for (let a = 0; a < S; a++) {
        let row = 0;
        for (let b = 0; b < S; b++) row += counts[a * S + b];
        if (row > 0) for (let b = 0; b < S; b++) p[a * S + b] = counts[a * S + b] / row;
      }
    }
  }
  for (let a = 0; a < S; a++) p[a * S + a] = 0;
  if (p.some((x) => x > 1 - 0.1 / o.borderEffect)) for (let k = 0; k < p.length; k++) p[k] = p[k] - p[k] / o.borderEffect;
  const eps = 1e-10;
  const w = p.map((x) => (o.weightType === 'ADD' ? 1 - x : o.weightType === 'INV' ? (1 + eps) / (x + eps) : Math.log((1 + eps) / (x + eps))));
  const diag = Float64Array.from({ length: S }, (_, a) => w[a * S + a]);
  return w.map((x, k) => x / diag[Math.floor(k / S)]);
}

// Weighted counts of moves between successive spells (TraMineR seqtrate on seqdss).
function spellTransitionCounts(seqs: StateSequences, o: { withMissing: boolean; weighted: boolean; index: (c: number) => number; S: number }): Float64Array {
  const { S } = o;
  const weights = rowWeights(seqs, o.weighted);
  const counts = new Float64Array(S * S);
  const scratch = spellScratch(seqs.t);
  for (let i = 0; i < seqs.n; i++) {
    const d = rowSpells(seqs, i, o.withMissing, scratch);
    for (let k = 1; k < d; k++) counts[o.index(scratch.state[k - 1]) * S + o.index(scratch.state[k])] += weights[i];
  }
  return counts;
}

/**
 * Badness of each sequence (TraMineR `seqibad`; Ritschard 2023): the states'
 * `startingCosts` weighted by their integration (`stateIntegration`),
 * B_i = sum_s c(s) I_i(s).
 *
 * @param seqs the sequences
 * @param options ranking (stateOrder, stateEquiv, stprec), withMissing, pow (1)
 * @returns one value in [0, 1] per row, input order
 * @example
 * badness(seqs, { stateOrder: ['employment', 'HE', 'FE', 'school', 'training', 'joblessness'] })[0];
 */
export function badness(seqs: StateSequences, options: RankedStateOptions & { pow?: number } = {}): Float64Array {
  const { costs, states } = startingCosts(seqs, options);
  const codes = states.map((s, k) => (s === MISSING_LABEL && k === states.length - 1 ? MISSING : k));
  const integration = integrationOf(seqs, codes, options.pow ?? 1, options.withMissing ?? false);
  const out = new Float64Array(seqs.n);
  for (let s = 0; s < states.length; s++) for (let i = 0; i < seqs.n; i++) out[i] += costs[s] * integration[s][i];
  return out;
}

/** Options of `precarity` (TraMineR `seqprecarity`): the ranking, the correction's options and the mix. */
export interface PrecarityOptions extends Omit<DegradationOptions, 'spellIntegration'> {
  /** Weight of the starting state's cost (default 0.2). */
  otto?: number;
  /** Exponent of the complexity (default 1). */
  a?: number;
  /** Exponent of 1 + the correction (default 1.2). */
  b?: number;
}

/**
 * Precarity index of each sequence (TraMineR `seqprecarity`; Ritschard,
 * Bussi & O'Reilly 2018):
 *
 * P_i = otto c(s_1) + (1 - otto) C_i^a (1 + D_i)^b,
 *
 * c(s_1) the `startingCosts` cost of the first state, C_i the `complexity`
 * and D_i the `degradation` with method TRATEDSS (default) and no spell
 * integration, on the ranking of the starting costs (ties equivalent).
 *
 * @param seqs the sequences (weights used by the transition rates unless `weighted: false`)
 * @param options ranking, otto (0.2), a (1), b (1.2), method, penalized, weightType, borderEffect, withMissing
 * @returns one index per row, input order
 * @example
 * precarity(seqs, { stateOrder: ['employment', 'HE', 'FE', 'school', 'training', 'joblessness'] })[0];
 */
export function precarity(seqs: StateSequences, options: PrecarityOptions = {}): Float64Array {
  const { otto = 0.2, a = 1, b = 1.2 } = options;
  const parts = precarityParts(seqs, { method: 'TRATEDSS', ...options }, false);
  return parts.start.map((c, i) => otto * c + (1 - otto) * parts.complexity[i] ** a * (1 + parts.correction[i]) ** b);
}

/** Options of `insecurity` (TraMineR `seqinsecurity`). */
export interface InsecurityOptions extends Omit<DegradationOptions, 'spellIntegration'> {
  /** Power of the positions when integrating the first spell (default `pow`, as `seqinsecurity`; `seqindic`'s Insec uses 0). */
  spow?: number;
  /** Keep the index between the lowest and highest cost of the states visited (default false). */
  bound?: boolean;
}

/**
 * Insecurity index of each sequence (TraMineR `seqinsecurity`; Ritschard 2023):
 *
 * Q_i = c(s_1) I_i1 + C_i + D_i,
 *
 * c(s_1) the `startingCosts` cost of the first state, I_i1 the integration of
 * the first spell (positions^spow), C_i the `complexity` and D_i the
 * `degradation` with method RANK (default) and spell integration. With
 * `bound`, Q_i is clipped to the lowest and highest cost of the states visited.
 *
 * @param seqs the sequences
 * @param options ranking, spow, bound, pow (1), method, penalized, withMissing
 * @returns one index per row, input order
 * @example
 * insecurity(seqs, { stateOrder: ['employment', 'HE', 'FE', 'school', 'training', 'joblessness'], spow: 0 })[0];
 */
export function insecurity(seqs: StateSequences, options: InsecurityOptions = {}): Float64Array {
  const parts = precarityParts(seqs, { method: 'RANK', ...options }, true);
  const spow = options.spow ?? options.pow ?? 1;
  const scratch = spellScratch(seqs.t);
  const integration = new Float64Array(seqs.t);
  const index = (c: number) => (c === MISSING ? parts.costs.length - 1 : c);
  return parts.start.map((c, i) => {
    const d = rowSpells(seqs, i, options.withMissing ?? false, scratch);
    const first = d > 0 ? spellIntegrations(scratch.duration, d, spow, integration)[0] : NaN;
    let q = c * first + (parts.complexity[i] + parts.correction[i]);
    if (options.bound) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < d; k++) {
        lo = Math.min(lo, parts.costs[index(scratch.state[k])]);
        hi = Math.max(hi, parts.costs[index(scratch.state[k])]);
      }
      q = Math.min(Math.max(q, lo), hi);
    }
    return q;
  });
}

// The parts precarity and insecurity share: starting costs (as ranked by the
// options), the cost of each sequence's first state, its complexity, and the
// degradation correction computed on the ranking the starting costs imply.
function precarityParts(seqs: StateSequences, options: DegradationOptions, spellIntegration: boolean) {
  const start = startingCosts(seqs, options);
  const correction = degradation(seqs, {
    ...options,
    stateOrder: undefined,
    stateEquiv: start.stateEquiv,
    stprec: Array.from(start.costs),
    spellIntegration,
  });
  const scratch = spellScratch(seqs.t);
  const first = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) {
    const d = rowSpells(seqs, i, options.withMissing ?? false, scratch);
    const s = scratch.state[0];
    first[i] = d > 0 ? start.costs[s === MISSING ? start.costs.length - 1 : s] : NaN;
  }
  return { costs: start.costs, start: first, complexity: complexity(seqs, options), correction };
}
