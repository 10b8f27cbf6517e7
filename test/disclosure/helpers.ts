// Shared by the disclosure tests: small work/none sequence sets written as strings.
import { createSequences, makeAlphabet, VOID } from '../../src/index.js';

const alphabet = makeAlphabet(['work', 'none']);

/** Sequences from strings of w / n / . (end of follow-up). */
export function seqsOf(rows: string[]) {
  const t = Math.max(...rows.map((r) => r.length));
  const codes = new Uint8Array(rows.length * t).fill(VOID);
  rows.forEach((r, i) => [...r].forEach((ch, j) => ch !== '.' && (codes[i * t + j] = ch === 'w' ? 0 : 1)));
  return createSequences({ alphabet, n: rows.length, t, codes });
}
