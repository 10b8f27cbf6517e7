/**
 * Renumber clusters by decreasing (weighted) size: the largest becomes 1.
 * Equal sizes keep their old order. Use it for reports; the algorithms
 * themselves number by first appearance in observation order (as R).
 *
 * @param labels cluster 1..k per observation
 * @param options.weights case weights (default 1)
 * @param options.medoids medoid of old cluster 1..k, reordered along
 * @returns new labels, `from[c-1]` = old number of new cluster c, medoids in the new order
 * @example
 * relabelBySize(Int32Array.from([1, 2, 2, 3, 2])).labels; // Int32Array [2, 1, 1, 3, 1]
 */
export function relabelBySize(
  labels: ArrayLike<number>,
  options: { weights?: ArrayLike<number>; medoids?: ArrayLike<number> } = {},
): { labels: Int32Array; from: Int32Array; medoids?: Int32Array } {
  let k = 0;
  for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i]);
  const size = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) size[labels[i] - 1] += options.weights ? options.weights[i] : 1;
  const from = Int32Array.from({ length: k }, (_, c) => c + 1).sort((a, b) => size[b - 1] - size[a - 1] || a - b);
  const to = new Int32Array(k + 1);
  from.forEach((old, c) => (to[old] = c + 1));
  const out = Int32Array.from(labels, (c) => to[c]);
  const medoids = options.medoids ? Int32Array.from(from, (old) => options.medoids![old - 1]) : undefined;
  return { labels: out, from, ...(medoids ? { medoids } : {}) };
}
