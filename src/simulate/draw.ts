import { gamma, probit } from 'simple-statistics';
import type { Random } from '../stats/random.js';

/**
 * Draw an index from a discrete distribution by inversion: the first k with
 * u < p_0 + ... + p_k, u ~ U(0, 1). Probabilities need not be normalised.
 *
 * @param rnd seeded uniform source
 * @param probs non-negative weights
 * @returns an index into `probs`
 * @example
 * drawIndex(seededRandom(1), [0.2, 0.8]); // 0 or 1, 1 four times as often
 */
export function drawIndex(rnd: Random, probs: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < probs.length; k++) total += probs[k];
  let u = rnd() * total;
  const last = probs.length - 1;
  for (let k = 0; k < last; k++) {
    u -= probs[k];
    if (u < 0) return k;
  }
  return last;
}

/**
 * Draw a normal variate by inversion, x = mean + sd * Φ⁻¹(u) (Φ⁻¹ from
 * simple-statistics `probit`), optionally clipped to [min, max].
 *
 * @example
 * drawNormal(seededRandom(1), 25, 5, 8, 38); // hours per week, clipped
 */
export function drawNormal(rnd: Random, mean: number, sd: number, min = -Infinity, max = Infinity): number {
  // u in (0, 1): probit is infinite at the ends
  const u = (Math.floor(rnd() * 4294967295) + 0.5) / 4294967296;
  const x = mean + sd * probit(u);
  return x < min ? min : x > max ? max : x;
}

/**
 * Weibull scale λ that gives a discretised duration ⌈λ E^{1/k}⌉ (E ~ Exp(1))
 * the requested mean: E⌈X⌉ ≈ λ Γ(1 + 1/k) + 1/2 (Johnson, Kotz & Balakrishnan,
 * Continuous Univariate Distributions vol. 1, ch. 21). Infinity stays Infinity
 * (an absorbing state).
 *
 * @param mean mean duration in months (> 0.5)
 * @param shape Weibull shape k (< 1: decreasing hazard, 1: geometric-like, > 1: increasing)
 * @example
 * weibullScale(6.5, 1); // 6
 */
export function weibullScale(mean: number, shape: number): number {
  if (mean === Infinity) return Infinity;
  if (!(mean > 0.5) || !(shape > 0)) throw new RangeError(`A duration needs mean > 0.5 and shape > 0; got ${mean}, ${shape}.`);
  return (mean - 0.5) / gamma(1 + 1 / shape);
}

/**
 * Draw a whole number of months ⌈λ E^{1/k}⌉ >= 1 from a discretised Weibull
 * with scale λ (see `weibullScale`) and shape k; Infinity for an absorbing state.
 *
 * @example
 * drawDuration(seededRandom(1), weibullScale(6, 1.2), 1.2); // e.g. 4
 */
export function drawDuration(rnd: Random, scale: number, shape: number): number {
  if (scale === Infinity) return Infinity;
  const e = -Math.log(1 - rnd());
  const d = Math.ceil(scale * Math.pow(e, 1 / shape));
  return d < 1 ? 1 : d;
}
