// Every method and normalisation on small cases computed by hand from the definitions.
import { describe, expect, test } from 'vitest';
import { distanceAt, distances, OptionsError, type DistanceOptions } from '../../src/index.js';
import { letters } from './helpers.js';

/** d(row 0, row 1) of two sequences given as letter strings. */
async function d2(x: string, y: string, alphabet: string, options: DistanceOptions): Promise<number> {
  return distanceAt(await distances(letters([x, y], alphabet), options), 0, 1);
}

const close = (v: number, expected: number) => expect(v).toBeCloseTo(expected, 12);

describe('OM', () => {
  const om = (norm: DistanceOptions['norm'], indel = 1): DistanceOptions => ({ method: 'OM', sm: 'CONSTANT', indel, norm });

  test('substitution versus indel', async () => {
    // AB -> BA: delete A, insert A (2) beats two substitutions (4)
    expect(await d2('AB', 'BA', 'AB', om('none'))).toBe(2);
    // AB -> BB: one substitution (2) beats delete + insert (3) with indel 1.5
    expect(await d2('AB', 'BB', 'AB', om('none', 1.5))).toBe(2);
  });

  test('normalisations of d(AAB, AB) = 1 (indel 1, sm 2)', async () => {
    // maxlength: 1 / (3 * indel); M = |3 - 2| + 2 * min = 5
    close(await d2('AAB', 'AB', 'AB', om('maxlength')), 1 / 3);
    close(await d2('AAB', 'AB', 'AB', om('auto')), 1 / 3);
    close(await d2('AAB', 'AB', 'AB', om('gmean')), 1 - 4 / (2 * Math.sqrt(6)));
    close(await d2('AAB', 'AB', 'AB', om('maxdist')), 1 / 5);
    // YujianBo: maxsub = 2 indel, M = 1 + 2 * 2 = 5 -> 2 / 6
    close(await d2('AAB', 'AB', 'AB', om('YujianBo')), 1 / 3);
  });

  test('lengths count in indel units (indel 2: d = 2, maxlength 2 / 6)', async () => {
    expect(await d2('AAB', 'AB', 'AB', om('none', 2))).toBe(2);
    close(await d2('AAB', 'AB', 'AB', om('maxlength', 2)), 1 / 3);
  });

  test('per-state indels, where skipping the common prefix would be wrong', async () => {
    // AB vs A with indel(A) = 1, indel(B) = 10: delete A and substitute B by A = 1 + 2 = 3
    expect(await d2('AB', 'A', 'AB', { method: 'OM', sm: 'CONSTANT', indel: [1, 10] })).toBe(3);
  });

  test('user matrix and auto indel max(sm)/2; TRATE indel from the costs', async () => {
    // sm(A,B) = 4 -> indel 2: AB vs BA = delete + insert = 4, substitutions = 8
    expect(await d2('AB', 'BA', 'AB', { method: 'OM', sm: [[0, 4], [4, 0]] })).toBe(4);
    // AAB, BBA: TRATE sm(A,B) = 1, indel 0.5 -> AAB vs BBA: substitute 3 times = 3 or indels
    expect(await d2('AAB', 'BBA', 'AB', { method: 'OM', sm: 'TRATE' })).toBe(2);
  });

  test('censored sequences', async () => {
    expect(await d2('ABAB', 'AB', 'AB', { method: 'OM', sm: 'CONSTANT', indel: 1 })).toBe(2);
  });
});

describe('LCS', () => {
  test('|x| + |y| - 2 LCS and gmean = 1 - LCS / sqrt(|x||y|)', async () => {
    expect(await d2('ABC', 'ACB', 'ABC', { method: 'LCS' })).toBe(2);
    close(await d2('ABC', 'ACB', 'ABC', { method: 'LCS', norm: 'auto' }), 1 / 3);
    expect(await d2('AAB', 'AB', 'AB', { method: 'LCS' })).toBe(1);
    close(await d2('AAB', 'AB', 'AB', { method: 'LCS', norm: 'gmean' }), 1 - 2 / Math.sqrt(6));
    close(await d2('AAB', 'AB', 'AB', { method: 'LCS', norm: 'maxlength' }), 1 / 3);
  });
});

