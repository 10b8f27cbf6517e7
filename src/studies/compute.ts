import { cellAttributeKind } from '../sequences/cell-store.js';
import { clusterSequences, type ClusterPipelineResult } from '../cluster/pipeline.js';
import { meanTime } from '../describe/mean-time.js';
import { disclosableLabel } from '../disclosure/label.js';
import { distancesToReferences } from '../distance/compute.js';
import type { IngestReport } from '../ingest/report.js';
import { disclosureControl, type LabourDisclosure } from '../labour/disclosure.js';
import { jobEpisodes } from '../labour/episodes.js';
import { fixedEffectsIndex, type IndexNumbers } from '../labour/indexNumbers.js';
import { jobLossTable, type JobLossTable } from '../labour/jobLoss.js';
import { groupProfiles, type GroupProfiles } from '../labour/profiles.js';
import { timeToNewJob, type TimeToNewJob } from '../labour/reemployment.js';
import { retention, type Retention } from '../labour/retention.js';
import { roleStates, type StateRoles } from '../labour/roles.js';
import { cellMeansByMonth, stateSharesByMonth, type CellMeans, type StateShares } from '../labour/shares.js';
import { ruleTypology, type Typology } from '../labour/typology.js';
import type { ProgressReporter } from '../progress.js';
import { selectRows } from '../sequences/select.js';
import { subsetMonths } from '../sequences/subset.js';
import type { StateSequences } from '../sequences/types.js';
import { adjustedRandIndex } from '../stats/adjustedRandIndex.js';
import { AGE_BANDS, ageBands } from './age-band.js';
import { checkPanel, type SkippedAnalysis } from './check.js';
import { controlClusters, type ControlledClusters } from './cluster-disclosure.js';
import { explainStudy, type StudyDiscrepancy, type StudyTree } from './explain.js';
import { nameClusters, type ClusterNaming } from './cluster-names.js';
import { summarisePanel, type PanelSummary } from './panel-summary.js';
import { resolveStudy, type ResolvedStudy } from './resolve.js';
import { studyResults, type PanelSource, type StudyResults } from './results.js';
import { orderStates } from './states.js';
import type { StudyAnalysis, StudyExplainAnalysis, StudyFile } from './study-file.js';

/** Options of `computeStudy`. */
export interface ComputeStudyOptions {
  /** Where the panel came from (results.json `source`; default `{ kind: 'sequences' }`). */
  source?: PanelSource;
  /** The ingest report when the panel was read from files. */
  ingest?: IngestReport;
  /** Largest distance matrix to hold (default 8 GiB): beyond it the typology runs CLARA. */
  memoryBudgetBytes?: number;
  threads?: number;
  progress?: ProgressReporter;
}

/** A profile of the clusters over some persons (all, or those `within` a covariate value). */
export interface ProfileTable {
  /** `{}` for all persons, e.g. `{ benefit: 'Wajong' }` for a subset. */
  readonly within: Readonly<Record<string, string>>;
  readonly profiles: GroupProfiles;
}

