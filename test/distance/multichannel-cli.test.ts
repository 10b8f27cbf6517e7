// `loopbaan dist --channels` / `--channel-columns` end to end, compared with TraMineR's seqMD.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/cli.js';
import { fixture2Path, hasFixtures2, readMatrix2 } from '../helpers/fixtures.js';
import { maxRelError, readReference, referenceColumns } from '../helpers/r-references.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-md-'));

/** Run `loopbaan dist` and return the exit code and the matrix it wrote. */
async function dist(args: string[]): Promise<{ code: number; rows: number[][] }> {
  const out = join(dir, `m${Math.random().toString(36).slice(2)}.csv`);
  const code = await main(['dist', ...args, '--out', out, '--quiet']);
  const rows = code === 0 ? readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => line.split(',').map(Number)) : [];
  return { code, rows };
}

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!hasFixtures2)('loopbaan dist --channels on mvad education x work', () => {
  const channels = () => ['--format', 'wide', '--channels', `${fixture2Path('mvad_channel_edu.csv')},${fixture2Path('mvad_channel_work.csv')}`, '--cols', 'Sep.93..Jun.99'];
  test.each([
    ['mvad_md_om_trate_constant.csv.gz', ['--method', 'OM', '--sm', 'TRATE,CONSTANT']],
    ['mvad_md_ham.csv.gz', ['--method', 'HAM']],
  ])('%s', async (file, args) => {
    const { code, rows } = await dist([...channels(), ...args]);
    expect(code).toBe(0);
    const reference = readMatrix2(file);
    const err = maxRelError(rows.slice(0, reference.length).flat(), reference.flat());
    console.log(`dist --channels ${file}: max relative error ${err.toExponential(2)}`);
    expect(rows.length).toBe(712);
    expect(err).toBeLessThan(1e-9);
  });
});

describe('loopbaan dist --channel-columns: one long file, a state column per channel', () => {
  // the first 40 persons of test/fixtures-r/panel.csv and channel_hours.csv as one long file
  const [, ...states] = readReference('panel.csv');
  const [, ...hours] = readReference('channel_hours.csv');
  const month = (j: number) => `${2020 + Math.floor(j / 12)}-${String((j % 12) + 1).padStart(2, '0')}`;
  const lines = ['person_id,month,state,hours'];
  for (let i = 0; i < 40; i++) for (let j = 0; j < 24; j++) lines.push(`${states[i][0]},${month(j)},${states[i][j + 2]},${hours[i][j + 1]}`);
  const file = join(dir, 'long.csv');
  writeFileSync(file, lines.join('\n') + '\n');

  test('OM with TRATE and CONSTANT costs equals seqMD on the wide files', async () => {
    const { code, rows } = await dist(['--input', file, '--channel-columns', 'state,hours', '--method', 'OM', '--sm', 'TRATE,CONSTANT']);
    expect(code).toBe(0);
    const lower: number[] = [];
    for (let j = 0; j < 40; j++) for (let i = j + 1; i < 40; i++) lower.push(rows[i][j]);
    expect(maxRelError(lower, referenceColumns('md_dist.csv').om_trate_const)).toBeLessThan(1e-9);
  });

  test('bad channel options: exit 2 with one line', async () => {
    const stderr = captureOutput();
    expect((await dist(['--input', file, '--channel-columns', 'state', '--method', 'OM'])).code).toBe(2);
    expect((await dist(['--input', file, '--channel-columns', 'state,hours', '--sm', 'TRATE,CONSTANT,TRATE'])).code).toBe(2);
    expect((await dist(['--input', file, '--channel-columns', 'state,hours', '--link', 'max'])).code).toBe(2);
    expect((await dist(['--input', file, '--channel-columns', 'state,hours', '--method', 'TWED'])).code).toBe(2);
    expect((await dist(['--input', file, '--channel-columns', 'state,hours', '--cweight', '1'])).code).toBe(2);
    const text = stderr();
    expect(text).toMatch(/at least two channels/);
    expect(text).toMatch(/--sm: needs one value for all channels or one per channel \(2\)/);
    expect(text).toMatch(/--link: must be sum or mean/);
    expect(text).toMatch(/--method: must be one of OM, HAM, DHD, LCS/);
    expect(text).toMatch(/--cweight: needs one non-negative number per channel/);
    expect(text.trimEnd().split('\n').length).toBe(5);
  });
});

describe('loopbaan dist --channels: the files must match', () => {
  test('other persons or another order: exit 2 naming the file', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'id,m1,m2\n1,x,y\n2,y,y\n');
    writeFileSync(b, 'id,m1,m2\n2,p,q\n1,q,q\n');
    const stderr = captureOutput();
    expect((await dist(['--channels', `${a},${b}`, '--cols', 'm1..m2'])).code).toBe(2);
    expect(stderr()).toMatch(/b\.csv: row 1 is person "2" where .*a\.csv has "1"; the channels need the same persons in the same order/);
  });
});

