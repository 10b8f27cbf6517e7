import { chmodSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { checkOutputFile, checkOutputFolder, outputError, refuseInputAsOutput } from '../../src/output/paths.js';
import { scratchDir } from './helpers.js';

/** A folder that refuses new files: chmod 555, or /sys when running as root (root ignores modes). */
async function readOnlyFolder(): Promise<string | undefined> {
  const dir = join(scratchDir(), 'ro');
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  for (const candidate of [dir, '/sys']) {
    const probe = join(candidate, '.probe');
    const handle = await open(probe, 'wx').catch(() => undefined);
    if (!handle) return candidate;
    await handle.close();
    await rm(probe, { force: true });
  }
  return undefined;
}

describe('checkOutputFile', () => {
  it('accepts a new file in a writable folder and leaves nothing behind', async () => {
    const dir = scratchDir();
    await checkOutputFile(join(dir, 'out.csv'), '--out');
  });

  it('refuses a missing folder, a folder as file name, and a file as folder', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'file'), '');
    await expect(checkOutputFile(join(dir, 'nope', 'out.csv'), '--out')).rejects.toThrow(/the folder .*nope of --out does not exist; create it first/);
    await expect(checkOutputFile(dir, '--out')).rejects.toThrow(/--out is a folder; expected a file name/);
    await expect(checkOutputFile(join(dir, 'file', 'out.csv'), '--out')).rejects.toThrow(/file is a file, not a folder/);
  });

  it('refuses a read-only folder before any work', async (ctx) => {
    const ro = await readOnlyFolder();
    if (!ro) ctx.skip();
    const err = await checkOutputFile(join(ro!, 'out.csv'), '--out').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toMatch(/out\.csv: cannot write: (no permission to write there|the file system is read-only)/);
  });

  it('refuses the input file, by name, through a symbolic link and through a hard link', async () => {
    const dir = scratchDir();
    const input = join(dir, 'months.csv');
    writeFileSync(input, 'person_id,month,state\n');
    symlinkSync(input, join(dir, 'sym.csv'));
    linkSync(input, join(dir, 'hard.csv'));
    const inputs = [{ path: input, option: '--input' }];
    for (const out of [input, join(dir, '.', 'months.csv'), join(dir, 'sym.csv'), join(dir, 'hard.csv')]) {
      await expect(checkOutputFile(out, '--out', inputs)).rejects.toThrow('--out is the input file of --input; choose another --out');
    }
    await refuseInputAsOutput(join(dir, 'other.csv'), '--out', inputs);
  });
});

describe('checkOutputFolder', () => {
  it('creates a missing folder and refuses a file', async () => {
    const dir = scratchDir();
    await checkOutputFolder(join(dir, 'a', 'b'), '--out');
    writeFileSync(join(dir, 'f'), '');
    await expect(checkOutputFolder(join(dir, 'f'), '--out')).rejects.toThrow(/--out is a file; expected a folder/);
  });
});

describe('outputError', () => {
  it('says the reason in words', () => {
    const err = (code: string) => outputError('x.csv', Object.assign(new Error(code), { code })).message;
    expect(err('ENOSPC')).toBe('x.csv: cannot write: no space left on the device (the disk is full) (ENOSPC)');
    expect(err('EROFS')).toBe('x.csv: cannot write: the file system is read-only (EROFS)');
    expect(err('EWHATEVER')).toBe('x.csv: cannot write: EWHATEVER');
  });
});
