import { describe, expect, it } from 'vitest';
import { hasFixtures, loadMvad } from './fixtures.js';

describe.skipIf(!hasFixtures)('mvad fixture loader', () => {
  it('reads 712 sequences of 70 months over 6 states', () => {
    const s = loadMvad();
    expect(s.n).toBe(712);
    expect(s.t).toBe(70);
    expect(Math.max(...s.codes)).toBeLessThan(6);
  });
});
