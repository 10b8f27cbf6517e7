#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (dist/cli).
import { main } from '../dist/cli/main.js';

// Ctrl-C and kill end through process.exit, so the outputs' temporary files are removed on the way out.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));
// A reader that stops early (loopbaan describe ... | head) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
