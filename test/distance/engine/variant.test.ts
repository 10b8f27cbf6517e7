// The engine's variant kernel (assembly/omvar.ts: OMloc, OMslen) gives the values of the
// TypeScript pair kernels bit for bit: condensed and to references, 1 and 2 threads,
// censored sequences (lanes of unequal length, rows shared with the previous sorted sequence).
import { describe, expect, it } from 'vitest';
import { engineProblems } from '../../../src/distance/engine-methods.js';
import { omCondensed, omToReferences, wasmModule } from '../../../src/distance/engine/index.js';
import { pairKernel } from '../../../src/distance/kernels.js';
import { prepareDistances } from '../../../src/distance/setup.js';
import { concatRows } from '../../../src/distance/encode.js';
import { createSequences, makeAlphabet, randomInt, seededRandom, type DistanceOptions, type StateSequences } from '../../../src/index.js';

/** n sequences with spells, lengths 1..t. */
function spells(seed: number, n: number, t: number, states: number): StateSequences {
  const rnd = seededRandom(seed);
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    lengths[i] = 1 + randomInt(rnd, t);
    let s = randomInt(rnd, states);
    for (let k = 0; k < t; k++) {
      if (rnd() < 0.2) s = randomInt(rnd, states);
      codes[i * t + k] = s;
    }
  }
  return createSequences({ alphabet: makeAlphabet(Array.from({ length: states }, (_, k) => `s${k}`)), n, t, codes, lengths });
}

const OPTIONS: DistanceOptions[] = [
  { method: 'OMloc', sm: 'TRATE', expcost: 0.3 },
  { method: 'OMloc', sm: 'CONSTANT', expcost: 0.1, context: 2, norm: 'auto' },
  { method: 'OMslen', sm: 'TRATE', indel: 1, h: 0.5 },
  { method: 'OMslen', sm: 'INDELS', link: 'gmean', h: 1.3, norm: 'maxdist' },
];

describe.skipIf(wasmModule() === null)('OMloc and OMslen on the engine', () => {
  const seqs = spells(3, 130, 20, 4);
  const refSeqs = spells(4, 5, 24, 4);
  it.each(OPTIONS.map((o) => [`${o.method} ${o.link ?? ''} ${o.norm ?? ''}`, o] as const))('%s: the pair kernel, bit for bit', async (_, options) => {
    const setup = prepareDistances(seqs, options);
    const { rows } = setup;
    const refRows = prepareDistances(refSeqs, options).rows;
    const { problems, normalize } = engineProblems(setup, [rows, refRows])!;
    const pair = pairKernel(setup, concatRows(rows, refRows));
    for (const threads of [1, 2]) {
      const all = await omCondensed(problems[0], { threads });
      let k = 0;
      let differ = 0;
      for (let a = 0; a < rows.n; a++) {
        for (let b = a + 1; b < rows.n; b++, k++) if (normalize(all[k], rows.lengths[a], rows.lengths[b]) !== pair(a, b)) differ++;
      }
      const toRefs = await omToReferences(problems[0], problems[1], { threads });
      for (let a = 0; a < rows.n; a++) {
        for (let r = 0; r < refRows.n; r++) if (normalize(toRefs[a * refRows.n + r], rows.lengths[a], refRows.lengths[r]) !== pair(a, rows.n + r)) differ++;
      }
      expect(differ).toBe(0);
    }
  });

  it('has no TypeScript engine kernel: kernel js is refused', async () => {
    const setup = prepareDistances(seqs, OPTIONS[0]);
    const { problems } = engineProblems(setup, [setup.rows])!;
    await expect(omCondensed(problems[0], { kernel: 'js' })).rejects.toThrow(/pair kernels/);
  });
});