/** Everything a study computed: the inputs of its results.json and its report document. */
export interface StudyComputation {
  readonly study: ResolvedStudy;
  /** The panel with the study's states first, in its order. */
  readonly sequences: StateSequences;
  /** The months the typology clusters. */
  readonly window: StateSequences;
  readonly windowMonths: number;
  /** Months of the job-loss table, the rule typology and the means at the end. */
  readonly studyMonths: number;
  readonly panel: PanelSummary;
  readonly source: PanelSource;
  readonly ingest?: IngestReport;
  /** Levels of the groupBy column in report order (`['all']` without groupBy). */
  readonly groupLevels: readonly string[];
  readonly typology: ClusterPipelineResult;
  readonly naming: ClusterNaming;
  /**
   * Medoid of each cluster (by report number) as a spell label, e.g. `work_jc 7m -> work`, as it may be
   * published (`disclosableLabel`: the medoid's own label, or an aggregate's); empty when none may be.
   */
  readonly medoidLabels: Readonly<Record<number, string>>;
  /** Whether each medoid label is the medoid's own (`exact`) or an aggregate's; null when none is published. */
  readonly medoidKinds: Readonly<Record<number, 'exact' | 'aggregate' | null>>;
  /** The cluster table's sizes, profiles and mean months after disclosure control. */
  readonly clusterTable: ControlledClusters;
  /** Mean months in each state per cluster (report number), TraMineR `seqmeant`, over the window; NaN where suppressed. */
  readonly meanTimes: Readonly<Record<number, Float64Array>>;
  readonly ariVsTruth: number | null;
  /** The analyses run; those that could not run and why. */
  readonly ran: readonly (StudyAnalysis | StudyExplainAnalysis)[];
  readonly skipped: readonly SkippedAnalysis[];
  /** States the study lists that the data do not have. */
  readonly warnings: readonly string[];
  /** Tables after disclosure control; null when the analysis did not run. */
  readonly shares: StateShares | null;
  readonly jobLoss: JobLossTable | null;
  readonly reemployment: TimeToNewJob | null;
  readonly retention: Retention | null;
  readonly rules: Typology | null;
  readonly profiles: readonly ProfileTable[];
  readonly index: readonly IndexNumbers[];
  readonly indexByGroup: Readonly<Record<string, readonly IndexNumbers[]>>;
  /** Raw means in paid months per group at month 0 and the end of the study months. */
  readonly cellMeans: readonly CellMeans[];
  /** Means per cluster at the end of the study months (paid months). */
  readonly groupCellMeans: readonly CellMeans[];
  /** What disclosure control did to each published table: its lines of the output-check log (disclosure.csv) and its cells per rule. */
  readonly disclosure: readonly Pick<LabourDisclosure, 'log' | 'cellsPerRule'>[];
  /** The typology's dissimilarities explained by covariates (study file keys `discrepancy` and `tree`); null when not asked for or skipped. */
  readonly discrepancy: StudyDiscrepancy | null;
  readonly tree: StudyTree | null;
  /** Analyses and parts left out, and why. */
  readonly notes: readonly string[];
  readonly results: StudyResults;
}

/**
 * A study on a panel, without touching the disk: the typology of the first
 * `time.window` months (`clusterSequences`: OM on the distinct sequences,
 * Ward, or CLARA when the matrix does not fit), clusters named by the study
 * file's rules or by their medoids, and the analyses of the study file
 * (state shares by month, job endings, time to a new job, one-year
 * retention, the rule-based typology, composition-corrected index numbers,
 * cluster profiles with significance), each table after disclosure control,
 * the typology's dissimilarities explained by covariates when the study file
 * asks (`discrepancy`, `tree`: seeded permutation tests on the distances the
 * typology clustered), and the results.json object. The panel must already be on the study's
 * time axis (`loadPanel` with the study's `time`).
 *
 * Analyses the file names but the panel cannot support (no state with the
 * role a job needs, a missing column) are errors naming the key; analyses
 * left to the default that cannot run are listed in `skipped`.
 *
 * @param seqs the panel (process or calendar time, as the study's `time` says)
 * @param file a checked study file (`checkStudyFile`)
 * @param options source and ingest report for results.json, memory budget, threads, progress
 * @returns the computed study; `results` is what results.json holds
 * @example
 * const study = parseStudyFile(await readFile('study.json', 'utf8'), 'study.json');
 * const { sequences } = await loadPanel({ format: 'long', input: 'months.csv', persons: 'persons.csv' });
 * const computed = await computeStudy(sequences, study);
 * computed.results.clusters.groups.map((g) => g.label);
 */
