// `loopbaan describe` end to end: mvad through the real input options, compared with TraMineR.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureOutput, readCsv } from '../helpers/cli.js';
import { fixture2Path, fixturePath, hasFixtures, hasFixtures2, readFixture2Rows, readFixtureRows } from '../helpers/fixtures.js';
import { maxRelError } from '../helpers/r-references.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-describe-'));
const TOL = 1e-9;

/** Run `loopbaan describe` on mvad (70 months) without disclosure control (as TraMineR) and parse the CSV it writes. */
async function describeMvad(what: string): Promise<string[][]> {
  const out = join(dir, `${what}.csv`);
  const code = await main(['describe', '--input', fixturePath('mvad.csv'), '--cols', 'Sep.93..Jun.99', '--what', what, '--out', out, '--quiet', '--min-cell', '1']);
  expect(code).toBe(0);
  return readCsv(out);
}

/** Max |a - b| over two numeric tables without their first column and header. */
function maxError(name: string, ours: string[][], reference: string[][]): number {
  expect(ours.length).toBe(reference.length);
  let worst = 0;
  ours.forEach((row, r) => {
    expect(row.length).toBe(reference[r].length);
    for (let c = 1; c < row.length; c++) worst = Math.max(worst, Math.abs(Number(row[c]) - Number(reference[r][c])));
  });
  console.log(`describe --what ${name}: max abs error ${worst.toExponential(2)}`);
  return worst;
}

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!hasFixtures)('loopbaan describe on mvad', () => {
  it('statd: frequencies per state, then N and entropy', async () => {
    const rows = await describeMvad('statd');
    const [freqHeader, ...freq] = readFixtureRows('mvad_statd_freq.csv');
    const [, ...entropy] = readFixtureRows('mvad_statd_entropy.csv');
    expect(rows[0]).toEqual(['state', ...freqHeader.slice(1)]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...freq.map((r) => r[0]), 'N', 'entropy']);
    expect(maxError('statd (frequencies)', rows.slice(1, 7), freq)).toBeLessThanOrEqual(TOL);
    expect(rows[7].slice(1).every((v) => v === '712')).toBe(true);
    expect(maxError('statd (entropy)', [rows[8]], [['x', ...entropy.map((r) => r[1])]])).toBeLessThanOrEqual(TOL);
  });

  it('trate: from,<states>', async () => {
    const rows = await describeMvad('trate');
    const [, ...reference] = readFixtureRows('mvad_trate.csv');
    expect(rows[0]).toEqual(['from', 'employment', 'FE', 'HE', 'joblessness', 'school', 'training']);
    expect(maxError('trate', rows.slice(1), reference)).toBeLessThanOrEqual(TOL);
  });

  it('meant: state,mean', async () => {
    const rows = await describeMvad('meant');
    const [, ...reference] = readFixtureRows('mvad_meant.csv');
    expect(rows[0]).toEqual(['state', 'mean']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(reference.map((r) => r[0]));
    expect(maxError('meant', rows.slice(1), reference)).toBeLessThanOrEqual(TOL);
  });

  it('indicators: id,entropy,turbulence,complexity,transitions in input order', async () => {
    const rows = await describeMvad('indicators');
    const reference = readFixtureRows('mvad_indicators.csv');
    expect(rows[0]).toEqual(reference[0]);
    expect(rows.map((r) => r[0])).toEqual(reference.map((r) => r[0]));
    expect(maxError('indicators', rows.slice(1), reference.slice(1))).toBeLessThanOrEqual(TOL);
  });

  it('writes to stdout without --out', async () => {
    const stdout = captureOutput(process.stdout);
    const code = await main(['describe', '--input', fixturePath('mvad.csv'), '--cols', 'Sep.93..Jun.99', '--what', 'meant', '--quiet']);
    expect(code).toBe(0);
    expect(stdout().split('\n')[1]).toMatch(/^employment,31\.72191011235955/);
  });
});

/** Run `loopbaan describe` with these arguments and parse the CSV it writes. */
async function describeCsv(name: string, args: string[]): Promise<string[][]> {
  const out = join(dir, `${name}.csv`);
  expect(await main(['describe', ...args, '--out', out, '--quiet'])).toBe(0);
  return readCsv(out);
}

/** Largest relative error beyond the stored 12 decimals between our table and a seqindic fixture (its "row" column dropped). */
function seqindicError(name: string, ours: string[][], reference: string[][]): number {
  expect(ours[0]).toEqual(['id', ...reference[0].slice(1)]);
  expect(ours.length).toBe(reference.length);
  let worst = 0;
  for (let c = 1; c < ours[0].length; c++) {
    worst = Math.max(worst, maxRelError(ours.slice(1).map((r) => Number(r[c])), reference.slice(1).map((r) => Number(r[c])), 5e-13));
  }
  console.log(`describe ${name}: max relative error ${worst.toExponential(2)}`);
  return worst;
}

