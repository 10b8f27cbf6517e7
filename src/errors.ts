/**
 * A problem in a user's input file, located precisely enough to fix it.
 * The CLI prints `message` on one line and exits with code 2.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | number | undefined;

  /**
   * @param file path of the offending file
   * @param line 1-based line number (undefined when the problem is the whole file)
   * @param column column name or 1-based index (undefined when the whole line is at fault)
   * @param problem what is wrong and what was expected, e.g. `month "2013-13" is not a YYYY-MM month`
   * @example
   * throw new InputError('months.csv', 12, 'state', 'unknown state "wrk"; expected one of trial, work_jc, work, none');
   */
  constructor(file: string, line: number | undefined, column: string | number | undefined, problem: string) {
    const where = [file, line !== undefined ? `line ${line}` : undefined, column !== undefined ? `column ${column}` : undefined]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${problem}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** Work refused because it would not fit in memory; the message says what to do instead. */
export class MemoryBudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemoryBudgetError';
  }
}

/** An option value that cannot work with the data or with the other options (CLI exit code 2). */
export class OptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionsError';
  }
}
