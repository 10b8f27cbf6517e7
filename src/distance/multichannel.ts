import { OptionsError } from '../errors.js';
import { combineChannels, type CombinedChannels } from '../sequences/channels.js';
import type { StateSequences } from '../sequences/types.js';
import { distances } from './compute.js';
import { substitutionCosts } from './costs.js';
import type { DistanceMatrix } from './matrix.js';
import type { CostMatrix, CostMethod, DistanceOptions, SubstitutionCosts } from './types.js';

/** The methods multichannel distances support, as TraMineR's `seqMD`. */
export type ChannelMethod = 'OM' | 'HAM' | 'DHD' | 'LCS';

/** Costs of one channel: a cost method computed on that channel, a `substitutionCosts` result, or a matrix. */
export type ChannelCost = CostMethod | SubstitutionCosts | CostMatrix;

/** Options of `channelCosts` (TraMineR `seqMD` arguments). */
export interface ChannelCostOptions {
  /** The distance the costs are for (default OM): DHD takes time-varying costs; LCS is OM with constant costs 2 and indel 1. */
  method?: ChannelMethod;
  /** One cost method for every channel, or one cost per channel; default CONSTANT (TRATE for DHD). */
  sm?: CostMethod | readonly ChannelCost[];
  /**
   * Indel: 'auto' (default: each channel's indel from its costs, max(sm)/2 for a matrix),
   * one number for every channel, or one per channel (a number or one per state of that channel).
   */
  indel?: 'auto' | number | readonly (number | readonly number[])[];
  /** Weight of each channel (default 1 each). */
  cweight?: readonly number[];
  /** Combine the channels' costs by their weighted 'sum' (default) or 'mean'. */
  link?: 'sum' | 'mean';
  /** Cost of CONSTANT substitutions and base of TRATE costs in every channel (default 2, as `seqMD`). */
  cval?: number;
  /** Cost of substituting a channel's gap state (default 2). */
  missCost?: number;
  /** Use case weights in data-derived costs (default true). */
  weighted?: boolean;
  /** Joins the channel states in combined state names (default `+`). */
  separator?: string;
}

/** Options of `channelDistances`: the costs and `distances`' normalisation and resources. */
export interface ChannelDistanceOptions extends ChannelCostOptions, Pick<DistanceOptions, 'norm' | 'threads' | 'progress' | 'memoryBudgetBytes'> {
  method: ChannelMethod;
}

const METHODS: readonly ChannelMethod[] = ['OM', 'HAM', 'DHD', 'LCS'];

/**
 * Substitution and indel costs between combined states from each channel's
 * costs, by the additive trick (CAT; TraMineR `seqMD(what = "cost")`;
 * Pollock 2007, "Holistic trajectories", J. R. Stat. Soc. A 170(1)):
 *
 * sm(x, y) = sum_c w_c sm_c(x_c, y_c),   indel(x) = sum_c w_c indel_c(x_c),
 *
 * x_c the state of combined state x in channel c, w_c = `cweight`; both divided
 * by sum_c w_c with link 'mean'. Channel costs from a method are computed on
 * that channel with `cval` and `missCost` (its gaps are a state when it has
 * any); DHD takes time-varying costs (one matrix per month). The indel is one
 * number unless a channel's indel is given per state (or comes per state, as
 * INDELS does).
 *
 * @param channels the channels: the same persons in the same row order
 * @param options method, sm, indel, cweight, link, cval, missCost, weighted, separator
 * @returns the combined sequences and their costs
 * @example
 * const { combined, costs } = channelCosts([edu, work], { sm: ['TRATE', 'CONSTANT'] });
 * costs.sm[1];     // cost between combined states 0 and 1
 * costs.indel;     // TRATE's max(sm) / 2 + 1
 */
