import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Alphabet, CellAttribute, CellStore, StateSequences } from './types.js';
import { MISSING, VOID } from './types.js';
import { OptionsError } from '../errors.js';
import { caseWeights } from '../weights.js';

/** What `createSequences` needs; everything but the alphabet and codes has a default. */
export interface SequencesInit {
  alphabet: Alphabet;
  /** Row-major N x T codes (state index, MISSING or VOID). */
  codes: Uint8Array;
  n: number;
  t: number;
  /** Observed lengths; default: position after the last non-VOID cell of each row. */
  lengths?: Int32Array;
  ids?: readonly string[];
  weights?: Float64Array;
  timeLabels?: readonly string[];
  covariates?: ColumnTable;
  cellAttributes?: Record<string, CellAttribute>;
  /** Person-month attributes on disk, n x t like the codes. */
  cellStore?: CellStore;
}

/**
 * Assemble and check a `StateSequences` object.
 *
 * Cells at or past a row's length are forced to VOID so every consumer can
 * rely on `lengths` alone.
 *
 * @param init the parts (see `SequencesInit`)
 * @param checks `uniqueIds: false` skips the check that each id is listed once (resampling lists rows twice; readers keep one row per id already);
 *   `codes: false` skips the pass over the codes, for callers whose codes are states, MISSING, and VOID from each row's length on (the readers)
 * @throws OptionsError naming the part that does not fit
 * @example
 * const s = createSequences({ alphabet: makeAlphabet(['a', 'b']), n: 2, t: 3,
 *   codes: Uint8Array.from([0, 1, 1, 1, 0, VOID]) });
 * s.lengths; // Int32Array [3, 2]
 */
export function createSequences(init: SequencesInit, checks: { uniqueIds?: boolean; codes?: boolean } = {}): StateSequences {
  const { alphabet, codes, n, t } = init;
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(t) && t >= 0)) throw new OptionsError('n', `n and t must be whole numbers >= 0; got ${n} and ${t}`);
  if (codes.length !== n * t) throw new OptionsError('codes', `${codes.length} cells; expected n x t = ${n * t}`);
  const nStates = alphabet.codes.length;
  const lengths = init.lengths ?? inferLengths(codes, n, t);
  if (lengths.length !== n) throw new OptionsError('lengths', `${lengths.length} entries; expected ${n}`);
  for (let i = 0; i < n; i++) {
    const len = lengths[i];
    if (len < 0 || len > t) throw new OptionsError('lengths', `sequence ${i} has length ${len}; expected 0..${t}`);
    if (checks.codes === false) continue;
    for (let j = 0; j < t; j++) {
      const c = codes[i * t + j];
      if (j >= len) codes[i * t + j] = VOID;
      else if (c !== MISSING && c >= nStates) throw new OptionsError('codes', `sequence ${i}, month ${j}: code ${c} is not a state of the alphabet`);
    }
  }
  const ids = init.ids ?? Array.from({ length: n }, (_, i) => String(i + 1));
  const weights = caseWeights(init.weights, n);
  const timeLabels = init.timeLabels ?? Array.from({ length: t }, (_, j) => String(j));
  const covariates = init.covariates ?? aq.table({ id: [...ids] });
  if (ids.length !== n) throw new OptionsError('ids', `${ids.length} ids for ${n} sequences; expected one each`);
  if (checks.uniqueIds !== false) checkUniqueIds(ids);
  if (timeLabels.length !== t) throw new OptionsError('timeLabels', `${timeLabels.length} entries; expected ${t}`);
  if (covariates.numRows() !== n) throw new OptionsError('covariates', `${covariates.numRows()} rows; expected ${n}`);
  const cellAttributes = init.cellAttributes ?? {};
  for (const [name, attr] of Object.entries(cellAttributes)) {
    if (attr.values.length !== n * t) throw new OptionsError('cellAttributes', `"${name}" has ${attr.values.length} cells; expected ${n * t}`);
  }
  const cellStore = init.cellStore;
  if (cellStore && (cellStore.n !== n || cellStore.t !== t)) throw new OptionsError('cellStore', `${cellStore.n} x ${cellStore.t} cells; expected n x t = ${n} x ${t}`);
  return { alphabet, n, t, codes, lengths, ids, weights, timeLabels, covariates, cellAttributes, ...(cellStore ? { cellStore } : {}) };
}

/** Every id once (a person in two rows would be merged or counted twice downstream). */
function checkUniqueIds(ids: readonly string[]): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) throw new OptionsError('ids', `"${id}" is the id of sequences ${first + 1} and ${i + 1}; expected each id once`);
    seen.set(id, i);
  });
}

function inferLengths(codes: Uint8Array, n: number, t: number): Int32Array {
  const lengths = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let len = t;
    while (len > 0 && codes[i * t + len - 1] === VOID) len--;
    lengths[i] = len;
  }
  return lengths;
}
