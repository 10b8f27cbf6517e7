import { ValueColumn } from '../column.js';
import { PersonRowCheck } from '../person-rows.js';
import type { PersonTable, ReadPersonsOptions } from '../persons.js';
import { ProblemLog } from '../problems.js';
import { sqlName, type DuckDb } from './engine.js';
import { openTableSource, type TableSource } from './source.js';
import { checkType, decimalExpr, idExpr, planColumn, planMonthColumns, textExpr, typeClass, type ColumnValues } from './values.js';

/**
 * Read a person file with DuckDB (a Parquet file or a database table) into
 * the same `PersonTable` as the CSV reader gives: the same checks (empty and
 * duplicate ids, weights, start months) and messages, located by row; every
 * column as numbers or categories. Rows move as typed columns; only the ids
 * become strings, one per person.
 *
 * @param db the database
 * @param file path of the Parquet file or DuckDB database
 * @param options id, weight and start columns, the problem log, and `table` for a database
 * @example
 * const persons = await readPersonsDuckDb(db, 'persons.parquet', { weight: 'weight' });
 */
export async function readPersonsDuckDb(db: DuckDb, file: string, options: ReadPersonsOptions & { table?: string }): Promise<PersonTable> {
  const source = await openTableSource(db, file, options.table, {}, '--persons-table');
  // a file DuckDB cannot read through (damaged pages) is an input error naming it
  return source.reading(() => readPersonRows(db, source, options));
}

async function readPersonRows(db: DuckDb, source: TableSource, options: ReadPersonsOptions): Promise<PersonTable> {
  const problems = options.problems ?? new ProblemLog(options.mode);
  const idColumn = options.id ?? 'person_id';
  source.requireColumn(idColumn, 'the person id');
  if (options.weight !== undefined) source.requireColumn(options.weight, 'the case weight');
  if (options.start !== undefined) source.requireColumn(options.start, 'the start month');
  const idType = checkType(source, idColumn, ['text', 'integer'], 'text or whole numbers (person ids)');
  if (options.weight !== undefined) checkType(source, options.weight, ['text', 'integer', 'number'], 'numbers (case weights)');
  if (options.start !== undefined) checkType(source, options.start, ['text', 'date'], 'YYYY-MM text or a DATE');
  await source.prepare('p', source.names);
  const counts = problems.file(source.file, 'persons', source.unit);
  const col = (name: string): string => `p.${sqlName(name)}`;

  // Numeric columns as numbers; the others as texts (codes into their distinct texts), which go
  // through ValueColumn.set like the CSV reader's cells, so the kept rows decide numbers or categories.
  const others = source.names.filter((name) => name !== idColumn);
  const plans: ColumnValues[] = [];
  for (const [k, name] of others.entries()) {
    const numeric = ['integer', 'number'].includes(typeClass(source.columnType(name)));
    plans.push(await planColumn(db, source, 'p', name, !numeric, `pcol${k}`));
  }
  const selected = ['p.__rn::DOUBLE', idExpr(col(idColumn), idType)];
  let weightText = "''";
  if (options.weight !== undefined) {
    const w = col(options.weight);
    const type = source.columnType(options.weight);
    weightText = textExpr(w, type);
    const value = typeClass(type) === 'text' ? decimalExpr(weightText) : `CAST(${w} AS DOUBLE)`;
    selected.push(`coalesce(${value}, 'NaN'::DOUBLE)`);
  }
  let monthOf: Int32Array | undefined;
  let startText = "''";
  if (options.start !== undefined) {
    const type = source.columnType(options.start);
    const months = await planMonthColumns(db, 'p', [{ sql: col(options.start), type }]);
    monthOf = months.monthOf;
    startText = textExpr(col(options.start), type, true);
    selected.push(`(${months.exprs[0]})::INTEGER`);
  }
  const first = selected.length;
  for (const plan of plans) selected.push(`(${plan.expr})::${plan.kind === 'number' ? 'DOUBLE' : 'INTEGER'}`);
  selected.push(`coalesce(${weightText}, '')`, `coalesce(${startText}, '')`);

  const check = new PersonRowCheck(
    { width: 0, idCol: 0, idColumn, weightCol: -1, weightColumn: options.weight, startCol: -1, startColumn: options.start },
    problems,
    counts,
  );
  const ids: string[] = [];
  const weights: number[] = [];
  const starts: number[] = [];
  const [{ rows }] = await db.rows('SELECT count(*)::DOUBLE AS rows FROM p');
  const columns = others.map((name) => new ValueColumn(name, Number(rows), false));
  const hasWeight = options.weight !== undefined;
  const startColumn = hasWeight ? 3 : 2; // after the row number, the id and the weight
  await db.columns(`SELECT ${selected.join(', ')} FROM p ORDER BY p.__rn`, (chunk) => {
    const rn = chunk.float64(0);
    const w = hasWeight ? chunk.float64(2) : undefined;
    const s = options.start !== undefined ? chunk.int32(startColumn) : undefined;
    const values = plans.map((plan, k) => (plan.kind === 'number' ? chunk.float64(first + k) : chunk.int32(first + k)));
    for (let i = 0; i < chunk.rows; i++) {
      counts.rowsRead++;
      const line = rn[i] + 1;
      const id = chunk.text(1, i) ?? '';
      const start = s ? (monthOf ? monthOf[s[i]] : s[i]) : undefined;
      const texts = { weight: () => chunk.text(selected.length - 2, i) ?? '', start: () => chunk.text(selected.length - 1, i) ?? '' };
      if (check.acceptValues(id, line, w ? w[i] : undefined, start, texts) === undefined) continue;
      for (let k = 0; k < plans.length; k++) {
        const plan = plans[k];
        const v = values[k][i];
        if (plan.kind === 'number') columns[k].numbers![ids.length] = v;
        else columns[k].set(ids.length, v < 0 ? '' : plan.levels[v]);
      }
      ids.push(id);
      weights.push(check.weight);
      starts.push(check.start);
      check.keep(id, line);
    }
  });

  const idValues = new ValueColumn(idColumn, ids.length, true);
  ids.forEach((id, k) => (idValues.categories![k] = idValues.levels.code(id)));
  for (const c of columns) c.resize(ids.length);
  const position = source.names.indexOf(idColumn);
  return {
    file: source.file,
    idColumn,
    ids,
    rowOf: check.rowOf,
    lines: Int32Array.from(check.lines),
    columns: [...columns.slice(0, position), idValues, ...columns.slice(position)],
    weights: hasWeight ? Float64Array.from(weights) : undefined,
    starts: options.start !== undefined ? Int32Array.from(starts) : undefined,
    rejectedIds: check.rejectedIds,
    counts,
  };
}
