// CLARA with the newer distance methods: sample-safe ones measure a sample as the full set would
// (each medoid's mean distance equals the one from the full matrix); sample-dependent ones are refused.
import { describe, expect, it } from 'vitest';
import { clara } from '../../src/cluster/index.js';
import { distanceAt, distances, OptionsError, type DistanceOptions } from '../../src/index.js';
import { createSequences, makeAlphabet } from '../../src/sequences/index.js';
import { seededRandom } from '../../src/stats/random.js';

/** Three planted trajectory types over 16 months with noise and censoring. */
function planted(n: number, seed: number) {
  const rnd = seededRandom(seed);
  const t = 16;
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % 3;
    lengths[i] = rnd() < 0.2 ? 10 + Math.floor(rnd() * 6) : t;
    for (let j = 0; j < t; j++) {
      let s = g === 0 ? 0 : g === 1 ? (j < 6 ? 1 : 2) : 3;
      if (rnd() < 0.1) s = Math.floor(rnd() * 4);
      codes[i * t + j] = s;
    }
  }
  return createSequences({ alphabet: makeAlphabet(['a', 'b', 'c', 'd']), n, t, codes, lengths });
}

describe('clara with OMstran, OMloc, OMslen, NMSMST, SVRspell and FUTURE costs', () => {
  const seqs = planted(240, 5);
  const methods: DistanceOptions[] = [
    { method: 'OMstran', sm: 'TRATE', otto: 0.4 },
    { method: 'OMloc', sm: 'TRATE', expcost: 0.3, norm: 'auto' },
    { method: 'OMslen', sm: 'TRATE', h: 0.5 },
    { method: 'NMSMST' },
    { method: 'SVRspell', tpow: 0.5 },
    { method: 'OM', sm: 'FUTURE', lag: 2 },
  ];
  it.each(methods.map((m) => [m.method, m] as const))('%s: the mean distance to the medoids is that of the full matrix', async (_, distance) => {
    const { solutions } = await clara(seqs, 3, { distance, samples: 4, seed: 3, threads: 1 });
    const { labels, medoids, meanDistance } = solutions[0];
    const full = await distances(seqs, distance);
    let sum = 0;
    let weight = 0;
    for (let i = 0; i < seqs.n; i++) {
      sum += seqs.weights[i] * distanceAt(full, i, medoids[labels[i] - 1]);
      weight += seqs.weights[i];
    }
    expect(meanDistance).toBeCloseTo(sum / weight, 10);
  });

  it('refuses OMstran with transition rates or a normalisation', async () => {
    await expect(clara(seqs, 3, { distance: { method: 'OMstran', sm: 'TRATE', otto: 0.4, transindel: 'prob' } })).rejects.toThrow(/transition rates/);
    await expect(clara(seqs, 3, { distance: { method: 'OMstran', sm: 'TRATE', otto: 0.4, norm: 'auto' } })).rejects.toThrow(OptionsError);
  });
});
