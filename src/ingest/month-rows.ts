import * as aq from 'arquero';
import { InputError, OptionsError } from '../errors.js';
import { MISSING, VOID } from '../sequences/types.js';
import { pickRows, type CollectedPanel } from './assemble.js';
import type { CellGrid } from './grid.js';
import { formatMonth } from './month.js';
import { personCovariates, type PersonTable } from './persons.js';
import { expectedList, type FileCounts, type ProblemLog, type ProblemReason } from './problems.js';
import { UNKNOWN_STATE, type StateCoder } from './states.js';

/**
 * The row being placed: its state code, and its texts, read only when a
 * problem needs them for its message.
 */
export interface MonthRowFields {
  /** State code from the coder (MISSING, or UNKNOWN_STATE); asked only once the months passed, so an open alphabet takes states of kept rows only. */
  code(): number;
  id(): string;
  month(): string;
  end(): string;
  state(): string;
}

/** Where the month rows of a long or spell file go, and the names used in messages. */
export interface MonthRowTarget {
  readonly kind: 'long' | 'spell';
  readonly grid: CellGrid;
  readonly coder: StateCoder;
  readonly problems: ProblemLog;
  readonly counts: FileCounts;
  readonly columns: { readonly month: string; readonly end: string; readonly state: string };
  /** Start month of each grid row (process time on a start column). */
  readonly starts: Int32Array | undefined;
  /** Spell files: the states from highest to lowest priority. */
  readonly priority: readonly string[] | undefined;
  /** Longest time axis in months: a longer span of kept months is refused, naming its two ends. */
  readonly maxMonths: number;
  /** Set to 1 for each grid row that receives a month (with a person file). */
  readonly hasMonths: Uint8Array | undefined;
  /** Add the row's person to the grid (a person seen for the first time); returns its grid row. */
  addPerson(line: number): number;
  /** Write the row's person-month attributes into grid cell `cell` (row `person`, month `month`). */
  writeAttributes(cell: number, person: number, month: number): void;
}

/**
 * Places the parsed rows of a long or spell file into the cell grid, with
 * the checks every reader applies once the fields are parsed, in this order:
 * bad month, bad spell (end before start), unknown state, month before the
 * person's start, duplicate person-month or overlapping spell (unless a
 * `priority` order resolves it: the higher state keeps the shared months).
 * The CSV reader and the DuckDB reader share it, so both reject the same rows
 * with the same messages.
 *
 * @example
 * const placer = new MonthRowPlacer(target);
 * const row = placer.place(line, person, parseMonth(monthText), end, fields);
 * // row: the person's grid row, or -1 when the row was rejected (counted in target.counts)
 */
export class MonthRowPlacer {
  private readonly rankOf: ((code: number) => number) | undefined;
  private readonly span: MonthSpan;

  constructor(private readonly target: MonthRowTarget) {
    this.rankOf = priorityRanks(target.priority, target.coder);
    this.span = new MonthSpan(target.counts, target.columns.month, target.maxMonths);
  }

  /**
   * Check and place one row.
   *
   * @param line line (or row) of the record, for messages
   * @param person the person's grid row, or -1 when the person has no row yet (added when the row is kept)
   * @param month first month (month index, -1 when it is not a month)
   * @param end last month (spell files; the same as `month` for long files; -1 when not a month)
   * @param text the row's state code and texts
   * @returns the person's grid row, or -1 when the row was rejected
   */
  place(line: number, person: number, month: number, end: number, text: MonthRowFields): number {
    const { kind, grid, coder, counts, columns, starts } = this.target;
    if (month < 0) return this.reject(line, columns.month, 'bad month', badMonthMessage(text.month()));
    if (kind === 'spell') {
      if (end < 0) return this.reject(line, columns.end, 'bad month', badMonthMessage(text.end()));
      if (end < month) {
        return this.reject(line, columns.end, 'bad spell', `spell ends (${text.end()}) before it starts (${text.month()}); expected end >= start`);
      }
    }
    const code = text.code();
    if (code === UNKNOWN_STATE) return this.reject(line, columns.state, 'unknown state', coder.unknownMessage(text.state()));
    if (starts && person >= 0 && month < starts[person]) {
      return this.reject(line, columns.month, 'month before start', `month ${formatMonth(month)} is before the start month ${formatMonth(starts[person])} of person "${text.id()}"; expected months from the start on`);
    }
    if (person >= 0) {
      const clash = firstClash(grid, person, month, end, code, this.rankOf);
      if (clash >= 0) {
        const id = text.id();
        if (kind === 'long') {
          return this.reject(line, columns.month, 'duplicate person-month', `person "${id}" already has month ${formatMonth(clash)}; expected one row per person and month`);
        }
        return this.reject(line, undefined, 'overlapping spells', `spell overlaps another spell of person "${id}" in ${formatMonth(clash)}; expected spells that do not overlap (or a priority order of states)`);
      }
    } else {
      person = this.target.addPerson(line);
    }
    this.span.cover(month, end, line);
    grid.cover(month, end);
    const codes = grid.codes;
    const rankOf = this.rankOf;
    for (let m = month; m <= end; m++) {
      const cell = grid.index(person, m);
      const old = codes[cell];
      if (old !== VOID && (rankOf === undefined || rankOf(code) >= rankOf(old))) continue;
      codes[cell] = code;
      this.target.writeAttributes(cell, person, m);
    }
    if (this.target.hasMonths) this.target.hasMonths[person] = 1;
    counts.rowsKept++;
    return person;
  }

