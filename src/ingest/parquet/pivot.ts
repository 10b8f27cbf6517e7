import { LoopbaanError } from '../../errors.js';
import { VOID } from '../../sequences/types.js';
import type { CollectedPanel } from '../assemble.js';
import { emptyBefore, pivotable } from '../duckdb/pivot.js';
import { CellGrid } from '../grid.js';
import { parseMonth } from '../month.js';
import { collectedMonths } from '../month-rows.js';
import { DEFAULT_MAX_MONTHS, type PanelOptions } from '../options.js';
import type { PersonTable } from '../persons.js';
import { ProblemLog } from '../problems.js';
import { StateCoder, UNKNOWN_STATE } from '../states.js';
import { NotDecodable, ParquetFile, type ChunkValue, type PlainColumn } from './file.js';

/** Ends a read of a file that has something the row-by-row read must report (or that is not plain). */
class NotClean extends Error {}

/** What the Parquet pivot needs besides the file: the reader options, the id column and the person file, if any. */
export interface ParquetPivotInput {
  readonly file: string;
  readonly options: PanelOptions;
  readonly idColumn: string;
  readonly persons: PersonTable | undefined;
  readonly problems: ProblemLog;
}

/**
 * A long Parquet file read straight into the month grid from its dictionary
 * codes, without DuckDB: each row group's dictionaries of ids, months and
 * states are decoded once, and each row is placed by three integer lookups
 *
 *   cell(row) = gridRow[idIndex(row)] * span + monthOffset[monthIndex(row)]  <-  stateCode[stateIndex(row)]
 *
 * DuckDB's grouping of the rows by person costs almost twice its scan of the
 * file; this read, about one and a half scans. Taken, as DuckDB's pivot
 * (`pivotMonths`), only for a file without person-month attributes or
 * priority order whose rows are all clean: ids present and without spaces
 * around them (and in the person file), months `YYYY-MM` (or dates) within
 * `maxMonths`, states in the alphabet, no person-month twice, no month before
 * a person's start. It reads flat files whose three columns are text, whole
 * numbers or (months) dates, dictionary-encoded or plain, uncompressed or
 * Snappy (`ParquetFile`). Otherwise it
 * returns undefined and DuckDB reads the file, with its checks and messages.
 * Persons come in the order of their first row, as the CSV reader adds them.
 *
 * @returns the collected panel, or undefined when DuckDB must read the file
 * @example
 * const panel = pivotParquet({ file: 'months.parquet', options: { attributes: [] }, idColumn: 'person_id', persons: undefined, problems });
 */
export function pivotParquet(input: ParquetPivotInput): CollectedPanel | undefined {
  const { file, options } = input;
  if (options.table !== undefined || options.attributes?.length) return undefined;
  let pq: ParquetFile;
  try {
    pq = ParquetFile.open(file);
  } catch (err) {
    if (err instanceof NotDecodable) return undefined;
    throw err;
  }
  try {
    return pivotFile(pq, input);
  } catch (err) {
    // a file DuckDB must read (or read to report on); refusals (memory) stand
    if (err instanceof LoopbaanError) throw err;
    return undefined;
  } finally {
    pq.close();
  }
}

