import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { associationSpec, evaluateAssociation } from './association.js';
import { caseWeights } from '../weights.js';
import { resolveCases, squaredMatrix, type CaseDissimilarities } from './cases.js';
import { isMissingValue, toFactor, type Factor } from './factor.js';
import { bilinearForms, matrixProducts } from './forms.js';
import { permutationPValues, runPermutations, type PermutationRunOptions } from './permutation.js';

/** Options of {@link discrepancyTree} (TraMineR's `disstree` arguments). */
export interface TreeOptions extends PermutationRunOptions {
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /** Use squared dissimilarities (default false). */
  squared?: boolean;
  /** Smallest child: a share of the total weight when < 1, else a weight (default 0.05). */
  minSize?: number;
  /** Depth at which nodes stop splitting, the root at depth 1 (default 5). */
  maxDepth?: number;
  /** Permutations R for the split test, the observed one included (default 1000; 1: no test). */
  permutations?: number;
  /** Largest p-value of a split (default 0.01; 1 without permutations). */
  pValue?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
}

/** A binary split of a node. */
export interface TreeSplit {
  /** The covariate. */
  readonly variable: string;
  /** Categorical: levels going left (the rest go right); empty for a numeric split. */
  readonly left: readonly string[];
  /** Categorical: levels going right. */
  readonly right: readonly string[];
  /** Numeric: values <= breaks go left. */
  readonly breaks?: number;
  /** The side (1 left, 2 right) that takes missing values, when the node has any. */
  readonly naGroup?: 1 | 2;
  /** Share of the node's discrepancy the split explains (1 - SS_W / SS_T). */
  readonly R2: number;
  /** Permutation p-value of the split (NaN without permutations). */
  readonly pValue: number;
}

/** A node of a dissimilarity tree. */
export interface TreeNode {
  /** Node number in creation order (depth first, left first), the root 1. */
  readonly id: number;
  /** Depth, the root 1. */
  readonly depth: number;
  /** Summed weight of its cases. */
  readonly n: number;
  /** Discrepancy of its cases (`dissvar`). */
  readonly discrepancy: number;
  /** Medoid: the case (0-based) with the smallest weighted sum of dissimilarities to the others (first on ties). */
  readonly medoid: number;
  /** Its cases (0-based, ascending). */
  readonly cases: Int32Array;
  /** The split, or undefined for a leaf. */
  readonly split?: TreeSplit;
  /** Left and right child of a split. */
  readonly children?: readonly [TreeNode, TreeNode];
}

/** Result of {@link discrepancyTree}. */
export interface DiscrepancyTree {
  readonly root: TreeNode;
  /** Covariates in model order. */
  readonly covariates: readonly string[];
  /** Parameters as used: minSize as a weight. */
  readonly parameters: { readonly minSize: number; readonly maxDepth: number; readonly permutations: number; readonly pValue: number };
  /** Total weight. */
  readonly n: number;
  /** Pseudo R2 of the leaves (TraMineR's global R2) and its permutation p-value. */
  readonly R2: number;
  readonly R2pValue: number;
  /** Leaf node id of every case. */
  readonly leaf: Int32Array;
}

interface Context {
  readonly matrix: DistanceMatrix;
  readonly item: Int32Array;
  readonly w: Float64Array;
  readonly factors: readonly Factor[];
  readonly names: readonly string[];
  readonly minSize: number;
  readonly maxDepth: number;
  readonly R: number;
  readonly pValue: number;
  readonly seed: number;
  readonly options: TreeOptions;
  nextId: number;
}

/**
 * Dissimilarity tree (TraMineR's `disstree`; Studer, Ritschard, Gabadinho &
 * Müller 2011): recursive binary partitioning of the cases by covariates,
 * each split the one with the largest pseudo R2 (smallest within sum of
 * squares SS_W = sum over the two children of sum_{i<j} w_i w_j d_ij / n_child).
 * A categorical covariate splits by the best binary grouping of its levels
 * (all groupings of up to half the levels, in `combn` order; missing values
 * form a level of their own); a numeric one at the best threshold (ordered
 * levels). A split needs both children above `minSize`, the first best
 * covariate wins ties, and with R > 1 its permutation p-value (of the split's
 * R2, labels permuted within the node) must not exceed `pValue`. Nodes at
 * `maxDepth` are leaves. The global R2 is the pseudo R2 of the leaf partition.
 *
 * @param diss an N x N matrix, or a distinct-sequence matrix with its map
 * @param covariates name -> one value per case, in model order
 * @param options weights, minSize, maxDepth, permutations, pValue, seed, threads, progress
 * @returns the tree, its leaves and global R2
 * @example
 * const tree = await discrepancyTree(om, { male, funemp, gcse5eq }, { maxDepth: 3, permutations: 1000, pValue: 0.05 });
 * tree.root.split?.variable; // 'gcse5eq'
 */
