export * from './matrix.js';
export * from './types.js';
export { substitutionCosts, type SubstitutionCostOptions } from './costs.js';
export { normalizeDistance, resolveNorm, type ResolvedNorm } from './normalize.js';
export { distances, distinctDistances, distancesToReferences, DEFAULT_MEMORY_BUDGET } from './compute.js';
export { omCondensedReference, omToReferencesReference } from './om.js';
export { writeDistanceCsv } from './csv.js';
export { readCostMatrix } from './cost-file.js';
