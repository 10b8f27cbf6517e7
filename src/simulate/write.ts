import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError, ResourceError } from '../errors.js';
import { DuckDb, sqlString } from '../ingest/duckdb/engine.js';
import { forgetTemporary, openAtomicStream, temporaryName, trackTemporary, type AtomicStream } from '../output/atomic.js';
import { outputError } from '../output/paths.js';
import type { ProgressReporter } from '../progress.js';
import { formatMonth } from '../ingest/month.js';
import { createJobcoachGenerator, type GeneratedPerson, type JobcoachOptions } from './generator.js';
import { BENEFITS, DISABILITIES, JOBCOACH_STATES, REGIMES, SEXES } from './jobcoach-params.js';
import { employerId, personId, personIdWidth } from './jobcoach.js';

/** Options of `writeJobcoachPanel`. */
export interface WriteJobcoachOptions extends JobcoachOptions {
  /** `csv` (default): persons.csv and months.csv; `parquet`: persons.parquet and months.parquet (typed columns, the same values). */
  format?: 'csv' | 'parquet';
  progress?: ProgressReporter;
}

/** What `writeJobcoachPanel` wrote. */
export interface WrittenPanel {
  /** Paths of the person and month files. */
  persons: string;
  months: string;
  /** Persons and person-month rows written (headers excluded). */
  personRows: number;
  monthRows: number;
}

/** Header of persons.csv. */
export const PERSON_COLUMNS = ['person_id', 'benefit', 'sex', 'birth_year', 'disability', 'incapacity_pct', 'regime', 'start_month', 'weight', 'true_group'] as const;
/** Header of months.csv (long format, one row per person-month). */
export const MONTH_COLUMNS = ['person_id', 'month', 'state', 'employer_id', 'hours_week', 'hourly_wage', 'permanent'] as const;

// Parquet column types (text stays text, so both formats read to the same sequences and covariates).
const PERSON_TYPES = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'INTEGER', 'VARCHAR', 'INTEGER', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'INTEGER'];
const MONTH_TYPES = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'TINYINT'];

const CHUNK = 1 << 20; // bytes (characters) buffered before a write
const ROW_BYTES = 128 * 100; // room past CHUNK for one person's months.csv rows
// Bytes of both files per person, with a margin: 1,845 measured at n = 1,000 and 25,000 (seed 1).
const BYTES_PER_PERSON = 2000;

/**
 * Write the synthetic jobcoach panel as `dir/persons.csv` and `dir/months.csv`
 * (the long person-month format the ingest reads), streaming: memory stays
 * flat for any `n` (a million persons are about 55 million month rows, 2.5 GB).
 *
 * Months run from each person's `start_month` to the end month (2019-12) in
 * calendar time. Cells without a value are empty: employer_id, hours_week,
 * hourly_wage and permanent in months without work; hours_week, hourly_wage
 * and permanent in trial placements (no wage, no contract). hourly_wage has
 * two decimals (real euros). The same options give the same panel as
 * `simulateJobcoach`.
 *
 * Safe for what the folder holds: the files are written under temporary
 * names and renamed when both are complete (an interrupted run leaves the
 * earlier files); an existing persons.csv or months.csv is replaced only when
 * it is a panel this function wrote (its header), never a user's own data;
 * and a panel larger than the free disk space is refused before writing.
 *
 * With `format: 'parquet'` the files are `persons.parquet` and
 * `months.parquet`: the CSV text is written first (under temporary names in
 * the folder, removed after) and DuckDB converts it with typed columns
 * (numbers as INTEGER, DOUBLE, TINYINT; ids, months and categories as text),
 * so both formats read to the same panel.
 *
 * @param dir output directory (created when missing)
 * @param options `n` (default 25,000), `seed` (default 1), `months` (follow-up), `format` (`csv` or `parquet`), `parameters`, `progress`
 * @returns the paths and row counts
 * @throws OutputError when a file of the folder is not a simulated panel or cannot be written; ResourceError when the disk is too small
 * @example
 * await writeJobcoachPanel('out/jobcoach', { n: 25_000, seed: 1 });
 * // out/jobcoach/persons.csv: person_id,benefit,sex,...
 * // out/jobcoach/months.csv:  P00001,2015-03,trial,E01234,,,
 */
export async function writeJobcoachPanel(dir: string, options: WriteJobcoachOptions = {}): Promise<WrittenPanel> {
  const gen = createJobcoachGenerator(options);
  const ext = options.format === 'parquet' ? 'parquet' : 'csv';
  const paths = { persons: join(dir, `persons.${ext}`), months: join(dir, `months.${ext}`) };
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw outputError(dir, err);
  }
  await checkReplaceablePanel(paths);
  await checkDiskSpace(dir, gen.n);
  if (ext === 'parquet') return writeParquetPanel(gen, paths, options.progress);
  const files: AtomicStream[] = [];
  try {
    files.push(await openAtomicStream(paths.persons), await openAtomicStream(paths.months));
    const monthRows = await writeRows(gen, files[0].stream, files[1].stream, options.progress);
    // both files complete on disk before either replaces an earlier one
    await Promise.all(files.map((f) => finished(f.stream.end())));
    for (const f of files) await f.commit();
    return { ...paths, personRows: gen.n, monthRows };
  } catch (err) {
    for (const f of files) await f.abort();
    throw (err as NodeJS.ErrnoException).code !== undefined ? outputError(dir, err) : err;
  }
}