export async function discrepancyTree(
  diss: CaseDissimilarities,
  covariates: Readonly<Record<string, ArrayLike<unknown>>>,
  options: TreeOptions = {},
): Promise<DiscrepancyTree> {
  const cases = resolveCases(diss);
  const names = Object.keys(covariates);
  if (names.length === 0) throw new OptionsError('covariates', 'give at least one covariate');
  for (const v of names) if (covariates[v].length !== cases.n) throw new OptionsError(v, `${covariates[v].length} values for ${cases.n} cases`);
  const w = caseWeights(options.weights, cases.n);
  const total = w.reduce((s, x) => s + x, 0);
  const minSizeOption = options.minSize ?? 0.05;
  if (!(minSizeOption >= 0)) throw new OptionsError('minSize', `must be >= 0; got ${minSizeOption}`);
  const maxDepth = options.maxDepth ?? 5;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new OptionsError('maxDepth', `must be a whole number >= 1; got ${maxDepth}`);
  const R = options.permutations ?? 1000;
  let pValue = R <= 1 ? 1 : options.pValue ?? 0.01;
  if (R > 1 && pValue < 1 / R) pValue = 1 / R; // the smallest p-value R permutations can give
  const ctx: Context = {
    matrix: options.squared ? squaredMatrix(cases.matrix) : cases.matrix,
    item: cases.item, w,
    factors: names.map((v) => factorWithMissing(covariates[v], v)),
    names,
    minSize: minSizeOption < 1 ? total * minSizeOption : minSizeOption,
    maxDepth, R, pValue, seed: options.seed ?? 1, options, nextId: 1,
  };
  const all = Int32Array.from({ length: cases.n }, (_, i) => i);
  const root = await buildNode(ctx, all, nodeDiscrepancy(ctx, all), 1);
  const leaf = new Int32Array(cases.n);
  const mark = (node: TreeNode) => (node.children ? node.children.forEach(mark) : node.cases.forEach((i) => (leaf[i] = node.id)));
  mark(root);
  const global = await leafAssociation(ctx, leaf);
  return {
    root, covariates: names, n: total,
    parameters: { minSize: ctx.minSize, maxDepth, permutations: R, pValue },
    R2: global.R2, R2pValue: global.pValue, leaf,
  };
}

/**
 * Every node of a tree, depth first and left first (the order of their ids).
 *
 * @example
 * treeNodes(tree).filter((node) => !node.split).length; // the leaves
 */
export function treeNodes(tree: DiscrepancyTree): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (node: TreeNode) => {
    out.push(node);
    node.children?.forEach(visit);
  };
  visit(tree.root);
  return out;
}

/** A factor whose missing values stay -1 (a level of their own in splits). */
function factorWithMissing(values: ArrayLike<unknown>, name: string): Factor {
  let any = false;
  for (let i = 0; i < values.length; i++) if (!isMissingValue(values[i])) { any = true; break; }
  return any ? toFactor(values, name) : { levels: [], codes: new Int32Array(values.length).fill(-1), numeric: false };
}

/** Item weights of a set of cases, D x 1. */
function itemWeights(ctx: Context, cases: Int32Array): Float64Array {
  const A = new Float64Array(ctx.matrix.n);
  for (const i of cases) A[ctx.item[i]] += ctx.w[i];
  return A;
}

function nodeDiscrepancy(ctx: Context, cases: Int32Array): number {
  let n = 0;
  for (const i of cases) n += ctx.w[i];
  return bilinearForms(ctx.matrix, itemWeights(ctx, cases), 1, false)[0] / 2 / (n * n);
}

