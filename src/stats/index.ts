// Public API of src/stats (re-exported from src/index.ts).
export * from './random.js';
export * from './distributions.js';
export * from './contingency.js';
export * from './survival.js';
export * from './linalg.js';
export * from './fixedEffects.js';
export * from './welch.js';
export * from './adjustedRandIndex.js';
