import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { StateFeature, StateFeatures } from './types.js';

/**
 * Read the features of the states for FEATURES costs from CSV: a header (the
 * first column names the states, the others the features), then one row per
 * state. A column of numbers is an interval feature, any other a nominal one;
 * an empty cell or `NA` is unknown.
 *
 *   state,paid,hours,contract
 *   employment,1,38,permanent
 *   training,0,20,NA
 *
 * @param file path of the CSV file
 * @returns the features (types and weights as their defaults; set them on the result)
 * @throws InputError naming line and column for a ragged row, a repeated state or an empty table
 * @example
 * const stateFeatures = readStateFeatures('features.csv');
 * await distances(seqs, { method: 'OM', sm: 'FEATURES', stateFeatures });
 */
export function readStateFeatures(file: string): StateFeatures {
  let rows: string[][];
  try {
    rows = parse(readFileSync(file, 'utf8'), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new InputError(file, undefined, undefined, `cannot read a CSV table of state features: ${(err as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header || header.length < 2 || body.length === 0) {
    throw new InputError(file, undefined, undefined, 'expected a header (state, then one column per feature) and one row per state');
  }
  const states: string[] = [];
  body.forEach((row, r) => {
    if (row.length !== header.length) throw new InputError(file, r + 2, undefined, `${row.length} cells; expected ${header.length} as in the header`);
    if (states.includes(row[0])) throw new InputError(file, r + 2, 1, `state "${row[0]}" appears twice`);
    states.push(row[0]);
  });
  const features: StateFeature[] = header.slice(1).map((name, c) => {
    const cells = body.map((row) => row[c + 1]);
    const known = cells.filter((x) => x !== '' && x !== 'NA');
    const numeric = known.every((x) => Number.isFinite(Number(x)));
    const values = cells.map((x) => (x === '' || x === 'NA' ? null : numeric ? Number(x) : x));
    return { name, values };
  });
  return { states, features };
}