async function buildNode(ctx: Context, cases: Int32Array, discrepancy: number, depth: number): Promise<TreeNode> {
  const id = ctx.nextId++;
  let n = 0;
  for (const i of cases) n += ctx.w[i];
  // medoid: smallest sum_j w_j d_ij over the node, the first case on ties
  const sums = matrixProducts(ctx.matrix, itemWeights(ctx, cases), 1);
  let medoid = cases[0];
  for (const i of cases) if (sums[ctx.item[i]] < sums[ctx.item[medoid]]) medoid = i;
  const leaf: TreeNode = { id, depth, n, discrepancy, medoid, cases };
  if (depth >= ctx.maxDepth) return leaf;
  const ssTot = discrepancy * n;
  const best = bestSplit(ctx, cases, ssTot);
  if (!best) return leaf;
  let pValue = NaN;
  if (ctx.R > 1) {
    const label = Int32Array.from(cases, (_, r) => (best.goesLeft[r] ? 0 : 1));
    const spec = associationSpec(ctx.matrix, Int32Array.from(cases, (i) => ctx.item[i]), Float64Array.from(cases, (i) => ctx.w[i]), label, 2, ctx.seed + 7919 * id);
    const t = await runPermutations({ spec, nStats: 5, cost: cases.length * ctx.matrix.n }, evaluateAssociation, ctx.R, {
      threads: ctx.options.threads, progress: ctx.options.progress, task: `tree node ${id} permutations`,
    });
    pValue = permutationPValues(t, ctx.R, 5)[2];
    if (pValue > ctx.pValue) return leaf;
  }
  const left = cases.filter((_, r) => best.goesLeft[r]);
  const right = cases.filter((_, r) => !best.goesLeft[r]);
  const split: TreeSplit = { ...best.split, R2: 1 - best.ssRes / ssTot, pValue };
  const leftNode = await buildNode(ctx, left, best.leftVar, depth + 1);
  const rightNode = await buildNode(ctx, right, best.rightVar, depth + 1);
  return { ...leaf, split, children: [leftNode, rightNode] };
}

interface Candidate {
  readonly split: Omit<TreeSplit, 'R2' | 'pValue'>;
  readonly goesLeft: boolean[];
  readonly ssRes: number;
  readonly leftVar: number;
  readonly rightVar: number;
}

/**
 * The best binary split of a node over all covariates (TraMineR's
 * DTNGroupFactorBinary), from one pass over the matrix: the inertia between
 * and within the levels of every covariate, G = A' D A with A the items'
 * weights per level.
 */
function bestSplit(ctx: Context, cases: Int32Array, ssTot: number): Candidate | null {
  const levelsOf = ctx.factors.map((f) => nodeLevels(f, cases));
  const M = levelsOf.reduce((s, l) => s + l.groups, 0);
  const A = new Float64Array(ctx.matrix.n * M);
  let offset = 0;
  for (const l of levelsOf) {
    cases.forEach((i, r) => (A[ctx.item[i] * M + offset + l.group[r]] += ctx.w[i]));
    offset += l.groups;
  }
  const G = bilinearForms(ctx.matrix, A, M, true);
  let best: Candidate | null = null;
  let current = ssTot;
  offset = 0;
  levelsOf.forEach((l, v) => {
    const found = bestGrouping(ctx, cases, l, G, M, offset, current, v);
    offset += l.groups;
    if (found && (best === null || found.ssRes < best.ssRes)) {
      best = found;
      current = found.ssRes;
    }
  });
  return best;
}

/** The levels of a covariate present in a node, with a last group for missing values. */
interface NodeLevels {
  readonly labels: string[];
  readonly groups: number;
  readonly hasNA: boolean;
  readonly numeric: boolean;
  /** Group (0-based) of each case of the node. */
  readonly group: Int32Array;
  readonly size: Float64Array;
}

function nodeLevels(f: Factor, cases: Int32Array): NodeLevels {
  const present = new Set<number>();
  let hasNA = false;
  for (const i of cases) (f.codes[i] < 0 ? (hasNA = true) : present.add(f.codes[i]));
  const kept = [...present].sort((a, b) => a - b);
  const pos = new Map(kept.map((c, k) => [c, k]));
  const groups = kept.length + (hasNA ? 1 : 0);
  const group = Int32Array.from(cases, (i) => (f.codes[i] < 0 ? kept.length : pos.get(f.codes[i])!));
  return { labels: kept.map((c) => f.levels[c]), groups, hasNA, numeric: f.numeric, group, size: new Float64Array(groups) };
}

