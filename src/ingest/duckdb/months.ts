import * as aq from 'arquero';
import { InputError } from '../../errors.js';
import type { CollectedPanel } from '../assemble.js';
import { CellGrid } from '../grid.js';
import { formatMonth } from '../month.js';
import { MonthRowPlacer, type MonthRowFields } from '../month-rows.js';
import type { PanelOptions } from '../options.js';
import { personCovariates, unknownPersonProblem, type PersonTable } from '../persons.js';
import { MISSING_ID_MESSAGE, ProblemLog, type FileCounts } from '../problems.js';
import { StateCoder } from '../states.js';
import { sqlName, sqlString, type ColumnChunk, type DuckDb } from './engine.js';
import type { TableSource } from './source.js';
import { checkType, idExpr, planColumn, planMonthColumns, textExpr, type ColumnValues } from './values.js';

/** What the DuckDB month reader needs: the opened source and the reader options. */
export interface DuckDbMonthsInput {
  readonly db: DuckDb;
  readonly source: TableSource;
  readonly kind: 'long' | 'spell';
  readonly options: PanelOptions;
  readonly problems: ProblemLog;
  readonly idColumn: string;
  readonly persons: PersonTable | undefined;
}

/** Thrown when a CSV file read by DuckDB has a problem: the CSV reader then reads it, to name the exact line. */
export class NeedsLineReader extends Error {}

/**
 * Collect a long or spell file through DuckDB. DuckDB parses the cells and
 * maps ids, months, states and categories to integer codes (dictionaries of
 * distinct values); the rows arrive as typed columns and go through the same
 * checks and placement as the CSV reader (`MonthRowPlacer`).
 *
 * The rows are first read in whatever order DuckDB delivers (fastest);
 * if a row has a problem, they are read again in file order so the problems
 * are the CSV reader's: the first in file order (strict) or every one, in
 * order (lenient), by row. A CSV file with a problem throws `NeedsLineReader`
 * instead. Spell files with a priority order are always read in file order
 * (the priority rules are sequential).
 */
export async function collectMonthsDuckDb(input: DuckDbMonthsInput): Promise<CollectedPanel> {
  const plan = await planMonths(input);
  // Without a priority order, rows that pass every check can be placed in any order.
  if (input.kind === 'long' || !input.options.priority) {
    const probe = new ProblemLog('strict');
    try {
      const panel = await readMonths(input, plan, probe, plan.grouped ? 'grouped' : 'rows');
      input.problems.adopt(probe.files[0]);
      return panel;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
    }
  }
  if (input.source.kind === 'csv') throw new NeedsLineReader(`${input.source.file} needs the line-numbering reader`);
  return readMonths(input, plan, input.problems, 'ordered');
}

// Person codes of rows without an id, and of ids missing from the person file.
const NO_ID = -2;
const UNKNOWN_ID = -1;

/** The columns and dictionaries of one month file. */
interface MonthPlan {
  readonly columns: { readonly id: string; readonly month: string; readonly end: string; readonly state: string };
  /** Person ids by dictionary code (the person file's order, or first appearance) and each one's first row. */
  readonly ids: readonly string[];
  readonly firstRows: Float64Array | undefined;
  /** The id of a row, as text (for messages). */
  readonly idText: string;
  /** Month of each month code (-1: not a month), or undefined when the codes are months (DATE columns). */
  readonly monthOf: Int32Array | undefined;
  readonly monthExpr: string;
  readonly endExpr: string;
  readonly monthSpan: { readonly lo: number; readonly hi: number };
  /** State texts by state code (code 0: NULL). */
  readonly stateTexts: readonly (string | null)[];
  readonly stateExpr: string;
  readonly attributes: readonly { readonly name: string; readonly values: ColumnValues }[];
  readonly joins: readonly string[];
  readonly rows: number;
  /** True when table `ids` holds each raw id's (month, state) codes (`month * 256 + state`): long files without attributes. */
  readonly grouped: boolean;
}

