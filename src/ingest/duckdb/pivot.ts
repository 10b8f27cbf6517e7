import type { CollectedPanel } from '../assemble.js';
import { CellGrid } from '../grid.js';
import { formatMonth } from '../month.js';
import { collectedMonths } from '../month-rows.js';
import { DEFAULT_MAX_MONTHS, type PanelOptions } from '../options.js';
import { ProblemLog } from '../problems.js';
import { StateCoder, UNKNOWN_STATE } from '../states.js';
import { VOID } from '../../sequences/types.js';
import { sqlString } from './engine.js';
import type { DuckDbMonthsInput, MonthPlan } from './months.js';
import type { FirstRows } from './first-rows.js';

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
  const query = pivotQuery(input, plan);
  if (!query) return undefined;
  const { db, source, kind, options, persons } = input;
  const { lo, hi } = plan.monthSpan;
  const { sql, layout, coder, ordered, wordsAt } = query;
  const { words, span } = layout;
  const scanned = plan.firstRows;

  const hasMonths = persons ? new Uint8Array(persons.ids.length) : undefined;
  const probe = new ProblemLog('strict');
  const counts = probe.file(source.file, 'months', source.unit);
  // Without a person file the grid rows are the stored ids, distinct and in order of their first row
  // (arrays made once their number is known: growing arrays touch fresh memory, which is slow).
  let ids: string[] = [];
  let firstLines: ArrayLike<number> = [];
  let firstLineOf: Float64Array | undefined;
  let added = 0;
  let groupsBefore = 0;
  let firstRows: FirstRows | undefined;
  let grid!: CellGrid; // made once the number of ids is known, before the first chunk
  let gridRows = new Int32Array(0);
  try {
    await db.columns(
      sql,
      (chunk) => {
        const chunkIds = chunk.texts(0);
        const rowCounts = chunk.float64(1);
        const firstRowNumbers = ordered ? chunk.float64(2) : undefined;
        // signed views: V8 keeps int32 values unboxed, not uint32 values above 2^31
        const packedWords = Array.from({ length: words }, (_, k) => {
          const word = chunk.uint32(wordsAt + k);
          return new Int32Array(word.buffer, word.byteOffset, word.length);
        });
        if (gridRows.length < chunk.rows) gridRows = new Int32Array(chunk.rows);
        for (let g = 0; g < chunk.rows; g++) {
          const id = chunkIds[g] ?? '';
          // no id, an id with spaces around it (which the CSV reader trims: ids written two ways could meet),
          // a person not in the person file (or not found by the scan)
          if (id === '' || id.trim() !== id) throw new NotClean();
          const row = persons ? (persons.rowOf.get(id) ?? -1) : firstRows ? scannedRow(firstRows, id, groupsBefore + g) : added;
          if (row < 0) throw new NotClean();
          gridRows[g] = row;
          if (firstRowNumbers) {
            ids[added] = id;
            firstLineOf![added++] = firstRowNumbers[g] + 1;
          } else if (hasMonths) {
            hasMonths[row] = 1;
          }
        }
        const placed = unpackMonths(packedWords, chunk.rows, gridRows, grid.codes, layout);
        for (let g = 0; g < chunk.rows; g++) {
          // a month given twice (fewer months than rows), a month before the person's start
          if (placed[g] !== rowCounts[g] || (persons?.starts && !emptyBefore(grid.codes, gridRows[g] * span, persons.starts[gridRows[g]] - lo))) throw new NotClean();
          counts.rowsRead += placed[g];
        }
        counts.rowsKept = counts.rowsRead;
        groupsBefore += chunk.rows;
      },
      async (groups) => {
        if (scanned) {
          // the scan must have found the same persons as DuckDB
          firstRows = await scanned;
          if (!firstRows || firstRows.ids.length !== groups) throw new NotClean();
          ids = firstRows.ids;
          firstLines = firstRows.rows.map((r) => r + 1);
        } else if (ordered) {
          ids = new Array<string>(groups);
          firstLines = firstLineOf = new Float64Array(groups);
        }
        const rows = persons ? persons.ids.length : groups;
        grid = new CellGrid({ columns: span, base: lo, rows, budgetBytes: options.memoryBudgetBytes });
        grid.addRows(rows);
        grid.cover(lo, hi);
      },
    );
  } catch (err) {
    if (err instanceof NotClean) return undefined;
    throw err;
  }
  // and every row of the file was placed (the scan and DuckDB saw the same rows)
  if (firstRows && firstRows.dataRows !== counts.rowsRead) return undefined;
  options.progress?.(`reading ${source.file}`, counts.rowsRead, plan.rows ?? counts.rowsRead);
  input.problems.adopt(probe.files[0]);
  const personRows = persons ? { persons, ids: [...persons.ids], firstLines: [], hasMonths } : { persons, ids, firstLines, hasMonths };
  return collectedMonths({ kind, file: source.file, grid, coder, people: personRows, counts, idColumn: input.idColumn });
}

