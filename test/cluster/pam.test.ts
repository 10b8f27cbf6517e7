import { describe, expect, it } from 'vitest';
import { pam, assignToMedoids, clusterMedoids } from '../../src/cluster/index.js';
import { hasFixtures, readFixtureRows, readMatrix } from '../helpers/fixtures.js';
import { fromSquare, lineDistances } from './helpers.js';

describe('pam (hand-checked)', () => {
  // Two groups on a line: {0, 1, 2} and {10, 11, 13}.
  const m = lineDistances([0, 10, 1, 11, 2, 13]);

  it('finds the two groups with their medians as medoids', () => {
    const r = pam(m, 2);
    expect(Array.from(r.labels)).toEqual([1, 2, 1, 2, 1, 2]);
    expect(Array.from(r.medoids)).toEqual([2, 3]); // 1 and 11
    // total distance: (1 + 0 + 1) + (1 + 0 + 2) = 5 over 6 objects
    expect(r.objective.swap).toBeCloseTo(5 / 6, 15);
  });

  it('BUILD with k = 1 takes the object with the least total distance, the last on ties', () => {
    // Sums: 0 -> 37, 10 -> 31, 1 -> 33, 11 -> 33, 2 -> 31, 13 -> 41: rows 1 and 4 tie.
    const r = pam(m, 1);
    expect(r.swaps).toBe(0);
    expect(Array.from(r.medoids)).toEqual([4]);
  });

  it('silhouette widths follow cluster::pam', () => {
    const r = pam(m, 2);
    // object 0: a = (1 + 2)/2 = 1.5, b = (10 + 11 + 13)/3; s = 1 - a/b
    expect(r.silhouette[0]).toBeCloseTo(1 - 1.5 / (34 / 3), 15);
  });

  it('weights act as multiplicities', () => {
    const w = pam(lineDistances([0, 1, 5, 6, 7]), 2, { weights: [3, 1, 1, 1, 2] });
    const copies = pam(lineDistances([0, 0, 0, 1, 5, 6, 7, 7]), 2);
    expect(w.objective.swap).toBeCloseTo(copies.objective.swap, 15);
    expect(w.averageSilhouette).toBeCloseTo(copies.averageSilhouette, 15);
  });

  it('starts from given medoids', () => {
    const r = pam(m, 2, { initialMedoids: [0, 5], swap: false });
    expect(Array.from(r.medoids)).toEqual([0, 5]);
    expect(r.objective.build).toBeCloseTo((0 + 3 + 1 + 2 + 2 + 0) / 6, 15);
  });

  it('assignToMedoids and clusterMedoids', () => {
    const a = assignToMedoids(m, [3, 0]);
    expect(Array.from(a.labels)).toEqual([1, 2, 1, 2, 1, 2]);
    expect(Array.from(a.medoids)).toEqual([0, 3]);
    expect(Array.from(clusterMedoids(m, a.labels))).toEqual([2, 3]);
    // ties: object equally far from two medoids joins the lower row
    expect(Array.from(assignToMedoids(fromSquare([[0, 2, 1], [2, 0, 1], [1, 1, 0]]), [1, 0]).labels)).toEqual([1, 2, 1]);
  });
});

describe.skipIf(!hasFixtures)('pam k = 4 on the mvad OM fixture', () => {
  it('labels, medoids and silhouette equal cluster::pam', () => {
    const r = pam(fromSquare(readMatrix('mvad_om_trate_indel1.csv')), 4);
    const labels = readFixtureRows('mvad_om_pam4.csv').slice(1).map((row) => Number(row[1]));
    const medoids = readFixtureRows('mvad_om_pam4_medoids.csv').slice(1).map((row) => Number(row[0]) - 1);
    expect(Array.from(r.labels)).toEqual(labels);
    expect(Array.from(r.medoids)).toEqual(medoids);
    expect(Math.abs(r.averageSilhouette - 0.3806891)).toBeLessThan(5e-8);
  });
});
