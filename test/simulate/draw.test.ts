import { describe, expect, it } from 'vitest';
import { drawDuration, drawIndex, drawNormal, haltonSequence, pickIndex, weibullScale } from '../../src/simulate/draw.js';
import { seededRandom } from '../../src/stats/random.js';
import { OptionsError } from '../../src/errors.js';

describe('simulation draws', () => {
  it('picks an index by inversion of the cumulative weights', () => {
    expect(pickIndex(0, [0.2, 0.8])).toBe(0);
    expect(pickIndex(0.19, [0.2, 0.8])).toBe(0);
    expect(pickIndex(0.2, [0.2, 0.8])).toBe(1);
    expect(pickIndex(0.5, [1, 0, 3])).toBe(2); // weights need not sum to 1; zero weights are never picked
    const rnd = seededRandom(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[drawIndex(rnd, [1, 2, 3])]++;
    expect(counts.map((c) => c / 30_000)).toEqual([expect.closeTo(1 / 6, 2), expect.closeTo(2 / 6, 2), expect.closeTo(3 / 6, 2)]);
  });

  it('draws whole-month Weibull durations with the requested mean', () => {
    expect(weibullScale(6.5, 1)).toBeCloseTo(6, 12); // Γ(2) = 1
    expect(weibullScale(Infinity, 1)).toBe(Infinity);
    expect(drawDuration(seededRandom(1), Infinity, 1)).toBe(Infinity);
    for (const [mean, shape] of [[3, 1.2], [8, 1.5], [65, 0.9]]) {
      const rnd = seededRandom(2);
      const scale = weibullScale(mean, shape);
      let sum = 0;
      for (let i = 0; i < 40_000; i++) {
        const d = drawDuration(rnd, scale, shape);
        expect(Number.isInteger(d) && d >= 1).toBe(true);
        sum += d;
      }
      expect(sum / 40_000 / mean).toBeCloseTo(1, 1);
    }
  });

  it('clips normal draws', () => {
    const rnd = seededRandom(4);
    for (let i = 0; i < 1000; i++) {
      const x = drawNormal(rnd, 25, 10, 8, 40);
      expect(x >= 8 && x <= 40).toBe(true);
    }
  });

  it('gives Halton points that fill every coordinate evenly', () => {
    const points = haltonSequence(seededRandom(5), 4);
    const x = new Float64Array(4);
    const bins = [0, 1, 2, 3].map(() => new Array(10).fill(0));
    for (let j = 0; j < 1000; j++) {
      points.next(x);
      for (let k = 0; k < 4; k++) bins[k][Math.floor(x[k] * 10)]++;
    }
    // random draws would scatter the bins by about ±9.5 (binomial sd); the sequence stays within a few
    for (const b of bins) for (const count of b) expect(Math.abs(count - 100)).toBeLessThanOrEqual(3);
    expect(() => haltonSequence(seededRandom(1), 11)).toThrow(OptionsError);
  });
});
