import { describe, expect, it } from 'vitest';
import { hclust, cutree } from '../../src/cluster/index.js';
import { hasFixtures, readFixtureRows, readMatrix } from '../helpers/fixtures.js';
import { fromSquare, lineDistances } from './helpers.js';

describe('hclust (hand-checked)', () => {
  // Points 0, 1, 4, 10 on a line.
  const m = lineDistances([0, 1, 4, 10]);

  it('single and complete linkage', () => {
    const s = hclust(m, { method: 'single' });
    expect(Array.from(s.merge)).toEqual([-1, -2, -3, 1, -4, 2]);
    expect(Array.from(s.height)).toEqual([1, 3, 6]);
    const c = hclust(m, { method: 'complete' });
    expect(Array.from(c.merge)).toEqual([-1, -2, -3, 1, -4, 2]);
    expect(Array.from(c.height)).toEqual([1, 4, 10]);
  });

  it('average linkage', () => {
    const a = hclust(m, { method: 'average' });
    // d({0,1},4) = (4+3)/2 = 3.5; d({0,1,4},10) = (10+9+6)/3
    expect(Array.from(a.height)).toEqual([1, 3.5, 25 / 3]);
  });

  it('ward.D2 heights equal the Ward criterion on Euclidean data', () => {
    const w = hclust(m, { method: 'ward.D2' });
    // Merging clusters A, B: height = sqrt(2 |A||B| / (|A|+|B|)) * |mean A - mean B|
    expect(w.height[0]).toBeCloseTo(Math.sqrt(1) * 1, 12);
    expect(w.height[1]).toBeCloseTo(Math.sqrt((2 * 2 * 1) / 3) * 3.5, 12);
    expect(w.height[2]).toBeCloseTo(Math.sqrt((2 * 3 * 1) / 4) * (10 - 5 / 3), 12);
    expect(Array.from(w.order)).toEqual([3, 2, 0, 1]);
  });

  it('weights act as initial cluster sizes (members)', () => {
    // ward.D on 0 (weight 2), 1, 4, 10: d({0,1},4) = (3*4 + 2*3 - 1*1)/4 = 4.25,
    // d({0,1},10) = (3*10 + 2*9 - 1)/4 = 11.75, d({0,1,4},10) = (4*11.75 + 2*6 - 4.25)/5 = 10.95
    const t = hclust(lineDistances([0, 1, 4, 10]), { method: 'ward.D', weights: [2, 1, 1, 1] });
    expect(Array.from(t.height)).toEqual([1, 4.25, 10.95]);
  });

  it('breaks ties by the first pair in row order', () => {
    const t = hclust(fromSquare([[0, 1, 1], [1, 0, 1], [1, 1, 0]]), { method: 'complete' });
    expect(Array.from(t.merge)).toEqual([-1, -2, -3, 1]);
  });

  it('cutree numbers clusters by first appearance', () => {
    const tree = hclust(lineDistances([10, 0, 11, 1, 30]), { method: 'complete' });
    expect(Array.from(cutree(tree, 3))).toEqual([1, 2, 1, 2, 3]);
    expect(Array.from(cutree(tree, 1))).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(cutree(tree, 5))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe.skipIf(!hasFixtures)('hclust ward.D on the mvad OM fixture', () => {
  const rows = hasFixtures ? readMatrix('mvad_om_trate_indel1.csv') : [];
  const tree = hasFixtures ? hclust(fromSquare(rows), { method: 'ward.D' }) : undefined!;

  // The fixture distances carry 12 significant digits, so merges whose heights
  // tie to ~1e-12 in R may come out in another order here. We require the same
  // clusters at the same heights, and the same cluster at the same step wherever R's height
  // is not tied (within 1e-9) with a neighbouring step.
  it('forms the same clusters at the same heights as R (1e-9)', () => {
    const ref = readFixtureRows('mvad_om_wardD_merge.csv').slice(1);
    const refMerge = ref.flatMap((r) => [Number(r[0]), Number(r[1])]);
    const refHeight = ref.map((r) => Number(r[2]));
    const mine = clusterKeys(tree.merge);
    const theirs = new Map(clusterKeys(refMerge).map((key, s) => [key, s]));
    let maxErr = 0;
    mine.forEach((key, s) => {
      const t = theirs.get(key);
      expect(t, `cluster formed at step ${s + 1}`).toBeDefined();
      maxErr = Math.max(maxErr, Math.abs(tree.height[s] - refHeight[t!]) / Math.max(1, refHeight[t!]));
      maxErr = Math.max(maxErr, Math.abs(tree.height[s] - refHeight[s]) / Math.max(1, refHeight[s]));
      const tied = Math.abs(refHeight[s] - (refHeight[s - 1] ?? -1)) < 1e-9 || Math.abs(refHeight[s] - (refHeight[s + 1] ?? -1)) < 1e-9;
      if (!tied) expect(theirs.get(key), `step ${s + 1}`).toBe(s);
    });
    expect(maxErr).toBeLessThan(1e-9);
  });

  it('cuts k = 2..8 equal R', () => {
    const [header, ...ref] = readFixtureRows('mvad_om_wardD_cut.csv');
    for (let c = 1; c < header.length; c++) {
      const k = Number(header[c].slice(1));
      expect(Array.from(cutree(tree, k))).toEqual(ref.map((r) => Number(r[c])));
    }
  });
});

/** For each merge step, its members as a sorted key. */
function clusterKeys(merge: ArrayLike<number>): string[] {
  const members: number[][] = [];
  for (let s = 0; s < merge.length / 2; s++) {
    const side = (x: number) => (x < 0 ? [-x] : members[x - 1]);
    members.push([...side(merge[2 * s]), ...side(merge[2 * s + 1])].sort((a, b) => a - b));
  }
  return members.map((m) => m.join(','));
}
