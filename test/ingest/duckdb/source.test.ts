import { describe, expect, it } from 'vitest';
import { InputError, loadPanel, OptionsError, readLongPanel, ResourceError, type LoadedPanel } from '../../../src/index.js';
import { DuckDb, sqlString } from '../../../src/ingest/duckdb/engine.js';
import { sourceKind } from '../../../src/ingest/duckdb/source.js';
import { fileColumns } from '../../../src/ingest/load.js';
import { tmpFiles } from '../helpers.js';
import { comparable } from './helpers.js';

/** Run SQL statements in a fresh DuckDB (to write test files). */
async function sql(...statements: string[]): Promise<void> {
  const db = await DuckDb.open();
  try {
    for (const s of statements) await db.run(s);
  } finally {
    db.close();
  }
}

const MONTHS = 'person_id,month,state\n7,2013-01,1\n7,2013-02,2\n12,2013-02,1\n';
const PERSONS = 'person_id,start_month,weight,sex\n12,2013-02,2.5,f\n7,2013-01,1,m\n';

describe('sourceKind', () => {
  it('knows files by their extension', () => {
    expect(['a.parquet', 'b.PQ', 'c.duckdb', 'd.db', 'e.csv', 'f.txt'].map(sourceKind)).toEqual(['parquet', 'parquet', 'duckdb', 'duckdb', 'csv', 'csv']);
  });
});

describe('typed Parquet columns and database tables read like the CSV text', () => {
  it('DATE months, whole-number ids and states, numeric weights; the same table in a DuckDB database', async () => {
    const t = tmpFiles({ 'months.csv': MONTHS, 'persons.csv': PERSONS });
    const [m, p] = [t.path('months.csv'), t.path('persons.csv')];
    await sql(
      `COPY (SELECT person_id::BIGINT AS person_id, strptime(month, '%Y-%m')::DATE AS month, state::INTEGER AS state FROM read_csv(${sqlString(m)}, all_varchar = true)) TO ${sqlString(t.path('months.parquet'))} (FORMAT parquet)`,
      `COPY (SELECT person_id::INTEGER AS person_id, strptime(start_month, '%Y-%m')::DATE AS start_month, weight::DOUBLE AS weight, sex FROM read_csv(${sqlString(p)}, all_varchar = true)) TO ${sqlString(t.path('persons.parquet'))} (FORMAT parquet)`,
      `ATTACH ${sqlString(t.path('extract.duckdb'))} AS x`,
      `CREATE TABLE x.months AS SELECT * FROM read_parquet(${sqlString(t.path('months.parquet'))})`,
      `CREATE TABLE x.persons AS SELECT * FROM read_parquet(${sqlString(t.path('persons.parquet'))})`,
    );
    const options = { format: 'long', persons: p, weight: 'weight', time: { align: 'start', column: 'start_month' } } as const;
    // A DATE covariate reads as its date (the CSV holds YYYY-MM text).
    // Tables are named as FILE, table NAME.
    const withoutStart = (panel: LoadedPanel): unknown => {
      const { covariates, report, ...rest } = comparable(panel) as { covariates: Record<string, unknown>[]; report: { files: { file: string }[] } };
      const files = report.files.map((f) => ({ ...f, file: f.file.replace(/extract\.duckdb, table /, '') }));
      return { ...rest, report: { ...report, files }, covariates: covariates.map(({ start_month, ...c }) => ({ ...c, start: String(start_month).slice(0, 7) })) };
    };
    const reference = withoutStart(await loadPanel({ ...options, input: m }));
    const parquet = await loadPanel({ ...options, input: t.path('months.parquet'), persons: t.path('persons.parquet') });
    const table = await loadPanel({ ...options, input: t.path('extract.duckdb'), table: 'months', persons: t.path('extract.duckdb'), personsTable: 'persons' });
    expect(withoutStart(parquet)).toEqual(reference);
    expect(withoutStart(table)).toEqual(reference);
    expect(parquet.sequences.ids).toEqual(['12', '7']);
    expect(parquet.sequences.covariates.array('start_month')).toEqual(['2013-02-01', '2013-01-01']);
    expect(table.report.files.map((f) => f.unit)).toEqual(['row', 'row']);
  });
});

