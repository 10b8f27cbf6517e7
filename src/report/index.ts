// Public API of src/report (re-exported from src/index.ts).
export * from './html.js';
export { orderStates, relabelStates } from './states.js';
export { summarisePanel, type PanelSummary } from './panel-summary.js';
export { sequenceTypology, type SequenceTypologyOptions, type SequenceTypology } from './typology.js';
export { disclosableLeaves, type TreeTopOptions } from './tree-top.js';
export { mapStudyGroups, STUDY_GROUPS, type StudyGroupKey, type ClusterProfile, type MappedGroup, type StudyGroupMapping } from './study-groups.js';
export {
  runJobcoachStudy, STUDY_BENEFITS, INDEX_OUTCOMES, NEW_JOB_MONTHS, JOBCOACH_ROLES, JOBCOACH_EMPLOYER,
  type JobcoachStudyOptions, type JobcoachStudy, type PanelSource,
} from './jobcoach-study.js';
export {
  jobcoachResults, qualityRows, type JobcoachResults, type ClusterResult, type JobLossResult, type JsonNumber,
  type NewJobResult, type RetentionResult, type RuleTypeResult, type CategoricalResult,
} from './jobcoach-results.js';
export { ageBands, AGE_BANDS } from './age-band.js';
export { writeJobcoachReport, type WriteReportOptions, type WrittenReport } from './jobcoach-report.js';
export { compareWithPublished, type PublishedFigure, type CompareOptions } from './published.js';
export { ReportFiles, scopeSvgIds, type ReportTable } from './output.js';
export { label as reportLabel, formatNumber } from './texts.js';
export { runMvadStudy, writeMvadReport, type MvadStudyOptions, type MvadStudy } from './mvad.js';
