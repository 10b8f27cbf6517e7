// FUTURE costs on a case computed by hand, and the lag of TRATE and FUTURE.
import { describe, expect, test } from 'vitest';
import { futureCosts } from '../../src/distance/cost-future.js';
import { OptionsError, substitutionCosts, transitionRates } from '../../src/index.js';
import { letters } from './helpers.js';

describe('FUTURE', () => {
  test('the chi-squared distance between the rows of the transition matrix', () => {
    // AAAB, BBBB: p(. | A) = (2/3, 1/3), p(. | B) = (0, 1); column totals (2/3, 4/3)
    // sm(A, B)^2 = (2/3)^2 / (2/3) + (2/3)^2 / (4/3) = 2/3 + 1/3
    const sc = substitutionCosts(letters(['AAAB', 'BBBB'], 'AB'), { method: 'FUTURE' });
    expect(sc.sm[1]).toBeCloseTo(1, 15);
    expect(sc.sm[2]).toBeCloseTo(1, 15);
    expect(sc.indel).toBeCloseTo(0.5, 15);
  });

  test('a state nobody moves to leaves its column out', () => {
    // p(. | 0) = (1, 0, 0), p(. | 1) = p(. | 2) = (0, 1, 0): column totals (1, 2, 0)
    const { sm } = futureCosts(Float64Array.from([1, 0, 0, 0, 1, 0, 0, 1, 0]), 3);
    expect(sm[0 * 3 + 1]).toBeCloseTo(Math.sqrt(1 / 2 + 1), 15);
    expect(sm[1 * 3 + 2]).toBe(0);
  });

  test('lag: transitions lag months apart (negative: backwards)', () => {
    const seqs = letters(['ABAB', 'ABAB'], 'AB');
    // lag 2: A -> A and B -> B only
    expect(Array.from(transitionRates(seqs, { lag: 2 }).rates)).toEqual([1, 0, 0, 1]);
    // lag -1: from x_j to x_j-1: B -> A, A -> B
    expect(Array.from(transitionRates(seqs, { lag: -1 }).rates)).toEqual([0, 1, 1, 0]);
    // TRATE with lag 2: sm(A, B) = 2 - 0 - 0
    expect(substitutionCosts(seqs, { method: 'TRATE', lag: 2 }).sm[1]).toBe(2);
    expect(() => transitionRates(seqs, { lag: 4 })).toThrow(OptionsError);
    expect(() => substitutionCosts(seqs, { method: 'CONSTANT', lag: 2 })).toThrow(/lag/);
    expect(() => substitutionCosts(seqs, { method: 'TRATE', lag: 2, timeVarying: true })).toThrow(/lag/);
  });
});
