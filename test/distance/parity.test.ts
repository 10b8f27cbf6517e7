// TraMineR parity on mvad (712 sequences x 70 months): every distance fixture to a relative 1e-9.
import { beforeAll, describe, expect, test } from 'vitest';
import { hasFixtures, loadMvad, readFixtureRows, readMatrix } from '../helpers/fixtures.js';
import {
  distanceAt, distances, distancesToReferences, distinctDistances, substitutionCosts,
  type DistanceOptions, type StateSequences,
} from '../../src/index.js';
import { maxRelativeError, relativeError } from './helpers.js';

const TOLERANCE = 1e-9;

describe.skipIf(!hasFixtures)('TraMineR parity on mvad', () => {
  let seqs: StateSequences;
  beforeAll(() => {
    seqs = loadMvad();
  });

  test('TRATE substitution costs equal seqsubm(s, "TRATE")', () => {
    const rows = readFixtureRows('mvad_sm_trate.csv');
    const sc = substitutionCosts(seqs, { method: 'TRATE' });
    expect(rows[0].slice(1)).toEqual([...sc.states]);
    let max = 0;
    for (let i = 0; i < sc.nStates; i++) {
      for (let j = 0; j < sc.nStates; j++) max = Math.max(max, relativeError(sc.sm[i * sc.nStates + j], Number(rows[i + 1][j + 1])));
    }
    console.log(`mvad_sm_trate.csv: max relative error ${max.toExponential(2)}`);
    expect(max).toBeLessThan(TOLERANCE);
  });

  const cases: [string, DistanceOptions][] = [
    ['mvad_om_trate_indel1.csv', { method: 'OM', sm: 'TRATE', indel: 1 }],
    ['mvad_ham.csv', { method: 'HAM' }],
    ['mvad_lcs.csv', { method: 'LCS' }],
    ['mvad_dhd.csv', { method: 'DHD' }],
  ];
  test.each(cases)('%s', async (file, options) => {
    const d = await distances(seqs, options);
    expect(d.n).toBe(seqs.n);
    const err = maxRelativeError(d, readMatrix(file));
    console.log(`${file}: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(TOLERANCE);
  });

  test('distinct matrix and distances to references agree with the OM fixture', async () => {
    const ref = readMatrix('mvad_om_trate_indel1.csv');
    const options: DistanceOptions = { method: 'OM', sm: 'TRATE', indel: 1 };
    const { matrix, distinct } = await distinctDistances(seqs, options);
    expect(matrix.n).toBe(distinct.firstRow.length);
    expect(matrix.n).toBeLessThan(seqs.n);
    const medoids = [65, 127, 398, 451];
    const toRefs = await distancesToReferences(seqs, medoids, options);
    let max = 0;
    for (let i = 0; i < seqs.n; i++) {
      for (let r = 0; r < medoids.length; r++) {
        max = Math.max(max, relativeError(toRefs[i * medoids.length + r], ref[i][medoids[r]]));
        max = Math.max(max, relativeError(distanceAt(matrix, distinct.rowToDistinct[i], distinct.rowToDistinct[medoids[r]]), ref[i][medoids[r]]));
      }
    }
    expect(max).toBeLessThan(TOLERANCE);
  });
});
