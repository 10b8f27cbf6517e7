// `loopbaan cluster` end to end: small hand-made panels, a distance file, errors; mvad against R.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureOutput, readCsv } from '../helpers/cli.js';
import { fixturePath, hasFixtures, readFixtureRows } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-cluster-'));

/** A wide panel: two kinds of careers, 6 months, with repeated sequences. */
function panel(): string {
  const file = join(dir, 'panel.csv');
  const rows = ['id,m1,m2,m3,m4,m5,m6'];
  for (let i = 0; i < 12; i++) {
    // even rows work from month 1 or 2, odd rows are out of work for 5 or 6 months
    const noneMonths = (i % 2 === 0 ? 0 : 5) + (i % 3 === 0 ? 1 : 0);
    const cells = Array.from({ length: 6 }, (_, j) => (j < noneMonths ? 'none' : 'work'));
    rows.push([`p${i + 1}`, ...cells].join(','));
  }
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('loopbaan cluster', () => {
  afterEach(() => vi.restoreAllMocks());
  const input = panel();
  const common = ['--input', input, '--cols', 'm1..m6', '--method', 'HAM', '--quiet'];

  it('ward.D with --k writes id,cluster in input order', async () => {
    const out = join(dir, 'ward.csv');
    expect(await main(['cluster', ...common, '--algo', 'ward.D', '--k', '2', '--out', out])).toBe(0);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(['id', 'cluster']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => `p${i + 1}`));
    expect(rows.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? '1' : '2')));
    // the labels are microdata: the output-check log says so
    expect(readCsv(join(dir, 'ward.disclosure.csv'))).toEqual([['table', 'cell', 'kind', 'persons', 'rule'], ['labels', '*', 'count', '12', 'microdata']]);
  });

  it('--range writes one column per k, and the quality table', async () => {
    const out = join(dir, 'range.csv');
    const quality = join(dir, 'quality.csv');
    for (const algo of ['ward.D2', 'pam', 'clara']) {
      expect(await main(['cluster', ...common, '--algo', algo, '--range', '2:3', '--out', out, '--quality', quality, '--samples', '3'])).toBe(0);
      expect(readCsv(out)[0]).toEqual(['id', 'k2', 'k3']);
      const q = readCsv(quality);
      expect(q[0]).toEqual(['k', 'PBC', 'HG', 'HGSD', 'ASW', 'ASWw', 'CH', 'R2', 'CHsq', 'R2sq', 'HC']);
      expect(q.map((r) => r[0])).toEqual(['k', '2', '3']);
      expect(readCsv(join(dir, 'range.disclosure.csv')).slice(2).map((r) => r.join(','))).toEqual(['2', '3'].flatMap((k) => q[0].slice(1).map((i) => `quality,${k}.${i},mean,12,none`)));
    }
    // a quality table of fewer than --min-cell persons is refused before any work
    const stderr = captureOutput();
    expect(await main(['cluster', ...common, '--algo', 'pam', '--range', '2:3', '--quality', quality, '--min-cell', '20'])).toBe(2);
    expect(stderr()).toMatch(/--min-cell: the panel has 12 persons, fewer than 20/);
  });

  it('--aggregate gives the same pam labels on distinct sequences', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    expect(await main(['cluster', ...common, '--algo', 'pam', '--k', '2', '--out', a])).toBe(0);
    expect(await main(['cluster', ...common, '--algo', 'pam', '--k', '2', '--out', b, '--aggregate'])).toBe(0);
    expect(readCsv(b)).toEqual(readCsv(a));
  });

  it('--dist reads a headerless matrix', async () => {
    const file = join(dir, 'd.csv');
    writeFileSync(file, '0,1,9,10\n1,0,8,9\n9,8,0,1\n10,9,1,0\n');
    const out = join(dir, 'dist-labels.csv');
    expect(await main(['cluster', '--dist', file, '--algo', 'pam', '--k', '2', '--out', out, '--quiet'])).toBe(0);
    expect(readCsv(out)).toEqual([['id', 'cluster'], ['1', '1'], ['2', '1'], ['3', '2'], ['4', '2']]);
  });

  it('bad matrix cell: exit 2 naming file, line and column', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '0,1,2\n1,0,x\n2,3,0\n');
    const stderr = captureOutput();
    expect(await main(['cluster', '--dist', file, '--algo', 'ward.D', '--k', '2'])).toBe(2);
    expect(stderr()).toMatch(/^loopbaan cluster: .*bad\.csv, line 2, column 3: "x" is not a number/);
  });

  it('asymmetric matrix and usage errors: exit 2', async () => {
    const file = join(dir, 'asym.csv');
    writeFileSync(file, '0,1\n2,0\n');
    const stderr = captureOutput();
    expect(await main(['cluster', '--dist', file, '--algo', 'ward.D', '--k', '2'])).toBe(2);
    expect(await main(['cluster', '--dist', file, '--algo', 'kmeans', '--k', '2'])).toBe(2);
    expect(await main(['cluster', '--dist', file, '--algo', 'pam'])).toBe(2);
    expect(await main(['cluster', '--dist', file, '--algo', 'clara', '--k', '2'])).toBe(2);
    expect(stderr()).toMatch(/line 2, column 1: .*symmetric/);
    expect(stderr()).toMatch(/--algo: must be one of/);
    expect(stderr()).toMatch(/either --k K or --range A:B/);
    expect(stderr()).toMatch(/clara computes its own distances/);
  });

  it('whole-number options: exit 2 naming the option and its bound', async () => {
    const stderr = captureOutput();
    expect(await main(['cluster', ...common, '--algo', 'clara', '--k', '2', '--samples', '1.5'])).toBe(2);
    expect(await main(['cluster', ...common, '--algo', 'clara', '--k', '2', '--sample-size', '2'])).toBe(2);
    expect(stderr()).toBe('loopbaan cluster: --samples: must be a whole number >= 1; got 1.5\nloopbaan cluster: --sample-size: must be a whole number >= 3; got 2\n');
  });
});

describe.skipIf(!hasFixtures)('loopbaan cluster on mvad', () => {
  it('ward.D --range 2:8 equals cutree and the WeightedCluster quality table', async () => {
    const out = join(dir, 'mvad.csv');
    const quality = join(dir, 'mvad-quality.csv');
    const code = await main([
      'cluster', '--input', fixturePath('mvad.csv'), '--cols', 'Sep.93..Jun.99', '--id', 'id',
      '--method', 'OM', '--sm', 'TRATE', '--indel', '1', '--threads', '1',
      '--algo', 'ward.D', '--range', '2:8', '--out', out, '--quality', quality, '--quiet',
    ]);
    expect(code).toBe(0);
    const cut = readFixtureRows('mvad_om_wardD_cut.csv');
    expect(readCsv(out).slice(1).map((r) => r.slice(1))).toEqual(cut.slice(1).map((r) => r.slice(1)));
    const ref = readFixtureRows('mvad_om_wardD_quality.csv').slice(1);
    let worst = 0;
    readCsv(quality).slice(1).forEach((row, r) => row.slice(1).forEach((x, c) => (worst = Math.max(worst, Math.abs(Number(x) - Number(ref[r][c + 1])) / Math.max(1, Math.abs(Number(ref[r][c + 1])))))));
    expect(worst).toBeLessThan(1e-9);
  });
});
