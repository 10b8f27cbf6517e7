import { describe, expect, it } from 'vitest';
import { protectDistribution } from '../../src/index.js';

describe('protectDistribution', () => {
  // 3 states x 3 months, state-major; month 0: 50 / 3 / 20 persons, month 1: 40 / 30 / 0, month 2: 4 / 2 / 0
  const counts = [50, 40, 4, 3, 30, 2, 20, 0, 0];
  const validN = [73, 70, 6];
  const frequencies = counts.map((c, k) => c / validN[k % 3]);

  it('suppresses a small share with its cheapest partner, and months observed for too few persons', () => {
    const p = protectDistribution({ states: ['a', 'b', 'c'], t: 3, frequencies, validN }, { counts, validN });
    const at = (s: number, j: number) => p.frequencies[s * 3 + j];
    // month 0: b (3 persons) and its cheapest partner c (20)
    expect([at(0, 0), at(1, 0), at(2, 0)]).toEqual([50 / 73, NaN, NaN]);
    // month 1: nothing small (0 persons is no one)
    expect([at(0, 1), at(1, 1), at(2, 1)]).toEqual([40 / 70, 30 / 70, 0]);
    // month 2: 6 persons observed, all hidden
    expect([at(0, 2), at(1, 2), at(2, 2)]).toEqual([NaN, NaN, NaN]);
    expect([...p.validN]).toEqual([73, 70, NaN]);
    expect(p.log.filter((l) => l.rule !== 'none').map((l) => [l.cell, l.rule])).toEqual([
      ['0.b', 'primary'], ['0.c', 'secondary'], ['2.N', 'primary'], ['2.a', 'primary'], ['2.b', 'primary'], ['2.c', 'primary'],
    ]);
  });

  it('minCell 1 publishes everything', () => {
    const p = protectDistribution({ states: ['a', 'b', 'c'], t: 3, frequencies, validN }, { counts, validN }, { minCell: 1 });
    expect([...p.frequencies]).toEqual(frequencies);
  });
});
