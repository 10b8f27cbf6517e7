import * as aq from 'arquero';
import { stat } from 'node:fs/promises';
import { InputError, OptionsError } from '../errors.js';
import { VOID } from '../sequences/types.js';
import { assemblePanel, type CollectedPanel, type LoadedPanel } from './assemble.js';
import { ColumnSet } from './column.js';
import { openCsv, type CsvSource } from './csv.js';
import { CellGrid } from './grid.js';
import { parseMonth } from './month.js';
import { csvOptions, DEFAULT_MAX_MONTHS, type PanelOptions } from './options.js';
import { readPersons, unknownPersonProblem, type PersonTable } from './persons.js';
import { PersonRowCheck } from './person-rows.js';
import { ProblemLog } from './problems.js';
import { StateCoder, UNKNOWN_STATE } from './states.js';

/**
 * Read a wide file, as TraMineR's `seqdef` takes it: one row per person, one
 * column per month, the month columns chosen by a header range
 * (`cols: 'Sep.93..Jun.99'`). Empty, `NA` and `*` cells are missing. The other
 * columns become covariates; `id` names the id column (default: `id` when the
 * header has it, else row numbers 1, 2, ...) and `weight` the case weights. A
 * person file (`persons`) adds covariates joined on the id.
 *
 * Process time on a start month needs month headers named `YYYY-MM`.
 *
 * @param file path of the wide CSV file
 * @param options see `PanelOptions`; `cols` is required
 * @returns the sequences (input row order) and the ingest report
 * @throws InputError in strict mode at the first problem
 * @example
 * const { sequences } = await readWide('mvad.csv', { cols: 'Sep.93..Jun.99', id: 'id' });
 * sequences.t; // 70
 * sequences.alphabet.codes; // ['employment', 'FE', 'HE', 'joblessness', 'school', 'training']
 */
export async function readWide(file: string, options: PanelOptions = {}): Promise<LoadedPanel> {
  if (!options.cols) throw new OptionsError('cols', 'is required for a wide file: the month columns as FIRST..LAST (e.g. Sep.93..Jun.99)');
  const [firstName, lastName] = parseColumnRange(options.cols);
  const problems = new ProblemLog(options.mode);
  const csv = await openCsv(file, csvOptions(options));
  try {
    const panel = await collectWideRows(csv, firstName, lastName, options, problems);
    return assemblePanel(panel, options, problems);
  } finally {
    await csv.close();
  }
}

/**
 * Split a header range `FIRST..LAST` into its two column names.
 *
 * @example
 * parseColumnRange('Sep.93..Jun.99'); // ['Sep.93', 'Jun.99']
 */
export function parseColumnRange(range: string): [string, string] {
  const k = range.indexOf('..');
  if (k <= 0 || k + 2 >= range.length) throw new OptionsError('cols', `"${range}" is not FIRST..LAST (e.g. Sep.93..Jun.99)`);
  return [range.slice(0, k).trim(), range.slice(k + 2).trim()];
}