  /**
   * The common row of a long file, placed without
   * the general checks: a person already in the grid, a month inside the span
   * of months kept so far, a known state, not before the person's start, the
   * month still empty. Returns false, placing nothing, when any of that does
   * not hold: `place` then checks the row and reports what is wrong.
   *
   * @param person grid row
   * @param month month index
   * @param code state code (from the coder)
   */
  placeMonth(person: number, month: number, code: number): boolean {
    const { grid, starts, hasMonths, counts } = this.target;
    if (person < 0 || code === UNKNOWN_STATE || month < this.span.lo || month > this.span.hi) return false;
    if (starts && month < starts[person]) return false;
    const cell = grid.index(person, month);
    if (grid.codes[cell] !== VOID) return false;
    grid.codes[cell] = code;
    this.target.writeAttributes(cell, person, month);
    if (hasMonths) hasMonths[person] = 1;
    counts.rowsKept++;
    return true;
  }

  /** After the last row: every state of the priority order must be a state of the data (an OptionsError otherwise). */
  finish(): void {
    checkPriority(this.target.priority, this.target.coder);
  }

  private reject(line: number, column: string | undefined, reason: ProblemReason, message: string): -1 {
    this.target.problems.reject(this.target.counts, line, column, reason, message);
    return -1;
  }
}

/**
 * The persons of a month file's grid: the person file's rows (each present
 * from the start; `hasMonths` marks those that receive a month), or without
 * one each id as its first row is kept.
 *
 * @example
 * const people = new MonthPersons(grid, persons);
 * const row = people.rowOf.get(id) ?? people.add(id, line);
 */
export class MonthPersons {
  readonly rowOf: Map<string, number>;
  /** Id of each grid row. */
  readonly ids: string[];
  /** Line (or row) of each added person's first kept row. */
  readonly firstLines: number[] = [];
  readonly hasMonths: Uint8Array | undefined;

  constructor(
    private readonly grid: CellGrid,
    readonly persons: PersonTable | undefined,
  ) {
    // with a person file no id is ever added, so its map is only read
    this.rowOf = (persons?.rowOf ?? new Map<string, number>()) as Map<string, number>;
    this.ids = persons ? [...persons.ids] : [];
    if (persons) {
      grid.addRows(persons.ids.length);
      this.hasMonths = new Uint8Array(persons.ids.length);
    }
  }

  /** Add a person first seen on `line`; returns its grid row. */
  add(id: string, line: number): number {
    const row = this.grid.addRows(1);
    this.rowOf.set(id, row);
    this.ids.push(id);
    this.firstLines.push(line);
    return row;
  }
}

/**
 * What a reader of a long or spell file collected, for `assemblePanel`.
 *
 * @param parts the file, its grid, coder and persons, the counts of the month file, the id column
 * @example
 * return collectedMonths({ kind: 'long', file, grid, coder, people, counts, idColumn: 'person_id' });
 */
