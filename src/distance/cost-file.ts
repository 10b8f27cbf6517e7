import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { CostMatrix } from './types.js';

/**
 * Read a substitution-cost matrix from CSV, in the layout R's `write.csv(seqsubm(...))`
 * writes (a header of state codes, state codes in the first column) or as a bare
 * square of numbers in the order of `states`. Labelled rows and columns may come in
 * any order and may be written `state->` or `[state ->]` as TraMineR labels them.
 *
 * @param file path of the CSV file
 * @param states the states the matrix must cover, in matrix order (`*` last for missing)
 * @returns the matrix in the order of `states`
 * @throws InputError naming the line and column of the first problem
 * @example
 * const sm = readCostMatrix('costs.csv', ['employment', 'FE', 'HE', 'joblessness', 'school', 'training']);
 * await distances(seqs, { method: 'OM', sm });
 */
export function readCostMatrix(file: string, states: readonly string[]): CostMatrix {
  let rows: string[][];
  try {
    const size = statSync(file);
    if (!size.isFile() || size.size > MAX_BYTES) {
      throw new InputError(file, undefined, undefined, `is ${size.isFile() ? `${size.size} bytes` : 'not a regular file'}; expected a small CSV of states x states costs`);
    }
    rows = parse(readFileSync(file, 'utf8'), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, (err as { lines?: number }).lines, undefined, `cannot read a CSV cost matrix: ${(err as Error).message}`);
  }
  const n = states.length;
  // A header of state names (R's write.csv layout), else a bare square of numbers.
  const labelled = rows.length > 0 && rows[0].some((cell) => cell !== '' && !isNumber(cell) && states.includes(stateOf(cell)));
  if (!labelled) {
    rows.forEach((row, r) => {
      const c = row.findIndex((cell) => !isNumber(cell));
      if (c >= 0) throw new InputError(file, r + 1, c + 1, `"${row[c]}" is not a number; expected a cost (a bare matrix), or a header of state names (${states.join(', ')})`);
    });
  }
  const body = labelled ? rows.slice(1) : rows;
  const firstLine = labelled ? 2 : 1;
  if (body.length !== n) throw new InputError(file, undefined, undefined, `expected a ${n} x ${n} matrix for states ${states.join(', ')}; found ${body.length} rows`);
  const order = (labels: string[], line: number | undefined, what: string): number[] =>
    labels.map((label, k) => {
      const s = states.indexOf(stateOf(label));
      if (s < 0) throw new InputError(file, line ?? firstLine + k, line === undefined ? 1 : k + 2, `${what} "${label}" is not a state; expected one of ${states.join(', ')}`);
      return s;
    });
  const colState = labelled ? order(rows[0].slice(rows[0].length - n), 1, 'column') : states.map((_, k) => k);
  const rowState = labelled ? order(body.map((r) => r[0]), undefined, 'row') : states.map((_, k) => k);
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  body.forEach((row, r) => {
    const cells = row.slice(row.length - n);
    if (row.length < n) throw new InputError(file, firstLine + r, undefined, `expected ${n} costs; found ${row.length} cells`);
    cells.forEach((cell, c) => {
      if (!isNumber(cell)) throw new InputError(file, firstLine + r, row.length - n + c + 1, `"${cell}" is not a number; expected a cost`);
      const v = Number(cell);
      out[rowState[r]][colState[c]] = v;
    });
  });
  const twice = states.find((_, s) => out[s].some(Number.isNaN));
  if (twice !== undefined) throw new InputError(file, undefined, undefined, `state "${twice}" has no complete row or column (a label appears twice)`);
  return out;
}

/** Cost files are small; a larger file is not one (or is /dev/zero). */
const MAX_BYTES = 1 << 20;

function isNumber(cell: string): boolean {
  return cell !== '' && Number.isFinite(Number(cell));
}

// "employment", "employment->", "[employment ->]" and "[-> employment]" all name employment.
function stateOf(label: string): string {
  return label.replace(/[[\]]/g, '').replace(/->/g, '').trim();
}
