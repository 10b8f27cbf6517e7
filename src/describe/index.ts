// Public API of src/describe (re-exported from src/index.ts).
export { type DescribeOptions, MISSING_LABEL } from './states.js';
export { stateDistribution, modalStates, type StateDistribution, type ModalStates } from './state-distribution.js';
export { transitionRates, transitionRatesByMonth, type TransitionRateOptions, type TransitionRates, type TransitionRatesByMonth } from './transitions.js';
export { meanTime, type MeanTime } from './mean-time.js';
export { spells, spellDurations, type Spells, type SpellDurations } from './spells.js';
export {
  withinEntropy, transitionCount, turbulence, complexity, sequenceIndicators,
  type IndicatorOptions, type SequenceIndicators,
} from './indicators.js';
export { describeTable, DESCRIBE_TABLES, type DescribeTable } from './table.js';
