import type { TopLevelSpec } from 'vega-lite';
import { OptionsError } from '../errors.js';
import { tr } from '../i18n/index.js';
import type { ChartOptions } from './theme.js';
import { SERIES_PALETTE, chartTitle, roundTo, topLevel } from './theme.js';

/** A hierarchical clustering in R's `hclust` layout (an `hclust` result fits). */
export interface DendrogramTree {
  /** Number of observations. */
  readonly n: number;
  /** Merge matrix row-major (n-1) x 2: `-i` is observation i (1-based), `+s` the cluster formed at step s (1-based). */
  readonly merge: ArrayLike<number>;
  /** Height of each merge (length n-1). */
  readonly height: ArrayLike<number>;
}

/** Options of `dendrogram`. */
export interface DendrogramOptions extends ChartOptions {
  /** Number of branches at the bottom of the drawn top of the tree (default 30). */
  leaves?: number;
  /** Colour the k clusters (as `cutree` numbers them) and draw the cut (k <= leaves). */
  k?: number;
  /** Label of cluster c in the legend (default: its number). */
  clusterLabels?: readonly string[];
}

/**
 * Dendrogram of the top of a hierarchical clustering (Ward tree): only the
 * last `leaves - 1` merges are drawn, and each branch below them ends in a leaf
 * labelled with its number of observations, so a tree of 25,000 sequences
 * stays readable. Children are drawn in merge order (first listed left), as
 * R's `plot(hclust)`. With `k`, branches are coloured by the k clusters,
 * numbered as `cutree` does (by first observation), and the cut is drawn.
 *
 * Reference: Murtagh & Legendre (2014), Ward's hierarchical agglomerative
 * clustering method, J. Classif. 31; R's `stats::hclust` merge convention.
 *
 * @param tree n, merge (R convention) and heights, e.g. from `hclust`
 * @param options leaves (30), k, clusterLabels, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * dendrogram(hclust(matrix, { method: 'ward.D' }), { leaves: 20, k: 4 });
 */
export function dendrogram(tree: DendrogramTree, options: DendrogramOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const { n, merge, height } = tree;
  const m = n - 1;
  if (n < 2 || merge.length !== 2 * m || height.length !== m) throw new OptionsError('tree', `a dendrogram needs n >= 2, a merge of length 2(n-1) and n-1 heights; got n = ${n}`);
  const leaves = Math.max(2, Math.min(options.leaves ?? 30, n));
  const k = options.k;
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= leaves)) throw new OptionsError('k', `must be a whole number in 1..${leaves} (the leaves drawn); got ${k}`);
  const firstShown = m - (leaves - 1); // steps firstShown..m-1 are drawn as internal nodes
  // size[s] and first[s]: observations in, and first observation of, the cluster formed at step s.
  const size = new Float64Array(m);
  const first = new Int32Array(m);
  const childSize = (c: number) => (c < 0 ? 1 : size[c - 1]);
  const childFirst = (c: number) => (c < 0 ? -c - 1 : first[c - 1]);
  for (let s = 0; s < m; s++) {
    size[s] = childSize(merge[2 * s]) + childSize(merge[2 * s + 1]);
    first[s] = Math.min(childFirst(merge[2 * s]), childFirst(merge[2 * s + 1]));
  }
  // Cluster roots for k: children of the top k-1 merges that are not themselves among them; numbered by first observation.
  const clusterOfStep = new Map<number, number>();
  const clusterOfLeafChild = new Map<number, number>();
  if (k !== undefined) {
    const roots: number[] = [];
    for (let s = m - (k - 1); s < m; s++) {
      for (const c of [merge[2 * s], merge[2 * s + 1]]) if (c < 0 || c - 1 < m - (k - 1)) roots.push(c);
    }
    if (k === 1) roots.push(m);
    roots.sort((a, b) => childFirst(a) - childFirst(b));
    roots.forEach((c, i) => (c < 0 ? clusterOfLeafChild.set(c, i + 1) : clusterOfStep.set(c - 1, i + 1)));
  }
  const clusterName = (c: number) => options.clusterLabels?.[c - 1] ?? String(c);
  const segments: Record<string, number | string>[] = [];
  const leafLabels: string[] = [];
  // Depth-first layout from the root: leaves get x = 0, 1, ... left to right; a node sits above the middle of its children.
  const layout = (c: number, cluster: number): { x: number; y: number; cluster: string } => {
    const own = c < 0 ? clusterOfLeafChild.get(c) : clusterOfStep.get(c - 1);
    const cl = own ?? cluster;
    const name = cl > 0 ? clusterName(cl) : '';
    if (c < 0 || c - 1 < firstShown) {
      leafLabels.push(String(childSize(c)));
      return { x: leafLabels.length - 1, y: 0, cluster: name };
    }
    const s = c - 1;
    const left = layout(merge[2 * s], cl);
    const right = layout(merge[2 * s + 1], cl);
    const h = roundTo(height[s]);
    // A stem takes the colour of the node below it; the bar joining two children that of this node.
    segments.push(
      { x: left.x, x2: left.x, y: left.y, y2: h, cluster: left.cluster },
      { x: right.x, x2: right.x, y: right.y, y2: h, cluster: right.cluster },
      { x: left.x, x2: right.x, y: h, y2: h, cluster: name },
    );
    return { x: (left.x + right.x) / 2, y: h, cluster: name };
  };
  layout(m, 0);
  const clusters = k === undefined ? [] : Array.from({ length: k }, (_, i) => clusterName(i + 1));
  const color = k === undefined
    ? { value: '#333333' }
    : {
        field: 'cluster',
        type: 'nominal',
        scale: { domain: ['', ...clusters], range: ['#333333', ...clusters.map((_, i) => SERIES_PALETTE[i % SERIES_PALETTE.length])] },
        legend: { title: tr(lang, 'cluster'), values: clusters },
      };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: segments },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative',
          title: tr(lang, 'size'),
          scale: { domain: [-0.5, leafLabels.length - 0.5], nice: false, zero: false },
          axis: { values: leafLabels.map((_, i) => i), labelExpr: `(${JSON.stringify(leafLabels)})[datum.value]`, labelAngle: -90, labelFontSize: 9, grid: false },
        },
        x2: { field: 'x2' },
        y: { field: 'y', type: 'quantitative', title: tr(lang, 'height') },
        y2: { field: 'y2' },
        color,
      },
    },
  ];
  if (k !== undefined && k > 1 && k <= m) {
    // The cut lies between the last merge kept (step m-k) and the first undone (step m-k+1).
    const cut = k === n ? height[0] / 2 : (height[m - k] + height[m - k + 1]) / 2;
    layers.push({ data: { values: [{ cut: roundTo(cut) }] }, mark: { type: 'rule', strokeDash: [5, 4], color: '#888' }, encoding: { y: { field: 'cut', type: 'quantitative' } } });
  }
  return topLevel(lang, chartTitle(options, 'dendrogram', { k: leaves }), undefined, {
    width: options.width ?? Math.max(300, 16 * leaves),
    height: options.height ?? 260,
    layer: layers,
  });
}
