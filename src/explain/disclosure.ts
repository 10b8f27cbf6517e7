import { controlTables, publishedValues, type ControlledTables } from '../disclosure/control.js';
import { sumsTo, type DisclosureCell, type Relation } from '../disclosure/model.js';
import type { Representatives } from './representatives.js';
import type { DiscrepancyTree, TreeNode } from './tree.js';

/** Published values of a controlled explain output: cell id -> value, null when suppressed. */
export interface ControlledOutput {
  readonly values: ReadonlyMap<string, number | null>;
  readonly control: ControlledTables;
}

/**
 * Disclosure control of a dissimilarity tree (src/disclosure): each node's
 * weighted size (`<id>.n`, a count resting on its persons) and discrepancy
 * (`<id>.discrepancy`, a statistic of them); a parent's size is the sum of
 * its children's, so a small child is also hidden in its sibling. Nodes of
 * fewer than `minCell` persons are suppressed.
 *
 * @param tree a `discrepancyTree` result
 * @param minCell smallest number of persons behind a published number (default 10)
 * @returns the published values and the control log
 * @example
 * const safe = controlTree(tree, 10);
 * safe.values.get('3.n'); // null when node 3 or its sibling is too small
 */
export function controlTree(tree: DiscrepancyTree, minCell = 10): ControlledOutput {
  const cells: DisclosureCell[] = [];
  const relations: Relation[] = [];
  const visit = (node: TreeNode) => {
    const persons = node.cases.length;
    cells.push({ id: `${node.id}.n`, value: node.n, persons, kind: 'count' });
    cells.push({ id: `${node.id}.discrepancy`, value: node.discrepancy, persons, kind: 'mean' });
    if (node.children) {
      relations.push(sumsTo(node.children.map((c) => `${c.id}.n`), `${node.id}.n`));
      node.children.forEach(visit);
    }
  };
  visit(tree.root);
  const control = controlTables([{ name: 'tree', cells, relations }], { minCell });
  return { values: publishedValues(control, 'tree'), control };
}

/**
 * Disclosure control of a representatives table: per representative na and
 * nb (counts of the persons nearest to it, and within the radius) and its
 * statistics SD, MD, DC, V, Q (resting on the persons nearest to it); the
 * na add up to the total. `r<k>.<stat>` ids, `total.<stat>` for the total.
 *
 * @param result a `representatives` result
 * @param minCell smallest number of persons behind a published number (default 10)
 * @returns the published values and the control log
 * @example
 * controlRepresentatives(reps, 10).values.get('r2.na'); // null when r2 represents fewer than 10 persons
 */
export function controlRepresentatives(result: Representatives, minCell = 10): ControlledOutput {
  const k = result.rows.length;
  const persons = new Int32Array(k);
  const within = new Int32Array(k);
  result.assignment.forEach((r, i) => {
    persons[r]++;
    if (result.caseDistance[i] < result.radius) within[r]++;
  });
  const cells: DisclosureCell[] = [];
  const stats = ['SD', 'MD', 'DC', 'V', 'Q'] as const;
  result.statistics.forEach((s, r) => {
    const id = r < k ? `r${r + 1}` : 'total';
    const p = r < k ? persons[r] : result.assignment.length;
    const pb = r < k ? within[r] : within.reduce((a, b) => a + b, 0);
    cells.push({ id: `${id}.na`, value: s.na, persons: p, kind: 'count' });
    cells.push({ id: `${id}.nb`, value: s.nb, persons: pb, kind: 'count' });
    for (const stat of stats) cells.push({ id: `${id}.${stat}`, value: s[stat], persons: p, kind: 'mean' });
  });
  const relations = [sumsTo(Array.from({ length: k }, (_, r) => `r${r + 1}.na`), 'total.na'), sumsTo(Array.from({ length: k }, (_, r) => `r${r + 1}.nb`), 'total.nb')];
  const control = controlTables([{ name: 'representatives', cells, relations }], { minCell });
  return { values: publishedValues(control, 'representatives'), control };
}
