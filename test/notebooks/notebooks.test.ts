// The notebooks in notebooks/: stored without outputs, importing the package by
// its name, and executed headless (tslab kernel, Debian's nbclient) without a
// cell error. Execution needs the built library (dist/), /usr/bin/python3 with
// nbclient and ipykernel, and tslab (a devDependency); it is skipped, with the
// reason, when python or tslab is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOTEBOOK_DIR = join(ROOT, 'notebooks');
const PYTHON = '/usr/bin/python3';
const RUNNER = join(ROOT, 'scripts', 'run-notebooks.py');
const NOTEBOOKS = readdirSync(NOTEBOOK_DIR).filter((f) => f.endsWith('.ipynb')).sort();

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
interface RunResult {
  name: string;
  ok: boolean;
  seconds: number;
  cells: number;
  error: { cell: number; source: string; message: string } | null;
  stderr: string[];
}

const text = (source: string | string[]) => (Array.isArray(source) ? source.join('') : source);

/** Why the notebooks cannot be executed here, or undefined when they can. */
function missingRunner(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import nbclient, nbformat, jupyter_client, IPython'], { encoding: 'utf8' });
  if (probe.status !== 0) return `${PYTHON} has no nbclient/ipykernel (Debian: apt-get install python3-nbclient python3-ipykernel)`;
  if (!existsSync(join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab'))) return 'tslab is not installed (npm ci installs the devDependencies)';
  const zmq = spawnSync(process.execPath, ['-e', "require('zeromq')"], { cwd: ROOT, encoding: 'utf8' });
  if (zmq.status !== 0) return `the tslab kernel cannot start: zeromq does not load (${zmq.stderr.trim().split('\n')[0]})`;
  return undefined;
}

const skipReason = missingRunner();
if (skipReason) console.warn(`Notebook execution skipped: ${skipReason}`);

describe('stored notebooks', () => {
  it('there are at least three', () => {
    expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(3);
  });

  it.each(NOTEBOOKS)('%s has no outputs, runs on tslab and imports the package by name', (name) => {
    const nb = JSON.parse(readFileSync(join(NOTEBOOK_DIR, name), 'utf8')) as { metadata: { kernelspec?: { name?: string } }; cells: NotebookCell[] };
    expect(nb.metadata.kernelspec?.name).toBe('tslab');
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    for (const [k, cell] of code.entries()) {
      expect(cell.outputs ?? [], `code cell ${k} has stored outputs: clear them before committing`).toEqual([]);
      expect(cell.execution_count ?? null, `code cell ${k} has an execution count`).toBeNull();
    }
    const source = code.map((c) => text(c.source)).join('\n');
    expect(source).toMatch(/from 'loopbaan'/);
    expect(source, 'import the package by its name, not paths into src/ or dist/').not.toMatch(/from '[./]+\/(src|dist)\//);
  });
});

describe.skipIf(skipReason !== undefined)(`notebooks execute headless without a cell error${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const results = new Map<string, RunResult>();
  let runnerOutput = '';

  beforeAll(() => {
    // The notebooks load the built package; npm ci builds it (prepare). Build only when it is missing,
    // never over a dist/ that other suites may be reading.
    if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    }
    const run = spawnSync(PYTHON, [RUNNER, '--json', '--parallel', '2'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    runnerOutput = `${run.stdout}\n${run.stderr}`.trim();
    if (run.status === 2 || !run.stdout.trim().startsWith('{')) throw new Error(`scripts/run-notebooks.py could not run the notebooks:\n${runnerOutput}`);
    for (const r of (JSON.parse(run.stdout) as { notebooks: RunResult[] }).notebooks) results.set(r.name, r);
  }, 600_000);

  it.each(NOTEBOOKS)('%s', (name) => {
    const r = results.get(name);
    expect(r, `no result for ${name}:\n${runnerOutput}`).toBeDefined();
    for (const line of r!.stderr) console.warn(`${name} wrote to stderr: ${line}`);
    if (r!.error) throw new Error(failure(r!));
  });
});

/** The failed cell, what it printed, and hints for the usual causes. */
function failure(r: RunResult): string {
  const e = r.error!;
  const hints: string[] = [];
  if (/ERR_REQUIRE_ASYNC_MODULE|top-level await/.test(e.message)) {
    hints.push('tslab loads packages with require(); nothing that loopbaan imports statically may use top-level await (vega and vega-lite must be imported lazily).');
  }
  if (/has no exported member|is not a function|Cannot find module 'loopbaan'/.test(e.message) && distIsStale()) {
    hints.push('dist/ is older than src/: run npm run build.');
  }
  return [`${r.name}, cell ${e.cell}:`, e.source, '--- output:', e.message, ...hints].join('\n');
}

/** True when some file in src/ is newer than dist/index.js. */
function distIsStale(): boolean {
  const built = statSync(join(ROOT, 'dist', 'index.js')).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? newest(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs)));
  return newest(join(ROOT, 'src')) > built;
}
