import { transitionRates } from '../describe/transitions.js';
import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import type { CostMatrix, DistanceOptions } from './types.js';

/** The parameters of OMstran, OMloc, OMslen, NMS, NMSMST and SVRspell, with TraMineR's defaults. */
export interface MethodParams {
  /** OMstran: weight of the state in a transition (NaN for other methods). */
  readonly otto: number;
  readonly previous: boolean;
  readonly addColumn: boolean;
  readonly transindel: 'constant' | 'prob' | 'subcost';
  /** OMloc: weight of the neighbouring states in an indel. */
  readonly context: number;
  readonly link: 'mean' | 'gmean';
  /** OMslen: exponent of the spell-length weight. */
  readonly h: number;
  /** NMS, SVRspell: state proximities, nStates x nStates row-major (empty: exact matching). */
  readonly prox: Float64Array;
  /** NMS, NMSMST, SVRspell: weight of the common subsequences of length k + 1 at k (length t). */
  readonly kweights: Float64Array;
  /** OMstran with transindel 'prob': the transition rates of the data over the cost states (from-major), else empty. */
  readonly rates: Float64Array;
}

/**
 * Check and complete the parameters of the newer methods as TraMineR's `seqdist`:
 * otto is required for OMstran; context defaults to 1 - 2 expcost (OMloc); link
 * 'mean' and h 0.5 (OMslen); SVRspell's prox defaults to the identity; kweights
 * default to 1 for every length (a scalar is repeated; missing lengths weigh 0).
 *
 * @param seqs the sequences (their length; transition rates for OMstran's transindel 'prob')
 * @param options the caller's options
 * @param states the cost states (prox is over them; missing last when it counts)
 * @example
 * methodParams(seqs, { method: 'OMloc', expcost: 0.25 }, ['a', 'b']).context; // 0.5
 */
export function methodParams(seqs: StateSequences, options: DistanceOptions, states: readonly string[]): MethodParams {
  const { method } = options;
  const expcost = options.expcost ?? 0.5;
  const otto = options.otto ?? NaN;
  if (method === 'OMstran' && !(otto >= 0 && otto <= 1)) {
    throw new OptionsError('otto', options.otto === undefined ? 'OMstran needs otto, the weight of the state in a transition, in [0, 1]' : `must be a number in [0, 1]; got ${otto}`);
  }
  const transindel = options.transindel ?? 'constant';
  if (!['constant', 'prob', 'subcost'].includes(transindel)) throw new OptionsError('transindel', `must be constant, prob or subcost; got "${String(transindel)}"`);
  const context = options.context ?? 1 - 2 * expcost;
  if (method === 'OMloc') {
    if (!(expcost >= 0)) throw new OptionsError('expcost', `must be >= 0; got ${expcost}`);
    if (!(context >= 0) || context === Infinity) {
      throw new OptionsError('context', options.context === undefined ? `defaults to 1 - 2 expcost, which is negative for expcost ${expcost}: give context or an expcost in [0, 0.5]` : `must be a number >= 0; got ${context}`);
    }
  }
  const link = options.link ?? 'mean';
  if (link !== 'mean' && link !== 'gmean') throw new OptionsError('link', `must be mean or gmean; got "${String(link)}"`);
  const h = options.h ?? 0.5;
  if (!(h >= 0) || h === Infinity) throw new OptionsError('h', `must be a number >= 0; got ${h}`);
  const subsequences = method === 'NMS' || method === 'NMSMST' || method === 'SVRspell';
  if (subsequences && options.sm !== undefined && method !== 'NMSMST') throw new OptionsError('sm', `${method} takes state proximities (prox), not substitution costs`);
  let prox = new Float64Array(0);
  if (options.prox !== undefined && (method === 'NMS' || method === 'SVRspell')) prox = proxMatrix(options.prox, states);
  else if (method === 'SVRspell') prox = identity(states.length);
  const rates = method === 'OMstran' && transindel === 'prob'
    ? transitionRates(seqs, { weighted: options.weighted ?? true, withMissing: states.length > seqs.alphabet.codes.length }).rates
    : new Float64Array(0);
  return {
    otto, previous: options.previous ?? false, addColumn: options.addColumn ?? true, transindel, context, link, h, prox,
    kweights: kweightsOf(options.kweights, seqs.t), rates,
  };
}

function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let s = 0; s < n; s++) out[s * n + s] = 1;
  return out;
}

function proxMatrix(m: CostMatrix, states: readonly string[]): Float64Array {
  const n = states.length;
  if (m.length !== n || m.some((row) => row.length !== n)) throw new OptionsError('prox', `must be ${n} x ${n} (states ${states.join(', ')})`);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = m[i][j];
      if (!Number.isFinite(v)) throw new OptionsError('prox', `proximities must be numbers; got ${v} at [${i + 1}, ${j + 1}]`);
      out[i * n + j] = v;
    }
  }
  return out;
}

// TraMineR: a scalar is repeated; a vector is cut or padded with 0 to the sequence length.
function kweightsOf(k: number | readonly number[] | undefined, t: number): Float64Array {
  const out = new Float64Array(t);
  if (k === undefined || typeof k === 'number') out.fill(k ?? 1);
  else out.set(k.slice(0, t));
  if (out.some((w) => !(w >= 0) || w === Infinity)) throw new OptionsError('kweights', 'must be finite numbers >= 0');
  return out;
}
