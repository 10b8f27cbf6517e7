import type { Command } from '../main.js';

// Placeholder until the dist command lands.
export const command: Command = {
  summary: '(not yet available)',
  usage: 'loopbaan dist: not yet available',
  async run() {
    process.stderr.write('loopbaan dist: not yet available\n');
    return 1;
  },
};
