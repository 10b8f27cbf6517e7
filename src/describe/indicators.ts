import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { OptionsError } from '../errors.js';
import { shannon, stateIndex, type DescribeOptions } from './states.js';
import { rowSpells, spellScratch, type SequenceGrid } from './spells.js';

/** Options of the per-sequence indicators: they never use weights. */
export type IndicatorOptions = Pick<DescribeOptions, 'withMissing'>;

/**
 * Within-sequence (longitudinal) entropy of each sequence
 * (TraMineR `seqient`; Gabadinho et al. 2011, J. Stat. Softw. 40(4), section 4.3).
 *
 * h_i = -sum_s p_is ln p_is with p_is the share of row i's valid months spent
 * in s; divided by ln S (S = alphabet size, +1 with `withMissing`) when
 * `normalize` (default). A sequence without valid months has entropy 0.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false), `normalize` (true)
 * @returns one entropy per row, input order
 * @example
 * withinEntropy(seqs)[0]; // 0 for a sequence that stays in one state
 */
export function withinEntropy(seqs: StateSequences, options: IndicatorOptions & { normalize?: boolean } = {}): Float64Array {
  const { normalize = true } = options;
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const S = states.length;
  const scale = normalize ? Math.log(S) : 1;
  const counts = new Float64Array(S);
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) out[i] = shannon(rowStateCounts(seqs, i, lut, counts), 0, S) / scale;
  return out;
}

/** counts[s] = number of row i's cells in output state s (cells the lut maps to -1 skipped); returns counts. */
function rowStateCounts(grid: SequenceGrid, i: number, lut: Int16Array, counts: Float64Array): Float64Array {
  counts.fill(0);
  for (let j = i * grid.t, end = (i + 1) * grid.t; j < end; j++) {
    const s = lut[grid.codes[j]];
    if (s >= 0) counts[s]++;
  }
  return counts;
}

/**
 * Length of each sequence (TraMineR `seqlength`): the months before censoring,
 * gaps included (`Lgth` of `seqindic`), or without its gaps when
 * `withMissing` is false (`NonM`).
 *
 * @param seqs the sequences
 * @param options `withMissing` (true: gaps count)
 * @returns one length per row, input order
 * @example
 * sequenceLength(seqs)[0];                          // 70 on mvad
 * sequenceLength(seqs, { withMissing: false })[0];  // observed months only
 */
export function sequenceLength(seqs: SequenceGrid, options: IndicatorOptions = {}): Float64Array {
  const { withMissing = true } = options;
  const out = Float64Array.from(seqs.lengths);
  if (!withMissing) {
    for (let i = 0; i < seqs.n; i++) {
      for (let j = i * seqs.t, end = i * seqs.t + seqs.lengths[i]; j < end; j++) if (seqs.codes[j] === MISSING) out[i]--;
    }
  }
  return out;
}

/**
 * Number of spells of each sequence, the length of its distinct successive
 * states (TraMineR `seqlength(seqdss(...))`, `Dlgth` of `seqindic`); spells as
 * in `spells` (with `withMissing`, runs of gaps are spells too).
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns one count per row, input order
 * @example
 * spellCount(seqs)[0]; // 3 for employment-training-employment
 */
export function spellCount(seqs: SequenceGrid, options: IndicatorOptions = {}): Float64Array {
  const scratch = spellScratch(seqs.t);
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) out[i] = rowSpells(seqs, i, options.withMissing ?? false, scratch);
  return out;
}

/**
 * Number of different states each sequence visits (TraMineR `seqindic`
 * `Visited`), or with `proportion` that number divided by the alphabet size
 * (+1 with `withMissing`; `Visitp`).
 *
 * @param seqs the sequences
 * @param options `withMissing` (false), `proportion` (false)
 * @returns one count (or share) per row, input order
 * @example
 * visitedStates(seqs)[0];                        // 2 for employment-training-employment
 * visitedStates(seqs, { proportion: true })[0];  // 2 / 6 on mvad
 */
export function visitedStates(seqs: StateSequences, options: IndicatorOptions & { proportion?: boolean } = {}): Float64Array {
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const counts = new Float64Array(states.length);
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) {
    rowStateCounts(seqs, i, lut, counts);
    for (let s = 0; s < states.length; s++) if (counts[s] > 0) out[i]++;
    if (options.proportion) out[i] /= states.length;
  }
  return out;
}

/**
 * Recurrence of each sequence: spells per visited state, `spellCount` /
 * `visitedStates` (TraMineR `seqindic` `Recu`; NaN without valid months).
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns one ratio per row, input order
 * @example
 * recurrence(seqs)[0]; // 1.5 for employment-training-employment
 */
