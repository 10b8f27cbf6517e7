import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parquetMetadata, snappyUncompress, type ColumnMetaData, type DictionaryPageHeader, type FileMetaData, type PageHeader, type SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decodeHybrid, MAX_HYBRID_WIDTH, NotDecodable } from './hybrid.js';

export { NotDecodable } from './hybrid.js';

/** How a column's values read: text (UTF-8 strings), whole numbers (as their decimal text), or dates (days since 1970-01-01). */
export type ValueKind = 'text' | 'integer' | 'date';

/** A top-level column whose values `ParquetFile.readColumn` can read. */
export interface PlainColumn {
  readonly name: string;
  readonly kind: ValueKind;
  /** Position among the file's columns (its chunk in each row group). */
  readonly index: number;
  readonly physical: 'BYTE_ARRAY' | 'INT32' | 'INT64';
  /** NULLs are possible (definition levels stored). */
  readonly optional: boolean;
}

/** A value as read: text (text and whole-number columns) or days since 1970-01-01 (dates). */
export type ChunkValue = string | number;

/** One row group's values of a column: the distinct values, and each row's index into them (-1: NULL). */
export interface ChunkValues {
  readonly dictionary: readonly ChunkValue[];
  /** Each row's index into `dictionary`, -1 for NULL; a view valid until the next read of the column. */
  readonly indices: Int32Array;
}

// The bytes of a Parquet file: "PAR1", ..., the footer, its length (4 bytes), "PAR1".
const MAGIC = 0x31524150;
const FOOTER_TAIL = 8;
// Bounds on what a file's own numbers may ask to allocate (a damaged or hostile file could ask for anything).
const MAX_GROUP_ROWS = 2 ** 24;
const MAX_PAGE_BYTES = 2 ** 28;
// Enough for a page header without large statistics.
const HEADER_BYTES = 1024;

/**
 * A Parquet file read column chunk by column chunk, for flat files: each
 * row group's distinct values of a column and every row's index into them, as
 * a typed array. Columns of few distinct values come dictionary-encoded (what
 * DuckDB, Arrow and Spark write for them): the dictionary and the indices as
 * stored; plain pages (small row groups, a writer's fallback) make their own
 * dictionary. Data pages of version 1 (the default of DuckDB, Arrow and
 * Spark). The footer and page headers are parsed by `hyparquet`; pages are
 * decompressed (uncompressed, or Snappy by hyparquet) and their RLE /
 * bit-packed indices decoded here. Anything else (nested columns, other
 * codecs or encodings, version 2 data pages, pages that are not what their
 * headers say) throws `NotDecodable`, and the caller lets DuckDB read the
 * file.
 *
 * @example
 * const pq = ParquetFile.open('months.parquet');
 * const state = pq.column('state');
 * if (state) for (let g = 0; g < pq.rowGroups.length; g++) {
 *   const { dictionary, indices } = pq.readColumn(g, state);
 * }
 * pq.close();
 */
export class ParquetFile {
  // reused between pages and chunks: fresh memory is slow to touch
  private scratch = new Uint8Array(0);
  private chunkBytes = new Uint8Array(0);
  private readonly buffers = new Map<number, Int32Array>();

  private constructor(
    private readonly fd: number,
    private readonly metadata: FileMetaData,
    private readonly columns: readonly SchemaElement[],
  ) {}

