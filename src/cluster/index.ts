// Public API of src/cluster (re-exported from src/index.ts).
export { hclust, type LinkageMethod, type HClustTree, type HClustOptions } from './hclust.js';
export { cutree } from './cutree.js';
export { assignToMedoids, clusterMedoids, type MedoidPartition } from './medoids.js';
export { silhouette, type Silhouette } from './silhouette.js';
export { pam, type PamOptions, type PamResult } from './pam.js';
export { sortPairs, type SortedPairs } from './sorted-pairs.js';
export { clusterQuality, QUALITY_INDICES, type QualityIndex, type ClusterQuality, type QualityOptions } from './quality.js';
export { clusterRange, type ClusterRange, type ClusterRangeOptions } from './range.js';
export { kmedoids, type KMedoidsOptions } from './kmedoids.js';
export { clara, fixedCostOptions, type ClaraOptions, type ClaraSolution, type ClaraResult } from './clara.js';
export { relabelBySize } from './relabel.js';
export {
  describeClusters, spellLabel,
  type Representative, type ClusterDescription, type DescribeClustersOptions, type SpellLabelOptions,
} from './describe-clusters.js';
export { compareClusterings, COMPARED_LINKAGES, type ClusterCompareOptions, type ClusterComparison } from './compare.js';
export {
  nullModelQuality, bootstrapClusterRange,
  type NullModel, type ValidationClustering, type QualityByK, type ValidationOptions, type NullModelOptions, type NullModelQuality,
  type BootstrapOptions, type BootstrapClusterRange,
} from './validation.js';
export { assignToMedoidSequences, type MedoidAssignment } from './assign.js';
export { clusterSequences, type ClusterAlgorithm, type ClusterPipelineOptions, type ClusterPipelineResult } from './pipeline.js';
