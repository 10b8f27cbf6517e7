// Public API of src/stats (re-exported from src/index.ts).
export * from './random.js';
export * from './distributions.js';
