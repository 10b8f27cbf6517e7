import { InputError } from '../../errors.js';
import type { CollectedPanel } from '../assemble.js';
import { CellSpill } from '../cell-spill.js';
import { CellGrid } from '../grid.js';
import { collectedMonths, MonthPersons, MonthRowPlacer, type MonthRowFields } from '../month-rows.js';
import { DEFAULT_MAX_MONTHS, type PanelOptions } from '../options.js';
import { unknownPersonProblem, type PersonTable } from '../persons.js';
import { MISSING_ID_MESSAGE, ProblemLog } from '../problems.js';
import { StateCoder } from '../states.js';
import { sqlName, sqlString, type ColumnChunk, type DuckDb } from './engine.js';
import type { FirstRows } from './first-rows.js';
import { pivotable, pivotMonths } from './pivot.js';
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
 * A CSV file that DuckDB may pivot is planned from its first rows this many
 * rows (a fraction of a scan), and pivoted straight from the file: a row
 * outside the sample's months or states sends it to the copy and the full plan.
 */
export const CSV_SAMPLE_ROWS = 2 ** 18;

/** Ends a trial read that cannot decide alone (rows out of file order, an id hash shared by two ids). */
class TrialAbort extends Error {}

/**
 * Collect a long or spell file through DuckDB. DuckDB parses the cells and
 * maps months, states and categories to integer codes (dictionaries of their
 * distinct values); the rows arrive in file order as typed columns, a person's
 * rows told apart by the hash of the id, and go through the same checks and
 * placement as the CSV reader (`MonthRowPlacer`).
 *
 * A first, trial read carries no texts and stops at the first problem; then
 * the rows are read again with the texts the messages need, so the problems
 * are the CSV reader's: the first in the file (strict) or every one, in order
 * (lenient), by row. A CSV file with a problem throws `NeedsLineReader`
 * instead, for the CSV reader to name the line.
 */
export async function collectMonthsDuckDb(input: DuckDbMonthsInput): Promise<CollectedPanel> {
  let plan = await planMonths(input, input.source.kind === 'csv' ? CSV_SAMPLE_ROWS : undefined);
  try {
    const pivoted = await pivotMonths(input, plan);
    if (pivoted) return pivoted;
  } finally {
    plan.stopScan(); // done, or not wanted by the reads below
  }
  if (plan.sampled) plan = await planMonths(input);
  const probe = new ProblemLog('strict');
  try {
    const panel = await readMonths(input, plan, probe, false);
    input.problems.adopt(probe.files[0]);
    return panel;
  } catch (err) {
    if (!(err instanceof InputError || err instanceof TrialAbort)) throw err;
  }
  if (input.source.kind === 'csv') throw new NeedsLineReader(`${input.source.file} needs the line-numbering reader`);
  return readMonths(input, plan, input.problems, true);
}

// A row's person when it has no grid row: not in the grid yet (added when a row is kept), no id, not in the person file.
const NEW = -1;
const NO_ID = -2;
const UNKNOWN = -3;

/** The columns, dictionaries and expressions of one month file. */
export interface MonthPlan {
  readonly columns: { readonly id: string; readonly month: string; readonly end: string; readonly state: string };
  /** The id column as stored, its type, and the id as trimmed text. */
  readonly idColumn: string;
  readonly idType: string;
  readonly idText: string;
  /** Month of each month code (-1: not a month), or undefined when the codes are months (DATE columns). */
  readonly monthOf: Int32Array | undefined;
  readonly monthExpr: string;
  readonly endExpr: string;
  /** The month column as text (`YYYY-MM`) or a date, as stored. */
  readonly monthValue: string;
  readonly monthSpan: { readonly lo: number; readonly hi: number };
  /** Every row holds a month (exactly `YYYY-MM`, or a date). */
  readonly monthsComplete: boolean;
  /** State texts by state code (code 0: NULL). */
  readonly stateTexts: readonly (string | null)[];
  /** A row's state code: index in `stateTexts` (-1: another text, possible in a plan from a sample). */
  readonly stateExpr: string;
  readonly attributes: readonly { readonly name: string; readonly values: ColumnValues }[];
  /** Rows in the file; undefined for a plan from a sample. */
  readonly rows: number | undefined;
  /**
   * Planned from the first rows only, the file read as it stands (not
   * copied, no `__rn`): months and states are those of the sample; a row
   * with another month falls outside the pivot's calendar, another state
   * has code -1, and either leaves the file to the full plan.
   */
  readonly sampled: boolean;
  /**
   * For a plan from a sample without a person file, the byte scan of the file
   * for the order of the persons' first rows (`scanFirstRows`), started with
   * the plan; resolves to undefined when a later line shows the file is not
   * plain, or the scan fails.
   */
  readonly firstRows: Promise<FirstRows | undefined> | undefined;
  /** End the byte scan (if any) at its next block: for a read that goes on without it. */
  stopScan(): void;
}