export function channelCosts(channels: readonly StateSequences[], options: ChannelCostOptions = {}): { combined: CombinedChannels; costs: SubstitutionCosts } {
  const method = options.method ?? 'OM';
  if (!METHODS.includes(method)) throw new OptionsError('method', `must be one of ${METHODS.join(', ')} for several channels; got ${String(method)}`);
  const combined = combineChannels(channels, { separator: options.separator });
  const C = channels.length;
  const lcs = method === 'LCS';
  const timeVarying = method === 'DHD';
  const cval = lcs ? 2 : (options.cval ?? 2);
  const missCost = lcs ? 2 : (options.missCost ?? 2);
  const cweight = options.cweight ?? new Array<number>(C).fill(1);
  if (cweight.length !== C || cweight.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw new OptionsError('cweight', `needs one non-negative weight per channel (${C}); got ${cweight.join(', ')}`);
  }
  const link = options.link ?? 'sum';
  if (link !== 'sum' && link !== 'mean') throw new OptionsError('link', `must be sum or mean; got ${String(link)}`);
  const smList = perChannel<ChannelCost>('sm', lcs ? 'CONSTANT' : (options.sm ?? (timeVarying ? 'TRATE' : 'CONSTANT')), C);
  const indelList = lcs ? new Array<number>(C).fill(1) : perChannel<number | readonly number[] | 'auto'>('indel', options.indel ?? 'auto', C);

  const channelSm: Float64Array[] = [];
  const channelIndel: (number | Float64Array)[] = [];
  const nSlices = timeVarying ? combined.sequences.t : 1;
  channels.forEach((ch, c) => {
    const states = combined.channelStates[c];
    const cost = channelCost(ch, smList[c], { c, states, timeVarying, nSlices, cval, missCost, weighted: options.weighted, hasGaps: combined.channelHasGaps[c] });
    channelSm.push(cost.sm);
    const given = indelList[c];
    if (given === 'auto') channelIndel.push(cost.indel);
    else if (typeof given === 'number') {
      if (!(given > 0)) throw new OptionsError('indel', `channel ${c + 1}: must be a positive number; got ${given}`);
      channelIndel.push(given);
    } else {
      if (given.length !== states.length || given.some((x) => !(x > 0))) {
        throw new OptionsError('indel', `channel ${c + 1}: needs one positive indel per state (${states.join(', ')}); got ${given.length}`);
      }
      channelIndel.push(Float64Array.from(given));
    }
  });

  // CAT: sm(x, y) = sum_c w_c sm_c(x_c, y_c) in every slice; indel(x) = sum_c w_c indel_c(x_c)
  const K = combined.sequences.alphabet.codes.length;
  const { parts } = combined;
  const scale = link === 'mean' ? 1 / sum(cweight) : 1;
  const sm = new Float64Array(nSlices * K * K);
  for (let s = 0; s < nSlices; s++) {
    for (let x = 0; x < K; x++) {
      for (let y = 0; y < K; y++) {
        if (x === y) continue;
        let cost = 0;
        for (let c = 0; c < C; c++) {
          const n = combined.channelStates[c].length;
          cost += cweight[c] * channelSm[c][s * n * n + parts[x * C + c] * n + parts[y * C + c]];
        }
        sm[s * K * K + x * K + y] = cost * scale;
      }
    }
  }
  let indel: number | Float64Array;
  if (channelIndel.every((v) => typeof v === 'number')) {
    indel = scale * channelIndel.reduce<number>((acc, v, c) => acc + (v as number) * cweight[c], 0);
  } else {
    indel = new Float64Array(K);
    for (let x = 0; x < K; x++) {
      let v = 0;
      for (let c = 0; c < C; c++) {
        const ci = channelIndel[c];
        v += (typeof ci === 'number' ? ci : ci[parts[x * C + c]]) * cweight[c];
      }
      indel[x] = v * scale;
    }
  }
  const costs: SubstitutionCosts = { states: [...combined.sequences.alphabet.codes], nStates: K, timeVarying, nSlices, sm, indel };
  return { combined, costs };
}

