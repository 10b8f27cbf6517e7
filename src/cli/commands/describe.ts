import type { Command } from '../main.js';

// Placeholder until the describe command lands.
export const command: Command = {
  summary: '(not yet available)',
  usage: 'loopbaan describe: not yet available',
  async run() {
    process.stderr.write('loopbaan describe: not yet available\n');
    return 1;
  },
};
