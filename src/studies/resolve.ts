import type { Lang } from '../i18n/index.js';
import { STATE_ROLES, type StateRole, type StateRoles } from '../labour/roles.js';
import { STUDY_ANALYSES, studyText, type StudyAnalysis, type StudyClusterName, type StudyCovariate, type StudyFile, type StudyText } from './study-file.js';

/** An outcome of the index numbers: a numeric person-month column and the roles of the months it counts in (all job months when empty). */
export interface StudyOutcome {
  readonly name: string;
  readonly roles: readonly StateRole[];
}

/** The discrepancy analysis of a study with its defaults filled in. */
export interface ResolvedDiscrepancy {
  /** Covariates in model order. */
  readonly covariates: readonly string[];
  /** The study file key the covariates come from, for messages (`discrepancy.covariates` or `covariates`). */
  readonly covariatesKey: string;
  readonly permutations: number;
  readonly seed: number;
}

/** The dissimilarity tree of a study with its defaults filled in. */
export interface ResolvedTree extends ResolvedDiscrepancy {
  readonly maxDepth: number;
  readonly minSize: number;
  readonly pval: number;
}

/** A study file with every default filled in: what the computation reads. */
export interface ResolvedStudy {
  readonly file: StudyFile;
  readonly title: StudyText;
  readonly states: readonly string[];
  /** English labels of the states (the data's alphabet labels; pages translate). */
  readonly stateLabels: Readonly<Record<string, string>>;
  readonly stateColors: Readonly<Record<string, string>>;
  readonly roles: StateRoles;
  readonly align: 'calendar' | 'start' | 'state';
  readonly startColumn: string;
  /** Months clustered (undefined: all). */
  readonly window: number | undefined;
  /** Months of the job-loss table, the rule typology and the means at the end (undefined: the window). */
  readonly studyMonths: number | undefined;
  readonly figureMonths: number;
  readonly groupBy: string | undefined;
  readonly groupLevels: readonly string[];
  readonly covariates: readonly StudyCovariate[];
  readonly distance: { readonly method: 'OM' | 'OMspell'; readonly sm: 'TRATE' | 'CONSTANT' | 'INDELS' | 'INDELSLOG'; readonly indel: number | 'auto' };
  readonly k: number;
  readonly range: readonly [number, number];
  readonly algorithm: 'auto' | 'ward' | 'clara';
  readonly aggregate: boolean;
  readonly refine: 'none' | 'pam';
  readonly truth: string | undefined;
  readonly personLabels: boolean;
  readonly names: readonly StudyClusterName[];
  /** The analyses asked for, and whether the file named them (then one that cannot run is an error). */
  readonly analyses: readonly StudyAnalysis[];
  readonly analysesNamed: boolean;
  /** Discrepancy analysis and dissimilarity tree; null when the study file does not ask for them. */
  readonly discrepancy: ResolvedDiscrepancy | null;
  readonly tree: ResolvedTree | null;
  readonly employer: string | undefined;
  readonly outcomes: readonly StudyOutcome[];
  readonly permanent: string | undefined;
  readonly unpaidOnlyJobs: 'count' | 'exclude';
  readonly shareMonths: readonly number[];
  readonly newJobMonths: readonly number[];
  readonly indexBinWidth: number;
  readonly retentionHorizon: number;
  readonly minCell: number;
  /** Counts rounded to a multiple of this base instead of suppressed (null: suppress). */
  readonly round: number | null;
  /** Dominance rule for means of magnitudes (default 0.5). */
  readonly dominance: number;
}

/**
 * Fill in the defaults of a (checked) study file.
 *
 * @example
 * resolveStudy({ title: 'x', states: [{ code: 'emp', role: 'paid' }, { code: 'unemp', role: 'none' }] }).k; // 4
 */
