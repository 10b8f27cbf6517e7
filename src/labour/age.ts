import { OptionsError } from '../errors.js';

/** Default lower bounds of the age bands: <18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+. */
export const DEFAULT_AGE_BANDS: readonly number[] = [18, 25, 35, 45, 55, 65];

/**
 * Age in whole years at the end of a calendar month, from a birth date
 * (`YYYY-MM-DD` or `YYYY-MM`) or a birth year (`YYYY`, as text or number).
 * With a date: completed years at the end of the month, year - birth year,
 * minus 1 when the birth month comes later in the year. With a year only:
 * year - birth year, the age reached during the year (the birth month is
 * unknown). NaN for an empty or unreadable value.
 *
 * @param birth the birth date or year
 * @param year calendar year of the reference month
 * @param month the reference month (1..12)
 * @example
 * ageAt('1990-07-15', 2022, 6); // 31 (the 32nd birthday is in July)
 * ageAt('1990-06', 2022, 6);    // 32
 * ageAt(1990, 2022, 6);         // 32
 * ageAt('', 2022, 6);           // NaN
 */
export function ageAt(birth: unknown, year: number, month: number): number {
  if (typeof birth === 'number') return Number.isInteger(birth) ? year - birth : NaN;
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*$/.exec(String(birth ?? ''));
  if (!m) return NaN;
  const age = year - Number(m[1]);
  if (m[2] === undefined) return age;
  const born = Number(m[2]);
  if (!(born >= 1 && born <= 12)) return NaN;
  return month < born ? age - 1 : age;
}

/**
 * Labels of the age bands with the given lower bounds: `<b0`, `b0-(b1-1)`,
 * ..., `bk+` (no `<0` band when the first bound is 0). The bounds must be
 * ascending whole numbers; an `OptionsError` names `option` otherwise.
 *
 * @example
 * ageBandLabels([18, 25, 35]); // ['<18', '18-24', '25-34', '35+']
 * ageBandLabels([0, 30]);      // ['0-29', '30+']
 */
export function ageBandLabels(bounds: readonly number[], option = 'ageBands'): string[] {
  if (bounds.length === 0 || bounds.some((b, k) => !Number.isInteger(b) || b < 0 || (k > 0 && b <= bounds[k - 1]))) {
    throw new OptionsError(option, `expected ascending whole ages (the lower bound of each band), e.g. 18,25,35; got ${bounds.join(',')}`);
  }
  const labels = bounds.map((b, k) => (k + 1 < bounds.length ? `${b}-${bounds[k + 1] - 1}` : `${b}+`));
  return bounds[0] > 0 ? [`<${bounds[0]}`, ...labels] : labels;
}

/**
 * Index into `ageBandLabels(bounds)` of an age, or -1 when the age is NaN.
 *
 * @example
 * ageBand(24, [18, 25, 35]); // 1 ('18-24')
 * ageBand(12, [18, 25, 35]); // 0 ('<18')
 */
export function ageBand(age: number, bounds: readonly number[]): number {
  if (Number.isNaN(age)) return -1;
  let k = 0;
  while (k < bounds.length && age >= bounds[k]) k++;
  return bounds[0] > 0 ? k : Math.max(0, k - 1);
}
