import { spellLabel, type SpellLabelOptions } from '../cluster/describe-clusters.js';
import { distinctSequences } from '../sequences/distinct.js';
import type { StateSequences } from '../sequences/types.js';
import { disclosableSequence } from './sequence.js';

/** A spell label that may be published in place of one person's. */
export interface DisclosableLabel {
  /**
   * `exact`: the typical sequence's own label, which at least minCell persons' sequences share;
   * `aggregate`: the label of the modal sequence of its minCell nearest (`disclosableSequence`),
   * with fewer spells where needed, which no person's label or at least minCell persons' labels equal.
   */
  readonly kind: 'exact' | 'aggregate';
  readonly label: string;
}

/**
 * The spell label (`spellLabel`, e.g. `work_jc 7m -> work`) of a typical
 * sequence (a medoid, a representative) as it may leave a secure
 * environment: no published label describes between 1 and minCell - 1
 * persons. A label describes the persons whose own label (same `minSpell`,
 * as many spells) is the same text.
 *
 * 1. The sequence's own label, when at least `minCell` persons have it.
 * 2. Otherwise the label of the aggregate of its `minCell` nearest sequences
 *    (`disclosableSequence`: the modal state per month), with
 *    `maxSpells`, `maxSpells - 1`, ..., 1 spells: the first that no person
 *    has, or at least `minCell` persons have.
 * 3. Otherwise null (and null when the set holds fewer than `minCell` sequences).
 *
 * With `minCell` 1 the sequence's own label is returned.
 *
 * @param seqs the sequences
 * @param row the typical sequence's row
 * @param distances its distance to every row (orders "nearest")
 * @param minCell the disclosure threshold (default 10)
 * @param options of `spellLabel` (minSpell default 3, maxSpells default 3)
 * @returns the label to publish and whether it is the sequence's own, or null
 * @example
 * const d = await distancesToReferences(seqs, [medoid], { method: 'OM', sm: 'TRATE' });
 * disclosableLabel(seqs, medoid, d, 10, { minSpell: 2 });
 * // { kind: 'exact', label: 'trial 2m -> work_jc' } when 10 or more persons have that label
 */
export function disclosableLabel(
  seqs: StateSequences, row: number, distances: ArrayLike<number>, minCell = 10, options: SpellLabelOptions = {},
): DisclosableLabel | null {
  const own = spellLabel(seqs, row, options);
  if (minCell <= 1) return { kind: 'exact', label: own };
  const maxSpells = options.maxSpells ?? 3;
  const persons = labelCounter(seqs, options);
  if (persons(own, maxSpells) >= minCell) return { kind: 'exact', label: own };
  const aggregate = disclosableSequence(seqs, row, distances, minCell);
  if (!aggregate) return null;
  for (let spells = maxSpells; spells >= 1; spells--) {
    const label = spellLabel(aggregate.sequence, 0, { ...options, maxSpells: spells });
    const n = persons(label, spells);
    if (n === 0 || n >= minCell) return { kind: 'aggregate', label };
  }
  return null;
}

/** Persons with a given label at a given number of spells (labels computed once per distinct sequence and spell count). */
function labelCounter(seqs: StateSequences, options: SpellLabelOptions): (label: string, spells: number) => number {
  const { counts, firstRow } = distinctSequences(seqs);
  const tables = new Map<number, Map<string, number>>();
  return (label, spells) => {
    let table = tables.get(spells);
    if (!table) {
      table = new Map();
      for (let d = 0; d < firstRow.length; d++) {
        const l = spellLabel(seqs, firstRow[d], { ...options, maxSpells: spells });
        table.set(l, (table.get(l) ?? 0) + counts[d]);
      }
      tables.set(spells, table);
    }
    return table.get(label) ?? 0;
  };
}
