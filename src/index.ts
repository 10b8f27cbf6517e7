/**
 * loopbaan: sequence analysis of monthly labour-market panels.
 * Every public function is exported from here; see the README for the API reference.
 */
export * from './errors.js';
export * from './progress.js';
export { caseWeights, type CaseWeightsOptions } from './weights.js';
export * from './sequences/index.js';
export * from './ingest/index.js';
export * from './describe/index.js';
export * from './distance/index.js';
export * from './cluster/index.js';
export * from './explain/index.js';
export * from './labour/index.js';
export * from './disclosure/index.js';
export * from './stats/index.js';
export * from './charts/index.js';
export * from './simulate/index.js';
export * from './report/index.js';
export * from './studies/index.js';
export * from './workflows/index.js';
export * from './i18n/index.js';
export * from './output/index.js';
