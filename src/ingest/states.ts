import type { Alphabet } from '../sequences/types.js';
import { MAX_STATES, MISSING } from '../sequences/types.js';
import { makeAlphabet } from '../sequences/alphabet.js';
import { isMissingState } from './values.js';
import { expectedList } from './problems.js';
import { OptionsError } from '../errors.js';

/** Code `StateCoder.code` returns for a state outside a fixed alphabet. */
export const UNKNOWN_STATE = -1;

/**
 * Order of an alphabet when none is given, as TraMineR's `seqdef` does
 * (`sort(unique(x))` in R): numerically when every state is a number, else by
 * the usual language collation (case-insensitive first, so `employment` < `FE`).
 *
 * @example
 * defaultStateOrder(['school', 'FE', 'employment']); // ['employment', 'FE', 'school']
 * defaultStateOrder(['10', '2', '1']); // ['1', '2', '10']
 */
export function defaultStateOrder(states: readonly string[]): string[] {
  const numeric = states.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
  if (numeric) return [...states].sort((a, b) => Number(a) - Number(b));
  const collator = new Intl.Collator('en');
  return [...states].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Maps state texts to codes while reading: a fixed alphabet (the `states`
 * option, in that order) or an open one collected from the data and sorted
 * with `defaultStateOrder` at the end.
 *
 * @example
 * const coder = new StateCoder();
 * coder.code('work'); // 0 (provisional)
 * coder.code('NA'); // MISSING
 * const { alphabet, recode } = coder.finish();
 */
export class StateCoder {
  /** States in code order (given, or first seen). */
  readonly states: string[];
  /** True when the alphabet was given and other states are unknown. */
  readonly fixed: boolean;
  private readonly index = new Map<string, number>();

  constructor(states?: readonly string[]) {
    this.fixed = states !== undefined;
    this.states = [...(states ?? [])];
    if (this.states.length > MAX_STATES) throw new OptionsError('states', `an alphabet holds at most ${MAX_STATES} states; got ${this.states.length}`);
    this.states.forEach((s, k) => {
      if (this.index.has(s)) throw new OptionsError('states', `"${s}" is listed twice; expected each state once`);
      this.index.set(s, k);
    });
  }

  /** Code of a state cell: its index, MISSING for a missing cell, or UNKNOWN_STATE. */
  code(text: string): number {
    const c = this.index.get(text);
    if (c !== undefined) return c;
    if (isMissingState(text)) return MISSING;
    const trimmed = text.trim();
    if (trimmed !== text) {
      const code = this.code(trimmed);
      if (code !== UNKNOWN_STATE) this.index.set(text, code);
      return code;
    }
    if (this.fixed || this.states.length >= MAX_STATES) return UNKNOWN_STATE;
    this.index.set(text, this.states.length);
    this.states.push(text);
    return this.states.length - 1;
  }

  /** Why `code(text)` gave UNKNOWN_STATE, naming what was expected. */
  unknownMessage(text: string): string {
    if (!this.fixed) return `state "${text}" would be state number ${MAX_STATES + 1}; expected at most ${MAX_STATES} distinct states`;
    return `unknown state "${text}"; expected one of ${expectedList(this.states)} (or empty, NA, * for missing)`;
  }

  /**
   * The final alphabet, and for an open alphabet the recoding from provisional
   * to sorted codes (`recode[old] = new`; undefined when codes are final).
   */
  finish(labels?: Readonly<Record<string, string>>): { alphabet: Alphabet; recode: Uint8Array | undefined } {
    if (this.states.length === 0) throw new Error('No states were read; expected at least one state.');
    if (this.fixed) return { alphabet: makeAlphabet(this.states, { labels }), recode: undefined };
    const order = defaultStateOrder(this.states);
    const recode = new Uint8Array(256).map((_, k) => k); // MISSING and VOID map to themselves
    this.states.forEach((s, k) => (recode[k] = order.indexOf(s)));
    return { alphabet: makeAlphabet(order, { labels }), recode };
  }
}
