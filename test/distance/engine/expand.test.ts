import { describe, expect, it } from 'vitest';
import { expandInParallel } from '../../../src/distance/engine/expand.js';
import { condensedIndex, distanceAt, expandDistinct, type DistanceMatrix } from '../../../src/distance/matrix.js';
import { seededRandom } from '../../../src/stats/random.js';

/** A matrix over d distinct items (distance = a made-up value of the pair) in plain or shared memory. */
function distinctMatrix(d: number, shared: boolean): DistanceMatrix {
  const bytes = ((d * (d - 1)) / 2) * 8;
  const values = new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) values[condensedIndex(d, a, b)] = a * 1000 + b + 0.25;
  return { n: d, values };
}

/** Each row's distinct item: every item at least once, the rest at random. */
function mapping(n: number, d: number, seed: number): Int32Array {
  const rnd = seededRandom(seed);
  return Int32Array.from({ length: n }, (_, i) => (i < d ? d - 1 - i : Math.floor(rnd() * d)));
}

function expectExpansion(full: DistanceMatrix, m: DistanceMatrix, rows: Int32Array): void {
  expect(full.n).toBe(rows.length);
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const want = distanceAt(m, rows[i], rows[j]);
      if (full.values[condensedIndex(full.n, i, j)] !== want) throw new Error(`(${i}, ${j}): ${full.values[condensedIndex(full.n, i, j)]} vs ${want}`);
    }
  }
}

describe('expandDistinct', () => {
  it('gives every row pair the distance of its distinct pair (hand case)', () => {
    // distinct 0-1: 3, 0-2: 5, 1-2: 4; rows map to 1, 0, 1, 2
    const m = { n: 3, values: Float64Array.of(3, 5, 4) };
    expect(Array.from(expandDistinct(m, Int32Array.of(1, 0, 1, 2)).values)).toEqual([3, 0, 4, 3, 5, 4]);
  });

  it('is exact over several blocks of distinct sequences, with repeated and single rows', () => {
    const m = distinctMatrix(700, false); // blocks of 256: three blocks, the last one partial
    const rows = mapping(1500, 700, 3);
    expectExpansion(expandDistinct(m, rows), m, rows);
  });
});

describe('expandInParallel', () => {
  it('equals expandDistinct on worker threads', async () => {
    const m = distinctMatrix(700, true);
    const rows = mapping(1500, 700, 4);
    const parallel = await expandInParallel(m, rows, { threads: 2, minPairs: 0 });
    expect(parallel.values.buffer).toBeInstanceOf(SharedArrayBuffer); // the workers did it
    expect(parallel.values).toEqual(expandDistinct(m, rows).values);
  });

  it('stays in the calling thread for small results and plain memory; a shared source gives a shared result', async () => {
    const rows = mapping(50, 20, 5);
    const small = await expandInParallel(distinctMatrix(20, true), rows, { threads: 2 });
    expect(small.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(small.values).toEqual(expandDistinct(distinctMatrix(20, true), rows).values);
    expect((await expandInParallel(distinctMatrix(20, false), rows, { threads: 2, minPairs: 0 })).values.buffer).toBeInstanceOf(ArrayBuffer);
  });
});