describe('fileColumns', () => {
  it('reads the header of a CSV file, the columns of a Parquet file and of a database table', async () => {
    const t = tmpFiles({ 'p.csv': '\uFEFFperson_id;weight\n1;2\n' });
    await sql(`COPY (SELECT 1 AS person_id, 2.5 AS weight) TO ${sqlString(t.path('p.parquet'))} (FORMAT parquet)`, `ATTACH ${sqlString(t.path('x.duckdb'))} AS x`, 'CREATE TABLE x.people (id INTEGER, w DOUBLE)');
    expect(await fileColumns(t.path('p.csv'))).toEqual(['person_id', 'weight']);
    expect(await fileColumns(t.path('p.parquet'))).toEqual(['person_id', 'weight']);
    expect(await fileColumns(t.path('x.duckdb'))).toEqual(['id', 'w']);
    await expect(fileColumns(t.path('none.parquet'))).rejects.toThrow(/none\.parquet: cannot read the file/);
  });
});

describe('bad input names the file, the column and what was expected', () => {
  it('a missing column, a column of the wrong type', async () => {
    const t = tmpFiles({});
    await sql(
      `COPY (SELECT 'a' AS person_id, '2013-01' AS month, 'x' AS status) TO ${sqlString(t.path('nostate.parquet'))} (FORMAT parquet)`,
      `COPY (SELECT 'a' AS person_id, 2013.01 AS month, 'x' AS state) TO ${sqlString(t.path('double.parquet'))} (FORMAT parquet)`,
      `COPY (SELECT 'a' AS person_id, '2013-01' AS month, [1, 2] AS state) TO ${sqlString(t.path('list.parquet'))} (FORMAT parquet)`,
    );
    await expect(readLongPanel(t.path('nostate.parquet'))).rejects.toThrow(/nostate\.parquet, column state: missing required column "state" \(the monthly state\); the file has person_id, month, status$/);
    const wrong = await readLongPanel(t.path('double.parquet')).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InputError);
    expect((wrong as InputError).message).toMatch(/double\.parquet, column month: column "month" has type DECIMAL\(6,2\); expected YYYY-MM text or a DATE$/);
    expect((wrong as InputError).column).toBe('month');
    await expect(readLongPanel(t.path('list.parquet'))).rejects.toThrow(/column state: column "state" has type INTEGER\[\]; expected text or whole-number codes/);
  });

  it('an unreadable file, a file that is not Parquet, a database without the table', async () => {
    const t = tmpFiles({ 'fake.parquet': 'person_id,month,state\n' });
    await expect(readLongPanel(t.path('none.parquet'))).rejects.toThrow(/none\.parquet: cannot read the file \(ENOENT/);
    await expect(readLongPanel(t.path('fake.parquet'))).rejects.toThrow(/fake\.parquet: cannot read the file as Parquet \(/);
    await sql(`ATTACH ${sqlString(t.path('x.duckdb'))} AS x`, 'CREATE TABLE x.spells (a INTEGER)', 'CREATE TABLE x.persons (a INTEGER)');
    await expect(readLongPanel(t.path('x.duckdb'), { table: 'months' })).rejects.toThrow(/x\.duckdb: no table "months"; the database has persons, spells$/);
    await expect(readLongPanel(t.path('x.duckdb'))).rejects.toThrow(/x\.duckdb: name the table to read \(--input-table\); the database has persons, spells$/);
    await expect(readLongPanel(t.path('fake.parquet'), { table: 'months' })).rejects.toThrow(/not a DuckDB database file/);
  });

  it('a month grid above the memory budget is refused before it is built', async () => {
    const t = tmpFiles({ 'months.csv': MONTHS });
    await sql(`COPY (SELECT * FROM read_csv(${sqlString(t.path('months.csv'))})) TO ${sqlString(t.path('months.parquet'))} (FORMAT parquet)`);
    const err = await readLongPanel(t.path('months.parquet'), { memoryBudgetBytes: 16 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceError);
    expect((err as ResourceError).message).toMatch(/the month grid of \d+ persons x \d+ months needs .* above the memory budget/);
  });

  it('a Parquet file with the JavaScript reader is an options error', async () => {
    const err = await readLongPanel('months.parquet', { engine: 'js' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OptionsError);
    expect((err as OptionsError).option).toBe('engine');
  });
});
