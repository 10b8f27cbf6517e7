import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { LoopbaanError, OptionsError, ResourceError } from '../errors.js';

/** One `loopbaan` subcommand: parses its own arguments and calls the library. */
export interface Command {
  /** One-line summary for `loopbaan --help`. */
  readonly summary: string;
  /** Full usage text for `loopbaan <command> --help`. */
  readonly usage: string;
  /** Usage of a part of the command (`loopbaan analyse job-loss --help`), from its arguments; default `usage`. */
  help?(args: string[]): string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

// Commands load lazily so `loopbaan describe` never pays for the chart stack.
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  describe: () => import('./commands/describe.js'),
  dist: () => import('./commands/dist.js'),
  cluster: () => import('./commands/cluster.js'),
  discrepancy: () => import('./commands/discrepancy.js'),
  tree: () => import('./commands/tree.js'),
  representatives: () => import('./commands/representatives.js'),
  validate: () => import('./commands/validate.js'),
  analyse: () => import('./commands/analyse.js'),
  simulate: () => import('./commands/simulate.js'),
  report: () => import('./commands/report.js'),
};

/**
 * Entry point of the `loopbaan` command line. `loopbaan --version` prints the
 * version, `loopbaan help COMMAND` (or `loopbaan COMMAND --help`) a command's
 * usage with examples. Input problems print one line on stderr and give exit code 2.
 *
 * @example
 * process.exitCode = await main(['describe', '--input', 'mvad.csv', '--what', 'statd']);
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    process.stdout.write(await overview());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const wanted = name === 'help' ? rest[0] : name;
  const load = COMMANDS[wanted];
  if (!load) {
    return reportError('', new OptionsError(undefined, `unknown command "${wanted}"; expected one of ${Object.keys(COMMANDS).join(', ')}`), debug);
  }
  const { command } = await load();
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    const args = name === 'help' ? rest.slice(1) : rest;
    process.stdout.write((command.help?.(args) ?? command.usage).trimEnd() + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    return reportError(name, asCommandLine(err, command.usage), debug);
  }
}

// Library options whose command-line name is not their kebab-case form.
const FLAG_OF: Readonly<Record<string, string>> = {
  memoryBudgetBytes: 'memory-budget', maxLineBytes: 'max-line-size', maxFieldChars: 'max-field-size', sampleSize: 'sample-size',
};

/**
 * An OptionsError of the library names the option as the API spells it
 * (`sm`, `withMissing`); on the command line it names the flag (`--sm`,
 * `--with-missing`) when the command has one.
 */
function asCommandLine(err: unknown, usage: string): unknown {
  if (!(err instanceof OptionsError) || err.option === undefined || err.option.startsWith('-')) return err;
  const flag = `--${FLAG_OF[err.option] ?? err.option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (!new RegExp(`${flag}\\b`).test(usage)) return err;
  const renamed = new OptionsError(flag, err.message.slice(err.option.length + 2));
  renamed.stack = err.stack;
  return renamed;
}

/**
 * One line on stderr for an error that escaped a command, and its exit code:
 * 2 for a `LoopbaanError` (the user can fix it), 1 for anything else (a bug).
 * The stack trace is printed only with `--debug`.
 */
function reportError(command: string, thrown: unknown, debug: boolean): number {
  const err = outOfMemory(thrown) ?? thrown;
  const known = err instanceof LoopbaanError;
  const message = err instanceof Error ? err.message : String(err);
  const line = known
    ? message
    : `internal error: ${message.replace(/\.$/, '')}. This is a bug in loopbaan ${packageVersion()}; please report it with the command you ran (add --debug for the stack trace).`;
  process.stderr.write(`loopbaan${command ? ` ${command}` : ''}: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
  if (debug && thrown instanceof Error && thrown.stack) process.stderr.write(thrown.stack + '\n');
  return known ? 2 : 1;
}

/**
 * A failed allocation that no budget check foresaw, as a ResourceError: the
 * work needed more memory than the machine (or the JavaScript engine) could give.
 */
function outOfMemory(err: unknown): ResourceError | undefined {
  if (!(err instanceof RangeError) || !/allocation failed|out of memory|could not allocate/i.test(err.message)) return undefined;
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return new ResourceError(
    `not enough memory for this work (${err.message}); this machine has ${gib} GiB: ` +
      'lower --memory-budget, use fewer persons or months, or cluster with --aggregate or --algo clara',
  );
}

/** The version in the package's package.json (the same from src/ and dist/). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function overview(): Promise<string> {
  const lines = [`loopbaan ${packageVersion()}`, 'usage: loopbaan <command> [options]   (loopbaan help <command> for its options and examples)', ''];
  // one column for the summaries, as wide as the longest command name
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  for (const [name, load] of Object.entries(COMMANDS)) {
    const summary = await load().then((m) => m.command.summary, () => '(not available)');
    lines.push(`  ${name.padEnd(width)}  ${summary}`);
  }
  lines.push('', '`loopbaan --version` prints the version; add --debug to any command for the stack trace of an error.');
  return lines.join('\n') + '\n';
}
