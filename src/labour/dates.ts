import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';

/** A month of the panel: its column index, or its time label (`2022-12` in calendar time, `36` in process time). */
export type PanelMonth = number | string;

/**
 * The column index of a month given as an index or a time label; an
 * `OptionsError` naming `option` when the month is not in the panel.
 *
 * @param seqs the sequences
 * @param month a column index (0..t-1) or a time label
 * @param option the option's name, for the message
 * @example
 * monthIndex(seqs, '2018-12', 'date'); // 71 when the panel starts in 2013-01
 * monthIndex(seqs, '2031-01', 'date'); // OptionsError: date: month "2031-01" is outside the panel (2013-01 .. 2020-12)
 */
export function monthIndex(seqs: StateSequences, month: PanelMonth, option: string): number {
  const j = typeof month === 'number' ? month : seqs.timeLabels.indexOf(month);
  if (typeof month === 'number' ? Number.isInteger(j) && j >= 0 && j < seqs.t : j >= 0) return j;
  const range = seqs.t > 0 ? `${seqs.timeLabels[0]} .. ${seqs.timeLabels[seqs.t - 1]}` : 'no months';
  throw new OptionsError(option, `month ${typeof month === 'number' ? month : `"${month}"`} is outside the panel (${range})`);
}

/**
 * Year and month (1..12) of a calendar time label `YYYY-MM`, or null when the
 * label is not a calendar month (a process-time or wide-file column).
 *
 * @example
 * calendarMonth('2022-12'); // { year: 2022, month: 12 }
 * calendarMonth('36');      // null
 */
export function calendarMonth(label: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}