export function recurrence(seqs: StateSequences, options: IndicatorOptions = {}): Float64Array {
  const spellsOf = spellCount(seqs, options);
  const visited = visitedStates(seqs, options);
  return spellsOf.map((d, i) => d / visited[i]);
}

/**
 * Number of transitions in each sequence: spells - 1 (0 without spells), with
 * spells as in `spells` (TraMineR `seqtransn`, the length of `seqdss` minus 1).
 * With `normalize`, divided by L_i - 1 where L_i counts the months before
 * censoring, gaps included (0 when L_i <= 1), as TraMineR does.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false), `normalize` (false)
 * @returns one count (or share) per row, input order
 * @example
 * transitionCount(seqs)[0]; // 2 for employment-training-employment
 */
export function transitionCount(seqs: SequenceGrid, options: IndicatorOptions & { normalize?: boolean } = {}): Float64Array {
  const out = spellCount(seqs, options).map((d) => (d > 0 ? d - 1 : 0));
  return options.normalize ? perPossibleTransition(out, seqs.lengths) : out;
}

/** transitions / (L - 1), 0 when L <= 1 (TraMineR `seqtransn(norm = TRUE)`). */
function perPossibleTransition(transitions: Float64Array, lengths: Int32Array): Float64Array {
  const out = new Float64Array(transitions.length);
  for (let i = 0; i < out.length; i++) out[i] = lengths[i] > 1 ? transitions[i] / (lengths[i] - 1) : 0;
  return out;
}

/**
 * Number of distinct subsequences of each sequence's distinct successive
 * states, the empty one included (TraMineR `seqsubsn`, `Nsubs` of `seqindic`;
 * Elzinga 2006). 1 for a sequence without valid months.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns one count per row, input order (doubles, as TraMineR)
 * @example
 * subsequenceCount(seqs)[0]; // 7 for employment-training-employment (-, e, t, et, te, ee, ete)
 */
export function subsequenceCount(seqs: SequenceGrid, options: IndicatorOptions = {}): Float64Array {
  const scratch = spellScratch(seqs.t);
  const phi = new SubsequenceCounter(seqs.t);
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) out[i] = phi.count(scratch.state, rowSpells(seqs, i, options.withMissing ?? false, scratch));
  return out;
}

/**
 * phi(x) = number of distinct subsequences of x_1..x_d (the empty one included),
 * N_0 = 1, N_k = 2 N_(k-1) - N_(p-1) with p the previous 1-based position of
 * x_k (no subtraction on its first occurrence); in doubles like TraMineR.
 */
class SubsequenceCounter {
  private readonly n: Float64Array;
  private readonly lastSeen = new Int32Array(256);
  constructor(maxLength: number) {
    this.n = new Float64Array(maxLength + 1);
  }
  count(states: ArrayLike<number>, d: number): number {
    const { n, lastSeen } = this;
    lastSeen.fill(0);
    n[0] = 1;
    for (let k = 1; k <= d; k++) {
      const x = states[k - 1];
      n[k] = 2 * n[k - 1];
      if (lastSeen[x] > 0) n[k] -= n[lastSeen[x] - 1];
      lastSeen[x] = k;
    }
    return n[d];
  }
}

/** Mean, variance and largest variance of the spell durations of each sequence. */
export interface DurationSpread {
  /** Mean spell duration (`MeanD` of `seqindic`; type 2: `MeanD2`). */
  readonly mean: Float64Array;
  /** Variance of the spell durations (`Dustd` is its square root). */
  readonly variance: Float64Array;
  /** The largest variance a sequence of that length and number of spells can have (turbulence's s2max). */
  readonly maxVariance: Float64Array;
}

/**
 * Spread of the spell durations of each sequence (TraMineR `seqivardur`;
 * Ritschard 2023, "Measuring the nature of individual sequences", Sociol.
 * Methods Res. 52(4)), durations as `spells` counts them (observed months).
 *
 * Type 1, over the d spells: mean m = sum(t_k) / d, variance
 * s2 = sum (t_k - m)^2 / d, s2max = (d - 1)(1 - m)^2.
 * Type 2 also counts the nv non-visited states of the alphabet (+1 with
 * `withMissing`) as spells of duration 0: m = sum(t_k) / (d + nv),
 * s2 = (sum (t_k - m)^2 + nv m^2) / (d + nv), and with a the alphabet size,
 * L the length (without gaps unless `withMissing`), nvmax = 0 if a < 2, a - 1
 * if d = 1, else a - 2, and m' = m (d + nv) / (d + nvmax):
 * s2max = ((d - 1)(1 - m')^2 + (L - d + 1 - m')^2 + nvmax m'^2) / (d + nvmax).
 * A sequence without spells gives NaN mean and variance.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false), `type` (1 or 2, default 1)
 * @returns mean, variance and largest variance per row, input order
 * @example
 * const d = durationSpread(seqs);
 * Math.sqrt(d.variance[0]); // Dustd
 */