function bestGrouping(ctx: Context, cases: Int32Array, l: NodeLevels, G: Float64Array, M: number, offset: number, current: number, v: number): Candidate | null {
  if (l.labels.length <= 1) return null;
  const size = new Float64Array(l.groups);
  cases.forEach((i, r) => (size[l.group[r]] += ctx.w[i]));
  const g = (a: number, b: number) => G[(offset + a) * M + offset + b];
  let all = 0;
  for (let a = 0; a < l.groups; a++) all += g(a, a) / 2 / size[a];
  if (all > current) return null;
  // inertia of a set of levels: sum_{i<j in the set} w_i w_j d_ij / its weight
  const inertia = (set: number[], pop: number) => {
    let s = 0;
    for (let x = 0; x < set.length; x++) {
      s += g(set[x], set[x]) / 2;
      for (let y = x + 1; y < set.length; y++) s += g(set[x], set[y]);
    }
    return s / pop;
  };
  // the node's weight summed case by case, as R does: the complement's weight is
  // totalPop - popc, whose rounding decides between a grouping and its mirror image
  let totalPop = 0;
  for (const i of cases) totalPop += ctx.w[i];
  let bestSS = current;
  let bestCo: number[] | null = null;
  let bestInfo = { ico: 0, iothc: 0, popc: 0, popothc: 0 };
  const last = l.groups - 1;
  const maxGroup = l.numeric ? l.groups - 1 : Math.ceil(l.groups / 2);
  for (let p = 1; p <= maxGroup; p++) {
    const combos = l.numeric ? orderedCombos(p, l.hasNA, last) : combinations(l.groups, p);
    for (const co of combos) {
      let popc = 0;
      for (const c of co) popc += size[c];
      const popothc = totalPop - popc;
      if (!(popc > ctx.minSize && popothc > ctx.minSize)) continue;
      const othc = [...Array(l.groups).keys()].filter((c) => !co.includes(c));
      const ico = inertia(co, popc);
      const iothc = inertia(othc, popothc);
      if (ico + iothc < bestSS) {
        bestSS = ico + iothc;
        bestCo = co;
        bestInfo = { ico, iothc, popc, popothc };
      }
    }
  }
  if (bestCo === null) return null;
  const co = bestCo as number[];
  const inLeft = new Set(co);
  const goesLeft = Array.from(l.group, (grp) => inLeft.has(grp));
  const levelIdx = [...l.labels.keys()];
  const naGroup = l.hasNA ? ((inLeft.has(last) ? 1 : 2) as 1 | 2) : undefined;
  const split = l.numeric
    ? { variable: ctx.names[v], left: [], right: [], breaks: Number(l.labels[Math.max(...co.filter((c) => c < l.labels.length))]), naGroup }
    : { variable: ctx.names[v], left: levelIdx.filter((c) => inLeft.has(c)).map((c) => l.labels[c]), right: levelIdx.filter((c) => !inLeft.has(c)).map((c) => l.labels[c]), naGroup };
  return {
    split, goesLeft, ssRes: bestSS,
    leftVar: bestInfo.ico / bestInfo.popc, rightVar: bestInfo.iothc / bestInfo.popothc,
  };
}

/** Ordered covariates: the first p levels, and with missing values also the first p plus the missing group. */
function orderedCombos(p: number, hasNA: boolean, naGroup: number): number[][] {
  const head = Array.from({ length: p }, (_, i) => i);
  return hasNA ? [head, [...head, naGroup]] : [head];
}

/** All p-subsets of 0..n-1 in R's `combn` (lexicographic) order. */
export function combinations(n: number, p: number): number[][] {
  const out: number[][] = [];
  const co = Array.from({ length: p }, (_, i) => i);
  for (;;) {
    out.push([...co]);
    let i = p - 1;
    while (i >= 0 && co[i] === n - p + i) i--;
    if (i < 0) return out;
    co[i]++;
    for (let j = i + 1; j < p; j++) co[j] = co[j - 1] + 1;
  }
}

/** Pseudo R2 of the leaf partition with its permutation p-value (TraMineR's `tree$info$adjustment`). */
async function leafAssociation(ctx: Context, leaf: Int32Array): Promise<{ R2: number; pValue: number }> {
  const ids = [...new Set(leaf)].sort((a, b) => a - b);
  if (ids.length < 2) return { R2: 0, pValue: NaN };
  const code = new Map(ids.map((x, k) => [x, k]));
  const label = Int32Array.from(leaf, (x) => code.get(x)!);
  const spec = associationSpec(ctx.matrix, ctx.item, ctx.w, label, ids.length, ctx.seed);
  const t = await runPermutations({ spec, nStats: 5, cost: ((ctx.matrix.n * (ctx.matrix.n - 1)) / 2) * ids.length }, evaluateAssociation, ctx.R, {
    threads: ctx.options.threads, progress: ctx.options.progress, task: 'tree R2 permutations',
  });
  return { R2: t[2], pValue: permutationPValues(t, ctx.R, 5)[2] };
}
