import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { MISSING, VOID } from '../sequences/types.js';
import { rowSpells, spellScratch, type SequenceGrid } from './spells.js';
import { MISSING_LABEL } from './states.js';
import { transitionCount, volatilityFrom } from './indicators.js';

/** Which states are positive (and negative), as TraMineR's `seqipos` takes them. */
export interface PositiveStateOptions {
  /** Positive states (e.g. paid work); default: the states not in `negStates`. */
  posStates?: readonly string[];
  /** Negative states; default: the states not in `posStates`. States in neither list are left out. */
  negStates?: readonly string[];
  /** Count gaps as the state `'*'`, which can then be listed (default: negative). Default false: gaps are left out. */
  withMissing?: boolean;
}

const POSITIVE = 0;
const NEGATIVE = 1;

/**
 * The sequences recoded to positive (0) and negative (1) as TraMineR's
 * `seqipos` does: states in neither list, and gaps unless `withMissing`,
 * become VOID cells where they stand, and each row is read up to T minus its
 * VOID cells (TraMineR's `seqlength`), so a left-out month shortens the
 * sequence from its end.
 */
function binaryGrid(seqs: StateSequences, options: PositiveStateOptions): SequenceGrid {
  const { pos, neg } = resolveStates(seqs, options);
  const { n, t } = seqs;
  const map = new Uint8Array(256).fill(VOID);
  for (const c of pos) map[c] = POSITIVE;
  for (const c of neg) map[c] = NEGATIVE;
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  for (let k = 0; k < codes.length; k++) codes[k] = map[seqs.codes[k]];
  for (let i = 0; i < n; i++) {
    let kept = 0;
    for (let j = i * t; j < (i + 1) * t; j++) if (codes[j] !== VOID) kept++;
    lengths[i] = kept;
  }
  return { n, t, codes, lengths };
}

/** Cell codes of the positive and negative states (MISSING for `'*'`), checked as TraMineR does. */
function resolveStates(seqs: StateSequences, options: PositiveStateOptions): { pos: number[]; neg: number[] } {
  const alphabet = [...seqs.alphabet.codes, ...(options.withMissing ? [MISSING_LABEL] : [])];
  const codeOf = (s: string) => (s === MISSING_LABEL ? MISSING : seqs.alphabet.codes.indexOf(s));
  const check = (name: 'posStates' | 'negStates') => {
    const list = options[name];
    if (list === undefined) return undefined;
    const unknown = list.filter((s) => !alphabet.includes(s));
    if (unknown.length > 0) throw new OptionsError(name, `unknown state(s) ${unknown.join(', ')}; expected states of ${alphabet.join(', ')}`);
    if (new Set(list).size !== list.length) throw new OptionsError(name, 'lists a state twice');
    return list;
  };
  const posList = check('posStates');
  const negList = check('negStates');
  if (!posList && !negList) throw new OptionsError('posStates', 'give the positive states (or the negative ones)');
  const pos = posList ?? alphabet.filter((s) => !negList!.includes(s));
  const neg = negList ?? alphabet.filter((s) => !pos.includes(s));
  return { pos: pos.map(codeOf), neg: neg.map(codeOf) };
}

/**
 * Share of positive states in each sequence (TraMineR `seqipos`, index
 * "share"; Ritschard, Bussi & O'Reilly 2018, "An index of precarity for
 * measuring early employment insecurity", in Sequence Analysis and Related
 * Approaches, Springer): #positive / (#positive + #negative) over the months
 * (`Ppos` of `seqindic`), or with `spells` over the spells, the distinct
 * successive states (`Nvolat`, normative volatility). NaN for a sequence with
 * neither.
 *
 * @param seqs the sequences
 * @param options posStates / negStates, withMissing (false), spells (false)
 * @returns one share in [0, 1] per row, input order
 * @example
 * positiveShare(seqs, { posStates: ['employment', 'HE'] })[0];                 // Ppos
 * positiveShare(seqs, { posStates: ['employment', 'HE'], spells: true })[0];   // Nvolat
 */
export function positiveShare(seqs: StateSequences, options: PositiveStateOptions & { spells?: boolean }): Float64Array {
  const { n, t } = seqs;
  const { pos, neg } = resolveStates(seqs, options);
  const kind = new Int8Array(256).fill(-1);
  for (const c of pos) kind[c] = POSITIVE;
  for (const c of neg) kind[c] = NEGATIVE;
  const out = new Float64Array(n);
  const scratch = spellScratch(t);
  const tally = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    tally.fill(0);
    // the states of the spells, or of the months
    const d = options.spells ? rowSpells(seqs, i, options.withMissing ?? false, scratch) : t;
    const cells = options.spells ? scratch.state : seqs.codes.subarray(i * t, (i + 1) * t);
    for (let k = 0; k < d; k++) if (kind[cells[k]] >= 0) tally[kind[cells[k]]]++;
    out[i] = tally[POSITIVE] / (tally[POSITIVE] + tally[NEGATIVE]);
  }
  return out;
}

