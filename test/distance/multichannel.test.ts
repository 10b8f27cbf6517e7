// Multichannel sequences (TraMineR seqMD): combined states, CAT costs by hand, and parity with seqMD(what = "diss").
import { beforeAll, describe, expect, test } from 'vitest';
import {
  channelCosts, channelDistances, createSequences, distanceAt, makeAlphabet, selectRows,
  type ChannelDistanceOptions, type DistanceMatrix, type StateSequences,
} from '../../src/index.js';
import { hasFixtures2, loadWide2, readMatrix2, wideSequences } from '../helpers/fixtures.js';
import { loadPanel, maxRelError, readReference, referenceColumns } from '../helpers/r-references.js';
import { maxRelativeError } from './helpers.js';

describe.skipIf(!hasFixtures2)('TraMineR parity: seqMD on mvad education x work', () => {
  let channels: StateSequences[];
  beforeAll(() => {
    channels = [loadWide2('mvad_channel_edu.csv'), loadWide2('mvad_channel_work.csv')];
  });

  test('OM with TRATE and CONSTANT costs, indel auto', async () => {
    const d = await channelDistances(channels, { method: 'OM', sm: ['TRATE', 'CONSTANT'] });
    const err = maxRelativeError(d, readMatrix2('mvad_md_om_trate_constant.csv.gz'));
    console.log(`mvad_md_om_trate_constant: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });

  test('HAM', async () => {
    const d = await channelDistances(channels, { method: 'HAM' });
    const err = maxRelativeError(d, readMatrix2('mvad_md_ham.csv.gz'));
    console.log(`mvad_md_ham: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });
});

describe('TraMineR parity: seqMD with gaps in both channels (test/fixtures-r/md_*.csv)', () => {
  const first40 = Array.from({ length: 40 }, (_, i) => i);
  const panel = selectRows(loadPanel({ weighted: false }), first40);
  const hours = selectRows(wideSequences(readReference('channel_hours.csv'), { first: 'm01', last: 'm24' }), first40);
  const ref = referenceColumns('md_dist.csv');
  const lowerTriangle = (m: DistanceMatrix) => {
    const out: number[] = [];
    for (let j = 0; j < m.n; j++) for (let i = j + 1; i < m.n; i++) out.push(distanceAt(m, i, j));
    return out;
  };
  const cases: [string, ChannelDistanceOptions][] = [
    ['om_trate_const', { method: 'OM', sm: ['TRATE', 'CONSTANT'] }],
    ['lcs', { method: 'LCS' }],
    ['ham', { method: 'HAM' }],
    ['dhd', { method: 'DHD' }],
    ['om_mean_cweight', { method: 'OM', sm: ['INDELSLOG', 'TRATE'], cweight: [2, 1], link: 'mean' }],
    ['om_indel_norm', { method: 'OM', sm: 'TRATE', indel: [1, 2], norm: 'auto' }],
  ];
  test.each(cases)('%s', async (name, options) => {
    const err = maxRelError(lowerTriangle(await channelDistances([panel, hours], options)), ref[name]);
    console.log(`md_dist ${name}: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });

  test('CAT costs and combined alphabet = seqMD(what = "cost")', () => {
    const [header, ...rows] = readReference('md_cost.csv');
    const { combined, costs } = channelCosts([panel, hours], { sm: ['TRATE', 'CONSTANT'], cweight: [1, 3] });
    expect(combined.sequences.alphabet.codes).toEqual(header.slice(1));
    expect(maxRelError(costs.sm, rows.flatMap((r) => r.slice(1).map(Number)))).toBeLessThan(1e-9);
    expect(maxRelError([costs.indel as number], referenceColumns('md_cost_indel.csv').indel)).toBeLessThan(1e-9);
  });
});

describe('CAT costs by hand', () => {
  // work: job, none; hours: full, part. Person 1: job/full, job/part; person 2: none/part, none/part.
  const work = createSequences({ alphabet: makeAlphabet(['job', 'none']), n: 2, t: 2, codes: Uint8Array.from([0, 0, 1, 1]) });
  const hours = createSequences({ alphabet: makeAlphabet(['full', 'part']), n: 2, t: 2, codes: Uint8Array.from([0, 1, 1, 1]) });
  const at = (c: { nStates: number; sm: Float64Array }, x: number, y: number) => c.sm[x * c.nStates + y];

  test('sum of the weighted channel costs; indel the weighted sum of the channel indels', () => {
    // combined states: job+full (0), job+part (1), none+part (2); CONSTANT 2 in both channels, weights 1 and 3
    const { combined, costs } = channelCosts([work, hours], { sm: ['CONSTANT', 'CONSTANT'], cweight: [1, 3] });
    expect(combined.sequences.alphabet.codes).toEqual(['job+full', 'job+part', 'none+part']);
    expect([at(costs, 0, 1), at(costs, 0, 2), at(costs, 1, 2), at(costs, 1, 1)]).toEqual([6, 2 + 6, 2, 0]);
    expect(costs.indel).toBe(1 + 3);
  });

  test('link mean divides by the summed weights; matrices and per-state indels per channel', () => {
    const { costs } = channelCosts([work, hours], {
      sm: [[[0, 4], [4, 0]], 'CONSTANT'], indel: [[1, 3], 2], cweight: [1, 3], link: 'mean',
    });
    expect(at(costs, 0, 2)).toBe((4 + 3 * 2) / 4);
    // indel per combined state: job+full 1 + 3 x 2, job+part the same, none+part 3 + 3 x 2, over 4
    expect([...(costs.indel as Float64Array)]).toEqual([7 / 4, 7 / 4, 9 / 4]);
  });

  test('OM distances: substitutions and indels at CAT costs; symmetric with a zero diagonal', async () => {
    // job/full job/part vs none/part none/part: substitute twice, 4 + 2 = 6 (indels cost 2 each: 4 + 4 = 8 is dearer)
    const d = await channelDistances([work, hours], { method: 'OM', sm: ['CONSTANT', 'CONSTANT'] });
    expect(distanceAt(d, 0, 1)).toBe(6);
    expect(distanceAt(d, 1, 0)).toBe(6);
    expect(distanceAt(d, 1, 1)).toBe(0);
    const ham = await channelDistances([work, hours], { method: 'HAM' });
    expect(distanceAt(ham, 0, 1)).toBe(4 + 2);
  });

  test('refuses wrong channel options', () => {
    expect(() => channelCosts([work, hours], { cweight: [1] })).toThrow(/cweight/);
    expect(() => channelCosts([work, hours], { sm: ['CONSTANT'] })).toThrow(/sm: give one value for every channel or one per channel/);
    expect(() => channelCosts([work, hours], { link: 'max' as 'sum' })).toThrow(/link/);
    expect(() => channelCosts([work, hours], { method: 'TWED' as 'OM' })).toThrow(/method/);
    expect(() => channelCosts([work, hours], { sm: [[[0, 1], [2, 0], [1, 1]], 'CONSTANT'] })).toThrow(/channel 1: the matrix must be 2 x 2/);
  });
});

describe('multichannel distances: properties', () => {
  const panel = loadPanel({ weighted: false });
  const hours = wideSequences(readReference('channel_hours.csv'), { first: 'm01', last: 'm24' });
  const order = Array.from({ length: panel.n }, (_, i) => (i * 29) % panel.n);

  test('symmetric, zero diagonal, the same after shuffling the rows and on one or two threads', async () => {
    const options: ChannelDistanceOptions = { method: 'OM', sm: ['TRATE', 'CONSTANT'], cweight: [1, 2] };
    const d = await channelDistances([panel, hours], { ...options, threads: 1 });
    const two = await channelDistances([panel, hours], { ...options, threads: 2 });
    expect(two.values).toEqual(d.values);
    const shuffled = await channelDistances([selectRows(panel, order), selectRows(hours, order)], options);
    for (let a = 0; a < panel.n; a++) {
      expect(distanceAt(d, a, a)).toBe(0);
      for (let b = 0; b < panel.n; b += 7) {
        expect(distanceAt(d, a, b)).toBe(distanceAt(d, b, a));
        expect(Math.abs(distanceAt(shuffled, a, b) - distanceAt(d, order[a], order[b]))).toBeLessThan(1e-12);
      }
    }
  });
});
