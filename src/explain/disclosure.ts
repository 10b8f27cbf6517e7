import { controlTables, publishedValues, type ControlledTables, type DisclosureLogRow, type DisclosureOptions } from '../disclosure/control.js';
import { sumsTo, type DisclosureCell, type Relation } from '../disclosure/model.js';
import { distinctSequences } from '../sequences/distinct.js';
import type { StateSequences } from '../sequences/types.js';
import type { DiscrepancyAssociation } from './association.js';
import type { Factor } from './factor.js';
import type { Representatives } from './representatives.js';
import { spellFormat } from './tree-print.js';
import type { DiscrepancyTree, TreeNode, TreeSplit } from './tree.js';

/** Disclosure rules of a tree (`controlTables`'s) and the name of its table in the log (default `tree`). */
export interface TreeDisclosureOptions extends DisclosureOptions {
  name?: string;
}

/** Published values of a controlled explain output: cell id -> value, null when suppressed. */
export interface ControlledOutput {
  readonly values: ReadonlyMap<string, number | null>;
  readonly control: ControlledTables;
}

/**
 * Disclosure control of a dissimilarity tree (src/disclosure): each node's
 * weighted size (`<id>.n`, a count resting on its persons) and discrepancy
 * (`<id>.discrepancy`, a statistic of them); a parent's size is the sum of
 * its children's, so a small child is also hidden in its sibling. The
 * root's size is taken as known (it is the population's, which other outputs
 * show), so it is never the cell that protects a child. Nodes of
 * fewer than `minCell` persons are suppressed (or, with `round`, their sizes
 * rounded).
 *
 * @param tree a `discrepancyTree` result
 * @param options minCell: smallest number of persons behind a published number (default 10), or the rules with round, dominance and the log's table name
 * @returns the published values and the control log
 * @example
 * const safe = controlTree(tree, 10);
 * safe.values.get('3.n'); // null when node 3 or its sibling is too small
 */
export function controlTree(tree: DiscrepancyTree, options: number | TreeDisclosureOptions = 10): ControlledOutput {
  const { name = 'tree', ...rules }: TreeDisclosureOptions = typeof options === 'number' ? { minCell: options } : options;
  const cells: DisclosureCell[] = [];
  const relations: Relation[] = [];
  const visit = (node: TreeNode) => {
    const persons = node.cases.length;
    cells.push({ id: `${node.id}.n`, value: node.n, persons, kind: 'count' });
    cells.push({ id: `${node.id}.discrepancy`, value: node.discrepancy, persons, kind: 'mean' });
    if (node.children) {
      relations.push(sumsTo(node.children.map((c) => `${c.id}.n`), node === tree.root ? node.n : `${node.id}.n`));
      node.children.forEach(visit);
    }
  };
  visit(tree.root);
  const control = controlTables([{ name, cells, relations }], rules);
  return { values: publishedValues(control, name), control };
}

/** A node of a tree as it may be published. */
export interface PublishedTreeNode {
  readonly id: number;
  readonly parent: number | null;
  readonly depth: number;
  /** Weighted size and discrepancy; null when suppressed (`controlTree`). */
  readonly n: number | null;
  readonly discrepancy: number | null;
  /** The medoid in TraMineR's SPS form; null when fewer than minCell persons share its sequence. */
  readonly medoid: string | null;
  readonly split: TreeSplit | null;
}

/** A dissimilarity tree after disclosure control: its nodes depth first, the published values, the medoid texts. */
export interface PublishedTree extends ControlledOutput {
  readonly nodes: readonly PublishedTreeNode[];
  /** A case's sequence as `formatTree` prints a medoid: SPS, or a note when fewer than minCell persons share it. */
  readonly medoidText: (caseIndex: number) => string;
  /** The output-check log: the nodes' sizes and discrepancies, and each node's medoid (`sequenceLog`). */
  readonly log: readonly DisclosureLogRow[];
}

