// The README's shell examples, run as written, in order, in one scratch folder
// (later examples use the files earlier ones made), with the `loopbaan` command
// on the PATH as `npm link` puts it there. A block preceded by
// `<!-- readme-test: skip: REASON -->` is not run (the reason says why: it needs
// R, takes minutes, or is `npm ci` itself). In a transcript block (lines
// starting with `$ `) the `$ ` lines and their `\` continuations are the
// commands and the rest is output; otherwise every line is a command.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SKIP = /^<!-- readme-test: skip: (.+) -->$/;

interface Example {
  /** Line of the opening fence. */
  readonly line: number;
  readonly commands: string;
  /** Why the block is not run, or undefined when it is. */
  readonly skip: string | undefined;
}

/** Every ```sh block of the README. */
function shellExamples(text: string): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].trim() !== '```sh') continue;
    const start = k;
    const body: string[] = [];
    for (k++; k < lines.length && lines[k].trim() !== '```'; k++) body.push(lines[k]);
    let before = start - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const skip = before >= 0 ? SKIP.exec(lines[before].trim())?.[1] : undefined;
    out.push({ line: start + 1, commands: commandsOf(body), skip });
  }
  return out;
}

/** The commands of a block: every line, or in a transcript the `$ ` lines with their continuations. */
function commandsOf(body: string[]): string {
  if (!body.some((l) => l.startsWith('$ '))) return body.join('\n');
  const commands: string[] = [];
  let continued = false;
  for (const l of body) {
    if (l.startsWith('$ ')) commands.push(l.slice(2));
    else if (continued) commands.push(l);
    else continue;
    continued = l.trimEnd().endsWith('\\');
  }
  return commands.join('\n');
}

const examples = shellExamples(README);
const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
if (!built) console.warn('test/readme/examples.test.ts skipped: dist/ is not built (npm ci builds it)');

describe('README examples', () => {
  it('are found, and every skipped one says why', () => {
    expect(examples.filter((e) => !e.skip).length).toBeGreaterThan(10);
    for (const e of examples) expect(e.skip === undefined || e.skip.length > 10).toBe(true);
    // no example reads the project's private fixtures
    for (const e of examples) expect(`README line ${e.line}: ${e.commands}`).not.toMatch(/\.\.\/shared/);
  });

  describe.skipIf(!built)('run from a clean clone as written', () => {
    let dir = '';
    let env: NodeJS.ProcessEnv = {};
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'loopbaan-readme-'));
      const bin = join(dir, '.bin');
      await mkdir(bin);
      const shim = join(bin, 'loopbaan');
      writeFileSync(shim, `#!/bin/sh\nexec node ${JSON.stringify(join(ROOT, 'bin', 'loopbaan.js'))} "$@"\n`);
      chmodSync(shim, 0o755);
      env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`};
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    for (const e of examples) {
      it.skipIf(e.skip !== undefined)(`README line ${e.line}`, () => {
        const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', e.commands], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
        if (r.status !== 0) throw new Error(`README line ${e.line} exited ${r.status ?? r.signal}:\n${e.commands}\n--- stderr:\n${r.stderr}`);
      }, 250_000);
    }
  });
});
