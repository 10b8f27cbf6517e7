import type { StateSequences } from '../sequences/types.js';
import { shannon, stateIndex, type DescribeOptions } from './states.js';
import { rowSpells, spellScratch } from './spells.js';

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
  const { n, t, codes, lengths } = seqs;
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const S = states.length;
  const scale = normalize ? Math.log(S) : 1;
  const counts = new Float64Array(S);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    counts.fill(0);
    for (let j = i * t, end = i * t + lengths[i]; j < end; j++) {
      const s = lut[codes[j]];
      if (s >= 0) counts[s]++;
    }
    out[i] = shannon(counts, 0, S) / scale;
  }
  return out;
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
export function transitionCount(seqs: StateSequences, options: IndicatorOptions & { normalize?: boolean } = {}): Float64Array {
  const { withMissing = false, normalize = false } = options;
  const { n, t } = seqs;
  const scratch = spellScratch(t);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = rowSpells(seqs, i, withMissing, scratch);
    out[i] = d > 0 ? d - 1 : 0;
  }
  return normalize ? perPossibleTransition(out, seqs.lengths) : out;
}

/** transitions / (L - 1), 0 when L <= 1 (TraMineR `seqtransn(norm = TRUE)`). */
function perPossibleTransition(transitions: Float64Array, lengths: Int32Array): Float64Array {
  const out = new Float64Array(transitions.length);
  for (let i = 0; i < out.length; i++) out[i] = lengths[i] > 1 ? transitions[i] / (lengths[i] - 1) : 0;
  return out;
}

/**
 * Elzinga's turbulence of each sequence, type 1 (TraMineR `seqST`; Elzinga &
 * Liefbroer 2007, Eur. J. Population 23, 225-250):
 *
 * T_i = log2( phi_i (s2max_i + 1) / (s2_i + 1) ),
 *
 * phi = number of distinct subsequences (the empty one included) of the
 * distinct successive states (DSS); s2 = population variance of the spell
 * durations (`spells`); s2max = (d - 1)(1 - mean duration)^2 with d spells.
 * phi follows the recursion N_k = 2 N_(k-1) - N_(p-1), p the previous position
 * of the k-th DSS state (no subtraction on its first occurrence), in doubles
 * like TraMineR. A sequence without valid months gives NaN.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns one turbulence per row, input order
 * @example
 * turbulence(seqs)[0]; // 1 for a sequence that stays in one state
 */
export function turbulence(seqs: StateSequences, options: IndicatorOptions = {}): Float64Array {
  const { withMissing = false } = options;
  const { n, t } = seqs;
  const scratch = spellScratch(t);
  const { state, duration } = scratch;
  const phiN = new Float64Array(t + 1);
  const lastSeen = new Int32Array(256);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = rowSpells(seqs, i, withMissing, scratch);
    if (d === 0) {
      out[i] = NaN;
      continue;
    }
    // phi: N_0 = 1, N_k = 2 N_(k-1) - N_(p-1) where p = previous 1-based position of state_k
    lastSeen.fill(0);
    phiN[0] = 1;
    for (let k = 1; k <= d; k++) {
      const x = state[k - 1];
      phiN[k] = 2 * phiN[k - 1];
      if (lastSeen[x] > 0) phiN[k] -= phiN[lastSeen[x] - 1];
      lastSeen[x] = k;
    }
    // mean and population variance of the spell durations
    let sum = 0;
    for (let k = 0; k < d; k++) sum += duration[k];
    const mean = sum / d;
    let ss = 0;
    for (let k = 0; k < d; k++) ss += (duration[k] - mean) * (duration[k] - mean);
    const s2 = ss / d;
    const s2max = (d - 1) * (1 - mean) * (1 - mean);
    out[i] = Math.log2((phiN[d] * (s2max + 1)) / (s2 + 1));
  }
  return out;
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
  return complexityFrom(transitionCount(seqs, { ...options, normalize: true }), withinEntropy(seqs, options));
}

function complexityFrom(normalizedTransitions: Float64Array, entropy: Float64Array): Float64Array {
  const out = new Float64Array(entropy.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(normalizedTransitions[i] * entropy[i]);
  return out;
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
 * sequence in one call (the `loopbaan describe --what indicators` table);
 * definitions as in the single functions.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false)
 * @returns four arrays of one value per row, input order
 * @example
 * const ind = sequenceIndicators(seqs);
 * ind.turbulence[3];
 */
export function sequenceIndicators(seqs: StateSequences, options: IndicatorOptions = {}): SequenceIndicators {
  const entropy = withinEntropy(seqs, options);
  const transitions = transitionCount(seqs, options);
  return {
    entropy,
    turbulence: turbulence(seqs, options),
    complexity: complexityFrom(perPossibleTransition(transitions, seqs.lengths), entropy),
    transitions,
  };
}