export async function computeStudy(seqs: StateSequences, file: StudyFile, options: ComputeStudyOptions = {}): Promise<StudyComputation> {
  const study = resolveStudy(file);
  const { progress } = options;
  const check = checkPanel(seqs, study);
  const ordered = orderStates(seqs, study.states, study.stateLabels, study.stateColors);
  const notes: string[] = [...check.notes];
  const windowMonths = Math.min(study.window ?? ordered.t, ordered.t);
  const studyMonths = Math.min(study.studyMonths ?? windowMonths, ordered.t);
  const groupLevels = check.groupLevels;
  const shareMonths = study.shareMonths.filter((m) => m < ordered.t);
  const ran = check.ran;
  const runs = (a: StudyAnalysis) => ran.includes(a);
  // states the study lists but the data lack have been warned about; the analyses see the states there are
  const roles = Object.fromEntries(Object.entries(study.roles).map(([role, states]) => [role, states.filter((x) => ordered.alphabet.codes.includes(x))]));
  const paid = roleStates(roles, 'paid');
  const byGroup = study.groupBy ? { by: study.groupBy, levels: groupLevels } : {};
  // minCell 1 turns disclosure control off, the dominance rule included
  const rules = { minCell: study.minCell, round: study.round ?? undefined, dominance: study.minCell <= 1 ? 1 : study.dominance };
  // every table after disclosure control, named in the log (disclosure.csv) as its CSV file
  const disclosure: Pick<LabourDisclosure, 'log' | 'cellsPerRule'>[] = [];
  const safe = <T extends Parameters<typeof disclosureControl>[0]>(table: T, name: string) => {
    const controlled = disclosureControl(table, { ...rules, name });
    disclosure.push(controlled.disclosure);
    return controlled;
  };

  // the typology of the window, named by the study's rules or by the medoids
  const window = subsetMonths(ordered, 0, windowMonths - 1);
  const ks = Array.from({ length: study.range[1] - study.range[0] + 1 }, (_, i) => study.range[0] + i);
  const typology = await clusterSequences(window, {
    distance: { method: study.distance.method, sm: study.distance.sm, indel: study.distance.indel },
    k: study.k, ks: ks.includes(study.k) ? ks : [...ks, study.k].sort((a, b) => a - b),
    algorithm: study.algorithm, aggregate: study.aggregate, refine: study.refine,
    memoryBudgetBytes: options.memoryBudgetBytes, threads: options.threads, progress,
  });
  const naming = nameClusters(window, typology.labels, study.names);
  const medoidLabels: Record<number, string> = {};
  const medoidKinds: Record<number, 'exact' | 'aggregate' | null> = {};
  const meanTimes: Record<number, Float64Array> = {};
  // distances of every sequence to the medoids order the nearest of each (for an aggregate label)
  const toMedoids = study.minCell > 1 ? await distancesToReferences(window, typology.medoids, { method: study.distance.method, sm: study.distance.sm, indel: study.distance.indel, threads: options.threads }) : null;
  const k = typology.medoids.length;
  for (const g of naming.groups) {
    const m = g.cluster - 1;
    const distances = toMedoids ? Float64Array.from({ length: window.n }, (_, i) => toMedoids[i * k + m]) : new Float64Array(window.n);
    const shown = disclosableLabel(window, typology.medoids[m], distances, study.minCell, { minSpell: 2 });
    medoidLabels[g.id] = shown?.label ?? '';
    medoidKinds[g.id] = shown?.kind ?? null;
    const rows = rowsWhere(naming.ids, g.id);
    meanTimes[g.id] = meanTime(selectRows(window, rows)).mean;
  }
  const clusterTable = controlClusters(window, naming, meanTimes, rules);
  disclosure.push(clusterTable);
  const ariVsTruth = study.truth && ordered.covariates.columnNames().includes(study.truth) ? adjustedRandIndex(naming.ids, ordered.covariates.array(study.truth) as ArrayLike<number | string>) : null;

  progress?.('analyses', 0, 1);
  const ids = Array.from(naming.ids, String);
  const idLevels = naming.groups.map((g) => String(g.id));
  const shares = runs('stateShares') ? safe(stateSharesByMonth(ordered, byGroup), 'state-shares') : null;
  const needsJobs = runs('jobLoss') || runs('timeToNewJob') || runs('retention') || runs('ruleTypology');
  const work = { ...byGroup, roles, employer: study.employer };
  const episodes = needsJobs ? jobEpisodes(ordered, { roles, employer: study.employer, unpaidOnlyJobs: study.unpaidOnlyJobs }) : undefined;
  const jobLoss = runs('jobLoss') ? safe(jobLossTable(ordered, { ...work, window: studyMonths, episodes }), 'job-endings') : null;
  const reemployment = runs('timeToNewJob') ? safe(timeToNewJob(ordered, { ...work, episodes, at: study.newJobMonths }), 'time-to-new-job') : null;
  const retained = runs('retention')
    ? safe(retention(ordered, { ...work, episodes, horizon: study.retentionHorizon, includeMonthZero: study.align === 'start' }), 'retention')
    : null;
  const permanent = study.permanent && cellAttributeKind(ordered, study.permanent)?.kind === 'number' ? study.permanent : undefined;
  const ruleTypes = runs('ruleTypology') ? safe(ruleTypology(ordered, { ...work, episodes, from: 0, to: studyMonths, permanent }), 'rule-typology') : null;
  const profiles = runs('profiles') ? profileTables(ordered, study, roles, ids, idLevels, groupLevels, notes).map((p) => ({ ...p, profiles: safe(p.profiles, profileTableName(p.within)) })) : [];

  const outcomes = runs('indexNumbers') ? study.outcomes.filter((o) => cellAttributeKind(ordered, o.name)?.kind === 'number') : [];
  for (const o of study.outcomes) {
    if (runs('indexNumbers') && !outcomes.includes(o)) notes.push(`Index numbers and means of ${o.name} left out: the months file has no numeric ${o.name} column.`);
  }
  const indexPanel = subsetMonths(ordered, 0, Math.min(study.figureMonths, ordered.t) - 1);
  const bins = Array.from({ length: Math.ceil(indexPanel.t / study.indexBinWidth) }, (_, b) => b * study.indexBinWidth);
  const statesOf = (o: (typeof outcomes)[number]) => (o.roles.length ? roleStates(roles, ...o.roles) : undefined);
  const indexOf = (s: StateSequences, group = '') => outcomes.map((o) => safe(fixedEffectsIndex(s, { outcome: o.name, bins, roles, states: statesOf(o) }), `index-numbers ${o.name}${group}`));
  const index = indexOf(indexPanel);
  const indexByGroup: Record<string, IndexNumbers[]> = {};
  if (study.groupBy && outcomes.length > 0) {
    const column = ordered.covariates.array(study.groupBy) as ArrayLike<unknown>;
    for (const level of groupLevels) indexByGroup[level] = indexOf(selectRows(indexPanel, rowsWhere(column, level)), ` ${level}`);
  }
  const meanMonths = [0, studyMonths].filter((m) => m < ordered.t);
  const cellMeans = outcomes.map((o) => safe(cellMeansByMonth(ordered, { attribute: o.name, states: paid, ...byGroup, months: meanMonths }), `means-paid-months ${o.name}`));
  const groupCellMeans = outcomes.map((o) =>
    safe(cellMeansByMonth(ordered, { attribute: o.name, states: paid, by: ids, levels: idLevels, months: [Math.min(studyMonths, ordered.t - 1)] }), `clusters ${o.name}`));
  progress?.('analyses', 1, 1);
  const explained = await explainStudy(window, typology, study, { rules, threads: options.threads, progress }, notes);
  for (const part of [explained.discrepancy, explained.tree]) if (part) disclosure.push(part.published.control);
  const ranAll = [...ran, ...(['discrepancy', 'tree'] as const).filter((a) => explained[a] !== null)];

  const computed: Omit<StudyComputation, 'results'> = {
    study, sequences: ordered, window, windowMonths, studyMonths, panel: summarisePanel(ordered), source: options.source ?? { kind: 'sequences' },
    ingest: options.ingest, groupLevels: study.groupBy ? groupLevels : ['all'], typology, naming, medoidLabels, medoidKinds, meanTimes: clusterTable.meanTimes, clusterTable, ariVsTruth,
    ran: ranAll, skipped: [...check.skipped, ...explained.skipped], warnings: check.warnings, shares, jobLoss, reemployment, retention: retained, rules: ruleTypes, profiles,
    index, indexByGroup, cellMeans, groupCellMeans, discrepancy: explained.discrepancy, tree: explained.tree, notes, disclosure,
  };
  return { ...computed, results: studyResults(computed, shareMonths) };
}