function pivotFile(pq: ParquetFile, { file, options, idColumn, persons, problems }: ParquetPivotInput): CollectedPanel | undefined {
  const names = options.columns ?? {};
  const idCol = pq.column(idColumn);
  const monthCol = pq.column(names.month ?? 'month');
  const stateCol = pq.column(names.state ?? 'state');
  if (!idCol || !monthCol || !stateCol || monthCol.kind === 'integer' || idCol.kind === 'date' || stateCol.kind === 'date') return undefined;
  // without a list of attributes every other column is one, and attributes are read by DuckDB
  const others = pq.columnCount - new Set([idCol.index, monthCol.index, stateCol.index]).size;
  if (!pivotable('long', options, options.attributes ? 0 : others)) return undefined;
  const groups = pq.rowGroups;
  const rows = groups.reduce((sum, g) => sum + g.rows, 0);
  if (rows === 0) return undefined;

  // the calendar: every month in the dictionaries (a month beyond it, from a page without the dictionary, is read by DuckDB)
  let lo = Infinity;
  let hi = -Infinity;
  for (let g = 0; g < groups.length; g++) {
    for (const m of monthIndexes(pq.dictionary(g, monthCol), monthCol)) if (m >= 0) (lo = Math.min(lo, m)), (hi = Math.max(hi, m));
  }
  const span = hi - lo + 1;
  if (!(span >= 1 && span <= (options.maxMonths ?? DEFAULT_MAX_MONTHS))) return undefined;

  // grid rows: the person file's, or one a distinct id (at most the sum of the id dictionaries, and the rows)
  let capacity = persons?.ids.length ?? 0;
  if (!persons) for (let g = 0; g < groups.length; g++) capacity += pq.dictionarySize(g, idCol);
  capacity = Math.min(capacity, rows);
  const grid = new CellGrid({ columns: span, base: lo, rows: capacity, budgetBytes: options.memoryBudgetBytes });
  const people = new FirstRows(grid, persons, capacity);
  const coder = new StateCoder(options.states);
  const resolve = new GroupTexts(people, coder);
  let rowBase = 0;
  for (let g = 0; g < groups.length; g++) {
    const ids = pq.readColumn(g, idCol);
    const idTexts = ids.dictionary as readonly string[];
    const gridRowOf = new Int32Array(idTexts.length).fill(-1);
    const month = pq.readColumn(g, monthCol);
    const offsetOf = monthIndexes(month.dictionary, monthCol).map((m) => (m < lo || m > hi ? -1 : m - lo));
    const state = pq.readColumn(g, stateCol);
    const stateTexts = state.dictionary as readonly string[];
    // -2: not coded yet (coding a state adds it to an open alphabet, so only states some row has are coded); last: NULL
    const codeOf = new Int32Array(stateTexts.length + 1).fill(-2);
    resolve.start(idTexts, stateTexts, rowBase);
    placeRows({ idIndex: ids.indices, gridRowOf, monthIndex: month.indices, offsetOf, stateIndex: state.indices, codeOf }, resolve, grid.codes, span);
    rowBase += groups[g].rows;
    options.progress?.(`reading ${file}`, rowBase, rows);
  }
  if (persons?.starts) {
    for (let row = 0; row < persons.ids.length; row++) {
      if (people.hasMonths![row] && !emptyBefore(grid.codes, row * span, Math.min(persons.starts[row] - lo, span))) throw new NotClean();
    }
  }
  const [first, last] = monthsUsed(grid.codes, people.count, span);
  grid.cover(lo + first, lo + last);
  grid.fit();

  const probe = new ProblemLog('strict');
  const counts = probe.file(file, 'months', 'row');
  counts.rowsRead = counts.rowsKept = rows;
  problems.adopt(counts);
  return collectedMonths({ kind: 'long', file, grid, coder, people: people.done(), counts, idColumn });
}

/**
 * Place a row group's rows: row r's state code `codeOf[stateIndex[r]]` (index
 * -1, NULL: the last entry, the code of an empty state) goes to cell
 * `gridRowOf[idIndex[r]] * span + offsetOf[monthIndex[r]]`, a person's run of
 * rows at a time. Grid rows and state codes not known yet (-1, -2) come from
 * `resolve`, at a person's first row and a state's first use. Throws
 * NotClean for a row without id or month, a state outside the alphabet, or
 * a cell given twice.
 */
function placeRows(
  group: { idIndex: Int32Array; gridRowOf: Int32Array; monthIndex: Int32Array; offsetOf: Int32Array; stateIndex: Int32Array; codeOf: Int32Array },
  resolve: GroupTexts,
  codes: Uint8Array,
  span: number,
): void {
  const { idIndex, gridRowOf } = group;
  const n = idIndex.length;
  for (let r = 0; r < n; ) {
    const i = idIndex[r];
    if (i < 0) throw new NotClean();
    let row = gridRowOf[i];
    if (row < 0) row = gridRowOf[i] = resolve.person(i, r);
    let end = r + 1;
    while (end < n && idIndex[end] === i) end++;
    placeRun(group, resolve, codes, row * span, r, end);
    r = end;
  }
}

/** Place rows `from..end-1`, one person's, in the grid row starting at cell `at` (see `placeRows`). */
function placeRun(group: { monthIndex: Int32Array; offsetOf: Int32Array; stateIndex: Int32Array; codeOf: Int32Array }, resolve: GroupTexts, codes: Uint8Array, at: number, from: number, end: number): void {
  const { monthIndex, offsetOf, stateIndex, codeOf } = group;
  const nullState = codeOf.length - 1;
  for (let r = from; r < end; r++) {
    const m = monthIndex[r];
    const o = m < 0 ? -1 : offsetOf[m];
    if (o < 0) throw new NotClean();
    const s = stateIndex[r] < 0 ? nullState : stateIndex[r];
    let code = codeOf[s];
    if (code === -2) code = codeOf[s] = resolve.state(s);
    if (codes[at + o] !== VOID) throw new NotClean();
    codes[at + o] = code;
  }
}

/**
 * The persons and states of the row group being placed, from their
 * dictionary indices (one object for all groups: \`placeRows\` then calls the
 * same methods throughout).
 */
class GroupTexts {
  private ids: readonly string[] = [];
  private states: readonly string[] = [];
  private rowBase = 0;

  constructor(
    private readonly people: FirstRows,
    private readonly coder: StateCoder,
  ) {}