/**
 * Check a month file's columns and plan its read: the source prepared as
 * relation `m`, dictionaries of its months, states and categories, and the
 * SQL expressions that turn them into codes.
 *
 * @param sampleRows plan a file that DuckDB may pivot (`pivotable`) from its first rows (see `MonthPlan.sampled`);
 *   without a person file only if the byte scan takes the file (else it is copied, as without `sampleRows`)
 */
export async function planMonths({ db, source, kind, options, idColumn, persons }: DuckDbMonthsInput, sampleRows?: number): Promise<MonthPlan> {
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
  checkType(source, month, ['text', 'date'], 'YYYY-MM text or a DATE');
  if (kind === 'spell') checkType(source, end, ['text', 'date'], 'YYYY-MM text or a DATE');
  for (const name of options.attributes ?? []) source.requireColumn(name, 'a person-month attribute');
  const fixed = new Set([idColumn, state, month, kind === 'spell' ? end : idColumn]);
  const attributeNames = source.names.filter((name) => !fixed.has(name) && (!options.attributes || options.attributes.includes(name)));
  let sampled = sampleRows !== undefined && pivotable(kind, options, attributeNames.length);
  let firstRows: Promise<FirstRows | undefined> | undefined;
  const scanning = new AbortController();
  if (sampled && !persons) {
    // the order of the persons' first rows: the byte scan, started first to run on this thread while DuckDB
    // reads; a file it cannot take (quotes) has no such order read as it stands, and is copied
    const scan = await source.scanFirstRows(idColumn);
    firstRows = scan?.(scanning.signal).catch(() => undefined);
    sampled = scan !== undefined;
  }
  await source.prepare('m', [...fixed, ...attributeNames], sampled);
  // the dictionaries come from relation m, or from the sample under that name
  let from = 'm';
  if (sampled && sampleRows !== undefined) {
    await db.run(`CREATE OR REPLACE TEMP TABLE m_sample AS SELECT DISTINCT * FROM (${source.head([month, state], sampleRows)})`);
    from = 'm_sample AS m';
  }

  const col = (name: string): string => `m.${sqlName(name)}`;
  const monthColumns = kind === 'spell' ? [month, end] : [month];
  const months = await planMonthColumns(db, from, monthColumns.map((c) => ({ sql: col(c), type: source.columnType(c) })));
  const stateText = textExpr(col(state), source.columnType(state));
  const stateTexts = [null, ...(await db.rows(`SELECT DISTINCT ${stateText} AS v FROM ${from} WHERE ${stateText} IS NOT NULL`)).map((r) => String(r.v))];
  // code k at list position k + 1, NULL first (list_position finds a NULL), so another text has no position
  const stateList = `[${['NULL', ...stateTexts.slice(1).map((t) => sqlString(t!))].join(', ')}]::VARCHAR[]`;

  const categorical = new Set(['employer_id', ...(options.categorical ?? [])]);
  const attributes: { name: string; values: ColumnValues }[] = [];
  for (const [k, name] of attributeNames.entries()) {
    const values = await planColumn(db, source, 'm', name, categorical.has(name), `attr${k}`);
    attributes.push({ name, values });
  }
  const rows = sampled ? undefined : Number((await db.rows('SELECT count(*)::DOUBLE AS rows FROM m'))[0].rows);
  return {
    columns: { id: idColumn, month, end, state },
    idColumn: col(idColumn),
    idType,
    idText: idExpr(col(idColumn), idType),
    monthOf: months.monthOf,
    monthExpr: months.exprs[0],
    endExpr: months.exprs[kind === 'spell' ? 1 : 0],
    monthValue: textExpr(col(month), source.columnType(month), true),
    monthSpan: { lo: months.lo, hi: months.hi },
    monthsComplete: months.complete,
    stateTexts,
    stateExpr: `coalesce(list_position(${stateList}, ${stateText}), 0) - 1`,
    attributes,
    rows,
    sampled,
    firstRows,
    stopScan: () => scanning.abort(),
  };
}

