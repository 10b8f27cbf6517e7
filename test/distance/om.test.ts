// Optimal matching (src/distance/om.ts) on tiny alignments worked out by hand.
import { describe, expect, it } from 'vitest';
import type { AlignmentProblem } from '../../src/distance/engine/index.js';
import {
  alignmentNormalizer, alignmentProblem, maxSubstitution, maxSubstitutionOf, omCondensedReference, omNormalizer,
  omPairRaw, omToReferencesReference,
} from '../../src/distance/om.js';
import { prepareDistances } from '../../src/distance/setup.js';
import { letters } from './helpers.js';

/** Rows of letters a, b, c; one substitution cost for every pair of states (or a 3 x 3 matrix); indel per state. */
function problem(rows: string[], sm: number | number[][], indel: number | number[] = 1): AlignmentProblem {
  const t = Math.max(1, ...rows.map((r) => r.length));
  const codes = new Uint8Array(rows.length * t);
  rows.forEach((r, i) => [...r].forEach((ch, j) => (codes[i * t + j] = 'abc'.indexOf(ch))));
  const m = typeof sm === 'number' ? [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 0 : sm))) : sm;
  const ind = typeof indel === 'number' ? [indel, indel, indel] : indel;
  return { codes, t, lengths: Int32Array.from(rows, (r) => r.length), nStates: 3, sm: Float64Array.from(m.flat()), indel: Float64Array.from(ind) };
}

function om(x: string, y: string, sm: number | number[][], indel: number | number[] = 1): number {
  const p = problem([x, y], sm, indel);
  return omPairRaw(p, 0, p, 1, new Float64Array(p.t + 1));
}

describe('omPairRaw', () => {
  it('aab vs abb: one substitution or two indels', () => {
    expect(om('aab', 'abb', 2)).toBe(2); // sub a->b = 2; delete a + insert b = 1 + 1 = 2
    expect(om('aab', 'abb', 1.5)).toBe(1.5); // sub 1.5 < 2 indels
    expect(om('aab', 'abb', 3)).toBe(2); // sub 3 > 2 indels
  });

  it('a shift costs two indels, not a substitution per month', () => {
    expect(om('abab', 'baba', 2)).toBe(2); // delete the leading a, append an a; 4 subs would cost 8
    expect(om('', 'abc', 2)).toBe(3); // three insertions
    expect(om('ab', 'abba', 2)).toBe(2); // common prefix ab, then insert b, a
  });

  it('per-state indels: the common suffix is not skipped', () => {
    // ab vs b, indel(a) = 3, indel(b) = 1, sm 1.5: delete a = 3, or sub a->b (1.5) + delete b (1) = 2.5
    expect(om('ab', 'b', 1.5, [3, 1, 1])).toBe(2.5);
    expect(om('ab', 'b', 1.5, 1)).toBe(1); // uniform: delete a
  });

  it('reads a row of another problem with another stride', () => {
    const p = problem(['ab'], 2);
    const q = problem(['c', 'abab'], 2);
    const work = new Float64Array(q.t + 1);
    expect(omPairRaw(p, 0, q, 1, work)).toBe(2); // insert a, b
    expect(omPairRaw(p, 0, q, 0, work)).toBe(3); // ab vs c: sub (2) + delete (1)
  });

  it('metric costs: d(x, x) = 0, symmetric, triangle inequality', () => {
    const sm = [[0, 1, 1.5], [1, 0, 1], [1.5, 1, 0]]; // metric, every cost <= 2 indel
    const rows = ['', 'a', 'abc', 'cba', 'aabb', 'bbbc', 'caab'];
    for (const x of rows) {
      expect(om(x, x, sm)).toBe(0);
      for (const y of rows) {
        expect(om(x, y, sm)).toBe(om(y, x, sm));
        for (const z of rows) expect(om(x, z, sm)).toBeLessThanOrEqual(om(x, y, sm) + om(y, z, sm) + 1e-12);
      }
    }
  });
});

