// Public API of src/cluster (re-exported from src/index.ts).
export * from './hclust.js';
export * from './cutree.js';
export * from './medoids.js';
export * from './silhouette.js';
export * from './pam.js';
export * from './sorted-pairs.js';
export * from './quality.js';
export * from './range.js';
export * from './kmedoids.js';
export * from './clara.js';
export * from './relabel.js';
export * from './describe-clusters.js';
