import type { StateSequences } from '../sequences/types.js';
import { OptionsError } from '../errors.js';
import { selectRows } from '../sequences/select.js';
import type { Lang } from '../i18n/index.js';
import { formatCount } from '../i18n/index.js';
import { splitRows } from './rows.js';

/** Options of builders that draw one panel per group. */
export interface GroupOptions {
  /** Group per row (cluster number, benefit, ...): one panel per group. */
  groups?: ArrayLike<string | number>;
  /** Group names in the panel order wanted (default: numeric or alphabetical). */
  groupOrder?: readonly string[];
}

/** One group's sequences. */
export interface SequencePanel {
  /** Group name ('' without groups). */
  readonly name: string;
  /** Rows of the full set in this group. */
  readonly rows: Int32Array;
  /** The group's sequences (the full set without groups). */
  readonly seqs: StateSequences;
}

/**
 * Split a sequence set into one panel per group, or a single unnamed panel.
 *
 * @example
 * sequencePanels(seqs, { groups: clusters }).map((p) => p.name); // ['1', '2', '3', '4']
 */
export function sequencePanels(seqs: StateSequences, options: GroupOptions = {}): SequencePanel[] {
  if (!options.groups) return [{ name: '', rows: Int32Array.from({ length: seqs.n }, (_, i) => i), seqs }];
  checkGroups(options.groups, seqs.n);
  return splitRows(options.groups, options.groupOrder).map((g) => ({ name: g.name, rows: g.rows, seqs: selectRows(seqs, g.rows) }));
}

/**
 * Check that a grouping has one entry per sequence.
 *
 * @example
 * checkGroups(clusters, seqs.n); // throws when the lengths differ
 */
export function checkGroups(groups: ArrayLike<unknown>, n: number): void {
  if (groups.length !== n) throw new OptionsError('groups', `${groups.length} entries; expected one per sequence (${n})`);
}

/**
 * Title of a group panel: its name and (weighted) size; '' for the unnamed
 * single panel. A size below `minCell` is not shown (disclosure control).
 *
 * @example
 * panelTitle('Wajong', 23750, 'nl');   // 'Wajong (n = 23.750)'
 * panelTitle('3', 7, 'en', 10);        // '3 (n < 10)'
 */
export function panelTitle(name: string, n: number, lang: Lang, minCell = 1): string {
  return name ? `${name} (n ${shownCount(n, lang, minCell)})` : '';
}

/**
 * Whether groups' sizes may be shown: only when none has 1..minCell-1
 * members, since the others' sizes and the total would give a small one's.
 *
 * @example
 * groupSizesShown([40, 25, 0], 10); // true
 * groupSizesShown([40, 25, 3], 10); // false
 */
export function groupSizesShown(sizes: readonly number[], minCell: number): boolean {
  return sizes.every((n) => n === 0 || n >= minCell);
}

/**
 * Titles of group panels (`panelTitle`), with their sizes only when
 * `groupSizesShown`.
 *
 * @example
 * panelTitles([{ name: 'a', n: 40 }, { name: 'b', n: 25 }], 'en'); // ['a (n = 40)', 'b (n = 25)']
 * panelTitles([{ name: 'a', n: 40 }, { name: 'b', n: 3 }], 'en'); // ['a', 'b']
 */
export function panelTitles(panels: readonly { readonly name: string; readonly n: number }[], lang: Lang, minCell = 10): string[] {
  const sizes = groupSizesShown(panels.map((p) => p.n), minCell);
  return panels.map((p) => (sizes ? panelTitle(p.name, p.n, lang, minCell) : p.name));
}

/**
 * A count as a chart shows it: `= 1,234`, or `< 10` when it is below the disclosure threshold.
 *
 * @example
 * shownCount(1234, 'en', 10); // '= 1,234'
 * shownCount(7, 'nl', 10);    // '< 10'
 */
export function shownCount(n: number, lang: Lang, minCell: number): string {
  return n > 0 && n < minCell ? `< ${minCell}` : `= ${formatCount(n, lang)}`;
}
