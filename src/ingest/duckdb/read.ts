import { stat } from 'node:fs/promises';
import { InputError, OptionsError } from '../../errors.js';
import { assemblePanel, type LoadedPanel } from '../assemble.js';
import { csvOptions, type PanelOptions } from '../options.js';
import { pivotParquet } from '../parquet/pivot.js';
import { readPersons, type PersonTable } from '../persons.js';
import { ProblemLog } from '../problems.js';
import { DuckDb } from './engine.js';
import { collectMonthsDuckDb, NeedsLineReader } from './months.js';
import { readPersonsDuckDb } from './persons.js';
import { openTableSource, sourceKind } from './source.js';

/** CSV files from this size on are read by DuckDB under `engine: 'auto'` (below it, loading DuckDB costs more than it saves). */
export const DUCKDB_CSV_BYTES = 64 * 2 ** 20;

/**
 * Which reader takes a month file: DuckDB for Parquet files and database
 * tables; for CSV, DuckDB when asked (`engine: 'duckdb'`) or, by default, for
 * long and spell files of at least `DUCKDB_CSV_BYTES`, else the CSV reader.
 * Spell files with a priority order are read by the CSV reader (its
 * sequential rules need file order, which DuckDB gives by row, not by line).
 */
export async function monthReader(file: string, kind: 'long' | 'spell', options: PanelOptions): Promise<'duckdb' | 'csv'> {
  const engine = options.engine ?? 'auto';
  if (sourceKind(file) !== 'csv') {
    if (engine === 'js') throw new OptionsError('engine', `the JavaScript reader reads CSV files only; ${file} needs DuckDB (engine auto or duckdb)`);
    return 'duckdb';
  }
  // DuckDB reads UTF-8 text; other encodings go to the CSV reader
  if (engine === 'js' || (kind === 'spell' && options.priority) || (options.encoding ?? 'utf8') !== 'utf8') return 'csv';
  if (engine === 'duckdb') return 'duckdb';
  const size = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  return size >= DUCKDB_CSV_BYTES ? 'duckdb' : 'csv';
}

/**
 * Read a long or spell file with DuckDB: a Parquet file, a table of a DuckDB
 * database (`options.table`), or a CSV file. The person file may be CSV (read
 * by the CSV reader) or Parquet / a database table (`options.personsTable`).
 * Same checks, messages and result as the CSV reader; problems in Parquet files
 * and tables are located by row. A clean long Parquet file without
 * person-month attributes is read from its dictionary codes without DuckDB
 * (`pivotParquet`), which is then not even loaded.
 *
 * @returns the panel, or undefined for a CSV file with a problem (the CSV
 *   reader then reads it, to name the exact line)
 */
export async function readMonthsDuckDb(file: string, kind: 'long' | 'spell', options: PanelOptions): Promise<LoadedPanel | undefined> {
  const problems = new ProblemLog(options.mode);
  const idColumn = options.id ?? 'person_id';
  const startColumn = options.time?.align === 'start' ? options.time.column : undefined;
  if (!options.persons && options.weight !== undefined) throw new OptionsError('weight', `column "${options.weight}" needs a person file (option persons)`);
  if (!options.persons && startColumn !== undefined) throw new OptionsError('time', `align on start column "${startColumn}" needs a person file (option persons)`);
  // DuckDB is opened when needed: a plain Parquet file is read without it
  let db: DuckDb | undefined;
  const database = async (): Promise<DuckDb> => (db ??= await DuckDb.open());
  try {
    let persons: PersonTable | undefined;
    if (options.persons) {
      const personOptions = { id: idColumn, weight: options.weight, start: startColumn, problems };
      persons = sourceKind(options.persons) === 'csv'
        ? await readPersons(options.persons, { ...personOptions, ...csvOptions(options) })
        : await readPersonsDuckDb(await database(), options.persons, { ...personOptions, table: options.personsTable });
    }
    if (kind === 'long' && sourceKind(file) === 'parquet') {
      const panel = pivotParquet({ file, options, idColumn, persons, problems });
      if (panel) return assemblePanel(panel, options, problems);
    }
    const engine = await database();
    const source = await openTableSource(engine, file, options.table, csvOptions(options));
    try {
      // a DuckDB error while reading (a CSV line it cannot take, damaged Parquet pages) becomes an InputError naming the file
      const panel = await source.reading(() => collectMonthsDuckDb({ db: engine, source, kind, options, problems, idColumn, persons }));
      return assemblePanel(panel, options, problems);
    } catch (err) {
      // A CSV file DuckDB cannot read cleanly goes to the CSV reader, which names the line.
      if (source.kind === 'csv' && (err instanceof NeedsLineReader || (err instanceof InputError && err.file === file && err.line === undefined))) return undefined;
      throw err;
    }
  } finally {
    db?.close();
  }
}
