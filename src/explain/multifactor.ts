import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { caseWeights } from '../weights.js';
import { resolveCases, squaredMatrix, type CaseDissimilarities } from './cases.js';
import { isMissingValue, toFactor } from './factor.js';
import { bilinearForms } from './forms.js';
import { permutationPValues, permutedLabels, runPermutations, type PermutationRunOptions } from './permutation.js';

/** Options of {@link multiFactorDiscrepancy}. */
export interface MultiFactorOptions extends PermutationRunOptions {
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /** Use squared dissimilarities (default false). */
  squared?: boolean;
  /** Number of permutations R, the observed one included (default 1000; 1 for none). */
  permutations?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
}

/** One row of {@link multiFactorDiscrepancy}: a covariate given the others, or the whole model. */
export interface MultiFactorRow {
  /** Covariate name, or `Total`. */
  readonly variable: string;
  readonly pseudoF: number;
  readonly pseudoR2: number;
  /** Permutation p-value of the pseudo F (NaN without permutations). */
  readonly pValue: number;
}

/** Result of {@link multiFactorDiscrepancy} (TraMineR's `dissmfacw`). */
export interface MultiFactorDiscrepancy {
  /** One row per covariate in the given order, then `Total`. */
  readonly rows: readonly MultiFactorRow[];
  readonly permutations: number;
  /** Cases left out because a covariate is missing. */
  readonly excluded: number;
  /** Columns of the design (intercept included). */
  readonly columns: number;
}

/** The data of a multi-factor test that permutation workers need. */
export interface MultiFactorSpec {
  readonly kind: 'multifactor';
  readonly matrix: DistanceMatrix;
  /** Cases x m design (intercept first), row-major. */
  readonly X: Float64Array;
  /** Term of each design column (0 = intercept, 1..T). */
  readonly assign: Int32Array;
  readonly m: number;
  readonly terms: number;
  readonly item: Int32Array;
  readonly weight: Float64Array;
  /** Explained sum of squares of the model without each term. */
  readonly without: Float64Array;
  readonly scTot: number;
  readonly totalWeight: number;
  readonly seed: number;
}

/**
 * Multi-factor discrepancy analysis (TraMineR's `dissmfacw`; Studer et al.
 * 2011, after McArdle & Anderson 2001): the dissimilarities regressed on
 * several covariates at once. With G = -(1/2) (I - 1 s') D (I - s 1') the
 * weighted Gower matrix (s = w / W) and H the weighted hat matrix of a design,
 * SS_exp = sum(H * G) and SS_T = sum_i w_i G_ii = sum_{i<j} w_i w_j d_ij / W.
 * For each covariate, given the others (p its columns, m of the full model):
 * R2 = (SS_exp(full) - SS_exp(without it)) / SS_T and
 * F = ((SS_exp(full) - SS_exp(without)) / p) / ((SS_T - SS_exp(full)) / (W - m));
 * `Total` is the full model, F = (SS_exp / (m-1)) / ((SS_T - SS_exp) / (W - m)).
 * Computed without any N x N matrix: SS_exp = -(1/2) sum_c v_c' D v_c over the
 * columns v_c = W^(1/2) q_c of an orthonormal basis of W^(1/2) X without the
 * intercept (they sum to zero, so the centring vanishes).
 *
 * Categorical covariates enter as treatment dummies (first level the
 * reference), numeric ones as they are; cases with a missing covariate are
 * left out. p-values: the share of R row permutations of the covariate(s)
 * (the observed one included) with a pseudo F at least the observed one; each
 * case keeps its weight, as in TraMineR.
 *
 * @param diss an N x N matrix, or a distinct-sequence matrix with its map
 * @param covariates name -> one value per case, in model order
 * @param options weights, squared, permutations, seed, threads, progress
 * @returns one row per covariate and the total
 * @example
 * const mf = await multiFactorDiscrepancy(om, { male, funemp, gcse5eq }, { permutations: 1000 });
 * mf.rows.at(-1); // { variable: 'Total', pseudoF: ..., pseudoR2: ..., pValue: ... }
 */