/** Name of a profile table's CSV file (and of its table in disclosure.csv): `profiles`, `profiles-benefit-Wajong`. */
export function profileTableName(within: Readonly<Record<string, string>>): string {
  const suffix = Object.entries(within).map(([k, v]) => `-${k}-${v}`).join('');
  return `profiles${suffix.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The profile tables: one for the covariates over all persons, one per
 * `within` subset (e.g. study A's Table 2, regime among Wajong persons).
 * Categorical covariates get % per cluster with adjusted residuals and a
 * chi-square test, numeric ones means with a Welch t test.
 */
function profileTables(
  seqs: StateSequences, study: ResolvedStudy, roles: StateRoles, ids: string[], idLevels: string[], groupLevels: readonly string[], notes: string[],
): ProfileTable[] {
  const names = seqs.covariates.columnNames();
  let profiled = seqs;
  const levels: Record<string, readonly string[]> = study.groupBy ? { [study.groupBy]: groupLevels } : {};
  const covariates = [];
  for (const c of study.covariates) {
    if (c.derive === 'ageBand') {
      const bands = ageBands(seqs, study.startColumn);
      if (!bands) {
        notes.push('Age bands left out: the person file has neither age nor birth_year with the start month.');
        continue;
      }
      profiled = { ...profiled, covariates: profiled.covariates.assign({ [c.name]: bands }) };
      levels[c.name] = AGE_BANDS.filter((b) => bands.includes(b));
    } else if (!names.includes(c.name)) continue; // checkPanel has noted it
    if (c.levels) levels[c.name] = c.levels;
    covariates.push(c);
  }
  const kindOf = (name: string, kind?: 'categorical' | 'numeric') => kind ?? (isNumeric(profiled.covariates.array(name) as ArrayLike<unknown>) ? 'numeric' : 'categorical');
  const subsets = new Map<string, typeof covariates>();
  for (const c of covariates) {
    const key = JSON.stringify(c.within ?? {});
    subsets.set(key, [...(subsets.get(key) ?? []), c]);
  }
  const tables: ProfileTable[] = [];
  for (const [key, list] of subsets) {
    const within = JSON.parse(key) as Record<string, string>;
    let rows: number[] | null = null;
    for (const [column, value] of Object.entries(within)) {
      const values = profiled.covariates.array(column) as ArrayLike<unknown>;
      const match = rowsWhere(values, value);
      rows = rows ? rows.filter((r) => match.includes(r)) : match;
    }
    if (rows && rows.length === 0) {
      notes.push(`Profile of ${list.map((c) => c.name).join(', ')} left out: no persons with ${Object.entries(within).map(([c, v]) => `${c} = ${v}`).join(', ')}.`);
      continue;
    }
    const subset = rows ? selectRows(profiled, rows) : profiled;
    const tableLevels = { ...levels };
    if (rows && study.groupBy) {
      const present = new Set(Array.from(subset.covariates.array(study.groupBy) as ArrayLike<unknown>, String));
      tableLevels[study.groupBy] = groupLevels.filter((l) => present.has(l));
    }
    tables.push({
      within,
      profiles: groupProfiles(subset, {
        by: rows ? rows.map((i) => ids[i]) : ids, levels: idLevels, roles,
        categorical: list.filter((c) => kindOf(c.name, c.kind) === 'categorical').map((c) => c.name),
        numeric: list.filter((c) => kindOf(c.name, c.kind) === 'numeric').map((c) => c.name),
        covariateLevels: tableLevels, shareBy: study.groupBy,
      }),
    });
  }
  return tables;
}

/** Rows whose value (as text) equals `value`. */
function rowsWhere(values: ArrayLike<unknown>, value: unknown): number[] {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) if (String(values[i]) === String(value)) rows.push(i);
  return rows;
}

function isNumeric(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && v !== '' && typeof v !== 'number') return false;
  }
  return true;
}