async function collectWideRows(csv: CsvSource, firstName: string, lastName: string, options: PanelOptions, problems: ProblemLog): Promise<CollectedPanel> {
  const { header, file } = csv;
  const from = csv.requireColumn(firstName, 'the first month column');
  const to = csv.requireColumn(lastName, 'the last month column');
  if (to < from) throw new InputError(file, 1, lastName, `column "${lastName}" comes before "${firstName}"; expected FIRST..LAST in header order`);
  const t = to - from + 1;
  const maxMonths = options.maxMonths ?? DEFAULT_MAX_MONTHS;
  if (t > maxMonths) {
    throw new InputError(file, 1, lastName, `the month columns ${firstName}..${lastName} are ${t} months, above the limit of ${maxMonths}; check --cols, or raise the limit (--max-months, option maxMonths)`);
  }
  const idColumn = options.id ?? (header.indexOf('id') >= 0 ? 'id' : undefined);
  const idCol = idColumn === undefined ? -1 : csv.requireColumn(idColumn, 'the person id');
  const inWide = (name: string | undefined): number => (name === undefined ? -1 : header.indexOf(name));
  const startColumn = options.time?.align === 'start' ? options.time.column : undefined;
  const weightCol = inWide(options.weight);
  const startCol = inWide(startColumn);

  // Month headers (YYYY-MM, consecutive) put the columns on the calendar, as process time on a start month needs.
  const base = parseMonth(header[from]);
  const monthHeaders = base >= 0 && header.slice(from, to + 1).every((h, j) => parseMonth(h) === base + j);
  if (startColumn !== undefined && !monthHeaders) {
    throw new InputError(file, 1, header[from], `align on start needs month columns named YYYY-MM; got "${header[from]}"`);
  }
  const gridBase = monthHeaders ? base : 0;

  const needPersons = (weightCol < 0 && options.weight !== undefined) || (startCol < 0 && startColumn !== undefined);
  if (needPersons && !options.persons) {
    const missing = weightCol < 0 && options.weight !== undefined ? options.weight : startColumn!;
    csv.requireColumn(missing, 'named in the options');
  }
  let persons: PersonTable | undefined;
  if (options.persons) {
    if (idColumn === undefined) throw new OptionsError('id', 'is required to join a person file to a wide file: name the id column');
    persons = await readPersons(options.persons, {
      id: idColumn,
      weight: weightCol < 0 ? options.weight : undefined,
      start: startCol < 0 ? startColumn : undefined,
      problems,
      ...csvOptions(options),
    });
  }
  const counts = problems.file(file, 'wide');

  const coder = new StateCoder(options.states);
  const grid = new CellGrid({ columns: t, base: gridBase, rows: 1024, budgetBytes: options.memoryBudgetBytes });
  grid.cover(gridBase, gridBase + t - 1);
  const covariateFields = header.map((_, k) => k).filter((k) => k < from || k > to);
  const columnSet = new ColumnSet(header, covariateFields, new Set([idCol]));
  const check = new PersonRowCheck(
    { width: header.length, idCol, idColumn, weightCol, weightColumn: options.weight, startCol, startColumn },
    problems,
    counts,
  );
  const ids: string[] = [];
  const weights: number[] = [];
  const starts: number[] = [];
  const personRows: number[] = [];
  const matched = persons ? new Uint8Array(persons.ids.length) : undefined;
  const totalBytes = options.progress ? (await stat(file)).size : 0;

  for await (const { records, lines } of csv.batches) {
    for (let b = 0; b < records.length; b++) {
      const rec = records[b];
      const line = lines[b];
      counts.rowsRead++;
      const id = check.accept(rec, line, String(counts.rowsRead));
      if (id === undefined) continue;
      const personRow = persons ? persons.rowOf.get(id) : undefined;
      if (persons && personRow === undefined) {
        const { reason, message } = unknownPersonProblem(persons, id);
        check.reject(id, line, idColumn, reason, message);
        continue;
      }
      const row = grid.addRows(1);
      const off = grid.index(row, gridBase);
      const codes = grid.codes;
      let bad = -1;
      for (let j = 0; j < t; j++) {
        const code = coder.code(rec[from + j]);
        if (code === UNKNOWN_STATE) {
          bad = j;
          break;
        }
        codes[off + j] = code;
      }
      if (bad >= 0) {
        codes.fill(VOID, off, off + t);
        grid.n--;
        check.reject(id, line, header[from + bad], 'unknown state', coder.unknownMessage(rec[from + bad]));
        continue;
      }
      columnSet.append(rec);
      ids.push(id);
      weights.push(weightCol < 0 && persons?.weights ? persons.weights[personRow!] : check.weight);
      starts.push(startCol < 0 && persons?.starts ? persons.starts[personRow!] : check.start);
      if (personRow !== undefined) {
        personRows.push(personRow);
        matched![personRow] = 1;
      }
      check.keep(id, line);
    }
    options.progress?.(`reading ${file}`, Math.min(csv.bytesRead(), totalBytes), totalBytes);
  }
  if (persons) {
    for (let k = 0; k < matched!.length; k++) {
      if (matched![k]) continue;
      problems.reject(persons.counts, persons.lines[k], undefined, 'person without months', `person "${persons.ids[k]}" has no row in ${file}; expected one`);
      persons.counts.rowsKept--;
    }
  }

  const columns = columnSet.finish();
  const known = new Set(columns.map((c) => c.name));
  const personColumns = persons ? persons.columns.filter((c) => !known.has(c.name)) : [];
  const hasWeights = weightCol >= 0 || persons?.weights !== undefined;
  return {
    format: 'wide',
    file,
    grid,
    coder,
    ids,
    personFile: counts,
    personLines: check.lines,
    hasMonths: undefined,
    weights: hasWeights ? Float64Array.from(weights) : undefined,
    starts: startColumn !== undefined ? Int32Array.from(starts) : undefined,
    covariates(rows) {
      const table: Record<string, unknown> = {};
      for (const c of columns) table[c.name] = c.take(rows);
      if (personColumns.length > 0) {
        const slots = Int32Array.from(rows, (i) => personRows[i]);
        for (const c of personColumns) table[c.name] = c.take(slots);
      }
      if (columns.length + personColumns.length === 0) table.id = Array.from(rows, (i) => ids[i]);
      return aq.table(table);
    },
    monthLabel: (m) => header[from + m - gridBase],
  };
}
