import { invertSymmetric } from './linalg.js';
import { OptionsError } from '../errors.js';

/** How the coefficient variance is estimated. */
export type FixedEffectsSe = 'cluster' | 'classical';

/** Observations for a unit fixed-effects regression on category dummies. */
export interface CategoryFixedEffectsInput {
  /** Unit (e.g. person) of each observation; observations of a unit must be contiguous. */
  unit: ArrayLike<number>;
  /** Category 0..categories-1 of each observation; category 0 is the reference. */
  category: ArrayLike<number>;
  /** Outcome of each observation (finite). */
  y: ArrayLike<number>;
  /** Observation weights (default 1). */
  weight?: ArrayLike<number>;
  /** Number of categories K. */
  categories: number;
  /** 'cluster' (default): robust, clustered by unit; 'classical': homoskedastic. */
  se?: FixedEffectsSe;
}

/** Fit of y_it = α_i + β_{c(it)} + ε_it with β_0 = 0. */
export interface CategoryFixedEffectsFit {
  /** β_c per category; coef[0] = 0; NaN for a category without within-unit variation. */
  readonly coef: number[];
  /** Standard error of β_c; se[0] = 0. */
  readonly se: number[];
  /** Row-major K x K covariance of β (row and column 0 are zero). */
  readonly vcov: Float64Array;
  /** Observations used (units with at least one observation). */
  readonly nObs: number;
  /** Units with at least two observations (the others carry no within information). */
  readonly nUnits: number;
  /** Observations per category. */
  readonly obsPerCategory: number[];
  /** Residual standard deviation sqrt(Σ w e² / (N - G - K')), K' = estimable non-reference categories. */
  readonly sigma: number;
  readonly seType: FixedEffectsSe;
}

/**
 * Unit fixed-effects (within) least squares of an outcome on category dummies:
 * y_it = α_i + Σ_{c>0} β_c 1[c(it) = c] + ε_it, e.g. wages on months since start
 * with a person effect α_i, so β_c compares each person with themself.
 *
 * The within transformation (Wooldridge 2010, Econometric Analysis of Cross
 * Section and Panel Data, 10.5) subtracts each unit's weighted mean. With
 * c_ib = Σ_{t: c(it)=b} w_it, W_i = Σ_t w_it, s_ib = Σ_{t: c(it)=b} w_it y_it:
 *   X̃ᵀWX̃ = Σ_i (diag(c_i) - c_i c_iᵀ / W_i),  X̃ᵀWỹ = Σ_i (s_i - c_i ȳ_i),
 * so no N x K design is built. Variance: 'cluster' is the sandwich
 * q (X̃ᵀWX̃)⁻¹ (Σ_i g_i g_iᵀ) (X̃ᵀWX̃)⁻¹ with g_ib = Σ_{t: c(it)=b} w_it e_it and
 * q = G/(G-1) (N-1)/(N-K') (Arellano 1987; the small-sample factor of Stata's
 * `xtreg, fe vce(cluster)`); 'classical' is σ² (X̃ᵀWX̃)⁻¹ with
 * σ² = Σ w e² / (N - G - K'). G counts units with two or more observations.
 *
 * @param input units, categories, outcome, weights, number of categories, variance type
 * @returns coefficients relative to category 0 with standard errors
 * @example
 * // two persons observed in months 0 and 1; within differences 2 and 4
 * const fit = categoryFixedEffects({ unit: [0, 0, 1, 1], category: [0, 1, 0, 1], y: [5, 7, 1, 5], categories: 2 });
 * fit.coef; // [0, 3]
 */
export function categoryFixedEffects(input: CategoryFixedEffectsInput): CategoryFixedEffectsFit {
  const fitter = new FixedEffectsFitter(input.categories);
  fitter.addUnits(input);
  fitter.solve();
  fitter.addScores(input);
  return fitter.result(input.se);
}

/** Observations of whole units for `FixedEffectsFitter` (as `CategoryFixedEffectsInput`, without the settings). */
export type FixedEffectsBatch = Pick<CategoryFixedEffectsInput, 'unit' | 'category' | 'y' | 'weight'>;

/**
 * `categoryFixedEffects` over batches of units, for panels whose observations
 * do not fit in memory at once: pass 1 (`addUnits`) takes every batch, `solve`
 * finds β, pass 2 (`addScores`) takes the same batches again in the same
 * order, `result` gives the fit. Each batch holds whole units (a unit's
 * observations contiguous, in one batch only). One batch gives exactly
 * `categoryFixedEffects`.
 *
 * @example
 * const f = new FixedEffectsFitter(3);
 * for (const batch of batches()) f.addUnits(batch);
 * f.solve();
 * for (const batch of batches()) f.addScores(batch);
 * const fit = f.result('cluster');
 */