/**
 * A dissimilarity tree as it may be published: node sizes and discrepancies
 * after `controlTree`, and each medoid shown as its sequence only when at
 * least `minCell` persons share that exact sequence (a medoid is a person's
 * whole trajectory).
 *
 * @param seqs the sequences the tree was grown on (one row per case)
 * @param tree a `discrepancyTree` result
 * @param options minCell: smallest number of persons behind a published number or sequence (default 10), or the rules of `controlTree`
 * @returns the nodes (depth first, left first), published values and medoid texts
 * @example
 * const safe = publishTree(seqs, tree, 10);
 * process.stdout.write(formatTree(tree, { medoid: safe.medoidText, published: safe.values }));
 */
export function publishTree(seqs: StateSequences, tree: DiscrepancyTree, options: number | TreeDisclosureOptions = 10): PublishedTree {
  const minCell = typeof options === 'number' ? options : options.minCell ?? 10;
  const { values, control } = controlTree(tree, options);
  const { counts, rowToDistinct } = distinctSequences(seqs);
  const medoid = (i: number) => (counts[rowToDistinct[i]] >= minCell ? spellFormat(seqs, i) : null);
  const nodes: PublishedTreeNode[] = [];
  const log = [...control.log];
  const table = typeof options === 'number' ? 'tree' : options.name ?? 'tree';
  const visit = (node: TreeNode, parent: number | null) => {
    nodes.push({
      id: node.id, parent, depth: node.depth, n: values.get(`${node.id}.n`) ?? null, discrepancy: values.get(`${node.id}.discrepancy`) ?? null,
      medoid: medoid(node.medoid), split: node.split ?? null,
    });
    log.push(sequenceLog(table, `${node.id}.medoid`, counts[rowToDistinct[node.medoid]], minCell));
    node.children?.forEach((c) => visit(c, node.id));
  };
  visit(tree.root, null);
  return { values, control, nodes, medoidText: (i) => medoid(i) ?? `fewer than ${minCell} persons share the medoid`, log };
}

/**
 * Disclosure control of a representatives table: per representative na and
 * nb (counts of the persons nearest to it, and within the radius) and its
 * statistics SD, MD, DC, V, Q (resting on the persons nearest to it). The
 * na, nb, SD and DC add up to the totals; and any two of na, SD and MD give
 * the third (MD = SD / na), DC and Q give SD (Q = (DC - SD) / DC), so a
 * representative's na and statistics are suppressed together.
 * `r<k>.<stat>` ids, `total.<stat>` for the total.
 *
 * @param result a `representatives` result
 * @param minCell smallest number of persons behind a published number (default 10)
 * @param round round na and nb to a multiple of this base instead of suppressing them (default: suppress)
 * @returns the published values and the control log
 * @example
 * controlRepresentatives(reps, 10).values.get('r2.na'); // null when r2 represents fewer than 10 persons
 */
export function controlRepresentatives(result: Representatives, minCell = 10, round?: number): ControlledOutput {
  const k = result.rows.length;
  const persons = new Int32Array(k);
  const within = new Int32Array(k);
  const n = result.assignment.length;
  result.assignment.forEach((r, i) => {
    persons[r]++;
    if (result.caseDistance[i] < result.radius) within[r]++;
  });
  // all cases identical (radius 0): every case counts as within the radius of every representative
  if (result.dmax === 0) within.fill(n);
  const cells: DisclosureCell[] = [];
  const stats = ['SD', 'MD', 'DC', 'V', 'Q'] as const;
  result.statistics.forEach((s, r) => {
    const id = r < k ? `r${r + 1}` : 'total';
    const p = r < k ? persons[r] : n;
    const pb = r < k ? within[r] : Math.min(n, within.reduce((a, b) => a + b, 0));
    const row = r < k ? stats.map((stat) => `${id}.${stat}`) : undefined;
    cells.push({ id: `${id}.na`, value: s.na, persons: p, kind: 'count', twin: row });
    cells.push({ id: `${id}.nb`, value: s.nb, persons: pb, kind: 'count' });
    for (const stat of stats) cells.push({ id: `${id}.${stat}`, value: s[stat], persons: p, kind: 'mean' });
  });
  const sum = (stat: string) => sumsTo(Array.from({ length: k }, (_, r) => `r${r + 1}.${stat}`), `total.${stat}`);
  const relations = [sum('na'), sum('nb'), sum('SD'), sum('DC')];
  const control = controlTables([{ name: 'representatives', cells, relations }], { minCell, round });
  return { values: publishedValues(control, 'representatives'), control };
}

