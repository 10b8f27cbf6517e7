import type { StateSequences } from './types.js';
import { OptionsError } from '../errors.js';
import { regrid } from './select.js';

/**
 * Keep the months `first` ..`last` (inclusive), given as 0-based column
 * indices or as time labels (TraMineR: `seqs[, first:last]`).
 * Covariates and cell attributes stay in step; a sequence censored before
 * `first` becomes empty (length 0).
 *
 * @param seqs the sequence set
 * @param first first month kept: index or label such as `'Sep.93'` or `'2014-01'`
 * @param last last month kept (default: the last month)
 * @returns a new sequence set with `last - first + 1` months
 * @example
 * const s = subsetMonths(mvad, 'Sep.93', 'Jun.99');
 * s.t; // 70
 * subsetMonths(seqs, 0, 23).timeLabels.length; // 24: the first two years
 */
export function subsetMonths(seqs: StateSequences, first: number | string, last: number | string = seqs.t - 1): StateSequences {
  const from = monthIndex(seqs, first);
  const to = monthIndex(seqs, last);
  if (to < from) throw new OptionsError('last', `the month range ${first}..${last} is empty: the last month comes before the first`);
  const rows = new Int32Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) rows[i] = i;
  const offsets = new Int32Array(seqs.n).fill(from);
  return regrid(seqs, rows, offsets, to - from + 1, seqs.timeLabels.slice(from, to + 1));
}

/** Column index of a month given by index or label; an OptionsError names the valid range. */
export function monthIndex(seqs: StateSequences, month: number | string): number {
  if (seqs.t === 0) throw new OptionsError('month', `${typeof month === 'number' ? month : `"${month}"`} does not exist; the sequences have no months`);
  if (typeof month === 'number') {
    if (!Number.isInteger(month) || month < 0 || month >= seqs.t) {
      throw new OptionsError('month', `${month} does not exist; expected an index in 0..${seqs.t - 1}`);
    }
    return month;
  }
  const j = seqs.timeLabels.indexOf(month);
  if (j < 0) {
    const labels = seqs.timeLabels;
    throw new OptionsError('month', `"${month}" is not a time label; expected one of ${labels[0]} .. ${labels[labels.length - 1]}`);
  }
  return j;
}