describe('reference kernels', () => {
  it('omCondensedReference: pairs (0,1), (0,2), (1,2) and progress per row', () => {
    const calls: number[][] = [];
    const out = omCondensedReference(problem(['aab', 'abb', 'ccc'], 1.5), { progress: (task, done, total) => calls.push([done, total]) });
    expect(Array.from(out)).toEqual([1.5, 4.5, 4.5]); // one sub; three subs of 1.5 (< 6 indels)
    expect(calls).toEqual([[2, 3], [3, 3], [3, 3]]);
  });

  it('omToReferencesReference: D x k row-major', () => {
    const calls: number[][] = [];
    const out = omToReferencesReference(problem(['ab', 'ba'], 1.5), problem(['abab', 'b'], 1.5), { progress: (task, done, total) => calls.push([done, total]) });
    // ab->abab: 2 inserts; ab->b: 1 delete; ba->abab: ba is a subsequence, 2 inserts; ba->b: 1 delete
    expect(Array.from(out)).toEqual([2, 1, 2, 1]);
    expect(calls).toEqual([[2, 4], [4, 4]]);
  });
});

describe('alignmentProblem', () => {
  it('takes the first nStates x nStates costs and zeroes their diagonal, leaving the setup alone', () => {
    const setup = prepareDistances(letters(['AB', 'BA'], 'AB'), { method: 'OM', sm: [[0, 2], [2, 0]], indel: 1 });
    const sm = Float64Array.of(5, 2, 2, 5, 9, 9, 9, 9);
    const p = alignmentProblem({ ...setup, sm }, setup.rows);
    expect(Array.from(p.sm)).toEqual([0, 2, 2, 0]);
    expect(Array.from(sm)).toEqual([5, 2, 2, 5, 9, 9, 9, 9]);
    expect(p.nStates).toBe(2);
    expect(Array.from(p.indel)).toEqual([1, 1]);
    expect(p.codes).toBe(setup.rows.codes);
  });
});

describe('normalisation', () => {
  it('maxSubstitutionOf: largest upper-triangle cost, at most 2 indel; 2 indel for YujianBo', () => {
    expect(maxSubstitutionOf(Float64Array.of(0, 3, 3, 0), 2, 1, 'maxdist')).toBe(2); // min(3, 2)
    expect(maxSubstitutionOf(Float64Array.of(0, 1.5, 1.5, 0), 2, 1, 'maxdist')).toBe(1.5);
    expect(maxSubstitutionOf(Float64Array.of(0, 1, 5, 0), 2, 4, 'none')).toBe(1); // the lower 5 is not read
    expect(maxSubstitutionOf(Float64Array.of(0, 1, 1, 0), 2, 1.5, 'YujianBo')).toBe(3);
  });

  it('alignmentNormalizer: M = |la - lb| indel + min(la, lb) maxSub, lengths in indel units', () => {
    expect(alignmentNormalizer('maxdist', 2, 1)(3, 4, 4)).toBe(3 / 8); // M = 0 + 4 x 2
    expect(alignmentNormalizer('maxdist', 2, 1)(3, 2, 4)).toBe(3 / 6); // M = 2 x 1 + 2 x 2
    expect(alignmentNormalizer('maxlength', 2, 2)(3, 4, 6)).toBe(0.25); // 3 / max(8, 12)
    expect(alignmentNormalizer('gmean', 2, 1)(2, 4, 4)).toBe(0.25); // 1 - (8 - 2) / (2 sqrt(4 x 4))
    expect(alignmentNormalizer('YujianBo', 2, 1)(2, 4, 4)).toBe(0.4); // 2 x 2 / (2 + 8)
    expect(alignmentNormalizer('maxdist', 2, 1)(0, 3, 5)).toBe(0);
  });

  it('omNormalizer and maxSubstitution read the setup', () => {
    const seqs = letters(['AB', 'BA'], 'AB');
    const sm = [[0, 3], [3, 0]];
    const maxdist = prepareDistances(seqs, { method: 'OM', sm, indel: 2, norm: 'maxdist' });
    expect(maxSubstitution(maxdist)).toBe(3); // min(3, 2 x 2)
    expect(omNormalizer(maxdist)(3, 2, 2)).toBe(0.5); // M = 2 x 3
    const yb = prepareDistances(seqs, { method: 'OM', sm, indel: 2, norm: 'YujianBo' });
    expect(maxSubstitution(yb)).toBe(4);
    expect(omNormalizer(yb)(4, 2, 2)).toBe(2 / 3); // M = 2 x 4 = 8; 2 x 4 / (4 + 8)
  });
});
