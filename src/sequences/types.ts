import type { ColumnTable } from 'arquero';

/** Cell code for a missing month inside a sequence (a gap, TraMineR's `*`). */
export const MISSING = 255;
/** Cell code past the end of a right-censored sequence (TraMineR's void `%`). */
export const VOID = 254;
/** Largest alphabet a sequence set can hold (codes 0..MAX_STATES-1). */
export const MAX_STATES = 254;

/** The states of a sequence set, in their analysis order. */
export interface Alphabet {
  /** State codes as they appear in the data, e.g. `work_jc`. */
  readonly codes: readonly string[];
  /** Human-readable labels, same order as `codes`. */
  readonly labels: readonly string[];
  /** CSS colours, same order as `codes`. */
  readonly colors: readonly string[];
}

/** A person-month attribute laid out on the same N x T grid as the state codes. */
export type CellAttribute =
  | { readonly kind: 'number'; readonly values: Float64Array } // NaN = absent
  | { readonly kind: 'category'; readonly values: Int32Array; readonly levels: readonly string[] }; // -1 = absent

/** What a person-month attribute holds, without its values: numbers, or categories with their levels. */
export type CellAttributeKind = { readonly kind: 'number' } | { readonly kind: 'category'; readonly levels: readonly string[] };

/**
 * Person-month attributes kept outside the JavaScript heap (the files of a
 * large panel, see `PanelOptions.attributeStore`), read a block of rows at a
 * time: analyses go through `attributeBlocks`, so their memory grows with the
 * block, not with N x T x attributes.
 */
export interface CellStore {
  /** Rows and months of the store, those of the sequences it belongs to. */
  readonly n: number;
  readonly t: number;
  /** The attributes by name, with their kind. */
  readonly attributes: Readonly<Record<string, CellAttributeKind>>;
  /** Bytes of one attribute's block in `attributeBlocks` (rows per block = blockBytes / (8 t)). */
  readonly blockBytes: number;
  /**
   * Attribute `name` of rows `from .. to - 1` as a (to - from) x t block,
   * row-major: NaN / -1 where absent; written into `into` when given (at
   * least (to - from) x t x 8 bytes), so a caller can reuse one buffer.
   */
  read(name: string, from: number, to: number, into?: ArrayBuffer): CellAttribute;
  /** The store on a new grid: row k is row `rows[k]` read from month `offsets[k]` on, `t` months (as `regrid` moves the codes). */
  view(rows: Int32Array, offsets: Int32Array, t: number): CellStore;
}

/**
 * N persons x T months of states: the object every analysis works on
 * (TraMineR's `stslist`).
 *
 * Row i, month j is `codes[i * t + j]`: a state index into `alphabet.codes`,
 * `MISSING` for a gap, or `VOID` for months after `lengths[i]` (censoring).
 */
export interface StateSequences {
  readonly alphabet: Alphabet;
  /** Number of sequences (persons). */
  readonly n: number;
  /** Number of month columns. */
  readonly t: number;
  /** Row-major N x T state codes. */
  readonly codes: Uint8Array;
  /** Observed length of each sequence (months before the first VOID). */
  readonly lengths: Int32Array;
  /** Person ids, one per row. */
  readonly ids: readonly string[];
  /** Case weights, one per row (1 when the input has none). */
  readonly weights: Float64Array;
  /** Column names: calendar months (`2013-01`), process months (`0`, `1`, ...) or wide headers. */
  readonly timeLabels: readonly string[];
  /** Person covariates, one row per sequence in the same order (arquero table). */
  readonly covariates: ColumnTable;
  /** Person-month attributes (employer_id, hours_week, ...) on the N x T grid. */
  readonly cellAttributes: Readonly<Record<string, CellAttribute>>;
  /** Person-month attributes kept on disk (a large panel): `cellAttributes` is then empty; read them with `attributeBlocks`. */
  readonly cellStore?: CellStore;
}