export function collectedMonths(parts: {
  kind: 'long' | 'spell'; file: string; grid: CellGrid; coder: StateCoder; people: Pick<MonthPersons, 'persons' | 'ids' | 'hasMonths'> & { firstLines: ArrayLike<number> }; counts: FileCounts; idColumn: string;
}): CollectedPanel {
  const { people, idColumn } = parts;
  const { persons, ids } = people;
  return {
    format: parts.kind,
    file: parts.file,
    grid: parts.grid,
    coder: parts.coder,
    ids,
    personFile: persons ? persons.counts : parts.counts,
    personLines: persons ? persons.lines : people.firstLines,
    hasMonths: people.hasMonths,
    weights: persons?.weights,
    starts: persons?.starts,
    covariates: (rows) => (persons ? personCovariates(persons, rows) : aq.table({ [idColumn]: pickRows(ids, rows) })),
    monthLabel: formatMonth,
  };
}

/** Message for a cell that is not a `YYYY-MM` month. */
function badMonthMessage(text: string): string {
  return `month "${text}" is not a YYYY-MM month (e.g. 2013-05)`;
}

/**
 * Rank of a state code for resolving overlapping spells (lower wins): the
 * position in `priority`, unlisted states after, MISSING last. Undefined
 * without a priority order (every overlap is then an error).
 */
function priorityRanks(priority: readonly string[] | undefined, coder: StateCoder): ((code: number) => number) | undefined {
  if (!priority) return undefined;
  if (coder.fixed) checkPriority(priority, coder);
  const ranks = new Int32Array(256).fill(-1);
  return (code) => {
    if (ranks[code] < 0) {
      const k = code === MISSING ? -1 : priority.indexOf(coder.states[code]);
      ranks[code] = code === MISSING ? priority.length + 1 : k < 0 ? priority.length : k;
    }
    return ranks[code];
  };
}

/** Every state of a priority order must be a state of the alphabet (given, or read). */
function checkPriority(priority: readonly string[] | undefined, coder: StateCoder): void {
  const unknown = priority?.find((state) => !coder.states.includes(state));
  if (unknown !== undefined) {
    throw new OptionsError('priority', `"${unknown}" is not a state ${coder.fixed ? 'of the states option' : 'of the data'}; expected some of ${expectedList(coder.states)}`);
  }
}

/**
 * The earliest and latest month kept, with their lines (or rows): a span
 * longer than `maxMonths` is refused naming both ends (a typo such as 9999-12
 * would otherwise build a grid of centuries).
 */
class MonthSpan {
  lo = Infinity;
  hi = -Infinity;
  private loLine = 0;
  private hiLine = 0;

  constructor(
    private readonly counts: FileCounts,
    private readonly column: string,
    private readonly maxMonths: number,
  ) {
    if (!(Number.isInteger(maxMonths) && maxMonths >= 1)) throw new OptionsError('maxMonths', `must be a whole number >= 1; got ${maxMonths}`);
  }

  /** Record months from..to of the row on `line`. */
  cover(from: number, to: number, line: number): void {
    if (from < this.lo) [this.lo, this.loLine] = [from, line];
    if (to > this.hi) [this.hi, this.hiLine] = [to, line];
    const months = this.hi - this.lo + 1;
    if (months <= this.maxMonths) return;
    const { file } = this.counts;
    const unit = this.counts.unit ?? 'line';
    const where = (m: number, l: number) => `${formatMonth(m)} (${unit} ${l})`;
    throw new InputError(file, line, this.column,
      `the months run from ${where(this.lo, this.loLine)} to ${where(this.hi, this.hiLine)}, ${months} months, above the limit of ${this.maxMonths}; ` +
      'check these months, or raise the limit (--max-months, option maxMonths)', unit);
  }
}

/**
 * First month in `from..to` where writing `code` clashes with a month the
 * person already has, or -1. Without ranks every filled month clashes; with
 * ranks only a filled month of a different state with the same rank does.
 */
function firstClash(grid: CellGrid, row: number, from: number, to: number, code: number, rankOf: ((code: number) => number) | undefined): number {
  const lo = Math.max(from, grid.base);
  const hi = Math.min(to, grid.base + grid.stride - 1);
  for (let m = lo; m <= hi; m++) {
    const old = grid.codes[grid.index(row, m)];
    if (old === VOID) continue;
    if (rankOf === undefined || (old !== code && rankOf(old) === rankOf(code))) return m;
  }
  return -1;
}
