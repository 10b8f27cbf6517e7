// Compiles the WebAssembly kernels with SIMD (part of `npm run build`, before
// tsc so that type errors elsewhere cannot leave the build without them):
// assembly/om.ts, the optimal-matching kernel, to dist/distance/engine/om.wasm,
// and assembly/lines.ts, the CSV line scanner, to dist/ingest/duckdb/lines.wasm,
// each next to the compiled code that loads it; the sources find them there too.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kernels = [
  ['assembly/om.ts', 'dist/distance/engine/om.wasm'],
  ['assembly/lines.ts', 'dist/ingest/duckdb/lines.wasm'],
];

for (const [source, output] of kernels) {
  const outFile = resolve(root, output);
  mkdirSync(dirname(outFile), { recursive: true });
  const { error, stderr } = await asc.main([
    resolve(root, source),
    '--outFile', outFile,
    '--optimizeLevel', '3',
    '--shrinkLevel', '0',
    '--enable', 'simd',
    '--runtime', 'stub',
    '--noAssert',
  ]);
  if (error) {
    process.stderr.write(stderr.toString());
    console.error(`build-wasm: ${source}: ${error.message}`);
    process.exit(1);
  }
  console.log(`build-wasm: ${outFile}`);
}
