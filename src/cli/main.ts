import { InputError, MemoryBudgetError, OptionsError } from '../errors.js';

/** One `loopbaan` subcommand: parses its own arguments and calls the library. */
export interface Command {
  /** One-line summary for `loopbaan --help`. */
  readonly summary: string;
  /** Full usage text for `loopbaan <command> --help`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

// Commands load lazily so `loopbaan describe` never pays for the chart stack.
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  describe: () => import('./commands/describe.js'),
  dist: () => import('./commands/dist.js'),
  cluster: () => import('./commands/cluster.js'),
  simulate: () => import('./commands/simulate.js'),
  report: () => import('./commands/report.js'),
};

/**
 * Entry point of the `loopbaan` command line.
 * Input problems print one line on stderr and give exit code 2.
 *
 * @example
 * process.exitCode = await main(['describe', '--input', 'mvad.csv', '--what', 'statd']);
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(await overview());
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`loopbaan: unknown command "${name}"; expected one of ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof InputError || err instanceof MemoryBudgetError || err instanceof OptionsError || err instanceof UsageError) {
      process.stderr.write(`loopbaan ${name}: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw err;
  }
}

/** Wrong or missing command-line arguments (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

async function overview(): Promise<string> {
  const lines = ['usage: loopbaan <command> [options]   (loopbaan <command> --help for details)', ''];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const summary = await load().then((m) => m.command.summary, () => '(not available)');
    lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  return lines.join('\n') + '\n';
}
