import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/cli.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loopbaan', () => {
  it('--version prints the package version', async () => {
    const out = captureOutput(process.stdout);
    expect(await main(['--version'])).toBe(0);
    expect(out()).toBe(`${VERSION}\n`);
  });

  it('help lists every command; help COMMAND prints its usage with an example, like COMMAND --help', async () => {
    const out = captureOutput(process.stdout);
    expect(await main(['help'])).toBe(0);
    const commands = [...out().matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['describe', 'dist', 'cluster', 'simulate', 'report', 'representatives']));
    // every summary starts in the same column, also after the longest name
    const starts = out().split('\n').filter((l) => /^ {2}[a-z]+ /.test(l)).map((l) => /^ {2}[a-z]+ +/.exec(l)![0].length);
    expect(new Set(starts).size).toBe(1);
    for (const c of commands) {
      const before = out().length;
      expect(await main(['help', c])).toBe(0);
      const help = out().slice(before);
      expect(help).toMatch(/^usage: loopbaan /);
      expect(help).toMatch(/example/);
      const again = out().length;
      expect(await main([c, '--help'])).toBe(0);
      expect(out().slice(again)).toBe(help);
    }
  });

  it('an unknown command, also after help, exits 2 naming it', async () => {
    const err = captureOutput(process.stderr);
    expect(await main(['help', 'analyze'])).toBe(2);
    expect(err()).toMatch(/unknown command "analyze"/);
  });
});
