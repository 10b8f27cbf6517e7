import { describe, expect, it } from 'vitest';
import { clusterCount, clusterDistanceSums, clusterSizes, nearestOtherCluster, silhouette } from '../../src/cluster/silhouette.js';
import { OptionsError } from '../../src/errors.js';
import { lineDistances } from './helpers.js';

describe('silhouette (hand-checked, WeightedCluster definitions)', () => {
  // Points 0, 1 | 4, 6 | 20 on a line; clusters of sizes 2, 2, 1.
  const m = lineDistances([0, 1, 4, 6, 20]);
  const labels = [1, 1, 2, 2, 3];

  it('widths (b - a) / max(a, b) with a over W_c - 1 and b the nearest other cluster', () => {
    const s = silhouette(m, labels);
    const expected = [
      4 / 5, // x=0: a = 1/1 = 1, b = min((4+6)/2, 20) = 5 -> (5-1)/5
      3 / 4, // x=1: a = 1, b = min((3+5)/2, 19) = 4 -> 3/4
      3 / 7, // x=4: a = 2, b = min((4+3)/2, 16) = 3.5 -> 1.5/3.5
      7 / 11, // x=6: a = 2, b = min((6+5)/2, 14) = 5.5 -> 3.5/5.5
      1, // x=20: singleton, a = 0 (W_c <= 1, as WeightedCluster; cluster::silhouette would give 0), b = 15 -> 1
    ];
    expected.forEach((v, i) => expect(s.widths[i]).toBeCloseTo(v, 14));
    expect(s.average).toBeCloseTo((4 / 5 + 3 / 4 + 3 / 7 + 7 / 11 + 1) / 5, 14);
    [(4 / 5 + 3 / 4) / 2, (3 / 7 + 7 / 11) / 2, 1].forEach((v, c) => expect(s.byCluster[c]).toBeCloseTo(v, 14));
  });

  it('widthsW use a\' = sum w_j d_ij / W_c', () => {
    const s = silhouette(m, labels);
    // a' = 1/2, 1/2, 1, 1, 0 with the b above: (5-0.5)/5, (4-0.5)/4, (3.5-1)/3.5, (5.5-1)/5.5, 1
    [9 / 10, 7 / 8, 5 / 7, 9 / 11, 1].forEach((v, i) => expect(s.widthsW[i]).toBeCloseTo(v, 14));
    expect(s.averageW).toBeCloseTo((9 / 10 + 7 / 8 + 5 / 7 + 9 / 11 + 1) / 5, 14);
    expect(s.byClusterW[1]).toBeCloseTo((5 / 7 + 9 / 11) / 2, 14);
  });

  it('is negative for a point nearer another cluster', () => {
    // Points 0, 10 in cluster 1, point 1 alone: x=0: a = 10, b = 1 -> (1-10)/10; x=10: a = 10, b = 9 -> -1/10
    const s = silhouette(lineDistances([0, 10, 1]), [1, 1, 2]);
    expect(s.widths[0]).toBeCloseTo(-0.9, 14);
    expect(s.widths[1]).toBeCloseTo(-0.1, 14);
    expect(s.widths[2]).toBe(1);
  });

  it('weights act as multiplicities', () => {
    // 0 (weight 2), 1 | 5: W_1 = 3. x=0: a = 1*1/(3-1) = 0.5, b = 5 -> 0.9; x=1: a = 2*1/2 = 1, b = 4 -> 0.75;
    // x=5: a = 0, b = (2*5 + 4)/3 -> 1. ASW = (2*0.9 + 0.75 + 1)/4 = 0.8875; cluster 1: (2*0.9 + 0.75)/3 = 0.85
    const s = silhouette(lineDistances([0, 1, 5]), [1, 1, 2], { weights: [2, 1, 1] });
    [0.9, 0.75, 1].forEach((v, i) => expect(s.widths[i]).toBeCloseTo(v, 14));
    expect(s.average).toBeCloseTo(0.8875, 14);
    expect(s.byCluster[0]).toBeCloseTo(0.85, 14);
    // x=0: a' = 1/3 -> (5 - 1/3)/5 = 14/15; x=1: a' = 2/3 -> (4 - 2/3)/4 = 5/6
    expect(s.averageW).toBeCloseTo((2 * (14 / 15) + 5 / 6 + 1) / 4, 14);
    const copies = silhouette(lineDistances([0, 0, 1, 5]), [1, 1, 1, 2]);
    expect(Array.from(copies.widths)).toEqual([s.widths[0], s.widths[0], s.widths[1], s.widths[2]].map((v) => expect.closeTo(v, 14)));
    expect(copies.average).toBeCloseTo(s.average, 14);
  });

  it('a weight-0 observation gets a width but does not count in the averages', () => {
    // 0, 1 | 5, 6 with weights 1, 1, 1, 0: W_2 = 1, so x=5 has a = 0 -> 1.
    // x=0: a = 1, b = 5/1 -> 0.8; x=1: a = 1, b = 4 -> 0.75; x=6: a = 0, b = (6+5)/2 -> 1, a' = 1/1 -> 4.5/5.5
    const s = silhouette(lineDistances([0, 1, 5, 6]), [1, 1, 2, 2], { weights: [1, 1, 1, 0] });
    [0.8, 0.75, 1, 1].forEach((v, i) => expect(s.widths[i]).toBeCloseTo(v, 14));
    expect(s.widthsW[3]).toBeCloseTo(9 / 11, 14);
    expect(s.average).toBeCloseTo((0.8 + 0.75 + 1) / 3, 14);
    expect(s.byCluster[1]).toBe(1);
  });

  it('widths lie in [-1, 1], and widthsW >= widths in clusters of weight > 1', () => {
    const xs = [3, 14, 15, 92, 65, 35, 89, 79, 32, 38];
    const l = [1, 2, 1, 2, 3, 3, 1, 2, 3, 1];
    const s = silhouette(lineDistances(xs), l);
    for (let i = 0; i < xs.length; i++) {
      expect(Math.abs(s.widths[i])).toBeLessThanOrEqual(1);
      expect(Math.abs(s.widthsW[i])).toBeLessThanOrEqual(1);
      expect(s.widthsW[i]).toBeGreaterThanOrEqual(s.widths[i]); // a' = a (W-1)/W <= a
    }
  });

  it('rejects labels that are not one whole number >= 1 per observation', () => {
    const three = lineDistances([0, 1, 2]);
    expect(() => silhouette(three, [1, 2])).toThrow('labels: 2 cluster labels for 3 observations; expected one each');
    expect(() => silhouette(three, [1, 1.5, 2])).toThrow('labels: cluster label 1.5 of observation 2 is not a whole number >= 1');
    expect(() => silhouette(three, [1, 0, 2])).toThrow(OptionsError);
    expect(() => silhouette(three, [1, 1, 2], { weights: [0, 0, 0] })).toThrow('weights: every weight is 0; expected a positive total');
  });
});

