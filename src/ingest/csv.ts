import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { InputError } from '../errors.js';
import { expectedList } from './problems.js';

/** Records parsed from one chunk of a CSV file, with the line each ends on. */
export interface CsvBatch {
  readonly records: string[][];
  /** 1-based line on which each record ends (same order as `records`). */
  readonly lines: number[];
}

/** An opened CSV file: its header and an async stream of record batches. */
export interface CsvSource {
  readonly file: string;
  /** Field delimiter in use (detected from the header line unless given). */
  readonly delimiter: string;
  /** Column names from the first line (BOM removed, trimmed). */
  readonly header: readonly string[];
  /** Records after the header, in file order, a chunk at a time. */
  readonly batches: AsyncGenerator<CsvBatch>;
  /** Bytes parsed so far (for progress). */
  bytesRead(): number;
  /** Stop reading and release the file (safe to call twice; reading all batches closes it too). */
  close(): Promise<void>;
  /** Index of a column by name, or -1. */
  columnIndex(name: string): number;
  /** Index of a column that must exist; throws `InputError` (line 1) naming the expected column. */
  requireColumn(name: string, purpose: string): number;
}

/**
 * Detect the field delimiter of a CSV header line: whichever of `,`, `;` and
 * tab occurs most often outside quotes (`,` when none does).
 *
 * @example
 * detectDelimiter('person_id;month;state'); // ';'
 * detectDelimiter('"a;b",c'); // ','
 */
export function detectDelimiter(headerLine: string): string {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let k = 0; k < headerLine.length; k++) {
    const ch = headerLine[k];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',') comma++;
    else if (ch === ';') semicolon++;
    else if (ch === '\t') tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

// Node's default read size; larger chunks hold more parsed records alive at once for no speed gain.
const CHUNK_BYTES = 1 << 16;

/** Default longest line (record) of a CSV file: 1 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;
/** Default longest field of a CSV file: 64 Ki characters. */
export const DEFAULT_MAX_FIELD_CHARS = 1 << 16;

/** Text encodings the readers accept. */
export type TextEncoding = 'utf8' | 'latin1' | 'windows-1252';

/** Options of `openCsv`. */
export interface CsvOptions {
  /** Force a delimiter instead of detecting it from the header line. */
  readonly delimiter?: string;
  /**
   * `utf8` (default; bytes that are not UTF-8 are an error naming the line),
   * or `latin1` / `windows-1252` for files written by older Windows programs
   * (both read as Windows-1252, as browsers do).
   */
  readonly encoding?: TextEncoding;
  /** Longest line (record, in bytes) accepted; default 1 MiB. Guards against binary files and runaway quotes. */
  readonly maxLineBytes?: number;
  /** Longest field accepted, in characters; default 64 Ki. */
  readonly maxFieldChars?: number;
}

/**
 * Open a CSV file for streaming: a BOM is removed, the delimiter (`,`, `;` or
 * tab) is detected from the header line, quoted fields may hold delimiters,
 * quotes (`""`) and line breaks, and empty lines are skipped. Rows may have any
 * number of fields (callers check for ragged rows so they can report them).
 *
 * Every problem is an `InputError` with the line (and column where there is
 * one): a quote inside an unquoted field, a quote never closed (the line where
 * it opens), bytes that are not UTF-8, NUL bytes (a binary file), a line or
 * field above the limits (`maxLineBytes`, `maxFieldChars`), a header naming a
 * column twice. Reading never hangs on a bad file: the parser's errors end the
 * stream at once.
 *
 * Records come in batches with the line each ends on, read from the parser's
 * line counter as each record is emitted (csv-parse's per-record `info` option
 * copies an object per record and halves the speed).
 *
 * @param file path of the CSV file
 * @param options delimiter, encoding and limits (see `CsvOptions`)
 * @throws InputError when the file is empty or not valid CSV
 * @example
 * const csv = await openCsv('months.csv');
 * const state = csv.requireColumn('state', 'the monthly state');
 * for await (const { records, lines } of csv.batches) {
 *   for (let k = 0; k < records.length; k++) console.log(lines[k], records[k][state]);
 * }
 */
