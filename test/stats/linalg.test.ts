import { describe, expect, it } from 'vitest';
import { invertSymmetric } from '../../src/stats/linalg.js';

/** Row-major product of k x k matrices. */
function multiply(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number[] {
  const out = new Array<number>(k * k).fill(0);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let p = 0; p < k; p++) out[i * k + j] += a[i * k + p] * b[p * k + j];
  return out;
}

describe('invertSymmetric', () => {
  it('inverts a 2 x 2 matrix', () => {
    // [[4, 2], [2, 3]]: det = 12 - 4 = 8, inverse = [[3, -2], [-2, 4]] / 8
    const { inverse, dropped } = invertSymmetric([4, 2, 2, 3], 2);
    [0.375, -0.25, -0.25, 0.5].forEach((v, i) => expect(inverse[i]).toBeCloseTo(v, 15));
    expect(dropped).toEqual([false, false]);
  });

  it('inverts A = L Lᵀ through L⁻¹', () => {
    // L = [[2,0,0],[1,2,0],[0,1,3]] gives A = [[4,2,0],[2,5,2],[0,2,10]], det = 144, and
    // L⁻¹ = [[1/2,0,0],[-1/4,1/2,0],[1/12,-1/6,1/3]]; A⁻¹ = L⁻ᵀ L⁻¹, e.g. (0,0) = 1/4 + 1/16 + 1/144 = 23/72
    const a = Float64Array.from([4, 2, 0, 2, 5, 2, 0, 2, 10]);
    const { inverse } = invertSymmetric(a, 3);
    const expected = [23 / 72, -5 / 36, 1 / 36, -5 / 36, 5 / 18, -1 / 18, 1 / 36, -1 / 18, 1 / 9];
    expected.forEach((v, i) => expect(inverse[i]).toBeCloseTo(v, 14));
    // Solves A x = b: x = (1, -1, 2) gives b = (4-2, 2-5+4, -2+20) = (2, 1, 18)
    const b = [2, 1, 18];
    const x = [0, 1, 2].map((r) => inverse[3 * r] * b[0] + inverse[3 * r + 1] * b[1] + inverse[3 * r + 2] * b[2]);
    x.forEach((v, i) => expect(v).toBeCloseTo([1, -1, 2][i], 12));
    expect(Array.from(a)).toEqual([4, 2, 0, 2, 5, 2, 0, 2, 10]); // not modified
  });

  it('gives a symmetric inverse with A⁻¹ A = I within 1e-12', () => {
    // A = Bᵀ B + I is positive definite
    const k = 4;
    const bm = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
    const a = new Array<number>(k * k).fill(0);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let p = 0; p < k; p++) a[i * k + j] += bm[p * k + i] * bm[p * k + j] + (i === j && p === 0 ? 1 : 0);
    const { inverse, dropped } = invertSymmetric(a, k);
    expect(dropped).toEqual([false, false, false, false]);
    multiply(inverse, a, k).forEach((v, i) => expect(Math.abs(v - (i % (k + 1) === 0 ? 1 : 0))).toBeLessThan(1e-12));
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) expect(inverse[i * k + j]).toBe(inverse[j * k + i]);
  });

  it('leaves out columns without a positive diagonal', () => {
    // column 0 has A_00 = 0; the rest [[4]] inverts to (1/√4)² = 0.25
    const { inverse, dropped } = invertSymmetric([0, 0, 0, 4], 2);
    expect(dropped).toEqual([true, false]);
    expect(inverse[3]).toBe(0.25);
    [0, 1, 2].forEach((i) => expect(inverse[i]).toBeNaN());
    expect(invertSymmetric([-1], 1).dropped).toEqual([true]);
  });

  it('leaves out a later column that repeats an earlier one', () => {
    // column 1 = column 0 (pivot 2 - √2·√2 ≈ 0); kept [[2, 1], [1, 3]] inverts to [[3, -1], [-1, 2]] / 5
    const { inverse, dropped } = invertSymmetric([2, 2, 1, 2, 2, 1, 1, 1, 3], 3);
    expect(dropped).toEqual([false, true, false]);
    [[0, 0.6], [2, -0.2], [6, -0.2], [8, 0.4]].forEach(([i, v]) => expect(inverse[i]).toBeCloseTo(v, 14));
    [1, 3, 4, 5, 7].forEach((i) => expect(inverse[i]).toBeNaN());
  });

  it('drops a column whose pivot falls below tolerance times its diagonal', () => {
    // [[1, 1], [1, 1 + 2⁻²⁰]]: pivot 2⁻²⁰ exactly; inverse = [[1 + 2⁻²⁰, -1], [-1, 1]] / 2⁻²⁰
    const a = [1, 1, 1, 1 + 2 ** -20];
    expect(Array.from(invertSymmetric(a, 2).inverse)).toEqual([2 ** 20 + 1, -(2 ** 20), -(2 ** 20), 2 ** 20]);
    const loose = invertSymmetric(a, 2, 2 ** -19); // 2⁻²⁰ <= 2⁻¹⁹ (1 + 2⁻²⁰)
    expect(loose.dropped).toEqual([false, true]);
    expect(loose.inverse[0]).toBe(1);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => invertSymmetric([1, 2, 3], 2)).toThrow('a: 3 cells; expected 2 x 2');
  });
});
