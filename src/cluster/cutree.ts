import type { HClustTree } from './hclust.js';
import { OptionsError } from '../errors.js';

/**
 * Cut a tree into k clusters, as R's `cutree(tree, k)`: the partition after the
 * first n-k merges, clusters numbered 1..k by first appearance in observation
 * order (observation 1 is always in cluster 1).
 *
 * @param tree a tree from {@link hclust}
 * @param k number of clusters, 1..n
 * @returns cluster number (1-based) per observation
 * @example
 * cutree(hclust(matrix), 3); // Int32Array [1, 2, 1, 3, ...]
 */
export function cutree(tree: HClustTree, k: number): Int32Array {
  const n = tree.n;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new OptionsError('k', `must be a whole number in 1..${n} (at most the ${n} observations); got ${k}`);
  // Union-find over the first n-k merges; a step's cluster is named by one of its rows.
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const stepRow = new Int32Array(n);
  for (let s = 0; s < n - k; s++) {
    const a = tree.merge[2 * s];
    const b = tree.merge[2 * s + 1];
    const ra = find(a < 0 ? -a - 1 : stepRow[a - 1]);
    const rb = find(b < 0 ? -b - 1 : stepRow[b - 1]);
    parent[rb] = ra;
    stepRow[s] = ra;
  }
  return renumberByFirstAppearance(Int32Array.from({ length: n }, (_, i) => find(i)));
}

/**
 * Renumber arbitrary cluster codes 1..k by first appearance in observation order
 * (R's `cutree` and `cluster::pam` numbering).
 *
 * @param codes any integer code per observation
 * @returns cluster numbers 1..k
 * @example
 * renumberByFirstAppearance(Int32Array.from([7, 3, 7, 5])); // Int32Array [1, 2, 1, 3]
 */
export function renumberByFirstAppearance(codes: ArrayLike<number>): Int32Array {
  const seen = new Map<number, number>();
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    let c = seen.get(codes[i]);
    if (c === undefined) {
      c = seen.size + 1;
      seen.set(codes[i], c);
    }
    out[i] = c;
  }
  return out;
}
