import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';
import { caseWeights } from '../weights.js';
import { resolveCases, squaredMatrix, type CaseDissimilarities } from './cases.js';
import { toFactor } from './factor.js';
import { bilinearForms, matrixProducts } from './forms.js';
import {
  permutationPValues, permutationUnits, permutedLabels, runPermutations, type PermutationRunOptions,
} from './permutation.js';

/** Names of the statistics of {@link discrepancyAssociation}, in TraMineR's order. */
export const ASSOCIATION_STATISTICS = ['Pseudo F', 'Pseudo Fbf', 'Pseudo R2', 'Bartlett', 'Levene'] as const;
export type AssociationStatistic = (typeof ASSOCIATION_STATISTICS)[number];

/** Options of {@link discrepancy}. */
export interface DiscrepancyOptions {
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /** Use squared dissimilarities (default false). */
  squared?: boolean;
}

/**
 * Discrepancy of a set of cases (TraMineR's `dissvar`; Studer, Ritschard,
 * Gabadinho & Müller 2011, Sociol. Methods Res. 40(3)): the weighted mean of
 * the pairwise dissimilarities halved,
 * s^2 = sum_{i<j} w_i w_j d_ij / W^2, W = sum_i w_i,
 * which equals the weighted mean squared distance to the centre when d is a
 * squared Euclidean distance.
 *
 * @param diss an N x N matrix, or a distinct-sequence matrix with its map (`distinctDistances`)
 * @param options weights, squared
 * @returns the discrepancy
 * @example
 * discrepancy(await distances(seqs, { method: 'OM', sm: 'TRATE', indel: 1 })); // mvad: 42.355
 */
export function discrepancy(diss: CaseDissimilarities, options: DiscrepancyOptions = {}): number {
  const cases = resolveCases(diss);
  const w = caseWeights(options.weights, cases.n);
  const matrix = options.squared ? squaredMatrix(cases.matrix) : cases.matrix;
  const A = new Float64Array(matrix.n);
  let total = 0;
  for (let i = 0; i < cases.n; i++) {
    A[cases.item[i]] += w[i];
    total += w[i];
  }
  return bilinearForms(matrix, A, 1, false)[0] / 2 / (total * total);
}

/** Options of {@link discrepancyAssociation}. */
export interface AssociationOptions extends DiscrepancyOptions, PermutationRunOptions {
  /** Number of permutations R, the observed one included (TraMineR's `R`; default 1000; 1 for none). */
  permutations?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
  /** The factor's name, for error messages (default `group`). */
  name?: string;
}

/** One row of the pseudo ANOVA table. */
export interface AnovaRow {
  readonly SS: number;
  readonly df: number;
  readonly MSE: number;
}

/** Result of {@link discrepancyAssociation} (TraMineR's `dissassoc`). */
export interface DiscrepancyAssociation {
  /** Levels of the factor in R's order, then `Total`. */
  readonly groups: readonly { readonly level: string; readonly n: number; readonly discrepancy: number }[];
  /** Pseudo ANOVA: explained, residual, total. */
  readonly anova: { readonly explained: AnovaRow; readonly residual: AnovaRow; readonly total: AnovaRow };
  /** Pseudo F, Fbf, R2, Bartlett and Levene with their permutation p-values (NaN without permutations). */
  readonly statistics: readonly { readonly name: AssociationStatistic; readonly value: number; readonly pValue: number }[];
  /** Number of permutations (the observed labelling included). */
  readonly permutations: number;
  /** `replicate` (integer weights: units of weight 1) or `cases` (cases keep their weights). */
  readonly scheme: 'replicate' | 'cases';
  /** Cases left out because their group is missing. */
  readonly excluded: number;
  /** All R x 5 permuted statistics, row 0 the observed ones. */
  readonly distribution: Float64Array;
}

/** The data of a discrepancy test that permutation workers need (plain, cloneable). */
export interface AssociationSpec {
  readonly kind: 'association';
  readonly matrix: DistanceMatrix;
  readonly k: number;
  readonly unitItem: Int32Array;
  readonly unitWeight: Float64Array;
  readonly unitLabel: Int32Array;
  /** Levene: each unit's distance to the centre of its observed group. */
  readonly unitZ: Float64Array;
  readonly scTot: number;
  readonly zTot: number;
  readonly totalWeight: number;
  readonly seed: number;
}

