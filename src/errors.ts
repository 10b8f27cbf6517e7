/**
 * The errors loopbaan raises for problems a user can fix. Every one extends
 * `LoopbaanError`; the CLI prints its message on one line and exits with code 2.
 * Anything else that escapes is a bug: the CLI says so and asks for a report.
 *
 * - `InputError`: a problem in an input file (file, line, column, what was expected).
 * - `OptionsError`: an option value that cannot work (the option's name, what was expected).
 * - `ResourceError`: work refused because it would not fit (memory, size limits): what it needs, what there is, what to do.
 * - `OutputError`: an output that cannot be written (path, why).
 *
 * @example
 * try {
 *   await loadPanel({ format: 'long', input: 'months.csv' });
 * } catch (err) {
 *   if (!(err instanceof LoopbaanError)) throw err; // a bug
 *   console.error(err.message); // e.g. "months.csv, line 12, column state: unknown state ..."
 * }
 */
export abstract class LoopbaanError extends Error {
  /** The kind of problem, for callers that map errors to exit codes or HTTP statuses. */
  abstract readonly kind: 'input' | 'options' | 'resource' | 'output';
}

/**
 * A problem in a user's input file, located precisely enough to fix it.
 * The CLI prints `message` on one line and exits with code 2.
 */
export class InputError extends LoopbaanError {
  readonly kind = 'input';
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | number | undefined;
  /** What `line` counts: lines of a text file, or rows of a Parquet file or database table. */
  readonly unit: 'line' | 'row';

  /**
   * @param file path of the offending file
   * @param line 1-based line number (undefined when the problem is the whole file)
   * @param column column name or 1-based index (undefined when the whole line is at fault)
   * @param problem what is wrong and what was expected, e.g. `month "2013-13" is not a YYYY-MM month`
   * @param unit `row` when `line` numbers the rows of a Parquet file or database table (default `line`)
   * @example
   * throw new InputError('months.csv', 12, 'state', 'unknown state "wrk"; expected one of trial, work_jc, work, none');
   * throw new InputError('months.parquet', 11, 'state', 'unknown state "wrk"; expected one of work, none', 'row');
   * // message: "months.parquet, row 11, column state: unknown state ..."
   */
  constructor(file: string, line: number | undefined, column: string | number | undefined, problem: string, unit: 'line' | 'row' = 'line') {
    const where = [file, line !== undefined ? `${unit} ${line}` : undefined, column !== undefined ? `column ${column}` : undefined]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${problem}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.unit = unit;
  }
}

/**
 * An option value that cannot work with the data or with the other options.
 *
 * @example
 * throw new OptionsError('k', 'must be at most the number of distinct sequences (12); got 40');
 * // message: "k: must be at most the number of distinct sequences (12); got 40"
 */
export class OptionsError extends LoopbaanError {
  readonly kind = 'options';
  /** The option at fault as the caller named it (`k`, `roles.paid`, `--min-cell`); undefined when several clash. */
  readonly option: string | undefined;

  /**
   * @param option the option's name, or undefined when the problem is a combination of options
   * @param problem what is wrong and what was expected
   */
  constructor(option: string | undefined, problem: string) {
    super(option === undefined ? problem : `${option}: ${problem}`);
    this.name = 'OptionsError';
    this.option = option;
  }
}

/**
 * Work refused because it would not fit: memory, a size limit, a month grid.
 * The message says what the work needs, what there is, and what to do instead
 * (the option that raises the limit, or another method).
 *
 * @example
 * throw new ResourceError('the distance matrix needs 12.4 GB; the memory budget is 4 GB: raise --memory-budget or use --algo clara');
 */
export class ResourceError extends LoopbaanError {
  readonly kind = 'resource';
  constructor(message: string) {
    super(message);
    this.name = 'ResourceError';
  }
}

/**
 * An output that cannot be written (missing or read-only folder, full disk,
 * a path that is one of the inputs).
 *
 * @example
 * throw new OutputError('out/dist.csv', 'is the input file; choose another --out');
 */
export class OutputError extends LoopbaanError {
  readonly kind = 'output';
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'OutputError';
    this.path = path;
  }
}
