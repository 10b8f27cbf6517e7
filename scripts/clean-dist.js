// Empties dist/ before `npm pack` (the prepack script): npm then runs prepare,
// which builds dist/ afresh, so the tarball never carries compiled modules
// whose sources are gone.
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(resolve(dirname(fileURLToPath(import.meta.url)), '../dist'), { recursive: true, force: true });
