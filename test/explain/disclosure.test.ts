import { describe, expect, it } from 'vitest';
import { controlAssociation, controlRepresentatives, controlTree, publishTree, sequenceLog } from '../../src/explain/disclosure.js';
import type { DiscrepancyAssociation } from '../../src/explain/association.js';
import type { Factor } from '../../src/explain/factor.js';
import type { RepresentativeStatistics, Representatives } from '../../src/explain/representatives.js';
import type { DiscrepancyTree, TreeNode, TreeSplit } from '../../src/explain/tree.js';
import { seqsOf } from '../disclosure/helpers.js';

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, k) => from + k);
const node = (id: number, depth: number, cases: Int32Array, n: number, discrepancy: number, children?: [TreeNode, TreeNode], medoid = cases[0]): TreeNode => ({
  id, depth, n, discrepancy, medoid, cases, ...(children ? { children, split } : {}),
});
const split: TreeSplit = { variable: 'g', left: ['big'], right: ['small'], R2: 0.5, pValue: 0.01 };
const treeOf = (root: TreeNode): DiscrepancyTree => ({
  root, covariates: ['g'], parameters: { minSize: 1, maxDepth: 3, permutations: 1, pValue: 0.05 }, n: root.n, R2: 0.5, R2pValue: 0.01, leaf: new Int32Array(root.cases.length),
});
/** Root 1 of 25 persons: node 2 has cases 0..21, node 3 cases 22..24; `w` weights the sizes of node 2 and node 3. */
const twoLeaves = (w2 = 1, w3 = 1) => treeOf(node(1, 1, range(0, 25), 22 * w2 + 3 * w3, 0.4, [node(2, 2, range(0, 22), 22 * w2, 0.3), node(3, 2, range(22, 25), 3 * w3, 0.1)]));
const rules = (log: readonly { cell: string; rule: string }[]) => Object.fromEntries(log.map((l) => [l.cell, l.rule]));

describe('controlTree', () => {
  it('a node of 3 persons loses size and discrepancy; its sibling loses its size (parent - sibling), not its discrepancy', () => {
    // sizes weighted (node 3: 3 persons of weight 10 = 30), persons decide: 1.n = 44 + 30 = 74 rests on 25 persons.
    // 3.n = 1.n - 2.n: the sibling (22 persons) is cheaper to hide than the root (25).
    const safe = controlTree(twoLeaves(2, 10));
    expect([...safe.values]).toEqual([['1.n', 74], ['1.discrepancy', 0.4], ['2.n', null], ['2.discrepancy', 0.3], ['3.n', null], ['3.discrepancy', null]]);
    expect(rules(safe.control.log)).toEqual({ '1.n': 'none', '1.discrepancy': 'none', '2.n': 'secondary', '2.discrepancy': 'none', '3.n': 'primary', '3.discrepancy': 'primary' });
    // nothing below minCell: nothing suppressed
    expect([...controlTree(twoLeaves(), 3).values.values()]).toEqual([25, 0.4, 22, 0.3, 3, 0.1]);
  });

  it('a small grandchild is hidden with its sibling only: the levels above stay', () => {
    // 1 (40) = 2 (25) + 3 (15); 2 = 4 (22) + 5 (3). 5.n = 2.n - 4.n: hiding 3.n (15, the cheapest) leaves that,
    // hiding 4.n (22) leaves 4.n + 5.n = 2.n with two unknowns, and 4.n is in no other relation.
    const t = treeOf(node(1, 1, range(0, 40), 40, 1, [node(2, 2, range(0, 25), 25, 1, [node(4, 3, range(0, 22), 22, 1), node(5, 3, range(22, 25), 3, 1)]), node(3, 2, range(25, 40), 15, 1)]));
    const v = controlTree(t, 10).values;
    expect(['1.n', '2.n', '3.n', '4.n', '5.n'].map((id) => v.get(id))).toEqual([40, 25, 15, null, null]);
  });

  it("the root's size is known (the population's): a small child is protected below it, never by hiding the root", () => {
    // 1 (25) = 2 (22) + 3 (3); 2 = 4 (12) + 5 (10). 3.n = 25 - 2.n, and 2.n = 4.n + 5.n: hiding 2.n alone leaves
    // 4.n + 5.n; 5.n (10 persons, the cheaper) goes too. The root stays, as other outputs show the population.
    const t = treeOf(node(1, 1, range(0, 25), 25, 1, [node(2, 2, range(0, 22), 22, 1, [node(4, 3, range(0, 12), 12, 1), node(5, 3, range(12, 22), 10, 1)]), node(3, 2, range(22, 25), 3, 1)]));
    const v = controlTree(t, 10).values;
    expect(['1.n', '2.n', '3.n', '4.n', '5.n'].map((id) => v.get(id))).toEqual([25, null, null, 12, null]);
  });

  it('rounding: sizes become multiples of the base, a small node keeps no discrepancy; the table name goes to the log', () => {
    // 25 -> 25, 22 -> 20, 3 -> 5 (halves up: 3 / 5 + 0.5 = 1.1)
    const safe = controlTree(twoLeaves(), { round: 5, name: 'tree-a' });
    expect([...safe.values.values()]).toEqual([25, 0.4, 20, 0.3, 5, null]);
    expect(safe.control.tables[0].name).toBe('tree-a');
    expect(new Set(safe.control.log.map((l) => l.table))).toEqual(new Set(['tree-a']));
  });
});

