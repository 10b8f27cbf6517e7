import { describe, expect, it } from 'vitest';
import { clara } from '../../src/cluster/index.js';
import { createSequences, makeAlphabet } from '../../src/sequences/index.js';
import { seededRandom } from '../../src/stats/random.js';

/**
 * Four planted trajectory types over 24 months, 4 states, with 10% noise cells:
 * 0: always state 0; 1: state 1 then state 2 from month ~8; 2: always state 3;
 * 3: state 2 then state 0 from month ~16.
 */
function planted(perGroup: number, seed: number) {
  const rnd = seededRandom(seed);
  const t = 24;
  const n = 4 * perGroup;
  const codes = new Uint8Array(n * t);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % 4;
    group[i] = g;
    const cut = g === 1 ? 6 + Math.floor(rnd() * 5) : 14 + Math.floor(rnd() * 5);
    for (let j = 0; j < t; j++) {
      let s = g === 0 ? 0 : g === 1 ? (j < cut ? 1 : 2) : g === 2 ? 3 : j < cut ? 2 : 0;
      if (rnd() < 0.1) s = Math.floor(rnd() * 4);
      codes[i * t + j] = s;
    }
  }
  const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
  return { seqs: createSequences({ alphabet: makeAlphabet(['a', 'b', 'c', 'd']), n, t, codes, weights }), group };
}

describe('clara', () => {
  const { seqs, group } = planted(150, 3);
  const options = { distance: { method: 'OM' as const, sm: 'TRATE' as const, indel: 1 }, samples: 6, seed: 11, threads: 1 };

  it('recovers planted clusters', async () => {
    const { solutions } = await clara(seqs, 4, options);
    const s = solutions[0];
    // Each planted group lands in one cluster, and the clusters differ.
    const majority = [0, 1, 2, 3].map((g) => {
      const counts = new Map<number, number>();
      for (let i = 0; i < seqs.n; i++) if (group[i] === g) counts.set(s.labels[i], (counts.get(s.labels[i]) ?? 0) + 1);
      const [label, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
      expect(count / 150, `group ${g}`).toBeGreaterThan(0.95);
      return label;
    });
    expect(new Set(majority).size).toBe(4);
    // Medoids are rows of their own cluster; numbering by first appearance.
    s.medoids.forEach((m, c) => expect(s.labels[m]).toBe(c + 1));
    expect(s.labels[0]).toBe(1);
    expect(s.meanDistance).toBe(Math.min(...s.sampleMeanDistances));
    expect(s.medoidSilhouette).toBeGreaterThan(0.5);
  });

  it('is reproducible for a seed and handles a range of k', async () => {
    const a = await clara(seqs, [2, 3, 4], options);
    const b = await clara(seqs, [4, 2, 3], options);
    expect(a.solutions.map((s) => s.k)).toEqual([2, 3, 4]);
    for (let r = 0; r < 3; r++) expect(Array.from(b.solutions[r].labels)).toEqual(Array.from(a.solutions[r].labels));
    // More clusters fit better.
    expect(a.solutions[2].meanDistance).toBeLessThan(a.solutions[0].meanDistance);
  });

  it('rejects impossible settings', async () => {
    await expect(clara(seqs, 1, options)).rejects.toThrow(/k must be/);
    await expect(clara(seqs, 4, { ...options, sampleSize: 4 })).rejects.toThrow(/sampleSize/);
    await expect(clara(seqs, 4, { ...options, distance: { method: 'CHI2' } })).rejects.toThrow(/CHI2/);
  });
});
