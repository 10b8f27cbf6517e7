export {
  type Alphabet, type CellAttribute, type CellAttributeKind, type CellStore, MAX_STATES, MISSING,
  type StateSequences, VOID,
} from './types.js';
export {
  makeAlphabet, STATE_PALETTE,
} from './alphabet.js';
export {
  createSequences, type SequencesInit,
} from './create.js';
export {
  distinctSequences, type DistinctSequences,
} from './distinct.js';
export { selectRows } from './select.js';
export { subsetMonths } from './subset.js';
export { alignOnProcessTime, type ProcessStart, type AlignOptions } from './align.js';
export { combineChannels, type CombinedChannels } from './channels.js';
export { attributeBlocks, cellAttributeKind, cellAttributeNames, cellAttributesOf, FileCellStore, BLOCK_BYTES, type AttributeBlock, type CellFile } from './cell-store.js';
