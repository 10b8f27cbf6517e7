import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { assignToMedoids, nearestTwo, type MedoidPartition } from './medoids.js';
import { checkMatrix, distanceRow, weightsOrOnes } from './rows.js';
import { clusterDistanceSums, clusterSizes, nearestOtherCluster } from './silhouette.js';

/** Options of {@link pam}. */
export interface PamOptions {
  /** Case weights, e.g. multiplicities of distinct sequences (default 1 each). */
  weights?: ArrayLike<number>;
  /** Start from these medoid rows (0-based) instead of BUILD, as `pam(medoids = )`. */
  initialMedoids?: ArrayLike<number>;
  /** Run the SWAP phase (default true). */
  swap?: boolean;
  /** Receives progress: objects scored in the current SWAP pass, of n. */
  progress?: ProgressReporter;
}

/** Result of {@link pam} and {@link kmedoids}. */
export interface PamResult extends MedoidPartition {
  /** Weighted mean distance to the nearest medoid after BUILD (or the initial medoids) and after SWAP. */
  readonly objective: { readonly build: number; readonly swap: number };
  /** Number of swaps performed. */
  readonly swaps: number;
  /** Silhouette width per observation, `cluster::pam`'s convention (0 in singleton clusters). */
  readonly silhouette: Float64Array;
  /** Weighted mean silhouette width (`pam(...)$silinfo$avg.width`). */
  readonly averageSilhouette: number;
}

/**
 * Partitioning around medoids, the BUILD and SWAP algorithm of Kaufman &
 * Rousseeuw (1990) exactly as `cluster::pam(x, k, diss = TRUE)` runs it: BUILD
 * adds, k times, the object i maximising sum_j w_j max(0, D_j - d(i, j)) (D_j
 * = distance to the nearest medoid so far; the last such i on ties); SWAP then
 * applies, while it lowers the total, the swap (medoid i, object h) with the
 * smallest change T_ih = sum_j w_j C_jih, the first (h, i) in row order on ties.
 * Unit weights give R's result; weights generalise every sum (a weight-m row
 * acts as m identical rows). Time O(k n^2) per swap; for large n use
 * {@link kmedoids}.
 *
 * Clusters are numbered 1..k by first appearance in observation order and
 * `medoids` follow that numbering, as in R.
 *
 * @param matrix condensed dissimilarities
 * @param k number of clusters (1 <= k < n)
 * @param options weights, initial medoids, swap
 * @returns labels, medoids, objective, silhouettes
 * @example
 * const r = pam(matrix, 4);
 * r.medoids; // 0-based rows, cluster order
 * r.averageSilhouette; // 0.3806891 on the mvad OM fixture
 */
export function pam(matrix: DistanceMatrix, k: number, options: PamOptions = {}): PamResult {
  const n = matrix.n;
  checkK(k, n);
  checkMatrix(matrix);
  const w = weightsOrOnes(options.weights, n);
  const big = aboveAll(matrix);
  const isMedoid = new Uint8Array(n);
  const dysma = new Float64Array(n).fill(big);
  if (options.initialMedoids) {
    const given = Int32Array.from(options.initialMedoids);
    if (given.length !== k) throw new OptionsError('initialMedoids', `${given.length} initial medoids for k = ${k}; expected k`);
    for (const m of given) {
      if (!(m >= 0 && m < n) || isMedoid[m]) throw new OptionsError('initialMedoids', `initial medoid ${m} is outside 0..${n - 1} or repeated`);
      isMedoid[m] = 1;
      lowerNearest(matrix, m, dysma);
    }
  } else build(matrix, k, w, isMedoid, dysma);
  const row = new Float64Array(n);
  let totalW = 0;
  let sky = 0;
  for (let j = 0; j < n; j++) {
    totalW += w[j];
    sky += w[j] * dysma[j];
  }
  const buildObjective = sky / totalW;

  let swaps = 0;
  if (options.swap !== false) {
    const medoids = Array.from(markedRows(isMedoid));
    const medRows = medoids.map((m) => distanceRow(matrix, m, new Float64Array(n)));
    const dysmb = new Float64Array(n);
    const near = new Int32Array(n);
    for (;;) {
      // D_j and E_j: distances to the nearest and second nearest medoid.
      nearestTwo(medRows, big, near, dysma, dysmb);
      // T_ih = sum_j w_j C_jih: j leaves medoid i (d(i,j) = D_j) for min(E_j, d(h,j)),
      // or moves to h when d(h,j) < D_j.
      let dzsky = 1;
      let hbest = -1;
      let cbest = -1;
      for (let h = 0; h < n; h++) {
        if (options.progress && h % 256 === 0) options.progress(`pam swap ${swaps + 1}`, h, n);
        if (isMedoid[h]) continue;
        distanceRow(matrix, h, row);
        for (let c = 0; c < medoids.length; c++) {
          const rowI = medRows[c];
          let dz = 0;
          for (let j = 0; j < n; j++) {
            const dhj = row[j];
            if (rowI[j] === dysma[j]) {
              const small = dysmb[j] > dhj ? dhj : dysmb[j];
              dz += w[j] * (-dysma[j] + small);
            } else if (dhj < dysma[j]) dz += w[j] * (-dysma[j] + dhj);
          }
          if (dzsky > dz) {
            dzsky = dz;
            hbest = h;
            cbest = c;
          }
        }
      }
      // R's threshold: "< 0" looped forever swapping identical objects.
      if (!(dzsky < -16 * Number.EPSILON * Math.abs(sky))) break;
      isMedoid[hbest] = 1;
      isMedoid[medoids[cbest]] = 0;
      medoids[cbest] = hbest;
      medRows[cbest] = distanceRow(matrix, hbest, medRows[cbest]);
      // Keep medoids in row order, as R scans them.
      const order = medoids.map((m, c) => [m, c]).sort((x, y) => x[0] - y[0]);
      const rowsBefore = medRows.slice();
      order.forEach(([m, c], pos) => {
        medoids[pos] = m;
        medRows[pos] = rowsBefore[c];
      });
      sky += dzsky;
      swaps++;
    }
  }
  const part = assignToMedoids(matrix, markedRows(isMedoid));
  const sil = pamSilhouette(matrix, part.labels, k, w);
  return { ...part, objective: { build: buildObjective, swap: sky / totalW }, swaps, ...sil };
}