/** The panel as CSV text under temporary names, converted to Parquet (temporary names again), both renamed into place when complete. */
async function writeParquetPanel(gen: ReturnType<typeof createJobcoachGenerator>, paths: { persons: string; months: string }, progress: ProgressReporter | undefined): Promise<WrittenPanel> {
  const temporary = [paths.persons, paths.months, paths.persons, paths.months].map(temporaryName);
  const [personsText, monthsText, personsParquet, monthsParquet] = temporary;
  temporary.forEach(trackTemporary);
  try {
    const streams = [createWriteStream(personsText), createWriteStream(monthsText)];
    const monthRows = await writeRows(gen, streams[0], streams[1], progress);
    await Promise.all(streams.map((s) => finished(s.end())));
    progress?.('writing Parquet', 0, 2);
    await csvToParquet(personsText, PERSON_COLUMNS, PERSON_TYPES, personsParquet);
    progress?.('writing Parquet', 1, 2);
    await csvToParquet(monthsText, MONTH_COLUMNS, MONTH_TYPES, monthsParquet);
    progress?.('writing Parquet', 2, 2);
    await rename(personsParquet, paths.persons);
    await rename(monthsParquet, paths.months);
    return { ...paths, personRows: gen.n, monthRows };
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code !== undefined ? outputError(paths.months, err) : err;
  } finally {
    await Promise.all(temporary.map((p) => rm(p, { force: true })));
    temporary.forEach(forgetTemporary);
  }
}

/** Convert a CSV file with the given header and column types to Parquet. */
async function csvToParquet(csv: string, names: readonly string[], types: readonly string[], parquet: string): Promise<void> {
  const db = await DuckDb.open();
  try {
    const columns = names.map((name, k) => `${sqlString(name)}: ${sqlString(types[k])}`).join(', ');
    const read = `read_csv(${sqlString(csv)}, header = true, auto_detect = false, delim = ',', quote = '"', columns = {${columns}})`;
    await db.run(`COPY (SELECT * FROM ${read}) TO ${sqlString(parquet)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
}

/**
 * Refuse to replace a person or month file that is not a panel
 * `writeJobcoachPanel` wrote (its header, or a Parquet file's columns, say
 * so): a folder of real data is never written over.
 *
 * @param paths the files about to be written
 * @throws OutputError naming the file
 * @example
 * await checkReplaceablePanel({ persons: 'data/persons.csv', months: 'data/months.csv' });
 */
export async function checkReplaceablePanel(paths: { readonly persons: string; readonly months: string }): Promise<void> {
  const expected = { persons: PERSON_COLUMNS.join(','), months: MONTH_COLUMNS.join(',') };
  for (const key of ['persons', 'months'] as const) {
    const path = paths[key];
    const existing = await stat(path).catch(() => undefined);
    if (!existing) continue;
    if (!existing.isFile()) throw new OutputError(path, 'is in the way (not a file); choose another folder');
    if ((await columnsOf(path)) !== expected[key]) {
      throw new OutputError(path, `exists and is not a synthetic panel (its ${path.endsWith('.parquet') ? 'columns are' : 'header is'} not ${expected[key]}); loopbaan never writes over other files: move it or choose another folder`);
    }
  }
}

/** The columns of a file, comma-separated: a Parquet file's as DuckDB reads them, else the first line (from its first 4 kB). */
async function columnsOf(path: string): Promise<string> {
  if (path.endsWith('.parquet')) {
    const db = await DuckDb.open();
    try {
      return (await db.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`)).map((r) => String(r.column_name)).join(',');
    } catch {
      return '';
    } finally {
      db.close();
    }
  }
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/, 1)[0];
  } finally {
    await handle.close();
  }
}

/** A ResourceError when the panel of `n` persons would not fit in the free space of the disk holding `dir`. */
async function checkDiskSpace(dir: string, n: number): Promise<void> {
  const needed = n * BYTES_PER_PERSON;
  const fs = await statfs(dir).catch(() => undefined);
  if (!fs) return;
  const free = fs.bavail * fs.bsize;
  if (needed > free) {
    const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
    throw new ResourceError(`the synthetic panel of ${n} persons needs about ${gb(needed)} on disk, but ${dir} has ${gb(free)} free: choose fewer persons (n) or a folder on a larger disk`);
  }
}

