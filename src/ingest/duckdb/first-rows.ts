import { open, type FileHandle } from 'node:fs/promises';

/** The ids of a CSV file in the order of their first row. */
export interface FirstRows {
  /** Each distinct id once, in order of its first row. */
  readonly ids: string[];
  /** The first row of each of `ids` (0-based, the header not counted). */
  readonly rows: number[];
  /** Position of each id in `ids`. */
  readonly indexOf: Map<string, number>;
  /** Rows in the file. */
  readonly dataRows: number;
}

const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
/** Bytes read at a time (a multiple of 4). */
const BLOCK_BYTES = 4 * 2 ** 20;

/**
 * Start a byte scan of a CSV file for the order in which its ids first occur,
 * which DuckDB's parallel reader does not give cheaply (numbering its rows
 * costs more than the whole read). Only plain files are scanned: a line per
 * row, no quote character, one-byte delimiter, lines within `maxLineBytes`.
 * Rows are the lines after the header that are not blank; a row's id is the
 * text between the (column)th and the next delimiter. Consecutive rows of one id
 * (the usual layout) cost a comparison of their bytes; a new id costs a
 * lookup.
 *
 * Returns undefined at once when the first block of the file shows it is not
 * plain (a quote, e.g. files written by R's write.csv), else the scan, whose
 * result is undefined when a later line shows it. Callers check that the ids
 * and the row count agree with their own read. Aborting `signal` ends the
 * scan at the next block, with result undefined (a read that no longer needs it).
 *
 * @param file the CSV file (UTF-8)
 * @param delimiter its field delimiter
 * @param column 0-based position of the id column
 * @example
 * const scan = await scanFirstRows('months.csv', ',', 0, 1 << 20);
 * const first = await scan?.(new AbortController().signal); // { ids: ['P1', 'P2'], rows: [0, 51], ... }
 */
export async function scanFirstRows(file: string, delimiter: string, column: number, maxLineBytes: number): Promise<((signal: AbortSignal) => Promise<FirstRows | undefined>) | undefined> {
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || column < 0) return undefined;
  const handle = await open(file, 'r');
  // room for an unfinished line, rounded up to whole words, and a block
  const buffer = new Uint8Array(4 * Math.ceil((maxLineBytes + 1) / 4) + BLOCK_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, BLOCK_BYTES, null);
  if (hasQuote(buffer, 0, bytesRead)) {
    await handle.close();
    return undefined;
  }
  return async (signal) => {
    try {
      return await scan(handle, buffer, bytesRead, new LineIds(buffer, delimiter.charCodeAt(0), column, maxLineBytes), { maxLineBytes, signal });
    } finally {
      await handle.close();
    }
  };
}

/**
 * Read the file block by block and hand each line to `lines`. Newlines are
 * found four bytes at a time: with x = word XOR 0x0a0a0a0a, a byte of the
 * word is a newline only if (x - 0x01010101) & ~x & 0x80808080 is nonzero
 * (it may also flag bytes above a newline, so flagged words are checked byte
 * by byte).
 */
async function scan(handle: FileHandle, buffer: Uint8Array, firstBytes: number, lines: LineIds, limits: { maxLineBytes: number; signal: AbortSignal }): Promise<FirstRows | undefined> {
  const { maxLineBytes, signal } = limits;
  const words = new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.length >> 2);
  let end = firstBytes;
  let from = 0; // bytes before this hold no newline (the unfinished line carried over)
  for (;;) {
    if (hasQuote(buffer, from, end)) return undefined;
    let start = 0;
    const whole = end >> 2;
    for (let w = from >> 2; w < whole; w++) {
      const x = words[w] ^ 0x0a0a0a0a;
      if (((x - 0x01010101) & ~x & 0x80808080) === 0) continue;
      for (let at = 4 * w; at < 4 * w + 4; at++) {
        if (buffer[at] !== NEWLINE) continue;
        if (!lines.line(start, at)) return undefined;
        start = at + 1;
      }
    }
    for (let at = 4 * whole; at < end; at++) {
      if (buffer[at] !== NEWLINE) continue;
      if (!lines.line(start, at)) return undefined;
      start = at + 1;
    }
    const rest = end - start;
    if (rest > maxLineBytes || signal.aborted) return undefined;
    buffer.copyWithin(0, start, end);
    const { bytesRead } = await handle.read(buffer, rest, BLOCK_BYTES, null);
    if (bytesRead === 0) {
      // a last line without a line break
      if (rest > 0 && !lines.line(0, rest)) return undefined;
      return lines.result();
    }
    from = rest;
    end = rest + bytesRead;
  }
}

/** Whether buffer[from..end - 1] holds a quote (Buffer's indexOf is a memchr; a typed array's includes is a loop). */
function hasQuote(buffer: Uint8Array, from: number, end: number): boolean {
  return Buffer.from(buffer.buffer, buffer.byteOffset + from, end - from).indexOf(QUOTE) >= 0;
}

/** The ids of the lines handed to it, with the first row of each. */
class LineIds {
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];
  private readonly indexOf = new Map<string, number>();
  /** The previous row's id bytes. */
  private previous = new Uint8Array(64);
  private previousLength = -1;
  private row = -1; // the header
  /** The buffer as a Buffer, to decode ids. */
  private readonly text: Buffer;

  constructor(
    private readonly buffer: Uint8Array,
    private readonly delimiter: number,
    private readonly column: number,
    private readonly maxLineBytes: number,
  ) {
    this.text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.length);
  }

  /** Take the line buffer[start..newline - 1]; false when the file is not plain after all. */
  line(start: number, newline: number): boolean {
    // a blank line is no row (DuckDB and the CSV reader skip it)
    if (newline === start || (newline === start + 1 && this.buffer[start] === RETURN)) return true;
    const row = this.row++;
    if (newline - start > this.maxLineBytes) return false;
    if (row < 0) return true;
    const { buffer, delimiter, previous, previousLength } = this;
    let from = start;
    for (let k = 0; k < this.column; k++) {
      while (from < newline && buffer[from] !== delimiter) from++;
      if (from === newline) return false; // too few fields
      from++;
    }
    // the previous row's id: its bytes, then the end of the field
    let k = 0;
    while (k < previousLength && buffer[from + k] === previous[k]) k++;
    const after = from + k;
    if (k === previousLength && (after === newline || buffer[after] === delimiter || buffer[after] === RETURN)) return true;
    return this.newId(from, newline, row);
  }

  /** A row whose id differs from the previous row's. */
  private newId(from: number, newline: number, row: number): boolean {
    const { buffer, delimiter } = this;
    let to = from;
    while (to < newline && buffer[to] !== delimiter && buffer[to] !== RETURN) to++;
    const length = to - from;
    const id = this.text.toString('utf8', from, to);
    if (!this.indexOf.has(id)) {
      this.indexOf.set(id, this.ids.length);
      this.ids.push(id);
      this.rows.push(row);
    }
    if (this.previous.length < length) this.previous = new Uint8Array(2 * length);
    for (let k = 0; k < length; k++) this.previous[k] = buffer[from + k];
    this.previousLength = length;
    return true;
  }

  result(): FirstRows {
    return { ids: this.ids, rows: this.rows, indexOf: this.indexOf, dataRows: Math.max(this.row, 0) };
  }
}
