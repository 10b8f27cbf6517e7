import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A compiled WebAssembly module (opaque; it can be posted to worker threads). */
export type WasmModule = object;

// The project compiles without the DOM library, which is where TypeScript
// declares WebAssembly; these two constructors are all the kernels use.
const wasmApi = (globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => WasmModule;
    Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  };
}).WebAssembly;

/**
 * Compile the first of `candidates` that exists (the build writes the kernels
 * of assembly/ next to the compiled code; the sources look there too). Null
 * when none exists or this runtime has no WebAssembly SIMD.
 *
 * @example
 * const module = compileWasm([new URL('./lines.wasm', import.meta.url)]);
 */
export function compileWasm(candidates: readonly URL[]): WasmModule | null {
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (!existsSync(path)) continue;
    try {
      return new wasmApi.Module(readFileSync(path));
    } catch {
      return null; // no SIMD support
    }
  }
  return null;
}

/**
 * A fresh instance of `module`, with its own memory; an abort inside it
 * throws an Error naming `what`.
 *
 * @example
 * const exports = instantiateWasm(module, 'the line scanner') as { heapBase(): number };
 */
export function instantiateWasm(module: WasmModule, what: string): unknown {
  const instance = new wasmApi.Instance(module, { env: { abort: () => { throw new Error(`${what} aborted`); } } });
  return instance.exports;
}
