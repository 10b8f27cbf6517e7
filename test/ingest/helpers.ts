// Small input files for the ingest tests, written to a fresh temporary folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Write `files` (name -> content) to a new temporary folder; `path(name)` gives a file's path. */
export function tmpFiles(files: Record<string, string | Buffer>): { dir: string; path(name: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'loopbaan-ingest-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, path: (name) => join(dir, name) };
}
