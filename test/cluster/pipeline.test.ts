import { describe, expect, it } from 'vitest';
import { clusterMedoids, clusterRange, clusterSequences, cutree, hclust } from '../../src/cluster/index.js';
import { condensedBytes, distinctDistances, substitutionCosts } from '../../src/distance/index.js';
import { createSequences, distinctSequences, makeAlphabet } from '../../src/sequences/index.js';
import { adjustedRandIndex, seededRandom } from '../../src/stats/index.js';

/** Three planted types over 18 months (0: a a a ..., 1: b then c, 2: d), 10% noise, many repeated sequences. */
function planted(perGroup: number, seed: number) {
  const rnd = seededRandom(seed);
  const t = 18;
  const n = 3 * perGroup;
  const codes = new Uint8Array(n * t);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % 3;
    group[i] = g;
    const cut = 6 + Math.floor(rnd() * 6);
    for (let j = 0; j < t; j++) {
      let s = g === 0 ? 0 : g === 1 ? (j < cut ? 1 : 2) : 3;
      if (rnd() < 0.05) s = Math.floor(rnd() * 4);
      codes[i * t + j] = s;
    }
  }
  return { seqs: createSequences({ alphabet: makeAlphabet(['a', 'b', 'c', 'd']), n, t, codes }), group };
}

describe('clusterSequences', () => {
  const { seqs, group } = planted(120, 5);
  const distance = { method: 'OM' as const, sm: 'TRATE' as const, indel: 'auto' as const };

  it('is Ward on the distinct sequences with their weights, cut for every k and expanded to the rows', async () => {
    const r = await clusterSequences(seqs, { distance, ks: [2, 3, 4], k: 3, threads: 1 });
    const costs = substitutionCosts(seqs, { method: 'TRATE' });
    const { matrix, distinct } = await distinctDistances(seqs, { method: 'OM', sm: costs, indel: costs.indel as number, threads: 1 });
    const tree = hclust(matrix, { method: 'ward.D', weights: distinct.weights });
    const cut = cutree(tree, 3);
    expect(r.algorithm).toBe('ward');
    expect(Array.from(r.labels)).toEqual(Array.from(distinct.rowToDistinct, (d) => cut[d]));
    expect(r.labelsByK).toHaveLength(3);
    expect(r.quality.map((q) => q.ASW)).toEqual(clusterRange(matrix, [2, 3, 4].map((k) => cutree(tree, k)), { weights: distinct.weights }).quality.map((q) => q.ASW));
    expect(Array.from(r.medoids)).toEqual(Array.from(clusterMedoids(matrix, cut, distinct.weights), (d) => distinct.firstRow[d]));
    expect(r.items).toBe(distinct.firstRow.length);
    expect(r.method).toMatch(/^OM \(TRATE, indel [\d.]+\) \+ Ward \(ward\.D\) on \d+ distinct sequences, weighted$/);
    expect(adjustedRandIndex(r.labels, group)).toBeGreaterThan(0.9);
  });

  it('switches to CLARA when the matrix of the distinct sequences does not fit the budget, and estimates quality on a sample', async () => {
    const d = distinctSequences(seqs).firstRow.length;
    const r = await clusterSequences(seqs, {
      distance, ks: [2, 3], k: 3, memoryBudgetBytes: condensedBytes(d) - 1, samples: 5, qualitySample: 50, threads: 1,
    });
    expect(r.algorithm).toBe('clara');
    expect(r.tree).toBeNull();
    expect(r.labels).toHaveLength(seqs.n);
    expect(r.qualitySample).toBe(50);
    expect(r.quality).toHaveLength(2);
    expect(adjustedRandIndex(r.labels, group)).toBeGreaterThan(0.9);
    // a medoid row belongs to its own cluster
    r.medoids.forEach((row, c) => expect(r.labels[row]).toBe(c + 1));
  });

  it('names the option at fault', async () => {
    await expect(clusterSequences(seqs, { distance, ks: [2, 3], k: 5 })).rejects.toThrow(/^k: k = 5 is not among/);
    await expect(clusterSequences(seqs, { distance, k: 3, algorithm: 'clara', refine: 'pam' })).rejects.toThrow(/^refine: /);
  });
});
