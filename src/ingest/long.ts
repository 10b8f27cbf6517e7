import { stat } from 'node:fs/promises';
import * as aq from 'arquero';
import { MISSING, VOID } from '../sequences/types.js';
import { assemblePanel, type CollectedPanel, type LoadedPanel } from './assemble.js';
import { ValueColumn } from './column.js';
import { openCsv, type CsvSource } from './csv.js';
import { CellGrid } from './grid.js';
import { formatMonth, parseMonth } from './month.js';
import { csvOptions, DEFAULT_MAX_MONTHS, type PanelOptions } from './options.js';
import { personCovariates, readPersons, unknownPersonProblem, type PersonTable } from './persons.js';
import { expectedList, ProblemLog, type ProblemReason } from './problems.js';
import { InputError, OptionsError } from '../errors.js';
import { StateCoder, UNKNOWN_STATE } from './states.js';

/**
 * Read a long person-month file: one row per person per month with columns
 * `person_id, month (YYYY-MM), state` and any person-month attributes
 * (employer_id, hours_week, hourly_wage, permanent, ...), which become
 * `cellAttributes` (numeric columns as numbers with NaN when empty, others and
 * `employer_id` as categories).
 *
 * Rows may come in any order. Checked: ragged rows, empty ids, bad months,
 * unknown states (with `states`), duplicate person-months, months before the
 * start month (process time), persons of the person file without months and
 * months of persons missing from it.
 *
 * @param file path of the long CSV file
 * @param options see `PanelOptions` (`persons`, `time`, `states`, `mode`, ...)
 * @returns the sequences and the ingest report
 * @throws InputError in strict mode at the first problem (file, line, column, what was expected)
 * @example
 * const { sequences, report } = await readLongPanel('months.csv', {
 *   persons: 'persons.csv', weight: 'weight',
 *   states: ['trial', 'work_jc', 'work', 'none'],
 *   time: { align: 'start', column: 'start_month' },
 * });
 * sequences.timeLabels[0]; // '0'
 * sequences.cellAttributes.hourly_wage.kind; // 'number'
 */
export function readLongPanel(file: string, options: PanelOptions = {}): Promise<LoadedPanel> {
  return readMonthFile(file, 'long', options);
}

/**
 * Read a spell file: one row per spell with `person_id, start, end, state`
 * (inclusive `YYYY-MM` months), expanded to months. Extra columns become
 * person-month attributes over the spell's months. Overlapping spells of a
 * person are an error, unless `priority` orders the states: the higher one
 * then wins the shared months (states missing from `priority` rank last).
 *
 * @param file path of the spell CSV file
 * @param options see `PanelOptions` (`priority`, `persons`, `time`, `mode`, ...)
 * @returns the sequences and the ingest report
 * @throws InputError in strict mode at the first problem
 * @example
 * const { sequences } = await readSpells('spells.csv', { priority: ['work_jc', 'work', 'trial', 'none'] });
 */
export function readSpells(file: string, options: PanelOptions = {}): Promise<LoadedPanel> {
  return readMonthFile(file, 'spell', options);
}

async function readMonthFile(file: string, kind: 'long' | 'spell', options: PanelOptions): Promise<LoadedPanel> {
  const problems = new ProblemLog(options.mode);
  const idColumn = options.id ?? 'person_id';
  const startColumn = options.time?.align === 'start' ? options.time.column : undefined;
  const persons = options.persons
    ? await readPersons(options.persons, { id: idColumn, weight: options.weight, start: startColumn, problems, ...csvOptions(options) })
    : undefined;
  if (!persons && options.weight !== undefined) throw new OptionsError('weight', `column "${options.weight}" needs a person file (option persons)`);
  if (!persons && startColumn !== undefined) throw new OptionsError('time', `align on start column "${startColumn}" needs a person file (option persons)`);
  const csv = await openCsv(file, csvOptions(options));
  try {
    const panel = await collectMonthRows(csv, kind, options, problems, idColumn, persons);
    return assemblePanel(panel, options, problems);
  } finally {
    await csv.close();
  }
}

