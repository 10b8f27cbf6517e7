// `npm run bench`: runs every bench/*.bench.js file in turn, each in its own
// Node process (so one bench's memory does not inflate another's peak), on
// the built library in dist/ (run `npm run build` first). Arguments after
// `npm run bench --` are passed on, e.g. `npm run bench -- --quick`; names pick
// benches: `npm run bench -- ingest dist report` runs the register-scale ones.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(resolve(here, '../dist/index.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(here).filter((f) => f.endsWith('.bench.js') && (only.length === 0 || only.some((name) => f.includes(name)))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const r = spawnSync(process.execPath, [join(here, file), ...process.argv.slice(2).filter((a) => a.startsWith('--'))], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