export async function openCsv(file: string, options: CsvOptions = {}): Promise<CsvSource> {
  const encoding = options.encoding ?? 'utf8';
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const chunks = createReadStream(file, { highWaterMark: CHUNK_BYTES })[Symbol.asyncIterator]();
  const text = new TextChunks(file, encoding);
  let first: Buffer | undefined;
  try {
    const step = await chunks.next();
    first = step.done ? undefined : text.decode(step.value as Buffer, 1);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, undefined, undefined, `cannot read the file (${(err as Error).message})`);
  }
  if (!first || first.length === 0) throw new InputError(file, 1, undefined, 'the file is empty; expected a header line');
  const delimiter = options.delimiter ?? detectDelimiter(headerText(first));

  const parser: Parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: maxLineBytes });
  let records: string[][] = [];
  let lines: number[] = [];
  let header: string[] | undefined;
  // End of the last complete record (line and byte), where a record the parser fails on starts.
  let lastLine = 0;
  let lastByte = 0;
  let tooLong: InputError | undefined;
  // A flowing Transform (whose constructor clears the readable 'sync' guard) emits each
  // record synchronously inside parser.write(), so info.lines is this record's line;
  // feed() checks that nothing was buffered instead.
  parser.on('data', (record: string[]) => {
    header ??= record.map((h) => h.trim());
    for (let k = 0; k < record.length; k++) {
      if (record[k].length > maxFieldChars && !tooLong) {
        tooLong = new InputError(file, parser.info.lines, columnName(header, k), `a field of ${record[k].length} characters, above the limit of ${maxFieldChars}; expected short fields (raise the limit with --max-field-size)`);
      }
    }
    records.push(record);
    lines.push(parser.info.lines);
    lastLine = parser.info.lines;
    lastByte = parser.info.bytes;
  });
  parser.on('error', () => {}); // read through parser.errored
  const settled = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('close', resolve);
  });
  const failed = async (): Promise<InputError> => {
    const err = parser.errored as CsvError;
    return csvInputError(err, { file, encoding, header, lastLine, lastByte, maxLineBytes, delimiter });
  };
  const feed = async (chunk: Buffer): Promise<void> => {
    parser.write(chunk);
    if (parser.errored) throw await failed();
    if (tooLong) throw tooLong;
    if (parser.readableLength !== 0) throw new Error('CSV parser buffered records; line numbers would be wrong.');
  };
  const take = (): CsvBatch => {
    const batch = { records, lines };
    records = [];
    lines = [];
    return batch;
  };

  let ended = false;
  const next = async (): Promise<void> => {
    const step = await chunks.next();
    if (!step.done) {
      await feed(text.decode(step.value as Buffer, parser.info.lines));
      return;
    }
    ended = true;
    text.finish(parser.info.lines);
    parser.end();
    await settled;
    if (parser.errored) throw await failed();
    if (tooLong) throw tooLong;
  };
  const close = async (): Promise<void> => {
    parser.destroy();
    await chunks.return?.();
  };
  try {
    await feed(first);
    while (records.length === 0 && !ended) await next();
    if (records.length === 0) throw new InputError(file, 1, undefined, 'the file is empty; expected a header line');
  } catch (err) {
    await close();
    throw err;
  }
  records.shift();
  lines.shift();
  const names = header!;
  checkHeader(file, names);

  async function* batches(): AsyncGenerator<CsvBatch> {
    try {
      if (records.length > 0) yield take();
      while (!ended) {
        await next();
        if (records.length > 0) yield take();
      }
    } finally {
      await close();
    }
  }

  const columnIndex = (name: string): number => names.indexOf(name);
  return {
    file,
    delimiter,
    header: names,
    batches: batches(),
    close,
    bytesRead: () => parser.info.bytes,
    columnIndex,
    requireColumn(name: string, purpose: string): number {
      const k = columnIndex(name);
      if (k < 0) {
        throw new InputError(file, 1, name, `missing required column "${name}" (${purpose}); the header has ${expectedList(names)}`);
      }
      return k;
    },
  };
}

/**
 * A header names each column once (empty names, as spreadsheets leave them,
 * may repeat), and no column is called `__proto__`: JavaScript objects (and
 * the tables built on them) cannot hold a property of that name.
 */
