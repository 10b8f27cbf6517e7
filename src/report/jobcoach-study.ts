import { open } from 'node:fs/promises';
import { spellLabel } from '../cluster/describe-clusters.js';
import { InputError } from '../errors.js';
import { detectDelimiter } from '../ingest/csv.js';
import { loadPanel } from '../ingest/load.js';
import type { IngestReport } from '../ingest/report.js';
import { disclosureControl } from '../labour/disclosure.js';
import { fixedEffectsIndex, type IndexNumbers } from '../labour/indexNumbers.js';
import { jobEpisodes } from '../labour/episodes.js';
import { jobLossTable, type JobLossTable } from '../labour/jobLoss.js';
import { groupProfiles, type GroupProfiles } from '../labour/profiles.js';
import { timeToNewJob, type TimeToNewJob } from '../labour/reemployment.js';
import { retention, type Retention } from '../labour/retention.js';
import { roleStates, type StateRoles } from '../labour/roles.js';
import { ruleTypology, type Typology } from '../labour/typology.js';
import { cellMeansByMonth, stateSharesByMonth, type CellMeans, type StateShares } from '../labour/shares.js';
import type { ProgressReporter } from '../progress.js';
import { selectRows } from '../sequences/select.js';
import { subsetMonths } from '../sequences/subset.js';
import type { StateSequences } from '../sequences/types.js';
import { JOBCOACH_LABELS, simulateJobcoach } from '../simulate/jobcoach.js';
import { writeJobcoachPanel } from '../simulate/write.js';
import { JOBCOACH_STATES, REGIMES } from '../simulate/jobcoach-params.js';
import { adjustedRandIndex } from '../stats/adjustedRandIndex.js';
import { AGE_BANDS, ageBands } from './age-band.js';
import { jobcoachResults, type JobcoachResults } from './jobcoach-results.js';
import { summarisePanel, type PanelSummary } from './panel-summary.js';
import { orderStates } from './states.js';
import { mapStudyGroups, type StudyGroupMapping } from './study-groups.js';
import { sequenceTypology, type SequenceTypology } from './typology.js';

/** Options of `runJobcoachStudy`. */
export interface JobcoachStudyOptions {
  /** A panel already in memory, in process time (month 0 = start of jobcoaching); overrides files and simulation. */
  sequences?: StateSequences;
  /** Person file (person_id, benefit, regime, start_month, weight, ...) and long months file (person_id, month, state, employer_id, ...). */
  persons?: string;
  months?: string;
  /** Person column with the start month (default `start_month`): month 0 of each person. */
  startColumn?: string;
  /** Case-weight column of the person file (default `weight` when the file has it; `null`: unweighted). */
  weight?: string | null;
  /** Drop bad rows and count them instead of failing on the first (default false). */
  lenient?: boolean;
  /** Without files: size and seed of the synthetic panel (default 25,000 and 1). */
  n?: number;
  seed?: number;
  /**
   * Without files: write the synthetic panel to this folder as persons.csv and
   * months.csv and read them back exactly as an extract is read (so the report
   * has an ingest report); without it the panel is generated in memory.
   */
  panelDir?: string;
  /** Months since the start that the typology clusters (default 36: the study's three years). */
  window?: number;
  /**
   * Months since the start that Table 1, the rule typology and the means at
   * the end cover (default 36: the study's three years), whatever `window` the
   * typology clusters.
   */
  studyMonths?: number;
  /** Number of clusters (default 4) and the range of the quality table (default [2, 8]). */
  k?: number;
  kRange?: readonly [number, number];
  /** Dissimilarity of the typology: `'OM'` (default, the study's) or `'OMspell'`; substitution costs TRATE either way. */
  distance?: 'OM' | 'OMspell';
  /** Indel cost of the typology's OM (default 'auto': max(TRATE cost) / 2, the TraMineR default). */
  indel?: number | 'auto';
  /** Refine the Ward partition with weighted k-medoids (default 'none'). */
  refine?: 'none' | 'pam';
  /**
   * States that end the search for a new job as a competing exit (e.g. `retired`,
   * `sheltered`; default none): time to a new job then gets the cumulative
   * incidence of a new job and of an exit (Aalen-Johansen), and Table 1 counts exits.
   */
  exitStates?: readonly string[];
  /** Disclosure control: cells resting on fewer persons are suppressed (default 10; 1 turns it off). */
  minCell?: number;
  /** Months of the state-share table in results.json (default 0, 6, 12, 24, 36). */
  shareMonths?: readonly number[];
  /** Months since start that figures 1 and 2 show and the index numbers cover (default 60: five years). */
  figureMonths?: number;
  /** Width of an index-number bin in months (default 3). */
  indexBinWidth?: number;
  /** Worker threads for the distances (default all cores). */
  threads?: number;
  progress?: ProgressReporter;
}

