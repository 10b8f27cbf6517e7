import type { Alphabet } from './types.js';
import { OptionsError } from '../errors.js';
import { MAX_STATES } from './types.js';

/**
 * Okabe-Ito palette: distinguishable with the common forms of colour blindness.
 * Extended with neutral greys for larger alphabets.
 */
export const STATE_PALETTE: readonly string[] = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999',
  '#000000', '#7F7F7F', '#B3B3B3', '#4D4D4D',
];

/**
 * Build an alphabet from state codes, with optional labels and colours.
 *
 * @param codes state codes in analysis order
 * @param options.labels labels by code (default: the code itself)
 * @param options.colors colours by code (default: the Okabe-Ito palette in order)
 * @example
 * const a = makeAlphabet(['trial', 'work_jc', 'work', 'none'], { labels: { none: 'no work' } });
 * a.labels; // ['trial', 'work_jc', 'work', 'no work']
 */
export function makeAlphabet(
  codes: readonly string[],
  options: { labels?: Readonly<Record<string, string>>; colors?: Readonly<Record<string, string>> } = {},
): Alphabet {
  if (codes.length === 0) throw new OptionsError('codes', 'an alphabet needs at least one state');
  if (codes.length > MAX_STATES) throw new OptionsError('codes', `an alphabet holds at most ${MAX_STATES} states; got ${codes.length}`);
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) throw new OptionsError('codes', `state "${c}" appears twice; expected each state once`);
    seen.add(c);
  }
  return {
    codes: [...codes],
    labels: codes.map((c) => own(options.labels, c) ?? c),
    colors: codes.map((c, i) => own(options.colors, c) ?? STATE_PALETTE[i % STATE_PALETTE.length]),
  };
}

/** A record's own value for a key (never an inherited one: a state may be called `__proto__` or `constructor`). */
function own(record: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
