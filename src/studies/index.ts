// Public API of src/studies (re-exported from src/index.ts): study files and the computation from sequences + study to results and report document.
export {
  studyText, STUDY_ANALYSES,
  type StudyFile, type StudyText, type StudyState, type StudyCovariate, type StudyClusterName, type StudyAnalysis, type PublishedFigureSpec,
} from './study-file.js';
export { checkStudyFile, parseStudyFile, studySchema } from './validate.js';
export { resolveStudy, codeLabel, stateLabel, type ResolvedStudy, type StudyOutcome } from './resolve.js';
export { checkPanel, type PanelCheck, type SkippedAnalysis } from './check.js';
export { nameClusters, type NamedCluster, type ClusterNaming } from './cluster-names.js';
export { computeStudy, type ComputeStudyOptions, type StudyComputation, type ProfileTable } from './compute.js';
export {
  studyResults, num, type StudyResults, type JsonNumber, type PanelSource, type ClusterResult, type JobLossResult, type NewJobResult,
  type RetentionResult, type RuleTypeResult, type CategoricalResult,
} from './results.js';
export { studyDocument, type StudyDocumentOptions } from './document.js';
export { comparePublished, type PublishedComparison } from './published.js';
export { figureLayout, panelWidth, type FigureLayout } from './layout.js';
export { orderStates, relabelStates } from './states.js';
export { summarisePanel, type PanelSummary } from './panel-summary.js';
export { disclosableLeaves, type TreeTopOptions } from './tree-top.js';
export { ageBands, AGE_BANDS } from './age-band.js';