export function durationSpread(seqs: StateSequences, options: IndicatorOptions & { type?: 1 | 2 } = {}): DurationSpread {
  const { withMissing = false, type = 1 } = options;
  if (type !== 1 && type !== 2) throw new OptionsError('type', `must be 1 or 2; got ${String(type)}`);
  const { states, lut } = stateIndex(seqs, withMissing);
  const lengths = sequenceLength(seqs, { withMissing });
  const scratch = spellScratch(seqs.t);
  const counts = new Float64Array(states.length);
  const mean = new Float64Array(seqs.n);
  const variance = new Float64Array(seqs.n);
  const maxVariance = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) {
    const d = rowSpells(seqs, i, withMissing, scratch);
    let notVisited = 0;
    if (type === 2) {
      rowStateCounts(seqs, i, lut, counts);
      for (let s = 0; s < states.length; s++) if (counts[s] === 0) notVisited++;
    }
    const v = spread(scratch.duration, d, type === 2 ? { notVisited, alphabetSize: states.length, length: lengths[i] } : undefined);
    mean[i] = v.mean;
    variance[i] = v.variance;
    maxVariance[i] = v.maxVariance;
  }
  return { mean, variance, maxVariance };
}

/** The `durationSpread` formulas for durations t_1..t_d; type 2 when `visits` is given. */
function spread(
  durations: ArrayLike<number>,
  d: number,
  visits?: { notVisited: number; alphabetSize: number; length: number },
): { mean: number; variance: number; maxVariance: number } {
  let sum = 0;
  for (let k = 0; k < d; k++) sum += durations[k];
  const nv = visits?.notVisited ?? 0;
  const mean = sum / (d + nv);
  let ss = nv * mean * mean;
  for (let k = 0; k < d; k++) ss += (durations[k] - mean) * (durations[k] - mean);
  const variance = ss / (d + nv);
  if (!visits) return { mean, variance, maxVariance: (d - 1) * (1 - mean) * (1 - mean) };
  const { alphabetSize: a, length } = visits;
  const nvMax = a < 2 ? 0 : d === 1 ? a - 1 : a - 2;
  const m = (mean * (d + nv)) / (d + nvMax);
  const maxVariance = ((d - 1) * (1 - m) ** 2 + (length - d + 1 - m) ** 2 + nvMax * m * m) / (d + nvMax);
  return { mean, variance, maxVariance };
}

/** Options of `turbulence`. */
export interface TurbulenceOptions extends IndicatorOptions {
  /** 1 (default): Elzinga's variance of the spell durations; 2: the variance that counts non-visited states (`durationSpread` type 2). */
  type?: 1 | 2;
  /** Divide by the turbulence of the most turbulent sequence of the longest length (TraMineR `norm = TRUE`). Default false. */
  normalize?: boolean;
}

/**
 * Elzinga's turbulence of each sequence (TraMineR `seqST`; Elzinga &
 * Liefbroer 2007, Eur. J. Population 23, 225-250; type 2: Ritschard 2023):
 *
 * T_i = log2( phi_i (s2max_i + 1) / (s2_i + 1) ),
 *
 * phi = `subsequenceCount` (distinct subsequences of the distinct successive
 * states), s2 and s2max = `durationSpread` of the given type. Normalised:
 * (T_i - 1) / (Tmax - 1), 0 when T_i < 1, with Tmax the turbulence of the
 * sequence that cycles through the alphabet (+ the missing state with
 * `withMissing`) one month at a time over the longest length. A sequence
 * without valid months gives NaN.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false), `type` (1), `normalize` (false)
 * @returns one turbulence per row, input order
 * @example
 * turbulence(seqs)[0];                                       // 1 for a sequence that stays in one state
 * turbulence(seqs, { type: 2, normalize: true })[0];         // Turb2n of seqindic
 */
export function turbulence(seqs: StateSequences, options: TurbulenceOptions = {}): Float64Array {
  const phi = subsequenceCount(seqs, options);
  const v = durationSpread(seqs, options);
  const out = phi.map((p, i) => turbulenceOf(p, v.variance[i], v.maxVariance[i]));
  if (!options.normalize) return out;
  const max = maxTurbulence(seqs, options);
  return out.map((x) => (x < 1 ? 0 : (x - 1) / (max - 1)));
}

/** log2(phi (s2max + 1) / (s2 + 1)), grouped as TraMineR computes it. */
function turbulenceOf(phi: number, s2: number, s2max: number): number {
  return Math.log2(phi * ((s2max + 1) / (s2 + 1)));
}

