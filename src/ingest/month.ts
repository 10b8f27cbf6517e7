/** Pattern of a calendar month cell: `YYYY-MM` with month 01..12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Parse a `YYYY-MM` month to a month index (`year * 12 + month - 1`), so that
 * consecutive months differ by 1. Returns -1 when the text is not a month.
 *
 * @param text cell text, e.g. `2013-05`
 * @returns month index, or -1
 * @example
 * parseMonth('2013-05'); // 24160
 * parseMonth('2013-13'); // -1
 */
export function parseMonth(text: string): number {
  // Hand-rolled instead of MONTH_PATTERN: this runs once per row of a long file.
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return -1;
  let year = 0;
  for (let k = 0; k < 4; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) return -1;
  const month = m1 * 10 + m2;
  if (month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

/**
 * Format a month index from `parseMonth` back to `YYYY-MM`.
 *
 * @example
 * formatMonth(parseMonth('2019-12')); // '2019-12'
 */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}
