import type { Command } from '../main.js';

// Placeholder until the simulate command lands.
export const command: Command = {
  summary: '(not yet available)',
  usage: 'loopbaan simulate: not yet available',
  async run() {
    process.stderr.write('loopbaan simulate: not yet available\n');
    return 1;
  },
};