export async function multiFactorDiscrepancy(
  diss: CaseDissimilarities,
  covariates: Readonly<Record<string, ArrayLike<unknown>>>,
  options: MultiFactorOptions = {},
): Promise<MultiFactorDiscrepancy> {
  const cases = resolveCases(diss);
  const names = Object.keys(covariates);
  if (names.length === 0) throw new OptionsError('covariates', 'give at least one covariate');
  const weights = caseWeights(options.weights, cases.n);
  const keep: number[] = [];
  for (let i = 0; i < cases.n; i++) if (names.every((v) => !isMissingValue(covariates[v][i]))) keep.push(i);
  for (const v of names) if (covariates[v].length !== cases.n) throw new OptionsError(v, `${covariates[v].length} values for ${cases.n} cases`);
  const design = designMatrix(names.map((v) => keep.map((i) => covariates[v][i])), names);
  const matrix = options.squared ? squaredMatrix(cases.matrix) : cases.matrix;
  const item = Int32Array.from(keep, (i) => cases.item[i]);
  const weight = Float64Array.from(keep, (i) => weights[i]);
  const W = weight.reduce((s, x) => s + x, 0);
  const all = new Float64Array(matrix.n);
  for (let i = 0; i < item.length; i++) all[item[i]] += weight[i];
  const scTot = bilinearForms(matrix, all, 1, false)[0] / 2 / W;
  const T = names.length;
  const base = { kind: 'multifactor' as const, matrix, X: design.X, assign: design.assign, m: design.m, terms: T, item, weight, scTot, totalWeight: W, seed: options.seed ?? 1 };
  const without = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const cols = [...design.assign.keys()].filter((c) => design.assign[c] !== t + 1);
    without[t] = explainedSum(base, selectColumns(design.X, design.m, cols), cols.length);
  }
  const spec: MultiFactorSpec = { ...base, without };
  const R = options.permutations ?? 1000;
  const nStats = 2 * (T + 1);
  const cost = ((matrix.n * (matrix.n - 1)) / 2) * (T + 1) * (design.m - 1);
  const t = await runPermutations({ spec, nStats, cost }, evaluateMultiFactor, R, {
    threads: options.threads, progress: options.progress, task: options.task ?? 'dissmfacw permutations',
  });
  const p = permutationPValues(t, R, nStats);
  const rows = [...names, 'Total'].map((variable, j) => ({ variable, pseudoF: t[j], pseudoR2: t[T + 1 + j], pValue: p[j] }));
  return { rows, permutations: R, excluded: cases.n - keep.length, columns: design.m };
}

/** A design matrix: intercept, then per covariate a numeric column or treatment dummies. */
function designMatrix(columns: unknown[][], names: string[]): { X: Float64Array; assign: Int32Array; m: number } {
  const n = columns[0]?.length ?? 0;
  const parts: { term: number; values: Float64Array }[] = [];
  columns.forEach((values, t) => {
    const f = toFactor(values, names[t]);
    if (f.numeric) parts.push({ term: t + 1, values: Float64Array.from(values as number[]) });
    else for (let l = 1; l < f.levels.length; l++) parts.push({ term: t + 1, values: Float64Array.from(f.codes, (c) => (c === l ? 1 : 0)) });
  });
  const m = parts.length + 1;
  const X = new Float64Array(n * m);
  const assign = Int32Array.from([0, ...parts.map((p) => p.term)]);
  for (let i = 0; i < n; i++) {
    X[i * m] = 1;
    parts.forEach((p, c) => (X[i * m + c + 1] = p.values[i]));
  }
  return { X, assign, m };
}

function selectColumns(X: Float64Array, m: number, cols: number[]): Float64Array {
  const n = X.length / m;
  const out = new Float64Array(n * cols.length);
  for (let i = 0; i < n; i++) cols.forEach((c, j) => (out[i * cols.length + j] = X[i * m + c]));
  return out;
}