// Turbulence of a_1 a_2 ... a_S a_1 a_2 ... over the longest length: every spell lasts 1 month.
function maxTurbulence(seqs: StateSequences, options: TurbulenceOptions): number {
  const S = seqs.alphabet.codes.length + (options.withMissing ? 1 : 0);
  let length = 0;
  for (let i = 0; i < seqs.n; i++) length = Math.max(length, seqs.lengths[i]);
  const cycle = Array.from({ length }, (_, k) => k % S);
  let phi = S > 1 ? new SubsequenceCounter(length).count(cycle, length) : 2;
  if (Number.isNaN(phi)) phi = Number.MAX_VALUE;
  const durations = S > 1 ? new Array<number>(length).fill(1) : [length];
  const d = durations.length;
  const visits = options.type === 2 ? { notVisited: Math.max(0, S - length), alphabetSize: S, length } : undefined;
  const v = spread(durations, d, visits);
  return turbulenceOf(phi, v.variance, v.maxVariance);
}

/**
 * Complexity index of each sequence (TraMineR `seqici`; Gabadinho, Ritschard,
 * Studer & Müller 2010, "Indice de complexité pour le tri et la comparaison de
 * séquences catégorielles", RNTI E-19, 61-66):
 *
 * C_i = sqrt( q_i / (L_i - 1) * h_i ),
 *
 * q_i = `transitionCount`, L_i the length before censoring (gaps included),
 * h_i the normalised `withinEntropy`; 0 when L_i <= 1.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns one complexity in [0, 1] per row, input order
 * @example
 * complexity(seqs)[0]; // 0.0458 for mvad's first sequence
 */
export function complexity(seqs: StateSequences, options: IndicatorOptions = {}): Float64Array {
  const entropy = withinEntropy(seqs, options);
  return transitionCount(seqs, { ...options, normalize: true }).map((q, i) => Math.sqrt(q * entropy[i]));
}

/**
 * Volatility of each sequence (TraMineR `seqivolatility`; Brzinsky-Fay 2007,
 * adjusted by Ritschard 2023): a mix of the states visited and the
 * transitions made,
 *
 * V_i = w (v_i - 1) / (a - 1) + (1 - w) q_i / (L_i - 1),
 *
 * v_i = `visitedStates` (the first term is 0 when v_i <= 1), a = alphabet size
 * (+1 with `withMissing`), q_i / (L_i - 1) the normalised `transitionCount`.
 * Without `adjust`: w v_i / a + (1 - w) q_i / (L_i - 1).
 *
 * @param seqs the sequences
 * @param options `withMissing` (false), `w` (0.5), `adjust` (true)
 * @returns one volatility in [0, 1] per row, input order
 * @example
 * volatility(seqs)[0];
 */
export function volatility(seqs: StateSequences, options: IndicatorOptions & { w?: number; adjust?: boolean } = {}): Float64Array {
  const { w = 0.5, adjust = true } = options;
  if (!(w >= 0 && w <= 1)) throw new OptionsError('w', `must be in [0, 1]; got ${w}`);
  const a = seqs.alphabet.codes.length + (options.withMissing ? 1 : 0);
  const visited = visitedStates(seqs, options);
  return volatilityFrom(visited, transitionCount(seqs, { ...options, normalize: true }), a, w, adjust);
}

/**
 * The `volatility` formula from visited-state counts and normalised transitions.
 * @example
 * volatilityFrom(Float64Array.of(2), Float64Array.of(0.25), 6, 0.5, true); // [0.225]
 */
export function volatilityFrom(visited: Float64Array, transp: Float64Array, a: number, w: number, adjust: boolean): Float64Array {
  return visited.map((v, i) => {
    const share = adjust ? (v - 1 <= 0 ? 0 : (v - 1) / (a - 1)) : v / a;
    return w * share + (1 - w) * transp[i];
  });
}

/** The four per-sequence indicators, each one value per row in input order. */
export interface SequenceIndicators {
  /** Normalised within-sequence entropy (`withinEntropy`). */
  readonly entropy: Float64Array;
  /** Elzinga's turbulence (`turbulence`). */
  readonly turbulence: Float64Array;
  /** Complexity index (`complexity`). */
  readonly complexity: Float64Array;
  /** Number of transitions (`transitionCount`). */
  readonly transitions: Float64Array;
}

/**
 * Entropy, turbulence, complexity and number of transitions of every
 * sequence in one call (the default `loopbaan describe --what indicators`
 * table); definitions as in the single functions. `indicatorTable` gives
 * every indicator of TraMineR's `seqindic`.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns four arrays of one value per row, input order
 * @example
 * const ind = sequenceIndicators(seqs);
 * ind.turbulence[3];
 */
export function sequenceIndicators(seqs: StateSequences, options: IndicatorOptions = {}): SequenceIndicators {
  return {
    entropy: withinEntropy(seqs, options),
    turbulence: turbulence(seqs, options),
    complexity: complexity(seqs, options),
    transitions: transitionCount(seqs, options),
  };
}
