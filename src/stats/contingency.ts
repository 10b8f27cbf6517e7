import { chiSquareSurvival, normalCdf } from './distributions.js';
import { OptionsError } from '../errors.js';

/** Pearson's chi-square test of independence on an r x c table, with cell diagnostics. */
export interface ChiSquareTest {
  /** Pearson X² = Σ (O - E)² / E over the non-empty rows and columns. */
  readonly statistic: number;
  /** (r' - 1)(c' - 1), with r', c' the rows and columns that have a positive total. */
  readonly df: number;
  /** P(χ²_df >= X²). */
  readonly pValue: number;
  /** Cramér's V = sqrt(X² / (n (min(r', c') - 1))). */
  readonly cramersV: number;
  /** Table total n. */
  readonly n: number;
  /** Expected counts E_ij = r_i c_j / n. */
  readonly expected: number[][];
  /**
   * Adjusted standardized residuals (Haberman 1973):
   * z_ij = (O_ij - E_ij) / sqrt(E_ij (1 - r_i/n) (1 - c_j/n)), NaN in empty rows or columns.
   */
  readonly residuals: number[][];
  /** Two-sided p-values of the residuals, 2 Φ(-|z_ij|). */
  readonly cellPValues: number[][];
}

/**
 * Pearson's chi-square test of independence for an r x c table of (possibly
 * weighted) counts, with Cramér's V and Haberman's adjusted standardized
 * residual per cell.
 *
 * The adjusted residual of cell (i, j) equals the pooled two-proportion z
 * statistic that compares the share of column j in row i with its share in
 * all other rows (the 2 x 2 table row i vs rest, column j vs rest has
 * X² = z_ij²), so |z_ij| > Φ⁻¹(0.975) = 1.96 marks a row whose share differs
 * from the rest, and hence from the total, at 95%.
 * Rows or columns with a zero total are left out of the test.
 *
 * References: Agresti (2013), Categorical Data Analysis, 3rd ed., 3.2.1 and 3.3.1;
 * Haberman (1973), Biometrics 29, 205-220; Cramér (1946), Mathematical Methods of Statistics, 21.9.
 *
 * @param observed counts, one array per row, all rows the same length
 * @returns the test statistic, df, p-value, Cramér's V, expected counts and cell residuals
 * @example
 * const t = chiSquareIndependence([[10, 20], [30, 40]]);
 * t.statistic; // 0.7936507936507936
 * t.df;        // 1
 */
export function chiSquareIndependence(observed: readonly (readonly number[])[]): ChiSquareTest {
  const r = observed.length;
  const c = r > 0 ? observed[0].length : 0;
  const rowSum = new Float64Array(r);
  const colSum = new Float64Array(c);
  let n = 0;
  for (let i = 0; i < r; i++) {
    if (observed[i].length !== c) throw new OptionsError('observed', `row ${i} has ${observed[i].length} cells; expected ${c}`);
    for (let j = 0; j < c; j++) {
      const o = observed[i][j];
      if (!(o >= 0)) throw new OptionsError('observed', `cell (${i}, ${j}) holds ${o}; counts must be >= 0`);
      rowSum[i] += o;
      colSum[j] += o;
      n += o;
    }
  }
  const rows = rowSum.filter((v) => v > 0).length;
  const cols = colSum.filter((v) => v > 0).length;
  const expected: number[][] = [];
  const residuals: number[][] = [];
  const cellPValues: number[][] = [];
  let statistic = 0;
  for (let i = 0; i < r; i++) {
    const e: number[] = new Array(c);
    const z: number[] = new Array(c);
    const p: number[] = new Array(c);
    for (let j = 0; j < c; j++) {
      e[j] = n > 0 ? (rowSum[i] * colSum[j]) / n : 0;
      if (e[j] > 0) {
        const d = observed[i][j] - e[j];
        statistic += (d * d) / e[j];
        // z = (O - E) / sqrt(E (1 - r/n) (1 - c/n))
        const v = e[j] * (1 - rowSum[i] / n) * (1 - colSum[j] / n);
        z[j] = v > 0 ? d / Math.sqrt(v) : NaN;
      } else {
        z[j] = NaN;
      }
      p[j] = Number.isNaN(z[j]) ? NaN : 2 * normalCdf(-Math.abs(z[j]));
    }
    expected.push(e);
    residuals.push(z);
    cellPValues.push(p);
  }
  const df = (rows - 1) * (cols - 1);
  const pValue = df > 0 ? chiSquareSurvival(statistic, df) : NaN;
  const m = Math.min(rows, cols) - 1;
  const cramersV = m > 0 && n > 0 ? Math.sqrt(statistic / (n * m)) : NaN;
  return { statistic, df, pValue, cramersV, n, expected, residuals, cellPValues };
}
