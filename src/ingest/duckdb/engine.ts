import { availableParallelism } from 'node:os';
import type { DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBVector } from '@duckdb/node-api';
import type Bindings from '@duckdb/node-bindings';

/**
 * One chunk of a streamed query result (up to 2,048 rows), read column by
 * column as typed arrays. The arrays are views on DuckDB's memory: valid only
 * until the next chunk is fetched, so copy what must be kept. Cast each column
 * in SQL to the type read here (INTEGER, UBIGINT, DOUBLE) and
 * replace NULLs there too (`coalesce`): typed reads do not see NULLs.
 */
export interface ColumnChunk {
  readonly rows: number;
  int32(column: number): Int32Array;
  /** A BIGINT/UBIGINT column as pairs of 32-bit words (little-endian: low word first). */
  uint32(column: number): Uint32Array;
  float64(column: number): Float64Array;
  /** One VARCHAR value (null for NULL), decoded on demand: for messages, not for bulk data. */
  text(column: number, row: number): string | null;
  /** Every value of a VARCHAR column (null for NULL): for a few values a row, such as one id per person. */
  texts(column: number): (string | null)[];
}

/**
 * An embedded DuckDB database (in memory, no server) for reading Parquet
 * files, big CSV files and tables of DuckDB database files. Results move to
 * JavaScript as typed-array columns, a chunk at a time (`columns`), never as
 * one object per row; `rows` is for small results (dictionaries, counts).
 * The DuckDB package loads on first use, so commands that never touch it do
 * not pay for it.
 *
 * @example
 * const db = await DuckDb.open();
 * try {
 *   await db.columns('SELECT range::INTEGER FROM range(10)', (chunk) => sum(chunk.int32(0)));
 * } finally {
 *   db.close();
 * }
 */
export class DuckDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly bindings: typeof Bindings,
  ) {}

  /**
   * Open an in-memory database using every core.
   *
   * @param options DuckDB settings, e.g. `{ memory_limit: '4GB', temp_directory: '/tmp/spill' }`
   */
  static async open(options: Record<string, string> = {}): Promise<DuckDb> {
    const api = await import('@duckdb/node-api');
    const bindings = (await import('@duckdb/node-bindings')).default;
    const instance = await api.DuckDBInstance.create(':memory:', { threads: String(availableParallelism()), ...options });
    return new DuckDb(instance, await instance.connect(), bindings);
  }

  /** Run statements that return nothing of interest (CREATE, ATTACH, ...). */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** The rows of a small result as plain objects (BIGINT values as bigint: cast counts to DOUBLE or INTEGER in SQL). */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  /**
   * Stream a query's result chunk by chunk as typed columns.
   *
   * @param sql the query; cast its columns to the types `onChunk` reads
   * @param onChunk called for each chunk, in result order
   * @param onRowCount when given, the result is computed whole first (keep it small) and its number of rows given (and awaited) before the first chunk
   */
  async columns(sql: string, onChunk: (chunk: ColumnChunk) => void, onRowCount?: (rows: number) => void | Promise<void>): Promise<void> {
    let result;
    if (onRowCount) {
      result = await this.connection.run(sql);
      await onRowCount(result.rowCount);
    } else {
      result = await this.connection.stream(sql);
    }
    // the next chunk is fetched (on a libuv thread) while this one is read: each chunk owns its memory
    let next = result.fetchChunk();
    for (;;) {
      const chunk = await next;
      if (!chunk || chunk.rowCount === 0) break;
      next = result.fetchChunk();
      try {
        onChunk(this.view(chunk));
      } catch (err) {
        await next.catch(() => null);
        throw err;
      }
    }
  }

  /**
   * Create table `table (v VARCHAR, k INTEGER)` holding `texts[k]` at k: a
   * dictionary to join on (person ids of a person file, for instance).
   */
  async createDictionary(table: string, texts: readonly string[]): Promise<void> {
    await this.run(`CREATE OR REPLACE TABLE ${table} (v VARCHAR, k INTEGER)`);
    const appender = await this.connection.createAppender(table);
    for (let k = 0; k < texts.length; k++) {
      appender.appendVarchar(texts[k]);
      appender.appendInteger(k);
      appender.endRow();
    }
    appender.closeSync();
  }

  /** Close the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private view(chunk: DuckDBDataChunk): ColumnChunk {
    const { bindings } = this;
    const rows = chunk.rowCount;
    const bytes = (column: number, width: number): Uint8Array =>
      bindings.vector_get_data(bindings.data_chunk_get_vector(chunk.chunk, column), rows * width);
    return {
      rows,
      int32: (c) => aligned(bytes(c, 4), Int32Array, rows),
      uint32: (c) => aligned(bytes(c, 8), Uint32Array, rows * 2),
      float64: (c) => aligned(bytes(c, 8), Float64Array, rows),
      text: (c, i) => chunk.getColumnVector(c).getItem(i) as string | null,
      texts: (c) => {
        // DuckDB's string_t: a 32-bit length, then up to 12 bytes inline (longer strings sit elsewhere)
        const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
        const data = bindings.vector_get_data(vector, rows * 16);
        const valid = bindings.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
        let decoded: DuckDBVector | undefined;
        const out = new Array<string | null>(rows);
        for (let i = 0; i < rows; i++) {
          if (valid && ((valid[i >> 3] >> (i & 7)) & 1) === 0) {
            out[i] = null;
            continue;
          }
          const at = 16 * i;
          const length = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24);
          const inline = length <= 12 ? inlineAscii(data, at + 4, length) : undefined;
          out[i] = inline ?? ((decoded ??= chunk.getColumnVector(c)).getItem(i) as string | null);
        }
        return out;
      },
    };
  }
}

// One array of char codes per length: a string made in one call is flat (ids are hashed next, which a string of pieces would first have to copy).
const CHAR_CODES = Array.from({ length: 13 }, (_, n) => new Array<number>(n));

/** The ASCII text of `length` (<= 12) bytes from `at`, or undefined when a byte is not ASCII (the library's decoder then reads it). */
function inlineAscii(data: Uint8Array, at: number, length: number): string | undefined {
  const codes = CHAR_CODES[length];
  for (let k = 0; k < length; k++) {
    if (data[at + k] > 127) return undefined;
    codes[k] = data[at + k];
  }
  return String.fromCharCode.apply(null, codes);
}

type TypedArrayOf<A> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): A; new (length: number): A; readonly BYTES_PER_ELEMENT: number };

/** A typed view on vector bytes, or an aligned copy when DuckDB's buffer is not aligned for the type. */
function aligned<A extends Int32Array | Uint32Array | Float64Array>(data: Uint8Array, Type: TypedArrayOf<A>, rows: number): A {
  if (data.byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(data.buffer, data.byteOffset, rows);
  const copy = new Type(rows);
  new Uint8Array(copy.buffer).set(data.subarray(0, rows * Type.BYTES_PER_ELEMENT));
  return copy;
}

/**
 * A string literal for SQL: quotes doubled.
 *
 * @example
 * sqlString("it's.parquet"); // "'it''s.parquet'"
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A quoted SQL identifier (column or table name): double quotes doubled.
 *
 * @example
 * sqlName('hours week'); // '"hours week"'
 */
export function sqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
