// `loopbaan dist` end to end: mvad through the shared input options, compared with TraMineR.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { distanceAt, readDistanceCondensed } from '../../src/index.js';
import { captureOutput } from '../helpers/cli.js';
import { fixturePath, hasFixtures, readMatrix } from '../helpers/fixtures.js';
import { relativeError } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-dist-'));
const MVAD = () => ['--input', fixturePath('mvad.csv'), '--cols', 'Sep.93..Jun.99', '--quiet'];

/** Run `loopbaan dist` and return the exit code and the matrix it wrote. */
async function dist(args: string[]): Promise<{ code: number; rows: number[][] }> {
  const out = join(dir, `m${Math.random().toString(36).slice(2)}.csv`);
  const code = await main(['dist', ...args, '--out', out]);
  const rows = code === 0 ? readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => line.split(',').map(Number)) : [];
  return { code, rows };
}

function maxError(rows: number[][], reference: number[][]): number {
  expect(rows.length).toBe(reference.length);
  let worst = 0;
  rows.forEach((row, i) => {
    expect(row.length).toBe(reference[i].length);
    row.forEach((x, j) => (worst = Math.max(worst, relativeError(x, reference[i][j]))));
  });
  return worst;
}

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!hasFixtures)('loopbaan dist on mvad', () => {
  test.each([
    ['mvad_om_trate_indel1.csv', ['--method', 'OM', '--sm', 'TRATE', '--indel', '1']],
    ['mvad_ham.csv', ['--method', 'HAM']],
  ])('%s', async (file, args) => {
    const { code, rows } = await dist([...MVAD(), ...args]);
    expect(code).toBe(0);
    const err = maxError(rows, readMatrix(file));
    console.log(`loopbaan dist ${args.join(' ')}: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });

  test('a user cost matrix file', async () => {
    const sm = join(dir, 'sm.csv');
    writeFileSync(sm, Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 0 : 1)).join(',')).join('\n'));
    const { code, rows } = await dist([...MVAD(), '--method', 'HAM', '--sm', sm]);
    expect(code).toBe(0);
    expect(maxError(rows, readMatrix('mvad_ham.csv'))).toBe(0);
  });

  test('a cost matrix labelled as R writes it, states in another order', async () => {
    const sm = join(dir, 'sm-labelled.csv');
    const states = ['training', 'school', 'joblessness', 'HE', 'FE', 'employment'];
    const lines = ['"",' + states.map((x) => `"${x}"`).join(','), ...states.map((x) => `"${x}",` + states.map((y) => (x === y ? 0 : 1)).join(','))];
    writeFileSync(sm, lines.join('\n'));
    const { code, rows } = await dist([...MVAD(), '--method', 'HAM', '--sm', sm]);
    expect(code).toBe(0);
    expect(maxError(rows, readMatrix('mvad_ham.csv'))).toBe(0);
  });
});

describe('loopbaan dist errors', () => {
  test('options that do not fit the data exit 2 with one line', async () => {
    const input = join(dir, 'censored.csv');
    writeFileSync(input, 'id,m1,m2,m3\n1,a,b,b\n2,a,b,\n');
    const stderr = captureOutput();
    expect(await main(['dist', '--input', input, '--cols', 'm1..m3', '--quiet', '--method', 'HAM'])).toBe(2);
    expect(stderr()).toMatch(/^loopbaan dist: --method: HAM needs sequences of equal length/);
    expect(await main(['dist', '--input', input, '--cols', 'm1..m3', '--quiet', '--method', 'TWED'])).toBe(2);
    expect(stderr().split('\n')[1]).toMatch(/nu/);
    expect(await main(['dist', '--input', input, '--cols', 'm1..m3', '--quiet', '--method', 'LCS', '--out', join(dir, 'no/such/dir.csv')])).toBe(2);
  });
});

describe('loopbaan dist output files', () => {
  test('--out FILE.dist writes the condensed layout, which cluster --dist reads; the CSV has the same values', async () => {
    const input = join(dir, 'small.csv');
    writeFileSync(input, 'id,m1,m2,m3\n1,a,b,b\n2,a,a,b\n3,b,b,b\n4,a,b,a\n');
    const args = ['dist', '--input', input, '--cols', 'm1..m3', '--quiet', '--method', 'OM', '--sm', 'TRATE'];
    const csv = join(dir, 'small-om.csv');
    const condensed = join(dir, 'small-om.dist');
    expect(await main([...args, '--out', csv])).toBe(0);
    expect(await main([...args, '--out', condensed])).toBe(0);
    const m = await readDistanceCondensed(condensed);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n').map((line) => line.split(',').map(Number));
    expect(rows.map((row, i) => row.map((_, j) => distanceAt(m, i, j)))).toEqual(rows);
    const labels = join(dir, 'labels.csv');
    expect(await main(['cluster', '--dist', condensed, '--algo', 'ward.D2', '--k', '2', '--out', labels, '--quiet'])).toBe(0);
    expect(readFileSync(labels, 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });

  test('--out never overwrites the input; a wrong --out-format is an options error', async () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'id,m1,m2\n1,a,b\n2,b,b\n');
    const stderr = captureOutput();
    expect(await main(['dist', '--input', input, '--cols', 'm1..m2', '--quiet', '--method', 'HAM', '--out', input])).toBe(2);
    expect(stderr()).toMatch(/--out is the input file of --input/);
    expect(readFileSync(input, 'utf8')).toBe('id,m1,m2\n1,a,b\n2,b,b\n');
    expect(await main(['dist', '--input', input, '--cols', 'm1..m2', '--quiet', '--method', 'HAM', '--out-format', 'xml'])).toBe(2);
    expect(stderr()).toMatch(/--out-format: must be csv or condensed/);
  });
});