/**
 * Association between a factor and the dissimilarities (TraMineR's
 * `dissassoc`; Studer et al. 2011). With s^2_g the discrepancy of group g
 * (weight n_g) and SS_g = n_g s^2_g:
 *
 * - SS_T = W s^2, SS_W = sum_g SS_g, SS_B = SS_T - SS_W;
 * - pseudo R2 = SS_B / SS_T; pseudo F = (SS_B / (k-1)) / (SS_W / (W-k));
 * - pseudo Fbf = SS_B / sum_g (1 - n_g / W) s^2_g (Brown-Forsythe);
 * - Bartlett = [(W-k) ln(sum_g (n_g-1) s^2_g / (W-k)) - sum_g (n_g-1) ln s^2_g]
 *   / [1 + (sum_g 1/(n_g-1) - 1/(W-k)) / (3(k-1))];
 * - Levene = the pseudo F of an ANOVA of each case's distance to its group's
 *   centre, z_i = sum_{j in g} w_j d_ij / n_g - s^2_g.
 *
 * p-values: the share of R labellings (the observed one and R - 1 random
 * permutations of the group labels, seeded) with a statistic at least the
 * observed one. With integer weights the labels are permuted over w_i
 * replicates of each case (TraMineR's `replicate`), otherwise each case keeps
 * its weight. Cases with a missing group are left out.
 *
 * @param diss an N x N matrix, or a distinct-sequence matrix with its map
 * @param groups one value per case (missing: null, '', NaN, 'NA')
 * @param options weights, squared, permutations (R, default 1000), seed, threads, progress
 * @returns group table, pseudo ANOVA, statistics with p-values
 * @example
 * const a = await discrepancyAssociation(om, mvad.covariates.array('gcse5eq'), { permutations: 1000, seed: 1 });
 * a.statistics[2]; // { name: 'Pseudo R2', value: 0.0828, pValue: 0.001 }
 */
export async function discrepancyAssociation(
  diss: CaseDissimilarities,
  groups: ArrayLike<unknown>,
  options: AssociationOptions = {},
): Promise<DiscrepancyAssociation> {
  const cases = resolveCases(diss);
  const name = options.name ?? 'group';
  if (groups.length !== cases.n) throw new OptionsError(name, `${groups.length} values for ${cases.n} cases`);
  const weights = caseWeights(options.weights, cases.n);
  const factor = toFactor(groups, name);
  const k = factor.levels.length;
  if (k < 2) throw new OptionsError(name, `needs at least two groups; has only "${factor.levels[0]}"`);
  const R = options.permutations ?? 1000;
  const matrix = options.squared ? squaredMatrix(cases.matrix) : cases.matrix;
  const kept = keptCases(factor.codes);
  const item = Int32Array.from(kept, (i) => cases.item[i]);
  const w = Float64Array.from(kept, (i) => weights[i]);
  const label = Int32Array.from(kept, (i) => factor.codes[i]);
  const spec = associationSpec(matrix, item, w, label, k, options.seed ?? 1);
  const t = await runPermutations({ spec, nStats: 5, cost: ((matrix.n * (matrix.n - 1)) / 2) * k }, evaluateAssociation, R, {
    threads: options.threads, progress: options.progress, task: options.task ?? 'dissassoc permutations',
  });
  const p = permutationPValues(t, R, 5);

  const n = new Float64Array(k);
  for (let i = 0; i < w.length; i++) n[label[i]] += w[i];
  const within = groupSums(matrix, item, w, label, k);
  const W = spec.totalWeight;
  const ssRes = within.reduce((s, x, g) => s + x / n[g], 0);
  const anovaRow = (SS: number, df: number) => ({ SS, df, MSE: SS / df });
  return {
    groups: [
      ...factor.levels.map((level, g) => ({ level, n: n[g], discrepancy: within[g] / n[g] / n[g] })),
      { level: 'Total', n: W, discrepancy: spec.scTot / W },
    ],
    anova: {
      explained: anovaRow(spec.scTot - ssRes, k - 1),
      residual: anovaRow(ssRes, W - k),
      total: anovaRow(spec.scTot, W - 1),
    },
    statistics: ASSOCIATION_STATISTICS.map((s, j) => ({ name: s, value: t[j], pValue: p[j] })),
    permutations: R,
    scheme: permutationUnits(item, w, label).scheme,
    excluded: cases.n - kept.length,
    distribution: t,
  };
}

/** Indices of the cases with a group (code >= 0). */
function keptCases(codes: Int32Array): Int32Array {
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) m++;
  const kept = new Int32Array(m);
  for (let i = 0, j = 0; i < codes.length; i++) if (codes[i] >= 0) kept[j++] = i;
  return kept;
}

/** Weighted within-group sums sum_{i<j in g} w_i w_j d_ij of each group (cases with labels 0..k-1). */
function groupSums(matrix: DistanceMatrix, item: Int32Array, w: Float64Array, label: Int32Array, k: number): Float64Array {
  const A = new Float64Array(matrix.n * k);
  for (let i = 0; i < item.length; i++) A[item[i] * k + label[i]] += w[i];
  return bilinearForms(matrix, A, k, false).map((g) => g / 2);
}

/**
 * The permutation data of a discrepancy test: units (replicates or cases),
 * total discrepancy and the Levene residuals of the observed groups.
 */
