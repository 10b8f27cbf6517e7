export * from './types.js';
export * from './alphabet.js';
export * from './create.js';
export * from './distinct.js';
export { selectRows } from './select.js';
export { subsetMonths } from './subset.js';
export { alignOnProcessTime, type ProcessStart, type AlignOptions } from './align.js';
export { combineChannels, type CombinedChannels } from './channels.js';
