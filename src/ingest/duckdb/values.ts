import { InputError } from '../../errors.js';
import { parseMonth } from '../month.js';
import { parseNumber } from '../values.js';
import { sqlName, sqlString, type DuckDb } from './engine.js';
import type { TableSource } from './source.js';

/** How loopbaan reads a DuckDB column type. */
export type TypeClass = 'text' | 'integer' | 'number' | 'date' | 'other';

/**
 * Classify a DuckDB type name (as `DESCRIBE` gives it).
 *
 * @example
 * typeClass('DECIMAL(10,2)'); // 'number'
 * typeClass("ENUM('a', 'b')"); // 'text'
 */
export function typeClass(type: string): TypeClass {
  if (type === 'VARCHAR' || type.startsWith('ENUM(')) return 'text';
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(type)) return 'integer';
  if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL')) return 'number';
  if (type === 'DATE' || type.startsWith('TIMESTAMP')) return 'date';
  return 'other';
}

/**
 * A column as text, as a CSV file would hold it: text as is, numbers and
 * others cast, dates as `YYYY-MM` when `month` is set.
 *
 * @param column the column in SQL (a qualified name such as `m."month"`)
 * @param type its DuckDB type
 * @example
 * textExpr('m."month"', 'DATE', true); // "strftime(m.\"month\", '%Y-%m')"
 */
export function textExpr(column: string, type: string, month = false): string {
  if (type === 'VARCHAR') return column;
  if (month && typeClass(type) === 'date') return `strftime(${column}, '%Y-%m')`;
  return `CAST(${column} AS VARCHAR)`;
}

/** The column, checked to hold what `expected` says it must (`classes`); else an InputError naming file, column and type. */
export function checkType(source: TableSource, column: string, classes: readonly TypeClass[], expected: string): string {
  const type = source.columnType(column);
  if (!classes.includes(typeClass(type))) throw new InputError(source.file, undefined, column, `column "${column}" has type ${type}; expected ${expected}`);
  return type;
}

// Decimal text that DuckDB's cast and JavaScript's Number read as the same double.
const DECIMAL = '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?';

/**
 * A text column read as a number when it is decimal text (NULL otherwise):
 * the texts for which DuckDB's cast and `parseNumber` agree.
 */
export function decimalExpr(text: string): string {
  return `CASE WHEN regexp_full_match(trim(${text}), ${sqlString(DECIMAL)}) THEN TRY_CAST(trim(${text}) AS DOUBLE) END`;
}

/**
 * A person id column as text, trimmed (as the CSV reader trims ids); whole numbers as their digits.
 *
 * @example
 * idExpr('m."person_id"', 'BIGINT'); // 'CAST(m."person_id" AS VARCHAR)'
 */
export function idExpr(column: string, type: string): string {
  return typeClass(type) === 'integer' ? `CAST(${column} AS VARCHAR)` : `trim(CAST(${column} AS VARCHAR))`;
}
// Cells that mean "no value" (see isAbsent), as SQL.
const absent = (text: string): string => `(${text} IS NULL OR ${text} = '' OR ${text} = 'NA')`;

/** How the values of a column reach JavaScript: a DOUBLE expression, or an INTEGER expression of category codes with their levels. */
export type ColumnValues =
  | { readonly kind: 'number'; readonly expr: string }
  | { readonly kind: 'category'; readonly expr: string; readonly levels: readonly string[] };

/**
 * Plan how to read one column of a source as the CSV reader would: numbers
 * when every value present is a number (typed numeric columns always; text
 * columns when every value is decimal text), else categories whose levels are
 * the distinct texts in order of first appearance (`-1` for absent cells:
 * empty, `NA`, NULL). Categories are read as the code of an ENUM type of
 * their levels (a cast, not a join, so the rows keep their file order), so
 * rows carry an INTEGER code, never a string.
 *
 * @param db the database
 * @param source the source, prepared as relation `relation`
 * @param relation name of the prepared relation (for the dictionary query)
 * @param column the column
 * @param category true to read the column as categories whatever its values (ids, employer_id)
 * @param alias name for the ENUM type (unique per database)
 * @returns the expression to select, and for categories the levels
 */