describe.skipIf(!hasFixtures2)('loopbaan describe: seqindic and missing states (second fixture set)', () => {
  const mvad = ['--input', hasFixtures2 ? fixturePath('mvad.csv') : '', '--cols', 'Sep.93..Jun.99', '--what', 'indicators'];

  it('--indic: the 18 basic, diversity and complexity indicators with TraMineR column names', async () => {
    const rows = await describeCsv('seqindic', [...mvad, '--indic', 'lgth,nonm,dlgth,visited,visitp,recu,trans,transp,meand,dustd,entr,volat,cplx,turb,turbn,turb2,turb2n,nsubs']);
    expect(seqindicError('mvad_seqindic', rows, readFixture2Rows('mvad_seqindic.csv'))).toBeLessThan(TOL);
  });

  it('--indic binary --pos-states', async () => {
    const rows = await describeCsv('binary', [...mvad, '--indic', 'binary', '--pos-states', 'employment,HE']);
    expect(seqindicError('mvad_seqindic_binary', rows, readFixture2Rows('mvad_seqindic_binary.csv'))).toBeLessThan(TOL);
  });

  it('--indic prec,insec,degrad with the state order of --states', async () => {
    const order = 'employment,HE,FE,school,training,joblessness';
    const rows = await describeCsv('ranked', [...mvad, '--states', order, '--indic', 'prec,insec,degrad', '--state-order', order]);
    expect(seqindicError('mvad_seqindic_ranked', rows, readFixture2Rows('mvad_seqindic_ranked.csv'))).toBeLessThan(TOL);
  });

  it('statd --with-missing: the state * after the alphabet', async () => {
    const rows = await describeCsv('missing', ['--input', fixture2Path('mvad_missing.csv'), '--cols', 'Sep.93..Jun.99', '--what', 'statd', '--with-missing', '--min-cell', '1']);
    const [, ...reference] = readFixture2Rows('mvad_missing_statd.csv');
    expect(rows.slice(1, 8).map((r) => r[0])).toEqual(reference.map((r) => r[0]));
    const err = maxRelError(rows.slice(1, 8).flatMap((r) => r.slice(1).map(Number)), reference.flatMap((r) => r.slice(1).map(Number)), 5e-13);
    console.log(`describe --what statd --with-missing: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(TOL);
  });
});

describe.skipIf(!hasFixtures)('loopbaan describe under disclosure control (the default)', () => {
  const mvad = ['--input', fixturePath('mvad.csv'), '--cols', 'Sep.93..Jun.99'];

  it('statd: no share of fewer than 10 persons, none recoverable from its month, the month\'s entropy hidden with it; the log beside --out', async () => {
    const rows = await describeCsv('statd-safe', [...mvad, '--what', 'statd']);
    const raw = await describeCsv('statd-raw', [...mvad, '--what', 'statd', '--min-cell', '1']);
    const states = rows.slice(1, 7);
    let hidden = 0;
    for (let j = 1; j < rows[0].length; j++) {
      const column = states.map((r) => r[j]);
      const blanks = column.filter((x) => x === '').length;
      hidden += blanks;
      // mvad is unweighted here: share x 712 persons
      for (const x of column) if (x !== '') expect(Math.round(Number(x) * 712) === 0 || Math.round(Number(x) * 712) >= 10).toBe(true);
      for (const [s, x] of column.entries()) if (x === '') expect(raw[s + 1][j]).not.toBe('');
      expect(blanks === 0 || blanks >= 2).toBe(true);
      expect(rows[8][j] === '').toBe(blanks > 0);
    }
    expect(hidden).toBeGreaterThan(0);
    const log = readCsv(join(dir, 'statd-safe.disclosure.csv'));
    expect(log[0]).toEqual(['table', 'cell', 'kind', 'persons', 'rule']);
    expect(new Set(log.slice(1).map((r) => r[4]))).toEqual(new Set(['none', 'primary', 'secondary']));
  });

  it('trate and meant under the rules; indicators logged as microdata', async () => {
    const trate = await describeCsv('trate-safe', [...mvad, '--what', 'trate']);
    expect(trate.slice(1).flat().filter((x) => x === '').length).toBeGreaterThan(0);
    await describeCsv('meant-safe', [...mvad, '--what', 'meant']);
    expect(readCsv(join(dir, 'meant-safe.disclosure.csv')).slice(1).map((r) => r[4])).toEqual(Array(6).fill('none'));
    await describeCsv('indicators-safe', [...mvad, '--what', 'indicators']);
    expect(readCsv(join(dir, 'indicators-safe.disclosure.csv'))).toEqual([['table', 'cell', 'kind', 'persons', 'rule'], ['indicators', '*', 'count', '712', 'microdata']]);
  });
});

describe('loopbaan describe errors', () => {
  it('bad input file: exit 2, one line naming file, line and column', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id,m1,m2,m3\n1,work,none,work\n2,work,wrok,none\n');
    const stderr = captureOutput();
    const code = await main(['describe', '--input', file, '--cols', 'm1..m3', '--states', 'work,none', '--what', 'statd', '--quiet']);
    expect(code).toBe(2);
    expect(stderr()).toMatch(new RegExp(`^loopbaan describe: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 3, column m2: .*"wrok".*\n$`));
  });

  it('unknown --what or missing --what: exit 2', async () => {
    const stderr = captureOutput();
    expect(await main(['describe', '--input', 'x.csv', '--what', 'median'])).toBe(2);
    expect(await main(['describe', '--input', 'x.csv'])).toBe(2);
    expect(stderr()).toMatch(/--what: must be one of statd, trate, meant, indicators/);
    expect(stderr()).toMatch(/--what: is required/);
  });

  it('indicator options without --indic, or an unknown indicator: exit 2', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, 'id,m1,m2\n1,work,none\n');
    const stderr = captureOutput();
    expect(await main(['describe', '--input', file, '--cols', 'm1..m2', '--what', 'indicators', '--pos-states', 'work', '--quiet'])).toBe(2);
    expect(await main(['describe', '--input', file, '--cols', 'm1..m2', '--what', 'indicators', '--indic', 'turbo', '--quiet'])).toBe(2);
    expect(await main(['describe', '--input', file, '--cols', 'm1..m2', '--what', 'indicators', '--indic', 'ppos', '--quiet'])).toBe(2);
    expect(stderr()).toMatch(/--pos-states: needs --indic/);
    expect(stderr()).toMatch(/unknown indicator\(s\) turbo/);
    expect(stderr()).toMatch(/need the positive states/);
  });
});
