import { describe, expect, it } from 'vitest';
import { controlRepresentatives, controlTree, discrepancyTree, formatTree, publishTree, representatives } from '../../src/index.js';
import { smallTree } from './helpers.js';
import { combinations } from '../../src/explain/tree.js';
import { formatR } from '../../src/explain/format.js';
import { lineDistances } from '../cluster/helpers.js';

describe('discrepancyTree (hand-checked)', () => {
  // 12 points: a = far left, b = far right; c, d, e levels of a second covariate
  const x = [0, 1, 2, 3, 20, 21, 22, 23, 0.5, 1.5, 20.5, 21.5];
  const side = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'a', 'a', 'b', 'b'];
  const noise = ['c', 'd', 'e', 'c', 'd', 'e', 'c', 'd', 'e', 'c', 'd', 'e'];

  it('splits first on the covariate with the largest R2, with R2 = 1 - SS_W / SS_T', async () => {
    const tree = await discrepancyTree(lineDistances(x), { noise, side }, { permutations: 1, maxDepth: 2, minSize: 2 });
    expect(tree.root.split?.variable).toBe('side');
    expect(tree.root.split?.left).toEqual(['a']);
    // SS = sum_{i<j} d_ij / n
    const ss = (pts: number[]) => pts.reduce((s, p, i) => s + pts.slice(i + 1).reduce((t, q) => t + Math.abs(p - q), 0), 0) / pts.length;
    const left = x.filter((_, i) => side[i] === 'a');
    const right = x.filter((_, i) => side[i] === 'b');
    expect(tree.root.split!.R2).toBeCloseTo(1 - (ss(left) + ss(right)) / ss(x), 12);
    expect(tree.root.discrepancy).toBeCloseTo(ss(x) / x.length, 12);
    expect(tree.R2).toBeCloseTo(tree.root.split!.R2, 12);
    expect(tree.root.children![0].n).toBe(6);
  });

  it('groups the levels of a factor into the best binary split', async () => {
    const y = [0, 0, 10, 10, 0, 0, 10, 10, 5, 5];
    const lvl = ['p', 'p', 'q', 'q', 'r', 'r', 's', 's', 't', 't'];
    const tree = await discrepancyTree(lineDistances(y), { lvl }, { permutations: 1, maxDepth: 2, minSize: 1 });
    const split = tree.root.split!;
    expect(new Set([...split.left, ...split.right])).toEqual(new Set(['p', 'q', 'r', 's', 't']));
    const groupOf = (l: string) => (split.left.includes(l) ? 0 : 1);
    expect(groupOf('p')).toBe(groupOf('r'));
    expect(groupOf('q')).toBe(groupOf('s'));
    expect(groupOf('p')).not.toBe(groupOf('q'));
  });

  it('numeric covariates split at a threshold; missing values go with one side', async () => {
    const age = [18, 19, 20, null, 40, 41, 42, 43, 19, 20, 41, null];
    const tree = await discrepancyTree(lineDistances(x), { age }, { permutations: 1, maxDepth: 2, minSize: 1 });
    expect(tree.root.split?.breaks).toBe(20);
    expect(tree.root.split?.naGroup).toBeDefined();
  });

  it('a split whose permutation p-value exceeds pval is not made', async () => {
    const tree = await discrepancyTree(lineDistances(x), { noise }, { permutations: 200, pValue: 0.01, maxDepth: 3, minSize: 1 });
    expect(tree.root.split).toBeUndefined();
  });

  it('combinations in R combn order', () => {
    expect(combinations(4, 2)).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
  });

  it('formats numbers as R format(x, digits = 5)', () => {
    expect(formatR(42.355138985745981, 5)).toBe('42.355');
    expect(formatR(712, 5)).toBe('712');
    expect(formatR(0.082756316580192557, 5)).toBe('0.082756');
    expect(formatR(35.6, 15)).toBe('35.6');
    expect(formatR(100000, 15)).toBe('1e+05');
    expect(formatR(0.0000123456, 5)).toBe('1.2346e-05');
  });
});

describe('disclosure control of trees and representatives', () => {
  const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50, 51, 52];
  const g = x.map((v) => (v < 50 ? 'big' : 'small'));

  it('a node of fewer than minCell persons is suppressed, and so is its sibling (parent - sibling)', async () => {
    const tree = await discrepancyTree(lineDistances(x), { g }, { permutations: 1, maxDepth: 2, minSize: 1 });
    const safe = controlTree(tree, 10);
    const [big, small] = tree.root.children!;
    expect(small.cases.length).toBe(3);
    expect(safe.values.get(`${small.id}.n`)).toBeNull();
    expect(safe.values.get(`${big.id}.n`)).toBeNull();
    expect(safe.values.get(`${tree.root.id}.n`)).toBe(15);
    expect(formatTree(tree, { published: safe.values })).toMatch(/\(n: - disc: -\)/);
  });

  it('publishTree: nodes depth first with their parents; sizes under controlTree; a medoid shown only when minCell persons share its sequence', async () => {
    const { seqs, tree } = await smallTree();
    const safe = publishTree(seqs, tree, 10);
    expect(safe.nodes.map((x) => [x.id, x.parent, x.depth])).toEqual([[1, null, 1], [2, 1, 2], [3, 1, 2]]);
    expect(safe.nodes.map((x) => x.n)).toEqual([15, null, null]); // the small node, and its sibling that would give it away
    expect(safe.nodes[0].split?.variable).toBe('g');
    // 10 persons share xxx (the medoid of the root and of the big node), 3 share yyy
    expect(safe.nodes.map((x) => x.medoid)).toEqual(['(x,3)', '(x,3)', null]);
    const small = tree.root.children![1];
    expect(safe.medoidText(small.medoid)).toBe('fewer than 10 persons share the medoid');
    expect(publishTree(seqs, tree, 3).nodes.map((x) => x.medoid)).toEqual(['(x,3)', '(x,3)', '(y,3)']);
  });

  it('representatives resting on few persons lose their statistics', () => {
    const r = representatives(lineDistances(x), { criterion: 'density', nrep: 2, pradius: 0.1 });
    const safe = controlRepresentatives(r, 10).values;
    const persons = [0, 1].map((k) => r.assignment.filter((a) => a === k).length);
    const small = persons.findIndex((p) => p < 10);
    expect(small).toBeGreaterThanOrEqual(0);
    expect(safe.get(`r${small + 1}.na`)).toBeNull();
    expect(safe.get(`r${small + 1}.MD`)).toBeNull();
  });
});
