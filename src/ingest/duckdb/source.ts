import { access, constants } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import { DEFAULT_MAX_LINE_BYTES, openCsv, type CsvOptions } from '../csv.js';
import { expectedList } from '../problems.js';
import { sqlName, sqlString, type DuckDb } from './engine.js';
import { scanFirstRows, type FirstRows } from './first-rows.js';

/** How a file is read: Parquet, a table of a DuckDB database file, or CSV text. */
export type SourceKind = 'parquet' | 'duckdb' | 'csv';

/**
 * The kind of a file by its name: `.parquet`/`.parq`/`.pq` Parquet,
 * `.duckdb`/`.ddb`/`.db` a DuckDB database, anything else CSV text.
 *
 * @example
 * sourceKind('extract/months.parquet'); // 'parquet'
 * sourceKind('extract.duckdb'); // 'duckdb'
 */
export function sourceKind(file: string): SourceKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.parquet' || ext === '.parq' || ext === '.pq') return 'parquet';
  if (ext === '.duckdb' || ext === '.ddb' || ext === '.db') return 'duckdb';
  return 'csv';
}

/** An input file (or database table) opened in DuckDB: its columns and types, made queryable by `prepare`. */
export interface TableSource {
  /** The file, or for a database table `FILE, table NAME`: how messages name it. */
  readonly file: string;
  readonly kind: SourceKind;
  /** How problems are located: `row` (Parquet, tables) or `line` (CSV). */
  readonly unit: 'line' | 'row';
  /** Column names in file order. */
  readonly names: readonly string[];
  /** DuckDB type of a column (it must exist). */
  columnType(name: string): string;
  has(name: string): boolean;
  /** Check that a column exists; throws an InputError naming the file and the column otherwise. */
  requireColumn(name: string, purpose: string): void;
  /**
   * Make the given columns queryable as relation `name`, with `__rn`, the
   * 0-based position of each row in the file. CSV files are read once into a
   * temporary table here, unless `stream`: then every query on `name` reads
   * the file again, and there is no `__rn` (DuckDB's parallel CSV reader
   * numbers rows only at the cost of more than a whole read; so does the copy).
   */
  prepare(name: string, columns: readonly string[], stream?: boolean): Promise<void>;
  /** A query of the given columns of the first `rows` rows, without row numbers (to plan from a sample). */
  head(columns: readonly string[], rows: number): string;
  /**
   * Run `work`, which reads the source; a DuckDB error becomes an InputError
   * naming the file (for CSV the CSV reader then reads it; a damaged Parquet
   * file or table ends with that message).
   */
  reading<T>(work: () => Promise<T>): Promise<T>;
  /** A CSV file's ids in the order of their first row, by a byte scan (`scanFirstRows`); undefined for other sources and files the scan cannot take. */
  scanFirstRows(column: string): Promise<((signal: AbortSignal) => Promise<FirstRows | undefined>) | undefined>;
}

let attached = 0;

/**
 * Open a Parquet file, a DuckDB database table or a CSV file in DuckDB.
 * Errors name the file: unreadable or not of its kind, a database without the
 * table (listing the tables it has).
 *
 * @param db the database
 * @param file path of the file
 * @param table the table, for DuckDB database files (default: the only table)
 * @param csvOptions CSV files: the limits of the CSV reader (its longest line is DuckDB's too)
 * @param tableOption how messages name the option that picks the table
 * @example
 * const src = await openTableSource(db, 'extract.duckdb', 'months');
 * src.requireColumn('person_id', 'the person id');
 * await src.prepare('months', ['person_id', 'month', 'state']);
 */
