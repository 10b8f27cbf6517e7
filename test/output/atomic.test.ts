import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { openAtomicStream, temporaryName, writeFileAtomic } from '../../src/output/atomic.js';
import { scratchDir } from './helpers.js';

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file', async () => {
    const dir = scratchDir();
    await writeFileAtomic(join(dir, 'a.csv'), 'x,y\n1,2\n');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('replaces an existing file only with a complete one', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'a.csv'), 'old');
    await writeFileAtomic(join(dir, 'a.csv'), 'new');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('new');
  });

  it('fails with an OutputError naming the reason when the folder is missing', async () => {
    const dir = scratchDir();
    const err = await writeFileAtomic(join(dir, 'missing', 'a.csv'), 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toMatch(/missing\/a\.csv: cannot write: the folder does not exist/);
  });

  it('reports a full disk (/dev/full) as an OutputError', async () => {
    const err = await writeFileAtomic('/dev/full', 'x').catch((e: unknown) => e);
    expect((err as Error).message).toBe('/dev/full: cannot write: no space left on the device (the disk is full) (ENOSPC)');
  });

  it('puts temporary names in the same folder, hidden', () => {
    expect(temporaryName('out/labels.csv')).toMatch(/^out\/\.labels\.csv\.loopbaan-\d+-[0-9a-f]{6}\.tmp$/);
  });
});

describe('openAtomicStream', () => {
  it('shows the file only after commit', async () => {
    const dir = scratchDir();
    const out = await openAtomicStream(join(dir, 'm.csv'));
    out.stream.write('0,1\n');
    out.stream.write('1,0\n');
    expect(readdirSync(dir).filter((f) => f === 'm.csv')).toEqual([]);
    await out.commit();
    expect(readFileSync(join(dir, 'm.csv'), 'utf8')).toBe('0,1\n1,0\n');
    expect(readdirSync(dir)).toEqual(['m.csv']);
  });

  it('abort leaves an existing file as it was and removes the temporary file', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'm.csv'), 'old');
    const out = await openAtomicStream(join(dir, 'm.csv'));
    out.stream.write('half');
    await out.abort();
    expect(readFileSync(join(dir, 'm.csv'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['m.csv']);
  });

  it('rejects commit with an OutputError when the device is full', async () => {
    const out = await openAtomicStream('/dev/full');
    out.stream.write('x'.repeat(100_000));
    await expect(out.commit()).rejects.toThrow(/no space left on the device/);
  });
});
