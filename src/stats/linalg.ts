import { OptionsError } from '../errors.js';

/** Inverse of a symmetric positive semi-definite matrix, with the columns it had to leave out. */
export interface SymmetricInverse {
  /** Row-major k x k inverse over the kept columns; rows and columns of dropped ones are NaN. */
  readonly inverse: Float64Array;
  /** True for columns left out because they are (near) linear combinations of the others. */
  readonly dropped: boolean[];
}

/**
 * Invert a symmetric positive semi-definite k x k matrix by Cholesky
 * factorisation A = L Lᵀ, A⁻¹ = L⁻ᵀ L⁻¹ (Golub & Van Loan 2013, 4.2).
 * A column whose pivot falls below `tolerance` times its diagonal is left out
 * (a generalized inverse on the remaining columns), so a regressor without
 * variation gives NaN instead of a failure.
 *
 * @param a row-major k x k matrix (not modified; only its lower triangle is read)
 * @param k dimension
 * @param tolerance relative pivot tolerance (default 1e-10)
 * @example
 * invertSymmetric(Float64Array.from([4, 2, 2, 3]), 2).inverse; // [0.375, -0.25, -0.25, 0.5]
 */
export function invertSymmetric(a: ArrayLike<number>, k: number, tolerance = 1e-10): SymmetricInverse {
  if (a.length !== k * k) throw new OptionsError('a', `${a.length} cells; expected ${k} x ${k}`);
  const dropped: boolean[] = new Array(k).fill(false);
  for (let j = 0; j < k; j++) if (!(a[j * k + j] > 0)) dropped[j] = true;
  for (;;) {
    const keep: number[] = [];
    for (let j = 0; j < k; j++) if (!dropped[j]) keep.push(j);
    const m = keep.length;
    const l = new Float64Array(m * m);
    let failed = -1;
    // Cholesky: L_jj = sqrt(A_jj - Σ_p L_jp²), L_ij = (A_ij - Σ_p L_ip L_jp) / L_jj
    for (let j = 0; j < m && failed < 0; j++) {
      let d = a[keep[j] * k + keep[j]];
      for (let p = 0; p < j; p++) d -= l[j * m + p] * l[j * m + p];
      if (d <= tolerance * a[keep[j] * k + keep[j]]) {
        failed = keep[j];
        break;
      }
      const ljj = Math.sqrt(d);
      l[j * m + j] = ljj;
      for (let i = j + 1; i < m; i++) {
        let s = a[keep[i] * k + keep[j]];
        for (let p = 0; p < j; p++) s -= l[i * m + p] * l[j * m + p];
        l[i * m + j] = s / ljj;
      }
    }
    if (failed >= 0) {
      dropped[failed] = true;
      continue;
    }
    // L⁻¹ by forward substitution, then A⁻¹ = (L⁻¹)ᵀ L⁻¹
    const li = new Float64Array(m * m);
    for (let j = 0; j < m; j++) {
      li[j * m + j] = 1 / l[j * m + j];
      for (let i = j + 1; i < m; i++) {
        let s = 0;
        for (let p = j; p < i; p++) s -= l[i * m + p] * li[p * m + j];
        li[i * m + j] = s / l[i * m + i];
      }
    }
    const inverse = new Float64Array(k * k).fill(NaN);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c <= r; c++) {
        let s = 0;
        for (let p = r; p < m; p++) s += li[p * m + r] * li[p * m + c];
        inverse[keep[r] * k + keep[c]] = s;
        inverse[keep[c] * k + keep[r]] = s;
      }
    }
    return { inverse, dropped };
  }
}