/** Generate every person and stream the rows of both files; returns the number of month rows. */
async function writeRows(gen: ReturnType<typeof createJobcoachGenerator>, personsOut: WriteStream, monthsOut: WriteStream, progress: ProgressReporter | undefined): Promise<number> {
  const failed = new Promise<never>((_, reject) => {
    personsOut.on('error', reject);
    monthsOut.on('error', reject);
  });
  failed.catch(() => {}); // observed below through Promise.race

  const width = personIdWidth(gen.n);
  const employer = ascii(employerId(gen.employers, gen.employers)); // 'E' and the digits, rewritten per job
  const monthLabels = Array.from({ length: gen.maxLength }, (_, j) => ascii(formatMonth(gen.firstStart + j) + ','));
  const stateLabels = JOBCOACH_STATES.map((state) => ascii(state + ','));
  let personText = PERSON_COLUMNS.join(',') + '\n';
  // months.csv is written as bytes: 55 million rows do not go through strings
  let out = new Uint8Array(CHUNK + ROW_BYTES);
  let at = put(out, 0, ascii(MONTH_COLUMNS.join(',') + '\n'));
  const id = new Uint8Array(width + 2);
  let monthRows = 0;

  for (let i = 0; i < gen.n; i++) {
    const p = gen.next();
    personText += `${personId(i, width)},${BENEFITS[p.benefit]},${SEXES[p.sex]},${p.birthYear},${DISABILITIES[p.disability]},${p.incapacity},${REGIMES[p.regime]},${formatMonth(p.start)},${p.weight},${p.group}\n`;
    id[0] = 80; // P
    digits(id, 1, i + 1, width);
    id[width + 1] = 44;
    at = monthRowsOf(p, id, monthLabels, p.start - gen.firstStart, stateLabels, employer, out, at);
    if (at >= CHUNK) {
      await Promise.race([write(monthsOut, out.subarray(0, at)), failed]);
      out = new Uint8Array(CHUNK + ROW_BYTES);
      at = 0;
    }
    monthRows += p.length;
    if (personText.length >= CHUNK) {
      await Promise.race([write(personsOut, personText), failed]);
      personText = '';
    }
    if (progress && (i % 10_000 === 9_999 || i === gen.n - 1)) progress('simulate', i + 1, gen.n);
  }
  await Promise.race([write(monthsOut, out.subarray(0, at)), failed]);
  await Promise.race([write(personsOut, personText), failed]);
  return monthRows;
}

/** ASCII bytes of a text. */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

// Bytes of the small integers rows are made of: hours, euros and cents.
const SMALL = Array.from({ length: 1000 }, (_, v) => ascii(String(v)));
const CENTS = Array.from({ length: 100 }, (_, v) => ascii(String(v).padStart(2, '0')));

/**
 * Write one person's months.csv rows into `out` at `at`; returns the position after them.
 * Row: id,month,state,employer,hours,wage,permanent; the last four empty without a
 * paid job (the employer kept in trial placements).
 */
function monthRowsOf(
  p: GeneratedPerson, id: Uint8Array, monthLabels: Uint8Array[], offset: number, stateLabels: Uint8Array[], employer: Uint8Array,
  out: Uint8Array, at: number,
): number {
  let current = -1;
  for (let j = 0; j < p.length; j++) {
    at = put(out, at, id);
    at = put(out, at, monthLabels[offset + j]);
    at = put(out, at, stateLabels[p.state[j]]);
    const e = p.employer[j];
    if (e > 0) {
      if (e !== current) {
        digits(employer, 1, e, employer.length - 1);
        current = e;
      }
      at = put(out, at, employer);
    }
    if (p.permanent[j] < 0) {
      out[at++] = 44;
      out[at++] = 44;
      out[at++] = 44;
    } else {
      out[at++] = 44;
      at = putNumber(out, at, p.hours[j]);
      out[at++] = 44;
      const cents = p.wageCents[j];
      const c = cents % 100;
      at = putNumber(out, at, (cents - c) / 100);
      out[at++] = 46; // .
      at = put(out, at, CENTS[c]);
      out[at++] = 44;
      out[at++] = 48 + p.permanent[j];
    }
    out[at++] = 10;
  }
  return at;
}

/** Write a non-negative integer, from the table when small. */
function putNumber(out: Uint8Array, at: number, value: number): number {
  return value < SMALL.length ? put(out, at, SMALL[value]) : digits(out, at, value, 0);
}

/** Copy a few bytes (a byte loop beats Buffer.copy for rows of short fields). */
function put(out: Uint8Array, at: number, bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) out[at + k] = bytes[k];
  return at + bytes.length;
}

/**
 * Write the decimal digits of a non-negative integer into `out` at `at`,
 * left-padded with zeros to `width`; returns the position after the digits.
 */
function digits(out: Uint8Array, at: number, value: number, width: number): number {
  let count = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) count++;
  if (count < width) count = width;
  let v = value;
  for (let k = at + count - 1; k >= at; k--) {
    const d = v % 10;
    out[k] = 48 + d;
    v = (v - d) / 10;
  }
  return at + count;
}

async function write(out: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (chunk.length > 0 && !out.write(chunk)) await once(out, 'drain');
}
