import type { StateSequences } from './types.js';
import { OptionsError } from '../errors.js';
import { regrid } from './select.js';
import { monthIndex } from './subset.js';

/**
 * Where each person's process time starts (month 0):
 * - an array with the start column per row (-1 or NaN: no start);
 * - `{ firstState }`: the first month in one of these states;
 * - `{ column }`: a covariate holding the start month as a time label (or column index).
 */
export type ProcessStart =
  | ArrayLike<number>
  | { readonly firstState: string | readonly string[] }
  | { readonly column: string };

/** Options of `alignOnProcessTime`. */
export interface AlignOptions {
  /** Rows without a start (or starting after their last observed month): `'drop'` them (default) or keep them `'empty'` (length 0). */
  unstarted?: 'drop' | 'empty';
  /** Number of process months to keep (default: up to the longest aligned sequence). */
  months?: number;
}

/**
 * Re-express calendar sequences in process time: row i is shifted left so that
 * its start month becomes month 0 (labels `'0'`, `'1'`, ...). Months before the
 * start are dropped; the sequence keeps its right-censoring (new length =
 * old length - start). Covariates and cell attributes stay in step.
 * This is the "time since event" axis of TraMineR analyses such as
 * months since the start of jobcoaching (Studies A).
 *
 * @param seqs calendar-time sequences
 * @param start start month per row, a first-state rule or a covariate column
 * @param options `unstarted` ('drop' | 'empty', default 'drop'), `months` (default: longest)
 * @returns the aligned sequence set
 * @example
 * // month 0 = first month in a trial placement; persons never in trial are dropped
 * const p = alignOnProcessTime(seqs, { firstState: 'trial' });
 * p.timeLabels.slice(0, 3); // ['0', '1', '2']
 * // month 0 = each person's start_month covariate ('2014-03', ...)
 * const q = alignOnProcessTime(seqs, { column: 'start_month' }, { months: 36 });
 */
export function alignOnProcessTime(seqs: StateSequences, start: ProcessStart, options: AlignOptions = {}): StateSequences {
  const { unstarted = 'drop' } = options;
  const starts = startColumns(seqs, start);
  const rows: number[] = [];
  const offsets: number[] = [];
  let longest = 0;
  for (let i = 0; i < seqs.n; i++) {
    const s = starts[i];
    const started = Number.isInteger(s) && s >= 0 && s < seqs.lengths[i];
    if (!started && unstarted === 'drop') continue;
    rows.push(i);
    offsets.push(started ? s : seqs.t);
    if (started) longest = Math.max(longest, seqs.lengths[i] - s);
  }
  const months = options.months ?? longest;
  if (!Number.isInteger(months) || months < 0) throw new OptionsError('months', `must be a whole number >= 0; got ${months}`);
  const labels = Array.from({ length: months }, (_, j) => String(j));
  return regrid(seqs, Int32Array.from(rows), Int32Array.from(offsets), months, labels);
}

/** Start column per row (NaN when a row has no start). */
function startColumns(seqs: StateSequences, start: ProcessStart): Float64Array {
  const { n, t, codes, lengths } = seqs;
  const out = new Float64Array(n).fill(NaN);
  if ('firstState' in start) {
    const wanted = new Uint8Array(256);
    for (const code of typeof start.firstState === 'string' ? [start.firstState] : start.firstState) {
      const k = seqs.alphabet.codes.indexOf(code);
      if (k < 0) throw new OptionsError('firstState', `"${code}" is not a state of the alphabet; expected one of ${seqs.alphabet.codes.join(', ')}`);
      wanted[k] = 1;
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < lengths[i]; j++) {
        if (wanted[codes[i * t + j]]) {
          out[i] = j;
          break;
        }
      }
    }
  } else if ('column' in start) {
    if (!seqs.covariates.columnNames().includes(start.column)) {
      throw new OptionsError('column', `no covariate "${start.column}"; expected one of ${seqs.covariates.columnNames().join(', ')}`);
    }
    const values = seqs.covariates.array(start.column) as ArrayLike<unknown>;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) continue;
      out[i] = monthIndex(seqs, typeof v === 'number' ? v : String(v));
    }
  } else {
    if (start.length !== n) throw new OptionsError('start', `${start.length} entries; expected one per sequence (${n})`);
    for (let i = 0; i < n; i++) out[i] = start[i];
  }
  return out;
}
