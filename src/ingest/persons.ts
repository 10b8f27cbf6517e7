import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { ColumnSet, type ValueColumn } from './column.js';
import { openCsv, type CsvSource } from './csv.js';
import { csvOptions, type PanelOptions } from './options.js';
import { PersonRowCheck } from './person-rows.js';
import { ProblemLog, type FileCounts, type IngestMode, type ProblemReason } from './problems.js';

/** Options of `readPersons`. */
export interface ReadPersonsOptions extends Pick<PanelOptions, 'encoding' | 'maxLineBytes' | 'maxFieldChars'> {
  /** Person id column (default `person_id`). */
  id?: string;
  /** Case-weight column: a non-negative number on every row. */
  weight?: string;
  /** Start-month column (`YYYY-MM`) for process-time alignment. */
  start?: string;
  /** `strict` (default) throws on the first bad row; `lenient` drops and counts it. */
  mode?: IngestMode;
  /** Problem log shared with the other files of a panel (default: a new one in `mode`). */
  problems?: ProblemLog;
}

/** A person file read into columns, keyed by person id. */
export interface PersonTable {
  readonly file: string;
  /** Name of the id column. */
  readonly idColumn: string;
  /** Ids of the kept rows, in file order. */
  readonly ids: readonly string[];
  /** Row of each kept id. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Line of each kept row. */
  readonly lines: Int32Array;
  /** Every column: numeric when all its values are numbers, else categories (the id column always). */
  readonly columns: readonly ValueColumn[];
  /** Weights of the kept rows, when a weight column was named. */
  readonly weights: Float64Array | undefined;
  /** Start month index (see `parseMonth`) of the kept rows, when a start column was named. */
  readonly starts: Int32Array | undefined;
  /** Ids of rows dropped in lenient mode (their months are rejected too). */
  readonly rejectedIds: ReadonlySet<string>;
  /** Row counts of the file. */
  readonly counts: FileCounts;
}

/**
 * Read a person file: one row per person with `person_id` and any attributes
 * (benefit, sex, birth_year, regime, start_month, weight, ...). Checks ragged
 * rows, empty and duplicate ids, weights (non-negative numbers) and start
 * months (`YYYY-MM`).
 *
 * @param file path of the CSV file
 * @param options see `ReadPersonsOptions`
 * @returns the columns by row, with ids, weights and start months
 * @throws InputError in strict mode at the first bad row, or when a named column is missing
 * @example
 * const persons = await readPersons('persons.csv', { weight: 'weight', start: 'start_month' });
 * personCovariates(persons).columnNames(); // ['person_id', 'benefit', 'sex', ...]
 */
export async function readPersons(file: string, options: ReadPersonsOptions = {}): Promise<PersonTable> {
  const problems = options.problems ?? new ProblemLog(options.mode);
  const csv = await openCsv(file, csvOptions(options));
  try {
    return await readPersonRows(csv, options, problems);
  } finally {
    await csv.close();
  }
}

async function readPersonRows(csv: CsvSource, options: ReadPersonsOptions, problems: ProblemLog): Promise<PersonTable> {
  const idColumn = options.id ?? 'person_id';
  const idCol = csv.requireColumn(idColumn, 'the person id');
  const weightCol = options.weight === undefined ? -1 : csv.requireColumn(options.weight, 'the case weight');
  const startCol = options.start === undefined ? -1 : csv.requireColumn(options.start, 'the start month');
  const counts = problems.file(csv.file, 'persons');
  const check = new PersonRowCheck(
    { width: csv.header.length, idCol, idColumn, weightCol, weightColumn: options.weight, startCol, startColumn: options.start },
    problems,
    counts,
  );
  const columnSet = new ColumnSet(csv.header, csv.header.map((_, k) => k), new Set([idCol]));
  const ids: string[] = [];
  const weights: number[] = [];
  const starts: number[] = [];

  for await (const { records, lines } of csv.batches) {
    for (let b = 0; b < records.length; b++) {
      counts.rowsRead++;
      const id = check.accept(records[b], lines[b], '');
      if (id === undefined) continue;
      columnSet.append(records[b]);
      ids.push(id);
      weights.push(check.weight);
      starts.push(check.start);
      check.keep(id, lines[b]);
    }
  }
  return {
    file: csv.file,
    idColumn,
    ids,
    rowOf: check.rowOf,
    lines: Int32Array.from(check.lines),
    columns: columnSet.finish(),
    weights: weightCol >= 0 ? Float64Array.from(weights) : undefined,
    starts: startCol >= 0 ? Int32Array.from(starts) : undefined,
    rejectedIds: check.rejectedIds,
    counts,
  };
}

/**
 * The person columns as an arquero table, optionally only some rows in a given order.
 *
 * @param table a person table from `readPersons`
 * @param rows row indexes to take (default: all rows in file order)
 * @example
 * personCovariates(persons).numRows(); // persons.ids.length
 */
export function personCovariates(table: Pick<PersonTable, 'columns' | 'ids'>, rows?: Int32Array): ColumnTable {
  const take = rows ?? Int32Array.from(table.ids, (_, k) => k);
  return aq.table(Object.fromEntries(table.columns.map((c) => [c.name, c.take(take)])));
}

/**
 * Why a month row of person `id` has no row in the person file: the person's
 * row was rejected (lenient mode) or the person is not in the file.
 */
export function unknownPersonProblem(persons: PersonTable, id: string): { reason: ProblemReason; message: string } {
  const rejected = persons.rejectedIds.has(id);
  return {
    reason: rejected ? 'person rejected' : 'unknown person',
    message: `person "${id}" ${rejected ? 'was rejected' : 'is not'} in ${persons.file}; expected a person of that file`,
  };
}
