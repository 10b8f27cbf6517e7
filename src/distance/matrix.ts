import { OptionsError } from '../errors.js';

/**
 * A symmetric N x N dissimilarity matrix with zero diagonal, stored condensed
 * as R's `dist` object: the lower triangle by columns, so the distance between
 * rows i < j (0-based) sits at `values[n*i - i*(i+1)/2 + j - i - 1]`.
 */
export interface DistanceMatrix {
  readonly n: number;
  readonly values: Float64Array;
}

/**
 * Position of pair (i, j), i != j, in the condensed array of an n x n matrix.
 * @example
 * condensedIndex(4, 0, 1); // 0
 * condensedIndex(4, 3, 2); // 5 (the last of the 6 pairs)
 */
export function condensedIndex(n: number, i: number, j: number): number {
  if (i > j) [i, j] = [j, i];
  return n * i - (i * (i + 1)) / 2 + j - i - 1;
}

/**
 * Distance between rows i and j (0 on the diagonal).
 * @throws OptionsError when i or j is not a row 0..n-1
 * @example
 * distanceAt(m, 0, 2) === distanceAt(m, 2, 0); // true
 */
export function distanceAt(m: DistanceMatrix, i: number, j: number): number {
  // (x >>> 0) === x: a whole number in 0..2^32-1, one test for NaN, fractions and negatives
  if (!((i >>> 0) === i && i < m.n && (j >>> 0) === j && j < m.n)) {
    throw new OptionsError(i >>> 0 === i && i < m.n ? 'j' : 'i', `rows ${i} and ${j}: expected whole numbers in 0..${m.n - 1}`);
  }
  return i === j ? 0 : m.values[condensedIndex(m.n, i, j)];
}

/**
 * Bytes needed for the condensed matrix of n rows.
 * @example
 * condensedBytes(1000); // 3996000 (499,500 pairs of 8 bytes)
 */
export function condensedBytes(n: number): number {
  return ((n * (n - 1)) / 2) * 8;
}

/**
 * How `expandDistinct` splits its work: the rows grouped by distinct sequence
 * (`rows[first[a] .. first[a + 1])` map onto a) and blocks of `block`
 * consecutive distinct sequences.
 */
export interface ExpansionPlan {
  readonly n: number;
  readonly d: number;
  readonly first: Int32Array;
  readonly rows: Int32Array;
  readonly block: number;
  readonly blocks: number;
}

/**
 * The grouping and block size of an expansion of d distinct sequences to the rows of `rowToDistinct`.
 * @example
 * expansionPlan(2, Int32Array.of(0, 1, 0)); // { n: 3, d: 2, first: [0, 2, 3], rows: [0, 2, 1], block: 256, blocks: 1 }
 */
export function expansionPlan(d: number, rowToDistinct: Int32Array): ExpansionPlan {
  const n = rowToDistinct.length;
  const first = new Int32Array(d + 1);
  for (let i = 0; i < n; i++) first[rowToDistinct[i] + 1]++;
  for (let a = 0; a < d; a++) first[a + 1] += first[a];
  const rows = new Int32Array(n);
  const fill = first.slice(0, d);
  for (let i = 0; i < n; i++) rows[fill[rowToDistinct[i]]++] = i;
  // full rows of `block` distinct sequences take about 16 MB
  const block = Math.min(256, Math.max(8, Math.floor(2 ** 21 / Math.max(1, d))));
  return { n, d, first, rows, block, blocks: Math.ceil(d / block) };
}

/**
 * Write the rows that map onto block k of the plan into `values` (the
 * condensed N x N result), using `buf` (block x d) for the full rows of the
 * block's distinct sequences.
 *
 * @example
 * // rows 0 and 2 hold distinct sequence 0, row 1 sequence 1, at distance 5
 * const rowToDistinct = Int32Array.of(0, 1, 0);
 * const plan = expansionPlan(2, rowToDistinct);
 * const values = new Float64Array(3);
 * expandBlock(Float64Array.of(5), rowToDistinct, plan, values, 0, new Float64Array(plan.block * 2));
 * values; // [5, 0, 5]: pairs (0, 1), (0, 2), (1, 2)
 */