function checkHeader(file: string, header: readonly string[]): void {
  const seen = new Map<string, number>();
  header.forEach((name, k) => {
    if (name === '__proto__') throw new InputError(file, 1, name, `column ${k + 1} is named "__proto__", a name JavaScript reserves; expected another column name`);
    const before = seen.get(name);
    if (before !== undefined && name !== '') {
      throw new InputError(file, 1, name, `column "${name}" appears twice in the header (columns ${before + 1} and ${k + 1}); expected unique column names`);
    }
    seen.set(name, k);
  });
}

/** The name of column k (0-based) for messages: its header name, or its number. */
function columnName(header: readonly string[] | undefined, k: number): string | number {
  return header?.[k] || k + 1;
}

/**
 * Checks and decodes the raw chunks of a file: NUL bytes (a binary file) and,
 * for UTF-8, bytes that are not UTF-8 are `InputError`s naming the line;
 * Latin-1 / Windows-1252 text is converted to UTF-8 for the parser.
 */
class TextChunks {
  private carry: Buffer = Buffer.alloc(0);
  private readonly decoder: TextDecoder | undefined;

  constructor(
    private readonly file: string,
    private readonly encoding: TextEncoding,
  ) {
    this.decoder = encoding === 'utf8' ? undefined : new TextDecoder('windows-1252');
  }

  /** The chunk for the parser; `line` is the line the chunk starts on. */
  decode(chunk: Buffer, line: number): Buffer {
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      throw new InputError(this.file, line + countNewlines(chunk, 0, nul), undefined, 'holds a NUL byte, so it is not a text file; expected a CSV text file');
    }
    if (this.decoder) return Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8');
    // A character split over two chunks is checked with the next one.
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8(data);
    if (!isUtf8(data.subarray(0, cut))) {
      const at = firstInvalidUtf8(data);
      const lineOf = line + countNewlines(data, this.carry.length, at);
      throw new InputError(this.file, lineOf, undefined, `byte 0x${data[at].toString(16).toUpperCase()} is not UTF-8 text; expected UTF-8. If the file comes from an older Windows program, read it with --encoding latin1 (option encoding)`);
    }
    this.carry = Buffer.from(data.subarray(cut));
    return chunk;
  }

  /** The end of the file: a character cut short there is not UTF-8 either. */
  finish(line: number): void {
    if (this.carry.length > 0) {
      throw new InputError(this.file, line, undefined, 'the file ends inside a character that is not complete UTF-8; expected UTF-8 text (or --encoding latin1)');
    }
  }
}

/** Number of line feeds in buf[from, to). */
function countNewlines(buf: Buffer, from: number, to: number): number {
  let count = 0;
  for (let k = buf.indexOf(10, from); k >= 0 && k < to; k = buf.indexOf(10, k + 1)) count++;
  return count;
}

/** Length of the part of `buf` that ends on a whole UTF-8 character (a character cut at the end is left out). */
function completeUtf8(buf: Buffer): number {
  let k = buf.length - 1;
  let continuation = 0;
  while (k >= 0 && continuation < 3 && (buf[k] & 0xc0) === 0x80) {
    k--;
    continuation++;
  }
  if (k < 0) return buf.length;
  const lead = buf[k];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - k < need ? k : buf.length;
}

/** Offset of the first byte that does not start a valid UTF-8 character (buf.length when all are valid). */
function firstInvalidUtf8(buf: Buffer): number {
  for (let k = 0; k < buf.length; ) {
    const len = buf[k] < 0x80 ? 1 : buf[k] >= 0xf0 ? 4 : buf[k] >= 0xe0 ? 3 : buf[k] >= 0xc2 ? 2 : 0;
    if (len === 0 || k + len > buf.length || !isUtf8(buf.subarray(k, k + len))) return k;
    k += len;
  }
  return buf.length;
}

/** What the error path needs to know about the file and where parsing stood. */
interface ParseState {
  readonly file: string;
  readonly encoding: TextEncoding;
  readonly header: readonly string[] | undefined;
  readonly delimiter: string;
  /** Line and byte (of the parser's input) where the last complete record ended. */
  readonly lastLine: number;
  readonly lastByte: number;
  readonly maxLineBytes: number;
}