export class FixedEffectsFitter {
  private readonly obsPerCategory: number[];
  private readonly xtx: Float64Array; // one triangle per unit pair, symmetrized in solve
  private readonly xty: Float64Array;
  private readonly meat: Float64Array;
  // per-unit scratch: the categories a unit touches (tb) with its weighted counts (tc) and sums (ts)
  private readonly slot: Int32Array;
  private readonly tb: Int32Array;
  private readonly tc: Float64Array;
  private readonly ts: Float64Array;
  private nObs = 0;
  private groups = 0;
  private sse = 0;
  private solved: { beta: Float64Array; inverse: Float64Array; dropped: boolean[]; kEst: number } | undefined;

  /** @param k number of categories K (category 0 is the reference) */
  constructor(private readonly k: number) {
    this.obsPerCategory = new Array<number>(k).fill(0);
    this.xtx = new Float64Array(k * k);
    this.xty = new Float64Array(k);
    this.meat = new Float64Array((k - 1) * (k - 1));
    this.slot = new Int32Array(k).fill(-1);
    this.tb = new Int32Array(k);
    this.tc = new Float64Array(k);
    this.ts = new Float64Array(k);
  }

  /** Pass 1 over one batch: X̃ᵀWX̃ += diag(c) - c cᵀ / W and X̃ᵀWỹ += s - c ȳ, unit by unit. */
  addUnits(batch: FixedEffectsBatch): void {
    const { unit, category, y, weight } = batch;
    const { k, slot, tb, tc, ts, xtx, xty } = this;
    const n = y.length;
    if (unit.length !== n || category.length !== n || (weight && weight.length !== n)) {
      throw new OptionsError('y', 'unit, category, y and weight need one entry per observation');
    }
    for (let r = 0; r < n; r++) {
      const b = category[r];
      if (!(b >= 0 && b < k) || !Number.isInteger(b)) throw new OptionsError('category', `observation ${r} has category ${b}; expected 0..${k - 1}`);
      if (!Number.isFinite(y[r])) throw new OptionsError('y', `observation ${r} has a non-finite outcome ${y[r]}`);
      this.obsPerCategory[b]++;
    }
    this.nObs += n;
    const bounds = unitBounds(unit, n);
    const units = bounds.length - 1;
    for (let u = 0; u < units; u++) {
      const from = bounds[u];
      const to = bounds[u + 1];
      let nt = 0;
      let wSum = 0;
      let wySum = 0;
      for (let r = from; r < to; r++) {
        const b = category[r];
        const w = weight ? weight[r] : 1;
        let p = slot[b];
        if (p < 0) {
          p = nt++;
          slot[b] = p;
          tb[p] = b;
          tc[p] = 0;
          ts[p] = 0;
        }
        tc[p] += w;
        ts[p] += w * y[r];
        wSum += w;
        wySum += w * y[r];
      }
      for (let p = 0; p < nt; p++) slot[tb[p]] = -1;
      if (to - from < 2 || !(wSum > 0)) continue;
      this.groups++;
      const ybar = wySum / wSum;
      for (let p = 0; p < nt; p++) xty[tb[p]] += ts[p] - tc[p] * ybar;
      // X̃ᵀWX̃ += diag(c) - c cᵀ / W over the touched categories (one triangle)
      for (let p = 0; p < nt; p++) xtx[tb[p] * k + tb[p]] += tc[p];
      addOuterTriangle(xtx, k, tb, tc, nt, -1 / wSum);
    }
  }

  /** β from the normal equations, on the non-reference categories 1..K-1 (after every batch of pass 1). */
  solve(): void {
    const { k, xtx, xty } = this;
    symmetrize(xtx, k);
    const kk = k - 1;
    const sub = new Float64Array(kk * kk);
    for (let a = 0; a < kk; a++) for (let b = 0; b < kk; b++) sub[a * kk + b] = xtx[(a + 1) * k + b + 1];
    const { inverse, dropped } = invertSymmetric(sub, kk);
    const beta = new Float64Array(k); // β_0 = 0; dropped categories 0 in the residuals
    for (let a = 0; a < kk; a++) {
      if (dropped[a]) continue;
      let v = 0;
      for (let b = 0; b < kk; b++) if (!dropped[b]) v += inverse[a * kk + b] * xty[b + 1];
      beta[a + 1] = v;
    }
    this.solved = { beta, inverse, dropped, kEst: dropped.filter((d) => !d).length };
  }

