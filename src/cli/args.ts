import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OptionsError } from '../errors.js';

/** Parsed options: strings for value options, booleans for flags. */
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * Parse `--name value` options strictly; an unknown option, a missing value or
 * a stray argument is an `OptionsError` naming it (exit 2).
 *
 * @example
 * const o = parseOptions(args, { input: { type: 'string' } }, ['input']);
 * o.input; // 'mvad.csv'
 */
export function parseOptions(args: string[], spec: NonNullable<ParseArgsConfig['options']>, required: string[] = []): OptionValues {
  let values: OptionValues;
  try {
    values = parseArgs({ args, options: spec, allowPositionals: false, strict: true }).values as OptionValues;
  } catch (err) {
    throw argumentError(err as NodeJS.ErrnoException, Object.keys(spec));
  }
  for (const name of required) {
    if (values[name] === undefined) throw new OptionsError(`--${name}`, 'is required');
  }
  return values;
}

/** node:util parseArgs errors as OptionsErrors naming the option; an unknown option with the known ones it may mean. */
function argumentError(err: NodeJS.ErrnoException, known: readonly string[]): OptionsError {
  const quoted = /'([^' ]+)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearOptions(quoted?.replace(/^-+/, '') ?? '', known);
    const hint = near.length > 0 ? `; did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : '';
    return new OptionsError(quoted, `unknown option${hint} (see --help for the options)`);
  }
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new OptionsError(undefined, `unexpected argument "${quoted}"; options are written --name value (see --help)`);
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new OptionsError(quoted, /does not take an argument/.test(err.message) ? 'is a flag and takes no value' : 'needs a value');
  }
  return new OptionsError(undefined, err.message);
}

/**
 * The known options a mistyped one may mean: those it ends (`table` for
 * `input-table`), else those within two edits of it (at most three).
 *
 * @example
 * nearOptions('table', ['input', 'input-table', 'persons-table']); // ['input-table', 'persons-table']
 * nearOptions('inptu', ['input', 'persons']); // ['input']
 */
export function nearOptions(name: string, known: readonly string[]): string[] {
  if (name === '') return [];
  const ending = known.filter((k) => k.endsWith(`-${name}`));
  return (ending.length > 0 ? ending : known.filter((k) => editDistance(name, k) <= 2)).slice(0, 3);
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b. */
function editDistance(a: string, b: string): number {
  // row[j]: distance between a's first i characters and b's first j
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** A string option's value (undefined when absent). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Parse a number option, or fail with an `OptionsError` naming the option. */
export function numberOption(values: OptionValues, name: string, fallback: number): number {
  const v = stringOption(values, name);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new OptionsError(`--${name}`, `must be a number; got "${v}"`);
  return x;
}

/**
 * Parse a whole-number option of at least `min`, or fail with an
 * `OptionsError` naming the option and the bound.
 *
 * @example
 * integerOption({ samples: '20' }, 'samples', 20, 1); // 20
 * integerOption({ seed: '-3' }, 'seed', 1); // -3 (no lower bound)
 */
export function integerOption(values: OptionValues, name: string, fallback: number, min = -Infinity): number {
  const x = numberOption(values, name, fallback);
  if (!Number.isSafeInteger(x) || x < min) throw new OptionsError(`--${name}`, `must be a whole number${min > -Infinity ? ` >= ${min}` : ''}; got ${stringOption(values, name)}`);
  return x;
}

/**
 * A comma-separated list option (trimmed, empty items dropped), checked for
 * repeats; undefined when absent.
 *
 * @example
 * listOption({ states: 'work, none' }, 'states'); // ['work', 'none']
 * listOption({ states: 'work,work' }, 'states'); // OptionsError: --states: "work" is listed twice
 */
export function listOption(values: OptionValues, name: string): string[] | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new OptionsError(`--${name}`, `expected a comma-separated list; got "${text}"`);
  const twice = items.find((s, k) => items.indexOf(s) !== k);
  if (twice !== undefined) throw new OptionsError(`--${name}`, `"${twice}" is listed twice; expected each once`);
  return items;
}

/**
 * A size option: a whole number of bytes (characters), optionally with a
 * binary suffix K, M or G; undefined when absent.
 *
 * @example
 * sizeOption({ 'max-line-size': '4M' }, 'max-line-size'); // 4194304
 */
export function sizeOption(values: OptionValues, name: string): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*$/i.exec(text);
  const x = m ? Math.round(Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase())) : NaN;
  if (!(x >= 1)) throw new OptionsError(`--${name}`, `must be a size such as 65536, 64K or 4M; got "${text}"`);
  return x;
}
