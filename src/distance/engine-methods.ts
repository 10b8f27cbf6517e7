import type { EncodedRows } from './encode.js';
import { wasmModule, type AlignmentProblem } from './engine/index.js';
import { alignmentProblem, omNormalizer } from './om.js';
import { omlocProblems } from './omloc.js';
import { omslenProblems } from './omslen.js';
import { omstranProblems } from './omstran.js';
import type { DistanceSetup } from './setup.js';

/** Row sets as problems of the OM engine, with the normalisation of their raw distances. */
export interface EngineProblems {
  /** One problem per row set, over one alphabet and one set of costs. */
  readonly problems: AlignmentProblem[];
  /** normalize(raw, la, lb), la and lb the problems' lengths. */
  readonly normalize: (raw: number, la: number, lb: number) => number;
}

/**
 * The methods the OM engine (./engine) computes: OM and LCS on the states, OMstran
 * on the transition tokens of the sequences (./omstran.ts), OMloc and OMslen with
 * its variant kernel when the WebAssembly build is there; undefined for the others
 * (they use their pair kernels, `pairKernel`).
 *
 * @param setup resolved options
 * @param rowSets encoded rows, e.g. the distinct sequences and then references
 * @example
 * const e = engineProblems(setup, [setup.rows]);
 * if (e) await omCondensed(e.problems[0]);
 */
export function engineProblems(setup: DistanceSetup, rowSets: readonly EncodedRows[]): EngineProblems | undefined {
  switch (setup.method) {
    case 'OM':
    case 'LCS':
      return { problems: rowSets.map((rows) => alignmentProblem(setup, rows)), normalize: omNormalizer(setup) };
    case 'OMstran':
      return omstranProblems(setup, rowSets);
    // the position-dependent variants run on the WebAssembly kernel only; without it, on their pair kernels
    case 'OMloc':
      return wasmModule() ? omlocProblems(setup, rowSets) : undefined;
    case 'OMslen':
      return wasmModule() ? omslenProblems(setup, rowSets) : undefined;
    default:
      return undefined;
  }
}
