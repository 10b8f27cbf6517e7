import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { checkMatrix, weightsOrOnes } from './rows.js';

/** Agglomeration criteria of `hclust`, named as in R's `stats::hclust`. */
export type LinkageMethod = 'ward.D' | 'ward.D2' | 'average' | 'complete' | 'single' | 'mcquitty' | 'median' | 'centroid';

/** A hierarchical clustering laid out as R's `hclust` object. */
export interface HClustTree {
  /** Number of observations. */
  readonly n: number;
  /**
   * Merge matrix, row-major (n-1) x 2: step s joins `merge[2s]` and `merge[2s+1]`.
   * R's sign convention: `-i` is observation i (1-based), a positive `m` is the
   * cluster formed at step m (1-based). Singletons come first; two clusters are
   * listed smaller step first.
   */
  readonly merge: Int32Array;
  /** Height of each merge (length n-1). */
  readonly height: Float64Array;
  /** Leaf order for drawing the dendrogram (0-based rows). */
  readonly order: Int32Array;
  readonly method: LinkageMethod;
  /** Initial cluster sizes (R's `members`): the weights, or 1 each. */
  readonly members: Float64Array;
}

/** Options of {@link hclust}. */
export interface HClustOptions {
  /** Agglomeration criterion (default `'ward.D'`). */
  method?: LinkageMethod;
  /**
   * Initial cluster sizes, e.g. the multiplicities of distinct sequences
   * (R's `members` argument); default 1 each.
   */
  weights?: ArrayLike<number>;
  /** Receives progress as merges done of n - 1. */
  progress?: ProgressReporter;
}

/**
 * Agglomerative hierarchical clustering with the semantics of R's `stats::hclust`
 * (F. Murtagh's nearest-neighbour-list algorithm as in R's hclust.f): the same
 * merges, heights and order, ties included, for the Lance-Williams update
 *
 *   d(i+j, k) = ward.D:   ((m_i+m_k) d_ik + (m_j+m_k) d_jk - m_k d_ij) / (m_i+m_j+m_k)
 *               ward.D2:  the same on squared distances; heights are square roots
 *               average:  (m_i d_ik + m_j d_jk) / (m_i + m_j)
 *               complete: max(d_ik, d_jk);  single: min(d_ik, d_jk)
 *               mcquitty: (d_ik + d_jk) / 2;   median: (d_ik + d_jk - d_ij / 2) / 2
 *               centroid: (m_i d_ik + m_j d_jk - m_i m_j d_ij / (m_i + m_j)) / (m_i + m_j)
 *
 * where m are cluster sizes (weights). Each step joins the pair (i < j) with the
 * smallest dissimilarity, the first such pair in row order on ties; the joined
 * cluster keeps index i. Time is O(n^2) per step in the worst case but close to
 * O(n^2) overall in practice; memory is one copy of the condensed matrix.
 *
 * Reference: Murtagh, F. (1985) Multidimensional Clustering Algorithms; R Core
 * Team, `?hclust`.
 *
 * @param matrix condensed dissimilarities (not modified)
 * @param options method and weights
 * @returns the tree in R's layout
 * @example
 * const tree = hclust(matrix, { method: 'ward.D', weights: distinct.weights });
 * cutree(tree, 4); // cluster numbers 1..4 per row
 */
