import { gamma, probit } from 'simple-statistics';
import { OptionsError } from '../errors.js';
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
  return pickIndex(rnd(), probs);
}

/**
 * The inversion step of `drawIndex` for a given uniform u in [0, 1): the first
 * k with u * Σp < p_0 + ... + p_k.
 *
 * @example
 * pickIndex(0.5, [0.2, 0.8]); // 1
 */
export function pickIndex(u: number, probs: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < probs.length; k++) total += probs[k];
  u *= total;
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
  if (!(mean > 0.5) || !(shape > 0)) throw new OptionsError(mean > 0.5 ? 'shape' : 'mean', `a duration needs mean > 0.5 and shape > 0; got ${mean}, ${shape}`);
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
  const d = Math.ceil(scale * Math.pow(-Math.log(1 - rnd()), 1 / shape));
  return d < 1 ? 1 : d;
}

/** A randomly shifted low-discrepancy point sequence in [0, 1)^dims. */
export interface PointSequence {
  readonly dims: number;
  /** Write the next point into `out` (length >= dims). */
  next(out: Float64Array): void;
}

/**
 * Randomised quasi-Monte Carlo points: the Halton sequence (Halton 1960) with
 * a uniform random shift modulo 1 (Cranley & Patterson 1976). Point j has
 * coordinates x_k = frac(φ_{p_k}(j) + s_k), with φ_p the radical inverse in
 * the k-th prime base p_k (the base-p digits of j mirrored after the point).
 * Every point is uniform on [0, 1)^dims with independent coordinates, and every
 * prefix of m points fills the space evenly (discrepancy O(log^d m / m)), so a
 * share drawn from the points (x_k < p) is p up to about 1/m instead of
 * sqrt(p(1-p)/m). Keep dims small (<= 8): higher bases correlate for short
 * prefixes (Niederreiter 1992, Random Number Generation and Quasi-Monte Carlo
 * Methods, ch. 3).
 *
 * @param rnd seeded source of the shift
 * @param dims number of coordinates (<= 10)
 * @example
 * const points = haltonSequence(seededRandom(1), 2);
 * const x = new Float64Array(2);
 * points.next(x); // a point of [0, 1)^2; the following ones fill the square evenly
 */
export function haltonSequence(rnd: Random, dims: number): PointSequence {
  if (dims > BASES.length) throw new OptionsError('dims', `at most ${BASES.length} dimensions; got ${dims}`);
  const shift = Float64Array.from({ length: dims }, () => rnd());
  let j = 0;
  return {
    dims,
    next(out) {
      j++;
      for (let k = 0; k < dims; k++) {
        // φ_p(j) = Σ_i d_i p^-(i+1) for j = Σ_i d_i p^i
        const base = BASES[k];
        let rest = j;
        let scale = 1 / base;
        let v = 0;
        while (rest > 0) {
          const digit = rest % base;
          v += digit * scale;
          rest = (rest - digit) / base;
          scale /= base;
        }
        v += shift[k];
        out[k] = v >= 1 ? v - 1 : v;
      }
    },
  };
}

const BASES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];
