import type { StateSequences } from '../sequences/types.js';
import { MISSING, VOID } from '../sequences/types.js';
import { rowWeights, stateIndex, type DescribeOptions } from './states.js';

/** All spells of all sequences in one flat layout, ordered by row then start. */
export interface Spells {
  /** Spells of row i are `offsets[i] .. offsets[i + 1] - 1` (length N + 1). */
  readonly offsets: Int32Array;
  /** Row of each spell. */
  readonly row: Int32Array;
  /** State code of each spell: alphabet index, or MISSING for a gap spell (`withMissing` only). */
  readonly state: Uint8Array;
  /** First month (column index) of each spell. */
  readonly start: Int32Array;
  /** Observed months of each spell (TraMineR `seqdur`: gaps inside or right after it do not count, see `spells`). */
  readonly duration: Int32Array;
}

/** The cells the spell rule reads: N rows of T codes, row i observed up to `lengths[i]`. */
export type SequenceGrid = Pick<StateSequences, 'n' | 't' | 'codes' | 'lengths'>;

/** Per-row spell buffers of length T, filled by `rowSpells`. */
export interface SpellScratch {
  readonly state: Uint8Array;
  readonly start: Int32Array;
  readonly duration: Int32Array;
}

/** Buffers for the spells of one row of a T-month sequence set. */
export function spellScratch(t: number): SpellScratch {
  return { state: new Uint8Array(t), start: new Int32Array(t), duration: new Int32Array(t) };
}

/**
 * Split row i into spells, TraMineR's `seqdss` / `seqdur` rule: a spell is a
 * maximal run of one state; unless `withMissing`, missing months never start
 * a spell, a gap before the first state is skipped, and a gap after a state
 * joins that state's spell without counting in its duration (A A * * A is one
 * spell of A with 3 observed months, A * B is A for 1 month then B). With
 * `withMissing`, a run of missing months is a spell of its own (state MISSING).
 * Only the first `lengths[i]` cells are read; a VOID cell among them is
 * skipped like a gap (TraMineR reads recoded sequences that way).
 * Writes the spells into `scratch` and returns their number.
 */
export function rowSpells(seqs: SequenceGrid, i: number, withMissing: boolean, scratch: SpellScratch): number {
  const { t, codes, lengths } = seqs;
  const { state, start, duration } = scratch;
  const row = i * t;
  const len = lengths[i];
  const skipped = (c: number) => c === VOID || (c === MISSING && !withMissing);
  let count = 0;
  let j = 0;
  while (j < len) {
    const x = codes[row + j];
    const first = j;
    let observed = 1;
    while (j + 1 < len && (codes[row + j + 1] === x || skipped(codes[row + j + 1]))) {
      j++;
      if (!skipped(codes[row + j])) observed++;
    }
    if (!skipped(x)) {
      state[count] = x;
      start[count] = first;
      duration[count] = observed;
      count++;
    }
    j++;
  }
  return count;
}

/**
 * The spells of every sequence: state, first month and duration
 * (TraMineR's `seqdss` + `seqdur`, and the SPELL format of `seqformat`;
 * Gabadinho et al. 2011, J. Stat. Softw. 40(4), section 5).
 * See `rowSpells` for how missing months are handled.
 *
 * @param seqs the sequences
 * @param options `withMissing` (false): gaps as spells of their own
 * @returns a flat, typed spell table
 * @example
 * const sp = spells(seqs);
 * for (let k = sp.offsets[0]; k < sp.offsets[1]; k++) {
 *   console.log(seqs.alphabet.codes[sp.state[k]], sp.start[k], sp.duration[k]);
 * }
 */
export function spells(seqs: StateSequences, options: Pick<DescribeOptions, 'withMissing'> = {}): Spells {
  const { withMissing = false } = options;
  const { n, t } = seqs;
  const scratch = spellScratch(t);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rowSpells(seqs, i, withMissing, scratch);
  const total = offsets[n];
  const row = new Int32Array(total);
  const state = new Uint8Array(total);
  const start = new Int32Array(total);
  const duration = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const k = offsets[i];
    const count = rowSpells(seqs, i, withMissing, scratch);
    row.fill(i, k, k + count);
    state.set(scratch.state.subarray(0, count), k);
    start.set(scratch.start.subarray(0, count), k);
    duration.set(scratch.duration.subarray(0, count), k);
  }
  return { offsets, row, state, start, duration };
}

/** Distribution of spell durations per state. */
export interface SpellDurations {
  /** State codes, alphabet order; `'*'` last when gap spells are counted. */
  readonly states: string[];
  /** Largest duration a spell can have (T); histogram rows have T + 1 entries. */
  readonly maxDuration: number;
  /** Weighted number of spells in each state. */
  readonly count: Float64Array;
  /** Weighted mean spell duration in each state (NaN without spells). */
  readonly mean: Float64Array;
  /** Weighted number of spells of each duration d, S x (T + 1): `histogram[s * (T + 1) + d]`. */
  readonly histogram: Float64Array;
}

/**
 * Distribution of spell durations per state: weighted number of spells by
 * duration, total and mean duration (spells as defined by `spells`; a
 * sequence's last spell is right-censored when the sequence is).
 *
 * count_s = sum_i w_i #spells of s in i; mean_s = sum_i w_i sum(durations of s in i) / count_s.
 *
 * @param seqs the sequences (weights honoured unless `weighted: false`)
 * @param options `weighted` (true), `withMissing` (false)
 * @returns counts, mean and histogram of spell durations per state
 * @example
 * const d = spellDurations(seqs);
 * d.mean[d.states.indexOf('none')]; // mean length of a spell without work
 */
export function spellDurations(seqs: StateSequences, options: DescribeOptions = {}): SpellDurations {
  const { withMissing = false } = options;
  const { states, lut } = stateIndex(seqs, withMissing);
  const w = rowWeights(seqs, options.weighted);
  const sp = spells(seqs, { withMissing });
  const S = states.length;
  const stride = seqs.t + 1;
  const count = new Float64Array(S);
  const mean = new Float64Array(S);
  const histogram = new Float64Array(S * stride);
  for (let k = 0; k < sp.row.length; k++) {
    const s = lut[sp.state[k]];
    const wi = w[sp.row[k]];
    count[s] += wi;
    mean[s] += wi * sp.duration[k];
    histogram[s * stride + sp.duration[k]] += wi;
  }
  for (let s = 0; s < S; s++) mean[s] = count[s] > 0 ? mean[s] / count[s] : NaN;
  return { states, maxDuration: seqs.t, count, mean, histogram };
}
