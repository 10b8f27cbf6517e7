// Properties on random data: symmetry and zero diagonal by construction, triangle inequality where it
// holds, row-order invariance, distinct/expanded/reference consistency, engine = reference, memory budget.
import { describe, expect, test } from 'vitest';
import {
  createSequences, distanceAt, distances, distancesToReferences, distinctDistances, makeAlphabet,
  ResourceError, omCondensedReference, omToReferencesReference, seededRandom, randomInt,
  type DistanceOptions, type StateSequences,
} from '../../src/index.js';
import { omCondensed, omToReferences } from '../../src/distance/engine/index.js';
import { relativeError } from './helpers.js';

/** n random sequences over `states` states with long spells; some repeated, some censored when `censor`. */
function randomSequences(seed: number, n: number, t: number, states: number, censor: boolean, gaps = false): StateSequences {
  const rnd = seededRandom(seed);
  const codes = new Uint8Array(n * t).fill(254);
  const lengths = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (i > 0 && rnd() < 0.2) {
      const j = randomInt(rnd, i);
      codes.copyWithin(i * t, j * t, j * t + t);
      lengths[i] = lengths[j];
      continue;
    }
    lengths[i] = censor ? 1 + randomInt(rnd, t) : t;
    let s = randomInt(rnd, states);
    for (let k = 0; k < lengths[i]; k++) {
      if (rnd() < 0.25) s = randomInt(rnd, states);
      codes[i * t + k] = gaps && rnd() < 0.05 ? 255 : s;
    }
  }
  return createSequences({ alphabet: makeAlphabet(Array.from({ length: states }, (_, k) => `s${k}`)), n, t, codes, lengths });
}

function permuted(seqs: StateSequences, perm: Int32Array): StateSequences {
  const { t } = seqs;
  const codes = new Uint8Array(seqs.n * t);
  perm.forEach((from, to) => codes.set(seqs.codes.subarray(from * t, from * t + t), to * t));
  return createSequences({
    alphabet: seqs.alphabet, n: seqs.n, t, codes,
    lengths: Int32Array.from(perm, (from) => seqs.lengths[from]),
    weights: Float64Array.from(perm, (from) => seqs.weights[from]),
  });
}

const censored = randomSequences(1, 40, 12, 4, true);
const gapped = randomSequences(5, 30, 10, 3, true, true);
const equal = randomSequences(2, 40, 12, 4, false);

const ALL: [string, StateSequences, DistanceOptions][] = [
  ['OM TRATE', censored, { method: 'OM', sm: 'TRATE' }],
  ['OM INDELS vector indel', censored, { method: 'OM', sm: 'INDELS', norm: 'auto' }],
  ['OM with gaps', gapped, { method: 'OM', sm: 'TRATE', withMissing: true, norm: 'gmean' }],
  ['LCS', censored, { method: 'LCS', norm: 'auto' }],
  ['LCP', censored, { method: 'LCP' }],
  ['RLCP', censored, { method: 'RLCP', norm: 'maxdist' }],
  ['OMspell', censored, { method: 'OMspell', sm: 'TRATE', expcost: 0.3, tpow: 0.5, norm: 'auto' }],
  ['TWED', censored, { method: 'TWED', sm: 'CONSTANT', nu: 0.5, lambda: 1, norm: 'YujianBo' }],
  ['CHI2', censored, { method: 'CHI2', step: 4, norm: 'auto' }],
  ['EUCLID', censored, { method: 'EUCLID', step: 3 }],
  ['HAM', equal, { method: 'HAM', sm: 'TRATE', norm: 'maxlength' }],
  ['DHD', equal, { method: 'DHD' }],
  ['OMstran', censored, { method: 'OMstran', sm: 'TRATE', otto: 0.2, transindel: 'prob', norm: 'auto' }],
  ['OMstran previous, no added column', gapped, { method: 'OMstran', sm: 'CONSTANT', otto: 0.6, previous: true, addColumn: false, withMissing: true }],
  ['OMloc', censored, { method: 'OMloc', sm: 'TRATE', expcost: 0.3, norm: 'auto' }],
  ['OMslen', censored, { method: 'OMslen', sm: 'INDELS', link: 'gmean', h: 0.7, norm: 'maxdist' }],
  ['NMS', censored, { method: 'NMS' }],
  ['NMS with prox', censored, { method: 'NMS', prox: [[1, 0.5, 0, 0], [0.5, 1, 0, 0], [0, 0, 1, 0.2], [0, 0, 0.2, 1]], kweights: [1, 0.5, 0.25] }],
  ['NMSMST', censored, { method: 'NMSMST', tpow: 0.5 }],
  ['SVRspell', gapped, { method: 'SVRspell', withMissing: true, kweights: 2 }],
  ['OM FUTURE lag 2', censored, { method: 'OM', sm: 'FUTURE', lag: 2 }],
];

