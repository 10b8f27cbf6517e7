import { describe, expect, it } from 'vitest';
import { omCondensed, omToReferences, type AlignmentProblem } from '../../../src/distance/engine/index.js';
import { wasmModule } from '../../../src/distance/engine/kernel.js';
import { workerScript } from '../../../src/distance/engine/pool.js';
import { sortSequences } from '../../../src/distance/engine/sorted.js';
import { condensedIndex } from '../../../src/distance/matrix.js';
import { plainOm, randomProblem } from './reference.js';

const hasWasm = wasmModule() !== null;
const hasWorker = workerScript() !== null;

function problem(rows: number[][], nStates: number, sm: number[], indel: number[]): AlignmentProblem {
  const t = Math.max(0, ...rows.map((r) => r.length));
  const codes = new Uint8Array(rows.length * t);
  rows.forEach((r, i) => codes.set(r, i * t));
  return { codes, t, lengths: Int32Array.from(rows.map((r) => r.length)), nStates, sm: Float64Array.from(sm), indel: Float64Array.from(indel) };
}

/** Largest |engine - plain DP| over all pairs, condensed order checked through condensedIndex. */
function condensedError(p: AlignmentProblem, values: Float64Array): number {
  const n = p.lengths.length;
  expect(values.length).toBe((n * (n - 1)) / 2);
  let max = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) max = Math.max(max, Math.abs(values[condensedIndex(n, i, j)] - plainOm(p, i, p, j)));
  }
  return max;
}

const kernels = (['js', 'wasm'] as const).filter((k) => k === 'js' || hasWasm);

describe('omCondensed', () => {
  it('gives hand-computed distances', async () => {
    // Constant substitution 2, indel 1: ab vs ba = 2 (two indels or two substitutions);
    // aab vs ab = 1 (one deletion); a vs empty = 1; ab vs empty = 2.
    const p = problem([[0, 1], [1, 0], [0, 0, 1], []], 2, [0, 2, 2, 0], [1, 1]);
    const v = await omCondensed(p, { threads: 1 });
    expect(Array.from(v)).toEqual([2, 1, 2, 3, 2, 3]);
    // Per-state indels: deleting state 1 costs 5, so a substitution (3) wins: ab vs aa = 3,
    // ab vs a = 4 (delete a, substitute b by a), aa vs a = 1.
    const q = problem([[0, 1], [0, 0], [0]], 2, [0, 3, 3, 0], [1, 5]);
    expect(Array.from(await omCondensed(q, { threads: 1 }))).toEqual([3, 4, 1]);
  });

  it('returns an empty matrix for fewer than two sequences', async () => {
    const p = problem([[0, 1]], 2, [0, 2, 2, 0], [1, 1]);
    expect((await omCondensed(p)).length).toBe(0);
  });

  for (const kernel of kernels) {
    it(`${kernel}: equals the plain DP bit for bit, equal lengths`, async () => {
      const p = randomProblem({ n: 70, t: 30, nStates: 5, seed: 1 });
      expect(condensedError(p, await omCondensed(p, { kernel, threads: 1 }))).toBe(0);
    });

    it(`${kernel}: equals the plain DP bit for bit, unequal lengths and per-state indels`, async () => {
      const p = randomProblem({ n: 60, t: 25, nStates: 4, seed: 2, minLength: 0, stateIndels: true, stay: 0.9 });
      expect(condensedError(p, await omCondensed(p, { kernel, threads: 1 }))).toBe(0);
    });

    it(`${kernel}: equals the plain DP bit for bit, long sequences over 20 states`, async () => {
      const p = randomProblem({ n: 40, t: 90, nStates: 20, seed: 9, minLength: 60, stateIndels: true, stay: 0.95 });
      expect(condensedError(p, await omCondensed(p, { kernel, threads: 1 }))).toBe(0);
    });

    it(`${kernel}: handles groups of identical sequences and their prefixes`, async () => {
      const rows = Array.from({ length: 40 }, (_, i) => (i % 13 === 0 ? [0, 1, 1, 0, 2] : [0, 1, 1, 0, 2, 2, 1].slice(0, 3 + (i % 5))));
      const p = problem(rows, 3, [0, 1.5, 2, 1.5, 0, 1, 2, 1, 0], [1, 0.5, 2]);
      expect(condensedError(p, await omCondensed(p, { kernel, threads: 1 }))).toBe(0);
    });

    it(`${kernel}: handles duplicates, prefixes of each other and a single state`, async () => {
      const p = problem([[0, 0, 0], [0, 0], [0, 0, 0], [0, 0, 0, 0], [0], [], [0, 0]], 1, [0], [0.7]);
      expect(condensedError(p, await omCondensed(p, { kernel, threads: 1 }))).toBe(0);
    });
  }

  for (const stateIndels of [false, true]) {
    it.skipIf(!hasWasm)(`WebAssembly and TypeScript kernels agree exactly on random data (${stateIndels ? 'per-state' : 'one'} indel)`, async () => {
      const p = randomProblem({ n: 150, t: 40, nStates: 6, seed: 3, minLength: 10, stateIndels, stay: 0.85 });
      const wasm = await omCondensed(p, { kernel: 'wasm', threads: 1 });
      const js = await omCondensed(p, { kernel: 'js', threads: 1 });
      expect(Buffer.from(wasm.buffer).equals(Buffer.from(js.buffer))).toBe(true);
    });
  }

  it.skipIf(!hasWorker)('gives identical results on 1 and 2 threads', async () => {
    const p = randomProblem({ n: 300, t: 36, nStates: 4, seed: 4, minLength: 20, stateIndels: true, stay: 0.9 });
    const one = await omCondensed(p, { threads: 1 });
    let calls = 0;
    const two = await omCondensed(p, { threads: 2, progress: () => calls++ });
    expect(two.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(two)).toEqual(Array.from(one));
    expect(calls).toBeGreaterThan(0);
  });

  it('rejects malformed problems', async () => {
    await expect(omCondensed(problem([[0, 2]], 2, [0, 2, 2, 0], [1, 1]))).rejects.toThrow(/code 2 is not a state/);
    await expect(omCondensed(problem([[0, 1]], 2, [0, 2, 1, 0], [1, 1]))).rejects.toThrow(/not symmetric/);
    await expect(omCondensed(problem([[0, 1]], 2, [0, 2, 2, 0], [1, -1]))).rejects.toThrow(/indel\[1\]/);
    await expect(omCondensed(problem([[0, 1]], 2, [0, 2, 2, 0], [1, 1]), { threads: 0 })).rejects.toThrow(/threads: must be a whole number >= 1/);
  });
});

