// Parity of the DuckDB reader with the CSV reader: the same files read by both
// (CSV through DuckDB, and a Parquet copy of every file), compared field by field.
import { expect } from 'vitest';
import { InputError, loadPanel, type LoadedPanel, type LoadPanelOptions } from '../../../src/index.js';
import { DuckDb, sqlString } from '../../../src/ingest/duckdb/engine.js';
import { cellAttributesOf } from '../../../src/sequences/cell-store.js';
import { tmpFiles } from '../helpers.js';

/** Copy CSV files to Parquet (every column as text, as the CSV reader sees it), name.csv -> name.parquet. */
export async function toParquet(paths: readonly string[], typed = false): Promise<void> {
  const db = await DuckDb.open();
  try {
    for (const path of paths) {
      const read = `read_csv(${sqlString(path)}, header = true${typed ? '' : ', all_varchar = true'})`;
      await db.run(`COPY (SELECT * FROM ${read}) TO ${sqlString(path.replace(/\.csv$/, '.parquet'))} (FORMAT parquet)`);
    }
  } finally {
    db.close();
  }
}

/** A message about a Parquet file as it reads for the CSV file it was copied from (CSV line = Parquet row + 1). */
export function asCsvMessage(message: string): string {
  return message.replaceAll('.parquet', '.csv').replace(/\brow (\d+)/g, (_, row: string) => `line ${Number(row) + 1}`);
}

/** Everything a load gives, as plain values: lines made comparable across units (CSV line = Parquet row + 1). */
export function comparable(panel: LoadedPanel, rowOffset = 0): unknown {
  const s = panel.sequences;
  const file = (f: string): string => f.replace(/\.(csv|parquet)$/, '');
  return {
    alphabet: s.alphabet,
    n: s.n,
    t: s.t,
    codes: Array.from(s.codes),
    lengths: Array.from(s.lengths),
    ids: s.ids,
    weights: Array.from(s.weights),
    timeLabels: s.timeLabels,
    covariates: s.covariates.objects(),
    cellAttributes: Object.fromEntries(Object.entries(cellAttributesOf(s)).map(([k, a]) => [k, { ...a, values: Array.from(a.values) }])),
    report: {
      ...panel.report,
      files: panel.report.files.map((f) => ({ ...f, file: file(f.file), unit: undefined })),
      examples: panel.report.examples.map((p) => ({ ...p, file: file(p.file), unit: undefined, line: p.line + rowOffset, message: rowOffset ? asCsvMessage(p.message) : p.message })),
    },
  };
}

/** The outcome of one load: the panel, or the InputError message. */
async function outcome(options: LoadPanelOptions): Promise<LoadedPanel | string> {
  try {
    return await loadPanel(options);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
}

/**
 * Load `files` with the CSV reader, with DuckDB reading the CSV files, and
 * with DuckDB reading Parquet copies of them; expect the same sequences and
 * report (or the same error, by row for Parquet), in strict and lenient mode.
 */
export async function expectParity(files: Record<string, string>, options: Omit<LoadPanelOptions, 'input'> & { input?: string }): Promise<void> {
  const t = tmpFiles(files);
  await toParquet(Object.keys(files).map(t.path));
  for (const mode of ['strict', 'lenient'] as const) {
    const base = { ...options, mode, input: t.path(options.input ?? 'months.csv'), persons: options.persons ? t.path(options.persons) : undefined } as LoadPanelOptions;
    const reference = await outcome({ ...base, engine: 'js' });
    const csv = await outcome({ ...base, engine: 'duckdb' });
    const parquet = await outcome({ ...base, input: base.input.replace(/\.csv$/, '.parquet'), persons: base.persons?.replace(/\.csv$/, '.parquet') });
    if (typeof reference === 'string') {
      expect(csv).toBe(reference);
      // Parquet rows do not count the header line.
      expect(typeof parquet === 'string' && /\.parquet, row /.test(parquet) === /\.csv, line /.test(reference)).toBe(true);
      expect(typeof parquet === 'string' ? asCsvMessage(parquet) : parquet).toBe(reference);
      continue;
    }
    expect(typeof csv === 'string' ? csv : comparable(csv)).toEqual(comparable(reference));
    expect(typeof parquet === 'string' ? parquet : comparable(parquet, 1)).toEqual(comparable(reference));
    // person-month attributes kept on disk read back as they were in memory
    const disk = await outcome({ ...base, input: base.input.replace(/\.csv$/, '.parquet'), persons: base.persons?.replace(/\.csv$/, '.parquet'), attributeStore: 'disk' });
    expect(typeof disk === 'string' ? disk : comparable(disk, 1)).toEqual(comparable(reference));
    if (typeof disk !== 'string') expect(Object.keys(disk.sequences.cellAttributes)).toEqual([]);
  }
}
