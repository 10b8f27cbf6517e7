// The condensed binary distance file: round trip, bad files, and the README's
// R and Python readers run on a written file (skipped when R or NumPy is absent).
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceAt, InputError, readDistanceCondensed, writeDistanceCondensed, type DistanceMatrix } from '../../src/index.js';
import { tmpFiles } from '../ingest/helpers.js';

const m: DistanceMatrix = { n: 4, values: Float64Array.from([1 / 3, 2, 138.514183279, 0.1, 7e-8, 1e20]) };

async function written(): Promise<{ dir: string; file: string }> {
  const t = tmpFiles({});
  const file = t.path('om.dist');
  const out = createWriteStream(file);
  await writeDistanceCondensed(m, out);
  out.end();
  await once(out, 'finish');
  return { dir: t.dir, file };
}

/** The code blocks of one language in the README's matrix-files section. */
function readmeSnippet(language: string): string {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- section:matrix-files -->'), readme.indexOf('<!-- /section:matrix-files -->'));
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!block) throw new Error(`no ${language} block in the README's matrix-files section`);
  return block[1];
}

const hasR = spawnSync('Rscript', ['--version']).status === 0;
const hasNumpy = spawnSync('python3', ['-c', 'import numpy']).status === 0;

describe('condensed distance files', () => {
  it('hold LOOPDIST, n and the condensed values, and read back exactly', async () => {
    const { file } = await written();
    const bytes = readFileSync(file);
    expect(bytes.toString('latin1', 0, 8)).toBe('LOOPDIST');
    expect(bytes.readDoubleLE(8)).toBe(4);
    expect(bytes.length).toBe(16 + 6 * 8);
    const back = await readDistanceCondensed(file);
    expect(back.n).toBe(4);
    expect(Array.from(back.values)).toEqual(Array.from(m.values));
  });

  it('refuse files that are not condensed distance files, or are cut short', async () => {
    const t = tmpFiles({ 'a.csv': '0,1\n1,0\n' });
    await expect(readDistanceCondensed(t.path('a.csv'))).rejects.toThrow(/a\.csv: does not start with LOOPDIST/);
    const { file } = await written();
    writeFileSync(t.path('short.dist'), readFileSync(file).subarray(0, 40));
    const err = await readDistanceCondensed(t.path('short.dist')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/short\.dist: holds 24 bytes of values; expected 48 for n = 4/);
  });

  it.skipIf(!hasR)('read in R with the README snippet', async () => {
    const { dir } = await written();
    const script = `${readmeSnippet('r')}\ncat(sprintf("%.17g", c(n, as.matrix(d)[3, 2], as.matrix(d)[4, 3], as.matrix(d)[4, 1])), sep = "\\n")\n`;
    const r = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').map(Number)).toEqual([4, distanceAt(m, 2, 1), distanceAt(m, 3, 2), distanceAt(m, 3, 0)]);
  });

  it.skipIf(!hasNumpy)('read in Python with the README snippet', async () => {
    const { dir } = await written();
    const script = `${readmeSnippet('python')}\nprint(n, repr(float(D[2, 1])), repr(float(D[3, 2])), repr(float(D[0, 3])))\n`;
    const py = spawnSync('python3', ['-c', script], { cwd: dir, encoding: 'utf8' });
    expect(py.stderr).toBe('');
    expect(py.stdout.trim().split(' ').map(Number)).toEqual([4, distanceAt(m, 2, 1), distanceAt(m, 3, 2), distanceAt(m, 0, 3)]);
  });
});
