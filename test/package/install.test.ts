// The package as a researcher gets it: `npm pack`, then `npm install ./loopbaan-X.tgz`
// into an empty project (`npm init -y`, no overrides), then import it (ESM, with
// types) and run the CLI. Packs the dist/ that `npm ci` built (prepare), with
// --ignore-scripts so that the tests running beside this one keep their dist/;
// installs with --prefer-offline, so the npm cache that `npm ci` filled serves
// the dependencies.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBCOACH_EMPLOYER, JOBCOACH_ROLES, jobLossTable, simulateJobcoach } from '../../src/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const missing = npm.status !== 0 ? 'npm is not on PATH' : !existsSync(join(ROOT, 'dist', 'index.js')) ? 'dist/ is not built (npm ci builds it)' : undefined;
if (missing) console.warn(`test/package/install.test.ts skipped: ${missing}`);

/** Run a program; fail with its output when it does not exit 0. */
function run(command: string, args: string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

describe.skipIf(missing !== undefined)('npm pack + npm install ./loopbaan-X.tgz', () => {
  let dir = '';
  let consumer = '';
  let files: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loopbaan-package-'));
    const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT).stdout) as
      { filename: string; files: { path: string }[] }[];
    files = packed[0].files.map((f) => f.path).sort();
    consumer = join(dir, 'consumer');
    run('mkdir', [consumer], dir);
    run('npm', ['init', '-y'], consumer);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed[0].filename)], consumer);
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('packs the built library, the CLI, the schemas, the built-in study files, README and LICENSE, and nothing else', () => {
    const allowed = [/^dist\/.+\.(js|d\.ts|wasm)$/, /^bin\/loopbaan\.js$/, /^data-schemas\/[\w-]+\.schema\.json$/, /^studies\/[\w-]+\.json$/, /^(README\.md|LICENSE|package\.json)$/];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/distance/engine/om.wasm', 'dist/ingest/duckdb/lines.wasm', 'dist/distance/engine/worker.js',
      'bin/loopbaan.js', 'data-schemas/months.schema.json', 'data-schemas/study.schema.json', 'studies/jobcoach.json', 'README.md', 'LICENSE']) {
      expect(files).toContain(f);
    }
    // pack empties dist/ first (prepack) and prepare builds it afresh
    expect(PKG.scripts.prepack).toBe('node scripts/clean-dist.js');
    expect(PKG.scripts.prepare).toBe('npm run build');
  });

  it('installs without overrides, with the flechette that arquero 8 can use here', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.overrides).toBeUndefined();
    expect(Object.keys(manifest.dependencies as object)).toEqual(['loopbaan']);
    const flechette = JSON.parse(readFileSync(join(consumer, 'node_modules/@uwdata/flechette/package.json'), 'utf8')) as { version: string };
    expect(flechette.version).toBe('2.6.0');
  });

  it('imports as ESM and gives the numbers of the sources', () => {
    const script = `
      import { simulateJobcoach, jobLossTable, distances, subsetMonths, JOBCOACH_ROLES, JOBCOACH_EMPLOYER } from 'loopbaan';
      const seqs = simulateJobcoach({ n: 300, seed: 4 });
      const t = jobLossTable(seqs, { roles: JOBCOACH_ROLES, employer: JOBCOACH_EMPLOYER, by: 'benefit' });
      const d = await distances(subsetMonths(seqs, 0, 11), { method: 'OM', sm: 'TRATE', indel: 1, threads: 1 });
      console.log(JSON.stringify({ a: t.total.endingsPerPerson, b: t.total.directPct, n: d.n }));`;
    const out = JSON.parse(run('node', ['--input-type=module', '-e', script], consumer).stdout) as { a: number; b: number; n: number };
    const t = jobLossTable(simulateJobcoach({ n: 300, seed: 4 }), { roles: JOBCOACH_ROLES, employer: JOBCOACH_EMPLOYER, by: 'benefit' });
    expect(out).toEqual({ a: t.total.endingsPerPerson, b: t.total.directPct, n: 300 });
  });

  it('has types for TypeScript users', () => {
    writeFileSync(join(consumer, 'check.ts'), [
      "import { jobLossTable, type StateSequences, type JobLossTable, type StateRoles } from 'loopbaan';",
      "const roles: StateRoles = { paid: ['employed'], none: ['unemployed'] };",
      'export const table = (seqs: StateSequences): JobLossTable => jobLossTable(seqs, { roles, window: 24 });',
      '',
    ].join('\n'));
    run('node', [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext',
      '--target', 'es2022', '--skipLibCheck', '--typeRoots', join(ROOT, 'node_modules/@types'), '--types', 'node', 'check.ts'], consumer);
  });

  it('runs the CLI: --version, help, simulate and describe', () => {
    expect(run('npx', ['--no-install', 'loopbaan', '--version'], consumer).stdout.trim()).toBe(PKG.version);
    // the installed bin itself for the rest (npx adds a second of start-up per call)
    const loopbaan = (...args: string[]) => run('node', [join(consumer, 'node_modules/.bin/loopbaan'), ...args], consumer).stdout;
    expect(loopbaan('help', 'describe')).toMatch(/example/);
    loopbaan('simulate', 'jobcoach', '--n', '50', '--out', 'panel', '--quiet');
    const meant = loopbaan('describe', '--input', 'panel/months.csv', '--what', 'meant', '--quiet');
    expect(meant.split('\n')[0]).toBe('state,mean');
  });
});
