import type { Command } from '../main.js';

// Placeholder until the report command lands.
export const command: Command = {
  summary: '(not yet available)',
  usage: 'loopbaan report: not yet available',
  async run() {
    process.stderr.write('loopbaan report: not yet available\n');
    return 1;
  },
};
