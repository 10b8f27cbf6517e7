import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb, sqlString } from '../../../src/ingest/duckdb/engine.js';
import { NotDecodable, ParquetFile } from '../../../src/ingest/parquet/file.js';
import { tmpFiles } from '../helpers.js';

const t = tmpFiles({ 'text.parquet': 'person_id,month\n' });
let db: DuckDb;

// 10,000 rows in row groups of 2,048: ids, months and states of few distinct values (dictionary-encoded), NULLs among the states
const ROWS = `SELECT 'p' || (i // 7)::VARCHAR AS person_id, (i // 7)::INTEGER AS int_id, (i // 7)::BIGINT AS big_id,
  printf('%04d-%02d', 2013 + (i % 30) // 12, (i % 30) % 12 + 1) AS month, (DATE '2013-01-01' + INTERVAL (i % 30) MONTH)::DATE AS day,
  CASE WHEN i % 5 = 0 THEN NULL ELSE 's' || (i % 3)::VARCHAR END AS state, i::DOUBLE AS x, i::UINTEGER AS u, i::VARCHAR AS many
  FROM range(10000) t(i)`;

/** Write the rows to `name` with COPY options; returns the path. */
async function write(name: string, options = ''): Promise<string> {
  const path = t.path(name);
  await db.run(`COPY (${ROWS}) TO ${sqlString(path)} (FORMAT parquet, ROW_GROUP_SIZE 2048${options})`);
  return path;
}

/** A column's values as DuckDB reads them, in file order (dates as days since 1970-01-01, others as text). */
async function duckdbValues(path: string, column: string): Promise<(string | number | null)[]> {
  const rows = await db.rows(`SELECT ${column === 'day' ? `(${column} - DATE '1970-01-01')::DOUBLE` : `CAST(${column} AS VARCHAR)`} AS v FROM read_parquet(${sqlString(path)}, file_row_number = true) ORDER BY file_row_number`);
  return rows.map((r) => r.v as string | number | null);
}

/** A column's values as `ParquetFile` reads them: each row's dictionary value, null for NULL. */
function ownValues(path: string, name: string): (string | number | null)[] {
  const pq = ParquetFile.open(path);
  try {
    const column = pq.column(name)!;
    const values: (string | number | null)[] = [];
    for (let g = 0; g < pq.rowGroups.length; g++) {
      const { dictionary, indices } = pq.readColumn(g, column);
      expect(pq.dictionarySize(g, column)).toBe(dictionary.length);
      expect(Array.from(pq.dictionary(g, column))).toEqual(Array.from(dictionary));
      for (const i of indices) values.push(i < 0 ? null : dictionary[i]);
    }
    return values;
  } finally {
    pq.close();
  }
}

beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

describe('ParquetFile: dictionary codes of a flat Parquet file, as DuckDB reads the values', () => {
  it('reads text, whole-number and date columns, dictionary-encoded or plain (10,000 distinct texts), Snappy or uncompressed, over row groups, with NULLs', async () => {
    for (const [name, options] of [['snappy.parquet', ''], ['plain.parquet', ', COMPRESSION uncompressed'], ['v2.parquet', ', PARQUET_VERSION V2']]) {
      const path = await write(name, options);
      const pq = ParquetFile.open(path);
      expect(pq.rowGroups.length).toBeGreaterThan(1);
      expect(pq.rowGroups.reduce((sum, g) => sum + g.rows, 0)).toBe(10000);
      expect(['person_id', 'int_id', 'big_id', 'month', 'day', 'state'].map((c) => pq.column(c)?.kind)).toEqual(['text', 'integer', 'integer', 'text', 'date', 'text']);
      expect(pq.column('state')?.optional).toBe(true);
      pq.close();
      for (const column of ['person_id', 'int_id', 'big_id', 'month', 'day', 'state', 'many']) {
        // version 2 writes the 10,000 distinct texts DELTA_LENGTH_BYTE_ARRAY, which DuckDB reads
        if (column === 'many' && name === 'v2.parquet') expect(() => ownValues(path, column)).toThrow(NotDecodable);
        else expect(ownValues(path, column)).toEqual(await duckdbValues(path, column));
      }
    }
  });

  it('knows no columns of other types: numbers with decimals, unsigned numbers, absent columns', async () => {
    const pq = ParquetFile.open(await write('types.parquet'));
    expect([pq.column('x'), pq.column('u'), pq.column('nothing')]).toEqual([undefined, undefined, undefined]);
    expect(pq.columnCount).toBe(9);
    pq.close();
  });

  it('leaves to DuckDB what it does not decode: other codecs, nested columns, files that are not Parquet', async () => {
    const zstd = ParquetFile.open(await write('zstd.parquet', ', COMPRESSION zstd'));
    expect(() => zstd.readColumn(0, zstd.column('state')!)).toThrow(NotDecodable);
    zstd.close();
    const nested = t.path('nested.parquet');
    await db.run(`COPY (SELECT {'a': 1} AS s, 'x' AS state) TO ${sqlString(nested)} (FORMAT parquet)`);
    expect(() => ParquetFile.open(nested)).toThrow(NotDecodable);
    expect(() => ParquetFile.open(t.path('text.parquet'))).toThrow(NotDecodable);
    expect(() => ParquetFile.open(t.path('none.parquet'))).toThrow(NotDecodable);
  });
});