describe('HAM and DHD', () => {
  test('HAM counts mismatches; normalisations by length and by the maximum', async () => {
    expect(await d2('ABAB', 'AABB', 'AB', { method: 'HAM' })).toBe(2);
    close(await d2('ABAB', 'AABB', 'AB', { method: 'HAM', norm: 'auto' }), 0.5);
    close(await d2('ABAB', 'AABB', 'AB', { method: 'HAM', norm: 'maxdist' }), 0.5);
    close(await d2('ABAB', 'AABB', 'AB', { method: 'HAM', norm: 'gmean' }), 1 - (4 - 2) / (2 * 4));
    close(await d2('ABAB', 'AABB', 'AB', { method: 'HAM', norm: 'YujianBo' }), 4 / 6);
    expect(await d2('ABAB', 'AABB', 'AB', { method: 'HAM', sm: [[0, 3], [3, 0]] })).toBe(6);
    // TraMineR: HAM with CONSTANT costs 1 per substitution
    expect(await d2('ABAB', 'AABB', 'AB', { method: 'HAM', sm: 'CONSTANT' })).toBe(2);
  });

  test('DHD sums the time-varying TRATE costs', async () => {
    // costs by month: 1, 2.5, 4 (see costs.test.ts)
    const m = await distances(letters(['ABB', 'BAA', 'AAA'], 'AB'), { method: 'DHD' });
    expect(distanceAt(m, 0, 1)).toBe(7.5);
    expect(distanceAt(m, 0, 2)).toBe(6.5);
    expect(distanceAt(m, 1, 2)).toBe(1);
    // d(ABB, AAA) = 6.5, M = 1 + 2.5 + 4 = 7.5, lengths 3
    const dhd = async (norm: DistanceOptions['norm']) => distanceAt(await distances(letters(['ABB', 'BAA', 'AAA'], 'AB'), { method: 'DHD', norm }), 0, 2);
    close(await dhd('maxdist'), 6.5 / 7.5);
    close(await dhd('auto'), 6.5 / 3);
    close(await dhd('gmean'), 1 - 1 / 6);
    close(await dhd('YujianBo'), 13 / 14);
  });

  test('unequal lengths are refused', async () => {
    await expect(distances(letters(['AB', 'A'], 'AB'), { method: 'HAM' })).rejects.toThrow(OptionsError);
    await expect(distances(letters(['AB', 'A'], 'AB'), { method: 'DHD' })).rejects.toThrow(/equal length/);
  });
});

describe('LCP and RLCP', () => {
  test('|x| + |y| - 2 * common prefix (suffix)', async () => {
    expect(await d2('AAB', 'AAC', 'ABC', { method: 'LCP' })).toBe(2);
    close(await d2('AAB', 'AAC', 'ABC', { method: 'LCP', norm: 'auto' }), 1 / 3);
    expect(await d2('ABC', 'BBC', 'ABC', { method: 'RLCP' })).toBe(2);
    expect(await d2('ABC', 'BBC', 'ABC', { method: 'LCP' })).toBe(6);
  });

  test('normalisations with unequal lengths (prefix 2 of AAB and AA)', async () => {
    expect(await d2('AAB', 'AA', 'AB', { method: 'LCP' })).toBe(1);
    close(await d2('AAB', 'AA', 'AB', { method: 'LCP', norm: 'maxlength' }), 1 / 3);
    close(await d2('AAB', 'AA', 'AB', { method: 'LCP', norm: 'maxdist' }), 1 / 5);
    close(await d2('AAB', 'AA', 'AB', { method: 'LCP', norm: 'YujianBo' }), 1 / 3);
    close(await d2('AAB', 'AA', 'AB', { method: 'LCP', norm: 'gmean' }), 1 - 4 / (2 * Math.sqrt(6)));
  });
});