/** A csv-parse error as an InputError: the line (where a bad quote opens) and column, and what was expected. */
async function csvInputError(err: CsvError, state: ParseState): Promise<InputError> {
  const { file, header } = state;
  const info = err as unknown as { lines?: number; column?: number | string | null };
  const column = typeof info.column === 'number' ? columnName(header, info.column) : undefined;
  if (err.code === 'INVALID_OPENING_QUOTE') {
    const value = String((err as unknown as { field?: Buffer }).field ?? '');
    return new InputError(file, info.lines, column, `a quote inside an unquoted field (after "${value}"); expected the whole field in quotes with inner quotes doubled, e.g. "${value}""..."`);
  }
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return new InputError(file, info.lines, column, 'text after the closing quote of a field; expected a delimiter or the end of the line after it (inner quotes are doubled: "say ""hi""")');
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED' || err.code === 'CSV_MAX_RECORD_SIZE') {
    const open = await openQuote(state);
    const quoteNote = open ? ` (a quote opens on line ${open.line}${open.field !== undefined ? `, column ${columnName(header, open.field)}` : ''} and is never closed)` : '';
    if (err.code === 'CSV_QUOTE_NOT_CLOSED' && open) {
      return new InputError(file, open.line, columnName(header, open.field), 'a quoted field opens here and is never closed; expected a closing quote (inner quotes are doubled: "say ""hi""")');
    }
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      const mib = (state.maxLineBytes / 2 ** 20).toPrecision(3).replace(/\.?0+$/, '');
      return new InputError(file, open?.line ?? state.lastLine + 1, undefined,
        `a line longer than the limit of ${mib} MiB${quoteNote}; expected a CSV text file with shorter lines (raise the limit with --max-line-size)`);
    }
  }
  return new InputError(file, info.lines, column, `not valid CSV: ${err.message}`);
}

/**
 * Where the record after the last complete one opens a quote that is still
 * open a line-size past it: its line and field (0-based). Reads the file again
 * from that record (only on the error path).
 */
async function openQuote(state: ParseState): Promise<{ line: number; field: number } | undefined> {
  const limit = state.lastByte + state.maxLineBytes + CHUNK_BYTES;
  const text = new TextChunks(state.file, state.encoding);
  const QUOTE = 34;
  const BOM = [0xef, 0xbb, 0xbf];
  const delim = state.delimiter.charCodeAt(0);
  let line = state.lastLine + 1;
  let byte = 0;
  let field = 0;
  let atFieldStart = true;
  let quoting = false;
  let pendingQuote = false;
  let open: { line: number; field: number } | undefined;
  try {
    for await (const raw of createReadStream(state.file, { highWaterMark: CHUNK_BYTES })) {
      const chunk = text.decode(raw as Buffer, 1);
      for (let k = 0; k < chunk.length && byte < limit; k++, byte++) {
        if (byte < state.lastByte) continue;
        const c = chunk[k];
        if (quoting) {
          if (pendingQuote) {
            pendingQuote = false;
            if (c === QUOTE) continue; // "" inside quotes
            quoting = false;
            open = undefined;
          } else if (c === QUOTE) {
            pendingQuote = true;
            continue;
          } else {
            if (c === 10) line++;
            continue;
          }
        }
        if (c === 10) {
          if (!atFieldStart || field > 0) return open;
          line++;
        } else if (c === delim) {
          field++;
          atFieldStart = true;
        } else if (c === QUOTE && atFieldStart) {
          quoting = true;
          open = { line, field };
        } else if (c !== 13 && !(state.lastByte === 0 && byte < 3 && c === BOM[byte])) atFieldStart = false;
      }
      if (byte >= limit) break;
    }
  } catch {
    return undefined;
  }
  return quoting ? open : undefined;
}

/** The first line of a chunk as text, without a BOM. */
function headerText(chunk: Buffer): string {
  const end = chunk.indexOf(10);
  const text = chunk.subarray(0, end < 0 ? chunk.length : end).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
