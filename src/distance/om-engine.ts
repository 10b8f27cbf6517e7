import type { ProgressReporter } from '../progress.js';
import { omCondensedReference, omToReferencesReference, type AlignmentProblem } from './om.js';

/** The raw OM kernels: the fast engine (./engine) when it is built, else the reference. */
export interface OmKernels {
  readonly name: 'engine' | 'reference';
  omCondensed(p: AlignmentProblem, opts?: { threads?: number; progress?: ProgressReporter }): Promise<Float64Array>;
  omToReferences(p: AlignmentProblem, refs: AlignmentProblem, opts?: { threads?: number; progress?: ProgressReporter }): Promise<Float64Array>;
}

/** The plain TypeScript kernels of ./om.ts behind the engine's interface. */
export const referenceOmKernels: OmKernels = {
  name: 'reference',
  omCondensed: async (p, opts) => omCondensedReference(p, opts),
  omToReferences: async (p, refs, opts) => omToReferencesReference(p, refs, opts),
};

// A variable specifier: the engine is optional while it is being built.
const ENGINE_MODULE: string = './engine/index.js';
let loaded: Promise<OmKernels> | undefined;

/**
 * The OM kernels to use: the engine's when its module loads, else the reference.
 * @example
 * const k = await omKernels();
 * const raw = await k.omCondensed(problem, { threads: 2 });
 */
export function omKernels(): Promise<OmKernels> {
  loaded ??= import(ENGINE_MODULE).then(
    (m: Partial<OmKernels>) =>
      typeof m.omCondensed === 'function' && typeof m.omToReferences === 'function'
        ? { name: 'engine' as const, omCondensed: m.omCondensed, omToReferences: m.omToReferences }
        : referenceOmKernels,
    () => referenceOmKernels,
  );
  return loaded;
}
