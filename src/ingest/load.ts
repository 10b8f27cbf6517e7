import { OptionsError } from '../errors.js';
import type { LoadedPanel } from './assemble.js';
import { openCsv, type CsvOptions } from './csv.js';
import { DuckDb } from './duckdb/engine.js';
import { openTableSource, sourceKind } from './duckdb/source.js';
import { readLongPanel, readSpells } from './long.js';
import type { PanelOptions } from './options.js';
import { readWide } from './wide.js';

/** Options of `loadPanel`: the file, its format, and the reader options. */
export interface LoadPanelOptions extends PanelOptions {
  /** `long` (person-month rows), `spell` (person, start, end, state) or `wide` (a row per person, a column per month). */
  readonly format: 'long' | 'spell' | 'wide';
  /** Path of the main file (months, spells or wide): CSV, or for long and spell files also Parquet or a DuckDB database (`table`). */
  readonly input: string;
}

/**
 * Load a panel in any of the three formats into sequences, with the ingest
 * report. One entry point for the CLI and scripts; `readLongPanel`,
 * `readSpells` and `readWide` do the work. Long and spell files may be
 * Parquet files or tables of a DuckDB database (read by DuckDB, see
 * `PanelOptions.engine`); wide files are CSV.
 *
 * @param options the file, its format and the reader options (see `PanelOptions`)
 * @returns `{ sequences, report }`
 * @throws InputError in strict mode at the first problem, naming file, line and column
 * @example
 * const { sequences, report } = await loadPanel({
 *   format: 'long', input: 'months.csv', persons: 'persons.csv', weight: 'weight',
 *   time: { align: 'start', column: 'start_month' }, mode: 'lenient',
 * });
 * console.error(formatIngestReport(report));
 * // A Parquet extract, and a table of a DuckDB database:
 * await loadPanel({ format: 'long', input: 'months.parquet', persons: 'persons.parquet' });
 * await loadPanel({ format: 'spell', input: 'extract.duckdb', table: 'spells' });
 */
export function loadPanel(options: LoadPanelOptions): Promise<LoadedPanel> {
  const { format, input } = options;
  if (format === 'long') return readLongPanel(input, options);
  if (format === 'spell') return readSpells(input, options);
  if (format === 'wide') {
    if (sourceKind(input) !== 'csv') throw new OptionsError('format', `wide files are read from CSV; read ${input} as a long or spell file`);
    return readWide(input, options);
  }
  throw new OptionsError('format', `"${String(format)}" is not one of long, spell, wide`);
}

/**
 * The column names of an input file, read from its header only: a CSV file's
 * first line, a Parquet file's or a DuckDB table's columns. For a caller that
 * decides options by the columns there are (a weight column, say).
 *
 * @param file the file
 * @param options `table` of a DuckDB database (default its only table), CSV reader options
 * @throws InputError when the file cannot be read
 * @example
 * (await fileColumns('persons.parquet')).includes('weight'); // true for the synthetic panel
 */
export async function fileColumns(file: string, options: { table?: string } & CsvOptions = {}): Promise<string[]> {
  if (sourceKind(file) === 'csv') {
    const csv = await openCsv(file, options);
    await csv.close();
    return [...csv.header];
  }
  const db = await DuckDb.open();
  try {
    return [...(await openTableSource(db, file, options.table)).names];
  } finally {
    db.close();
  }
}
