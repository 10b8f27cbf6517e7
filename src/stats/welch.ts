import { studentTCdf } from './distributions.js';

/** Summary of one sample: mean, variance (with n - 1 in the denominator) and size. */
export interface SampleSummary {
  readonly mean: number;
  readonly variance: number;
  readonly n: number;
}

/** Result of Welch's two-sample t test. */
export interface WelchTest {
  readonly t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  readonly df: number;
  /** Two-sided p-value. */
  readonly pValue: number;
}

/**
 * Welch's unequal-variances t test of equal means from two sample summaries:
 * t = (m1 - m2) / sqrt(v1/n1 + v2/n2),
 * df = (v1/n1 + v2/n2)² / ((v1/n1)² / (n1 - 1) + (v2/n2)² / (n2 - 1))
 * (Welch 1947, Biometrika 34, 28-35), p = 2 P(T_df >= |t|).
 *
 * @param a summary of the first sample (n >= 2)
 * @param b summary of the second sample (n >= 2)
 * @example
 * welchTest({ mean: 3, variance: 2.5, n: 5 }, { mean: 6, variance: 10, n: 5 });
 * // { t: -1.8973665961010275, df: 5.882352941176471, pValue: 0.1075... }
 */
export function welchTest(a: SampleSummary, b: SampleSummary): WelchTest {
  const qa = a.variance / a.n;
  const qb = b.variance / b.n;
  const se2 = qa + qb;
  if (!(a.n > 1 && b.n > 1) || !(se2 > 0)) return { t: NaN, df: NaN, pValue: NaN };
  const t = (a.mean - b.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((qa * qa) / (a.n - 1) + (qb * qb) / (b.n - 1));
  return { t, df, pValue: 2 * studentTCdf(-Math.abs(t), df) };
}
