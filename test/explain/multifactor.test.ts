// Multi-factor discrepancy analysis (src/explain/multifactor.ts). With squared distances
// between points on a line it is the classical ANOVA of the points, so SS are easy by hand.
import { describe, expect, it } from 'vitest';
import { multiFactorDiscrepancy, type MultiFactorRow } from '../../src/explain/multifactor.js';
import { lineDistances } from '../cluster/helpers.js';

// 2 x 2 balanced design, 2 cases per cell: y = 1 + 10 [A = a2] + 4 [B = b2] -/+ 1
const y = [0, 2, 4, 6, 10, 12, 14, 16];
const A = ['a1', 'a1', 'a1', 'a1', 'a2', 'a2', 'a2', 'a2'];
const B = ['b1', 'b1', 'b2', 'b2', 'b1', 'b1', 'b2', 'b2'];
const one = { permutations: 1 };

function expectRows(rows: readonly MultiFactorRow[], expected: [string, number, number][]): void {
  expect(rows.map((r) => r.variable)).toEqual(expected.map((e) => e[0]));
  rows.forEach((r, i) => {
    expect(r.pseudoF).toBeCloseTo(expected[i][1], 9);
    expect(r.pseudoR2).toBeCloseTo(expected[i][2], 12);
  });
}

describe('multiFactorDiscrepancy', () => {
  it('one factor: the pseudo F and R2 of dissassoc', async () => {
    // points 0, 4 | 10, 11, 12 (unsquared): SS_T = 62/5, SS_B = 136/15, SS_W = 10/3 (see association.test.ts)
    const mf = await multiFactorDiscrepancy(lineDistances([0, 4, 10, 11, 12]), { g: ['a', 'a', 'b', 'b', 'b'] }, one);
    const F = (136 / 15) / ((10 / 3) / (5 - 2));
    expectRows(mf.rows, [['g', F, 136 / 186], ['Total', F, 136 / 186]]);
    expect([mf.columns, mf.excluded, mf.permutations]).toEqual([2, 0, 1]);
    expect(mf.rows.every((r) => Number.isNaN(r.pValue))).toBe(true);
  });

  it('2 x 2 design: each factor given the other', async () => {
    // mean 8: SS_T = 64 + 36 + 16 + 4 + 4 + 16 + 36 + 64 = 240; cell means fit exactly: SS_res = 8 x 1^2 = 8
    // balanced: SS_A = 8 x 5^2 = 200, SS_B = 8 x 2^2 = 32, SS_exp = 232; W - m = 8 - 3 = 5
    // A: F = 200 / (8/5) = 125; B: F = 32 / (8/5) = 20; Total: F = (232/2) / (8/5) = 72.5
    const mf = await multiFactorDiscrepancy(lineDistances(y), { A, B }, { ...one, squared: true });
    expectRows(mf.rows, [['A', 125, 200 / 240], ['B', 20, 32 / 240], ['Total', 72.5, 232 / 240]]);
    expect(mf.columns).toBe(3); // intercept + one dummy each
  });

  it('invariant to the order of the covariates and to the reference level', async () => {
    const base = await multiFactorDiscrepancy(lineDistances(y), { A, B }, { ...one, squared: true });
    const swapped = await multiFactorDiscrepancy(lineDistances(y), { B, A: A.map((a) => (a === 'a1' ? 'z' : 'a')) }, { ...one, squared: true });
    expectRows(swapped.rows, [['B', base.rows[1].pseudoF, base.rows[1].pseudoR2], ['A', base.rows[0].pseudoF, base.rows[0].pseudoR2], ['Total', base.rows[2].pseudoF, base.rows[2].pseudoR2]]);
  });

  it('numbers enter as one column, text as dummies', async () => {
    // y = 0, 1, 3, 4 on x = 0..3: Sxy = 7, Sxx = 5, SS_reg = 49/5, SS_T = 10: R2 0.98, F = 9.8 / (0.2 / 2) = 98
    const mf = await multiFactorDiscrepancy(lineDistances([0, 1, 3, 4]), { x: [0, 1, 2, 3] }, { ...one, squared: true });
    expectRows(mf.rows, [['x', 98, 0.98], ['Total', 98, 0.98]]);
    expect(mf.columns).toBe(2);
    const text = await multiFactorDiscrepancy(lineDistances([0, 1, 3, 4]), { x: ['0', '1', '2', '3'] }, { ...one, squared: true });
    expect(text.columns).toBe(4); // 4 levels: saturated
    expect(text.rows[1].pseudoR2).toBeCloseTo(1, 12);
  });

  it('a covariate that repeats another explains nothing given it', async () => {
    const mf = await multiFactorDiscrepancy(lineDistances(y), { A, again: [...A] }, { ...one, squared: true });
    expect(mf.rows[0].pseudoR2).toBeCloseTo(0, 12);
    expect(mf.rows[1].pseudoR2).toBeCloseTo(0, 12);
    expect(mf.rows[2].pseudoR2).toBeCloseTo(200 / 240, 12);
  });

  it('leaves out cases with a missing covariate', async () => {
    const mf = await multiFactorDiscrepancy(lineDistances([...y, 50]), { A: [...A, 'a1'], B: [...B, null] }, { ...one, squared: true });
    expect(mf.excluded).toBe(1);
    expectRows(mf.rows, [['A', 125, 200 / 240], ['B', 20, 32 / 240], ['Total', 72.5, 232 / 240]]); // the 8 others, as above
  });

  it('permutation p-values lie in [1/R, 1]', async () => {
    const R = 9;
    const mf = await multiFactorDiscrepancy(lineDistances(y), { A, B }, { permutations: R, seed: 2, threads: 1, squared: true });
    for (const r of mf.rows) {
      expect(r.pValue).toBeGreaterThanOrEqual(1 / R);
      expect(r.pValue).toBeLessThanOrEqual(1);
    }
  });

  it('errors', async () => {
    await expect(multiFactorDiscrepancy(lineDistances(y), {})).rejects.toThrow('covariates: give at least one covariate');
    await expect(multiFactorDiscrepancy(lineDistances(y), { A, B: B.slice(0, 3) })).rejects.toThrow('B: 3 values for 8 cases');
  });
});