export function expandBlock(src: Float64Array, rowToDistinct: Int32Array, plan: ExpansionPlan, values: Float64Array, k: number, buf: Float64Array): void {
  const { n, d, first, rows } = plan;
  const a0 = k * plan.block;
  const b = Math.min(plan.block, d - a0);
  // buf[q * d + x] = distance between distinct sequences a0 + q and x; the
  // condensed row a holds (a, a + 1), ..., (a, d - 1) from condensedIndex(d, a, a + 1)
  for (let q = 0; q < b; q++) {
    const a = a0 + q;
    const start = condensedIndex(d, a, a + 1);
    buf[q * d + a] = 0;
    buf.set(src.subarray(start, start + d - a - 1), q * d + a + 1);
  }
  for (let x = 0; x < a0 + b - 1; x++) {
    // (x, a0 + q) for a0 + q > x: a contiguous run of row x
    const base = condensedIndex(d, x, x + 1) - x - 1;
    for (let q = Math.max(0, x + 1 - a0); q < b; q++) buf[q * d + x] = src[base + a0 + q];
  }
  for (let q = 0; q < b; q++) {
    const row = q * d;
    for (let r = first[a0 + q]; r < first[a0 + q + 1]; r++) {
      const i = rows[r];
      const start = condensedIndex(n, i, i + 1);
      // a view with small integer indices keeps the store on V8's fast path
      const out = values.subarray(start, start + n - i - 1);
      for (let j = i + 1, c = 0; j < n; j++, c++) out[c] = buf[row + rowToDistinct[j]];
    }
  }
}

/**
 * Expand a matrix over D distinct sequences to the N rows that map onto them.
 *
 * Row i of the result is the full row of its distinct sequence read at the
 * distinct sequences of rows i+1..N-1. Reading the condensed source directly
 * would fetch half of the values from a column, one cache miss each; instead
 * the full rows of a block of consecutive distinct sequences are gathered into
 * a buffer (their column parts are then contiguous runs of the source) and
 * every row that maps onto one of them is written from it (`expandBlock`).
 * The result's pages are touched in order first: faulting them in at random,
 * as the rows come, takes about three times longer. The engine's
 * `expandInParallel` runs the same blocks on worker threads.
 *
 * @param shared put the result in shared memory (for worker threads to read, e.g. the CSV writer's)
 * @example
 * const full = expandDistinct(distinctMatrix, distinct.rowToDistinct);
 */
export function expandDistinct(m: DistanceMatrix, rowToDistinct: Int32Array, shared = false): DistanceMatrix {
  const plan = expansionPlan(m.n, rowToDistinct);
  const pairs = (plan.n * (plan.n - 1)) / 2;
  const values = shared ? new Float64Array(new SharedArrayBuffer(pairs * 8)) : new Float64Array(pairs);
  values.fill(0);
  const buf = new Float64Array(plan.block * plan.d);
  for (let k = 0; k < plan.blocks; k++) expandBlock(m.values, rowToDistinct, plan, values, k, buf);
  return { n: plan.n, values };
}

/**
 * The matrix among some rows, in the order given: the inverse of
 * `expandDistinct` when `rows` holds one row of each distinct sequence
 * (`distinct.firstRow`).
 *
 * @param m the matrix
 * @param rows rows of `m` (0-based)
 * @returns the rows.length x rows.length matrix
 * @example
 * const d = distinctSequences(seqs);
 * const small = subMatrix(full, d.firstRow); // one row per distinct sequence
 */
export function subMatrix(m: DistanceMatrix, rows: ArrayLike<number>): DistanceMatrix {
  const n = rows.length;
  const values = new Float64Array((n * (n - 1)) / 2);
  // the condensed layout: pair (a, b), a < b, row by row
  for (let a = 0, k = 0; a < n; a++) for (let b = a + 1; b < n; b++) values[k++] = distanceAt(m, rows[a], rows[b]);
  return { n, values };
}
