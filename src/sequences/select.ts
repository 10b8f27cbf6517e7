import type { CellAttribute, StateSequences } from './types.js';
import { OptionsError } from '../errors.js';
import { VOID } from './types.js';
import { createSequences } from './create.js';
import { shiftRows } from './shift.js';

/**
 * Keep the given rows, in the given order (TraMineR: `seqs[rows, ]`).
 * Codes, lengths, ids, weights, covariates and cell attributes stay in step;
 * a row may be listed more than once.
 *
 * @param seqs the sequence set
 * @param rows 0-based row indices
 * @returns a new sequence set with `rows.length` rows
 * @example
 * // persons with a WGA benefit, via the covariates table
 * const benefit = seqs.covariates.array('benefit');
 * const rows = [...benefit.keys()].filter((i) => benefit[i] === 'WGA');
 * const wga = selectRows(seqs, rows);
 */
export function selectRows(seqs: StateSequences, rows: ArrayLike<number>): StateSequences {
  const picked = Int32Array.from(rows as ArrayLike<number>);
  for (let k = 0; k < picked.length; k++) {
    const r = rows[k];
    if (!Number.isInteger(r) || r < 0 || r >= seqs.n) throw new OptionsError('rows', `row ${r} does not exist; expected a whole number in 0..${seqs.n - 1}`);
  }
  return regrid(seqs, picked, new Int32Array(picked.length), seqs.t, seqs.timeLabels);
}

/**
 * Rebuild a sequence set on a new N' x T' grid: new row k is old row `rows[k]`
 * read from month `offsets[k]` on (the one copy loop behind selecting rows,
 * subsetting months and aligning on process time).
 *
 * New length of row k: clamp(lengths[rows[k]] - offsets[k], 0, T'); later cells are VOID.
 */
export function regrid(
  seqs: StateSequences,
  rows: Int32Array,
  offsets: Int32Array,
  newT: number,
  timeLabels: readonly string[],
): StateSequences {
  const { t, codes, lengths } = seqs;
  const n = rows.length;
  // Cells copied past a row's new length are set to VOID by createSequences.
  const newCodes = shiftRows(codes, t, rows, offsets, newT, new Uint8Array(n * newT).fill(VOID));
  const newLengths = new Int32Array(n);
  for (let k = 0; k < n; k++) newLengths[k] = Math.max(0, Math.min(lengths[rows[k]] - offsets[k], newT));
  const weights = new Float64Array(n);
  for (let k = 0; k < n; k++) weights[k] = seqs.weights[rows[k]];
  const base = seqs.covariates.isFiltered() || seqs.covariates.isOrdered() ? seqs.covariates.reify() : seqs.covariates;
  const cellAttributes: Record<string, CellAttribute> = {};
  for (const [name, attr] of Object.entries(seqs.cellAttributes)) {
    cellAttributes[name] = regridCells(attr, rows, offsets, t, newT);
  }
  return createSequences({
    alphabet: seqs.alphabet,
    codes: newCodes,
    n,
    t: newT,
    lengths: newLengths,
    ids: Array.from(rows, (r) => seqs.ids[r]),
    weights,
    timeLabels,
    covariates: base.reify(Array.from(rows)),
    cellAttributes,
    cellStore: seqs.cellStore?.view(rows, offsets, newT),
  }, { uniqueIds: false });
}

/** Cell attribute on the new grid; cells outside the old grid are absent (NaN / -1). */
function regridCells(attr: CellAttribute, rows: Int32Array, offsets: Int32Array, t: number, newT: number): CellAttribute {
  const size = rows.length * newT;
  return attr.kind === 'number'
    ? { kind: 'number', values: shiftRows(attr.values, t, rows, offsets, newT, new Float64Array(size).fill(NaN)) }
    : { kind: 'category', values: shiftRows(attr.values, t, rows, offsets, newT, new Int32Array(size).fill(-1)), levels: attr.levels };
}
