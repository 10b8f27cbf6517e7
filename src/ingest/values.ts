/**
 * True for a cell that means "no value": empty or `NA` (R's missing value).
 *
 * @example
 * isAbsent('NA'); // true
 */
export function isAbsent(text: string): boolean {
  return text.length === 0 || text === 'NA';
}

/**
 * True for a state cell that means a missing state: empty, `NA`, or TraMineR's `*`.
 *
 * @example
 * isMissingState('*'); // true
 */
export function isMissingState(text: string): boolean {
  return isAbsent(text) || text === '*';
}

/**
 * Parse a numeric cell: NaN when absent or not a finite number.
 * Callers tell the two apart with `isAbsent`.
 *
 * @example
 * parseNumber('9.25'); // 9.25
 * parseNumber('yes'); // NaN
 */
export function parseNumber(text: string): number {
  if (isAbsent(text)) return NaN;
  const x = Number(text);
  if (!Number.isFinite(x)) return NaN;
  // Number('  ') is 0 and Number(' 0x1A') is 26: accept only decimal text (Number skips leading blanks too).
  if (x === 0 && text.trim().length === 0) return NaN;
  const lead = text.trimStart();
  const second = lead.charCodeAt(1) | 32;
  if (lead.charCodeAt(0) === 48 && (second === 120 || second === 111 || second === 98)) return NaN;
  return x;
}

/**
 * A dictionary of category levels: each distinct text gets the next integer
 * code, in order of first appearance.
 *
 * @example
 * const lv = new Levels();
 * lv.code('E12'); // 0
 * lv.code('E7'); // 1
 * lv.code('E12'); // 0
 * lv.values; // ['E12', 'E7']
 */
export class Levels {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  /** Code of `text`, adding it as a new level when unseen. */
  code(text: string): number {
    let c = this.index.get(text);
    if (c === undefined) {
      c = this.values.length;
      this.index.set(text, c);
      this.values.push(text);
    }
    return c;
  }
}