/**
 * The output-check line of a typical sequence (a medoid, a representative)
 * printed in full: shown when at least `minCell` persons share it exactly
 * (persons: how many), else left out (persons `<minCell`, rule `primary`).
 *
 * @param table the table's name
 * @param cell the sequence's cell, e.g. `r1.sequence`
 * @param shared persons with exactly that sequence
 * @param minCell the threshold
 * @example
 * sequenceLog('tree', '4.medoid', 3, 10); // { table: 'tree', cell: '4.medoid', kind: 'count', persons: '<10', rule: 'primary' }
 */
export function sequenceLog(table: string, cell: string, shared: number, minCell: number): DisclosureLogRow {
  const shown = shared >= minCell;
  return { table, cell, kind: 'count', persons: shown ? shared : `<${minCell}`, rule: shown ? 'none' : 'primary' };
}

/**
 * Disclosure control of a discrepancy analysis of one covariate
 * (`discrepancyAssociation`): per level its weight `n` (a count resting on
 * the level's persons) and discrepancy (a statistic of them), the total,
 * and the persons left out for a missing covariate. The levels' weights add
 * up to the total, and the levels' discrepancies pool into the residual sum
 * of squares (Σ n_g × discrepancy_g = SS residual, which is published), so
 * a small level is also hidden in another. Cell ids `<level>.n`,
 * `<level>.discrepancy`, `Total.*`, `excluded`.
 *
 * @param a the association result
 * @param factor the covariate as coded (`toFactor`), for the persons per level
 * @param minCell smallest number of persons behind a published number (default 10)
 * @param round round the weights of the levels to a multiple of this base instead of suppressing them
 * @returns the published values and the control log
 * @example
 * const safe = controlAssociation(a, toFactor(values, 'gcse5eq'), 10);
 * safe.values.get('yes.discrepancy'); // null when fewer than 10 persons have gcse5eq = yes
 */
export function controlAssociation(a: DiscrepancyAssociation, factor: Factor, minCell = 10, round?: number): ControlledOutput {
  const persons = new Int32Array(factor.levels.length);
  let excluded = 0;
  for (const c of factor.codes) {
    if (c < 0) excluded++;
    else persons[c]++;
  }
  const all = persons.reduce((x, y) => x + y, 0);
  const cells: DisclosureCell[] = [];
  a.groups.forEach((g, k) => {
    const p = k < factor.levels.length ? persons[k] : all;
    cells.push({ id: `${g.level}.n`, value: g.n, persons: p, kind: 'count' });
    cells.push({ id: `${g.level}.discrepancy`, value: g.discrepancy, persons: p, kind: 'mean' });
  });
  cells.push({ id: 'SS.residual', value: a.anova.residual.SS, persons: all, kind: 'mean' });
  cells.push({ id: 'excluded', value: a.excluded, persons: excluded, kind: 'count' });
  const levels = a.groups.slice(0, factor.levels.length);
  const relations: Relation[] = [
    sumsTo(levels.map((g) => `${g.level}.n`), 'Total.n'),
    { terms: [...levels.map((g): [string, number] => [`${g.level}.discrepancy`, g.n]), ['SS.residual', -1]], constant: 0 },
  ];
  const control = controlTables([{ name: 'discrepancy', cells, relations }], { minCell, round });
  return { values: publishedValues(control, 'discrepancy'), control };
}