export function associationSpec(matrix: DistanceMatrix, item: Int32Array, w: Float64Array, label: Int32Array, k: number, seed: number): AssociationSpec {
  const units = permutationUnits(item, w, label);
  // one column per group and one for all cases: within sums and the total
  const A = new Float64Array(matrix.n * k);
  const n = new Float64Array(k);
  let W = 0;
  for (let i = 0; i < item.length; i++) {
    A[item[i] * k + label[i]] += w[i];
    n[label[i]] += w[i];
    W += w[i];
  }
  const all = new Float64Array(matrix.n);
  for (let a = 0; a < matrix.n; a++) for (let g = 0; g < k; g++) all[a] += A[a * k + g];
  const scTot = bilinearForms(matrix, all, 1, false)[0] / 2 / W;
  // z_i = (sum_{j in g} w_j d_ij) / n_g - (weighted mean of that over g) / 2
  const P = matrixProducts(matrix, A, k);
  const dc = Float64Array.from(item, (a, i) => P[a * k + label[i]] / n[label[i]]);
  const mean = new Float64Array(k);
  for (let i = 0; i < item.length; i++) mean[label[i]] += (w[i] * dc[i]) / n[label[i]];
  const z = dc.map((x, i) => x - mean[label[i]] / 2);
  const unitZ = Float64Array.from(units.source, (i) => z[i]);
  return {
    kind: 'association', matrix, k,
    unitItem: units.item, unitWeight: units.weight, unitLabel: units.label, unitZ,
    scTot, zTot: weightedSquares(z, w), totalWeight: W, seed,
  };
}

/** sum_i w_i (x_i - mean_w(x))^2. */
function weightedSquares(x: Float64Array, w: Float64Array): number {
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    sx += w[i] * x[i];
  }
  const m = sx / sw;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i] * (x[i] - m) * (x[i] - m);
  return s;
}

/**
 * Statistics of permutations r0..r1-1 (r = 0: the observed labels) into
 * out[r * 5 + s]: one pass over the matrix for the whole block.
 */
export function evaluateAssociation(spec: AssociationSpec, r0: number, r1: number, out: Float64Array): void {
  const { matrix, k, unitItem, unitWeight, unitZ } = spec;
  const B = r1 - r0;
  const M = B * k;
  const A = new Float64Array(matrix.n * M);
  const labels: Int32Array[] = [];
  const n = new Float64Array(M);
  for (let b = 0; b < B; b++) {
    const lab = permutedLabels(spec.unitLabel, spec.seed, r0 + b, new Int32Array(unitItem.length));
    labels.push(lab);
    for (let u = 0; u < lab.length; u++) {
      const c = b * k + lab[u];
      A[unitItem[u] * M + c] += unitWeight[u];
      n[c] += unitWeight[u];
    }
  }
  const forms = bilinearForms(matrix, A, M, false);
  const zMean = new Float64Array(k);
  for (let b = 0; b < B; b++) {
    const lab = labels[b];
    zMean.fill(0);
    for (let u = 0; u < lab.length; u++) zMean[lab[u]] += unitWeight[u] * unitZ[u];
    for (let g = 0; g < k; g++) zMean[g] /= n[b * k + g];
    let sumZ = 0;
    for (let u = 0; u < lab.length; u++) {
      const e = unitZ[u] - zMean[lab[u]];
      sumZ += unitWeight[u] * e * e;
    }
    associationStatistics(spec, n.subarray(b * k, b * k + k), forms.subarray(b * k, b * k + k), sumZ, out.subarray((r0 + b) * 5, (r0 + b) * 5 + 5));
  }
}

/**
 * Pseudo F, Fbf, R2, Bartlett and Levene (TraMineR's formulas) from the group
 * weights n_g, the bilinear forms 2 sum_{i<j in g} w_i w_j d_ij and the Levene
 * within sum of squares, into out[0..4].
 */
function associationStatistics(spec: AssociationSpec, n: Float64Array, forms: Float64Array, sumZ: number, out: Float64Array): void {
  const { k, scTot, zTot, totalWeight: W } = spec;
  let lns = 0;
  let nlnvi = 0;
  let fbf = 0;
  let s1ni = 0;
  let ssRes = 0;
  for (let g = 0; g < k; g++) {
    const ni = n[g];
    const ssg = forms[g] / 2 / ni;
    const vari = ssg / ni;
    lns += (ni - 1) * (vari / (W - k));
    nlnvi += (ni - 1) * Math.log(vari);
    ssRes += ssg;
    fbf += (1 - ni / W) * vari;
    s1ni += 1 / (ni - 1);
  }
  const c = 1 + (s1ni - 1 / (W - k)) / (3 * (k - 1));
  const ssExp = scTot - ssRes;
  out[0] = ssExp / (k - 1) / (ssRes / (W - k));
  out[1] = ssExp / fbf;
  out[2] = ssExp / scTot;
  out[3] = ((W - k) * Math.log(lns) - nlnvi) / c;
  out[4] = (zTot - sumZ) / (k - 1) / (sumZ / (W - k));
}
