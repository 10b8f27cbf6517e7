import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './main.js';

/** Parsed options: strings for value options, booleans for flags. */
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * Parse `--name value` options strictly; unknown options are a usage error (exit 2).
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
    throw new UsageError((err as Error).message);
  }
  for (const name of required) {
    if (values[name] === undefined) throw new UsageError(`missing required option --${name}`);
  }
  return values;
}

/** A string option's value (undefined when absent). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Parse a number option, or fail with a usage error naming the option. */
export function numberOption(values: OptionValues, name: string, fallback: number): number {
  const v = stringOption(values, name);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new UsageError(`--${name} must be a number; got "${v}"`);
  return x;
}

/**
 * Parse a whole-number option of at least `min`, or fail with a usage error
 * naming the option and the bound.
 *
 * @example
 * integerOption({ samples: '20' }, 'samples', 20, 1); // 20
 * integerOption({ seed: '-3' }, 'seed', 1); // -3 (no lower bound)
 */
export function integerOption(values: OptionValues, name: string, fallback: number, min = -Infinity): number {
  const x = numberOption(values, name, fallback);
  if (!Number.isInteger(x) || x < min) throw new UsageError(`--${name} must be an integer${min > -Infinity ? ` >= ${min}` : ''}; got ${x}`);
  return x;
}
