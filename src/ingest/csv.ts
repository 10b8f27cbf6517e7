import { createReadStream } from 'node:fs';
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

/**
 * Open a CSV file for streaming: a BOM is removed, the delimiter (`,`, `;` or
 * tab) is detected from the header line, quoted fields may hold delimiters,
 * quotes (`""`) and line breaks, and empty lines are skipped. Rows may have any
 * number of fields (callers check for ragged rows so they can report them).
 *
 * Records come in batches with the line each ends on, read from the parser's
 * line counter as each record is emitted (csv-parse's per-record `info` option
 * copies an object per record and halves the speed).
 *
 * @param file path of the CSV file
 * @param options.delimiter force a delimiter instead of detecting it
 * @throws InputError when the file is empty or not valid CSV (e.g. an unclosed quote)
 * @example
 * const csv = await openCsv('months.csv');
 * const state = csv.requireColumn('state', 'the monthly state');
 * for await (const { records, lines } of csv.batches) {
 *   for (let k = 0; k < records.length; k++) console.log(lines[k], records[k][state]);
 * }
 */
export async function openCsv(file: string, options: { delimiter?: string } = {}): Promise<CsvSource> {
  const chunks = createReadStream(file, { highWaterMark: CHUNK_BYTES })[Symbol.asyncIterator]();
  let first: Buffer | undefined;
  try {
    const step = await chunks.next();
    first = step.done ? undefined : (step.value as Buffer);
  } catch (err) {
    throw new InputError(file, undefined, undefined, `cannot read the file (${(err as Error).message})`);
  }
  if (!first || first.length === 0) throw new InputError(file, 1, undefined, 'the file is empty; expected a header line');
  const delimiter = options.delimiter ?? detectDelimiter(headerText(first));

  const parser: Parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  let records: string[][] = [];
  let lines: number[] = [];
  let failure: CsvError | undefined;
  // A flowing Transform (whose constructor clears the readable 'sync' guard) emits each
  // record synchronously inside parser.write(), so info.lines is this record's line;
  // feed() checks that nothing was buffered instead.
  parser.on('data', (record: string[]) => {
    records.push(record);
    lines.push(parser.info.lines);
  });
  parser.on('error', (err: CsvError) => {
    failure = err;
  });
  const feed = (chunk: Buffer): void => {
    parser.write(chunk);
    if (failure) throw csvInputError(file, failure);
    if (parser.readableLength !== 0) throw new Error('CSV parser buffered records; line numbers would be wrong.');
  };
  const take = (): CsvBatch => {
    const batch = { records, lines };
    records = [];
    lines = [];
    return batch;
  };

  let ended = false;
  const finish = async (): Promise<void> => {
    ended = true;
    const done = new Promise<void>((resolve) => {
      parser.once('end', resolve);
      parser.once('error', () => resolve());
    });
    parser.end();
    await done;
    if (failure) throw csvInputError(file, failure);
  };
  const close = async (): Promise<void> => {
    parser.destroy();
    await chunks.return?.();
  };
  try {
    feed(first);
    while (records.length === 0 && !ended) {
      const step = await chunks.next();
      if (step.done) await finish();
      else feed(step.value as Buffer);
    }
    if (records.length === 0) throw new InputError(file, 1, undefined, 'the file is empty; expected a header line');
  } catch (err) {
    await close();
    throw err;
  }
  const header = records.shift()!.map((h) => h.trim());
  lines.shift();

  async function* batches(): AsyncGenerator<CsvBatch> {
    try {
      if (records.length > 0) yield take();
      while (!ended) {
        const step = await chunks.next();
        if (step.done) await finish();
        else feed(step.value as Buffer);
        if (records.length > 0) yield take();
      }
    } finally {
      await close();
    }
  }

  const columnIndex = (name: string): number => header.indexOf(name);
  return {
    file,
    delimiter,
    header,
    batches: batches(),
    close,
    bytesRead: () => parser.info.bytes,
    columnIndex,
    requireColumn(name: string, purpose: string): number {
      const k = columnIndex(name);
      if (k < 0) {
        throw new InputError(file, 1, name, `missing required column "${name}" (${purpose}); the header has ${expectedList(header)}`);
      }
      return k;
    },
  };
}

/** The first line of a chunk as text, without a BOM. */
function headerText(chunk: Buffer): string {
  const end = chunk.indexOf(10);
  const text = chunk.subarray(0, end < 0 ? chunk.length : end).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function csvInputError(file: string, err: CsvError): InputError {
  const line = (err as unknown as { lines?: number }).lines;
  return new InputError(file, line, undefined, `not valid CSV: ${err.message}`);
}
