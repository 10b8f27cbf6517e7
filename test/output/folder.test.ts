import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, openOutputFolder, readManifest } from '../../src/output/folder.js';
import { scratchDir } from './helpers.js';

async function report(dir: string, files: Record<string, string>, inputs: string[] = []) {
  const folder = await openOutputFolder(dir, { inputs: inputs.map((path) => ({ path, option: '--input' })) });
  for (const [name, text] of Object.entries(files)) await folder.write(name, text);
  return folder.commit();
}

describe('openOutputFolder', () => {
  it('shows nothing of a run before commit, then every file and a manifest', async () => {
    const dir = join(scratchDir(), 'out');
    const folder = await openOutputFolder(dir);
    await folder.write('index.html', '<p>x</p>');
    await folder.write('tables/t1.csv', 'a\n1\n');
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual([]);
    const { manifest } = await folder.commit();
    expect(readFileSync(join(dir, 'tables/t1.csv'), 'utf8')).toBe('a\n1\n');
    expect(manifest.files.map((f) => f.path)).toEqual(['index.html', 'tables/t1.csv']);
    expect((await readManifest(dir))?.files[1]).toEqual({ path: 'tables/t1.csv', bytes: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readdirSync(dir).sort()).toEqual(['index.html', MANIFEST, 'tables'].sort());
  });

  it('removes only files of the earlier manifest, never the inputs or other files', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'months.csv'), 'person_id,month,state\n');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await report(dir, { 'index.html': 'v1', 'figures/f7.svg': '<svg/>', 'tables/t.csv': 'a' });
    // the user edits a report file: it is no longer the report's to remove
    writeFileSync(join(dir, 'tables/t.csv'), 'edited');
    const { removed } = await report(dir, { 'index.html': 'v2' }, [join(dir, 'months.csv')]);
    expect(removed).toEqual(['figures/f7.svg']);
    expect(existsSync(join(dir, 'figures'))).toBe(false);
    expect(readFileSync(join(dir, 'months.csv'), 'utf8')).toBe('person_id,month,state\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'tables/t.csv'), 'utf8')).toBe('edited');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('v2');
  });

  it('never removes an input even when a manifest lists it', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'data.csv'), 'x');
    writeFileSync(join(dir, MANIFEST), JSON.stringify({
      tool: 'loopbaan', written: '', files: [{ path: 'data.csv', bytes: 1, sha256: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881' }],
    }));
    await report(dir, { 'index.html': 'x' }, [join(dir, 'data.csv')]);
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe('x');
  });

  it('refuses to write over an input inside the folder', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'results.json'), '{}');
    const folder = await openOutputFolder(dir, { inputs: [{ path: join(dir, 'results.json'), option: '--months' }] });
    await expect(folder.write('results.json', '[]')).rejects.toThrow(/would overwrite the input file of --months/);
    await folder.abort();
  });

  it('an aborted or interrupted run leaves the earlier complete output, and its staging folder is cleared next time', async () => {
    const dir = scratchDir();
    await report(dir, { 'index.html': 'v1', 'results.json': '{}' });
    const folder = await openOutputFolder(dir);
    await folder.write('index.html', 'v2-half');
    // simulate an interruption: the staging folder stays behind, the output is unchanged
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('v1');
    expect(readdirSync(dir).some((f) => f.startsWith('.loopbaan-partial-'))).toBe(true);
    await report(dir, { 'index.html': 'v3' });
    expect(readdirSync(dir).some((f) => f.startsWith('.loopbaan-partial-'))).toBe(false);
    await folder.abort();
  });

  it('a commit that stops half-way leaves a folder that does not look complete: no manifest, page or results', async () => {
    const dir = scratchDir();
    await report(dir, { 'index.html': 'v1', 'results.json': '{"v":1}', 'figures/f.svg': '<svg/>' });
    // a user's file named like a folder of the report stops the moves after figures/f.svg
    writeFileSync(join(dir, 'tables'), 'mine');
    const folder = await openOutputFolder(dir);
    for (const [name, text] of Object.entries({ 'figures/f.svg': '<svg>2</svg>', 'tables/t.csv': 'a', 'index.html': 'v2', 'results.json': '{"v":2}' })) {
      await folder.write(name, text);
    }
    await expect(folder.commit()).rejects.toThrow(/cannot write/);
    await folder.abort();
    expect(readdirSync(dir).sort()).toEqual(['figures', 'tables']);
    expect(readFileSync(join(dir, 'tables'), 'utf8')).toBe('mine');
    expect(await readManifest(dir)).toBeUndefined();
  });

  it('keeps files out of the folder and its own names', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'out'));
    const folder = await openOutputFolder(join(dir, 'out'));
    await expect(folder.write('../escape.txt', 'x')).rejects.toThrow(/is outside the output folder/);
    await expect(folder.write(MANIFEST, 'x')).rejects.toThrow(/a name loopbaan keeps for itself/);
    await folder.abort();
  });
});
