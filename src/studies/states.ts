import { makeAlphabet } from '../sequences/alphabet.js';
import { createSequences } from '../sequences/create.js';
import type { StateSequences } from '../sequences/types.js';
import { MAX_STATES } from '../sequences/types.js';

/**
 * Put the states of a sequence set in a given order (the study's order, so
 * every chart stacks and colours them the same way), the others after them
 * in their current order; labels by state code replace the current ones.
 * Codes are recoded; missing and void cells stay as they are.
 *
 * @param seqs the sequences (e.g. as read, with states sorted alphabetically)
 * @param order states to put first, in this order (those absent are skipped)
 * @param labels labels by state code (default: the current labels)
 * @param colors colours by state code (default: the palette in the new order)
 * @returns a new sequence set with the reordered alphabet
 * @example
 * const s = orderStates(seqs, ['trial', 'work_jc', 'work', 'none'], { none: 'no work' });
 * s.alphabet.codes; // ['trial', 'work_jc', 'work', 'none', ...other states]
 */
export function orderStates(
  seqs: StateSequences, order: readonly string[], labels: Readonly<Record<string, string>> = {}, colors: Readonly<Record<string, string>> = {},
): StateSequences {
  const old = seqs.alphabet;
  const codes = [...order.filter((s) => old.codes.includes(s)), ...old.codes.filter((s) => !order.includes(s))];
  const current = Object.fromEntries(old.codes.map((c, k) => [c, old.labels[k]]));
  const alphabet = makeAlphabet(codes, { labels: { ...current, ...labels }, colors });
  // recode[old code] = new code; cells >= MAX_STATES (missing, void) map to themselves
  const recode = new Uint8Array(256);
  for (let c = 0; c < 256; c++) recode[c] = c;
  for (let c = 0; c < old.codes.length && c < MAX_STATES; c++) recode[c] = codes.indexOf(old.codes[c]);
  const out = new Uint8Array(seqs.codes.length);
  for (let p = 0; p < out.length; p++) out[p] = recode[seqs.codes[p]];
  return createSequences({ ...seqs, alphabet, codes: out, cellAttributes: { ...seqs.cellAttributes } });
}

/**
 * The same sequences with other state labels (for a report in another
 * language); codes, colours and order stay.
 *
 * @example
 * relabelStates(seqs, { none: 'geen werk' }).alphabet.labels;
 */
export function relabelStates(seqs: StateSequences, labels: Readonly<Record<string, string>>): StateSequences {
  const { alphabet } = seqs;
  return { ...seqs, alphabet: { ...alphabet, labels: alphabet.codes.map((c, k) => labels[c] ?? alphabet.labels[k]) } };
}
