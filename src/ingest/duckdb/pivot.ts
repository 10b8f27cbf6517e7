import type { CollectedPanel } from '../assemble.js';
import { CellGrid } from '../grid.js';
import { formatMonth } from '../month.js';
import { collectedMonths } from '../month-rows.js';
import { DEFAULT_MAX_MONTHS, type PanelOptions } from '../options.js';
import { ProblemLog } from '../problems.js';
import { StateCoder, UNKNOWN_STATE } from '../states.js';
import { sqlString } from './engine.js';
import type { DuckDbMonthsInput, MonthPlan } from './months.js';
import type { FirstRows } from './first-rows.js';
import { idExpr } from './values.js';

/** Ends a pivot of a file with a problem, which the row-by-row read then reports. */
class NotClean extends Error {}

/** Whether a month file may be pivoted: a long file without person-month attributes to read or priority order. */
export function pivotable(kind: 'long' | 'spell', options: PanelOptions, attributes: number): boolean {
  return kind === 'long' && attributes === 0 && !options.priority;
}

/** At most this many 64-bit words a person (more: months x state bits too many for one aggregate row). */
const MAX_WORDS = 24;

/**
 * A long file read by DuckDB straight into the grid, when nothing in it can
 * be a problem that the row-by-row read would report: DuckDB groups the rows
 * by person and pivots them to months, and only one row a person reaches
 * JavaScript. Person p's month m (offset o = m - first month) holds state
 * value v = state index + 1 (0: no row), b = bits(S + 1) bits wide, w =
 * floor(64 / b) months a 64-bit word:
 *
 *   word_k(p) = bit_or over p's rows with floor(o / w) = k of  v << (b * (o mod w))
 *
 * with the person's row count and first row. A person-month given twice
 * leaves fewer months than rows, and is then read row by row; so does a row
 * whose month or state a plan from a sample does not know (it has no field).
 *
 * Taken only for a long file without person-month attributes or priority
 * order, whose months are all `YYYY-MM` (or dates) within `maxMonths`, whose
 * states are all in the alphabet, and, after the pivot, whose ids are present,
 * without spaces around them and in the person file, with no month before a
 * person's start and no person-month twice; otherwise returns undefined and
 * the rows are read one by one with the checks and messages of the CSV
 * reader. Persons come in the order of their first row, as that reader adds
 * them.
 *
 * @returns the collected panel, or undefined when the file needs the row-by-row read
 */