async function planMonths({ db, source, kind, options, idColumn, persons }: DuckDbMonthsInput): Promise<MonthPlan> {
  const cols = options.columns ?? {};
  const state = cols.state ?? 'state';
  const month = kind === 'long' ? (cols.month ?? 'month') : (cols.start ?? 'start');
  const end = cols.end ?? 'end';
  source.requireColumn(idColumn, 'the person id');
  source.requireColumn(state, 'the monthly state');
  source.requireColumn(month, kind === 'long' ? 'the month, YYYY-MM' : 'the first month of the spell, YYYY-MM');
  if (kind === 'spell') source.requireColumn(end, 'the last month of the spell, YYYY-MM');
  const idType = checkType(source, idColumn, ['text', 'integer'], 'text or whole numbers (person ids)');
  checkType(source, state, ['text', 'integer'], 'text or whole-number codes (the states)');
  const monthType = checkType(source, month, ['text', 'date'], 'YYYY-MM text or a DATE');
  if (kind === 'spell') checkType(source, end, ['text', 'date'], 'YYYY-MM text or a DATE');
  for (const name of options.attributes ?? []) source.requireColumn(name, 'a person-month attribute');
  const fixed = new Set([idColumn, state, month, kind === 'spell' ? end : idColumn]);
  const attributeNames = source.names.filter((name) => !fixed.has(name) && (!options.attributes || options.attributes.includes(name)));
  await source.prepare('m', [...fixed, ...attributeNames]);

  const col = (name: string): string => `m.${sqlName(name)}`;
  const monthColumns = kind === 'spell' ? [month, end] : [month];
  const months = await planMonthColumns(db, 'm', monthColumns.map((c) => ({ sql: col(c), type: source.columnType(c) })));
  const stateText = textExpr(col(state), source.columnType(state));
  const stateTexts = [null, ...(await db.rows(`SELECT DISTINCT ${stateText} AS v FROM m WHERE ${stateText} IS NOT NULL`)).map((r) => String(r.v))];
  const stateList = `[${stateTexts.slice(1).map((t) => sqlString(t!)).join(', ')}]::VARCHAR[]`;
  const stateExpr = `coalesce(list_position(${stateList}, ${stateText}), 0)`;

  // One pass groups the rows by id as stored: first row, and for long files without attributes the
  // (month, state) codes. Then `persons` lists the person ids (the person file's, or in order of first
  // appearance) and `ids` gives each stored id its person code k (rows join on the id as stored,
  // without trimming each): NO_ID for blank ids, UNKNOWN_ID for ids missing from the person file.
  const grouped = kind === 'long' && attributeNames.length === 0 && stateTexts.length <= 256;
  const codes = grouped ? `, list(((${months.exprs[0]}) * 256 + ${stateExpr})::INTEGER) AS codes` : '';
  await db.run(`CREATE OR REPLACE TABLE raw_ids AS SELECT ${col(idColumn)} AS raw, min(__rn) AS first${codes} FROM m GROUP BY 1`);
  const personId = idExpr('raw', idType);
  if (persons) {
    await db.createDictionary('persons', persons.ids);
  } else {
    await db.run(
      `CREATE OR REPLACE TABLE persons AS SELECT v, (row_number() OVER (ORDER BY min(first)) - 1)::INTEGER AS k, min(first) AS first ` +
        `FROM (SELECT ${personId} AS v, first FROM raw_ids) WHERE v <> '' GROUP BY v`,
    );
  }
  await db.run(
    `CREATE OR REPLACE TABLE ids AS SELECT raw_ids.*, CASE WHEN ${personId} IS NULL OR ${personId} = '' THEN ${NO_ID} ELSE coalesce(persons.k, ${UNKNOWN_ID}) END::INTEGER AS k ` +
      `FROM raw_ids LEFT JOIN persons ON persons.v = ${personId}`,
  );
  await db.run('DROP TABLE raw_ids');
  let ids: readonly string[] = persons?.ids ?? [];
  let firstRows: Float64Array | undefined;
  if (!persons) {
    const found: string[] = [];
    const firsts: number[] = [];
    await db.columns('SELECT v, first::DOUBLE FROM persons ORDER BY k', (chunk) => {
      const first = chunk.float64(1);
      for (let i = 0; i < chunk.rows; i++) {
        found.push(chunk.text(0, i)!);
        firsts.push(first[i]);
      }
    });
    ids = found;
    firstRows = Float64Array.from(firsts);
  }

  const categorical = new Set(['employer_id', ...(options.categorical ?? [])]);
  const attributes: { name: string; values: ColumnValues }[] = [];
  const joins: string[] = [];
  for (const [k, name] of attributeNames.entries()) {
    const values = await planColumn(db, source, 'm', name, categorical.has(name), `attr${k}`);
    attributes.push({ name, values });
    if (values.kind === 'category') joins.push(values.join);
  }
  const [{ rows }] = await db.rows('SELECT count(*)::DOUBLE AS rows FROM m');
  return {
    columns: { id: idColumn, month, end, state },
    ids,
    firstRows,
    idText: idExpr(col(idColumn), idType),
    monthOf: months.monthOf,
    monthExpr: months.exprs[0],
    endExpr: months.exprs[kind === 'spell' ? 1 : 0],
    monthSpan: { lo: months.lo, hi: months.hi },
    stateTexts,
    stateExpr,
    attributes,
    joins,
    rows: Number(rows),
    grouped,
  };
}

