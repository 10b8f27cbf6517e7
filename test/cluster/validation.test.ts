import { describe, expect, it } from 'vitest';
import { bootstrapClusterRange, createSequences, makeAlphabet, nullModelQuality, QUALITY_INDICES, type StateSequences } from '../../src/index.js';
import { nullSequences } from '../../src/cluster/validation.js';
import { seededRandom } from '../../src/stats/random.js';

/** 3 kinds of careers over 12 months, with noise: a clear cluster structure. */
function careers(n: number): StateSequences {
  const t = 12;
  const codes = new Uint8Array(n * t);
  const rnd = seededRandom(3);
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const cut = 3 + Math.floor(rnd() * 4);
    for (let j = 0; j < t; j++) codes[i * t + j] = kind === 0 ? (j < cut ? 0 : 1) : kind === 1 ? (j < cut ? 2 : 0) : j % 4 < 2 ? 1 : 2;
  }
  return createSequences({ alphabet: makeAlphabet(['a', 'b', 'c']), n, t, codes });
}

const distance = { method: 'OM' as const, sm: 'CONSTANT' as const, indel: 1 };

describe('null models (seqnull)', () => {
  const seqs = careers(30);
  const pool = { state: Int32Array.of(0, 1, 2, 1), length: Int32Array.of(2, 3, 5, 1), stateShare: Float64Array.of(0.25, 0.5, 0.25) };
  it('keep every sequence length; duration keeps each sequence\'s order of spell states', () => {
    for (const model of ['combined', 'duration', 'sequencing'] as const) {
      const s = nullSequences(seqs, model, pool, seededRandom(1));
      expect(Array.from(s.lengths)).toEqual(Array.from(seqs.lengths));
    }
    const d = nullSequences(seqs, 'duration', pool, seededRandom(1));
    const order = (x: StateSequences, i: number) => Array.from(x.codes.subarray(i * 12, i * 12 + 12)).filter((c, j, a) => j === 0 || c !== a[j - 1]);
    for (let i = 0; i < seqs.n; i++) expect(order(d, i)).toEqual(order(seqs, i));
  });
  it('combined never repeats a state in consecutive spells; sequencing uses observed spells', () => {
    const c = nullSequences(seqs, 'combined', pool, seededRandom(2));
    expect(c.codes.every((x) => x <= 2)).toBe(true);
    const q = nullSequences(seqs, 'sequencing', pool, seededRandom(2));
    expect(q.codes.every((x) => x <= 2)).toBe(true);
  });
});

describe('nullModelQuality (seqnullcqi)', () => {
  it('structured data stand out from the null model; seeded', async () => {
    const seqs = careers(45);
    const run = () => nullModelQuality(seqs, { distance, replicates: 8, kmax: 4, seed: 5, threads: 1 });
    const a = await run();
    expect(a.ks).toEqual([2, 3, 4]);
    expect(a.null.ASW.length).toBe(8 * 3);
    // three kinds of careers: ASW at k = 3 far above the null
    expect(a.standardized.ASW[1]).toBeGreaterThan(a.maxT.ASW[1]);
    const b = await run();
    for (const i of QUALITY_INDICES) expect(Array.from(b.null[i])).toEqual(Array.from(a.null[i]));
  });
});

describe('bootstrapClusterRange (bootclustrange)', () => {
  it('mean and sd per k over stratified subsamples; seeded', async () => {
    const seqs = careers(60);
    const labels = Int32Array.from({ length: 60 }, (_, i) => (i % 3) + 1);
    const two = Int32Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 2));
    const run = () => bootstrapClusterRange(seqs, [two, labels], { distance, replicates: 6, sampleSize: 30, seed: 2, threads: 1 });
    const b = await run();
    expect(b.ks).toEqual([2, 3]);
    expect(b.mean.ASW[1]).toBeGreaterThan(b.mean.ASW[0]);
    expect(b.sd.ASW[1]).toBeGreaterThanOrEqual(0);
    expect(Array.from((await run()).values.ASW)).toEqual(Array.from(b.values.ASW));
  });
});
