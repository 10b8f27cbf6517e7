// Gower's distance between states and FEATURES costs, checked against cluster::daisy.
import { describe, expect, test } from 'vitest';
import { gowerDistances, OptionsError, substitutionCosts, type StateFeatures } from '../../src/index.js';
import { letters } from './helpers.js';

describe('gowerDistances', () => {
  // R: daisy(data.frame(a = c(1, NA, 4), b = factor(c("u", "v", "u")), c = c(0, 1, 0), d = c(10, 100, 1000)),
  //   metric = "gower", type = list(asymm = "c", logratio = "d")) = 0.8333333, 0.6666667, 0.8333333
  const features: StateFeatures = {
    states: ['x', 'y', 'z'],
    features: [
      { name: 'a', values: [1, null, 4] },
      { name: 'b', values: ['u', 'v', 'u'] },
      { name: 'c', values: [0, 1, 0], type: 'asymm' },
      { name: 'd', values: [10, 100, 1000], type: 'logratio' },
    ],
  };

  test('mixed types with an unknown value, as daisy', () => {
    const d = gowerDistances(features, ['x', 'y', 'z']);
    // x-y: a unknown; b differs (1); c 0 vs 1 (1); d |1 - 2| / 2 -> 2.5 / 3
    expect(d[1]).toBeCloseTo(2.5 / 3, 15);
    // x-z: a |1 - 4| / 3 = 1; b same; c both 0: left out (asymm); d 1 -> 2 / 3
    expect(d[2]).toBeCloseTo(2 / 3, 15);
    expect(d[5]).toBeCloseTo(2.5 / 3, 15);
    expect(d[7]).toBe(d[5]);
  });

  test('weights, ordratio, states in another order', () => {
    const f: StateFeatures = {
      states: ['b', 'a', 'c'],
      features: [{ name: 'rank', values: [5, 1, 100], type: 'ordratio', weight: 3 }, { name: 'kind', values: ['p', 'p', 'q'] }],
    };
    const d = gowerDistances(f, ['a', 'b', 'c']);
    // ranks a 1, b 2, c 3 over a range of 2: a-b = (3 x 0.5 + 0) / 4, a-c = (3 x 1 + 1) / 4
    expect(d[1]).toBeCloseTo(1.5 / 4, 15);
    expect(d[2]).toBeCloseTo(1, 15);
  });

  test('states not described, unknown states and pairs with nothing in common are refused', () => {
    expect(() => gowerDistances(features, ['x', 'y', 'w'])).toThrow(/"w" is not described/);
    expect(() => gowerDistances(features, ['x', 'y'])).toThrow(/"z" is not a state/);
    const sparse: StateFeatures = { states: ['x', 'y'], features: [{ name: 'a', values: [1, null] }] };
    expect(() => gowerDistances(sparse, ['x', 'y'])).toThrow(OptionsError);
  });

  test('FEATURES costs: Gower distances, indel max / 2; the missing state gets miss.cost', () => {
    const seqs = letters(['AB-', 'BA'], 'AB');
    const f: StateFeatures = { states: ['A', 'B'], features: [{ name: 'h', values: [0, 40] }, { name: 'k', values: ['p', 'q'] }] };
    const sc = substitutionCosts(seqs, { method: 'FEATURES', stateFeatures: f, withMissing: true });
    expect(sc.states).toEqual(['A', 'B', '*']);
    expect(Array.from(sc.sm)).toEqual([0, 1, 2, 1, 0, 2, 2, 2, 0]);
    expect(sc.indel).toBe(0.5); // from the states' costs, before the missing state's
    expect(() => substitutionCosts(seqs, { method: 'FEATURES', withMissing: true })).toThrow(/stateFeatures/);
  });
});