async function collectMonthRows(
  csv: CsvSource,
  kind: 'long' | 'spell',
  options: PanelOptions,
  problems: ProblemLog,
  idColumn: string,
  persons: PersonTable | undefined,
): Promise<CollectedPanel> {
  const cols = options.columns ?? {};
  const idCol = csv.requireColumn(idColumn, 'the person id');
  const stateColumn = cols.state ?? 'state';
  const stateCol = csv.requireColumn(stateColumn, 'the monthly state');
  const monthColumn = kind === 'long' ? (cols.month ?? 'month') : (cols.start ?? 'start');
  const monthCol = csv.requireColumn(monthColumn, kind === 'long' ? 'the month, YYYY-MM' : 'the first month of the spell, YYYY-MM');
  const endColumn = cols.end ?? 'end';
  const endCol = kind === 'spell' ? csv.requireColumn(endColumn, 'the last month of the spell, YYYY-MM') : -1;
  const width = csv.header.length;
  const counts = problems.file(csv.file, kind === 'long' ? 'months' : 'spells');

  const coder = new StateCoder(options.states);
  const grid = new CellGrid({ rows: persons?.ids.length, budgetBytes: options.memoryBudgetBytes });
  const span = new MonthSpan(csv.file, monthColumn, options.maxMonths ?? DEFAULT_MAX_MONTHS);
  const fixed = new Set([idCol, stateCol, monthCol, endCol]);
  const categorical = new Set(['employer_id', ...(options.categorical ?? [])]);
  const attrCols: number[] = [];
  const layers: ValueColumn[] = [];
  csv.header.forEach((name, k) => {
    if (fixed.has(k) || (options.attributes && !options.attributes.includes(name))) return;
    attrCols.push(k);
    layers.push(grid.addLayer(name, categorical.has(name)));
  });
  for (const name of options.attributes ?? []) csv.requireColumn(name, 'a person-month attribute');

  // Persons: the person file's rows, or each new id in order of appearance.
  // With a person file no id is ever added, so its map is only read.
  const rowOf = (persons?.rowOf ?? new Map<string, number>()) as Map<string, number>;
  const ids: string[] = persons ? [...persons.ids] : [];
  const firstLines: number[] = [];
  let hasMonths: Uint8Array | undefined;
  if (persons) {
    grid.addRows(persons.ids.length);
    hasMonths = new Uint8Array(persons.ids.length);
  }
  const starts = persons?.starts;
  const rankOf = priorityRanks(options.priority, coder);
  const totalBytes = options.progress ? (await stat(csv.file)).size : 0;

  for await (const { records, lines } of csv.batches) {
    for (let b = 0; b < records.length; b++) {
      const rec = records[b];
      const line = lines[b];
      counts.rowsRead++;
      if (rec.length !== width) {
        problems.reject(counts, line, undefined, 'ragged row', `row has ${rec.length} fields; expected ${width} like the header`);
        continue;
      }
      let id = rec[idCol];
      let row = rowOf.get(id);
      if (row === undefined) {
        id = id.trim();
        row = rowOf.get(id);
        if (id === '') {
          problems.reject(counts, line, idColumn, 'missing id', 'empty person id; expected an id on every row');
          continue;
        }
        if (row === undefined && persons) {
          const { reason, message } = unknownPersonProblem(persons, id);
          problems.reject(counts, line, idColumn, reason, message);
          continue;
        }
      }
      let month = parseMonth(rec[monthCol]);
      if (month < 0) month = parseMonth(rec[monthCol].trim());
      if (month < 0) {
        problems.reject(counts, line, monthColumn, 'bad month', `month "${rec[monthCol]}" is not a YYYY-MM month (e.g. 2013-05)`);
        continue;
      }
      let end = month;
      if (kind === 'spell') {
        end = parseMonth(rec[endCol].trim());
        if (end < 0) {
          problems.reject(counts, line, endColumn, 'bad month', `month "${rec[endCol]}" is not a YYYY-MM month (e.g. 2013-05)`);
          continue;
        }
        if (end < month) {
          problems.reject(counts, line, endColumn, 'bad spell', `spell ends (${rec[endCol]}) before it starts (${rec[monthCol]}); expected end >= start`);
          continue;
        }
      }
      const code = coder.code(rec[stateCol]);
      if (code === UNKNOWN_STATE) {
        problems.reject(counts, line, stateColumn, 'unknown state', coder.unknownMessage(rec[stateCol]));
        continue;
      }
      if (starts && row !== undefined && month < starts[row]) {
        problems.reject(counts, line, monthColumn, 'month before start', `month ${formatMonth(month)} is before the start month ${formatMonth(starts[row])} of person "${id}"; expected months from the start on`);
        continue;
      }
      if (row !== undefined) {
        const clash = firstClash(grid, row, month, end, code, rankOf);
        if (clash >= 0) {
          const reason: ProblemReason = kind === 'long' ? 'duplicate person-month' : 'overlapping spells';
          const what = kind === 'long' ? `person "${id}" already has month ${formatMonth(clash)}` : `spell overlaps another spell of person "${id}" in ${formatMonth(clash)}`;
          problems.reject(counts, line, kind === 'long' ? monthColumn : undefined, reason, `${what}; expected ${kind === 'long' ? 'one row per person and month' : 'spells that do not overlap (or a priority order of states)'}`);
          continue;
        }
      } else {
        row = grid.addRows(1);
        rowOf.set(id, row);
        ids.push(id);
        firstLines.push(line);
      }
      span.cover(month, end, line);
      grid.cover(month, end);
      const codes = grid.codes;
      for (let m = month; m <= end; m++) {
        const cell = grid.index(row, m);
        const old = codes[cell];
        if (old !== VOID && (rankOf === undefined || rankOf(code) >= rankOf(old))) continue;
        codes[cell] = code;
        for (let a = 0; a < layers.length; a++) layers[a].set(cell, rec[attrCols[a]]);
      }
      if (hasMonths) hasMonths[row] = 1;
      counts.rowsKept++;
    }
    options.progress?.(`reading ${csv.file}`, Math.min(csv.bytesRead(), totalBytes), totalBytes);
  }

  checkPriority(options.priority, coder);
  const monthLabel = formatMonth;
  return {
    format: kind,
    file: csv.file,
    grid,
    coder,
    ids,
    personFile: persons ? persons.counts : counts,
    personLines: persons ? persons.lines : firstLines,
    hasMonths,
    weights: persons?.weights,
    starts,
    covariates: (rows) => (persons ? personCovariates(persons, rows) : aq.table({ [idColumn]: Array.from(rows, (i) => ids[i]) })),
    monthLabel,
  };
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
 * The earliest and latest month read, with their lines: a span longer than
 * `maxMonths` is refused naming both ends (a typo such as 9999-12 would
 * otherwise build a grid of centuries).
 */
class MonthSpan {
  private lo = Infinity;
  private hi = -Infinity;
  private loLine = 0;
  private hiLine = 0;

  constructor(
    private readonly file: string,
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
    const where = (m: number, l: number) => `${formatMonth(m)} (line ${l})`;
    throw new InputError(this.file, line, this.column,
      `the months run from ${where(this.lo, this.loLine)} to ${where(this.hi, this.hiLine)}, ${months} months, above the limit of ${this.maxMonths}; ` +
      'check these months, or raise the limit (--max-months, option maxMonths)');
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
