import { OptionsError, ResourceError } from '../errors.js';
import { defaultStateOrder } from '../ingest/states.js';
import { makeAlphabet } from './alphabet.js';
import { createSequences } from './create.js';
import type { StateSequences } from './types.js';
import { MAX_STATES, MISSING, VOID } from './types.js';

/** Label of a gap inside a combined state (TraMineR's `nr`). */
const GAP = '*';

/** Sequences of several channels (domains) of the same persons combined into one. */
export interface CombinedChannels {
  /** One sequence per person over the combined states, e.g. `school+none`; no gaps (a gap is part of a combined state). */
  readonly sequences: StateSequences;
  /** The states of each channel, as its costs list them: its alphabet, then `'*'` when the channel has gaps. */
  readonly channelStates: readonly (readonly string[])[];
  /** True for each channel that has gaps (TraMineR's `has.miss`): its gaps are a state of its own. */
  readonly channelHasGaps: readonly boolean[];
  /**
   * The channel states of each combined state: `parts[k * C + c]` is the index into
   * `channelStates[c]` of combined state k's state in channel c (C channels).
   */
  readonly parts: Int32Array;
}

/**
 * Combine channels (domains) observed on the same persons and months into one
 * sequence of combined states, as TraMineR's `seqMD(channels)` does
 * (Gauthier, Widmer, Bucher & Notredame 2010, "Multichannel sequence analysis
 * applied to social science data", Sociol. Methodol. 40(1)).
 *
 * The combined state of a month joins the channels' states with `separator`
 * (`school+none`); a gap in one channel is the part `*`. The alphabet holds the
 * combinations that occur, ordered like TraMineR's default (`defaultStateOrder`).
 * A month is censored when every channel is; a channel with gaps anywhere is
 * read as a gap where it is censored and another channel goes on (TraMineR's
 * `fill.with.miss`); a channel without gaps must not end before the others.
 * Weights, ids, covariates and month labels are those of the first channel.
 *
 * @param channels the channels: the same persons in the same row order
 * @param options separator (default `+`)
 * @returns the combined sequences and how each combined state splits into channel states
 * @throws OptionsError when the channels do not fit together
 * @example
 * const md = combineChannels([edu, work]);
 * md.sequences.alphabet.codes; // ['FE+none', 'HE+none', 'none+employment', ...]
 */
export function combineChannels(channels: readonly StateSequences[], options: { separator?: string } = {}): CombinedChannels {
  const separator = options.separator ?? '+';
  const C = channels.length;
  if (C < 2) throw new OptionsError('channels', `give at least two channels; got ${C}`);
  const { n } = channels[0];
  channels.forEach((ch, c) => {
    if (ch.n !== n) throw new OptionsError('channels', `channel ${c + 1} has ${ch.n} sequences; channel 1 has ${n} (the channels need the same persons in the same order)`);
    const clash = ch.alphabet.codes.find((s) => s.includes(separator));
    if (clash !== undefined) throw new OptionsError('separator', `"${separator}" occurs in state "${clash}" of channel ${c + 1}; choose another separator`);
  });
  const t = Math.max(...channels.map((ch) => ch.t));
  const channelHasGaps = channels.map(hasGaps);
  const channelStates = channels.map((ch, c) => [...ch.alphabet.codes, ...(channelHasGaps[c] ? [GAP] : [])]);

  // cell (i, j) of channel c as an index into channelStates[c], or -1 when censored
  const part = (c: number, i: number, j: number): number => {
    const ch = channels[c];
    const code = j < ch.t ? ch.codes[i * ch.t + j] : VOID;
    if (code === VOID) return channelHasGaps[c] ? channelStates[c].length - 1 : -1;
    return code === MISSING ? channelStates[c].length - 1 : code;
  };
  const index = new Map<string, number>();
  const combos: number[][] = [];
  const cellCombo = new Int32Array(n * t).fill(-1);
  const key = new Array<number>(C);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < t; j++) {
      let censored = 0;
      for (let c = 0; c < C; c++) if ((key[c] = part(c, i, j)) < 0) censored++;
      if (censored === C) continue;
      if (censored > 0) {
        const ended = key.findIndex((k) => k < 0);
        throw new OptionsError('channels', `person ${channels[0].ids[i]}: channel ${ended + 1} ends before month ${j + 1} (${labelAt(channels, j)}) while another channel goes on; channels without gaps need the same lengths`);
      }
      const k = key.join(',');
      let combo = index.get(k);
      if (combo === undefined) {
        combo = combos.length;
        index.set(k, combo);
        combos.push([...key]);
      }
      cellCombo[i * t + j] = combo;
    }
  }
  if (combos.length > MAX_STATES) {
    throw new ResourceError(`the channels combine into ${combos.length} states; a sequence set holds at most ${MAX_STATES}: combine fewer channels or recode them into fewer states`);
  }
  const label = (combo: readonly number[]) => combo.map((s, c) => channelStates[c][s]).join(separator);
  const labels = combos.map(label);
  const alphabet = defaultStateOrder(labels);
  const codeOf = new Int32Array(combos.length);
  labels.forEach((l, k) => (codeOf[k] = alphabet.indexOf(l)));
  const parts = new Int32Array(alphabet.length * C);
  combos.forEach((combo, k) => combo.forEach((s, c) => (parts[codeOf[k] * C + c] = s)));
  const codes = new Uint8Array(n * t).fill(VOID);
  for (let k = 0; k < codes.length; k++) if (cellCombo[k] >= 0) codes[k] = codeOf[cellCombo[k]];
  const first = channels[0];
  const sequences = createSequences({
    alphabet: makeAlphabet(alphabet),
    n, t, codes,
    ids: first.ids,
    weights: first.weights,
    timeLabels: first.t === t ? first.timeLabels : channels.find((ch) => ch.t === t)!.timeLabels,
    covariates: first.covariates,
  });
  return { sequences, channelStates, channelHasGaps, parts };
}

function hasGaps(seqs: StateSequences): boolean {
  for (let i = 0; i < seqs.n; i++) {
    for (let j = i * seqs.t, end = i * seqs.t + seqs.lengths[i]; j < end; j++) if (seqs.codes[j] === MISSING) return true;
  }
  return false;
}

function labelAt(channels: readonly StateSequences[], j: number): string {
  return channels.find((ch) => j < ch.t)?.timeLabels[j] ?? String(j + 1);
}
