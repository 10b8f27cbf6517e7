/**
 * The input options shared by `loopbaan describe`, `dist` and `cluster`.
 *
 * In a command:
 *
 *   import { INPUT_OPTIONS, INPUT_USAGE, loadInput } from '../input-options.js';
 *   const values = parseOptions(args, { ...INPUT_OPTIONS, what: { type: 'string' } }, ['input']);
 *   const { sequences, report } = await loadInput(values); // ingest report on stderr unless --quiet
 *
 * and put INPUT_USAGE in the command's usage text. Options:
 *   --input FILE                 the panel file (required): CSV, Parquet, or a DuckDB database (.duckdb)
 *   --input-table NAME           the table of a DuckDB database to read
 *   --format wide|long|spell     default: wide when --cols is given, else long
 *   --cols FIRST..LAST           wide files: the month columns (e.g. Sep.93..Jun.99)
 *   --id COL                     person id column (long/spell: person_id; wide: id when present, else row numbers)
 *   --weight COL                 case weights (in the person file, or in a wide file)
 *   --states a,b,c               the alphabet in this order (default: the states seen, sorted)
 *   --persons FILE               person file joined on the id (covariates, weights, start months)
 *   --persons-table NAME         the table of a DuckDB database given as --persons
 *   --engine auto|duckdb|js      which reader reads the files (default auto)
 *   --align calendar|start:COL|state:S   time axis (default calendar)
 *   --priority a,b,c             spell files: overlapping spells keep the earlier-listed state
 *   --lenient                    drop bad rows and count them instead of failing
 *   --quiet                      do not print the ingest report
 * Bad input ends the command with exit code 2 and one line naming file, line and column.
 * Person-month attributes (hours, wages, ...) are not loaded, as the commands analyse
 * states; pass `loadInput(values, { attributes: undefined })` to keep them.
 */
import { formatIngestReport } from '../ingest/report.js';
import { loadPanel, type LoadPanelOptions } from '../ingest/load.js';
import type { LoadedPanel } from '../ingest/assemble.js';
import type { InputLimits, TimeAxis } from '../ingest/options.js';
import type { TextEncoding } from '../ingest/csv.js';
import { OptionsError } from '../errors.js';
import { sourceKind } from '../ingest/duckdb/source.js';
import { integerOption, listOption, numberOption, sizeOption, stringOption, type OptionValues } from './args.js';

/** The options of INPUT_OPTIONS that name files the command reads (never overwritten by an output). */
export const INPUT_FILES = ['input', 'persons'] as const;

/** Usage lines of the encoding and the reading limits (part of INPUT_USAGE). */
export const LIMITS_USAGE = `  --encoding E              utf8 (default), or latin1 / windows-1252 for files of older Windows programs
limits (raise them when your data really need it):
  --max-line-size N         longest line of a file, e.g. 4M (default 1M)
  --max-field-size N        longest field, e.g. 256K (default 64K characters)
  --max-months N            longest time axis in months (default 1200)
  --memory-budget GB        refuse a month grid or distance matrix above this size (default 8)
`;

/** The options of LIMITS_USAGE, for a command's `parseOptions` spec. */
export const LIMITS_OPTIONS = {
  encoding: { type: 'string' },
  'max-line-size': { type: 'string' },
  'max-field-size': { type: 'string' },
  'max-months': { type: 'string' },
  'memory-budget': { type: 'string' },
} as const;

/** `parseOptions` spec of the shared input options; spread it into a command's own spec. */
export const INPUT_OPTIONS = {
  input: { type: 'string' },
  'input-table': { type: 'string' },
  'persons-table': { type: 'string' },
  engine: { type: 'string' },
  format: { type: 'string' },
  cols: { type: 'string' },
  id: { type: 'string' },
  weight: { type: 'string' },
  states: { type: 'string' },
  persons: { type: 'string' },
  align: { type: 'string' },
  priority: { type: 'string' },
  lenient: { type: 'boolean' },
  quiet: { type: 'boolean' },
  ...LIMITS_OPTIONS,
} as const;

