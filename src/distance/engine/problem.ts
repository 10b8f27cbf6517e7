import type { ProgressReporter } from '../../progress.js';

/**
 * Sequences and costs for optimal matching, as the kernels take them.
 * Row r of `codes` holds `lengths[r]` state indices (0..nStates-1) in cells
 * `r*t .. r*t+lengths[r]-1`; later cells are ignored.
 */
export interface AlignmentProblem {
  /** Row-major D x t state indices. */
  codes: Uint8Array;
  /** Row stride of `codes` (longest possible sequence). */
  t: number;
  /** Length of each sequence, 0..t. */
  lengths: Int32Array;
  /** Number of states. */
  nStates: number;
  /** nStates x nStates substitution costs, row-major, symmetric. */
  sm: Float64Array;
  /** Insertion/deletion cost of each state. */
  indel: Float64Array;
  /** A position-dependent variant of OM (OMloc, OMslen) instead of plain OM; needs the WebAssembly kernel. */
  variant?: VariantSpec;
}

/**
 * The position-dependent OM variants of the engine (assembly/omvar.ts):
 * - `omloc`: localised OM; an indel of s between neighbours p, q costs
 *   timeCost + (context (sm[p, s] + sm[q, s])) / 2 (`indel` is not used);
 * - `omslen-mean` / `omslen-gmean`: a month of a spell of L months weighs
 *   weights[L]; indels cost indel[s] w, substitutions sm[x, y] (w_x + w_y) or
 *   sm[x, y] sqrt(w_x w_y).
 */
export interface VariantSpec {
  mode: 'omloc' | 'omslen-mean' | 'omslen-gmean';
  /** OMslen: weights[L] for spells of L = 1..t months (index 0 unused). */
  weights: Float64Array;
  timeCost: number;
  context: number;
}

/** Options of the OM engine. */
export interface EngineOptions {
  /** Worker threads; default: all cores (`os.availableParallelism()`). 1 computes in the calling thread. */
  threads?: number;
  /** Receives progress in pairs done. */
  progress?: ProgressReporter;
  /** `auto` (default): WebAssembly SIMD when available, else the TypeScript kernel; `wasm` or `js` to force one. */
  kernel?: 'auto' | 'wasm' | 'js';
}

/** Number of sequences of a problem. */
export function problemSize(p: AlignmentProblem): number {
  return p.lengths.length;
}

/**
 * Check a problem before any kernel sees it: shapes, codes within the
 * alphabet, finite non-negative symmetric costs. Throws an `Error` naming the
 * first problem found (these are programming errors of the caller, not input
 * file errors).
 */
export function validateProblem(p: AlignmentProblem, name = 'problem'): void {
  const { codes, t, lengths, nStates, sm, indel } = p;
  const d = lengths.length;
  if (!Number.isInteger(t) || t < 0) throw new Error(`${name}: t must be a non-negative integer, got ${t}.`);
  if (!Number.isInteger(nStates) || nStates < 1 || nStates > 255) throw new Error(`${name}: nStates must be 1..255, got ${nStates}.`);
  if (codes.length < d * t) throw new Error(`${name}: codes has ${codes.length} cells; expected ${d} x ${t}.`);
  if (sm.length !== nStates * nStates) throw new Error(`${name}: sm has ${sm.length} entries; expected ${nStates} x ${nStates}.`);
  if (indel.length !== nStates) throw new Error(`${name}: indel has ${indel.length} entries; expected ${nStates}.`);
  for (let x = 0; x < nStates; x++) {
    if (!(indel[x] >= 0 && Number.isFinite(indel[x]))) throw new Error(`${name}: indel[${x}] = ${indel[x]}; expected a finite cost >= 0.`);
    for (let y = 0; y < nStates; y++) {
      const c = sm[x * nStates + y];
      if (!(c >= 0 && Number.isFinite(c))) throw new Error(`${name}: sm[${x}, ${y}] = ${c}; expected a finite cost >= 0.`);
      if (c !== sm[y * nStates + x]) throw new Error(`${name}: sm is not symmetric at [${x}, ${y}].`);
    }
  }
  for (let r = 0; r < d; r++) {
    const len = lengths[r];
    if (!Number.isInteger(len) || len < 0 || len > t) throw new Error(`${name}: sequence ${r} has length ${len}; expected 0..${t}.`);
    for (let j = r * t, end = r * t + len; j < end; j++) {
      if (codes[j] >= nStates) throw new Error(`${name}: sequence ${r}, position ${j - r * t}: code ${codes[j]} is not a state 0..${nStates - 1}.`);
    }
  }
}
