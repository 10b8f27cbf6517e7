import { OptionsError } from '../errors.js';
import { cellAttributeKind, cellAttributeNames, type AttributeBlock } from '../sequences/cell-store.js';
import type { StateSequences } from '../sequences/types.js';
import { requireRole, roleMask, type StateRoles } from './roles.js';

/** Options shared by every analysis that needs to know what a job is. */
export interface WorkOptions {
  /**
   * What the states mean (no default). Jobs are months in a `paid` or
   * `unpaid` state; `unpaid` months (e.g. trial placements) pay no wage;
   * reaching an `exit` state (e.g. `retired`) after a job ends, before any
   * new job, is a competing exit (outcome `exit`).
   */
  roles: StateRoles;
  /** Cell attribute holding the employer, e.g. `employer_id` (no default: without it a job is a run of working months). */
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
 * (MISSING and VOID included). Unknown state names are an `OptionsError`.
 */
export function stateMask(seqs: StateSequences, states: readonly string[], option: string): Uint8Array {
  const mask = new Uint8Array(256);
  for (const s of states) {
    const code = seqs.alphabet.codes.indexOf(s);
    if (code < 0) throw new OptionsError(option, `"${s}" is not a state of the alphabet (${seqs.alphabet.codes.join(', ')})`);
    mask[code] = 1;
  }
  return mask;
}

/** Job months (roles paid and unpaid); an `OptionsError` naming `analysis` when the roles have none. */
export function jobMask(seqs: StateSequences, roles: StateRoles, analysis: string): Uint8Array {
  requireRole(roles, analysis, 'paid', 'unpaid');
  return roleMask(seqs, roles, 'paid', 'unpaid');
}

/**
 * The months a measure uses: the given `states`, or by default the job
 * months of `roles` (paid and unpaid). One of the two is needed.
 */
export function measureMask(seqs: StateSequences, states: readonly string[] | undefined, roles: StateRoles | undefined, analysis: string): Uint8Array {
  if (states) return stateMask(seqs, states, 'states');
  if (!roles) throw new OptionsError('states', `the ${analysis} analysis needs the states to measure, or roles to take the job states from`);
  return jobMask(seqs, roles, analysis);
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
      throw new OptionsError(option, `no covariate "${by}"; the covariates are ${seqs.covariates.columnNames().join(', ')}`);
    }
    labels = seqs.covariates.array(by) as ArrayLike<unknown>;
    name = by;
  } else {
    labels = by;
  }
  if (labels.length !== seqs.n) throw new OptionsError(option, `${labels.length} labels for ${seqs.n} sequences; expected one per sequence`);
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
 * Employer of each cell as a small integer key (-1 absent), a block of rows at
 * a time (see `attributeBlocks`), with the level names: a category
 * attribute's codes, or a numeric attribute's values numbered in order of
 * appearance. Without an attribute every key is -1; an attribute named must
 * exist.
 *
 * @example
 * const employer = new EmployerKeys(seqs, 'employer_id');
 * for (const block of attributeBlocks(seqs, employer.names)) {
 *   const keys = employer.keys(block); // (block.to - block.from) x t
 * }
 */
export class EmployerKeys {
  /** The attributes to read for `keys` (none without an employer attribute). */
  readonly names: readonly string[];
  readonly levels: string[] = [];
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly seqs: StateSequences,
    private readonly attribute?: string,
  ) {
    this.names = attribute === undefined ? [] : [attribute];
    if (attribute === undefined) return;
    const kind = cellAttributeKind(seqs, attribute);
    if (!kind) throw new OptionsError('employer', `no cell attribute "${attribute}"; the sequences have ${cellAttributeNames(seqs).join(', ') || 'none'}`);
    if (kind.kind === 'category') for (const level of kind.levels) this.levels.push(level);
  }

  /** The keys of a block's cells, row-major like its attributes. */
  keys(block: AttributeBlock): Int32Array {
    if (this.attribute === undefined) return new Int32Array((block.to - block.from) * this.seqs.t).fill(-1);
    const attr = block.attributes[this.attribute];
    if (attr.kind === 'category') return attr.values;
    const keys = new Int32Array(attr.values.length);
    for (let c = 0; c < keys.length; c++) {
      const v = attr.values[c];
      if (Number.isNaN(v)) {
        keys[c] = -1;
        continue;
      }
      let k = this.seen.get(v);
      if (k === undefined) {
        k = this.levels.length;
        this.seen.set(v, k);
        this.levels.push(String(v));
      }
      keys[c] = k;
    }
    return keys;
  }
}

/** Check that `name` is a numeric cell attribute; an `OptionsError` naming `option` and the attributes there are otherwise. */
export function requireNumericAttribute(seqs: StateSequences, name: string, option: string): void {
  if (cellAttributeKind(seqs, name)?.kind !== 'number') {
    const have = cellAttributeNames(seqs);
    throw new OptionsError(option, `no numeric cell attribute "${name}"; the sequences have ${have.length ? have.join(', ') : 'none'}`);
  }
}

/** Month indices to report: the given ones, checked, or every month. */
export function monthList(seqs: StateSequences, months?: readonly number[]): number[] {
  const list = [...(months ?? Array.from({ length: seqs.t }, (_, j) => j))];
  for (const m of list) {
    if (!(Number.isInteger(m) && m >= 0 && m < seqs.t)) throw new OptionsError('months', `${m} is not a month index 0..${seqs.t - 1}`);
  }
  return list;
}