describe('publishTree and sequenceLog', () => {
  // cases 0..11 ww, 12..21 wn (node 2 together), 22..24 nn (node 3)
  const seqs = seqsOf([...new Array<string>(12).fill('ww'), ...new Array<string>(10).fill('wn'), 'nn', 'nn', 'nn']);
  const tree = treeOf(node(1, 1, range(0, 25), 25, 0.4, [node(2, 2, range(0, 22), 22, 0.3, undefined, 12), node(3, 2, range(22, 25), 3, 0.1)]));

  it('nodes depth first with sizes under controlTree; a medoid is shown when at least minCell persons share it', () => {
    const safe = publishTree(seqs, tree, 10);
    // medoids: case 0 (ww, 12 persons), case 12 (wn, 10 persons: exactly minCell), case 22 (nn, 3 persons)
    expect(safe.nodes).toEqual([
      { id: 1, parent: null, depth: 1, n: 25, discrepancy: 0.4, medoid: '(work,2)', split },
      { id: 2, parent: 1, depth: 2, n: null, discrepancy: 0.3, medoid: '(work,1)-(none,1)', split: null },
      { id: 3, parent: 1, depth: 2, n: null, discrepancy: null, medoid: null, split: null },
    ]);
    expect(safe.medoidText(0)).toBe('(work,2)');
    expect(safe.medoidText(22)).toBe('fewer than 10 persons share the medoid');
    expect(safe.log.slice(6)).toEqual([
      { table: 'tree', cell: '1.medoid', kind: 'count', persons: 12, rule: 'none' },
      { table: 'tree', cell: '2.medoid', kind: 'count', persons: 10, rule: 'none' },
      { table: 'tree', cell: '3.medoid', kind: 'count', persons: '<10', rule: 'primary' },
    ]);
    const open = publishTree(seqs, tree, { minCell: 3, name: 'x' });
    expect(open.nodes.map((x) => x.medoid)).toEqual(['(work,2)', '(work,1)-(none,1)', '(none,2)']);
    expect(open.log.at(-1)).toEqual({ table: 'x', cell: '3.medoid', kind: 'count', persons: 3, rule: 'none' });
  });

  it('sequenceLog: shown from minCell persons on, else "<minCell" and primary', () => {
    expect(sequenceLog('tree', '4.medoid', 3, 10)).toEqual({ table: 'tree', cell: '4.medoid', kind: 'count', persons: '<10', rule: 'primary' });
    expect(sequenceLog('representatives', 'r1.sequence', 9, 10)).toEqual({ table: 'representatives', cell: 'r1.sequence', kind: 'count', persons: '<10', rule: 'primary' });
    expect(sequenceLog('representatives', 'r1.sequence', 10, 10)).toEqual({ table: 'representatives', cell: 'r1.sequence', kind: 'count', persons: 10, rule: 'none' });
  });
});