/** DuckDB's grouping query of a pivot, and how to read its rows. */
export interface PivotQuery {
  readonly sql: string;
  readonly layout: PackedLayout;
  readonly coder: StateCoder;
  /** Persons are ordered by their first row number (column 2), from DuckDB. */
  readonly ordered: boolean;
  /** Column of the first packed word. */
  readonly wordsAt: number;
}

/**
 * The query that groups a month file's rows by person into packed month
 * words (see `pivotMonths`), or undefined when the file cannot be pivoted:
 * not `pivotable`, months not all `YYYY-MM` or beyond `maxMonths`, a state
 * outside the alphabet, or too many words a person. Exported for the ingest
 * bench, which times it alone against DuckDB's scan.
 *
 * @example
 * const plan = await planMonths(input);
 * const query = pivotQuery(input, plan); // query?.sql: SELECT CAST(id AS VARCHAR), count(*)::DOUBLE, ... GROUP BY id
 */
export function pivotQuery(input: DuckDbMonthsInput, plan: MonthPlan): PivotQuery | undefined {
  const { kind, options, persons } = input;
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
  // row number, or for a CSV file read as it stands (no row numbers) the plan's byte scan finds it; DuckDB
  // then sorts them by id, which pairs them with the scan's ids in turn when those came in increasing order.
  const scanned = plan.firstRows;
  const ordered = !persons && !scanned;
  const sql =
    `SELECT CAST(id AS VARCHAR), count(*)::DOUBLE${ordered ? ', min(rn)::DOUBLE AS first' : ''}, ${packed.join(', ')} ` +
    `FROM (SELECT id${ordered ? ', rn' : ''}, o // ${perWord} AS w, v << (${bits} * (o % ${perWord}))::UBIGINT AS sv ` +
    `FROM (SELECT ${plan.idColumn} AS id${ordered ? ', m.__rn AS rn' : ''}, (${offset})::INTEGER AS o, (${plan.stateExpr} + 1)::UBIGINT AS v FROM m)) ` +
    `GROUP BY id${ordered ? ' ORDER BY first' : scanned ? ' ORDER BY id' : ''}`;
  // a field's grid code: 0 (no row) not observed, v the state of index v - 1
  const fieldCode = new Uint8Array(1 << bits).fill(VOID);
  codeOf.forEach((code, k) => (fieldCode[k + 1] = code));
  return { sql, layout: { words, perWord, bits, span, fieldCode }, coder, ordered, wordsAt: ordered ? 3 : 2 };
}

/** The grid row of DuckDB's group `group` (the groups ordered by id), whose id is `id`: its place in the scan's ids, or -1. */
function scannedRow(scan: FirstRows, id: string, group: number): number {
  if (scan.indexOf) return scan.indexOf.get(id) ?? -1;
  // the scan found the ids in increasing order: DuckDB's groups are its ids in turn
  return scan.ids[group] === id ? group : -1;
}

/** Where the packed months of a person go: `words` words of `perWord` fields of `bits` bits, `span` months, a field's grid code. */
interface PackedLayout {
  readonly words: number;
  readonly perWord: number;
  readonly bits: number;
  readonly span: number;
  readonly fieldCode: Uint8Array;
}

/**
 * Unpack the months of the chunk's persons: person g's 64-bit words (low and
 * high 32 bits at 2g and 2g + 1 of each word array) into grid row
 * `gridRows[g]`, every month of the span written (VOID where there is no
 * row). Returns each person's number of months with a row; -1 when a word has
 * bits past the span (not a month).
 */
function unpackMonths(packedWords: readonly Int32Array[], persons: number, gridRows: Int32Array, codes: Uint8Array, layout: PackedLayout): Int32Array {
  const { words, perWord, bits, span, fieldCode } = layout;
  const mask = (1 << bits) - 1;
  const placed = new Int32Array(persons);
  for (let g = 0; g < persons; g++) {
    const at = gridRows[g] * span;
    let months = 0;
    let past = 0;
    let o = 0;
    for (let k = 0; k < words; k++) {
      let low = packedWords[k][2 * g];
      let high = packedWords[k][2 * g + 1];
      const end = Math.min(o + perWord, span);
      // fields from the lowest up, shifting the 64-bit word right
      for (; o < end; o++) {
        const v = low & mask;
        low = (low >>> bits) | (high << (32 - bits));
        high >>>= bits;
        codes[at + o] = fieldCode[v];
        months += v === 0 ? 0 : 1;
      }
      past |= low | high;
    }
    placed[g] = past === 0 ? months : -1;
  }
  return placed;
}

/** Whether the `count` cells from `at` are all VOID (no month before a person's start). */
export function emptyBefore(codes: Uint8Array, at: number, count: number): boolean {
  for (let o = 0; o < count; o++) if (codes[at + o] !== VOID) return false;
  return true;
}