/** Where the panel came from. */
export type PanelSource =
  | { readonly kind: 'simulated'; readonly n: number; readonly seed: number; readonly persons?: string; readonly months?: string }
  | { readonly kind: 'files'; readonly persons: string; readonly months: string }
  | { readonly kind: 'sequences' };

/** The benefits of study A, in the study's column order. */
export const STUDY_BENEFITS: readonly string[] = ['Wajong', 'WGA'];
/**
 * What the jobcoach study's states mean: paid jobs with and without a
 * jobcoach, the unpaid trial placement (a job that pays no wage), no work.
 * Exit states come from the `exitStates` option.
 */
export const JOBCOACH_ROLES: StateRoles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
/** The cell attribute that tells employers apart in the jobcoach panel. */
export const JOBCOACH_EMPLOYER = 'employer_id';
/** States that count as paid work for wages, hours and contracts. */
const PAID = roleStates(JOBCOACH_ROLES, 'paid');
/** Months without work at which the share with a new job is reported (study B: 0, 6, 12 and 48). */
export const NEW_JOB_MONTHS: readonly number[] = [0, 6, 12, 48];
/** Person-month outcomes of figure 2. */
export const INDEX_OUTCOMES: readonly string[] = ['hourly_wage', 'hours_week', 'permanent'];

/** Everything study A computes, before it is written out. */
export interface JobcoachStudy {
  readonly source: PanelSource;
  /** The panel (process time, study states first). */
  readonly sequences: StateSequences;
  /** Its first `window` months: what the typology clusters. */
  readonly window: StateSequences;
  readonly windowMonths: number;
  /** Months of Table 1, the rule typology and the means at the end (the study's 36). */
  readonly studyMonths: number;
  readonly panel: PanelSummary;
  /** The ingest report when the panel was read from files (a user's extract, or the synthetic panel written to `panelDir`). */
  readonly ingest?: IngestReport;
  readonly benefits: readonly string[];
  readonly typology: SequenceTypology;
  /** Clusters named after the study's groups (ids = the study's numbers). */
  readonly groups: StudyGroupMapping;
  /** Medoid of each group (by new id) as a spell label, e.g. `work_jc 7m -> work`. */
  readonly medoidLabels: Readonly<Record<number, string>>;
  /** Adjusted Rand index against the covariate true_group (null without it). */
  readonly ariVsTrueGroup: number | null;
  /** Tables after disclosure control. */
  readonly shares: StateShares;
  readonly jobLoss: JobLossTable;
  /** Group profiles: sex, disability, age band (categories with cell tests and chi-square) and incapacity (means), as far as present. */
  readonly profiles: GroupProfiles;
  /** Table 2: regime at the start by group (Wajong); null without regime or Wajong persons. */
  readonly regime: GroupProfiles | null;
  /** Composition-corrected index numbers, pooled and per benefit, per outcome present. */
  readonly index: readonly IndexNumbers[];
  readonly indexByBenefit: Readonly<Record<string, readonly IndexNumbers[]>>;
  /** Time to a new job after a job ends (all endings in the follow-up), per benefit: Kaplan-Meier, or Aalen-Johansen with exit states. */
  readonly reemployment: TimeToNewJob;
  /** One-year retention of job starts after not working (the start of jobcoaching included), per benefit. */
  readonly retention: Retention;
  /** Study B's rule-based patterns over the window, per benefit. */
  readonly rules: Typology;
  /** Exit states of the time to a new job (empty: none). */
  readonly exitStates: readonly string[];
  /** Raw monthly means (paid months) per benefit at month 0 and the end of the window. */
  readonly cellMeans: readonly CellMeans[];
  /** Means per group at the end of the window (paid months). */
  readonly groupCellMeans: readonly CellMeans[];
  /** Analyses left out and why (missing covariates or attributes). */
  readonly notes: readonly string[];
  readonly options: Required<Pick<JobcoachStudyOptions, 'minCell' | 'figureMonths' | 'indexBinWidth' | 'refine'>> & { shareMonths: number[] };
  /** The machine-readable results (results.json). */
  readonly results: JobcoachResults;
}