describe('controlRepresentatives', () => {
  const stat = (na: number, nb: number, SD: number, DC: number): RepresentativeStatistics => ({ na, naPct: 0, nb, nbPct: 0, SD, MD: SD / na, DC, V: 1, Q: (100 * (DC - SD)) / DC });
  // 12 cases of weight 1 nearest to r1 (10 within the radius 1), 3 cases of weight 10 nearest to r2 (2 within)
  const reps: Representatives = {
    rows: Int32Array.of(0, 12), statistics: [stat(12, 10, 9, 20), stat(30, 20, 20, 300), stat(42, 30, 29, 320)], quality: 0.9,
    assignment: Int32Array.from({ length: 15 }, (_, i) => (i < 12 ? 0 : 1)),
    caseDistance: Float64Array.from({ length: 15 }, (_, i) => (i < 10 || i === 12 || i === 13 ? 0.5 : 2)),
    criterion: 'density', dmax: 10, radius: 1, coverage: 0.7, n: 42,
  };

  it('a representative of 3 persons loses every number; its na and nb are also hidden in the other representative', () => {
    const safe = controlRepresentatives(reps, 10);
    for (const s of ['na', 'nb', 'SD', 'MD', 'DC', 'V', 'Q']) expect(safe.values.get(`r2.${s}`)).toBeNull();
    // r2.na = total.na - r1.na: r1 (12 persons) is cheaper than the total (15); r2.nb (2 persons): r1.nb (10) before the total (12)
    expect(rules(safe.control.log.filter((l) => /\.n[ab]$/.test(l.cell)))).toEqual({
      'r1.na': 'secondary', 'r1.nb': 'secondary', 'r2.na': 'primary', 'r2.nb': 'primary', 'total.na': 'none', 'total.nb': 'none',
    });
    expect([safe.values.get('total.na'), safe.values.get('total.nb')]).toEqual([42, 30]);
    // with rounding, the counts are published rounded (12 -> 10, 42 -> 40) and r2's statistics stay suppressed
    const rounded = controlRepresentatives(reps, 10, 5).values;
    expect(['r1.na', 'r2.na', 'total.na', 'r2.SD'].map((id) => rounded.get(id))).toEqual([10, 30, 40, null]);
    // a threshold of 2: nothing to suppress
    expect([...controlRepresentatives(reps, 2).values.values()].every((x) => x !== null)).toBe(true);
  });

  it("a representative's na goes with its statistics: MD = SD / na and Q = (DC - SD) / DC would give it back", () => {
    // r1.na is hidden to protect r2.na (= total.na - r1.na); r1.SD / r1.MD = 12 would give it, and then
    // r2.SD = total.SD - r1.SD and r2.na: r1's statistics are hidden with it, and the totals stay
    const safe = controlRepresentatives(reps, 10).values;
    for (const s of ['na', 'SD', 'MD', 'DC', 'V', 'Q']) expect(safe.get(`r1.${s}`), `r1.${s}`).toBeNull();
    expect(['total.na', 'total.SD', 'total.DC'].map((id) => safe.get(id))).toEqual([42, 29, 320]);
  });

  it('all cases identical (radius 0): nb rests on every person, as it counts them all', () => {
    const same: Representatives = {
      ...reps, rows: Int32Array.of(0), statistics: [stat(15, 15, 0, 0), stat(15, 15, 0, 0)],
      assignment: new Int32Array(15), caseDistance: new Float64Array(15), dmax: 0, radius: 0, n: 15,
    };
    const safe = controlRepresentatives(same, 10);
    expect([safe.values.get('r1.nb'), safe.values.get('total.nb')]).toEqual([15, 15]);
    expect(safe.control.log.filter((l) => l.cell.endsWith('.nb')).map((l) => l.persons)).toEqual([15, 15]);
    // with 5 persons, nb is suppressed (before: published as resting on 0 persons)
    const five = { ...same, statistics: [stat(5, 5, 0, 0), stat(5, 5, 0, 0)], assignment: new Int32Array(5), caseDistance: new Float64Array(5), n: 5 };
    expect(controlRepresentatives(five, 10).values.get('r1.nb')).toBeNull();
  });
});

describe('controlAssociation', () => {
  // levels a (12 persons of weight 2), b (3 persons of weight 10), c (20 persons of weight 1), 2 persons missing
  const factor: Factor = { levels: ['a', 'b', 'c'], codes: Int32Array.from([...new Array<number>(12).fill(0), 1, 1, 1, ...new Array<number>(20).fill(2), -1, -1]), numeric: false };
  const row = (SS: number) => ({ SS, df: 1, MSE: SS });
  // SS residual = Σ n_g × discrepancy_g = 24 × 2 + 30 × 1 + 20 × 3 = 138
  const a: DiscrepancyAssociation = {
    groups: [{ level: 'a', n: 24, discrepancy: 2 }, { level: 'b', n: 30, discrepancy: 1 }, { level: 'c', n: 20, discrepancy: 3 }, { level: 'Total', n: 74, discrepancy: 2.5 }],
    anova: { explained: row(47), residual: row(138), total: row(185) }, statistics: [], permutations: 1, scheme: 'replicate', excluded: 2, distribution: new Float64Array(0),
  };

  it('a small level is hidden in the cheapest other level by persons (a: 12), not by weight (c: 20 < 24); c stays', () => {
    const safe = controlAssociation(a, factor, 10);
    expect([...safe.values]).toEqual([
      ['a.n', null], ['a.discrepancy', null], ['b.n', null], ['b.discrepancy', null], ['c.n', 20], ['c.discrepancy', 3],
      ['Total.n', 74], ['Total.discrepancy', 2.5], ['SS.residual', 138], ['excluded', null],
    ]);
    expect(rules(safe.control.log)).toMatchObject({ 'a.n': 'secondary', 'a.discrepancy': 'secondary', 'b.n': 'primary', excluded: 'primary' });
    // rounding: weights 24 -> 25, 30 -> 30, 74 -> 75, excluded 2 -> 0; b's discrepancy, and a's with it, stay suppressed
    expect([...controlAssociation(a, factor, 10, 5).values.values()]).toEqual([25, null, 30, null, 20, 3, 75, 2.5, 138, 0]);
  });
});