export async function pivotMonths(input: DuckDbMonthsInput, plan: MonthPlan): Promise<CollectedPanel | undefined> {
  const { db, source, kind, options, persons } = input;
  const { lo, hi } = plan.monthSpan;
  const span = hi - lo + 1;
  if (!pivotable(kind, options, plan.attributes.length) || !plan.monthsComplete) return undefined;
  if (span < 1 || span > (options.maxMonths ?? DEFAULT_MAX_MONTHS)) return undefined;
  const coder = new StateCoder(options.states);
  const codeOf = Int32Array.from(plan.stateTexts, (text) => coder.code(text ?? ''));
  if (codeOf.includes(UNKNOWN_STATE)) return undefined;
  const bits = 32 - Math.clz32(plan.stateTexts.length);
  const perWord = Math.floor(64 / bits);
  const words = Math.ceil(span / perWord);
  if (words > MAX_WORDS) return undefined;

  // Month offset of each row: position in the list of the months lo..hi as YYYY-MM (NULL for any other text), or from the date.
  let offset = `(${plan.monthExpr}) - ${lo}`;
  if (plan.monthOf) {
    const calendar = Array.from({ length: span }, (_, o) => sqlString(formatMonth(lo + o)));
    offset = `list_position([${calendar.join(', ')}]::VARCHAR[], ${plan.monthValue}) - 1`;
  }
  // each row's word w and shifted value, once; then one filtered bit_or a word (cheaper than a CASE a word and row)
  const packed = Array.from({ length: words }, (_, k) => `coalesce(bit_or(sv) FILTER (WHERE w = ${k}), 0)::UBIGINT`);
  // Without a person file, persons come in the order of their first row: DuckDB sorts them by their first
  // row number, or for a CSV file read as it stands (no row numbers) the plan's byte scan finds it.
  const scanned = plan.firstRows;
  const ordered = !persons && !scanned;
  // the id as the CSV reader reads it (trimmed), and whether the stored id differs (spaces: ids written two ways could meet)
  const id = idExpr('id', plan.idType);
  const sql =
    `SELECT coalesce(${id}, ''), (${id} <> CAST(id AS VARCHAR))::INTEGER, count(*)::DOUBLE${ordered ? ', min(rn)::DOUBLE AS first' : ''}, ${packed.join(', ')} ` +
    `FROM (SELECT id${ordered ? ', rn' : ''}, o // ${perWord} AS w, v << (${bits} * (o % ${perWord}))::UBIGINT AS sv ` +
    `FROM (SELECT ${plan.idColumn} AS id${ordered ? ', m.__rn AS rn' : ''}, (${offset})::INTEGER AS o, (${plan.stateExpr} + 1)::UBIGINT AS v FROM m)) ` +
    `GROUP BY id${ordered ? ' ORDER BY first' : ''}`;
  const wordsAt = ordered ? 4 : 3;

  const hasMonths = persons ? new Uint8Array(persons.ids.length) : undefined;
  const probe = new ProblemLog('strict');
  const counts = probe.file(source.file, 'months', source.unit);
  // Without a person file the grid rows are the stored ids, distinct and in order of their first row.
  const people = persons ? undefined : { persons, ids: [] as string[], firstLines: [] as number[], hasMonths: undefined };
  let firstRows: FirstRows | undefined;
  let grid!: CellGrid; // made once the number of ids is known, before the first chunk
  const mask = (1 << bits) - 1;
  try {
    await source.reading(() => db.columns(
      sql,
      (chunk) => {
        const ids = chunk.texts(0);
        const untrimmed = chunk.int32(1);
        const rowCounts = chunk.float64(2);
        const firstRowNumbers = ordered ? chunk.float64(3) : undefined;
        // signed views: V8 keeps int32 values unboxed, not uint32 values above 2^31
        const packedWords = Array.from({ length: words }, (_, k) => {
          const word = chunk.uint32(wordsAt + k);
          return new Int32Array(word.buffer, word.byteOffset, word.length);
        });
        const codes = grid.codes;
        for (let g = 0; g < chunk.rows; g++) {
          const id = ids[g] ?? '';
          // no id, an id with spaces around it, a person not in the person file (or not found by the scan)
          if (id === '' || untrimmed[g] !== 0) throw new NotClean();
          const row = persons ? (persons.rowOf.get(id) ?? -1) : firstRows ? (firstRows.indexOf.get(id) ?? -1) : people!.ids.length;
          if (row < 0) throw new NotClean();
          const from = persons?.starts ? persons.starts[row] - lo : 0;
          let placed = 0;
          for (let k = 0; k < words; k++) {
            let low = packedWords[k][2 * g];
            let high = packedWords[k][2 * g + 1];
            // fields from the lowest up (shifting the 64-bit word right), until the rest of the word is empty
            for (let o = k * perWord; (low | high) !== 0; o++) {
              const v = low & mask;
              low = (low >>> bits) | (high << (32 - bits));
              high >>>= bits;
              if (v === 0) continue;
              if (o < from || o >= span) throw new NotClean();
              codes[row * span + o] = codeOf[v - 1];
              placed++;
            }
          }
          if (placed !== rowCounts[g]) throw new NotClean();
          if (firstRowNumbers) {
            people!.ids.push(id);
            people!.firstLines.push(firstRowNumbers[g] + 1);
          } else if (hasMonths) {
            hasMonths[row] = 1;
          }
          counts.rowsRead += placed;
          counts.rowsKept += placed;
        }
      },
      async (groups) => {
        if (scanned) {
          // the scan must have found the same persons as DuckDB
          firstRows = await scanned;
          if (!firstRows || firstRows.ids.length !== groups) throw new NotClean();
          people!.ids = firstRows.ids;
          people!.firstLines = firstRows.rows.map((r) => r + 1);
        }
        const rows = persons ? persons.ids.length : groups;
        grid = new CellGrid({ columns: span, base: lo, rows, budgetBytes: options.memoryBudgetBytes });
        grid.addRows(rows);
        grid.cover(lo, hi);
      },
    ));
  } catch (err) {
    if (err instanceof NotClean) return undefined;
    throw err;
  }
  // and every row of the file was placed (the scan and DuckDB saw the same rows)
  if (firstRows && firstRows.dataRows !== counts.rowsRead) return undefined;
  options.progress?.(`reading ${source.file}`, counts.rowsRead, plan.rows ?? counts.rowsRead);
  input.problems.adopt(probe.files[0]);
  const personRows = people ?? { persons, ids: [...persons!.ids], firstLines: [], hasMonths };
  return collectedMonths({ kind, file: source.file, grid, coder, people: personRows, counts, idColumn: input.idColumn });
}