export function hclust(matrix: DistanceMatrix, options: HClustOptions = {}): HClustTree {
  const method = options.method ?? 'ward.D';
  const n = matrix.n;
  if (n < 2) throw new OptionsError('matrix', `hclust needs at least 2 observations; got ${n}`);
  checkMatrix(matrix);
  const members = weightsOrOnes(options.weights, n);
  const zero = members.indexOf(0);
  if (zero >= 0) {
    throw new OptionsError('weights', `weight ${zero + 1} is 0; hierarchical clustering needs positive weights (they are the initial cluster sizes): leave out persons of weight 0, or cluster without weights`);
  }
  const size = Float64Array.from(members);
  const diss = Float64Array.from(matrix.values);
  if (method === 'ward.D2') for (let p = 0; p < diss.length; p++) diss[p] *= diss[p];
  const ward = method === 'ward.D' || method === 'ward.D2';
  const kind = ward ? 0 : ['single', 'complete', 'average', 'mcquitty', 'median', 'centroid'].indexOf(method) + 1;
  if (kind < 1 && !ward) throw new OptionsError('method', `unknown linkage "${method}"; expected ward.D, ward.D2, average, complete, single, mcquitty, median or centroid`);

  // rowStart[i] = position of (i, i+1) in the condensed array; (i, j>i) is rowStart[i] + j - i - 1.
  const rowStart = new Float64Array(n);
  for (let i = 0; i < n; i++) rowStart[i] = n * i - (i * (i + 1)) / 2;
  const at = (i: number, j: number) => (i < j ? rowStart[i] + j - i - 1 : rowStart[j] + i - j - 1);

  const active = new Uint8Array(n).fill(1);
  // nn[i], disnn[i]: nearest neighbour of i among the active j > i.
  const nn = new Int32Array(n);
  const disnn = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n - 1; i++) nearestToTheRight(i);

  const ia = new Int32Array(n - 1);
  const ib = new Int32Array(n - 1);
  const height = new Float64Array(n - 1);
  for (let step = 0; step < n - 1; step++) {
    // The least dissimilarity over the list of nearest neighbours (first i on ties).
    let dmin = Infinity;
    let im = -1;
    let jm = -1;
    for (let i = 0; i < n - 1; i++) {
      if (active[i] && disnn[i] < dmin) {
        dmin = disnn[i];
        im = i;
        jm = nn[i];
      }
    }
    if (im < 0) throw new Error('hclust: dissimilarities must be finite.');
    const i2 = Math.min(im, jm);
    const j2 = Math.max(im, jm);
    ia[step] = i2;
    ib[step] = j2;
    height[step] = method === 'ward.D2' ? Math.sqrt(dmin) : dmin;
    active[j2] = 0;

    // Lance-Williams update of d(i2 + j2, k), tracking i2's new nearest neighbour.
    const d12 = diss[at(i2, j2)];
    const mi = size[i2];
    const mj = size[j2];
    dmin = Infinity;
    let jj = nn[i2];
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === i2) continue;
      const p1 = at(i2, k);
      const p2 = at(j2, k);
      let d: number;
      if (kind === 0) {
        const mk = size[k];
        d = ((mi + mk) * diss[p1] + (mj + mk) * diss[p2] - mk * d12) / (mi + mj + mk);
      } else if (kind === 1) d = Math.min(diss[p1], diss[p2]);
      else if (kind === 2) d = Math.max(diss[p1], diss[p2]);
      else if (kind === 3) d = (mi * diss[p1] + mj * diss[p2]) / (mi + mj);
      else if (kind === 4) d = (diss[p1] + diss[p2]) / 2;
      else if (kind === 5) d = (diss[p1] + diss[p2] - d12 / 2) / 2; // R's order of operations: ties depend on it
      else d = (mi * diss[p1] + mj * diss[p2] - (mi * mj * d12) / (mi + mj)) / (mi + mj);
      diss[p1] = d;
      if (i2 < k) {
        if (d < dmin) {
          dmin = d;
          jj = k;
        }
      } else if (d < disnn[k]) {
        disnn[k] = d;
        nn[k] = i2;
      }
    }
    size[i2] = mi + mj;
    disnn[i2] = dmin;
    nn[i2] = jj;
    // Rows whose nearest neighbour was one of the merged clusters look again.
    for (let i = 0; i < n - 1; i++) {
      if (active[i] && (nn[i] === i2 || nn[i] === j2)) nearestToTheRight(i);
    }
    if (options.progress && (step % 256 === 255 || step === n - 2)) options.progress('hclust', step + 1, n - 1);
  }
  const merge = toRMerge(ia, ib);
  return { n, merge, height, order: leafOrder(merge, n), method, members };

  function nearestToTheRight(i: number): void {
    let dmin = Infinity;
    let jm = nn[i];
    const base = rowStart[i] - i - 1;
    for (let j = i + 1; j < n; j++) {
      if (active[j] && diss[base + j] < dmin) {
        dmin = diss[base + j];
        jm = j;
      }
    }
    nn[i] = jm;
    disnn[i] = dmin;
  }
}

/**
 * Convert merges coded by the smallest member index (0-based) into R's merge
 * matrix: -(row+1) for observations, the 1-based step for clusters, singletons
 * first and clusters in increasing step order (R's HCASS2).
 */
function toRMerge(ia: Int32Array, ib: Int32Array): Int32Array {
  const steps = ia.length;
  const n = steps + 1;
  // lastStep[i]: step (1-based) of the latest merge whose cluster is represented by row i.
  const lastStep = new Int32Array(n);
  const merge = new Int32Array(2 * steps);
  for (let s = 0; s < steps; s++) {
    let a = lastStep[ia[s]] > 0 ? lastStep[ia[s]] : -(ia[s] + 1);
    let b = lastStep[ib[s]] > 0 ? lastStep[ib[s]] : -(ib[s] + 1);
    if (a > 0 && b < 0) [a, b] = [b, a];
    else if (a > 0 && b > 0 && a > b) [a, b] = [b, a];
    merge[2 * s] = a;
    merge[2 * s + 1] = b;
    lastStep[ia[s]] = s + 1;
  }
  return merge;
}

/** Leaves left to right: depth-first through the merges, first member first. */
function leafOrder(merge: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  const stack: number[] = [n - 1];
  let k = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < 0) {
      order[k++] = -node - 1;
      continue;
    }
    // Push the second member first so the first is expanded first.
    stack.push(merge[2 * (node - 1) + 1], merge[2 * (node - 1)]);
  }
  return order;
}
