// Public API of src/describe (re-exported from src/index.ts).
export { type DescribeOptions, MISSING_LABEL } from './states.js';
export { stateDistribution, modalStates, type StateDistribution, type ModalStates } from './state-distribution.js';
export { transitionRates, transitionRatesByMonth, type TransitionRateOptions, type TransitionRates, type TransitionRatesByMonth } from './transitions.js';
export { meanTime, type MeanTime } from './mean-time.js';
export { spells, spellDurations, type Spells, type SpellDurations } from './spells.js';
export {
  withinEntropy, transitionCount, turbulence, complexity, sequenceIndicators, sequenceLength, spellCount,
  visitedStates, recurrence, subsequenceCount, durationSpread, volatility,
  type IndicatorOptions, type SequenceIndicators, type DurationSpread, type TurbulenceOptions,
} from './indicators.js';
export {
  positiveShare, positiveVolatility, positiveIntegration, stateIntegration, type PositiveStateOptions,
} from './positive-states.js';
export {
  startingCosts, degradation, badness, precarity, insecurity,
  type RankedStateOptions, type DegradationOptions, type DegradationMethod, type StartingCosts,
  type PrecarityOptions, type InsecurityOptions,
} from './precarity.js';
export {
  indicatorTable, resolveIndicators, INDICATORS, INDICATOR_GROUPS,
  type IndicatorTable, type IndicatorTableOptions, type IndicatorName, type IndicatorColumn,
} from './indicator-table.js';
export { describeTable, DESCRIBE_TABLES, type DescribeTable } from './table.js';

