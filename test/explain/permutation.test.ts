import { describe, expect, it } from 'vitest';
import { discrepancyAssociation, multiFactorDiscrepancy } from '../../src/index.js';
import { permutationPValues, permutationUnits, permutedLabels } from '../../src/explain/permutation.js';
import { lineDistances } from '../cluster/helpers.js';

/** Every ordering of 0..n-1 (Heap's algorithm). */
function* orderings(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array(n).fill(0);
  yield [...a];
  for (let i = 1; i < n; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i], a[j]];
      yield [...a];
      c[i]++;
      i = 1;
    } else c[i++] = 0;
  }
}

/** Pseudo R2 and F of a labelling, straight from the definitions (unit weights). */
function naiveStatistics(x: number[], labels: number[]): { F: number; R2: number } {
  const n = x.length;
  const k = Math.max(...labels) + 1;
  const ss = (members: number[]) => {
    let s = 0;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) s += Math.abs(x[members[i]] - x[members[j]]);
    return s / members.length;
  };
  const total = ss(x.map((_, i) => i));
  let within = 0;
  for (let g = 0; g < k; g++) within += ss(labels.flatMap((l, i) => (l === g ? [i] : [])));
  return { R2: (total - within) / total, F: (total - within) / (k - 1) / (within / (n - k)) };
}

