import { open, type FileHandle } from 'node:fs/promises';
import { compileWasm, instantiateWasm, type WasmModule } from '../../wasm.js';

/** The ids of a CSV file in the order of their first row. */
export interface FirstRows {
  /** Each distinct id once, in order of its first row. */
  readonly ids: string[];
  /** The first row of each of `ids` (0-based, the header not counted). */
  readonly rows: number[];
  /**
   * Position of each id in `ids`; undefined when the ids came in increasing
   * order (JavaScript's string order), the usual layout of a sorted extract:
   * `ids` is then sorted, and costs no map.
   */
  readonly indexOf: Map<string, number> | undefined;
  /** Rows in the file. */
  readonly dataRows: number;
}

const NEWLINE = 10;
const QUOTE = 34;
/** Bytes read at a time. */
const BLOCK_BYTES = 4 * 2 ** 20;
/** Runs (rows whose id differs from the previous row's) the scanner reports a call. */
const MAX_RUNS = 65_536;

/** The line scanner's exports (assembly/lines.ts). */
interface LineScanner {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly stoppedAt: { readonly value: number };
  readonly stopReason: { readonly value: number };
  readonly rowsTaken: { readonly value: number };
  heapBase(): number;
  previousBytes(): number;
  scanLines(from: number, end: number, column: number, delimiter: number, maxLine: number, previous: number, runs: number, maxRuns: number): number;
}
/** `stopReason` values. */
const RUNS_FULL = 1;
const NOT_PLAIN = 2;

/** Where the build puts the scanner (`npm run build`: asc assembly/lines.ts). */
const WASM_CANDIDATES = [
  new URL('./lines.wasm', import.meta.url), // running from dist/ingest/duckdb
  new URL('../../../dist/ingest/duckdb/lines.wasm', import.meta.url), // running the sources (vitest)
];
let compiled: WasmModule | null | undefined;

/**
 * Start a byte scan of a CSV file for the order in which its ids first occur,
 * which DuckDB's parallel reader does not give cheaply (numbering its rows
 * costs more than the whole read). Only plain files are scanned: a line per
 * row, no quote character, one-byte delimiter, lines within `maxLineBytes`,
 * ids within 256 bytes. Rows are the lines after the header that are not
 * blank; a row's id is the text between the (column)th and the next
 * delimiter. The lines are taken by a WebAssembly kernel (assembly/lines.ts),
 * which reports only the rows whose id differs from the previous row's: each
 * of those costs a lookup here.
 *
 * Returns undefined at once when the first block of the file shows it is not
 * plain (a quote, e.g. files written by R's write.csv) or the kernel is not
 * built, else the scan, whose result is undefined when a later line shows the
 * file is not plain. Callers check that the ids and the row count agree with
 * their own read. Aborting `signal` ends the scan at the next block, with
 * result undefined (a read that no longer needs it).
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
  if (compiled === undefined) compiled = compileWasm(WASM_CANDIDATES);
  if (compiled === null) return undefined;
  const scanner = instantiateWasm(compiled, 'the CSV line scanner') as LineScanner;
  // memory: the previous id, the runs, then room for an unfinished line, a block and the line break added at the end
  const previous = scanner.heapBase();
  const runs = previous + scanner.previousBytes();
  const text = runs + 12 * MAX_RUNS;
  const textBytes = maxLineBytes + BLOCK_BYTES + 1;
  scanner.memory.grow(Math.ceil(Math.max(0, text + textBytes - scanner.memory.buffer.byteLength) / 65_536));
  const buffer = Buffer.from(scanner.memory.buffer, text, textBytes);

  const handle = await open(file, 'r');
  const { bytesRead } = await handle.read(buffer, 0, BLOCK_BYTES, null);
  if (buffer.subarray(0, bytesRead).indexOf(QUOTE) >= 0) {
    await handle.close();
    return undefined;
  }
  const lines = new LineIds(scanner, { text, previous, runs, column, delimiter: delimiter.charCodeAt(0), maxLineBytes });
  return async (signal) => {
    try {
      return await scan(handle, buffer, bytesRead, lines, { maxLineBytes, signal });
    } finally {
      await handle.close();
    }
  };
}

/** Read the file block by block and hand the complete lines of each to `lines`. */
async function scan(handle: FileHandle, buffer: Buffer, firstBytes: number, lines: LineIds, limits: { maxLineBytes: number; signal: AbortSignal }): Promise<FirstRows | undefined> {
  const { maxLineBytes, signal } = limits;
  let end = firstBytes;
  let from = 0; // bytes before this hold no quote (the unfinished line carried over)
  for (;;) {
    // Buffer's indexOf is a memchr
    if (buffer.subarray(from, end).indexOf(QUOTE) >= 0) return undefined;
    const unfinished = lines.take(end);
    if (unfinished < 0 || end - unfinished > maxLineBytes || signal.aborted) return undefined;
    buffer.copyWithin(0, unfinished, end);
    from = end - unfinished;
    const { bytesRead } = await handle.read(buffer, from, BLOCK_BYTES, null);
    if (bytesRead === 0) {
      // a last line without a line break
      if (from > 0) {
        buffer[from] = NEWLINE;
        if (lines.take(from + 1) < 0) return undefined;
      }
      return lines.result();
    }
    end = from + bytesRead;
  }
}

/** The ids of the rows the scanner takes, with the first row of each. */
class LineIds {
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];
  private indexOf: Map<string, number> | undefined;
  private row = 0;
  private readonly text: Buffer;
  private readonly runs: Int32Array;

  constructor(
    private readonly scanner: LineScanner,
    private readonly at: { text: number; previous: number; runs: number; column: number; delimiter: number; maxLineBytes: number },
  ) {
    this.text = Buffer.from(scanner.memory.buffer);
    this.runs = new Int32Array(scanner.memory.buffer, at.runs, 3 * MAX_RUNS);
  }

  /** Take the complete lines of text[0..end - 1]; returns where the unfinished line starts, or -1 when the file is not plain after all. */
  take(end: number): number {
    const { scanner, at, text, runs } = this;
    let from = at.text;
    for (;;) {
      const found = scanner.scanLines(from, at.text + end, at.column, at.delimiter, at.maxLineBytes, at.previous, at.runs, MAX_RUNS);
      if (scanner.stopReason.value === NOT_PLAIN) return -1;
      for (let r = 0; r < found; r++) this.note(text.toString('utf8', runs[3 * r + 1], runs[3 * r + 2]), this.row + runs[3 * r]);
      this.row += scanner.rowsTaken.value;
      from = scanner.stoppedAt.value;
      if (scanner.stopReason.value !== RUNS_FULL) return from - at.text;
    }
  }

  /** A row whose id differs from the previous row's: a new id, or one seen before (a file not grouped by person). */
  private note(id: string, row: number): void {
    const { ids } = this;
    if (!this.indexOf) {
      // while the ids increase, none can have been seen (a map of 200,000 ids costs a quarter of a second)
      if (ids.length === 0 || id > ids[ids.length - 1]) {
        ids.push(id);
        this.rows.push(row);
        return;
      }
      this.indexOf = new Map(ids.map((seen, k) => [seen, k]));
    }
    if (this.indexOf.has(id)) return;
    this.indexOf.set(id, ids.length);
    ids.push(id);
    this.rows.push(row);
  }

  result(): FirstRows {
    return { ids: this.ids, rows: this.rows, indexOf: this.indexOf, dataRows: this.row };
  }
}