  /** Pass 2 over one batch: residuals e_it = (y_it - ȳ_i) - (β_c(it) - Σ_b p_ib β_b), scores g_ib = Σ_{t in b} w e, meat Σ_i g_i g_iᵀ. */
  addScores(batch: FixedEffectsBatch): void {
    const { unit, category, y, weight } = batch;
    const { slot, tb, tc, meat } = this;
    const { beta } = this.solved!;
    const kk = this.k - 1;
    const n = y.length;
    const bounds = unitBounds(unit, n);
    const units = bounds.length - 1;
    for (let u = 0; u < units; u++) {
      const from = bounds[u];
      const to = bounds[u + 1];
      if (to - from < 2) continue;
      let wSum = 0;
      let wySum = 0;
      let wbSum = 0;
      for (let r = from; r < to; r++) {
        const w = weight ? weight[r] : 1;
        wSum += w;
        wySum += w * y[r];
        wbSum += w * beta[category[r]];
      }
      if (!(wSum > 0)) continue;
      const ybar = wySum / wSum;
      const bbar = wbSum / wSum;
      let nt = 0;
      for (let r = from; r < to; r++) {
        const w = weight ? weight[r] : 1;
        const b = category[r];
        const e = y[r] - ybar - (beta[b] - bbar);
        this.sse += w * e * e;
        if (b === 0) continue;
        let p = slot[b];
        if (p < 0) {
          p = nt++;
          slot[b] = p;
          tb[p] = b - 1;
          tc[p] = 0;
        }
        tc[p] += w * e;
      }
      for (let p = 0; p < nt; p++) slot[tb[p] + 1] = -1;
      addOuterTriangle(meat, kk, tb, tc, nt, 1);
    }
  }

  /** The fit, after pass 2; `seType` 'cluster' (default) or 'classical'. */
  result(seType: FixedEffectsSe = 'cluster'): CategoryFixedEffectsFit {
    const { k, meat, nObs, groups, sse } = this;
    const { beta, inverse, dropped, kEst } = this.solved!;
    const kk = k - 1;
    symmetrize(meat, kk);
    const dfResid = nObs - groups - kEst;
    const sigma2 = dfResid > 0 ? sse / dfResid : NaN;
    const q = groups > 1 && nObs > kEst ? (groups / (groups - 1)) * ((nObs - 1) / (nObs - kEst)) : NaN;
    // cluster sandwich (X̃ᵀWX̃)⁻¹ M (X̃ᵀWX̃)⁻¹ as two matrix products; dropped rows of the inverse are NaN, so skip them
    const half = new Float64Array(kk * kk); // M (X̃ᵀWX̃)⁻¹
    if (seType === 'cluster') {
      for (let p = 0; p < kk; p++) {
        if (dropped[p]) continue;
        for (let r = 0; r < kk; r++) {
          if (dropped[r]) continue;
          const m = meat[p * kk + r];
          if (m === 0) continue;
          for (let b = 0; b < kk; b++) if (!dropped[b]) half[p * kk + b] += m * inverse[r * kk + b];
        }
      }
    }
    const vcov = new Float64Array(k * k);
    for (let a = 0; a < kk; a++) {
      for (let b = 0; b < kk; b++) {
        let v: number;
        if (dropped[a] || dropped[b]) v = NaN;
        else if (seType === 'classical') v = sigma2 * inverse[a * kk + b];
        else {
          v = 0;
          for (let p = 0; p < kk; p++) if (!dropped[p]) v += inverse[a * kk + p] * half[p * kk + b];
          v *= q;
        }
        vcov[(a + 1) * k + b + 1] = v;
      }
    }
    const coef = Array.from(beta, (v, b) => (b > 0 && dropped[b - 1] ? NaN : v));
    const se = Array.from({ length: k }, (_, b) => (b === 0 ? 0 : Math.sqrt(vcov[b * k + b])));
    return { coef, se, vcov, nObs, nUnits: groups, obsPerCategory: [...this.obsPerCategory], sigma: Math.sqrt(sigma2), seType };
  }
}

/** Start of each run of equal consecutive unit values, plus n at the end; a unit may form one run only. */
function unitBounds(unit: ArrayLike<number>, n: number): Int32Array {
  const starts: number[] = [];
  // ascending units cannot repeat a run; only once they stop ascending are the units seen remembered
  let seen: Set<number> | undefined;
  for (let r = 0; r < n; r++) {
    if (r > 0 && unit[r] === unit[r - 1]) continue;
    if (!seen && r > 0 && unit[r] < unit[r - 1]) seen = new Set(starts.map((s) => unit[s]));
    if (seen) {
      if (seen.has(unit[r])) throw new OptionsError('unit', `observations of unit ${unit[r]} are not contiguous; sort them by unit`);
      seen.add(unit[r]);
    }
    starts.push(r);
  }
  starts.push(n);
  return Int32Array.from(starts);
}

/**
 * m[idx_p, idx_q] += scale · v_p v_q for q <= p < nt: one triangle of the outer
 * product of a sparse vector (indices idx, values v); `symmetrize` completes it.
 * A separate small function so the engine optimises this hot loop on its own.
 */
function addOuterTriangle(m: Float64Array, k: number, idx: Int32Array, v: Float64Array, nt: number, scale: number): void {
  for (let p = 0; p < nt; p++) {
    const row = idx[p] * k;
    const f = scale * v[p];
    for (let q = 0; q <= p; q++) m[row + idx[q]] += f * v[q];
  }
}

/** A k x k matrix filled as one triangle per pair (a, b) in either position becomes M + Mᵀ off the diagonal. */
function symmetrize(m: Float64Array, k: number): void {
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const v = m[a * k + b] + m[b * k + a];
      m[a * k + b] = v;
      m[b * k + a] = v;
    }
  }
}
