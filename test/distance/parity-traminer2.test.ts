// TraMineR parity on mvad for the distances and costs of the second fixture set (../shared/fixtures/traminer2):
// the API (all 712 rows to the 200 fixture rows) and `loopbaan dist --refseq` on the command line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { distancesToReferences, substitutionCosts, type DistanceOptions, type StateSequences } from '../../src/index.js';
import { fixturePath, hasFixtures2, loadMvad, readFixture2Rows, readMatrix2 } from '../helpers/fixtures.js';
import { relativeError } from './helpers.js';

const TOLERANCE = 1e-9;

/** Fixture, API options, the same as `loopbaan dist` options, and the fixture rows to compare (all 200 unless slow). */
const CASES: [string, DistanceOptions, string[], number][] = [
  ['mvad_omstran_otto0.1.csv.gz', { method: 'OMstran', sm: 'TRATE', indel: 1, otto: 0.1 }, ['--method', 'OMstran', '--indel', '1', '--otto', '0.1'], 200],
  ['mvad_omloc_expcost0.5_context0.csv.gz', { method: 'OMloc', sm: 'TRATE', expcost: 0.5, context: 0 }, ['--method', 'OMloc', '--expcost', '0.5', '--context', '0'], 200],
  ['mvad_omslen_mean_h0.5.csv.gz', { method: 'OMslen', sm: 'TRATE', indel: 1, link: 'mean', h: 0.5 }, ['--method', 'OMslen', '--indel', '1', '--link', 'mean', '--h', '0.5'], 200],
  ['mvad_nmsmst.csv.gz', { method: 'NMSMST' }, ['--method', 'NMSMST'], 200],
  ['mvad_svrspell.csv.gz', { method: 'SVRspell' }, ['--method', 'SVRspell'], 200],
  ['mvad_om_future.csv.gz', { method: 'OM', sm: 'FUTURE' }, ['--method', 'OM', '--sm', 'FUTURE'], 200],
  // NMS counts subsequences of every length (t^3 work a pair): 2 rows keep the test fast
  ['mvad_nms.csv.gz', { method: 'NMS' }, ['--method', 'NMS'], 2],
];

/** Rows of the fixture to compare: every row, or `count` spread over the 200. */
function fixtureRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor((i * 200) / count));
}

/** Largest relative error of N x k distances against fixture rows `refs` (the matrix is symmetric). */
function worst(values: ArrayLike<number>, refs: number[], fixture: number[][], n: number): number {
  let max = 0;
  for (let i = 0; i < n; i++) refs.forEach((r, k) => (max = Math.max(max, relativeError(values[i * refs.length + k], fixture[r][i]))));
  return max;
}

describe.skipIf(!hasFixtures2)('TraMineR 2.2-12 parity on mvad: OMstran, OMloc, OMslen, NMS, NMSMST, SVRspell, FUTURE', () => {
  let seqs: StateSequences;
  beforeAll(() => {
    seqs = loadMvad();
  });

  test('FUTURE substitution costs equal seqcost(s, "FUTURE")$sm', () => {
    const rows = readFixture2Rows('mvad_sm_future.csv');
    const sc = substitutionCosts(seqs, { method: 'FUTURE' });
    expect(rows[0].slice(1)).toEqual([...sc.states]);
    let max = 0;
    for (let i = 0; i < sc.nStates; i++) {
      for (let j = 0; j < sc.nStates; j++) max = Math.max(max, relativeError(sc.sm[i * sc.nStates + j], Number(rows[i + 1][j + 1])));
    }
    console.log(`mvad_sm_future.csv: max relative error ${max.toExponential(2)}`);
    expect(max).toBeLessThan(TOLERANCE);
  });

  test.each(CASES)('%s (API)', async (file, options, _cli, count) => {
    const refs = fixtureRows(count);
    const values = await distancesToReferences(seqs, refs, options);
    const err = worst(values, refs, readMatrix2(file), seqs.n);
    console.log(`${file}: ${refs.length} x ${seqs.n} distances, max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(TOLERANCE);
  });

  test.each(CASES)('%s (loopbaan dist --refseq)', async (file, _options, args, count) => {
    // a few rows are enough here: the API test covers the rest
    const refs = fixtureRows(Math.min(count, 3));
    const out = join(mkdtempSync(join(tmpdir(), 'loopbaan-refseq-')), 'd.csv');
    const mvad = ['--input', fixturePath('mvad.csv'), '--cols', 'Sep.93..Jun.99', '--quiet'];
    expect(await main(['dist', ...mvad, ...args, '--refseq', refs.map((r) => r + 1).join(','), '--out', out])).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => line.split(',').map(Number));
    expect(lines.length).toBe(seqs.n);
    expect(lines[0].length).toBe(refs.length);
    const err = worst(lines.flat(), refs, readMatrix2(file), seqs.n);
    console.log(`loopbaan dist ${args.join(' ')} --refseq: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(TOLERANCE);
  });
});
