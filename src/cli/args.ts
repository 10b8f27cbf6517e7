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
