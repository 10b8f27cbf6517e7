// Compiles the optimal-matching kernel assembly/om.ts to WebAssembly with SIMD
// (part of `npm run build`, before tsc so that type errors elsewhere cannot
// leave the build without its kernel). Output: dist/distance/engine/om.wasm,
// next to the compiled engine that loads it; the sources find it there too.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = resolve(root, 'dist/distance/engine/om.wasm');
mkdirSync(dirname(outFile), { recursive: true });

const { error, stderr } = await asc.main([
  resolve(root, 'assembly/om.ts'),
  '--outFile', outFile,
  '--optimizeLevel', '3',
  '--shrinkLevel', '0',
  '--enable', 'simd',
  '--runtime', 'stub',
  '--noAssert',
]);
if (error) {
  process.stderr.write(stderr.toString());
  console.error(`build-wasm: ${error.message}`);
  process.exit(1);
}
console.log(`build-wasm: ${outFile}`);
