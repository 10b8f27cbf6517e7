import { parseMonth } from './month.js';
import { MISSING_ID_MESSAGE, type FileCounts, type ProblemLog } from './problems.js';
import { parseNumber } from './values.js';

/** Where the person fields are in a file with one row per person (-1 when absent). */
export interface PersonFields {
  readonly width: number;
  readonly idCol: number;
  readonly idColumn: string | undefined;
  readonly weightCol: number;
  readonly weightColumn: string | undefined;
  readonly startCol: number;
  readonly startColumn: string | undefined;
}

/**
 * Checks the rows of a file with one row per person (a person file or a wide
 * file): field count, id present and unique, weight a non-negative number,
 * start month `YYYY-MM`. Bad rows go to the problem log.
 *
 * @example
 * const check = new PersonRowCheck(fields, problems, counts);
 * const id = check.accept(record, line, String(rowNumber));
 * if (id !== undefined) use(id, check.weight, check.start);
 */
export class PersonRowCheck {
  /** Row index of each accepted id. */
  readonly rowOf = new Map<string, number>();
  /** Line of each accepted row. */
  readonly lines: number[] = [];
  /** Ids of rejected rows. */
  readonly rejectedIds = new Set<string>();
  /** Weight and start month (month index) of the row last accepted (1 and -1 when the file has none). */
  weight = 1;
  start = -1;

  constructor(
    private readonly fields: PersonFields,
    private readonly problems: ProblemLog,
    private readonly counts: FileCounts,
  ) {}

  /**
   * Check one record; returns its id, or undefined when it was rejected.
   * Call `keep(id, line)` once the row is stored.
   *
   * @param fallbackId id to use when the file has no id column
   */
  accept(rec: string[], line: number, fallbackId: string): string | undefined {
    const f = this.fields;
    const id = f.idCol >= 0 && rec.length > f.idCol ? rec[f.idCol].trim() : fallbackId;
    if (rec.length !== f.width) return this.reject(id, line, undefined, 'ragged row', `row has ${rec.length} fields; expected ${f.width} like the header`);
    const weight = f.weightCol >= 0 ? parseNumber(rec[f.weightCol]) : undefined;
    const start = f.startCol >= 0 ? parseMonth(rec[f.startCol].trim()) : undefined;
    const kept = this.acceptValues(id, line, weight, start, { weight: () => rec[f.weightCol], start: () => rec[f.startCol] });
    if (kept !== undefined && f.idCol >= 0) rec[f.idCol] = id;
    return kept;
  }

  /**
   * Check one row whose fields are already parsed (readers of typed files):
   * id present and unique, weight a number >= 0, start month valid.
   *
   * @param id the trimmed id
   * @param weight the weight (NaN when not a number), undefined without a weight column
   * @param start the start month index (-1 when not a month), undefined without a start column
   * @param text the weight and start cells as text, for messages
   * @returns the id, or undefined when the row was rejected
   */
  acceptValues(id: string, line: number, weight: number | undefined, start: number | undefined, text: { weight(): string; start(): string }): string | undefined {
    const f = this.fields;
    if (id === '') return this.reject(id, line, f.idColumn, 'missing id', MISSING_ID_MESSAGE);
    const first = this.rowOf.get(id);
    if (first !== undefined) {
      this.problems.reject(this.counts, line, f.idColumn, 'duplicate person', `person "${id}" appears again (first on ${this.counts.unit ?? 'line'} ${this.lines[first]}); expected one row per person`);
      return undefined;
    }
    if (weight !== undefined) {
      this.weight = weight;
      if (!(weight >= 0)) return this.reject(id, line, f.weightColumn, 'non-numeric weight', `weight "${text.weight()}" is not a number >= 0; expected a non-negative number`);
    }
    if (start !== undefined) {
      this.start = start;
      if (start < 0) return this.reject(id, line, f.startColumn, 'bad month', `start month "${text.start()}" is not a YYYY-MM month`);
    }
    return id;
  }

  /** Record an accepted row as stored. */
  keep(id: string, line: number): void {
    this.rowOf.set(id, this.lines.length);
    this.lines.push(line);
    this.counts.rowsKept++;
  }

  /** Reject a row for a reason found by the caller. */
  reject(id: string, line: number, column: string | undefined, reason: Parameters<ProblemLog['reject']>[3], message: string): undefined {
    if (id !== '') this.rejectedIds.add(id);
    this.problems.reject(this.counts, line, column, reason, message);
    return undefined;
  }
}
