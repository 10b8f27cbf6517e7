import { describe, expect, it } from 'vitest';
import { cutree, hclust, kmedoids, pam } from '../../src/cluster/index.js';
import { seededRandom } from '../../src/stats/random.js';
import { hasFixtures, readMatrix } from '../helpers/fixtures.js';
import { fromSquare, lineDistances } from './helpers.js';

/** Points on a plane in g well-separated groups, as a condensed matrix. */
function blobs(perGroup: number, g: number, seed: number) {
  const rnd = seededRandom(seed);
  const pts: [number, number][] = [];
  for (let c = 0; c < g; c++) for (let i = 0; i < perGroup; i++) pts.push([c * 20 + rnd() * 3, (c % 2) * 15 + rnd() * 3]);
  return fromSquare(pts.map((a) => pts.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))));
}

describe('kmedoids', () => {
  it('reaches the PAM optimum on separated groups, from BUILD', () => {
    const m = blobs(15, 3, 1);
    const fast = kmedoids(m, 3);
    const full = pam(m, 3);
    expect(fast.objective.swap).toBeCloseTo(full.objective.swap, 12);
    expect(Array.from(fast.labels)).toEqual(Array.from(full.labels));
  });

  it('improves a poor start by swaps (hand-checked)', () => {
    const m = lineDistances([0, 1, 2, 10, 11, 12]);
    const r = kmedoids(m, 2, { initialMedoids: [0, 2] });
    expect(r.swaps).toBeGreaterThan(0);
    expect(Array.from(r.medoids)).toEqual([1, 4]);
    expect(r.objective.build).toBeCloseTo((0 + 1 + 0 + 8 + 9 + 10) / 6, 15);
    expect(r.objective.swap).toBeCloseTo(4 / 6, 15);
  });

  it('starts from a partition (a Ward cut)', () => {
    const m = blobs(10, 4, 2);
    const ward = cutree(hclust(m, { method: 'ward.D2' }), 4);
    const r = kmedoids(m, 4, { initialClusters: ward });
    expect(r.swaps).toBe(0); // the Ward groups' medoids are already optimal here
    expect(Array.from(r.labels)).toEqual(Array.from(ward));
  });

  it('an object as near to two medoids joins the first in medoid order (WeightedCluster), not the smaller row', () => {
    const m = lineDistances([0, 1, 2, 3, 4]); // {1, 3} is optimal; no swap improves it
    expect(Array.from(kmedoids(m, 2, { initialMedoids: [3, 1] }).labels)).toEqual([1, 1, 2, 2, 2]);
    expect(Array.from(kmedoids(m, 2, { initialMedoids: [1, 3] }).labels)).toEqual([1, 1, 1, 2, 2]);
    expect(Array.from(pam(m, 2).labels)).toEqual([1, 1, 1, 2, 2]);
  });

  it('weights equal multiplicities', () => {
    const w = kmedoids(lineDistances([0, 1, 5, 6, 7]), 2, { weights: [3, 1, 1, 1, 2] });
    const copies = pam(lineDistances([0, 0, 0, 1, 5, 6, 7, 7]), 2);
    expect(w.objective.swap).toBeCloseTo(copies.objective.swap, 15);
  });
});

describe.skipIf(!hasFixtures)('kmedoids on the mvad OM fixture', () => {
  it('reaches an objective no worse than PAM k = 4 from the Ward cut', () => {
    const m = fromSquare(readMatrix('mvad_om_trate_indel1.csv'));
    const r = kmedoids(m, 4, { initialClusters: cutree(hclust(m), 4) });
    const p = pam(m, 4);
    expect(r.objective.swap).toBeLessThanOrEqual(p.objective.swap + 1e-9);
  });
});
