import type { ProgressReporter } from '../progress.js';
import type { CsvOptions, TextEncoding } from './csv.js';
import type { IngestMode } from './problems.js';

/**
 * The time axis of the sequences.
 * - `calendar`: one column per calendar month from the earliest to the latest
 *   month seen (labels `YYYY-MM`; wide files keep their header names).
 * - `start`: process time; month 0 is each person's month in `column` (of the
 *   person file, or of a wide file), labels `0`, `1`, ...
 * - `state`: process time; month 0 is each person's first month in `state`.
 */
export type TimeAxis =
  | { readonly align: 'calendar' }
  | { readonly align: 'start'; readonly column: string }
  | { readonly align: 'state'; readonly state: string };

/**
 * What months without a state become (TraMineR `seqdef`'s `left`, `gaps`, `right`).
 * Internal gaps are always missing.
 */
export interface GapOptions {
  /** Months before a person's first observed month: `missing` (default, TraMineR left=NA) or `delete` (the sequence starts at its first observed month, TraMineR left="DEL"). */
  readonly leading?: 'missing' | 'delete';
  /** Months after the last observed month: `void` (default: the sequence ends there, right-censoring, TraMineR right="DEL") or `missing` (missing up to the common end). */
  readonly trailing?: 'void' | 'missing';
}

/** Options shared by every panel reader. */
export interface PanelOptions {
  /** Person id column (default `person_id`; wide files: `id` when present, else row numbers). */
  readonly id?: string;
  /** Case-weight column (in the person file, or a wide file); default: every weight is 1. */
  readonly weight?: string;
  /** The alphabet in analysis order; other states are an error. Default: the states seen, sorted like TraMineR. */
  readonly states?: readonly string[];
  /** Labels by state code (default: the code). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Person file joined on the id column: covariates, weights, start months; its order is the sequence order (long and spell files). */
  readonly persons?: string;
  /** Time axis (default calendar). */
  readonly time?: TimeAxis;
  /** Rules for months without a state. */
  readonly gaps?: GapOptions;
  /** `strict` (default) throws an InputError at the first problem; `lenient` drops bad rows and counts them by reason. */
  readonly mode?: IngestMode;
  /** Long and spell files: the extra columns to keep as person-month attributes (default: all). */
  readonly attributes?: readonly string[];
  /** Attribute columns always kept as categories (`employer_id` always is). */
  readonly categorical?: readonly string[];
  /** Names of the month, state, start and end columns (default `month`, `state`, `start`, `end`). */
  readonly columns?: { readonly month?: string; readonly state?: string; readonly start?: string; readonly end?: string };
  /** Spell files: states from highest to lowest priority; overlapping spells then keep the higher one instead of failing. */
  readonly priority?: readonly string[];
  /** Wide files: the month columns as a header range `FIRST..LAST` (required). */
  readonly cols?: string;
  /**
   * Which reader reads the files: `duckdb` (embedded DuckDB), `js` (the CSV
   * reader), or `auto` (default): DuckDB for Parquet files and database
   * tables and for long and spell CSV files of 64 MB or more, the CSV reader
   * for other CSV files. Both give the same sequences and report.
   */
  readonly engine?: 'auto' | 'duckdb' | 'js';
  /** Table of a DuckDB database file (`.duckdb`) to read as the main file (default: its only table). */
  readonly table?: string;
  /** Table of a DuckDB database file given as the person file (default: its only table). */
  readonly personsTable?: string;
  /** Receives progress while reading (bytes of the main file). */
  readonly progress?: ProgressReporter;
  /** Text encoding of the files: `utf8` (default; other bytes are an error naming the line), `latin1` or `windows-1252`. */
  readonly encoding?: TextEncoding;
  /** Longest line of a file in bytes (default 1 MiB); a longer one is an error (a binary file, a runaway quote). */
  readonly maxLineBytes?: number;
  /** Longest field in characters (default 64 Ki). */
  readonly maxFieldChars?: number;
  /** Longest time axis in months (default 1200, a century): a longer span is refused, naming the months that make it. */
  readonly maxMonths?: number;
  /** Refuse a persons x months grid above this many bytes (default 8 GiB), and one larger than the machine's memory. */
  readonly memoryBudgetBytes?: number;
  /**
   * Where person-month attributes are kept: `memory` (`cellAttributes`),
   * `disk` (files in `tempDir`, read a block of persons at a time through
   * `StateSequences.cellStore`), or `auto` (default): on disk when a file read
   * by DuckDB holds more than 256 MiB of them (rows x attributes x 8 bytes).
   * The CSV reader keeps them in memory.
   */
  readonly attributeStore?: 'auto' | 'memory' | 'disk';
  /** Folder for the attribute files (default the system's temporary folder); they are removed when the process ends. */
  readonly tempDir?: string;
}

/** The encoding and the limits of reading a panel, for callers that pass them through (the CLI, study reports). */
export type InputLimits = Pick<PanelOptions, 'encoding' | 'maxLineBytes' | 'maxFieldChars' | 'maxMonths' | 'memoryBudgetBytes'>;

/** Default longest time axis: 1200 months. */
export const DEFAULT_MAX_MONTHS = 1200;

/**
 * The CSV reader options of panel options.
 *
 * @example
 * openCsv(file, csvOptions({ encoding: 'latin1' }));
 */
export function csvOptions(options: PanelOptions): CsvOptions {
  return { encoding: options.encoding, maxLineBytes: options.maxLineBytes, maxFieldChars: options.maxFieldChars };
}