/**
 * Columns v_c = W^(1/2) q_c of an orthonormal basis of W^(1/2) X (modified
 * Gram-Schmidt, twice, intercept first and left out of the result), summed by
 * item into `out` at column offset `at` of a D x M array. Returns the number
 * of columns written (dependent columns are dropped).
 */
function centredBasis(spec: Omit<MultiFactorSpec, 'without'>, X: Float64Array, m: number, out: Float64Array, M: number, at: number): number {
  const { item, weight } = spec;
  const n = item.length;
  const sw = Float64Array.from(weight, Math.sqrt);
  const Q: Float64Array[] = [];
  let written = 0;
  for (let c = 0; c < m; c++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = sw[i] * X[i * m + c];
    const norm0 = norm2(v);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= dot * q[i];
      }
    }
    const norm = norm2(v);
    if (!(norm > 1e-10 * norm0)) continue;
    for (let i = 0; i < n; i++) v[i] /= norm;
    Q.push(v);
    if (Q.length === 1) continue; // the intercept: its centred form is zero
    const col = at + written++;
    for (let i = 0; i < n; i++) out[item[i] * M + col] += sw[i] * v[i];
  }
  return written;
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** SS_exp of one design: -(1/2) sum_c v_c' D v_c. */
function explainedSum(spec: Omit<MultiFactorSpec, 'without'>, X: Float64Array, m: number): number {
  const D = spec.matrix.n;
  const A = new Float64Array(D * m);
  const cols = centredBasis(spec, X, m, A, m, 0);
  const forms = bilinearForms(spec.matrix, A, m, false);
  let s = 0;
  for (let c = 0; c < cols; c++) s += forms[c];
  return -s / 2;
}

/**
 * Statistics of permutations r0..r1-1 into out[r * 2(T+1) + s]: pseudo F of
 * each term and the total, then their pseudo R2. Every design of the block
 * (the full model permuted, and each term permuted alone) is one set of
 * columns of a single pass over the matrix.
 */
export function evaluateMultiFactor(spec: MultiFactorSpec, r0: number, r1: number, out: Float64Array): void {
  const { X, m, assign, terms: T, matrix, scTot, totalWeight: W } = spec;
  const n = spec.item.length;
  const B = r1 - r0;
  const perDesign = m - 1;
  const M = B * (T + 1) * perDesign;
  const A = new Float64Array(matrix.n * M);
  const counts = new Int32Array(B * (T + 1));
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const perm = new Int32Array(n);
  const Xp = new Float64Array(X.length);
  for (let b = 0; b < B; b++) {
    permutedLabels(identity, spec.seed, r0 + b, perm);
    for (let d = 0; d <= T; d++) {
      // d = 0: all rows permuted; d = t: only term t's columns permuted
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < m; c++) Xp[i * m + c] = d === 0 || assign[c] === d ? X[perm[i] * m + c] : X[i * m + c];
      }
      const slot = b * (T + 1) + d;
      counts[slot] = centredBasis(spec, Xp, m, A, M, slot * perDesign);
    }
  }
  const forms = bilinearForms(matrix, A, M, false);
  const nStats = 2 * (T + 1);
  for (let b = 0; b < B; b++) {
    const ss = new Float64Array(T + 1);
    for (let d = 0; d <= T; d++) {
      const slot = b * (T + 1) + d;
      let s = 0;
      for (let c = 0; c < counts[slot]; c++) s += forms[slot * perDesign + c];
      ss[d] = -s / 2;
    }
    const row = out.subarray((r0 + b) * nStats, (r0 + b + 1) * nStats);
    const full = ss[0];
    row[T] = full / (m - 1) / ((scTot - full) / (W - m));
    row[2 * T + 1] = full / scTot;
    for (let t = 1; t <= T; t++) {
      if (T === 1) {
        row[0] = row[T];
        row[T + 1] = row[2 * T + 1];
        break;
      }
      let p = 0;
      for (let c = 0; c < m; c++) if (assign[c] === t) p++;
      const gain = ss[t] - spec.without[t - 1];
      row[t - 1] = gain / p / ((scTot - ss[t]) / (W - m));
      row[T + t] = gain / scTot;
    }
  }
}