describe.each(ALL)('%s', (_name, seqs, options) => {
  test('zero on identical rows, non-negative, row-order invariant', async () => {
    const m = await distances(seqs, options);
    const key = (i: number) => seqs.codes.subarray(i * seqs.t, i * seqs.t + seqs.lengths[i]).join(',');
    for (let i = 0; i < seqs.n; i++) {
      expect(distanceAt(m, i, i)).toBe(0);
      for (let j = i + 1; j < seqs.n; j++) {
        const v = distanceAt(m, i, j);
        expect(v).toBeGreaterThanOrEqual(0);
        if (key(i) === key(j)) expect(v).toBe(0);
      }
    }
    const rnd = seededRandom(9);
    const perm = Int32Array.from({ length: seqs.n }, (_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = randomInt(rnd, i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const p = await distances(permuted(seqs, perm), options);
    let max = 0;
    for (let i = 0; i < seqs.n; i++) for (let j = 0; j < seqs.n; j++) max = Math.max(max, relativeError(distanceAt(p, i, j), distanceAt(m, perm[i], perm[j])));
    expect(max).toBeLessThan(1e-12);
  });

  test('distinct matrix and distances to references match the full matrix', async () => {
    const m = await distances(seqs, options);
    const { matrix, distinct } = await distinctDistances(seqs, options);
    const refs = [0, 3, 7];
    const toRefs = await distancesToReferences(seqs, refs, options);
    for (let i = 0; i < seqs.n; i++) {
      for (let j = 0; j < seqs.n; j++) expect(distanceAt(matrix, distinct.rowToDistinct[i], distinct.rowToDistinct[j])).toBe(distanceAt(m, i, j));
      refs.forEach((r, k) => expect(toRefs[i * refs.length + k]).toBeCloseTo(distanceAt(m, i, r), 12));
    }
  });
});

describe('triangle inequality', () => {
  const cases: [string, StateSequences, DistanceOptions][] = [
    ['OM with a metric sm', censored, { method: 'OM', sm: 'CONSTANT', indel: 1 }],
    ['OM TRATE', censored, { method: 'OM', sm: 'TRATE', indel: 1 }],
    ['HAM', equal, { method: 'HAM' }],
    ['LCS', censored, { method: 'LCS' }],
  ];
  test.each(cases)('%s', async (_name, seqs, options) => {
    const m = await distances(seqs, options);
    let worst = -Infinity;
    for (let i = 0; i < seqs.n; i++) {
      for (let j = 0; j < seqs.n; j++) {
        for (let k = 0; k < seqs.n; k++) worst = Math.max(worst, distanceAt(m, i, k) - distanceAt(m, i, j) - distanceAt(m, j, k));
      }
    }
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
});

describe('OM engine equals the reference kernel', () => {
  const problem = (seed: number, d: number, t: number, nStates: number, vectorIndel: boolean) => {
    const rnd = seededRandom(seed);
    const lengths = Int32Array.from({ length: d }, () => randomInt(rnd, t + 1));
    const codes = new Uint8Array(d * t);
    for (let i = 0; i < codes.length; i++) codes[i] = rnd() < 0.6 && i % t > 0 ? codes[i - 1] : randomInt(rnd, nStates);
    const sm = new Float64Array(nStates * nStates);
    for (let a = 0; a < nStates; a++) for (let b = a + 1; b < nStates; b++) sm[a * nStates + b] = sm[b * nStates + a] = 0.5 + 1.5 * rnd();
    const indel = Float64Array.from({ length: nStates }, () => (vectorIndel ? 0.3 + 2 * rnd() : 0.7));
    return { codes, t, lengths, nStates, sm, indel };
  };
  test.each([
    [1, false],
    [2, true],
  ])('seed %i, per-state indels %s', async (seed, vectorIndel) => {
    const p = problem(seed, 70, 24, 5, vectorIndel);
    const refs = problem(seed + 10, 6, 30, 5, vectorIndel);
    refs.sm = p.sm;
    refs.indel = p.indel;
    const reference = omCondensedReference(p);
    const engine = await omCondensed(p, { threads: 1 });
    let max = 0;
    for (let k = 0; k < reference.length; k++) max = Math.max(max, relativeError(engine[k], reference[k]));
    const refReference = omToReferencesReference(p, refs);
    const refEngine = await omToReferences(p, refs, { threads: 1 });
    for (let k = 0; k < refReference.length; k++) max = Math.max(max, relativeError(refEngine[k], refReference[k]));
    expect(max).toBeLessThan(1e-13);
  });
});

describe('memory budget', () => {
  test('a matrix above the budget is refused with a pointer to CLARA', async () => {
    const err = await distances(censored, { method: 'LCP', memoryBudgetBytes: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceError);
    expect((err as Error).message).toMatch(/clara/);
    await expect(distancesToReferences(censored, [1], { method: 'LCP', memoryBudgetBytes: 100 })).rejects.toThrow(ResourceError);
    await expect(distances(censored, { method: 'LCP', memoryBudgetBytes: 10_000 })).resolves.toBeTruthy();
  });
});
