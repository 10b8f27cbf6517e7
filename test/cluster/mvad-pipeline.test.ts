// End to end on mvad: OM distances from src/distance at full precision, then
// Ward, cuts, quality and PAM against R. (The fixture matrix itself carries 12
// significant digits; with full-precision distances even R's near-tie merge
// order and the tie-sensitive HG/HGSD come out equal.)
import { beforeAll, describe, expect, it } from 'vitest';
import { clara, clusterRange, cutree, hclust, pam, QUALITY_INDICES, type HClustTree } from '../../src/cluster/index.js';
import { distanceAt, distances, type DistanceMatrix } from '../../src/distance/index.js';
import { hasFixtures, loadMvad, readFixtureRows } from '../helpers/fixtures.js';

describe.skipIf(!hasFixtures)('mvad: OM/TRATE distances -> Ward, quality, PAM equal R', () => {
  let matrix: DistanceMatrix;
  let tree: HClustTree;
  beforeAll(async () => {
    matrix = await distances(loadMvad(), { method: 'OM', sm: 'TRATE', indel: 1, threads: 1 });
    tree = hclust(matrix, { method: 'ward.D' });
  });

  it('Ward merge matrix equal, heights within 1e-9', () => {
    const ref = readFixtureRows('mvad_om_wardD_merge.csv').slice(1);
    expect(Array.from(tree.merge)).toEqual(ref.flatMap((r) => [Number(r[0]), Number(r[1])]));
    const err = Math.max(...ref.map((r, s) => Math.abs(tree.height[s] - Number(r[2]))));
    expect(err).toBeLessThan(1e-9);
  });

  it('cuts k = 2..8 equal', () => {
    const [header, ...ref] = readFixtureRows('mvad_om_wardD_cut.csv');
    header.slice(1).forEach((h, c) => expect(Array.from(cutree(tree, Number(h.slice(1))))).toEqual(ref.map((r) => Number(r[c + 1]))));
  });

  it('quality table equal to 1e-9 (relative), all ten indices', () => {
    const range = clusterRange(matrix, tree, { kmin: 2, kmax: 8 });
    const [header, ...rows] = readFixtureRows('mvad_om_wardD_quality.csv');
    rows.forEach((row, r) =>
      header.slice(1).forEach((name, c) => {
        const ref = Number(row[c + 1]);
        const got = range.quality[r][name as (typeof QUALITY_INDICES)[number]];
        expect(Math.abs(got - ref) / Math.max(1, Math.abs(ref)), `${name} k=${r + 2}`).toBeLessThan(1e-9);
      }),
    );
  });

  it('PAM k = 4 equal (labels, medoids, silhouette 0.3806891)', () => {
    const r = pam(matrix, 4);
    expect(Array.from(r.labels)).toEqual(readFixtureRows('mvad_om_pam4.csv').slice(1).map((x) => Number(x[1])));
    expect(Array.from(r.medoids)).toEqual(readFixtureRows('mvad_om_pam4_medoids.csv').slice(1).map((x) => Number(x[0]) - 1));
    expect(Math.abs(r.averageSilhouette - 0.3806891)).toBeLessThan(5e-8);
  });

  it('CLARA (20 samples of 48) comes within 5% of the PAM criterion without the full matrix', async () => {
    const p = pam(matrix, 4);
    const { solutions } = await clara(loadMvad(), 4, { distance: { method: 'OM', sm: 'TRATE', indel: 1 }, samples: 20, seed: 1, threads: 1 });
    expect(solutions[0].meanDistance).toBeLessThan(1.05 * p.objective.swap);
    // The criterion is the mean distance to the nearest medoid, recomputed here from the full matrix.
    const med = solutions[0].medoids;
    let sum = 0;
    for (let i = 0; i < matrix.n; i++) sum += Math.min(...Array.from(med, (m) => distanceAt(matrix, i, m)));
    expect(solutions[0].meanDistance).toBeCloseTo(sum / matrix.n, 9);
  });
});