  /** Start a row group: its dictionaries, and the file row of its first row. */
  start(ids: readonly string[], states: readonly string[], rowBase: number): void {
    this.ids = ids;
    this.states = states;
    this.rowBase = rowBase;
  }

  /** The grid row of id `index`, first met at the group's row `row`. */
  person(index: number, row: number): number {
    return this.people.row(this.ids[index], this.rowBase + row);
  }

  /** The code of state `index` (one past the dictionary: NULL, an empty state); NotClean for a state outside the alphabet. */
  state(index: number): number {
    const code = this.coder.code(index < this.states.length ? this.states[index] : '');
    if (code === UNKNOWN_STATE) throw new NotClean();
    return code;
  }
}

/** The first and last month offset with a cell in the first `rows` rows of the grid (usually 0 and span - 1: a look at two columns). */
function monthsUsed(codes: Uint8Array, rows: number, span: number): [number, number] {
  const used = (o: number): boolean => {
    for (let row = 0; row < rows; row++) if (codes[row * span + o] !== VOID) return true;
    return false;
  };
  let first = 0;
  while (first < span - 1 && !used(first)) first++;
  let last = span - 1;
  while (last > first && !used(last)) last--;
  return [first, last];
}

/** Whether a text starts and ends with a printable ASCII character (then it has no spaces around it to trim). */
function plainEnds(text: string): boolean {
  const a = text.charCodeAt(0);
  const z = text.charCodeAt(text.length - 1);
  return a > 32 && a < 127 && z > 32 && z < 127;
}

/** The month index of each value of a month dictionary (-1: not a `YYYY-MM` month or a date from year 0 on). */
function monthIndexes(dictionary: readonly ChunkValue[], column: PlainColumn): Int32Array {
  if (column.kind === 'date') {
    return Int32Array.from(dictionary as readonly number[], (days) => {
      const date = new Date(days * 86_400_000);
      const m = date.getUTCFullYear() * 12 + date.getUTCMonth();
      return Number.isFinite(m) && m >= 0 ? m : -1;
    });
  }
  // exactly YYYY-MM, as DuckDB's plan takes a month (no spaces around it)
  return Int32Array.from(dictionary as readonly string[], parseMonth);
}

/** The grid row of each id: the person file's, or a new row for an id not seen before, in order of first rows. */
class FirstRows {
  /** Grid row of each id, made once ids come out of order. */
  private rowOf: Map<string, number> | undefined;
  private readonly ids: string[] = [];
  private readonly firstLines: Float64Array;
  readonly hasMonths: Uint8Array | undefined;

  constructor(
    private readonly grid: CellGrid,
    private readonly persons: PersonTable | undefined,
    capacity: number,
  ) {
    this.firstLines = new Float64Array(persons ? 0 : capacity);
    this.hasMonths = persons ? new Uint8Array(persons.ids.length) : undefined;
    // with a person file its persons are the grid's rows, in its order
    if (persons) grid.addRows(persons.ids.length);
  }

  /** Rows of the grid in use. */
  get count(): number {
    return this.persons ? this.persons.ids.length : this.ids.length;
  }

  /** The grid row of `id`, first met at 0-based file row `fileRow`. */
  row(id: string, fileRow: number): number {
    // no id, an id with spaces around it (which the CSV reader trims: ids written two ways could meet)
    if (id === '' || (!plainEnds(id) && id.trim() !== id)) throw new NotClean();
    if (this.persons) {
      const row = this.persons.rowOf.get(id);
      if (row === undefined) throw new NotClean();
      this.hasMonths![row] = 1;
      return row;
    }
    // Ids in increasing order (a file sorted by person) need no lookup: an id above the last is new, the
    // last is the person of the last row; any other id makes the lookup of every id so far.
    const last = this.ids.length - 1;
    if (!this.rowOf && last >= 0 && id === this.ids[last]) return last;
    if (!this.rowOf && last >= 0 && !(id > this.ids[last])) this.rowOf = new Map(this.ids.map((known, row) => [known, row]));
    const known = this.rowOf?.get(id);
    if (known !== undefined) return known;
    const row = this.grid.addRows(1);
    if (row >= this.firstLines.length) throw new NotClean(); // more ids than the dictionaries hold: not a plain file
    this.rowOf?.set(id, row);
    this.ids.push(id);
    this.firstLines[row] = fileRow + 1;
    return row;
  }

  /** The persons for `collectedMonths`. */
  done(): { persons: PersonTable | undefined; ids: string[]; firstLines: ArrayLike<number>; hasMonths: Uint8Array | undefined } {
    if (this.persons) return { persons: this.persons, ids: [...this.persons.ids], firstLines: [], hasMonths: this.hasMonths };
    return { persons: undefined, ids: this.ids, firstLines: this.firstLines.subarray(0, this.ids.length), hasMonths: undefined };
  }
}
