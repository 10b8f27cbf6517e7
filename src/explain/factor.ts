import { OptionsError } from '../errors.js';
import { defaultStateOrder } from '../ingest/states.js';

/** A covariate coded as R's `factor`: level codes per case, -1 for missing. */
export interface Factor {
  /** Levels in R's order: numeric when every value is a number, else alphabetical (as `sort`). */
  readonly levels: readonly string[];
  /** Level index per case, -1 when missing (null, undefined, '', NaN, 'NA'). */
  readonly codes: Int32Array;
  /** True when every non-missing value is a number (the levels are then ordered). */
  readonly numeric: boolean;
}

/** True for the values R reads as NA. */
export function isMissingValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || v === 'NA' || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Code a covariate as a factor: the distinct values present, sorted
 * numerically when they all read as numbers (texts '2', '9', '10' too, where
 * R's `factor(x)` of texts sorts them as texts) and alphabetically otherwise
 * (as `defaultStateOrder`), missing values coded -1. The discrepancy
 * statistics (dissassoc, dissmfacw) do not depend on this order.
 *
 * @param values one value per case
 * @param name the covariate's name, for error messages
 * @returns levels and a code per case
 * @example
 * toFactor(['yes', 'no', null, 'no'], 'male'); // { levels: ['no', 'yes'], codes: [1, 0, -1, 0], numeric: false }
 */
export function toFactor(values: ArrayLike<unknown>, name: string): Factor {
  const present: unknown[] = [];
  for (let i = 0; i < values.length; i++) if (!isMissingValue(values[i])) present.push(values[i]);
  if (present.length === 0) throw new OptionsError(name, 'has no non-missing value');
  const numeric = present.every((v) => typeof v === 'number');
  let levels: string[];
  if (numeric) levels = [...new Set(present as number[])].sort((a, b) => a - b).map(String);
  else levels = defaultStateOrder([...new Set(present.map(String))]);
  const index = new Map(levels.map((l, k) => [l, k]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = isMissingValue(values[i]) ? -1 : index.get(String(values[i]))!;
  return { levels, codes, numeric };
}
