// Discrepancy analysis (src/explain/association.ts) on points on a line, d = |x_i - x_j|.
// With s^2 = sum_{i<j} d_ij / n^2 and SS = n s^2 = sum_{i<j} d_ij / n (Studer et al. 2011).
import { describe, expect, it } from 'vitest';
import {
  ASSOCIATION_STATISTICS, associationSpec, discrepancy, discrepancyAssociation, evaluateAssociation,
} from '../../src/explain/association.js';
import { lineDistances } from '../cluster/helpers.js';

// a = {0, 4}: pairs 4, n 2 -> s^2 = 1, SS = 2; b = {10, 11, 12}: pairs 1 + 2 + 1 = 4, n 3 -> s^2 = 4/9, SS = 4/3
// all: pairs 4 + 10 + 11 + 12 + 6 + 7 + 8 + 1 + 2 + 1 = 62 -> s^2 = 62/25, SS_T = 62/5
// SS_W = 2 + 4/3 = 10/3, SS_B = 62/5 - 10/3 = 136/15
const x = [0, 4, 10, 11, 12];
const g = ['a', 'a', 'b', 'b', 'b'];
const values = (a: Awaited<ReturnType<typeof discrepancyAssociation>>) => a.statistics.map((s) => s.value);

describe('discrepancy', () => {
  it('sum_{i<j} w_i w_j d_ij / W^2', () => {
    expect(discrepancy(lineDistances([0, 2, 10, 12]))).toBe(44 / 16); // pairs 2 + 10 + 12 + 8 + 10 + 2
    // squared: 416 / 16 = 26 = mean squared distance to the centre 6: (36 + 16 + 16 + 36) / 4
    expect(discrepancy(lineDistances([0, 2, 10, 12]), { squared: true })).toBe(26);
    expect(discrepancy(lineDistances([0, 4]), { weights: [1, 3] })).toBe(0.75); // 1 x 3 x 4 / 16
    // cases 0, 0, 4 through a distinct map: (0 + 4 + 4) / 9
    expect(discrepancy({ matrix: lineDistances([0, 4]), distinct: { rowToDistinct: Int32Array.of(0, 0, 1) } })).toBeCloseTo(8 / 9, 15);
  });
});

