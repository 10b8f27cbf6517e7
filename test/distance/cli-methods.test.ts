// `loopbaan dist` with the options of OMstran, OMloc, OMslen, NMS, NMSMST, SVRspell and the FUTURE and
// FEATURES costs, and distances to reference sequences (--refseq rows or file); errors exit 2 with one line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { distanceAt, distances, distancesToReferences, readWide, type DistanceOptions } from '../../src/index.js';
import { captureOutput } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-dist-methods-'));
const input = join(dir, 'panel.csv');
writeFileSync(input, 'id,m1,m2,m3,m4\n1,a,a,b,b\n2,a,b,b,c\n3,c,c,c,a\n4,b,b,a,\n5,a,a,b,b\n');
const refFile = join(dir, 'refs.csv');
writeFileSync(refFile, 'id,m1,m2,m3,m4\nr1,c,c,c,c\nr2,a,b,,\n');
const PANEL = ['--input', input, '--cols', 'm1..m4', '--quiet'];

async function run(args: string[]): Promise<{ code: number; rows: number[][] }> {
  const out = join(dir, `d${Math.random().toString(36).slice(2)}.csv`);
  const code = await main(['dist', ...PANEL, ...args, '--out', out]);
  return { code, rows: code === 0 ? readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => l.split(',').map(Number)) : [] };
}

afterEach(() => vi.restoreAllMocks());

describe('loopbaan dist, newer methods', () => {
  const cases: [string[], DistanceOptions][] = [
    [['--method', 'OMstran', '--otto', '0.3', '--previous', '--add-column', 'false', '--transindel', 'subcost'], { method: 'OMstran', sm: 'TRATE', otto: 0.3, previous: true, addColumn: false, transindel: 'subcost' }],
    [['--method', 'OMloc', '--expcost', '0.2', '--norm', 'auto'], { method: 'OMloc', sm: 'TRATE', expcost: 0.2, norm: 'auto' }],
    [['--method', 'OMslen', '--link', 'gmean', '--h', '1', '--sm', 'CONSTANT'], { method: 'OMslen', sm: 'CONSTANT', link: 'gmean', h: 1 }],
    [['--method', 'NMS', '--kweights', '1,0.5'], { method: 'NMS', kweights: [1, 0.5] }],
    [['--method', 'SVRspell', '--tpow', '0.5', '--kweights', '2'], { method: 'SVRspell', tpow: 0.5, kweights: 2 }],
    [['--method', 'OM', '--sm', 'FUTURE', '--lag', '2'], { method: 'OM', sm: 'FUTURE', lag: 2 }],
    [['--method', 'OM', '--sm', 'TRATE', '--lag=-1'], { method: 'OM', sm: 'TRATE', lag: -1 }],
  ];
  test.each(cases)('%s equals the API', async (args, options) => {
    const { code, rows } = await run(args);
    expect(code).toBe(0);
    const { sequences } = await readWide(input, { cols: 'm1..m4', id: 'id' });
    const m = await distances(sequences, options);
    rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(distanceAt(m, i, j))));
  });

  test('--prox reads a states x states matrix for NMS and SVRspell', async () => {
    const prox = join(dir, 'prox.csv');
    writeFileSync(prox, '"",a,b,c\na,1,0.5,0\nb,0.5,1,0\nc,0,0,1\n');
    const { code, rows } = await run(['--method', 'SVRspell', '--prox', prox]);
    expect(code).toBe(0);
    const { sequences } = await readWide(input, { cols: 'm1..m4', id: 'id' });
    const m = await distances(sequences, { method: 'SVRspell', prox: [[1, 0.5, 0], [0.5, 1, 0], [0, 0, 1]] });
    rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(distanceAt(m, i, j))));
  });

  test('--refseq rows (1-based) and --refseq FILE give N x k distances', async () => {
    const full = await run(['--method', 'OMloc']);
    const byRow = await run(['--method', 'OMloc', '--refseq', '3,1']);
    expect(byRow.rows).toEqual(full.rows.map((r) => [r[2], r[0]]));
    const byFile = await run(['--method', 'OMloc', '--refseq', refFile]);
    // the references with the panel's alphabet and costs (r2 is censored)
    const { sequences } = await readWide(input, { cols: 'm1..m4', id: 'id' });
    const refs = (await readWide(refFile, { cols: 'm1..m4', id: 'id', states: ['a', 'b', 'c'] })).sequences;
    const api = await distancesToReferences(sequences, refs, { method: 'OMloc', sm: 'TRATE' });
    expect(byFile.rows).toEqual(Array.from({ length: 5 }, (_, i) => [api[2 * i], api[2 * i + 1]]));
  });

  test('--sm FEATURES with --state-features, --feature-type and --feature-weights', async () => {
    const features = join(dir, 'features.csv');
    writeFileSync(features, 'state,hours,kind\na,40,work\nb,20,work\nc,0,school\n');
    const { code, rows } = await run(['--method', 'OM', '--sm', 'FEATURES', '--state-features', features, '--feature-type', 'hours=ordratio', '--feature-weights', '1,2']);
    expect(code).toBe(0);
    // sm(a, b) = (1 x 1/2 + 2 x 0) / 3 = 1/6; sm(a, c) = (1 + 2) / 3 = 1; indel = 1/2
    // row 1 (a,a,b,b) vs row 5 (a,a,b,b): 0; row 1 vs row 2 (a,b,b,c): a->b, b->c = 1/6 + (1 x 1/2 + 2) / 3
    expect(rows[0][4]).toBe(0);
    expect(rows[0][1]).toBeCloseTo(1 / 6 + 2.5 / 3, 14);
  });

  test('bad values exit 2 with one line naming the option', async () => {
    const stderr = captureOutput();
    const fails: [string[], RegExp][] = [
      [['--method', 'OMstran'], /otto/],
      [['--method', 'OMslen', '--link', 'median'], /--link: must be mean, gmean/],
      [['--method', 'OMstran', '--otto', '0.5', '--add-column', 'maybe'], /--add-column/],
      [['--method', 'OMloc', '--refseq', '9'], /--refseq: row 9 does not exist: rows are numbered 1\.\.5/],
      [['--method', 'OMloc', '--refseq', 'nofile.csv'], /--refseq: must be row numbers/],
      [['--method', 'NMS', '--norm', 'auto'], /norm/],
      [['--method', 'OM', '--sm', 'FEATURES'], /stateFeatures/],
      [['--method', 'OM', '--feature-weights', '1'], /--state-features/],
    ];
    for (const [args, message] of fails) {
      expect(await main(['dist', ...PANEL, ...args])).toBe(2);
      expect(stderr().trimEnd().split('\n').at(-1)).toMatch(message);
    }
  });
});
