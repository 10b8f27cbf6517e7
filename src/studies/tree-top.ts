import { cutree } from '../cluster/cutree.js';
import type { HClustTree } from '../cluster/hclust.js';

/** Options of `disclosableLeaves`. */
export interface TreeTopOptions {
  /** Most branches to draw (default 30). */
  maxLeaves?: number;
  /** Fewest branches to draw (default 2; the number of groups when they are coloured). */
  minLeaves?: number;
  /** Smallest number of persons a drawn branch may hold (default 10; 1 turns the check off). */
  minPersons?: number;
}

/**
 * How many branches of the top of a typology's tree can be drawn when every
 * branch must hold at least `minPersons` persons (disclosure control: a
 * dendrogram leaf is a count of persons). The tree is cut into L branches as
 * R's `cutree(tree, L)` does, for L = maxLeaves down to minLeaves, and the
 * first L whose smallest branch holds enough persons is returned; a branch's
 * persons are the input rows of its items (distinct sequences). When no L
 * qualifies, `minLeaves` is returned (the groups themselves are published
 * with their own suppression).
 *
 * @param typ a typology from `sequenceTypology` (its Ward tree and the item of each row)
 * @param options maxLeaves (30), minLeaves (2), minPersons (10)
 * @returns the number of leaves for `dendrogram(typ.tree, { leaves })`
 * @example
 * const leaves = disclosableLeaves(typology, { maxLeaves: 30, minLeaves: 4, minPersons: 10 });
 * dendrogram(typology.tree, { leaves, k: 4 });
 */
export function disclosableLeaves(typ: { readonly tree: HClustTree; readonly rowItem: Int32Array | null }, options: TreeTopOptions = {}): number {
  const { maxLeaves = 30, minPersons = 10 } = options;
  const n = typ.tree.n;
  const lo = Math.max(1, Math.min(options.minLeaves ?? 2, n));
  const hi = Math.max(lo, Math.min(maxLeaves, n));
  // persons per item: the rows that are that distinct sequence
  const persons = new Float64Array(n);
  if (typ.rowItem) for (let r = 0; r < typ.rowItem.length; r++) persons[typ.rowItem[r]]++;
  else persons.fill(1);
  for (let leaves = hi; leaves > lo; leaves--) {
    const branch = cutree(typ.tree, leaves);
    const size = new Float64Array(leaves + 1);
    for (let i = 0; i < n; i++) size[branch[i]] += persons[i];
    let smallest = Infinity;
    for (let c = 1; c <= leaves; c++) if (size[c] < smallest) smallest = size[c];
    if (smallest >= minPersons) return leaves;
  }
  return lo;
}