/** Usage lines of the shared input options, for a command's `usage` text. */
export const INPUT_USAGE = `input options:
  --input FILE              panel file: long (person_id,month,state,...), spell (person_id,start,end,state) or wide;
                            CSV, Parquet (.parquet) or a DuckDB database (.duckdb, with --input-table)
  --input-table NAME        the table to read from a DuckDB database (default: its only table)
  --format wide|long|spell  default: wide when --cols is given, else long
  --cols FIRST..LAST        wide files: the month columns, e.g. Sep.93..Jun.99
  --id COL                  person id column (default person_id; wide: id when present, else row numbers)
  --weight COL              case-weight column (person file, or wide file)
  --states a,b,c            alphabet in this order (default: states seen, sorted like TraMineR)
  --persons FILE            person file joined on the id: covariates, weights, start months (CSV, Parquet, .duckdb)
  --persons-table NAME      the table of a DuckDB database given as --persons
  --align calendar|start:COL|state:S
                            time axis: calendar months, or month 0 = the month in person column COL,
                            or month 0 = the first month in state S
  --priority a,b,c          spell files: overlapping spells keep the higher (earlier) state
  --engine auto|duckdb|js   reader: DuckDB for Parquet, databases and long/spell CSV files of 64 MB or more
                            (auto), always DuckDB, or the JavaScript CSV reader; the same sequences either way
  --lenient                 drop bad rows and count them instead of failing on the first
  --quiet                   do not print the ingest report on stderr (warnings still are)
${LIMITS_USAGE}`;

/**
 * Turn parsed input options into `loadPanel` options; wrong combinations are usage errors.
 *
 * @example
 * inputPanelOptions({ input: 'mvad.csv', cols: 'Sep.93..Jun.99' });
 * // { format: 'wide', input: 'mvad.csv', cols: 'Sep.93..Jun.99', mode: 'strict', ... }
 */
export function inputPanelOptions(values: OptionValues): LoadPanelOptions {
  const input = stringOption(values, 'input');
  if (input === undefined) throw new OptionsError('--input', 'is required');
  const cols = stringOption(values, 'cols');
  const format = stringOption(values, 'format') ?? (cols !== undefined ? 'wide' : 'long');
  if (format !== 'wide' && format !== 'long' && format !== 'spell') throw new OptionsError('--format', `must be wide, long or spell; got "${format}"`);
  if (format === 'wide' && cols === undefined) throw new OptionsError('--cols', 'is required with --format wide: the month columns as FIRST..LAST');
  if (format !== 'wide' && cols !== undefined) throw new OptionsError('--cols', `is for wide files; --format is ${format}`);
  if (cols !== undefined && !/^.+\.\..+$/.test(cols)) throw new OptionsError('--cols', `must be FIRST..LAST; got "${cols}"`);
  const persons = stringOption(values, 'persons');
  const weight = stringOption(values, 'weight');
  const time = parseAlign(stringOption(values, 'align'));
  if (format !== 'wide' && !persons) {
    if (weight !== undefined) throw new OptionsError('--weight', `needs --persons FILE (the person file holds the weights); got --weight ${weight} without it`);
    if (time.align === 'start') throw new OptionsError('--align', `start:${time.column} needs --persons FILE (the person file holds the start months)`);
  }
  const priority = listOption(values, 'priority');
  if (priority && format !== 'spell') throw new OptionsError('--priority', 'is for spell files (--format spell)');
  const engine = stringOption(values, 'engine') ?? 'auto';
  if (engine !== 'auto' && engine !== 'duckdb' && engine !== 'js') throw new OptionsError('--engine', `must be auto, duckdb or js; got "${engine}"`);
  const table = stringOption(values, 'input-table');
  const personsTable = stringOption(values, 'persons-table');
  if (table !== undefined && sourceKind(input) !== 'duckdb') throw new OptionsError('--input-table', `is for DuckDB database files (.duckdb); --input is ${input}`);
  if (personsTable !== undefined && (!persons || sourceKind(persons) !== 'duckdb')) throw new OptionsError('--persons-table', 'needs --persons FILE.duckdb');
  if (format === 'wide' && sourceKind(input) !== 'csv') throw new OptionsError('--format', `wide files are read from CSV; read ${input} as --format long or spell`);
  return {
    format,
    input,
    cols,
    id: stringOption(values, 'id'),
    weight,
    states: listOption(values, 'states'),
    persons,
    time,
    priority,
    mode: values.lenient === true ? 'lenient' : 'strict',
    attributes: [],
    engine,
    table,
    personsTable,
    ...inputLimits(values),
  };
}

