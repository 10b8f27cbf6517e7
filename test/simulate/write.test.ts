// writeJobcoachPanel as an output: atomic, never over a user's files, refused
// when the disk cannot hold it (the panel's content is tested in jobcoach.test.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, ResourceError } from '../../src/errors.js';
import { checkReplaceablePanel, writeJobcoachPanel } from '../../src/simulate/write.js';
import { scratchDir } from '../output/helpers.js';

describe('writeJobcoachPanel as an output', () => {
  it('leaves no temporary file, and replaces a panel it wrote', async () => {
    const dir = scratchDir();
    await writeJobcoachPanel(dir, { n: 20, seed: 1 });
    const first = readFileSync(join(dir, 'persons.csv'), 'utf8');
    const written = await writeJobcoachPanel(dir, { n: 30, seed: 2 });
    expect(readdirSync(dir).sort()).toEqual(['months.csv', 'persons.csv']);
    expect(written.personRows).toBe(30);
    expect(readFileSync(join(dir, 'persons.csv'), 'utf8')).not.toBe(first);
  });

  it('never writes over a persons.csv or months.csv of other data, and writes nothing then', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'months.csv'), 'person_id,month,state\nP1,2015-01,work\n');
    const err = await writeJobcoachPanel(dir, { n: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toMatch(/months\.csv: exists and is not a synthetic panel \(its header is not person_id,month,state,employer_id,.*\); loopbaan never writes over other files/);
    expect(readFileSync(join(dir, 'months.csv'), 'utf8')).toBe('person_id,month,state\nP1,2015-01,work\n');
    expect(readdirSync(dir)).toEqual(['months.csv']);
    mkdirSync(join(dir, 'sub', 'persons.csv'), { recursive: true });
    await expect(checkReplaceablePanel({ persons: join(dir, 'sub', 'persons.csv'), months: join(dir, 'sub', 'months.csv') })).rejects.toThrow(/persons\.csv: is in the way \(not a file\)/);
  });

  it('as Parquet: replaces its own files, never a Parquet file of other data', async () => {
    const dir = scratchDir();
    await writeJobcoachPanel(dir, { n: 20, format: 'parquet' });
    await writeJobcoachPanel(dir, { n: 25, format: 'parquet' });
    expect(readdirSync(dir).sort()).toEqual(['months.parquet', 'persons.parquet']);
    writeFileSync(join(dir, 'persons.parquet'), 'not parquet');
    await expect(writeJobcoachPanel(dir, { n: 20, format: 'parquet' })).rejects.toThrow(/persons\.parquet: exists and is not a synthetic panel \(its columns are not person_id,benefit/);
    expect(readFileSync(join(dir, 'persons.parquet'), 'utf8')).toBe('not parquet');
  });

  it('refuses a panel larger than the free disk space before writing (a full disk after hours before)', async () => {
    const dir = scratchDir();
    const err = await writeJobcoachPanel(dir, { n: 1e13 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceError);
    expect((err as Error).message).toMatch(/^the synthetic panel of 10000000000000 persons needs about [\d.]+ GiB on disk, but .* has [\d.]+ GiB free: choose fewer persons \(n\) or a folder on a larger disk$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
