import { describe, expect, it } from 'vitest';
import { writeDecimal } from '../../src/distance/decimal.js';
import { seededRandom } from '../../src/stats/random.js';

const out = new Uint8Array(40);
const text = (x: number): string => new TextDecoder().decode(out.subarray(0, writeDecimal(out, 0, x)));

/** Significant digits of a decimal text. */
const significant = (s: string): number => s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;

describe('writeDecimal', () => {
  it('writes integers, simple decimals and small and large values as String(x) does', () => {
    for (const x of [0, -0, 1, -7, 42, 2 ** 53 - 1, 0.5, 0.1, 1.25, -3.75, 0.001, 1e-6, 123.456, 1e14 + 0.5, 1e-7, 1e15 + 0.5, 1e300, NaN, -Infinity]) {
      expect(text(x), String(x)).toBe(String(x));
    }
  });

  it('writes distances (sums of TRATE costs) with digits that read back exactly', () => {
    const costs = [1.9615384615384615, 1.9727891156462585, 1.9541984732824427, 1.9655172413793103, 1.9813084112149533, 2];
    const rnd = seededRandom(3);
    const wrong: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      let x = 0;
      for (const c of costs) x += c * Math.floor(rnd() * 8);
      if (Number(text(x)) !== x) wrong.push(String(x));
    }
    expect(wrong).toEqual([]);
  });

  it('reads back for random doubles of every size, and is String(x) whenever that has at most 15 digits', () => {
    const rnd = seededRandom(7);
    const wrong: string[] = [];
    let longer = 0;
    for (let i = 0; i < 10_000; i++) {
      // doubles of 16-17 digits over 1e-8 .. 1e16, and short decimals
      const x = i % 2 ? (rnd() - 0.3) * 10 ** Math.floor(rnd() * 24 - 8) : Math.round(rnd() * 1e6) / 10 ** Math.floor(rnd() * 8);
      const s = text(x);
      const reference = String(x);
      if (Number(s) !== x || (significant(reference) <= 15 && s !== reference) || s.length > reference.length + 1) wrong.push(`${s} for ${reference}`);
      if (s !== reference) longer++;
    }
    expect(wrong).toEqual([]);
    // one digit more than String(x) only for 16-digit values with a large leading part
    expect(longer).toBeLessThan(1_000);
  });

  it('handles ties and values just below powers of ten', () => {
    for (const x of [0.125, 2.5, 0.30000000000000004, 9.999999999999998, 99.99999999999999, 0.09999999999999999, 1 - 2 ** -53, 1e-6 * (1 - 2 ** -52)]) {
      expect(Number(text(x)), String(x)).toBe(x);
    }
  });

  it('finds the leading digit at every power of ten: 10^e and its neighbouring doubles, e = -6..14', () => {
    const bits = new DataView(new ArrayBuffer(8));
    const step = (x: number, by: number): number => {
      bits.setFloat64(0, x);
      bits.setBigUint64(0, bits.getBigUint64(0) + BigInt(by));
      return bits.getFloat64(0);
    };
    const wrong: string[] = [];
    for (let e = -6; e <= 14; e++) {
      for (const x of [step(10 ** e, -1), 10 ** e, step(10 ** e, 1), 3 * 10 ** e, step(10 ** (e + 1), -1)]) {
        const s = text(x);
        if (x >= 1e-6 && x < 1e15 && (Number(s) !== x || (significant(String(x)) <= 15 && s !== String(x)))) wrong.push(`${s} for ${String(x)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