/**
 * How `readMonths` reads: `grouped`, each person's codes as one list (long
 * files without attributes); `rows`, row by row in any order; both are trial
 * reads that expect no problem and place every person of the dictionary in
 * dictionary order. `ordered`: row by row in file order, with the texts for
 * messages, persons added as their first row is kept.
 */
type ReadMode = 'grouped' | 'rows' | 'ordered';

/** Read the rows and place them in a grid (see `ReadMode`). */
async function readMonths(input: DuckDbMonthsInput, plan: MonthPlan, problems: ProblemLog, mode: ReadMode): Promise<CollectedPanel> {
  const { db, source, kind, options, persons } = input;
  const ordered = mode === 'ordered';
  const counts: FileCounts = problems.file(source.file, kind === 'long' ? 'months' : 'spells', source.unit);
  const coder = new StateCoder(options.states);
  const span = plan.monthSpan.lo <= plan.monthSpan.hi ? plan.monthSpan.hi - plan.monthSpan.lo + 1 : 0;
  const grid = new CellGrid({ columns: span, base: span > 0 ? plan.monthSpan.lo : 0, rows: plan.ids.length });
  grid.addRows(plan.ids.length);
  const layers = plan.attributes.map((a) => grid.addLayer(a.name, a.values.kind === 'category'));
  // Category codes of the dictionary -> level codes, given in order of first use (file order when ordered).
  const levelOf = plan.attributes.map((a) => (a.values.kind === 'category' ? new Int32Array(a.values.levels.length).fill(-1) : undefined));
  const hasMonths = persons ? new Uint8Array(plan.ids.length) : undefined;
  // Grid row of each dictionary person: the same code, or (ordered, without a person file) in order of first kept row.
  const rowOf = persons || !ordered ? undefined : new Int32Array(plan.ids.length).fill(-1);
  const gridIds: string[] = rowOf ? [] : [...plan.ids];
  const firstLines: number[] = rowOf ? [] : Array.from(plan.firstRows ?? [], (r) => r + 1);
  const stateCode = new Int32Array(plan.stateTexts.length).fill(-1000);

  // The row being placed: its chunk, index, person, state code and attribute values.
  let chunk: ColumnChunk | undefined;
  let row = 0;
  let person = 0;
  let state = 0;
  let values: (Float64Array | Int32Array)[] = [];
  const spell = kind === 'spell' ? 1 : 0;
  // Ordered reads end with the row number and the id, month, end and state texts (for messages).
  const textColumn = 3 + spell + plan.attributes.length;
  const text = (k: number): string => (ordered ? (chunk!.text(textColumn + k, row) ?? '') : '');
  const fields: MonthRowFields = {
    code() {
      if (stateCode[state] === -1000) stateCode[state] = coder.code(plan.stateTexts[state] ?? '');
      return stateCode[state];
    },
    id: () => (ordered ? text(1) : (plan.ids[person] ?? '')),
    month: () => text(2),
    end: () => text(3),
    state: () => text(4),
  };
  const placer = new MonthRowPlacer({
    kind,
    grid,
    coder,
    problems,
    counts,
    columns: plan.columns,
    starts: persons?.starts,
    priority: options.priority,
    hasMonths,
    addPerson(line) {
      const r = gridIds.length;
      rowOf![person] = r;
      gridIds.push(plan.ids[person]);
      firstLines.push(line);
      return r;
    },
    writeAttributes(cell) {
      for (let a = 0; a < layers.length; a++) {
        const map = levelOf[a];
        if (!map) {
          layers[a].numbers![cell] = values[a][row];
          continue;
        }
        const k = values[a][row];
        if (k < 0) continue;
        if (map[k] < 0) map[k] = ordered ? layers[a].levels.code(levelsOf(plan, a)[k]) : k;
        layers[a].categories![cell] = map[k];
      }
    },
  });
  const monthOf = plan.monthOf;
  /** Place one row of dictionary person `p` (or NO_ID / UNKNOWN_ID); month codes as the query gives them. */
  const place = (line: number, p: number, monthCode: number, endCode: number): void => {
    counts.rowsRead++;
    if (p === NO_ID) {
      problems.reject(counts, line, plan.columns.id, 'missing id', MISSING_ID_MESSAGE);
      return;
    }
    if (p === UNKNOWN_ID) {
      const { reason, message } = unknownPersonProblem(persons!, fields.id());
      problems.reject(counts, line, plan.columns.id, reason, message);
      return;
    }
    person = p;
    const month = monthOf ? monthOf[monthCode] : monthCode;
    const end = spell ? (monthOf ? monthOf[endCode] : endCode) : month;
    placer.place(line, rowOf ? rowOf[p] : p, month, end, fields);
  };
  let done = 0;
  const progress = (rows: number): void => {
    done += rows;
    options.progress?.(`reading ${source.file}`, done, plan.rows);
  };

  if (mode === 'grouped') {
    await db.columns('SELECT k, codes FROM ids', (c) => {
      const K = c.int32(0);
      const { entries, values: codes } = c.int32List(1);
      let rows = 0;
      for (let i = 0; i < c.rows; i++) {
        const from = entries[4 * i];
        const to = from + entries[4 * i + 2];
        for (let j = from; j < to; j++) {
          state = codes[j] & 255;
          place(0, K[i], codes[j] >> 8, 0);
        }
        rows += to - from;
      }
      progress(rows);
    });
  } else {
    const selected = [
      `coalesce(ids.k, ${NO_ID})`,
      `(${plan.monthExpr})::INTEGER`,
      ...(spell ? [`(${plan.endExpr})::INTEGER`] : []),
      `(${plan.stateExpr})::INTEGER`,
      ...plan.attributes.map((a) => `(${a.values.expr})::${a.values.kind === 'number' ? 'DOUBLE' : 'INTEGER'}`),
    ];
    if (ordered) {
      const raw = (name: string): string => textExpr(`m.${sqlName(name)}`, source.columnType(name), true);
      selected.push('m.__rn::DOUBLE', plan.idText, raw(plan.columns.month), spell ? raw(plan.columns.end) : "''", raw(plan.columns.state));
    }
    const join = `LEFT JOIN ids ON ids.raw = m.${sqlName(plan.columns.id)} ${plan.joins.join(' ')}`;
    await db.columns(`SELECT ${selected.join(', ')} FROM m ${join}${ordered ? ' ORDER BY m.__rn' : ''}`, (c) => {
      chunk = c;
      const P = c.int32(0);
      const M = c.int32(1);
      const E = spell ? c.int32(2) : M;
      const S = c.int32(2 + spell);
      values = plan.attributes.map((a, k) => (a.values.kind === 'number' ? c.float64(3 + spell + k) : c.int32(3 + spell + k)));
      const RN = ordered ? c.float64(textColumn) : undefined;
      for (row = 0; row < c.rows; row++) {
        state = S[row];
        place(RN ? RN[row] + 1 : 0, P[row], M[row], E[row]);
      }
      progress(c.rows);
    });
  }
  if (rowOf) grid.n = gridIds.length;
  if (!ordered) {
    plan.attributes.forEach((a, k) => {
      if (a.values.kind === 'category') for (const level of a.values.levels) layers[k].levels.code(level);
    });
  }

  const idColumn = input.idColumn;
  return {
    format: kind,
    file: source.file,
    grid,
    coder,
    ids: gridIds,
    personFile: persons ? persons.counts : counts,
    personLines: persons ? persons.lines : firstLines,
    hasMonths,
    weights: persons?.weights,
    starts: persons?.starts,
    covariates: (rows) => (persons ? personCovariates(persons, rows) : aq.table({ [idColumn]: Array.from(rows, (i) => gridIds[i]) })),
    monthLabel: formatMonth,
  };
}

function levelsOf(plan: MonthPlan, a: number): readonly string[] {
  const values = plan.attributes[a].values;
  return values.kind === 'category' ? values.levels : [];
}
