import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixturePath, hasFixtures } from '../helpers/fixtures.js';
import { captureOutput } from '../helpers/cli.js';

// `report jobcoach` and `report mvad` give the numbers they gave before the
// study-file reports (test/snapshots/README.md says how the snapshots were made).

type Json = Record<string, unknown>;
const snapshot = (name: string) => JSON.parse(readFileSync(new URL(`../snapshots/${name}`, import.meta.url), 'utf8')) as Json;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-snapshots-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function report(args: string[], out: string): Promise<Json> {
  captureOutput(process.stdout);
  captureOutput(process.stderr);
  expect(await main(['report', ...args, '--out', join(dir, out), '--quiet', '--threads', '1'])).toBe(0);
  return JSON.parse(await readFile(join(dir, out, 'results.json'), 'utf8')) as Json;
}

/** The ingest report's file names without their folders (they depend on the output folder). */
function shortFiles(r: Json, keep: (file: string) => string): void {
  const ingest = r.ingest as { files: { file: string }[] } | null;
  for (const f of ingest?.files ?? []) f.file = keep(f.file);
}

describe('report jobcoach (synthetic panel, n = 600, seed 1)', () => {
  it('gives the numbers of the snapshot', async () => {
    const r = await report(['jobcoach', '--n', '600', '--seed', '1'], 'jobcoach');
    const source = r.source as Json;
    delete source.persons;
    delete source.months;
    shortFiles(r, (f) => `data/${basename(f)}`);
    expect(r).toEqual(snapshot('report-jobcoach-n600-seed1.json'));
  }, 60_000);
});

describe.skipIf(!hasFixtures)('report mvad', () => {
  it('gives the numbers of the snapshot', async () => {
    const r = await report(['mvad', '--input', fixturePath('mvad.csv')], 'mvad');
    shortFiles(r, basename);
    expect(r).toEqual(snapshot('report-mvad.json'));
  }, 60_000);
});