/**
 * BUILD (Kaufman & Rousseeuw 1990; `cluster::pam`): add, k times, the object i
 * with the largest gain sum_j w_j max(0, D_j - d(i, j)), the last on ties.
 * Marks the medoids in `isMedoid`, leaves D_j, the distance to the nearest
 * medoid, in `dysma` (which starts above every distance), and returns the
 * medoids in the order they were chosen.
 */
export function build(matrix: DistanceMatrix, k: number, w: Float64Array, isMedoid: Uint8Array, dysma: Float64Array): Int32Array {
  const n = matrix.n;
  const row = new Float64Array(n);
  const chosenOrder = new Int32Array(k);
  for (let step = 0; step < k; step++) {
    let best = 0;
    let chosen = -1;
    for (let i = 0; i < n; i++) {
      if (isMedoid[i]) continue;
      distanceRow(matrix, i, row);
      let gain = 0;
      for (let j = 0; j < n; j++) {
        const cmd = dysma[j] - row[j];
        if (cmd > 0) gain += w[j] * cmd;
      }
      if (best <= gain) {
        best = gain;
        chosen = i;
      }
    }
    isMedoid[chosen] = 1;
    chosenOrder[step] = chosen;
    lowerNearest(matrix, chosen, dysma);
  }
  return chosenOrder;
}

/** D_j = min(D_j, d(m, j)) for every j. */
function lowerNearest(matrix: DistanceMatrix, m: number, dysma: Float64Array): void {
  const row = distanceRow(matrix, m, new Float64Array(matrix.n));
  for (let j = 0; j < matrix.n; j++) if (dysma[j] > row[j]) dysma[j] = row[j];
}

/** A value above every distance of the matrix (R's `s * 1.1 + 1`, s the largest). */
export function aboveAll(matrix: DistanceMatrix): number {
  let maxD = 0;
  for (let p = 0; p < matrix.values.length; p++) if (maxD < matrix.values[p]) maxD = matrix.values[p];
  return maxD * 1.1 + 1;
}

/** The rows flagged in `flags`, ascending. */
function markedRows(flags: Uint8Array): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) rows.push(i);
  return Int32Array.from(rows);
}

/** An OptionsError unless 1 <= k < n. */
export function checkK(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 1 || k >= n) {
    throw new OptionsError('k', n < 2 ? `${n} observation${n === 1 ? '' : 's'} cannot be split into clusters; expected at least 2` : `must be a whole number in 1..${n - 1} (below the ${n} observations); got ${k}`);
  }
}

/**
 * Silhouette widths with `cluster::pam`'s conventions (its Fortran `dark`):
 * a = own-cluster mean distance over W_c - 1, b = nearest other cluster's mean;
 * s = 1 - a/b (a < b), b/a - 1 (a > b), 0 (a = b); 0 in a singleton cluster.
 */
export function pamSilhouette(
  matrix: DistanceMatrix,
  labels: Int32Array,
  k: number,
  w: Float64Array,
): { silhouette: Float64Array; averageSilhouette: number } {
  const n = matrix.n;
  const silhouette = new Float64Array(n);
  if (k < 2) return { silhouette, averageSilhouette: 0 };
  const sizes = clusterSizes(labels, k, w);
  const sums = clusterDistanceSums(matrix, labels, k, w);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i] - 1;
    const b = nearestOtherCluster(sums, sizes, i, c, k);
    let s = 0;
    if (sizes[c] > 1) {
      const a = sums[i * k + c] / (sizes[c] - 1);
      if (a > 0) {
        if (b > 0) s = b > a ? 1 - a / b : b < a ? b / a - 1 : 0;
        else s = -1;
        s = Math.min(1, Math.max(-1, s));
      } else s = b > 0 ? 1 : 0;
    }
    silhouette[i] = s;
    total += w[i];
    sum += w[i] * s;
  }
  return { silhouette, averageSilhouette: sum / total };
}