describe('OMspell', () => {
  const spell = (extra: Partial<DistanceOptions> = {}): DistanceOptions => ({ method: 'OMspell', sm: 'CONSTANT', indel: 1, ...extra });

  test('same-state spells differ by expcost * length difference', async () => {
    // AAB = A2 B1, AB = A1 B1: lengths - 1 are (1, 0) and (0, 0): 0.5 * |1 - 0|
    expect(await d2('AAB', 'AB', 'AB', spell())).toBe(0.5);
    // auto = YujianBo: maxsub = 2 indel, M = |3 - 2| * 1 + 2 * 2 = 5
    close(await d2('AAB', 'AB', 'AB', spell({ norm: 'auto' })), 1 / 5.5);
    // tpow 2: A3 -> 3^2 - 1 = 8 against A1 -> 0: 0.5 * 8
    expect(await d2('AAAB', 'AB', 'AB', spell({ tpow: 2 }))).toBe(4);
  });

  test('normalisations as OM, on the lengths in months (d = 0.5, M = 1 + 2 * 2)', async () => {
    close(await d2('AAB', 'AB', 'AB', spell({ norm: 'maxlength' })), 0.5 / 3);
    close(await d2('AAB', 'AB', 'AB', spell({ norm: 'gmean' })), 1 - 4.5 / (2 * Math.sqrt(6)));
    close(await d2('AAB', 'AB', 'AB', spell({ norm: 'maxdist' })), 0.1);
  });

  test('different states: sm + expcost * (l1 + l2); indels indel + expcost * l', async () => {
    // AA vs B with indel 2: substitute = 2 + 0.5 * (1 + 0) = 2.5; delete + insert = 2.5 + 2
    expect(await d2('AA', 'B', 'AB', spell({ indel: 2 }))).toBe(2.5);
    expect(await d2('AA', 'B', 'AB', spell({ indel: 2, expcost: 1 }))).toBe(3);
  });
});

describe('TWED', () => {
  const twed = (norm: DistanceOptions['norm'] = 'none'): DistanceOptions => ({ method: 'TWED', sm: 'CONSTANT', nu: 1, lambda: 0.5, norm });

  test('hand-computed recurrences (nu 1, lambda 0.5, sm 2)', async () => {
    expect(await d2('AB', 'AB', 'AB', twed())).toBe(0);
    expect(await d2('A', 'B', 'AB', twed())).toBe(2);
    // first states are matched: F(1,1) = 2, then delete B: + sm(B, A) + nu + lambda
    expect(await d2('AB', 'B', 'AB', twed())).toBe(5.5);
    expect(await d2('AB', 'BA', 'AB', twed())).toBe(6);
    // AAB vs AB: delete the second A (1.5), then match B with B two steps apart (2 nu)
    expect(await d2('AAB', 'AB', 'AB', twed())).toBe(3.5);
  });

  test('YujianBo (auto): M = |m - n| (nu + lambda + maxsub) + 2 (maxsub + nu) min(m, n)', async () => {
    // indel = 2 * 2 + 1 + 0.5 = 5.5, maxsub = 2 indel = 11, M = 12.5 + 24 = 36.5
    close(await d2('AB', 'B', 'AB', twed('auto')), 11 / 42);
    // other norms: maxsub = min(2, 2 indel) = 2, M = 1 * 3.5 + 2 * 3 * 1 = 9.5, lengths x indel 11 and 5.5
    close(await d2('AB', 'B', 'AB', twed('maxlength')), 0.5);
    close(await d2('AB', 'B', 'AB', twed('maxdist')), 5.5 / 9.5);
    close(await d2('AB', 'B', 'AB', twed('gmean')), 1 - 4 / (2 * Math.sqrt(11) * Math.sqrt(5.5)));
  });

  test('nu is required', async () => {
    await expect(distances(letters(['AB', 'B'], 'AB'), { method: 'TWED', sm: 'CONSTANT' })).rejects.toThrow(/nu/);
  });
});