  /** Open a file and parse its footer; throws NotDecodable when it is not a flat Parquet file. */
  static open(file: string): ParquetFile {
    // Synchronous reads: the chunks are small and many, and each trip through the thread pool costs more than the read.
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (err) {
      throw new NotDecodable(String(err)); // DuckDB's reader then says why the file cannot be read
    }
    try {
      const { size } = fstatSync(fd);
      if (size < 2 * FOOTER_TAIL) throw new NotDecodable('too short for Parquet');
      const tail = readAt(fd, size - FOOTER_TAIL, FOOTER_TAIL);
      const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
      const footerLength = view.getUint32(0, true);
      if (view.getUint32(4, true) !== MAGIC || footerLength > size - 2 * FOOTER_TAIL) throw new NotDecodable('no Parquet footer');
      const footer = readAt(fd, size - FOOTER_TAIL - footerLength, footerLength + FOOTER_TAIL);
      const metadata = parquetMetadata(footer.buffer.slice(footer.byteOffset, footer.byteOffset + footer.byteLength) as ArrayBuffer, { geoparquet: false });
      const [root, ...columns] = metadata.schema;
      // flat: the root's children are all the leaves, with distinct names
      if (root.num_children !== columns.length || columns.some((c) => c.num_children) || new Set(columns.map((c) => c.name)).size !== columns.length) {
        throw new NotDecodable('nested columns');
      }
      return new ParquetFile(fd, metadata, columns);
    } catch (err) {
      closeSync(fd);
      throw err instanceof NotDecodable ? err : new NotDecodable(String(err));
    }
  }

  /** The number of columns. */
  get columnCount(): number {
    return this.columns.length;
  }

  /** Rows of each row group. */
  get rowGroups(): readonly { readonly rows: number }[] {
    return this.metadata.row_groups.map((g) => ({ rows: Number(g.num_rows) }));
  }

  /**
   * A column read as `kind` says: UTF-8 text (BYTE_ARRAY with the STRING
   * type), signed whole numbers (INT32 / INT64 without another type), or dates
   * (INT32 DATE); undefined for a column that is absent or of another type.
   */
  column(name: string): PlainColumn | undefined {
    const index = this.columns.findIndex((c) => c.name === name);
    if (index < 0) return undefined;
    const c = this.columns[index];
    const logical = c.logical_type?.type;
    const converted = c.converted_type;
    let kind: ValueKind | undefined;
    if (c.type === 'BYTE_ARRAY' && (logical === 'STRING' || (logical === undefined && converted === 'UTF8'))) kind = 'text';
    else if (c.type === 'INT32' && (logical === 'DATE' || (logical === undefined && converted === 'DATE'))) kind = 'date';
    else if ((c.type === 'INT32' || c.type === 'INT64') && isSignedInteger(c)) kind = 'integer';
    if (!kind || c.repetition_type === 'REPEATED') return undefined;
    return { name, kind, index, physical: c.type as PlainColumn['physical'], optional: c.repetition_type !== 'REQUIRED' };
  }

