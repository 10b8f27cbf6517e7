export * from './types.js';
export * from './alphabet.js';
export * from './create.js';
export * from './distinct.js';