describe('permutation p-values', () => {
  it('count the observed row and every row at least as large', () => {
    // rows (F): 3 (observed), 1, 4, 3 -> 3 of 4 are >= 3
    expect(Array.from(permutationPValues(Float64Array.of(3, 1, 4, 3), 4, 1))).toEqual([0.75]);
    expect(Number.isNaN(permutationPValues(Float64Array.of(3), 1, 1)[0])).toBe(true);
  });

  it('integer weights replicate the cases; other weights keep one unit per case', () => {
    const u = permutationUnits(Int32Array.of(0, 1, 2), Float64Array.of(2, 0, 1), Int32Array.of(0, 1, 1));
    expect(u.scheme).toBe('replicate');
    expect(Array.from(u.item)).toEqual([0, 0, 2]);
    expect(Array.from(u.label)).toEqual([0, 0, 1]);
    expect(Array.from(u.source)).toEqual([0, 0, 2]);
    expect(permutationUnits(Int32Array.of(0, 1), Float64Array.of(0.5, 1), Int32Array.of(0, 1)).scheme).toBe('cases');
  });

  it('r = 0 is the observed labelling; other r shuffle reproducibly', () => {
    const label = Int32Array.of(0, 0, 1, 1, 2);
    expect(Array.from(permutedLabels(label, 7, 0, new Int32Array(5)))).toEqual([0, 0, 1, 1, 2]);
    const a = permutedLabels(label, 7, 3, new Int32Array(5));
    expect(Array.from(permutedLabels(label, 7, 3, new Int32Array(5)))).toEqual(Array.from(a));
    expect([...a].sort()).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('dissassoc permutation test: exact enumeration of all permutations', () => {
  // two tight groups far apart: only the observed labelling and its mirror image
  // reach the observed F, so of the C(6,3) = 20 equally likely labellings 2 do: p = 0.1
  const x = [0, 1, 2, 10, 11, 12];
  const groups = ['a', 'a', 'a', 'b', 'b', 'b'];

  it('hand-computed: p(F) = 2/20 = 0.1, and every ordering agrees', () => {
    const observed = naiveStatistics(x, [0, 0, 0, 1, 1, 1]);
    let atLeast = 0;
    let total = 0;
    for (const o of orderings(6)) {
      const labels = o.map((i) => [0, 0, 0, 1, 1, 1][i]);
      if (naiveStatistics(x, labels).F >= observed.F - 1e-12) atLeast++;
      total++;
    }
    expect(total).toBe(720);
    expect(atLeast / total).toBeCloseTo(0.1, 15);
  });

  it('the seeded Monte Carlo p-value converges to the exact one', async () => {
    const R = 20000;
    const a = await discrepancyAssociation(lineDistances(x), groups, { permutations: R, seed: 11, threads: 1 });
    const p = a.statistics[0].pValue;
    // 4 standard errors of a binomial share at p = 0.1
    expect(Math.abs(p - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / R));
    expect(a.statistics[2].pValue).toBe(p); // R2 orders labellings as F does (equal group sizes)
  });

  it('an unbalanced case: every statistic against its exact enumeration', async () => {
    const y = [0, 3, 4, 9, 5, 7, 1];
    const labels = [0, 0, 1, 1, 1, 2, 2];
    const names = ['g0', 'g1', 'g2'];
    const a = await discrepancyAssociation(lineDistances(y), labels.map((l) => names[l]), { permutations: 1 });
    const observed = naiveStatistics(y, labels);
    expect(a.statistics[0].value).toBeCloseTo(observed.F, 12);
    expect(a.statistics[2].value).toBeCloseTo(observed.R2, 12);
    // exact p of F over all 5040 orderings
    let atLeast = 0;
    let total = 0;
    for (const o of orderings(7)) {
      if (naiveStatistics(y, o.map((i) => labels[i])).F >= observed.F - 1e-12) atLeast++;
      total++;
    }
    const exact = atLeast / total;
    const R = 20000;
    const mc = await discrepancyAssociation(lineDistances(y), labels.map((l) => names[l]), { permutations: R, seed: 3, threads: 1 });
    expect(Math.abs(mc.statistics[0].pValue - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / R) + 1 / R);
  });

  it('integer weights permute replicates: the same test as the repeated cases', async () => {
    const w = [2, 1, 1, 1, 1, 2];
    const weighted = await discrepancyAssociation(lineDistances(x), groups, { weights: w, permutations: 1 });
    const repeated = await discrepancyAssociation(lineDistances([0, 0, 1, 2, 10, 11, 12, 12]), ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'], { permutations: 1 });
    weighted.statistics.forEach((s, j) => expect(s.value).toBeCloseTo(repeated.statistics[j].value, 10));
    expect(weighted.scheme).toBe('replicate');
  });
});

describe('dissassoc permutation test: reproducible', () => {
  const x = Array.from({ length: 60 }, (_, i) => Math.sin(i) * 10 + (i % 3));
  const groups = x.map((_, i) => ['p', 'q', 'r'][i % 3]);

  it('the same seed gives the same p-values; another seed other draws', async () => {
    const run = (seed: number, threads: number) => discrepancyAssociation(lineDistances(x), groups, { permutations: 200, seed, threads });
    const a = await run(5, 1);
    const b = await run(5, 1);
    const c = await run(6, 1);
    expect(Array.from(b.distribution)).toEqual(Array.from(a.distribution));
    expect(Array.from(c.distribution)).not.toEqual(Array.from(a.distribution));
    expect(a.statistics.map((s) => s.pValue)).toEqual(b.statistics.map((s) => s.pValue));
  });

  it('worker threads give the same distribution bit for bit', async () => {
    const one = await discrepancyAssociation(lineDistances(x), groups, { permutations: 99, seed: 2, threads: 1 });
    const two = await discrepancyAssociation(lineDistances(x), groups, { permutations: 99, seed: 2, threads: 2 });
    expect(Array.from(two.distribution)).toEqual(Array.from(one.distribution));
  });

  it('dissmfacw: seeded, threads give the same p-values', async () => {
    const covariates = { g: groups, x: x.map((v) => Math.round(v)) };
    const one = await multiFactorDiscrepancy(lineDistances(x), covariates, { permutations: 50, seed: 4, threads: 1 });
    const two = await multiFactorDiscrepancy(lineDistances(x), covariates, { permutations: 50, seed: 4, threads: 2 });
    expect(two.rows).toEqual(one.rows);
    expect(one.rows.every((r) => r.pValue > 0 && r.pValue <= 1)).toBe(true);
  });
});