export async function planColumn(db: DuckDb, source: TableSource, relation: string, column: string, category: boolean, alias: string): Promise<ColumnValues> {
  const type = source.columnType(column);
  const cls = typeClass(type);
  const c = `${relation}.${sqlName(column)}`;
  if (!category && (cls === 'integer' || cls === 'number')) return { kind: 'number', expr: `coalesce(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)` };
  const text = textExpr(c, type);
  if (!category && cls === 'text' && (await allNumeric(db, relation, text))) {
    return { kind: 'number', expr: `coalesce(${decimalExpr(text)}, 'NaN'::DOUBLE)` };
  }
  const levels = (
    await db.rows(`SELECT v FROM (SELECT ${text} AS v, min(__rn) AS first FROM ${relation} WHERE NOT ${absent(text)} GROUP BY 1) ORDER BY first`)
  ).map((r) => String(r.v));
  if (levels.length === 0) return { kind: 'category', expr: '-1', levels };
  await db.run(`CREATE TYPE ${alias} AS ENUM (${levels.map(sqlString).join(', ')})`);
  return { kind: 'category', expr: `coalesce(enum_code(TRY_CAST(${text} AS ${alias}))::INTEGER, -1)`, levels };
}

/** True when every value present in a text column is a number for `parseNumber`. */
async function allNumeric(db: DuckDb, relation: string, text: string): Promise<boolean> {
  // Values that are not plain decimal text are few; JavaScript decides them.
  const odd = await db.rows(
    `SELECT DISTINCT ${text} AS v FROM ${relation} WHERE NOT ${absent(text)} AND NOT regexp_full_match(trim(${text}), ${sqlString(DECIMAL)}) LIMIT 100`,
  );
  return odd.every((r) => !Number.isNaN(parseNumber(String(r.v))));
}

/** How month columns reach JavaScript: an INTEGER expression per column, decoded with `monthOf`. */
export interface MonthCodes {
  /** One expression per column: a month number (DATE columns), or a code into `monthOf`. */
  readonly exprs: readonly string[];
  /** Month of each code (-1: not a month; code 0 is NULL or text that is not a month); undefined when the expressions give months. */
  readonly monthOf: Int32Array | undefined;
  /** First and last valid month in the columns (lo > hi when there is none). */
  readonly lo: number;
  readonly hi: number;
  /** True when every row holds a month in each column, as `YYYY-MM` exactly (text) or a date: no NULL, no other text. */
  readonly complete: boolean;
}

/**
 * Plan how to read month columns (`YYYY-MM` text, or DATE / TIMESTAMP):
 * DATE columns as month numbers (`year * 12 + month - 1`, -1 for NULL); text
 * columns as codes into the list of their distinct texts that are months
 * (parsed by `parseMonth`, as the CSV reader does), so each row carries a
 * small integer and the texts are parsed once.
 *
 * @param db the database
 * @param relation the relation holding the columns
 * @param columns the columns in SQL (qualified) with their DuckDB types
 */
export async function planMonthColumns(db: DuckDb, relation: string, columns: readonly { readonly sql: string; readonly type: string }[]): Promise<MonthCodes> {
  if (columns.every((c) => typeClass(c.type) === 'date')) {
    const exprs = columns.map((c) => `coalesce(year(${c.sql}) * 12 + month(${c.sql}) - 1, -1)`);
    const all = exprs.map((e) => `SELECT ${e} AS x FROM ${relation}`).join(' UNION ALL ');
    const [range] = await db.rows(
      `SELECT coalesce(min(x) FILTER (WHERE x >= 0), 0)::INTEGER AS lo, coalesce(max(x), -1)::INTEGER AS hi, count(*) FILTER (WHERE x < 0)::DOUBLE AS nulls FROM (${all})`,
    );
    return { exprs, monthOf: undefined, lo: Number(range.lo), hi: Number(range.hi), complete: Number(range.nulls) === 0 };
  }
  const texts = columns.map((c) => textExpr(c.sql, c.type, true));
  const distinct = await db.rows(`SELECT DISTINCT v FROM (${texts.map((t) => `SELECT ${t} AS v FROM ${relation}`).join(' UNION ALL ')})`);
  const valid: string[] = [];
  const months = [-1];
  let lo = Infinity;
  let hi = -Infinity;
  let complete = true;
  for (const r of distinct) {
    if (r.v === null) {
      complete = false;
      continue;
    }
    const text = String(r.v);
    let m = parseMonth(text);
    if (m < 0) m = parseMonth(text.trim());
    if (m < 0 || m !== parseMonth(text)) complete = false;
    if (m < 0) continue;
    valid.push(text);
    months.push(m);
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  }
  const list = `[${valid.map(sqlString).join(', ')}]::VARCHAR[]`;
  return {
    exprs: texts.map((t) => `coalesce(list_position(${list}, ${t}), 0)`),
    monthOf: Int32Array.from(months),
    lo: valid.length > 0 ? lo : 0,
    hi: valid.length > 0 ? hi : -1,
    complete,
  };
}