export async function openTableSource(db: DuckDb, file: string, table?: string, csvOptions: CsvOptions = {}, tableOption = '--input-table'): Promise<TableSource> {
  const kind = sourceKind(file);
  try {
    await access(file, constants.R_OK);
  } catch (err) {
    throw new InputError(file, undefined, undefined, `cannot read the file (${(err as Error).message})`);
  }
  if (table !== undefined && kind !== 'duckdb') throw new InputError(file, undefined, undefined, `a table (${table}) was named, but this is not a DuckDB database file (.duckdb)`);
  let from: string;
  let name = file;
  let described = '';
  let rowNumber: string;
  let csvHeader: readonly string[] = [];
  let delimiter = ',';
  if (kind === 'parquet') {
    from = `read_parquet(${sqlString(file)}, file_row_number = true)`;
    described = `read_parquet(${sqlString(file)})`;
    rowNumber = 'file_row_number';
  } else if (kind === 'duckdb') {
    const alias = `input${++attached}`;
    await failsAs(file, 'a DuckDB database', () => db.run(`ATTACH ${sqlString(file)} AS ${alias} (READ_ONLY)`));
    const tables = (await db.rows(`SELECT table_name AS name FROM information_schema.tables WHERE table_catalog = ${sqlString(alias)} ORDER BY table_name`)).map((r) => String(r.name));
    const chosen = table ?? (tables.length === 1 ? tables[0] : undefined);
    if (chosen === undefined || !tables.includes(chosen)) {
      const has = tables.length > 0 ? `the database has ${expectedList(tables)}` : 'the database has no tables';
      throw new InputError(file, undefined, undefined, table === undefined ? `name the table to read (${tableOption}); ${has}` : `no table "${table}"; ${has}`);
    }
    from = `${alias}.${sqlName(chosen)}`;
    rowNumber = 'rowid';
    name = `${file}, table ${chosen}`;
  } else {
    // The header as the CSV reader sees it (BOM, delimiter, trimmed names); DuckDB reads the rest as text.
    const csv = await openCsv(file, csvOptions);
    csvHeader = csv.header;
    delimiter = csv.delimiter;
    await csv.close();
    const columns = csvHeader.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(', ');
    // A line DuckDB finds too long fails the read, and the CSV reader then names it. Buffers of 4 MB (or four
    // longest lines), not DuckDB's 32 MB: fresh memory is slow to touch, and the big buffers made the read of a
    // 357 MB file 0.4 s (25%) slower.
    const maxLine = csvOptions.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const sizes = `max_line_size = ${maxLine}, buffer_size = ${Math.max(4 * maxLine, 4 * 2 ** 20)}`;
    from = `read_csv(${sqlString(file)}, delim = ${sqlString(csv.delimiter)}, quote = '"', escape = '"', header = true, auto_detect = false, columns = {${columns}}, ${sizes})`;
    rowNumber = 'rowid';
  }
  const types = new Map<string, string>();
  if (kind !== 'csv') {
    const columns = await failsAs(file, kind === 'parquet' ? 'Parquet' : 'a DuckDB table', () => db.rows(`DESCRIBE SELECT * FROM ${described || from}`));
    for (const r of columns) types.set(String(r.column_name), String(r.column_type));
  }
  else for (const name of csvHeader) types.set(name, 'VARCHAR');
  const names = [...types.keys()];
  const unit = kind === 'csv' ? 'line' : 'row';
  const reading = <T>(work: () => Promise<T>): Promise<T> => failsAs(name, kind === 'csv' ? 'CSV' : kind === 'parquet' ? 'Parquet' : 'a DuckDB table', work);

  return {
    file: name,
    kind,
    unit,
    names,
    columnType: (name) => types.get(name)!,
    has: (name) => types.has(name),
    requireColumn(column, purpose) {
      if (!types.has(column)) {
        throw new InputError(name, unit === 'line' ? 1 : undefined, column, `missing required column "${column}" (${purpose}); the ${kind === 'duckdb' ? 'table' : 'file'} has ${expectedList(names)}`);
      }
    },
    async prepare(relation, columns, stream = false) {
      const list = columns.map(sqlName).join(', ');
      if (kind === 'csv' && stream) {
        await db.run(`CREATE OR REPLACE TEMP VIEW ${relation} AS SELECT ${list} FROM ${from}`);
      } else if (kind === 'csv') {
        await db.run(`CREATE OR REPLACE TEMP TABLE ${relation}_rows AS SELECT ${list} FROM ${from}`);
        await db.run(`CREATE OR REPLACE TEMP VIEW ${relation} AS SELECT rowid AS __rn, * FROM ${relation}_rows`);
      } else {
        await db.run(`CREATE OR REPLACE TEMP VIEW ${relation} AS SELECT ${rowNumber} AS __rn, ${list} FROM ${from}`);
      }
    },
    head: (columns, rows) => `SELECT ${columns.map(sqlName).join(', ')} FROM ${from} LIMIT ${rows}`,
    reading,
    scanFirstRows: async (column) =>
      kind === 'csv' ? scanFirstRows(file, delimiter, csvHeader.indexOf(column), csvOptions.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES) : undefined,
  };
}

/**
 * Run `work`; a DuckDB error becomes an InputError saying the file cannot be
 * read as `what`. DuckDB throws plain Errors; errors of other classes (ours,
 * thrown from a chunk handler) pass unchanged.
 */
async function failsAs<T>(file: string, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof Error) || Object.getPrototypeOf(err) !== Error.prototype) throw err;
    const first = String((err as Error).message).split('\n')[0];
    throw new InputError(file, undefined, undefined, `cannot read the file as ${what} (${first})`);
  }
}
