import { compileWasm, instantiateWasm, type WasmModule } from '../../wasm.js';
import { jsKernel } from './kernel-js.js';

export type { WasmModule };

/** Linear memory of a kernel, grown in 64 KiB pages like WebAssembly memory. */
export interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * The OM kernel, compiled from assembly/om.ts to WebAssembly or written in
 * TypeScript (kernel-js.ts); both read and write the same memory layout and
 * give bit-identical results. Pointers are byte offsets into `memory`.
 */
export interface Kernel {
  readonly kind: 'wasm' | 'js';
  readonly memory: KernelMemory;
  /** First byte the caller may use. */
  heapBase(): number;
  /** Workspace bytes `omGroup` needs for sequences of at most t states. */
  workBytes(nStates: number, t: number): number;
  /** Distances between 16 lanes of set A and rows bStart..bEnd-1 of set B (see assembly/om.ts). */
  omGroup(
    nStates: number, t: number, sm: number, indel: number,
    aCodes: number, aLen: number, aLcp: number, a0: number, aCount: number,
    bCodes: number, bLen: number, bLcp: number, bStart: number, bEnd: number,
    work: number, out: number,
  ): void;
  /** Workspace bytes of `variantGroup` (WebAssembly kernel only). */
  variantWorkBytes?(nStates: number, t: number): number;
  /** The OMloc and OMslen variants for 16 lanes of set A and rows bStart..bEnd-1 of set B (see assembly/omvar.ts). */
  variantGroup?(
    mode: number, nStates: number, t: number, sm: number, indel: number, weights: number, timeCost: number, context: number,
    aCodes: number, aLen: number, a0: number, aCount: number,
    bCodes: number, bLen: number, bLcp: number, bStart: number, bEnd: number,
    work: number, out: number,
  ): void;
}

/** Pairs one kernel call handles at once (columns of the DP). */
export const LANES = 16;

/** Where the build puts the WebAssembly kernel (`npm run build`: asc assembly/om.ts). */
const WASM_CANDIDATES = [
  new URL('./om.wasm', import.meta.url), // running from dist/distance/engine
  new URL('../../../dist/distance/engine/om.wasm', import.meta.url), // running the sources (vitest)
];

let compiled: WasmModule | null | undefined;

/**
 * The compiled WebAssembly kernel, or null when the build output is missing or
 * this runtime has no WebAssembly SIMD (the engine then uses its TypeScript
 * kernel). Compiled once per thread.
 * @example
 * if (wasmModule() === null) console.warn('OM runs on the slower TypeScript kernel: run `npm run build`.');
 */
export function wasmModule(): WasmModule | null {
  if (compiled === undefined) compiled = compileWasm(WASM_CANDIDATES);
  return compiled;
}

/** A fresh kernel instance with its own memory: WebAssembly from `module`, or the TypeScript kernel when null. */
export function instantiateKernel(module: WasmModule | null): Kernel {
  if (module === null) return jsKernel();
  const ex = instantiateWasm(module, 'OM kernel') as Omit<Kernel, 'kind'>;
  return {
    kind: 'wasm', memory: ex.memory, heapBase: ex.heapBase, workBytes: ex.workBytes, omGroup: ex.omGroup,
    variantWorkBytes: ex.variantWorkBytes, variantGroup: ex.variantGroup,
  };
}

/** The module for a kernel choice: `wasm` fails when the build output is missing. */
export function chooseModule(kernel: 'auto' | 'wasm' | 'js' = 'auto'): WasmModule | null {
  if (kernel === 'js') return null;
  const module = wasmModule();
  if (module === null && kernel === 'wasm') {
    throw new Error('The WebAssembly OM kernel is not available: run `npm run build` (it compiles assembly/om.ts to dist/distance/engine/om.wasm).');
  }
  return module;
}