describe('discrepancyAssociation', () => {
  it('group table and pseudo ANOVA', async () => {
    const a = await discrepancyAssociation(lineDistances(x), g, { permutations: 1 });
    const near = (v: number, e: number) => expect(v).toBeCloseTo(e, 12);
    expect(a.groups.map((r) => [r.level, r.n])).toEqual([['a', 2], ['b', 3], ['Total', 5]]);
    a.groups.forEach((r, i) => near(r.discrepancy, [1, 4 / 9, 62 / 25][i]));
    const { explained, residual, total } = a.anova;
    expect([explained.df, residual.df, total.df]).toEqual([1, 3, 4]);
    [[explained.SS, 136 / 15], [residual.SS, 10 / 3], [total.SS, 62 / 5], [residual.MSE, 10 / 9], [total.MSE, 3.1]].forEach(([v, e]) => near(v, e));
    expect([a.permutations, a.scheme, a.excluded]).toEqual([1, 'replicate', 0]);
  });

  it('pseudo F, Fbf, R2, Bartlett and Levene by hand', async () => {
    const a = await discrepancyAssociation(lineDistances(x), g, { permutations: 1 });
    expect(a.statistics.map((s) => s.name)).toEqual([...ASSOCIATION_STATISTICS]);
    // F = SS_B / (SS_W / (5 - 2)) = (136/15) / (10/9) = 8.16; Fbf = SS_B / (3/5 x 1 + 2/5 x 4/9) = (136/15) (9/7)
    // Bartlett: [3 ln((1 + 2 x 4/9) / 3) - (1 ln 1 + 2 ln 4/9)] / [1 + (1/1 + 1/2 - 1/3) / 3]
    const bartlett = (3 * Math.log(17 / 27) - 2 * Math.log(4 / 9)) / (25 / 18);
    // Levene: z = mean distance to own group - s^2_g: a: 2 - 1 = 1, 1; b: 1 - 4/9, 2/3 - 4/9, 1 - 4/9 = 5/9, 2/9, 5/9
    // group means 1, 4/9, grand mean 2/3: SS_T(z) = 4/9, SS_W(z) = 6/81, F = (10/27) / ((2/27) / 3) = 15
    const expected = [8.16, (136 / 15) * (9 / 7), 136 / 186, bartlett, 15];
    values(a).forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
    expect(a.statistics.every((s) => Number.isNaN(s.pValue))).toBe(true); // no permutations
  });

  it('two equal, equally spread groups: Fbf doubles F, Bartlett 0, Levene 0/0', async () => {
    // {0, 2}, {10, 12}: SS_T = 44/4 = 11, SS_W = 1 + 1, SS_B = 9; s^2_g = 1/2
    const a = await discrepancyAssociation(lineDistances([0, 2, 10, 12]), ['p', 'p', 'q', 'q'], { permutations: 1 });
    const [F, Fbf, R2, B, L] = values(a);
    expect(F).toBeCloseTo(9, 12); // 9 / (2 / 2)
    expect(Fbf).toBeCloseTo(18, 12); // 9 / (1/2 x 1/2 + 1/2 x 1/2)
    expect(R2).toBeCloseTo(9 / 11, 12);
    expect(B).toBeCloseTo(0, 12); // 2 ln(1/2) - 2 ln(1/2)
    expect(Number.isNaN(L)).toBe(true); // every z is 1/2: no spread to compare
  });

  it('invariant to the names of the groups and the order of the cases; R2 in [0, 1]', async () => {
    const base = values(await discrepancyAssociation(lineDistances(x), g, { permutations: 1 }));
    const renamed = values(await discrepancyAssociation(lineDistances(x), ['z', 'z', 'c', 'c', 'c'], { permutations: 1 }));
    const order = [3, 0, 4, 2, 1];
    const shuffled = values(await discrepancyAssociation(lineDistances(order.map((i) => x[i])), order.map((i) => g[i]), { permutations: 1 }));
    base.forEach((v, j) => {
      expect(renamed[j]).toBeCloseTo(v, 12);
      expect(shuffled[j]).toBeCloseTo(v, 12);
    });
    expect(base[2]).toBeGreaterThanOrEqual(0);
    expect(base[2]).toBeLessThanOrEqual(1);
  });

  it('leaves out cases with a missing group', async () => {
    const a = await discrepancyAssociation(lineDistances([...x, 100]), [...g, null], { permutations: 1 });
    expect(a.excluded).toBe(1);
    expect(a.statistics[2].value).toBeCloseTo(136 / 186, 12);
    expect(a.groups.at(-1)?.n).toBe(5);
  });

  it('permutations: row 0 of the distribution is observed; p in {1/R, ..., 1}; p(F) = p(R2) at fixed k', async () => {
    const R = 19;
    const a = await discrepancyAssociation(lineDistances(x), g, { permutations: R, seed: 3, threads: 1 });
    expect(a.distribution.length).toBe(R * 5);
    expect(Array.from(a.distribution.subarray(0, 5))).toEqual(values(a));
    for (const s of a.statistics.slice(0, 3)) {
      expect(s.pValue * R).toBeCloseTo(Math.round(s.pValue * R), 9); // a count of labellings over R
      expect(s.pValue).toBeGreaterThanOrEqual(1 / R);
      expect(s.pValue).toBeLessThanOrEqual(1);
    }
    expect(a.statistics[0].pValue).toBe(a.statistics[2].pValue); // both decrease with SS_W
    const weighted = await discrepancyAssociation(lineDistances(x), g, { permutations: 1, weights: [0.5, 1, 1, 1, 1] });
    expect(weighted.scheme).toBe('cases');
  });

  it('errors name the factor', async () => {
    await expect(discrepancyAssociation(lineDistances(x), ['a', 'b'])).rejects.toThrow('group: 2 values for 5 cases');
    await expect(discrepancyAssociation(lineDistances(x), ['a', 'b'], { name: 'sex' })).rejects.toThrow('sex: 2 values for 5 cases');
    await expect(discrepancyAssociation(lineDistances(x), ['a', 'a', null, 'a', 'a'])).rejects.toThrow('group: needs at least two groups; has only "a"');
  });
});

describe('associationSpec and evaluateAssociation', () => {
  it('total SS, Levene total and the observed statistics', () => {
    const spec = associationSpec(lineDistances(x), Int32Array.of(0, 1, 2, 3, 4), new Float64Array(5).fill(1), Int32Array.of(0, 0, 1, 1, 1), 2, 1);
    expect(spec.scTot).toBeCloseTo(62 / 5, 12);
    expect(spec.zTot).toBeCloseTo(4 / 9, 12); // z = 1, 1, 5/9, 2/9, 5/9 around 2/3
    expect([spec.totalWeight, spec.k, spec.kind]).toEqual([5, 2, 'association']);
    const out = new Float64Array(5);
    evaluateAssociation(spec, 0, 1, out);
    expect(out[2]).toBeCloseTo(136 / 186, 12);
    expect(out[4]).toBeCloseTo(15, 12);
  });
});