  /** The number of distinct values of a row group's column: its dictionary page's header, or (no dictionary) the decoded column's. */
  dictionarySize(group: number, column: PlainColumn): number {
    let header;
    try {
      const { bytes } = this.chunk(group, column, HEADER_BYTES);
      header = parquetHeader({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
    } catch {
      // a header longer than HEADER_BYTES (large statistics): the whole chunk
      return this.dictionary(group, column).length;
    }
    return header.type === 'DICTIONARY_PAGE' ? plainDictionary(header, column).num_values : this.readColumn(group, column).dictionary.length;
  }

  /**
   * The distinct values of a row group's column: its dictionary page, or (no
   * dictionary) the decoded column's. Data pages written without the
   * dictionary (a writer's fallback when it grows too large) may add values.
   */
  dictionary(group: number, column: PlainColumn): readonly ChunkValue[] {
    const { bytes, meta } = this.chunk(group, column);
    const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
    const header = parquetHeader(reader);
    if (header.type !== 'DICTIONARY_PAGE') return this.readColumn(group, column).dictionary;
    const end = reader.offset + header.compressed_page_size;
    if (end > bytes.length) throw new NotDecodable('a page past the end of its column chunk');
    return this.dictionaryValues(header, bytes.subarray(reader.offset, end), meta.codec, column);
  }

  /**
   * A row group's column: its distinct values, and every row's index into
   * them. Dictionary-encoded pages give the indices; plain pages (small
   * chunks, or a writer's fallback) add their values to the dictionary.
   */
  readColumn(group: number, column: PlainColumn): ChunkValues {
    const rows = Number(this.metadata.row_groups[group].num_rows);
    if (!(rows >= 0 && rows <= MAX_GROUP_ROWS)) throw new NotDecodable(`a row group of ${rows} rows`);
    const { bytes, meta } = this.chunk(group, column);
    let indices = this.buffers.get(column.index);
    if (!indices || indices.length < rows) this.buffers.set(column.index, (indices = new Int32Array(rows)));
    indices = indices.subarray(0, rows);
    const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
    let dictionary: ChunkValue[] | undefined;
    let indexOf: Map<ChunkValue, number> | undefined; // made at the first plain page
    let row = 0;
    let largest = 0;
    while (reader.offset < bytes.length) {
      const header = parquetHeader(reader);
      const at = reader.offset;
      const end = at + header.compressed_page_size;
      if (end > bytes.length) throw new NotDecodable('a page past the end of its column chunk');
      reader.offset = end;
      const h = header.data_page_header;
      if (header.type === 'DICTIONARY_PAGE') {
        if (dictionary || row > 0) throw new NotDecodable(`column ${column.name}: a second dictionary`);
        dictionary = this.dictionaryValues(header, bytes.subarray(at, end), meta.codec, column);
      } else if (header.type === 'DATA_PAGE' && h && row + h.num_values <= rows && (h.encoding === 'PLAIN' || (dictionary && isDictionaryEncoding(h.encoding)))) {
        const page = this.decompress(bytes.subarray(at, end), header.uncompressed_page_size, meta.codec);
        const { levels, end: valuesAt } = column.optional ? levelsV1(page, h.num_values) : { levels: undefined, end: 0 };
        if (h.encoding === 'PLAIN') {
          dictionary ??= [];
          indexOf ??= new Map(dictionary.map((v, k) => [v, k]));
          const values = readPlain(page, valuesAt, page.length, h.num_values - nulls(levels), column);
          plainIndices(values, dictionary, indexOf, levels, indices, row);
        } else {
          largest = Math.max(largest, readIndices(page, valuesAt, page.length, levels, indices, row, h.num_values));
        }
        row += h.num_values;
      } else {
        throw new NotDecodable(`column ${column.name}: a page of type ${header.type}, encoded ${h?.encoding}`);
      }
    }
    if (row !== rows || !dictionary) throw new NotDecodable(`column ${column.name}: ${row} values for ${rows} rows`);
    if (largest >= dictionary.length) throw new NotDecodable(`column ${column.name}: an index past its dictionary`);
    return { dictionary, indices };
  }

  /** The values of a dictionary page (its compressed bytes). */
  private dictionaryValues(header: PageHeader, compressed: Uint8Array, codec: string, column: PlainColumn): ChunkValue[] {
    const { num_values } = plainDictionary(header, column);
    const page = this.decompress(compressed, header.uncompressed_page_size, codec);
    return readPlain(page, 0, page.length, num_values, column);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The bytes of a column chunk, and its metadata. */
  private chunk(group: number, column: PlainColumn, limit = Infinity): { bytes: Uint8Array; meta: ColumnMetaData } {
    const meta = this.metadata.row_groups[group].columns[column.index].meta_data;
    if (!meta || meta.path_in_schema.length !== 1 || (meta.codec !== 'UNCOMPRESSED' && meta.codec !== 'SNAPPY')) throw new NotDecodable(`column ${column.name}: codec ${meta?.codec}`);
    const dictionaryAt = meta.dictionary_page_offset;
    const start = Number(dictionaryAt !== undefined && dictionaryAt > 0n && dictionaryAt < meta.data_page_offset ? dictionaryAt : meta.data_page_offset);
    const length = Math.min(Number(meta.total_compressed_size), limit);
    if (this.chunkBytes.length < length) this.chunkBytes = new Uint8Array(Math.max(length, 2 * this.chunkBytes.length));
    return { bytes: readAt(this.fd, start, length, this.chunkBytes), meta };
  }

  /** A page's bytes, decompressed into the scratch buffer (valid until the next page). */
  private decompress(compressed: Uint8Array, size: number, codec: string): Uint8Array {
    if (!(size >= 0 && size <= MAX_PAGE_BYTES)) throw new NotDecodable(`a page of ${size} bytes`);
    if (codec === 'UNCOMPRESSED') {
      if (compressed.length !== size) throw new NotDecodable('a page of the wrong size');
      return compressed;
    }
    // Snappy's stream opens with its uncompressed length: it must be the page's
    if (snappyLength(compressed) !== size) throw new NotDecodable('a Snappy page of the wrong size');
    if (this.scratch.length < size) this.scratch = new Uint8Array(Math.max(size, 2 * this.scratch.length));
    const out = this.scratch.subarray(0, size);
    snappyUncompress(compressed, out);
    return out;
  }
}

/** The header of a dictionary page of PLAIN values (as every writer stores them); else NotDecodable. */
function plainDictionary(header: PageHeader, column: PlainColumn): DictionaryPageHeader {
  const d = header.dictionary_page_header;
  if (!d || (d.encoding !== 'PLAIN' && d.encoding !== 'PLAIN_DICTIONARY')) throw new NotDecodable(`column ${column.name}: a dictionary encoded ${d?.encoding}`);
  return d;
}

/** Definition levels of a v1 page (a 4-byte length, then the runs), and where the values start. */
function levelsV1(page: Uint8Array, count: number): { levels: Int32Array | undefined; end: number } {
  if (page.length < 4) throw new NotDecodable('a page too short for its levels');
  const end = 4 + new DataView(page.buffer, page.byteOffset, page.byteLength).getUint32(0, true);
  if (end > page.length) throw new NotDecodable('levels past the end of the page');
  return { levels: definitionLevels(page, 4, end, count), end };
}

/**
 * Definition levels (0: NULL, 1: a value) as RLE / bit-packed runs of 1 bit;
 * undefined when every row has a value (one run of 1s, as writers store a
 * column without NULLs).
 */
function definitionLevels(bytes: Uint8Array, at: number, end: number, count: number): Int32Array | undefined {
  // the usual case, read from the first run's header: a repeated 1 for at least every row
  for (let p = at, shift = 0, h = 0; p < end && shift <= 21; shift += 7) {
    const b = bytes[p++];
    h |= (b & 0x7f) << shift;
    if (b < 0x80) {
      if ((h & 1) === 0 && h >>> 1 >= count && p < end && bytes[p] === 1) return undefined;
      break;
    }
  }
  const levels = new Int32Array(count);
  decodeHybrid(bytes, at, end, 1, levels, 0, count);
  return levels.includes(0) ? levels : undefined;
}

/**
 * Dictionary indices of `count` rows into `out[from ..]`: a byte giving the
 * bit width, then RLE / bit-packed runs for the rows with a value; rows whose
 * definition level is 0 are NULL (-1). Returns the largest index.
 */
function readIndices(page: Uint8Array, at: number, end: number, levels: Int32Array | undefined, out: Int32Array, from: number, count: number): number {
  const values = count - nulls(levels);
  if (values === 0) {
    out.fill(-1, from, from + count);
    return 0;
  }
  if (at >= end) throw new NotDecodable('a page without its bit width');
  const width = page[at];
  if (width > MAX_HYBRID_WIDTH) throw new NotDecodable(`indices of ${width} bits`);
  const largest = decodeHybrid(page, at + 1, end, width, out, from, values);
  if (values < count) {
    // spread the values over the rows with one, from the back (each row's value lies at or before it)
    let v = from + values - 1;
    for (let k = count - 1; k >= 0; k--) out[from + k] = levels![k] === 0 ? -1 : out[v--];
  }
  return largest;
}

/** Rows whose definition level is 0 (NULL). */
function nulls(levels: Int32Array | undefined): number {
  let count = 0;
  if (levels) for (let k = 0; k < levels.length; k++) count += levels[k] === 0 ? 1 : 0;
  return count;
}

/**
 * Indices of a plain page's values into `out[from ..]`: each value's place
 * in `dictionary`, which grows by the values not in it yet; rows whose
 * definition level is 0 are NULL (-1).
 */
function plainIndices(values: readonly ChunkValue[], dictionary: ChunkValue[], indexOf: Map<ChunkValue, number>, levels: Int32Array | undefined, out: Int32Array, from: number): void {
  let v = 0;
  const count = levels ? levels.length : values.length;
  for (let k = 0; k < count; k++) {
    if (levels && levels[k] === 0) {
      out[from + k] = -1;
      continue;
    }
    const value = values[v++];
    let index = indexOf.get(value);
    if (index === undefined) {
      index = dictionary.push(value) - 1;
      indexOf.set(value, index);
    }
    out[from + k] = index;
  }
}

/** `count` PLAIN values from `at` to `end`: texts, whole numbers as decimal text, or days (dates). */
function readPlain(page: Uint8Array, at: number, end: number, count: number, column: PlainColumn): ChunkValue[] {
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  if (column.physical === 'INT32' || column.physical === 'INT64') {
    const width = column.physical === 'INT32' ? 4 : 8;
    if (at + count * width > end) throw new NotDecodable('values past the end of their page');
    if (column.kind === 'date') return Array.from({ length: count }, (_, k) => view.getInt32(at + 4 * k, true));
    return Array.from({ length: count }, (_, k) => (width === 4 ? String(view.getInt32(at + 4 * k, true)) : String(view.getBigInt64(at + 8 * k, true))));
  }
  // lengths first (4 bytes, little-endian, before each text), checking the texts are ASCII
  if (count * 4 > end - at) throw new NotDecodable('values past the end of their page');
  const starts = new Int32Array(count + 1);
  let p = at;
  let ascii = true;
  for (let k = 0; k < count; k++) {
    if (p + 4 > end) throw new NotDecodable('values past the end of their page');
    const length = view.getUint32(p, true);
    p += 4;
    if (p + length > end) throw new NotDecodable('values past the end of their page');
    starts[k] = p;
    for (let b = p; b < p + length && ascii; b++) ascii = page[b] < 128;
    p += length;
  }
  starts[count] = p + 4;
  const texts = new Array<string>(count);
  // ASCII: one string of the page, cut into the texts (far cheaper than a decode a text); else UTF-8 a text
  const whole = ascii ? Buffer.from(page.buffer, page.byteOffset + at, p - at).toString('latin1') : '';
  for (let k = 0; k < count; k++) {
    const stop = starts[k + 1] - 4;
    texts[k] = ascii ? whole.substring(starts[k] - at, stop - at) : utf8(page.subarray(starts[k], stop));
  }
  return texts;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Text from UTF-8 bytes (invalid UTF-8 throws NotDecodable, as DuckDB refuses it). */
function utf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new NotDecodable('text that is not UTF-8');
  }
}

/** The uncompressed length a Snappy stream opens with (an unsigned varint), or -1. */
function snappyLength(bytes: Uint8Array): number {
  let length = 0;
  for (let k = 0; k < 5 && k < bytes.length; k++) {
    length += (bytes[k] & 0x7f) * 2 ** (7 * k);
    if (bytes[k] < 0x80) return length;
  }
  return -1;
}

function isDictionaryEncoding(encoding: string): boolean {
  return encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY';
}

/** An INT32 / INT64 column without another meaning than a signed whole number. */
function isSignedInteger(c: SchemaElement): boolean {
  const logical = c.logical_type;
  if (logical) return logical.type === 'INTEGER' && logical.isSigned;
  return c.converted_type === undefined || ['INT_8', 'INT_16', 'INT_32', 'INT_64'].includes(c.converted_type);
}

/** `length` bytes of a file from `position`, into `into` when given (fewer is an error: the file is shorter than its footer says). */
function readAt(fd: number, position: number, length: number, into = new Uint8Array(length)): Uint8Array {
  const bytes = into.subarray(0, length);
  if (readSync(fd, bytes, 0, length, position) !== length) throw new NotDecodable('the file is shorter than its footer says');
  return bytes;
}