/**
 * The trimmed id of each distinct id hash (`hash(id)` as stored), keyed by the
 * hash's low 53 bits: a trial read looks an id up only where the hash changes.
 * Throws TrialAbort when two ids share a key (the re-read then compares texts).
 */
async function idsByHash(db: DuckDb, plan: MonthPlan): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  const sql = `SELECT hash(raw)::UBIGINT, coalesce(${idExpr('raw', plan.idType)}, '') FROM (SELECT DISTINCT ${plan.idColumn} AS raw FROM m)`;
  await db.columns(sql, (chunk) => {
    const words = chunk.uint32(0);
    for (let i = 0; i < chunk.rows; i++) {
      const key = hashKey(words, i);
      if (ids.has(key)) throw new TrialAbort('two ids share a hash');
      ids.set(key, chunk.text(1, i)!);
    }
  });
  return ids;
}

/** The low 53 bits of row i's 64-bit hash (two 32-bit words, little-endian) as a number. */
function hashKey(words: Uint32Array, i: number): number {
  return (words[2 * i + 1] & 0x1fffff) * 4294967296 + words[2 * i];
}

/**
 * Read the rows in file order and place them in a grid. A trial read
 * (`withTexts` false) finds ids through `idsByHash` and stops at the first
 * problem (strict probe log) or at rows out of file order; the full read
 * carries the id, month, end and state texts and sorts by row.
 */
