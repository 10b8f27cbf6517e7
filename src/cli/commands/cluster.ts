import type { Command } from '../main.js';

// Placeholder until the cluster command lands.
export const command: Command = {
  summary: '(not yet available)',
  usage: 'loopbaan cluster: not yet available',
  async run() {
    process.stderr.write('loopbaan cluster: not yet available\n');
    return 1;
  },
};