/**
 * Distances between multichannel sequences with CAT costs (TraMineR
 * `seqMD(..., what = "diss")`): the channels combined (`combineChannels`),
 * costs by `channelCosts`, then `distances` with method OM (LCS is OM with
 * constant costs), HAM or DHD. N x N in input row order.
 *
 * @param channels the channels: the same persons in the same row order
 * @param options method, sm, indel, cweight, link, norm, cval, missCost, threads, ...
 * @returns the N x N matrix (condensed)
 * @example
 * const d = await channelDistances([edu, work], { method: 'OM', sm: ['TRATE', 'CONSTANT'] });
 * distanceAt(d, 0, 1);
 */
export async function channelDistances(channels: readonly StateSequences[], options: ChannelDistanceOptions): Promise<DistanceMatrix> {
  const { combined, costs } = channelCosts(channels, options);
  const method = options.method === 'LCS' ? 'OM' : options.method;
  return distances(combined.sequences, {
    method, sm: costs, indel: costs.indel, norm: options.norm,
    threads: options.threads, progress: options.progress, memoryBudgetBytes: options.memoryBudgetBytes,
  });
}

function sum(x: readonly number[]): number {
  return x.reduce((a, b) => a + b, 0);
}

// One value for every channel, or a list with one per channel.
function perChannel<T>(name: string, value: T | readonly T[], C: number): T[] {
  if (!Array.isArray(value)) return new Array<T>(C).fill(value as T);
  if (value.length !== C) throw new OptionsError(name, `give one value for every channel or one per channel (${C}); got ${value.length}`);
  return [...(value as readonly T[])];
}

// A channel's costs over its states (alphabet, + gap state), as flat slices.
function channelCost(
  ch: StateSequences,
  sm: ChannelCost,
  o: { c: number; states: readonly string[]; timeVarying: boolean; nSlices: number; cval: number; missCost: number; weighted?: boolean; hasGaps: boolean },
): { sm: Float64Array; indel: number | Float64Array } {
  const n = o.states.length;
  const where = `channel ${o.c + 1}`;
  if (typeof sm === 'string') {
    if (o.timeVarying && ch.t !== o.nSlices) throw new OptionsError('channels', `${where} has ${ch.t} months; DHD needs channels of ${o.nSlices} months`);
    const costs = substitutionCosts(ch, { method: sm, cval: o.cval, missCost: o.missCost, withMissing: o.hasGaps, timeVarying: o.timeVarying, weighted: o.weighted });
    return { sm: costs.sm, indel: costs.indel };
  }
  if (!Array.isArray(sm)) {
    const costs = sm as SubstitutionCosts;
    if (costs.nStates !== n) throw new OptionsError('sm', `${where}: costs over ${costs.nStates} states; expected ${n} (${o.states.join(', ')})`);
    if (costs.timeVarying !== o.timeVarying) throw new OptionsError('sm', `${where}: ${o.timeVarying ? 'DHD needs time-varying costs' : 'needs a single cost matrix'}`);
    if (costs.timeVarying && costs.nSlices !== o.nSlices) throw new OptionsError('sm', `${where}: ${costs.nSlices} monthly matrices; expected ${o.nSlices}`);
    return { sm: costs.sm, indel: costs.indel };
  }
  if (o.timeVarying) throw new OptionsError('sm', `${where}: DHD needs time-varying costs (a cost method or a time-varying substitutionCosts result)`);
  const matrix = sm as CostMatrix;
  if (matrix.length !== n || matrix.some((row) => row.length !== n)) throw new OptionsError('sm', `${where}: the matrix must be ${n} x ${n} (${o.states.join(', ')})`);
  const flat = Float64Array.from(matrix.flat());
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = flat[i * n + j];
      if (!(v >= 0) || !Number.isFinite(v) || (i === j && v !== 0)) throw new OptionsError('sm', `${where}: costs must be finite, non-negative and 0 on the diagonal; got ${v} at [${i}][${j}]`);
    }
  }
  return { sm: flat, indel: Math.max(...flat) / 2 };
}
