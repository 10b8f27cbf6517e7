import { OptionsError } from '../errors.js';

/** A seeded source of uniform random numbers in [0, 1). */
export type Random = () => number;

/**
 * A seeded pseudo-random generator (sfc32 seeded through splitmix32): the same
 * seed gives the same stream on every machine, so clustering and simulation
 * are reproducible.
 *
 * @param seed any integer
 * @example
 * const rnd = seededRandom(1);
 * rnd(); // same value on every run
 */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const next32 = () => {
    // splitmix32 step, only to spread the seed over the sfc32 state
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();
  return () => {
    // sfc32: a small chaotic counter-based generator with period >= 2^32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * A random integer in 0..n-1.
 * @example
 * randomInt(seededRandom(7), 10); // 0..9
 */
export function randomInt(rnd: Random, n: number): number {
  return Math.floor(rnd() * n);
}

/**
 * k distinct indices from 0..n-1 (partial Fisher-Yates), in draw order.
 * @example
 * sampleWithoutReplacement(seededRandom(1), 100, 5); // e.g. Int32Array [17, 3, 88, 40, 61]
 */
export function sampleWithoutReplacement(rnd: Random, n: number, k: number): Int32Array {
  if (k > n) throw new OptionsError('k', `cannot sample ${k} of ${n} items without replacement`);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(rnd, n - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}