describe('silhouette helpers', () => {
  it('clusterCount is the largest label; clusterSizes add weights per cluster', () => {
    expect(clusterCount([1, 3, 3], 3)).toBe(3); // an unused label 2 still counts
    expect(Array.from(clusterSizes([1, 3, 3], 3, Float64Array.of(0.5, 2, 1)))).toEqual([0.5, 0, 3]);
  });

  it('clusterDistanceSums and nearestOtherCluster', () => {
    // Points 0, 1, 4 with labels 1, 2, 1 and weights 1, 2, 3:
    // row 0: to c1 3*4 = 12, to c2 2*1 = 2; row 1: c1 1*1 + 3*3 = 10, c2 0; row 2: c1 1*4 = 4, c2 2*3 = 6
    const w = Float64Array.of(1, 2, 3);
    const sums = clusterDistanceSums(lineDistances([0, 1, 4]), [1, 2, 1], 2, w);
    expect(Array.from(sums)).toEqual([12, 2, 10, 0, 4, 6]);
    const sizes = clusterSizes([1, 2, 1], 2, w); // [4, 2]
    expect(nearestOtherCluster(sums, sizes, 0, 0, 2)).toBe(1); // 2 / 2
    expect(nearestOtherCluster(sums, sizes, 1, 1, 2)).toBe(2.5); // 10 / 4
    // an empty cluster is skipped; with no other cluster b is Infinity
    expect(nearestOtherCluster(Float64Array.of(0, 0, 6), Float64Array.of(4, 0, 2), 0, 0, 3)).toBe(3);
    expect(nearestOtherCluster(Float64Array.of(5), Float64Array.of(3), 0, 0, 1)).toBe(Infinity);
  });
});
