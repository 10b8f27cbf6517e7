// Public API of src/labour (re-exported from src/index.ts).
export { STATE_ROLES, checkStateRoles, roleStates, roleMask, requireRole, type StateRole, type StateRoles } from './roles.js';
export { type WorkOptions, type GroupBy, type TableGroupOptions, type PersonGroups, resolveGroups } from './options.js';
export { jobEpisodes, JobOutcome, JOB_OUTCOME_NAMES, type JobEpisodes, type JobEpisodesOptions } from './episodes.js';
export { jobLossTable, type JobLossOptions, type JobLossRow, type JobLossTable } from './jobLoss.js';
export { timeToNewJob, type TimeToNewJobOptions, type TimeToNewJobGroup, type TimeToNewJob, type NewJobShare } from './reemployment.js';
export { retention, type RetentionOptions, type RetentionRow, type Retention } from './retention.js';
export { ruleTypology, TYPOLOGY_TYPES, type TypologyType, type TypologyOptions, type TypologyRow, type TypologyGroup, type Typology } from './typology.js';
export {
  stateSharesByMonth, cellMeansByMonth,
  type StateSharesOptions, type StateSharesGroup, type StateShares, type CellMeansOptions, type CellMeansGroup, type CellMeans,
} from './shares.js';
export { groupProfiles, type GroupProfileOptions, type GroupProfile, type CategoricalProfile, type NumericProfile, type GroupProfiles } from './profiles.js';
export { fixedEffectsIndex, type IndexNumberOptions, type IndexBin, type IndexNumbers } from './indexNumbers.js';
export { disclosureControl, type LabourTable, type LabourDisclosureOptions, type LabourDisclosure, type ControlledLabourTable } from './disclosure.js';
export { monthIndex, calendarMonth, type PanelMonth } from './dates.js';
export { ageAt, ageBand, ageBandLabels, DEFAULT_AGE_BANDS } from './age.js';
export { participationLadder, LADDER_MOVES, type LadderMove, type LadderOptions, type LadderRow, type LadderTransitions, type Ladder } from './ladder.js';
export { stockOnDate, AGE_BAND, type StockOptions, type StockRow, type Stock } from './stock.js';
export {
  labourTables, publishTables, cellId,
  type TableCell, type PublishedTable, type TableResult, type LabourTableOptions, type ControlledRows, type PublishedTables,
} from './tables.js';