/**
 * Study A (SEOR 2019, labour-market patterns after the start of jobcoaching;
 * ../shared/docs/studies.md) from a monthly panel in one call: read or
 * generate the panel, cluster the first `window` months into the study's four
 * trajectory groups, and compute figure 1 (state shares by month), figure 2
 * (composition-corrected index numbers), Table 1 (job endings), the group
 * profiles (sex, disability, age band, incapacity) and Table 2 (regime by
 * group), and study B's indicators on the same panel: time to a new job after
 * a job ends, one-year retention and the rule-based typology; every table
 * with disclosure control.
 *
 * The panel comes from `sequences`, from a person file and a long months
 * file (`persons`, `months`: read by `loadPanel` with month 0 = each
 * person's start month), or from the synthetic panel (`n`, `seed`); with
 * `panelDir` the synthetic panel is written there as persons.csv and
 * months.csv and read back like an extract, so the whole path from raw files
 * to report runs and the results carry the ingest report.
 *
 * Definitions: sequences are in process time (month 0 = start of
 * jobcoaching) and right-censored at the end of follow-up. The typology is
 * `sequenceTypology` (OM with TRATE costs, Ward on distinct sequences with
 * weights) on months 0..window-1 (persons followed less long enter with
 * their shorter sequence); the clusters are named by `mapStudyGroups`.
 * Table 1 counts endings within the first `studyMonths` (36) months for
 * persons followed that long (`jobLossTable`, `incomplete: 'exclude'`),
 * whatever the typology's window; % time working is over
 * each person's whole observed follow-up.
 * Jobs are paid jobs, as in Table 1 (`unpaidOnlyJobs: 'exclude'`): a trial
 * placement that never converts is no job and its months are months
 * without work. Time to a new job (`timeToNewJob`): every job ending in the follow-up,
 * shares with a new job within 0, 6, 12 and 48 months without work (Kaplan-
 * Meier; Aalen-Johansen when `exitStates` are given). Retention
 * (`retention`): job starts after a month without work, and the job at the
 * start of jobcoaching (month 0), read 12 months later. Rule typology
 * (`ruleTypology`): study B's four rules over months 0..studyMonths-1. Age band
 * (`ageBands`): age at the start from `age` or `birth_year`.
 *
 * @param options the panel (files, sequences, or n and seed of the synthetic one) and the study parameters
 * @returns the computed study; `results` is what results.json holds
 * @example
 * const study = await runJobcoachStudy({ n: 25_000, seed: 1, panelDir: 'reports/out/jobcoach/data' });
 * study.results.clusters.ari_vs_true_group; // agreement with the generator's latent groups
 * study.ingest;                               // rows read, kept and rejected per file
 * await writeJobcoachReport(study, { out: 'reports/out/jobcoach' });
 */