describe('omToReferences', () => {
  for (const kernel of kernels) {
    it(`${kernel}: equals the plain DP for every sequence and reference, D x k row-major`, async () => {
      const p = randomProblem({ n: 53, t: 30, nStates: 5, seed: 5, minLength: 12, stateIndels: true });
      const refs = { ...randomProblem({ n: 4, t: 34, nStates: 5, seed: 6, minLength: 30 }), sm: p.sm, indel: p.indel };
      const v = await omToReferences(p, refs, { kernel, threads: 1 });
      expect(v.length).toBe(53 * 4);
      let max = 0;
      for (let i = 0; i < 53; i++) for (let m = 0; m < 4; m++) max = Math.max(max, Math.abs(v[i * 4 + m] - plainOm(p, i, refs, m)));
      expect(max).toBe(0);
    });
  }

  it.skipIf(!hasWorker)('gives identical results on 1 and 2 threads', async () => {
    const p = randomProblem({ n: 400, t: 24, nStates: 4, seed: 7 });
    const refs = { ...p, codes: p.codes.slice(0, 3 * p.t), lengths: p.lengths.slice(0, 3) };
    const one = await omToReferences(p, refs, { threads: 1 });
    const two = await omToReferences(p, refs, { threads: 2 });
    expect(Array.from(two)).toEqual(Array.from(one));
    for (let m = 0; m < 3; m++) expect(one[m * 3 + m]).toBe(0);
  });

  it('rejects references with other costs', async () => {
    const p = randomProblem({ n: 5, t: 6, nStates: 3, seed: 8 });
    const refs = { ...p, indel: Float64Array.from([1, 1, 2]) };
    await expect(omToReferences(p, refs)).rejects.toThrow(/same states, sm and indel/);
  });
});

describe('sortSequences', () => {
  it('orders lexicographically, a prefix first, with neighbour common prefixes', () => {
    const p = problem([[1, 0], [0, 1, 1], [0, 1], [0]], 2, [0, 1, 1, 0], [1, 1]);
    const s = sortSequences(p);
    expect(Array.from(s.order)).toEqual([3, 2, 1, 0]);
    expect(Array.from(s.lcp)).toEqual([0, 1, 2, 0]);
    expect(Array.from(s.lengths)).toEqual([1, 2, 3, 2]);
  });
});
