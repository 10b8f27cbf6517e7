import { InputError } from '../errors.js';

/** How ingestion treats a bad row: fail on the first problem, or drop the row and count it. */
export type IngestMode = 'strict' | 'lenient';

/** Why a row (or person) was rejected; the keys of `IngestReport.rejected`. */
export type ProblemReason =
  | 'unknown state'
  | 'bad month'
  | 'bad spell'
  | 'duplicate person-month'
  | 'overlapping spells'
  | 'duplicate person'
  | 'missing id'
  | 'unknown person'
  | 'person rejected'
  | 'person without months'
  | 'month before start'
  | 'ragged row'
  | 'non-numeric weight';

/** One located input problem. */
export interface IngestProblem {
  readonly file: string;
  /** 1-based line (the line where the record ends), or row of a Parquet file or database table (see `unit`). */
  readonly line: number;
  /** `row` when `line` counts the rows of a Parquet file or table; absent for lines of text. */
  readonly unit?: 'row';
  /** Column name, or undefined when the whole row is at fault. */
  readonly column: string | undefined;
  readonly reason: ProblemReason;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/** Rows of one input file: read, kept, rejected by reason. */
export interface FileCounts {
  readonly file: string;
  readonly role: 'months' | 'spells' | 'persons' | 'wide';
  /** `row` when problems in this file are located by row (Parquet files, database tables); absent for lines of text. */
  readonly unit?: 'row';
  rowsRead: number;
  rowsKept: number;
  rejected: Partial<Record<ProblemReason, number>>;
}

/** Message for a row without a person id. */
export const MISSING_ID_MESSAGE = 'empty person id; expected an id on every row';

/** How many example problems a report keeps. */
export const EXAMPLE_PROBLEMS = 5;

/**
 * Collects input problems: in strict mode the first one throws an `InputError`;
 * in lenient mode each is counted by reason (with a few examples kept) and the
 * caller drops the row.
 *
 * @example
 * const log = new ProblemLog('lenient');
 * const counts = log.file('months.csv', 'months');
 * log.reject(counts, 12, 'state', 'unknown state', 'unknown state "wrk"; expected one of work, none');
 * counts.rejected; // { 'unknown state': 1 }
 */
export class ProblemLog {
  readonly mode: IngestMode;
  readonly files: FileCounts[] = [];
  readonly examples: IngestProblem[] = [];

  constructor(mode: IngestMode = 'strict') {
    this.mode = mode;
  }

  /** Start counting the rows of one file; `unit` says how its problems are located (text lines, or rows of a Parquet file or table). */
  file(file: string, role: FileCounts['role'], unit: 'line' | 'row' = 'line'): FileCounts {
    const counts: FileCounts = { file, role, ...(unit === 'row' ? { unit } : {}), rowsRead: 0, rowsKept: 0, rejected: {} };
    this.files.push(counts);
    return counts;
  }

  /** Take over the counts of a file read with another log (a trial read that found no problem). */
  adopt(counts: FileCounts): void {
    this.files.push(counts);
  }

  /** Report a problem with one row; throws in strict mode, else counts it (the caller drops the row). */
  reject(counts: FileCounts, line: number, column: string | undefined, reason: ProblemReason, message: string): void {
    if (this.mode === 'strict') throw new InputError(counts.file, line, column, message, counts.unit ?? 'line');
    counts.rejected[reason] = (counts.rejected[reason] ?? 0) + 1;
    if (this.examples.length < EXAMPLE_PROBLEMS) this.examples.push({ file: counts.file, line, ...(counts.unit ? { unit: counts.unit } : {}), column, reason, message });
  }
}

/** Render a list of allowed values for a message, shortened when long. */
export function expectedList(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, ... (${values.length} in all)` : shown;
}