export function resolveStudy(file: StudyFile): ResolvedStudy {
  const roles: Partial<Record<StateRole, string[]>> = {};
  for (const s of file.states) if (s.role) (roles[s.role] ??= []).push(s.code);
  const k = file.clusters?.k ?? 4;
  const covariates = (file.covariates ?? []).map((c) => (typeof c === 'string' ? { name: c } : c));
  // by default the dissimilarities are explained by the covariates profiled over all persons
  const overAll = [...new Set(covariates.filter((c) => !c.within).map((c) => c.name))];
  const explained = (key: 'discrepancy' | 'tree') => {
    const named = file[key]?.covariates;
    return {
      covariates: named ?? overAll, covariatesKey: named ? `${key}.covariates` : 'covariates',
      permutations: file[key]?.permutations ?? 1000, seed: file[key]?.seed ?? 1,
    };
  };
  return {
    file,
    title: file.title,
    states: file.states.map((s) => s.code),
    stateLabels: Object.fromEntries(file.states.map((s) => [s.code, s.label === undefined ? s.code : studyText(s.label, 'en')])),
    stateColors: Object.fromEntries(file.states.filter((s) => s.color).map((s) => [s.code, s.color!])),
    roles: Object.fromEntries(STATE_ROLES.filter((r) => roles[r]).map((r) => [r, roles[r]!])),
    align: file.time?.align ?? 'calendar',
    startColumn: file.time?.startColumn ?? 'start_month',
    window: file.time?.window,
    studyMonths: file.time?.studyMonths,
    figureMonths: file.time?.figureMonths ?? 60,
    groupBy: file.groupBy,
    groupLevels: file.groupLevels ?? [],
    covariates,
    distance: { method: file.distance?.method ?? 'OM', sm: file.distance?.sm ?? 'TRATE', indel: file.distance?.indel ?? 'auto' },
    k,
    range: file.clusters?.range ?? [2, Math.max(8, k)],
    algorithm: file.clusters?.algorithm ?? 'auto',
    aggregate: file.clusters?.aggregate ?? true,
    refine: file.clusters?.refine ?? 'none',
    truth: file.clusters?.truth,
    personLabels: file.clusters?.personLabels ?? false,
    names: file.clusters?.names ?? [],
    analyses: file.analyses ?? STUDY_ANALYSES,
    analysesNamed: file.analyses !== undefined,
    discrepancy: file.discrepancy ? explained('discrepancy') : null,
    tree: file.tree ? { ...explained('tree'), maxDepth: file.tree.maxDepth ?? 5, minSize: file.tree.minSize ?? 0.05, pval: file.tree.pval ?? 0.01 } : null,
    employer: file.attributes?.employer,
    outcomes: (file.attributes?.outcomes ?? []).map((o) => (typeof o === 'string' ? { name: o, roles: [] } : { name: o.name, roles: o.roles ?? [] })),
    permanent: file.attributes?.permanent,
    unpaidOnlyJobs: file.attributes?.unpaidOnlyJobs ?? 'exclude',
    shareMonths: file.months?.shares ?? [0, 6, 12, 24, 36],
    newJobMonths: file.months?.newJob ?? [0, 6, 12, 48],
    indexBinWidth: file.months?.indexBinWidth ?? 3,
    retentionHorizon: file.months?.retentionHorizon ?? 12,
    minCell: file.disclosure?.minCell ?? 10,
    round: file.disclosure?.round ?? null,
    dominance: file.disclosure?.dominance ?? 0.5,
  };
}

/**
 * The label of a code (covariate, level, outcome, group key) in a language:
 * the study file's `labels`, else the code itself.
 *
 * @example
 * codeLabel(study, 'nl', 'female'); // 'vrouw' when the study file says so
 */
export function codeLabel(study: ResolvedStudy, lang: Lang, code: string): string {
  return study.file.labels?.[lang]?.[code] ?? study.file.labels?.en?.[code] ?? code;
}

/**
 * The label of a state in a language.
 *
 * @example
 * stateLabel(study, 'nl', 'work_jc'); // 'werk met jobcoach'
 */
export function stateLabel(study: ResolvedStudy, lang: Lang, code: string): string {
  const s = study.file.states.find((x) => x.code === code);
  return s?.label === undefined ? code : studyText(s.label, lang);
}