describe('CHI2 and EUCLID', () => {
  test('one interval: chi-squared distance of the state shares', async () => {
    // shares (2/3, 1/3) and (1/3, 2/3); margins (2/3, 1/3) from A 6 and B 3 cells
    const m = await distances(letters(['AAB', 'ABB', 'AAA'], 'AB'), { method: 'CHI2', step: 3 });
    close(distanceAt(m, 0, 1), Math.sqrt((1 / 9) / (2 / 3) + (1 / 9) / (1 / 3)));
    // auto: margins scaled by 1/(1/3) + 1/(2/3) = 4.5
    const a = await distances(letters(['AAB', 'ABB', 'AAA'], 'AB'), { method: 'CHI2', step: 3, norm: 'auto' });
    close(distanceAt(a, 0, 1), 1 / 3);
  });

  test('step 1: one interval per month, weights in the margins', async () => {
    close(await d2('AB', 'BA', 'AB', { method: 'CHI2' }), Math.sqrt(8));
    close(await d2('AB', 'BA', 'AB', { method: 'CHI2', norm: 'auto' }), 1);
    const w = await distances(letters(['AB', 'BA'], 'AB', [3, 1]), { method: 'CHI2' });
    close(distanceAt(w, 0, 1), Math.sqrt(32 / 3));
    close(await d2('AB', 'BA', 'AB', { method: 'EUCLID' }), 2);
    close(await d2('AB', 'BA', 'AB', { method: 'EUCLID', norm: 'auto' }), 1);
    // EUCLID ignores weights
    const e = await distances(letters(['AB', 'BA'], 'AB', [3, 1]), { method: 'EUCLID' });
    close(distanceAt(e, 0, 1), 2);
  });

  test('overlap adds intervals shifted by step/2, as TraMineR lays them out', async () => {
    const s = letters(['ABAB', 'BBAA', 'AABB', 'ABBA'], 'AB');
    const overlap = await distances(s, { method: 'CHI2', step: 2, overlap: true });
    const explicit = await distances(s, { method: 'CHI2', breaks: [[1, 2], [1, 2], [2, 3], [3, 4], [4, 4]] });
    expect(Array.from(overlap.values)).toEqual(Array.from(explicit.values));
    await expect(distances(s, { method: 'CHI2', step: 3, overlap: true })).rejects.toThrow(/even/);
    await expect(distances(s, { method: 'CHI2', norm: 'gmean' })).rejects.toThrow(/none or auto/);
  });
});

describe('missing cells as a state', () => {
  test('withMissing adds the state; without it gaps are refused', async () => {
    // HAM, CONSTANT 1 including the missing state
    expect(await d2('A-B', 'AAB', 'AB', { method: 'HAM', withMissing: true })).toBe(1);
    expect(await d2('A-B', 'A-B', 'AB', { method: 'HAM', withMissing: true })).toBe(0);
    expect(await d2('A-B', 'AAB', 'AB', { method: 'OM', sm: 'CONSTANT', indel: 1.5, withMissing: true })).toBe(2);
    await expect(distances(letters(['A-B', 'AAB'], 'AB'), { method: 'OM', sm: 'CONSTANT' })).rejects.toThrow(/withMissing/);
  });
});

describe('option errors', () => {
  const s = letters(['AB', 'BA'], 'AB');
  test('clear messages', async () => {
    await expect(distances(s, { method: 'OM' })).rejects.toThrow(/needs substitution costs/);
    await expect(distances(s, { method: 'OM', sm: [[0, 1], [2, 0]] })).rejects.toThrow(/symmetric/);
    await expect(distances(s, { method: 'OM', sm: [[1, 1], [1, 0]] })).rejects.toThrow(/diagonal/);
    await expect(distances(s, { method: 'OM', sm: [[0, 1]] })).rejects.toThrow(/2 x 2/);
    await expect(distances(s, { method: 'OM', sm: 'CONSTANT', indel: [1] })).rejects.toThrow(/one cost per state/);
    await expect(distances(s, { method: 'OM', sm: 'CONSTANT', indel: -1 })).rejects.toThrow(/positive/);
    await expect(distances(s, { method: 'DHD', sm: 'CONSTANT' })).rejects.toThrow(/HAM/);
    await expect(distances(s, { method: 'NOPE' as never })).rejects.toThrow(/unknown method/);
  });
});
