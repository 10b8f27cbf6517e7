import { describe, expect, it } from 'vitest';
import { sampleWithoutReplacement, seededRandom } from '../../src/index.js';

describe('seededRandom', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = seededRandom(42), b = seededRandom(42), c = seededRandom(43);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const rnd = seededRandom(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rnd();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('samples distinct indices', () => {
    const s = sampleWithoutReplacement(seededRandom(3), 50, 20);
    expect(new Set(s).size).toBe(20);
    expect(Math.max(...s)).toBeLessThan(50);
  });
});
