import { createSequences } from '../sequences/create.js';
import { distinctSequences } from '../sequences/distinct.js';
import { MISSING, VOID, type StateSequences } from '../sequences/types.js';

/** A sequence that may be shown in place of one person's (a medoid, a representative). */
export interface DisclosableSequence {
  /**
   * `exact`: the sequence itself, which `persons` >= minCell persons share;
   * `aggregate`: the modal state per month of the `persons` (= minCell)
   * sequences nearest to it, itself included.
   */
  readonly kind: 'exact' | 'aggregate';
  /** The sequence as a one-row sequence set (same alphabet and months). */
  readonly sequence: StateSequences;
  readonly persons: number;
}

/**
 * What may be shown of a typical sequence (a medoid, a representative)
 * under disclosure control: the sequence itself when at least `minCell`
 * persons have exactly that sequence, else an aggregate of the `minCell`
 * sequences nearest to it: month by month their modal state (unweighted;
 * ties go to the state listed first in the alphabet, then missing, then the
 * end of follow-up), so that what is shown describes `minCell` persons and
 * no single one. Null when the set holds fewer than `minCell` sequences.
 *
 * @param seqs the sequences
 * @param row the typical sequence's row
 * @param distances its distance to every row (length n), which orders "nearest" (ties: row order)
 * @param minCell the disclosure threshold (default 10)
 * @returns the sequence to show, or null
 * @example
 * const d = Float64Array.from({ length: seqs.n }, (_, i) => distanceAt(matrix, medoid, i));
 * const shown = disclosableSequence(seqs, medoid, d, 10);
 * shown && spellLabel(shown.sequence, 0); // 'work_jc 7m -> work', of 10 or more persons
 */
export function disclosableSequence(seqs: StateSequences, row: number, distances: ArrayLike<number>, minCell = 10): DisclosableSequence | null {
  const { n, t, codes } = seqs;
  if (n < minCell) return null;
  const { counts, rowToDistinct } = distinctSequences(seqs);
  const shared = counts[rowToDistinct[row]];
  if (shared >= minCell) return { kind: 'exact', sequence: oneRow(seqs, codes.subarray(row * t, (row + 1) * t)), persons: shared };
  const nearest = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => distances[a] - distances[b] || a - b).subarray(0, minCell);
  const S = seqs.alphabet.codes.length;
  // slots: states 0..S-1, missing S, void S + 1
  const tally = new Int32Array(S + 2);
  const modal = new Uint8Array(t);
  for (let j = 0; j < t; j++) {
    tally.fill(0);
    for (const i of nearest) {
      const c = codes[i * t + j];
      tally[c === MISSING ? S : c === VOID ? S + 1 : c]++;
    }
    let best = 0;
    for (let s = 1; s < S + 2; s++) if (tally[s] > tally[best]) best = s;
    modal[j] = best === S ? MISSING : best === S + 1 ? VOID : best;
  }
  return { kind: 'aggregate', sequence: oneRow(seqs, modal), persons: minCell };
}

/** A one-row sequence set with the alphabet and months of `seqs`; cells after the last observed month are the end of follow-up. */
function oneRow(seqs: StateSequences, codes: Uint8Array): StateSequences {
  let length = codes.length;
  while (length > 0 && codes[length - 1] === VOID) length--;
  const row = Uint8Array.from(codes, (c, j) => (j < length && c === VOID ? MISSING : c));
  return createSequences({ alphabet: seqs.alphabet, n: 1, t: seqs.t, codes: row, lengths: Int32Array.of(length), timeLabels: seqs.timeLabels, ids: ['typical'] });
}
