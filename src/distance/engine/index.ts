export { omCondensed, omToReferences, fitsEngine } from './om.js';
export { expandInParallel } from './expand.js';
export { condensedPairs, referencePairs } from './pairs.js';
export type { AlignmentProblem, EngineOptions } from './problem.js';
export { wasmModule } from './kernel.js';
