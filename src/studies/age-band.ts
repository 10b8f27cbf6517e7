import type { StateSequences } from '../sequences/types.js';

/** Age bands at the start (years), youngest first: the Wajong ages spread, the older WGA ages grouped. */
export const AGE_BANDS: readonly string[] = ['<20', '20-24', '25-29', '30-44', '45+'];

/** Lower bounds of AGE_BANDS after the first. */
const BAND_FROM = [20, 25, 30, 45];

/**
 * The age band of each person at the start of the sequences (for group
 * profiles): age = the person covariate `age` when present, otherwise the
 * year of the start column minus `birth_year` (whole years; the birth month
 * is unknown, so the age can be one year too high). Bands: `<20`, `20-24`,
 * `25-29`, `30-44`, `45+` (AGE_BANDS); a person without a usable age gets null.
 *
 * @param seqs sequences with covariates `age`, or `birth_year` and the start column
 * @param startColumn covariate with the start month as `YYYY-MM` (default `start_month`)
 * @returns one band per person, or null when the covariates to compute it are missing
 * @example
 * // birth_year 1991, start_month '2015-03': age 24
 * ageBands(seqs); // ['20-24', ...]
 */
export function ageBands(seqs: StateSequences, startColumn = 'start_month'): (string | null)[] | null {
  const names = seqs.covariates.columnNames();
  let age: (i: number) => number;
  if (names.includes('age')) {
    const a = seqs.covariates.array('age') as ArrayLike<unknown>;
    age = (i) => toNumber(a[i]);
  } else if (names.includes('birth_year') && names.includes(startColumn)) {
    const born = seqs.covariates.array('birth_year') as ArrayLike<unknown>;
    const start = seqs.covariates.array(startColumn) as ArrayLike<unknown>;
    age = (i) => toNumber(/^\s*(\d{4})/.exec(String(start[i] ?? ''))?.[1]) - toNumber(born[i]);
  } else return null;
  return Array.from({ length: seqs.n }, (_, i) => {
    const a = age(i);
    if (!Number.isFinite(a)) return null;
    let band = 0;
    while (band < BAND_FROM.length && a >= BAND_FROM[band]) band++;
    return AGE_BANDS[band];
  });
}

function toNumber(v: unknown): number {
  return v === null || v === undefined || v === '' ? NaN : Number(v);
}
