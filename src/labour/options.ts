import type { StateSequences } from '../sequences/types.js';

/** The states of the jobcoach study that count as holding a job. */
export const DEFAULT_WORK_STATES: readonly string[] = ['trial', 'work_jc', 'work'];

/** Options shared by every analysis that needs to know what a job is. */
export interface WorkOptions {
  /** States that count as holding a job (default `['trial', 'work_jc', 'work']`). */
  workStates?: readonly string[];
  /**
   * States that end the search for a new job as a competing exit (e.g. `retired`,
   * `sheltered`): after a job ends, reaching one of these before any new job is
   * outcome `exit` (default none).
   */
  exitStates?: readonly string[];
  /** Cell attribute holding the employer (default `employer_id`; without it a job is a run of working months). */
  employer?: string;
}

/** How persons are split into groups: a covariate name, or one label per row (e.g. cluster numbers). */
export type GroupBy = string | ArrayLike<string | number | null | undefined>;

/** Options of every table with a row per group. */
export interface TableGroupOptions {
  /** Rows of the table: a covariate (e.g. `'benefit'`) or one label per person (e.g. cluster numbers); default one group `all`. */
  by?: GroupBy;
  /** Order (and selection) of the group levels; default sorted. */
  levels?: readonly string[];
}

/** Persons split into groups: `index[i]` is the level of row i, -1 when it has none (left out). */
export interface PersonGroups {
  /** Name of the grouping (the covariate, or `'group'` for labels given per row). */
  readonly name: string;
  readonly levels: string[];
  readonly index: Int32Array;
}

/**
 * A 256-entry lookup: 1 for cell codes of the given states, 0 otherwise
 * (MISSING and VOID included). Unknown state names are an error.
 */
export function stateMask(seqs: StateSequences, states: readonly string[], option: string): Uint8Array {
  const mask = new Uint8Array(256);
  for (const s of states) {
    const code = seqs.alphabet.codes.indexOf(s);
    if (code < 0) throw new Error(`${option}: "${s}" is not a state of the alphabet (${seqs.alphabet.codes.join(', ')}).`);
    mask[code] = 1;
  }
  return mask;
}

/** Work states, defaulting to those of the alphabet among trial, work_jc, work. */
export function workMask(seqs: StateSequences, workStates?: readonly string[]): Uint8Array {
  const states = workStates ?? DEFAULT_WORK_STATES.filter((s) => seqs.alphabet.codes.includes(s));
  if (states.length === 0) {
    throw new Error(`workStates: none of ${DEFAULT_WORK_STATES.join(', ')} is in the alphabet (${seqs.alphabet.codes.join(', ')}); name the working states.`);
  }
  return stateMask(seqs, states, 'workStates');
}

/**
 * Split the rows into groups. Levels are sorted (numerically when every label
 * is a number) unless `levels` fixes their order; rows whose label is null,
 * undefined, empty or not among `levels` get -1. Without `by`, one group `all`.
 *
 * @param seqs the sequences (covariates are read for a covariate name)
 * @param by a covariate name or one label per row
 * @param levels order (and selection) of the levels
 * @param option option name used in error messages
 * @example
 * resolveGroups(seqs, [2, 1, 2, null]); // { name: 'group', levels: ['1', '2'], index: Int32Array [1, 0, 1, -1] }
 * resolveGroups(seqs, 'benefit').levels; // ['Wajong', 'WGA']
 */
export function resolveGroups(seqs: StateSequences, by?: GroupBy, levels?: readonly string[], option = 'by'): PersonGroups {
  if (by === undefined) return { name: 'all', levels: ['all'], index: new Int32Array(seqs.n) };
  let labels: ArrayLike<unknown>;
  let name = 'group';
  if (typeof by === 'string') {
    if (!seqs.covariates.columnNames().includes(by)) {
      throw new Error(`${option}: no covariate "${by}"; the covariates are ${seqs.covariates.columnNames().join(', ')}.`);
    }
    labels = seqs.covariates.array(by) as ArrayLike<unknown>;
    name = by;
  } else {
    labels = by;
  }
  if (labels.length !== seqs.n) throw new Error(`${option}: ${labels.length} labels for ${seqs.n} sequences; expected one per sequence.`);
  const text = Array.from(labels, (v) => (v === null || v === undefined || v === '' || Number.isNaN(v) ? null : String(v)));
  let order: string[];
  if (levels) order = [...levels];
  else {
    order = [...new Set(text.filter((v): v is string => v !== null))];
    const numeric = order.every((v) => Number.isFinite(Number(v)));
    order.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b));
  }
  const pos = new Map(order.map((v, k) => [v, k]));
  const index = Int32Array.from(text, (v) => (v === null ? -1 : pos.get(v) ?? -1));
  return { name, levels: order, index };
}

/**
 * Employer of each cell as a small integer key (-1 absent) with the level names,
 * from a category or numeric cell attribute. Without an `employer_id`
 * attribute every key is -1; an attribute named explicitly must exist.
 */
export function employerKeys(seqs: StateSequences, attribute?: string): { keys: Int32Array; levels: string[] } {
  const attr = seqs.cellAttributes[attribute ?? 'employer_id'];
  if (!attr && attribute !== undefined) {
    throw new Error(`employer: no cell attribute "${attribute}"; the sequences have ${Object.keys(seqs.cellAttributes).join(', ') || 'none'}.`);
  }
  if (!attr) return { keys: new Int32Array(seqs.n * seqs.t).fill(-1), levels: [] };
  if (attr.kind === 'category') return { keys: attr.values, levels: [...attr.levels] };
  const keys = new Int32Array(attr.values.length);
  const levels: string[] = [];
  const seen = new Map<number, number>();
  for (let c = 0; c < keys.length; c++) {
    const v = attr.values[c];
    if (Number.isNaN(v)) {
      keys[c] = -1;
      continue;
    }
    let k = seen.get(v);
    if (k === undefined) {
      k = levels.length;
      seen.set(v, k);
      levels.push(String(v));
    }
    keys[c] = k;
  }
  return { keys, levels };
}

/** A numeric cell attribute, or an error naming the ones there are. */
export function numericAttribute(seqs: StateSequences, name: string): Float64Array {
  const attr = seqs.cellAttributes[name];
  if (!attr || attr.kind !== 'number') {
    const have = Object.keys(seqs.cellAttributes);
    throw new Error(`No numeric cell attribute "${name}"; the sequences have ${have.length ? have.join(', ') : 'none'}.`);
  }
  return attr.values;
}

/** Month indices to report: the given ones, checked, or every month. */
export function monthList(seqs: StateSequences, months?: readonly number[]): number[] {
  const list = [...(months ?? Array.from({ length: seqs.t }, (_, j) => j))];
  for (const m of list) {
    if (!(Number.isInteger(m) && m >= 0 && m < seqs.t)) throw new Error(`months: ${m} is not a month index 0..${seqs.t - 1}.`);
  }
  return list;
}
