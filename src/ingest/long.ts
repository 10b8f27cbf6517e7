import { stat } from 'node:fs/promises';
import { assemblePanel, type CollectedPanel, type LoadedPanel } from './assemble.js';
import { monthReader, readMonthsDuckDb } from './duckdb/read.js';
import { ValueColumn } from './column.js';
import { openCsv, type CsvSource } from './csv.js';
import { CellGrid } from './grid.js';
import { parseMonth } from './month.js';
import { collectedMonths, MonthPersons, MonthRowPlacer, type MonthRowFields } from './month-rows.js';
import { csvOptions, DEFAULT_MAX_MONTHS, type PanelOptions } from './options.js';
import { readPersons, unknownPersonProblem, type PersonTable } from './persons.js';
import { MISSING_ID_MESSAGE, ProblemLog } from './problems.js';
import { OptionsError } from '../errors.js';
import { StateCoder } from './states.js';

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
  if ((await monthReader(file, kind, options)) === 'duckdb') {
    const panel = await readMonthsDuckDb(file, kind, options);
    if (panel) return panel;
  }
  return readMonthCsv(file, kind, options);
}

async function readMonthCsv(file: string, kind: 'long' | 'spell', options: PanelOptions): Promise<LoadedPanel> {
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

  const people = new MonthPersons(grid, persons);
  const totalBytes = options.progress ? (await stat(csv.file)).size : 0;
  let rec: string[] = [];
  let id = '';
  const text: MonthRowFields = {
    code: () => coder.code(rec[stateCol]),
    id: () => id,
    month: () => rec[monthCol],
    end: () => rec[endCol],
    state: () => rec[stateCol],
  };
  const placer = new MonthRowPlacer({
    kind,
    grid,
    coder,
    problems,
    counts,
    columns: { month: monthColumn, end: endColumn, state: stateColumn },
    starts: persons?.starts,
    priority: options.priority,
    maxMonths: options.maxMonths ?? DEFAULT_MAX_MONTHS,
    hasMonths: people.hasMonths,
    addPerson: (line) => people.add(id, line),
    writeAttributes(cell) {
      for (let a = 0; a < layers.length; a++) layers[a].set(cell, rec[attrCols[a]]);
    },
  });

  for await (const { records, lines } of csv.batches) {
    for (let b = 0; b < records.length; b++) {
      rec = records[b];
      const line = lines[b];
      counts.rowsRead++;
      if (rec.length !== width) {
        problems.reject(counts, line, undefined, 'ragged row', `row has ${rec.length} fields; expected ${width} like the header`);
        continue;
      }
      id = rec[idCol];
      let row = people.rowOf.get(id);
      if (row === undefined) {
        id = id.trim();
        row = people.rowOf.get(id);
        if (id === '') {
          problems.reject(counts, line, idColumn, 'missing id', MISSING_ID_MESSAGE);
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
      const end = kind === 'spell' ? parseMonth(rec[endCol].trim()) : month;
      placer.place(line, row ?? -1, month, end, text);
    }
    options.progress?.(`reading ${csv.file}`, Math.min(csv.bytesRead(), totalBytes), totalBytes);
  }

  placer.finish();
  return collectedMonths({ kind, file: csv.file, grid, coder, people, counts, idColumn });
}
