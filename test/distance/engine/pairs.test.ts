import { describe, expect, it } from 'vitest';
import { condensedPairs } from '../../../src/distance/engine/pairs.js';
import { pairKernel } from '../../../src/distance/kernels.js';
import { prepareDistances } from '../../../src/distance/setup.js';
import type { DistanceOptions } from '../../../src/distance/types.js';
import { simulateJobcoach, subsetMonths } from '../../../src/index.js';

// 24 months of 300 synthetic persons: every person is followed at least 25 months, so lengths are equal
const seqs = subsetMonths(simulateJobcoach({ n: 300, seed: 8 }), 0, 23);

const METHODS: DistanceOptions[] = [
  { method: 'HAM' },
  { method: 'LCP' },
  { method: 'OMspell', sm: 'TRATE', indel: 1, expcost: 0.5 },
  { method: 'TWED', sm: 'CONSTANT', nu: 0.5, lambda: 0.5, indel: 1 },
  { method: 'CHI2', step: 6 },
  { method: 'OMloc', sm: 'TRATE', expcost: 0.3 },
  { method: 'OMslen', sm: 'TRATE', indel: 1, h: 0.5 },
  { method: 'NMS' },
  { method: 'NMSMST' },
  { method: 'SVRspell', tpow: 0.5 },
];

describe('condensedPairs', () => {
  it.each(METHODS.map((o) => [o.method, o] as const))('%s: worker threads give the values of the calling thread, bit for bit', async (_, options) => {
    const setup = prepareDistances(seqs, options);
    const serial = await condensedPairs(setup, setup.rows, { threads: 1 });
    const parallel = await condensedPairs(setup, setup.rows, { threads: 2 });
    expect(parallel.buffer).toBeInstanceOf(SharedArrayBuffer); // the workers did it
    expect(parallel).toEqual(serial);
    // condensed order: (0, 1), (0, 2), ..., (1, 2), ...
    const pair = pairKernel(setup, setup.rows);
    const n = setup.rows.n;
    expect(serial[0]).toBe(pair(0, 1));
    expect(serial[n - 1]).toBe(pair(1, 2));
    expect(serial.length).toBe((n * (n - 1)) / 2);
  });

  it('reports progress up to the number of pairs', async () => {
    const setup = prepareDistances(seqs, { method: 'HAM' });
    const seen: number[] = [];
    await condensedPairs(setup, setup.rows, { threads: 2, progress: (_, done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
  });
});
