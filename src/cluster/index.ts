// Public API of src/cluster (re-exported from src/index.ts).
export * from './hclust.js';
export * from './cutree.js';