/**
 * The options `--encoding`, `--max-line-size`, `--max-field-size`,
 * `--max-months` and `--memory-budget` as `loadPanel` options (absent ones
 * left undefined: the defaults).
 *
 * @example
 * inputLimits({ 'max-line-size': '4M', encoding: 'latin1' }); // { encoding: 'latin1', maxLineBytes: 4194304, ... }
 */
export function inputLimits(values: OptionValues): InputLimits {
  return {
    encoding: encodingOption(values),
    maxLineBytes: sizeOption(values, 'max-line-size'),
    maxFieldChars: sizeOption(values, 'max-field-size'),
    maxMonths: stringOption(values, 'max-months') === undefined ? undefined : integerOption(values, 'max-months', 0, 1),
    memoryBudgetBytes: memoryBudget(values),
  };
}

/**
 * The `--memory-budget` option in bytes (given in GB), or undefined.
 *
 * @example
 * memoryBudget({ 'memory-budget': '2' }); // 2147483648
 */
export function memoryBudget(values: OptionValues): number | undefined {
  if (stringOption(values, 'memory-budget') === undefined) return undefined;
  const gb = numberOption(values, 'memory-budget', NaN);
  if (!(gb > 0)) throw new OptionsError('--memory-budget', `must be a positive number of GB; got ${gb}`);
  return gb * 2 ** 30;
}

const ENCODINGS = ['utf8', 'latin1', 'windows-1252'] as const;

function encodingOption(values: OptionValues): TextEncoding | undefined {
  const text = stringOption(values, 'encoding');
  if (text === undefined) return undefined;
  const e = text.toLowerCase().replace(/^utf-8$/, 'utf8').replace(/^(iso-8859-1|cp1252)$/, 'latin1');
  if (!(ENCODINGS as readonly string[]).includes(e)) throw new OptionsError('--encoding', `must be one of ${ENCODINGS.join(', ')}; got "${text}"`);
  return e as TextEncoding;
}

/**
 * Load the panel the input options describe, printing the ingest report to
 * stderr unless `--quiet`.
 *
 * @param values options parsed with a spec that includes INPUT_OPTIONS
 * @param overrides loader options to change, e.g. `{ attributes: undefined }` to keep person-month attributes
 * @returns the sequences and the ingest report
 * @throws OptionsError for wrong options, InputError for bad input (both exit code 2 in the CLI)
 * @example
 * const { sequences } = await loadInput(parseOptions(args, { ...INPUT_OPTIONS }, ['input']));
 */
export async function loadInput(values: OptionValues, overrides: Partial<LoadPanelOptions> = {}): Promise<LoadedPanel> {
  const loaded = await loadPanel({ ...inputPanelOptions(values), ...overrides });
  if (values.quiet !== true) process.stderr.write(formatIngestReport(loaded.report));
  else for (const w of loaded.report.warnings) process.stderr.write(`warning: ${w}\n`);
  return loaded;
}

function parseAlign(text: string | undefined): TimeAxis {
  if (text === undefined || text === 'calendar') return { align: 'calendar' };
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const arg = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (kind === 'start' && arg) return { align: 'start', column: arg };
  if (kind === 'state' && arg) return { align: 'state', state: arg };
  throw new OptionsError('--align', `must be calendar, start:COLUMN or state:STATE; got "${text}"`);
}