async function readMonths(input: DuckDbMonthsInput, plan: MonthPlan, problems: ProblemLog, withTexts: boolean): Promise<CollectedPanel> {
  const { db, source, kind, options, persons } = input;
  const counts = problems.file(source.file, kind === 'long' ? 'months' : 'spells', source.unit);
  const coder = new StateCoder(options.states);
  const maxMonths = options.maxMonths ?? DEFAULT_MAX_MONTHS;
  const span = plan.monthSpan.lo <= plan.monthSpan.hi ? plan.monthSpan.hi - plan.monthSpan.lo + 1 : 0;
  // The grid's months are known; beyond the limit it grows as rows come, so the row that breaks the limit is named.
  const months = span > 0 && span <= maxMonths ? { columns: span, base: plan.monthSpan.lo } : {};
  const spill = onDisk(options, plan) ? new CellSpill(plan.attributes.length, options.tempDir) : undefined;
  const grid = new CellGrid({ ...months, rows: persons?.ids.length, budgetBytes: options.memoryBudgetBytes, spill });
  const layers = plan.attributes.map((a) => grid.addLayer(a.name, a.values.kind === 'category'));
  // Category codes of the dictionary -> level codes, given in order of first use.
  const levelOf = plan.attributes.map((a) => (a.values.kind === 'category' ? new Int32Array(a.values.levels.length).fill(-1) : undefined));
  const people = new MonthPersons(grid, persons);
  const stateCode = new Int32Array(plan.stateTexts.length).fill(-1000);
  const byHash = withTexts ? undefined : await idsByHash(db, plan);

  // The row being placed: its chunk and index, id, state code and attribute values.
  let chunk: ColumnChunk | undefined;
  let row = 0;
  let id = '';
  let state = 0;
  let values: (Float64Array | Int32Array)[] = [];
  const spell = kind === 'spell' ? 1 : 0;
  // Columns: hash words, row number, month, [end], state, attributes, [id, month, end, state texts].
  const first = 4 + spell;
  const textColumn = first + plan.attributes.length;
  const text = (k: number): string => (withTexts ? (chunk!.text(textColumn + k, row) ?? '') : '');
  const fields: MonthRowFields = {
    code() {
      if (stateCode[state] === -1000) stateCode[state] = coder.code(plan.stateTexts[state] ?? '');
      return stateCode[state];
    },
    id: () => id,
    month: () => text(1),
    end: () => text(2),
    state: () => text(3),
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
    maxMonths,
    hasMonths: people.hasMonths,
    addPerson: (line) => people.add(id, line),
    writeAttributes(cell, gridRow, month) {
      for (let a = 0; a < layers.length; a++) {
        const map = levelOf[a];
        let v = values[a][row];
        if (map && v >= 0) {
          if (map[v] < 0) map[v] = layers[a].levels.code(levelsOf(plan, a)[v]);
          v = map[v];
        }
        if (spill) spill.values[a] = v;
        else if (!map) layers[a].numbers![cell] = v;
        else if (v >= 0) layers[a].categories![cell] = v;
      }
      spill?.add(gridRow, month);
    },
  });

  const selected = [
    `hash(${plan.idColumn})::UBIGINT`,
    'm.__rn::DOUBLE',
    `(${plan.monthExpr})::INTEGER`,
    ...(spell ? [`(${plan.endExpr})::INTEGER`] : []),
    `(${plan.stateExpr})::INTEGER`,
    ...plan.attributes.map((a) => `(${a.values.expr})::${a.values.kind === 'number' ? 'DOUBLE' : 'INTEGER'}`),
  ];
  if (withTexts) {
    const raw = (name: string): string => textExpr(`m.${sqlName(name)}`, source.columnType(name), true);
    selected.push(`coalesce(${plan.idText}, '')`, raw(plan.columns.month), spell ? raw(plan.columns.end) : "''", raw(plan.columns.state));
  }
  const sql = `SELECT ${selected.join(', ')} FROM m${withTexts ? ' ORDER BY m.__rn' : ''}`;
  const monthOf = plan.monthOf;
  const quick = !spell;
  // Between chunks: the last row's hash words and row number (a typed array: doubles kept in
  // closure variables would be boxed on every store), and its person (grid row, NEW, NO_ID, UNKNOWN).
  const last = Float64Array.of(-1, -1, -1);
  let person = NO_ID;
  let done = 0;
  try {
    await db.columns(sql, (c) => {
      chunk = c;
      const words = c.uint32(0);
      const RN = c.float64(1);
      const M = c.int32(2);
      const E = spell ? c.int32(3) : M;
      const S = c.int32(3 + spell);
      values = plan.attributes.map((a, k) => (a.values.kind === 'number' ? c.float64(first + k) : c.int32(first + k)));
      let [lo, hi, lastRow] = last;
      counts.rowsRead += c.rows;
      for (row = 0; row < c.rows; row++) {
        const line = RN[row] + 1;
        if (!withTexts && RN[row] < lastRow) throw new TrialAbort('rows out of file order');
        lastRow = RN[row];
        if (words[2 * row] !== lo || words[2 * row + 1] !== hi || person === NEW) {
          lo = words[2 * row];
          hi = words[2 * row + 1];
          id = byHash ? byHash.get(hashKey(words, row))! : text(0);
          person = id === '' ? NO_ID : (people.rowOf.get(id) ?? (persons ? UNKNOWN : NEW));
        }
        if (person === NO_ID) {
          problems.reject(counts, line, plan.columns.id, 'missing id', MISSING_ID_MESSAGE);
          continue;
        }
        if (person === UNKNOWN) {
          const { reason, message } = unknownPersonProblem(persons!, id);
          problems.reject(counts, line, plan.columns.id, reason, message);
          continue;
        }
        state = S[row];
        const month = monthOf ? monthOf[M[row]] : M[row];
        // the state is coded only for a row with a month, as in place (an open alphabet takes kept rows' states)
        if (quick && month >= 0 && placer.placeMonth(person, month, stateCode[state] === -1000 ? fields.code() : stateCode[state])) continue;
        const end = spell ? (monthOf ? monthOf[E[row]] : E[row]) : month;
        const placed = placer.place(line, person, month, end, fields);
        if (person === NEW && placed >= 0) person = placed;
      }
      last[0] = lo;
      last[1] = hi;
      last[2] = lastRow;
      done += c.rows;
      options.progress?.(`reading ${source.file}`, done, plan.rows ?? done);
    });
  } catch (err) {
    spill?.remove();
    throw err;
  }

  placer.finish();
  return collectedMonths({ kind, file: source.file, grid, coder, people, counts, idColumn: input.idColumn });
}

/** Bytes of person-month attributes above which `attributeStore: 'auto'` keeps them on disk: 256 MiB (about 8 million rows of 4 attributes). */
export const ATTRIBUTES_IN_MEMORY_BYTES = 2 ** 28;

/** Whether the attributes go to disk: asked for, or (auto) a file whose rows hold more than `ATTRIBUTES_IN_MEMORY_BYTES` of them. */
function onDisk(options: PanelOptions, plan: MonthPlan): boolean {
  const store = options.attributeStore ?? 'auto';
  if (plan.attributes.length === 0 || store === 'memory') return false;
  return store === 'disk' || (plan.rows ?? 0) * plan.attributes.length * 8 > ATTRIBUTES_IN_MEMORY_BYTES;
}

function levelsOf(plan: MonthPlan, a: number): readonly string[] {
  const values = plan.attributes[a].values;
  return values.kind === 'category' ? values.levels : [];
}
