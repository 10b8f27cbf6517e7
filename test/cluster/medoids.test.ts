import { describe, expect, it } from 'vitest';
import { assignToMedoids, clusterMedoids, nearestTwo } from '../../src/cluster/medoids.js';
import { lineDistances } from './helpers.js';

describe('assignToMedoids', () => {
  it('assigns each observation to its nearest medoid, numbering clusters by first appearance', () => {
    // Points 10, 0, 1, 9; medoids rows 1 (x=0) and 3 (x=9). x=10 -> 9 (d 1 < 10), x=1 -> 0 (d 1 < 8).
    const r = assignToMedoids(lineDistances([10, 0, 1, 9]), [1, 3]);
    expect(Array.from(r.labels)).toEqual([1, 2, 2, 1]);
    expect(Array.from(r.medoids)).toEqual([3, 1]); // medoid of cluster 1 is row 3
  });

  it('sends ties to the medoid of smaller row index, given in any order', () => {
    // Points 0..4, medoids 4 and 0: x=2 is at distance 2 from both -> row 0.
    const r = assignToMedoids(lineDistances([0, 1, 2, 3, 4]), [4, 0]);
    expect(Array.from(r.labels)).toEqual([1, 1, 1, 2, 2]);
    expect(Array.from(r.medoids)).toEqual([0, 4]);
  });

  it('keeps a medoid in its own cluster even when tied with a smaller row', () => {
    // Rows 0 and 1 both at x=0: row 1 is at distance 0 from medoid 0, yet belongs to itself.
    const r = assignToMedoids(lineDistances([0, 0, 5]), [0, 1]);
    expect(Array.from(r.labels)).toEqual([1, 2, 1]); // x=5 ties (5, 5) -> row 0
    expect(Array.from(r.medoids)).toEqual([0, 1]);
  });

  it('rejects medoids that are not rows 0..n-1, or given twice', () => {
    const m = lineDistances([0, 1, 2]);
    expect(() => assignToMedoids(m, [0, 3])).toThrow('medoids: medoid row 3 is not a row 0..2');
    expect(() => assignToMedoids(m, [-1, 1])).toThrow('medoids: medoid row -1 is not a row 0..2');
    // checked before the conversion to integers, which would take NaN as row 0 and 1.5 as row 1
    expect(() => assignToMedoids(m, [NaN, 2])).toThrow('medoids: medoid row NaN is not a row 0..2');
    expect(() => assignToMedoids(m, [1.5, 2])).toThrow('medoids: medoid row 1.5 is not a row 0..2');
    expect(() => assignToMedoids(m, [2, 0, 2])).toThrow('medoids: medoid row 2 is given twice');
  });
});

describe('nearestTwo', () => {
  it('finds the nearest medoid (first on ties) and the two smallest distances', () => {
    const rows = [Float64Array.of(0, 2, 5), Float64Array.of(3, 2, 1)];
    const near = new Int32Array(3);
    const d = new Float64Array(3);
    const e = new Float64Array(3);
    nearestTwo(rows, Infinity, near, d, e);
    expect(Array.from(near)).toEqual([0, 0, 1]); // object 1: 2 = 2 -> first
    expect(Array.from(d)).toEqual([0, 2, 1]);
    expect(Array.from(e)).toEqual([3, 2, 5]);
  });

  it('reports `above` as the second distance when there is one medoid', () => {
    const near = new Int32Array(2);
    const d = new Float64Array(2);
    const e = new Float64Array(2);
    nearestTwo([Float64Array.of(4, 1)], 99, near, d, e);
    expect(Array.from(d)).toEqual([4, 1]);
    expect(Array.from(e)).toEqual([99, 99]);
  });
});

describe('clusterMedoids', () => {
  // Points 0, 1, 3 | 10, 11, 15
  const m = lineDistances([0, 1, 3, 10, 11, 15]);
  const labels = [1, 1, 1, 2, 2, 2];

  it('picks the member with the smallest sum of distances to its cluster', () => {
    // cluster 1: 0 -> 1+3 = 4, 1 -> 1+2 = 3, 3 -> 3+2 = 5; cluster 2: 10 -> 6, 11 -> 1+4 = 5, 15 -> 9
    expect(Array.from(clusterMedoids(m, labels))).toEqual([1, 4]);
  });

  it('weights the distances', () => {
    // weights 5, 1, 1 in cluster 1: 0 -> 1*1 + 1*3 = 4, 1 -> 5*1 + 1*2 = 7, 3 -> 5*3 + 1*2 = 17
    expect(Array.from(clusterMedoids(m, labels, [5, 1, 1, 1, 1, 1]))).toEqual([0, 4]);
  });

  it('takes the first row on ties and orders medoids by cluster number', () => {
    // Points 0, 5, 6, 1 with labels 2, 1, 1, 2: both clusters are pairs (cost d each) -> rows 1 and 0.
    expect(Array.from(clusterMedoids(lineDistances([0, 5, 6, 1]), [2, 1, 1, 2]))).toEqual([1, 0]);
  });

  it('rejects a wrong number of labels, labels that are not 1..k, negative weights and empty clusters', () => {
    expect(() => clusterMedoids(m, [1, 2])).toThrow('labels: 2 cluster labels for 6 observations; expected one each');
    expect(() => clusterMedoids(m, [0, 1, 1, 1, 1, 1])).toThrow('labels: cluster label 0 of observation 1 is not a whole number >= 1');
    expect(() => clusterMedoids(m, [1, 1.5, 1, 1, 1, 1])).toThrow('labels: cluster label 1.5 of observation 2 is not a whole number >= 1');
    expect(() => clusterMedoids(m, [1, 1, 1, 1, 1, 1], [-5, 1, 1, 1, 1, 1])).toThrow('weights:');
    expect(() => clusterMedoids(m, [1, 1, 3, 3, 3, 3])).toThrow('labels: cluster 2 is empty; expected labels 1..k with every cluster used');
  });
});