/**
 * Volatility of the positive/negative sequence (TraMineR `seqipos`, index
 * "volatility"; `Vpos` of `seqindic`): `volatility` of the sequence recoded
 * to two states, w (v - 1) / (a - 1) + (1 - w) q / (L - 1), a = 2 (+1 with
 * `withMissing`), L its length without the left-out months.
 *
 * @param seqs the sequences
 * @param options posStates / negStates, withMissing (false), w (0.5)
 * @returns one volatility per row, input order
 * @example
 * positiveVolatility(seqs, { posStates: ['employment', 'HE'] })[0];
 */
export function positiveVolatility(seqs: StateSequences, options: PositiveStateOptions & { w?: number }): Float64Array {
  const { w = 0.5 } = options;
  if (!(w >= 0 && w <= 1)) throw new OptionsError('w', `must be in [0, 1]; got ${w}`);
  const grid = binaryGrid(seqs, options);
  const visited = new Float64Array(grid.n);
  for (let i = 0; i < grid.n; i++) {
    let p = 0;
    let m = 0;
    for (let j = i * grid.t; j < (i + 1) * grid.t; j++) {
      if (grid.codes[j] === POSITIVE) p = 1;
      else if (grid.codes[j] === NEGATIVE) m = 1;
    }
    visited[i] = p + m;
  }
  const transp = transitionCount(grid, { withMissing: options.withMissing, normalize: true });
  return volatilityFrom(visited, transp, 2 + (options.withMissing ? 1 : 0), w, true);
}

/**
 * Potential to integrate the positive states (TraMineR `seqipos`, index
 * "integr"; `Integr` of `seqindic`): `stateIntegration` of the positive
 * state in the sequence recoded to positive/negative.
 *
 * @param seqs the sequences
 * @param options posStates / negStates, withMissing (false), pow (1)
 * @returns one value in [0, 1] per row, input order
 * @example
 * positiveIntegration(seqs, { posStates: ['employment', 'HE'] })[0];
 */
export function positiveIntegration(seqs: StateSequences, options: PositiveStateOptions & { pow?: number }): Float64Array {
  return integrationOf(binaryGrid(seqs, options), [POSITIVE], options.pow ?? 1, options.withMissing ?? false)[0];
}

/**
 * Potential to integrate a state (TraMineR `seqintegr`; Brzinsky-Fay 2018,
 * "Unused resources: sequence and trajectory indicators", Int. Conf. on
 * Sequence Analysis): months weighted by their position to the power `pow`,
 *
 * I_i(s) = sum_{j: x_ij = s} j^pow / sum_j j^pow,
 *
 * the denominator over the T months of the panel, less the gaps and censored
 * months unless `withMissing` (TraMineR then keeps every month, censored ones
 * included, in the denominator).
 *
 * @param seqs the sequences
 * @param state a state of the alphabet (`'*'` for gaps with `withMissing`)
 * @param options pow (1), withMissing (false)
 * @returns one value in [0, 1] per row, input order
 * @example
 * stateIntegration(seqs, 'employment')[0]; // near 1 when employment comes late and lasts
 */
export function stateIntegration(seqs: StateSequences, state: string, options: { pow?: number; withMissing?: boolean } = {}): Float64Array {
  const code = state === MISSING_LABEL && options.withMissing ? MISSING : seqs.alphabet.codes.indexOf(state);
  if (code < 0) throw new OptionsError('state', `unknown state "${state}"; expected one of ${seqs.alphabet.codes.join(', ')}`);
  return integrationOf(seqs, [code], options.pow ?? 1, options.withMissing ?? false)[0];
}

/**
 * `stateIntegration` of several cell codes at once over a grid whose skipped
 * months are MISSING or VOID cells; one array per code.
 * @example
 * integrationOf(seqs, [0, 1], 1, false); // [I(state 0), I(state 1)]
 */
export function integrationOf(grid: SequenceGrid, codes: readonly number[], pow: number, withMissing: boolean): Float64Array[] {
  const { n, t } = grid;
  if (!Number.isFinite(pow)) throw new OptionsError('pow', `must be a number; got ${pow}`);
  const weight = Float64Array.from({ length: t }, (_, j) => (j + 1) ** pow);
  let all = 0;
  for (let j = 0; j < t; j++) all += weight[j];
  const slot = new Int16Array(256).fill(-1);
  codes.forEach((c, k) => (slot[c] = k));
  const out = codes.map(() => new Float64Array(n));
  const sums = new Float64Array(codes.length);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    let skipped = 0;
    for (let j = 0; j < t; j++) {
      const c = grid.codes[i * t + j];
      const k = slot[c];
      if (k >= 0) sums[k] += weight[j];
      if (!withMissing && (c === MISSING || c === VOID)) skipped += weight[j];
    }
    // I = sum of the state's weights / (all weights - weights of the skipped months)
    const total = all - skipped;
    for (let k = 0; k < codes.length; k++) out[k][i] = sums[k] / total;
  }
  return out;
}