export async function runJobcoachStudy(options: JobcoachStudyOptions = {}): Promise<JobcoachStudy> {
  const {
    window: windowMonths = 36, studyMonths = 36, k = 4, kRange = [2, Math.max(8, k)], refine = 'none', minCell = 10,
    figureMonths = 60, indexBinWidth = 3, progress,
  } = options;
  if (!(minCell >= 1)) throw new RangeError(`minCell: expected a number >= 1; got ${minCell}.`);
  const { sequences: loaded, source, ingest } = await jobcoachPanel(options);
  const seqs = orderStates(loaded, JOBCOACH_STATES, JOBCOACH_LABELS);
  const missingStates = ['work_jc', 'work', 'none'].filter((s) => !seqs.alphabet.codes.includes(s));
  if (missingStates.length > 0) {
    throw new InputError(options.months ?? 'panel', undefined, 'state', `the states ${missingStates.join(', ')} do not occur; the jobcoach study needs trial, work_jc, work and none`);
  }
  const covariates = seqs.covariates.columnNames();
  if (!covariates.includes('benefit')) throw new InputError(options.persons ?? 'panel', undefined, 'benefit', 'no benefit column; expected Wajong or WGA per person');
  if (!(windowMonths >= 2 && windowMonths <= seqs.t)) throw new RangeError(`window: expected 2..${seqs.t} months; got ${windowMonths}.`);
  if (!(Number.isInteger(studyMonths) && studyMonths >= 1 && studyMonths <= seqs.t)) throw new RangeError(`studyMonths: expected 1..${seqs.t} months; got ${studyMonths}.`);
  const notes: string[] = [];
  const seen = new Set(Array.from(seqs.covariates.array('benefit') as ArrayLike<string>, String));
  const benefits = [...STUDY_BENEFITS.filter((b) => seen.has(b)), ...[...seen].filter((b) => !STUDY_BENEFITS.includes(b)).sort()];
  const shareMonths = (options.shareMonths ?? [0, 6, 12, 24, 36]).filter((m) => m < seqs.t);
  const exitStates = [...(options.exitStates ?? [])];
  for (const s of exitStates) {
    if (!seqs.alphabet.codes.includes(s)) throw new RangeError(`exitStates: "${s}" is not a state of the panel (${seqs.alphabet.codes.join(', ')}).`);
    if (roleStates(JOBCOACH_ROLES, 'paid', 'unpaid').includes(s)) throw new RangeError(`exitStates: "${s}" is a working state; an exit state must be a state without work.`);
  }

  // typology of the first `window` months
  const window = subsetMonths(seqs, 0, windowMonths - 1);
  const typology = await sequenceTypology(window, { k, kRange, refine, indel: options.indel, distance: options.distance, threads: options.threads, progress });
  const groups = mapStudyGroups(window, typology.labels);
  const medoidLabels: Record<number, string> = {};
  groups.groups.forEach((g) => (medoidLabels[g.id] = spellLabel(window, typology.medoids[g.profile.cluster - 1], { minSpell: 2 })));
  const truth = covariates.includes('true_group') ? (seqs.covariates.array('true_group') as ArrayLike<number | string>) : null;
  const ariVsTrueGroup = truth ? adjustedRandIndex(groups.ids, truth) : null;

  // the analyses, each after disclosure control
  progress?.('analyses', 0, 1);
  const safe = <T extends Parameters<typeof disclosureControl>[0]>(table: T) => disclosureControl(table, { minPersons: minCell });
  const ids = Array.from(groups.ids, String);
  const idLevels = groups.groups.map((g) => String(g.id));
  const shares = safe(stateSharesByMonth(seqs, { by: 'benefit', levels: benefits }));
  const roles: StateRoles = { ...JOBCOACH_ROLES, exit: exitStates };
  const byBenefit = { by: 'benefit', levels: benefits, roles, employer: JOBCOACH_EMPLOYER };
  // one set of jobs for every analysis: Table 1's paid jobs (a trial placement that never converts is no job)
  const episodes = jobEpisodes(seqs, { roles, employer: JOBCOACH_EMPLOYER, unpaidOnlyJobs: 'exclude' });
  const jobLoss = safe(jobLossTable(seqs, { ...byBenefit, window: studyMonths, episodes }));
  const reemployment = safe(timeToNewJob(seqs, { ...byBenefit, episodes, at: NEW_JOB_MONTHS }));
  const retained = safe(retention(seqs, { ...byBenefit, episodes, horizon: 12, includeMonthZero: true }));
  const permanent = seqs.cellAttributes.permanent?.kind === 'number' ? 'permanent' : undefined;
  const rules = safe(ruleTypology(seqs, { ...byBenefit, episodes, from: 0, to: studyMonths, permanent }));
  const bands = ageBands(seqs, options.startColumn);
  const presentBands = bands ? AGE_BANDS.filter((b) => bands.includes(b)) : [];
  const profiled = bands ? { ...seqs, covariates: seqs.covariates.assign({ age_band: bands }) } : seqs;
  const categorical = ['sex', 'disability', ...(bands ? ['age_band'] : [])].filter((c) => profiled.covariates.columnNames().includes(c));
  if (!bands) notes.push('Age bands left out: the person file has neither age nor birth_year with the start month.');
  const profiles = safe(groupProfiles(profiled, {
    by: ids, levels: idLevels, roles, categorical, numeric: ['incapacity_pct'].filter((c) => covariates.includes(c)),
    covariateLevels: { benefit: benefits, regime: REGIMES, age_band: presentBands }, shareBy: 'benefit',
  }));
  let regime: GroupProfiles | null = null;
  const benefit = seqs.covariates.array('benefit') as ArrayLike<string>;
  const wajongRows = Array.from(benefit, (b, i) => (b === 'Wajong' ? i : -1)).filter((i) => i >= 0);
  if (!covariates.includes('regime')) notes.push('Table 2 left out: the person file has no regime column.');
  else if (wajongRows.length === 0) notes.push('Table 2 left out: no Wajong persons.');
  else {
    regime = safe(groupProfiles(selectRows(seqs, wajongRows), {
      by: wajongRows.map((i) => ids[i]), levels: idLevels, roles, categorical: ['regime'], covariateLevels: { regime: REGIMES }, shareBy: 'benefit',
    }));
  }
  const outcomes = INDEX_OUTCOMES.filter((o) => seqs.cellAttributes[o]?.kind === 'number');
  for (const o of INDEX_OUTCOMES) if (!outcomes.includes(o)) notes.push(`Index numbers and means of ${o} left out: the months file has no numeric ${o} column.`);
  const indexPanel = subsetMonths(seqs, 0, Math.min(figureMonths, seqs.t) - 1);
  const bins = Array.from({ length: Math.ceil(indexPanel.t / indexBinWidth) }, (_, b) => b * indexBinWidth);
  // a trial placement's zero wage is not a wage: wages over paid months, hours and contracts over every job month
  const indexOf = (s: StateSequences) => outcomes.map((outcome) =>
    safe(fixedEffectsIndex(s, { outcome, bins, roles, states: outcome === 'hourly_wage' ? PAID : undefined })));
  const index = indexOf(indexPanel);
  const indexByBenefit: Record<string, IndexNumbers[]> = {};
  for (const b of benefits) {
    const rows = Array.from(benefit, (v, i) => (v === b ? i : -1)).filter((i) => i >= 0);
    indexByBenefit[b] = indexOf(selectRows(indexPanel, rows));
  }
  const endMonth = studyMonths;
  const meanMonths = [0, endMonth].filter((m) => m < seqs.t);
  const cellMeans = outcomes.map((attribute) => safe(cellMeansByMonth(seqs, { attribute, states: PAID, by: 'benefit', levels: benefits, months: meanMonths })));
  const groupCellMeans = outcomes.map((attribute) => safe(cellMeansByMonth(seqs, { attribute, states: PAID, by: ids, levels: idLevels, months: [Math.min(endMonth, seqs.t - 1)] })));
  progress?.('analyses', 1, 1);

  const study = {
    source, sequences: seqs, window, windowMonths, studyMonths, panel: summarisePanel(seqs), ingest, benefits, typology, groups, medoidLabels,
    ariVsTrueGroup, shares, jobLoss, profiles, regime, index, indexByBenefit, cellMeans, groupCellMeans, notes,
    reemployment, retention: retained, rules, exitStates,
    options: { minCell, figureMonths, indexBinWidth, refine, shareMonths },
  };
  return { ...study, results: jobcoachResults(study) };
}

