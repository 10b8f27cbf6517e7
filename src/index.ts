/**
 * loopbaan: sequence analysis of monthly labour-market panels.
 * Every public function is exported from here; see the README for the API reference.
 */
export {
  InputError, LoopbaanError, OptionsError, OutputError, ResourceError,
} from './errors.js';
export {
  type ProgressReporter, type ProgressSink, silentProgress, stderrProgress,
} from './progress.js';
export { caseWeights, type CaseWeightsOptions } from './weights.js';
export {
  alignOnProcessTime, type AlignOptions, type Alphabet, type CellAttribute, type CellAttributeKind,
  type CellStore, combineChannels, type CombinedChannels, createSequences, distinctSequences,
  type DistinctSequences, makeAlphabet, MAX_STATES, MISSING, type ProcessStart, selectRows,
  type SequencesInit, STATE_PALETTE, type StateSequences, subsetMonths, VOID,
} from './sequences/index.js';
export {
  checkCsvFile, checkRow, type CsvBatch, type CsvSource, type DataSchemaName, defaultStateOrder,
  detectDelimiter, type FileCounts, formatIngestReport, formatMonth, type GapOptions,
  type IngestMode, type IngestProblem, type IngestReport, type InputLimits, type JoinedLabels,
  joinLabels, type LoadedPanel, loadPanel, type LoadPanelOptions, MONTH_PATTERN, openCsv,
  type PanelOptions, parseColumnRange, parseMonth, personCovariates, type PersonTable, ProblemLog,
  type ProblemReason, readDataSchema, readLongPanel, readPersons, type ReadPersonsOptions,
  readSpells, readWide, type RowSchema, type StateCount, type TimeAxis,
} from './ingest/index.js';
export {
  badness, complexity, degradation, type DegradationMethod, type DegradationOptions,
  DESCRIBE_TABLES, type DescribeOptions, describeTable, type DescribeTable, durationSpread,
  type DurationSpread, INDICATOR_GROUPS, type IndicatorColumn, type IndicatorName,
  type IndicatorOptions, INDICATORS, indicatorTable, type IndicatorTable,
  type IndicatorTableOptions, insecurity, type InsecurityOptions, meanTime, type MeanTime,
  MISSING_LABEL, modalStates, type ModalStates, positiveIntegration, positiveShare,
  type PositiveStateOptions, positiveVolatility, precarity, type PrecarityOptions,
  type RankedStateOptions, recurrence, resolveIndicators, sequenceIndicators,
  type SequenceIndicators, sequenceLength, spellCount, spellDurations, type SpellDurations, spells,
  type Spells, startingCosts, type StartingCosts, stateDistribution, type StateDistribution,
  stateIntegration, subsequenceCount, transitionCount, type TransitionRateOptions, transitionRates,
  type TransitionRates, transitionRatesByMonth, type TransitionRatesByMonth, turbulence,
  type TurbulenceOptions, visitedStates, volatility, withinEntropy,
} from './describe/index.js';
export {
  type ChannelCost, type ChannelCostOptions, channelCosts, type ChannelDistanceOptions,
  channelDistances, type ChannelMethod, CONDENSED_MAGIC, condensedBytes, condensedIndex,
  type CostMatrix, type CostMethod, DEFAULT_MEMORY_BUDGET, distanceAt, type DistanceMatrix,
  type DistanceMethod, type DistanceOptions, distances, distancesToReferences, distinctDistances,
  expandBlock, expandDistinct, expansionPlan, type ExpansionPlan, type FeatureType, gowerDistances,
  isCondensedFile, type Normalization, normalizeDistance, omCondensedReference,
  omToReferencesReference, readCostMatrix, readDistanceCondensed, readStateFeatures,
  type ResolvedNorm, resolveNorm, type StateFeature, type StateFeatures, subMatrix,
  type SubstitutionCostOptions, substitutionCosts, type SubstitutionCosts, type WriteCsvOptions,
  writeDistanceCondensed, writeDistanceCsv, writeReferenceCsv,
} from './distance/index.js';
export {
  assignToMedoids, bootstrapClusterRange, type BootstrapClusterRange, type BootstrapOptions, clara,
  type ClaraOptions, type ClaraResult, type ClaraSolution, type ClusterAlgorithm,
  type ClusterCompareOptions, type ClusterComparison, type ClusterDescription, clusterMedoids,
  type ClusterPipelineOptions, type ClusterPipelineResult, clusterQuality, type ClusterQuality,
  clusterRange, type ClusterRange, type ClusterRangeOptions, clusterSequences, compareClusterings,
  COMPARED_LINKAGES, cutree, describeClusters, type DescribeClustersOptions, fixedCostOptions,
  hclust, type HClustOptions, type HClustTree, kmedoids, type KMedoidsOptions, type LinkageMethod,
  type MedoidPartition, type NullModel, type NullModelOptions, nullModelQuality,
  type NullModelQuality, pam, type PamOptions, type PamResult, QUALITY_INDICES, type QualityByK,
  type QualityIndex, type QualityOptions, relabelBySize, type Representative, silhouette,
  type Silhouette, type SortedPairs, sortPairs, spellLabel, type SpellLabelOptions,
  type ValidationClustering, type ValidationOptions,
} from './cluster/index.js';
export {
  type AnovaRow, ASSOCIATION_STATISTICS, type AssociationOptions, type AssociationStatistic,
  type CaseDissimilarities, type ControlledOutput, controlRepresentatives, controlTree,
  discrepancy, discrepancyAssociation, type DiscrepancyAssociation, type DiscrepancyOptions,
  discrepancyTree, type DiscrepancyTree, formatTree, type FormatTreeOptions,
  multiFactorDiscrepancy, type MultiFactorDiscrepancy, type MultiFactorOptions,
  type MultiFactorRow, type PublishedTree, type PublishedTreeNode, publishTree,
  type RepresentativeCriterion, type RepresentativeOptions, representatives, type Representatives,
  type RepresentativeStatistics, type SequenceRepresentative, type SequenceRepresentativeOptions,
  sequenceRepresentatives, type SequenceRepresentatives, spellFormat, splitLabels,
  type TreeDisclosureOptions, type TreeNode, treeNodes, type TreeOptions, type TreeSplit,
} from './explain/index.js';
export {
  AGE_BAND, ageAt, ageBand, ageBandLabels, calendarMonth, type CategoricalProfile, cellId,
  type CellMeans, cellMeansByMonth, type CellMeansGroup, type CellMeansOptions, checkStateRoles,
  type ControlledLabourTable, type ControlledRows, DEFAULT_AGE_BANDS, disclosureControl,
  fixedEffectsIndex, type GroupBy, type GroupProfile, type GroupProfileOptions, groupProfiles,
  type GroupProfiles, type IndexBin, type IndexNumberOptions, type IndexNumbers, JOB_OUTCOME_NAMES,
  jobEpisodes, type JobEpisodes, type JobEpisodesOptions, type JobLossOptions, type JobLossRow,
  jobLossTable, type JobLossTable, JobOutcome, type LabourDisclosure, type LabourDisclosureOptions,
  type LabourTable, type LabourTableOptions, labourTables, type Ladder, LADDER_MOVES,
  type LadderMove, type LadderOptions, type LadderRow, type LadderTransitions, monthIndex,
  type NewJobShare, type NumericProfile, type PanelMonth, participationLadder, type PersonGroups,
  type PublishedTable, type PublishedTables, publishTables, requireRole, resolveGroups, retention,
  type Retention, type RetentionOptions, type RetentionRow, roleMask, roleStates, ruleTypology,
  STATE_ROLES, type StateRole, type StateRoles, type StateShares, stateSharesByMonth,
  type StateSharesGroup, type StateSharesOptions, type Stock, stockOnDate, type StockOptions,
  type StockRow, type TableCell, type TableGroupOptions, type TableResult, timeToNewJob,
  type TimeToNewJob, type TimeToNewJobGroup, type TimeToNewJobOptions, type Typology,
  TYPOLOGY_TYPES, type TypologyGroup, type TypologyOptions, type TypologyRow, type TypologyType,
  type WorkOptions,
} from './labour/index.js';
export {
  type CellKind, type ControlledCell, type ControlledTable, type ControlledTables, controlTables,
  csvColumns, csvText, type CsvValue, curvePlan, type CurvePlan, disclosableLabel,
  type DisclosableLabel, disclosableSequence, type DisclosableSequence, type DisclosureCell,
  disclosureCsv, type DisclosureLogRow, type DisclosureOptions, type DisclosureRule,
  type DisclosureTable, type DistributionCells, type IndexedRelation, microdataLog,
  neutraliseFormula, pooledMean, primaryRule, type PrimaryRules, protectDistribution,
  type ProtectedDistribution, publishedValues, type Relation, RelationGraph, roundCount,
  type StepCurvePoints, sumsTo, type SuppressionState, suppressSecondary, withUnsafeRaw,
  type WithUnsafeRaw,
} from './disclosure/index.js';
export {
  aalenJohansen, adjustedRandIndex, categoryFixedEffects, type CategoryFixedEffectsFit,
  type CategoryFixedEffectsInput, chiSquareIndependence, chiSquareSurvival, type ChiSquareTest,
  type ConfidenceType, confidenceZ, type CumulativeIncidence, type FixedEffectsBatch,
  FixedEffectsFitter, type FixedEffectsSe, invertSymmetric, kaplanMeier, type KaplanMeierCurve,
  normalCdf, normalQuantile, type Random, randomInt, regularizedBeta, regularizedGammaP,
  regularizedGammaQ, riskTable, type RiskTable, type SampleSummary, sampleWithoutReplacement,
  seededRandom, stepValueAt, studentTCdf, type SurvivalOptions, type SymmetricInverse, welchTest,
  type WelchTest,
} from './stats/index.js';
export {
  channelDistributionPlot, type ChannelPlotOptions, chartConfig, type ChartConfig, chartFont,
  type ChartFont, chartMimeBundle, type ChartMimeBundle, type ChartMimeOptions, type ChartOptions,
  clusterPanels, type ClusterPanelsOptions, clusterQualityPlot, type ClusterQualityPlotOptions,
  type ClusterRangeLike, cumulativeIncidencePlot, dendrogram, type DendrogramOptions,
  type DendrogramTree, type DistributionPlotOptions, entropyHistogram,
  type EntropyHistogramOptions, frequencyPlot, type FrequencyPlotOptions, type GroupOptions,
  type IncidencePlotOptions, indexNumberPlot, type IndexNumberPlotOptions, indexPlot,
  type IndexPlotOptions, type IndexSeries, indexSeriesFrom, kaplanMeierPlot, type Lang,
  meanTimePlot, type MeanTimePlotOptions, MISSING_COLOR, modalStatePlot,
  type ModalStatePlotOptions, type NamedIncidence, type NamedSurvivalCurve, nullModelPlot,
  type NullModelPlotOptions, type PngOptions, renderPng, renderSvg, type RepresentativePanel,
  representativePlot, type RepresentativePlotOptions, type SequenceSort, SERIES_PALETTE,
  stateDistributionPlot, stateDistributionPlotFrom, stateSharesPlot, type SurvivalPlotOptions,
  svgToPng, transitionRatePlot, transitionRatePlotFrom, treePlot, type TreePlotOptions,
  writeFigure,
} from './charts/index.js';
export {
  type Benefit, BENEFITS, createJobcoachGenerator, DISABILITIES, fitGroupModel,
  type GeneratedPerson, groupCell, type GroupJobs, type GroupModel, type GroupProcess,
  INCAPACITY_CLASSES, JOBCOACH_EMPLOYER, JOBCOACH_LABELS, JOBCOACH_PARAMETERS, JOBCOACH_ROLES,
  JOBCOACH_STATES, type JobcoachGenerator, type JobcoachOptions, type JobcoachParameters,
  type JobcoachState, type LateNone, MONTH_COLUMNS, type NextSpell, PERSON_COLUMNS,
  type PersonParameters, REGIMES, SEXES, simulateJobcoach, type SimulateJobcoachOptions,
  type SpellRule, type Withdrawal, type WriteJobcoachOptions, writeJobcoachPanel,
  type WrittenPanel,
} from './simulate/index.js';
export {
  type Block, type Cell, type CellFormat, cellText, type Column, documentFigures, documentTables,
  escapeHtml, figure, type Figure, type FigureOutput, list, literal, pageHtml, paragraph,
  POINTS_PER_CM, preformatted, printSize, type RenderOptions, renderReport, renderReportPage,
  type ReportDocument, reportHtml, resolveText, scopeSvgIds, type Section, table, type Table,
  tableCsv, tableHtml, text, type Text, type WrittenReport,
} from './report/index.js';
export {
  AGE_BANDS, ageBands, type CategoricalResult, checkPanel, checkStudyFile, type ClusterNaming,
  type ClusterResult, codeLabel, comparePublished, computeStudy, type ComputeStudyOptions,
  disclosableLeaves, figureLayout, type FigureLayout, type JobLossResult, type JsonNumber,
  nameClusters, type NamedCluster, type NewJobResult, num, orderStates, type PanelCheck,
  type PanelSource, type PanelSummary, panelWidth, parseStudyFile, type ProfileTable,
  type PublishedComparison, type PublishedFigureSpec, relabelStates, type ResolvedStudy,
  resolveStudy, type RetentionResult, type RuleTypeResult, type SkippedAnalysis, stateLabel,
  STUDY_ANALYSES, type StudyAnalysis, type StudyClusterName, type StudyComputation,
  type StudyCovariate, studyDocument, type StudyDocumentOptions, type StudyFile, type StudyOutcome,
  studyResults, type StudyResults, studySchema, type StudyState, studyText, type StudyText,
  summarisePanel, type TreeTopOptions,
} from './studies/index.js';
export {
  BUILTIN_STUDIES, builtinStudy, readStudyFile, studyReport, type StudyReport,
  type StudyReportOptions,
} from './workflows/index.js';
export {
  type Catalogue, fill, formatCount, formatNumber, formatPValue, isTextKey, LANGS, type TextKey,
  type TextParam, tr,
} from './i18n/index.js';
export {
  type AtomicStream, checkOutputFile, checkOutputFolder, type Manifest, MANIFEST,
  type ManifestEntry, type NamedInput, openAtomicStream, openOutputFolder, outputError,
  type OutputFolder, type OutputFolderOptions, readManifest, refuseInputAsOutput, temporaryName,
  writeFileAtomic,
} from './output/index.js';
