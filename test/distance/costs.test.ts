// substitutionCosts: hand-computed CONSTANT, TRATE (pooled and time-varying), INDELS, INDELSLOG, missing state.
import { describe, expect, test } from 'vitest';
import { substitutionCosts } from '../../src/index.js';
import { letters } from './helpers.js';

const at = (sm: Float64Array, n: number, i: number, j: number, slice = 0) => sm[slice * n * n + i * n + j];

describe('substitutionCosts', () => {
  test('CONSTANT: cval off the diagonal, indel 1', () => {
    const sc = substitutionCosts(letters(['AB', 'BC'], 'ABC'), { method: 'CONSTANT', cval: 3 });
    expect(Array.from(sc.sm)).toEqual([0, 3, 3, 3, 0, 3, 3, 3, 0]);
    expect(sc.indel).toBe(1);
    expect(sc.states).toEqual(['A', 'B', 'C']);
    expect(substitutionCosts(letters(['AB'], 'AB'), { method: 'CONSTANT' }).sm[1]).toBe(2);
  });

  test('TRATE: 2 - p(j|i) - p(i|j), indel max/2', () => {
    // moves A->A, A->B, B->B, B->A: p(B|A) = p(A|B) = 1/2
    const sc = substitutionCosts(letters(['AAB', 'BBA'], 'AB'), { method: 'TRATE' });
    expect(at(sc.sm, 2, 0, 1)).toBe(1);
    expect(at(sc.sm, 2, 1, 0)).toBe(1);
    expect(sc.indel).toBe(0.5);
  });

  test('TRATE honours weights', () => {
    // weight 3: A->A, A->B; weight 1: A->B, B->B. p(B|A) = 4/7, p(A|B) = 0
    const s = letters(['AAB', 'ABB'], 'AB', [3, 1]);
    expect(at(substitutionCosts(s, { method: 'TRATE' }).sm, 2, 0, 1)).toBeCloseTo(2 - 4 / 7, 15);
    // unweighted: p(B|A) = 2/3
    expect(at(substitutionCosts(s, { method: 'TRATE', weighted: false }).sm, 2, 0, 1)).toBeCloseTo(2 - 2 / 3, 15);
  });

  test('time-varying TRATE (DHD costs): cval 4, 2P at the ends, P_{s-1} + P_s inside', () => {
    // month 0->1: p(B|A) = 1/2, p(A|B) = 1, P0 = 1.5; month 1->2: P1 = 0
    const sc = substitutionCosts(letters(['ABB', 'BAA', 'AAA'], 'AB'), { method: 'TRATE', timeVarying: true });
    expect(sc.timeVarying).toBe(true);
    expect(sc.nSlices).toBe(3);
    expect(at(sc.sm, 2, 0, 1, 0)).toBe(4 - 2 * 1.5);
    expect(at(sc.sm, 2, 0, 1, 1)).toBe(4 - 1.5 - 0);
    expect(at(sc.sm, 2, 1, 0, 2)).toBe(4 - 2 * 0);
    expect(at(sc.sm, 2, 1, 1, 1)).toBe(0);
    const prev = substitutionCosts(letters(['ABB', 'BAA', 'AAA'], 'AB'), { method: 'TRATE', timeVarying: true, transition: 'previous' });
    expect([0, 1, 2].map((s) => at(prev.sm, 2, 0, 1, s))).toEqual([2, 2 - 1.5, 2 - 0]);
  });

  test('INDELS and INDELSLOG from state shares of all cells (void included)', () => {
    // 6 cells (3 columns x 2 rows), A in 3, B in 1
    const s = letters(['AAB', 'A'], 'AB');
    const indels = substitutionCosts(s, { method: 'INDELS' });
    expect(Array.from(indels.indel as Float64Array)).toEqual([2, 6]);
    expect(at(indels.sm, 2, 0, 1)).toBe(8);
    const logs = substitutionCosts(s, { method: 'INDELSLOG' });
    expect((logs.indel as Float64Array)[0]).toBeCloseTo(Math.log(2 / 1.5), 15);
    expect((logs.indel as Float64Array)[1]).toBeCloseTo(Math.log(2 / (1 + 1 / 6)), 15);
    expect(at(logs.sm, 2, 1, 0)).toBeCloseTo(Math.log(2 / 1.5) + Math.log(2 / (1 + 1 / 6)), 15);
  });

  test('missing state: last row and column at missCost for CONSTANT and TRATE, from the data for INDELS', () => {
    const s = letters(['A-B', 'AAB'], 'AB');
    const c = substitutionCosts(s, { method: 'CONSTANT', withMissing: true, missCost: 5 });
    expect(c.states).toEqual(['A', 'B', '*']);
    expect(Array.from(c.sm)).toEqual([0, 2, 5, 2, 0, 5, 5, 5, 0]);
    const tr = substitutionCosts(s, { method: 'TRATE', withMissing: true });
    expect(at(tr.sm, 3, 2, 0)).toBe(2);
    // shares: A 3/6, B 2/6, * 1/6
    const ind = substitutionCosts(s, { method: 'INDELS', withMissing: true });
    expect(Array.from(ind.indel as Float64Array)).toEqual([2, 3, 6]);
    // without gaps in the data withMissing is ignored, as in TraMineR
    expect(substitutionCosts(letters(['AB'], 'AB'), { method: 'CONSTANT', withMissing: true }).nStates).toBe(2);
  });

  test('gaps without withMissing are an error', () => {
    expect(() => substitutionCosts(letters(['A-B'], 'AB'), { method: 'TRATE' })).toThrow(/withMissing/);
  });
});
