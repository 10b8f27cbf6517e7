import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { InputError, loadPanel, type LoadPanelOptions } from '../../../src/index.js';
import { DuckDb, sqlString } from '../../../src/ingest/duckdb/engine.js';
import { asCsvMessage, comparable } from '../duckdb/helpers.js';
import { tmpFiles } from '../helpers.js';

const HEADER = 'person_id,month,state';

/** A long file of `persons` persons over `months` months with gaps and NA states; persons in turn, or rows shuffled. */
function panel(seed: number, persons: number, months: number, shuffled: boolean): string {
  let s = seed;
  const random = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows: string[] = [];
  for (let p = 0; p < persons; p++) {
    for (let m = 0; m < months; m++) {
      if (random() < 0.3) continue;
      const k = Math.floor(random() * 4);
      const month = 24_156 + m;
      rows.push(`id${String(p).padStart(4, '0')},${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')},${k === 0 ? 'NA' : `s${k}`}`);
    }
  }
  for (let i = rows.length - 1; shuffled && i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return `${HEADER}\n${rows.join('\n')}\n`;
}

/** Write Parquet copies of the CSV files named months*.csv, every column as text, in row groups of 2,048 rows. */
async function copyToParquet(t: { path(name: string): string }, names: readonly string[]): Promise<void> {
  const db = await DuckDb.open();
  try {
    for (const name of names) {
      await db.run(`COPY (SELECT * FROM read_csv(${sqlString(t.path(name))}, header = true, all_varchar = true)) TO ${sqlString(t.path(name.replace('.csv', '.parquet')))} (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
    }
  } finally {
    db.close();
  }
}

/** Run `load`; whether it opened DuckDB (the Parquet pivot reads without it). */
async function opensDuckDb<T>(load: () => Promise<T>): Promise<{ result: T; duckdb: boolean }> {
  const opened = vi.spyOn(DuckDb, 'open');
  try {
    const result = await load();
    return { result, duckdb: opened.mock.calls.length > 0 };
  } finally {
    opened.mockRestore();
  }
}

/**
 * The outcome of a load, comparable across the CSV and Parquet copies (messages as for the CSV file; problems
 * located by Parquet row one line up, unless all of them are in the person file, `personProblems`).
 */
async function outcome(options: LoadPanelOptions, personProblems = false): Promise<unknown> {
  const parquet = options.input.endsWith('.parquet');
  try {
    const loaded = comparable(await loadPanel(options), parquet && !personProblems ? 1 : 0);
    // a message about the person file names the month file too
    return personProblems ? JSON.parse(JSON.stringify(loaded).replaceAll('months.parquet', 'months.csv')) : loaded;
  } catch (err) {
    if (err instanceof InputError) return parquet ? asCsvMessage(err.message) : err.message;
    throw err;
  }
}

/** Load months.csv with the CSV reader and its Parquet copy; the two outcomes, and whether the Parquet load opened DuckDB. */
async function both(files: Record<string, string>, options: Omit<LoadPanelOptions, 'input'> = { format: 'long', attributes: [] }) {
  const t = tmpFiles(files);
  await copyToParquet(t, ['months.csv']);
  const base = { ...options, persons: options.persons ? t.path(options.persons) : undefined } as LoadPanelOptions;
  const reference = await outcome({ ...base, input: t.path('months.csv'), engine: 'js' }, options.persons !== undefined);
  const { result: parquet, duckdb } = await opensDuckDb(() => outcome({ ...base, input: t.path('months.parquet') }, options.persons !== undefined));
  return { reference, parquet, duckdb };
}

describe('pivotParquet: a clean Parquet file read from its dictionary codes equals the CSV reader', () => {
  it('persons in turn (spanning row groups) and rows shuffled (ids out of order), without DuckDB', async () => {
    for (const shuffled of [false, true]) {
      const { reference, parquet, duckdb } = await both({ 'months.csv': panel(shuffled ? 2 : 1, 300, 30, shuffled) });
      expect(parquet).toEqual(reference);
      expect(duckdb).toBe(false);
    }
  });

  it('a person file: its order, its weights and start months, a person without months', async () => {
    const ids = Array.from({ length: 300 }, (_, p) => `id${String(p).padStart(4, '0')}`);
    const persons = `person_id,start_month,weight
nobody,2013-01,1
${ids.reverse().map((id, k) => `${id},2013-01,${1 + (k % 3)}`).join('\n')}\n`;
    const options = { format: 'long', attributes: [], mode: 'lenient', persons: 'persons.csv', weight: 'weight', time: { align: 'start', column: 'start_month' } } as const;
    const { reference, parquet, duckdb } = await both({ 'months.csv': panel(3, 300, 30, true), 'persons.csv': persons }, options);
    expect(parquet).toEqual(reference);
    expect(duckdb).toBe(false);
  });

  it('whole-number ids and DATE months, typed in the Parquet file', async () => {
    const t = tmpFiles({});
    const rows = `SELECT (i // 10 * 7)::BIGINT AS person_id, (DATE '2013-01-01' + INTERVAL (i % 10) MONTH)::DATE AS month, 's' || (i // 3 % 4)::VARCHAR AS state FROM range(3000) t(i)`;
    const db = await DuckDb.open();
    await db.run(`COPY (SELECT person_id, strftime(month, '%Y-%m') AS month, state FROM (${rows})) TO ${sqlString(t.path('months.csv'))} (HEADER true)`);
    await db.run(`COPY (${rows}) TO ${sqlString(t.path('months.parquet'))} (FORMAT parquet)`);
    db.close();
    const options = { format: 'long', attributes: [] } as const;
    const reference = await outcome({ ...options, input: t.path('months.csv'), engine: 'js' });
    const { result, duckdb } = await opensDuckDb(() => outcome({ ...options, input: t.path('months.parquet') }));
    expect(result).toEqual(reference);
    expect(duckdb).toBe(false);
  });

  it('leaves a file with something to report, or with attributes, to DuckDB: the same result or message as the CSV reader', async () => {
    const clean = panel(4, 300, 30, false);
    const cases: [string, Omit<LoadPanelOptions, 'input'>][] = [
      [`${clean}id0001,2013-01,s1\n`, { format: 'long', attributes: [] }], // a person-month twice
      [`${clean},2013-02,s1\n`, { format: 'long', attributes: [] }], // no id
      [`${clean} id0001,2015-02,s1\n`, { format: 'long', attributes: [] }], // an id with a space
      [`${clean}id0001,2015-1,s1\n`, { format: 'long', attributes: [], mode: 'lenient' }], // not YYYY-MM
      [clean, { format: 'long', attributes: [], states: ['s1', 's2'] }], // outside the alphabet
      [clean, { format: 'long' }], // no list of attributes: any other column would be one (here none: read without DuckDB)
    ];
    for (const [k, [months, options]] of cases.entries()) {
      const { reference, parquet, duckdb } = await both({ 'months.csv': months }, options);
      expect(parquet).toEqual(reference);
      expect(duckdb).toBe(k < cases.length - 1);
    }
    const withHours = `${HEADER},hours\n${clean.split('\n').slice(1, -1).map((line) => `${line},3`).join('\n')}\n`;
    const { reference, parquet, duckdb } = await both({ 'months.csv': withHours }, { format: 'long' });
    expect(parquet).toEqual(reference);
    expect(duckdb).toBe(true);
  });

  it('a damaged file ends as DuckDB reads it: sequences or one input error, never another error', async () => {
    const t = tmpFiles({ 'months.csv': panel(5, 300, 30, false) });
    await copyToParquet(t, ['months.csv']);
    const clean = readFileSync(t.path('months.parquet'));
    const footer = clean.readUInt32LE(clean.length - 8);
    for (let k = 0; k < 40; k++) {
      // a byte of the pages changed (the footer is DuckDB's to judge alike)
      const damaged = Buffer.from(clean);
      const at = 4 + Math.floor(((k * 7919) % 997) / 997 * (clean.length - footer - 12));
      damaged[at] ^= 1 << (k % 8);
      writeFileSync(t.path('damaged.parquet'), damaged);
      const outcome = await loadPanel({ format: 'long', attributes: [], input: t.path('damaged.parquet') }).then(
        () => 'read',
        (err: unknown) => (err instanceof InputError ? 'input error' : err),
      );
      expect(['read', 'input error']).toContain(outcome);
    }
  });
});
