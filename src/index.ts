/**
 * loopbaan: sequence analysis of monthly labour-market panels.
 * Every public function is exported from here; see the README for the API reference.
 */
export * from './errors.js';
export * from './progress.js';
export * from './sequences/index.js';
export * from './distance/index.js';
