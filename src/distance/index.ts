export {
  condensedBytes, condensedIndex, distanceAt, type DistanceMatrix, expandBlock, expandDistinct,
  expansionPlan, type ExpansionPlan, subMatrix,
} from './matrix.js';
export {
  type CostMatrix, type CostMethod, type DistanceMethod, type DistanceOptions, type FeatureType,
  type Normalization, type StateFeature, type StateFeatures, type SubstitutionCosts,
} from './types.js';
export { substitutionCosts, type SubstitutionCostOptions } from './costs.js';
export { normalizeDistance, resolveNorm, type ResolvedNorm } from './normalize.js';
export { distances, distinctDistances, distancesToReferences, DEFAULT_MEMORY_BUDGET } from './compute.js';
export { omCondensedReference, omToReferencesReference } from './om.js';
export { writeDistanceCsv, writeReferenceCsv, type WriteCsvOptions } from './csv.js';
export { writeDistanceCondensed, readDistanceCondensed, isCondensedFile, CONDENSED_MAGIC } from './condensed-file.js';
export { readCostMatrix } from './cost-file.js';
export { gowerDistances } from './gower.js';
export { readStateFeatures } from './state-features-file.js';
export { channelCosts, channelDistances, type ChannelCost, type ChannelCostOptions, type ChannelDistanceOptions, type ChannelMethod } from './multichannel.js';