/** The panel: given sequences, the two files, or the synthetic panel (in memory, or written to `panelDir` and read back). */
async function jobcoachPanel(options: JobcoachStudyOptions): Promise<{ sequences: StateSequences; source: PanelSource; ingest?: IngestReport }> {
  if (options.sequences) return { sequences: options.sequences, source: { kind: 'sequences' } };
  const { persons, months } = options;
  if (persons || months) {
    if (!persons || !months) throw new Error('Give both the person file and the months file (or neither, for the synthetic panel).');
    return { ...(await readExtract(persons, months, options)), source: { kind: 'files', persons, months } };
  }
  const n = options.n ?? 25_000;
  const seed = options.seed ?? 1;
  if (options.panelDir === undefined) {
    return { sequences: simulateJobcoach({ n, seed, progress: options.progress }), source: { kind: 'simulated', n, seed } };
  }
  const written = await writeJobcoachPanel(options.panelDir, { n, seed, progress: options.progress });
  const extract = await readExtract(written.persons, written.months, options);
  return { ...extract, source: { kind: 'simulated', n, seed, persons: written.persons, months: written.months } };
}

/** Read a person file and a long months file into process time (month 0 = the start column), as a user's extract. */
async function readExtract(persons: string, months: string, options: JobcoachStudyOptions): Promise<{ sequences: StateSequences; ingest: IngestReport }> {
  const weight = options.weight === undefined ? ((await headerOf(persons)).includes('weight') ? 'weight' : undefined) : options.weight ?? undefined;
  const { sequences, report } = await loadPanel({
    format: 'long', input: months, persons, weight, time: { align: 'start', column: options.startColumn ?? 'start_month' },
    mode: options.lenient ? 'lenient' : 'strict', progress: options.progress,
  });
  return { sequences, ingest: report };
}

/** Column names of a CSV file's header line (read from the first 64 kB only). */
async function headerOf(file: string): Promise<string[]> {
  let text: string;
  try {
    const handle = await open(file);
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new InputError(file, undefined, undefined, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}); expected a person CSV file`);
  }
  const line = (text.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '');
  return line.split(detectDelimiter(line)).map((h) => h.trim().replace(/^"|"$/g, ''));
}
