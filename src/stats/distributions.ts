import { gammaln, probit } from 'simple-statistics';
import { OptionsError } from '../errors.js';

// Cumulative distribution functions at double precision. simple-statistics
// supplies ln Γ (accurate to ~1e-15); its normal CDF is a 4-decimal table and
// its chi-square distribution a table of critical values, too coarse for
// p-values, so the CDFs below are built on the incomplete gamma and beta
// functions (Abramowitz & Stegun 1964, 6.5 and 26.5; evaluated by series and
// modified-Lentz continued fractions as in Press et al., Numerical Recipes,
// 3rd ed., 6.2 and 6.4).

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 10_000;

/**
 * Regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
 *
 * Series γ(a,x) = e^{-x} x^a Σ_{n≥0} x^n / (a (a+1) ... (a+n)) for x < a + 1,
 * else 1 - Q(a, x) from the continued fraction (A&S 6.5.29, 6.5.31).
 *
 * @param a shape, > 0
 * @param x point, >= 0
 * @returns P(a, x) in [0, 1]
 * @example
 * regularizedGammaP(1, 2); // 1 - e^-2 = 0.8646647167633873
 */
export function regularizedGammaP(a: number, x: number): number {
  checkGammaArgs(a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/**
 * Regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 - P(a, x),
 * computed directly so small upper tails keep their relative precision.
 *
 * @param a shape, > 0
 * @param x point, >= 0
 * @returns Q(a, x) in [0, 1]
 * @example
 * regularizedGammaQ(1, 2); // e^-2 = 0.1353352832366127
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkGammaArgs(a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function checkGammaArgs(a: number, x: number): void {
  if (!(a > 0) || !(x >= 0)) throw new OptionsError(a > 0 ? 'x' : 'a', `the incomplete gamma needs a > 0 and x >= 0; got a = ${a}, x = ${x}`);
}

function gammaSeries(a: number, x: number): number {
  // P(a,x) = e^{-x} x^a / Γ(a) * Σ_n x^n / (a (a+1) ... (a+n))
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - gammaln(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  // Q(a,x) = e^{-x} x^a / Γ(a) * 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...))), modified Lentz
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h * Math.exp(-x + a * Math.log(x) - gammaln(a));
}

/**
 * Upper tail of the chi-square distribution, P(X² >= x) with `df` degrees of
 * freedom: Q(df/2, x/2) (A&S 26.4.19). This is the p-value of a chi-square test.
 *
 * @param x statistic, >= 0
 * @param df degrees of freedom, > 0
 * @example
 * chiSquareSurvival(3.841458820694124, 1); // 0.05
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new OptionsError('df', `the chi-square needs df > 0; got ${df}`);
  return regularizedGammaQ(df / 2, Math.max(0, x) / 2);
}

/**
 * Standard normal cumulative distribution Φ(z) = erfc(-z/√2) / 2, with
 * erfc(u) = Q(1/2, u²) for u >= 0 (A&S 7.1.2, 6.5.17).
 *
 * @example
 * normalCdf(1.959963984540054); // 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const u = z / Math.SQRT2;
  // Φ(z) = Q(1/2, u²)/2 for z <= 0, 1 - Q(1/2, u²)/2 for z > 0
  const half = 0.5 * regularizedGammaQ(0.5, u * u);
  return z <= 0 ? half : 1 - half;
}

/** Standard normal density φ(z) = e^{-z²/2} / √(2π). */
function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal quantile Φ⁻¹(p): simple-statistics' `probit` as the start,
 * polished by Newton steps on `normalCdf` to double precision.
 *
 * @param p probability in (0, 1)
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new OptionsError('p', `a probability in (0, 1) is needed; got ${p}`);
  }
  if (p > 0.5) return -normalQuantile(1 - p);
  let z = probit(p);
  if (!Number.isFinite(z)) z = -Math.sqrt(-2 * Math.log(p));
  for (let i = 0; i < 50; i++) {
    // Newton: z <- z - (Φ(z) - p) / φ(z)
    const step = (normalCdf(z) - p) / normalPdf(z);
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/**
 * The two-sided normal critical value z = Φ⁻¹(0.5 + level / 2) of a
 * confidence level, e.g. 1.96 for 0.95. An `OptionsError` naming `option`
 * when the level is not strictly between 0 and 1.
 *
 * @param level confidence level in (0, 1)
 * @param option the option's name for the message (default `level`)
 * @example
 * confidenceZ(0.95); // 1.959963984540054
 * confidenceZ(95);   // OptionsError: level: must be a confidence level between 0 and 1, e.g. 0.95; got 95
 */
export function confidenceZ(level: number, option = 'level'): number {
  if (!(level > 0 && level < 1)) throw new OptionsError(option, `must be a confidence level between 0 and 1, e.g. 0.95; got ${level}`);
  return normalQuantile(0.5 + level / 2);
}

/**
 * Regularized incomplete beta function I_x(a, b) (A&S 26.5.1), by the
 * continued fraction A&S 26.5.8, using the symmetry I_x(a,b) = 1 - I_{1-x}(b,a)
 * where that converges faster.
 *
 * @example
 * regularizedBeta(0.5, 2, 2); // 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) {
    throw new OptionsError(x >= 0 && x <= 1 ? (a > 0 ? 'b' : 'a') : 'x', `the incomplete beta needs a, b > 0 and 0 <= x <= 1; got x = ${x}, a = ${a}, b = ${b}`);
  }
  if (x === 0 || x === 1) return x;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - (gammaln(a) + gammaln(b) - gammaln(a + b)));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  // 1/(1+ d1/(1+ d2/(1+ ...))), d_{2m} = m(b-m)x/((a+2m-1)(a+2m)),
  // d_{2m+1} = -(a+m)(a+b+m)x/((a+2m)(a+2m+1)); modified Lentz
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let an = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    an = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * Student t cumulative distribution with `df` degrees of freedom:
 * P(T <= t) = 1 - I_{df/(df+t²)}(df/2, 1/2) / 2 for t >= 0 (A&S 26.7.1).
 *
 * @example
 * studentTCdf(2.2281388519649385, 10); // 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new OptionsError('df', `Student t needs df > 0; got ${df}`);
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
