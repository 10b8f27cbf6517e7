import type { Alphabet } from './types.js';
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
  if (codes.length === 0) throw new Error('An alphabet needs at least one state.');
  if (codes.length > MAX_STATES) throw new Error(`An alphabet holds at most ${MAX_STATES} states; got ${codes.length}.`);
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) throw new Error(`State "${c}" appears twice in the alphabet.`);
    seen.add(c);
  }
  return {
    codes: [...codes],
    labels: codes.map((c) => options.labels?.[c] ?? c),
    colors: codes.map((c, i) => options.colors?.[c] ?? STATE_PALETTE[i % STATE_PALETTE.length]),
  };
}
