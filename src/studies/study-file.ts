import type { Lang } from '../i18n/index.js';
import type { StateRole } from '../labour/roles.js';

/** A text, or a text per language (English required). */
export type StudyText = string | { readonly en: string; readonly nl?: string };

/** One state of a study: its code in the data, label, role and colour. */
export interface StudyState {
  readonly code: string;
  readonly label?: StudyText;
  readonly role?: StateRole;
  readonly color?: string;
}

/** A covariate profiled per cluster. */
export interface StudyCovariate {
  readonly name: string;
  readonly kind?: 'categorical' | 'numeric';
  readonly levels?: readonly string[];
  /** Only the persons with these covariate values, e.g. `{ benefit: 'Wajong' }`. */
  readonly within?: Readonly<Record<string, string>>;
  readonly derive?: 'ageBand';
}

/** A cluster named by a rule: the cluster with the highest share in a state at the end of the window, or the most changes per year. */
export interface StudyClusterName {
  readonly key: string;
  readonly label: StudyText;
  readonly highest: 'shareAtEnd' | 'changesPerYear';
  readonly state?: string;
}

/** The analyses a study can run beside the typology. */
export const STUDY_ANALYSES = ['stateShares', 'jobLoss', 'timeToNewJob', 'retention', 'ruleTypology', 'indexNumbers', 'profiles'] as const;
/** One of `STUDY_ANALYSES`. */
export type StudyAnalysis = (typeof STUDY_ANALYSES)[number];
/** The analyses of the typology's dissimilarities, each run when the study file has its key. */
export const STUDY_EXPLAIN_ANALYSES = ['discrepancy', 'tree'] as const;
/** One of `STUDY_EXPLAIN_ANALYSES`. */
export type StudyExplainAnalysis = (typeof STUDY_EXPLAIN_ANALYSES)[number];

/**
 * Discrepancy analysis of the typology's dissimilarities (study file key
 * `discrepancy`): how much of them each covariate explains.
 */
export interface StudyDiscrepancy {
  /** Person columns (default: the study's covariates profiled over all persons). */
  readonly covariates?: readonly string[];
  /** Permutations for the p-values, the observed one included (default 1000; 1: none). */
  readonly permutations?: number;
  /** Seed of the permutations (default 1). */
  readonly seed?: number;
}

/** Dissimilarity tree of the typology's dissimilarities (study file key `tree`). */
export interface StudyTree extends StudyDiscrepancy {
  /** Depth at which nodes stop splitting, the root 1 (default 5). */
  readonly maxDepth?: number;
  /** Smallest child: a share of the total weight when < 1, else a weight (default 0.05). */
  readonly minSize?: number;
  /** Largest p-value of a split (default 0.01). */
  readonly pval?: number;
}

/** A published figure shown beside the reproduced one. */
export interface PublishedFigureSpec {
  readonly key: string;
  readonly label: StudyText;
  /** Dotted path into results.json, or several paths whose values are added. */
  readonly path: string | readonly string[];
  /** The figure is 1 minus the value(s) at `path` (% working = 1 - % not working), so suppressed parts of the rest do not matter. */
  readonly complement?: boolean;
  readonly value: number;
  /** Multiply the reproduced value by this (100: a share against a percentage). */
  readonly scale?: number;
  readonly unit?: string;
  readonly digits?: number;
  readonly significant?: boolean;
}

/**
 * A study file (data-schemas/study.schema.json): what a report computes and
 * shows. Only `title` and `states` are required; every other key has a
 * default (see the schema's descriptions).
 */
export interface StudyFile {
  readonly title: StudyText;
  readonly source?: StudyText;
  readonly lang?: Lang;
  readonly states: readonly StudyState[];
  readonly time?: {
    readonly align: 'calendar' | 'start' | 'state';
    readonly startColumn?: string;
    readonly state?: string;
    readonly window?: number;
    readonly studyMonths?: number;
    readonly figureMonths?: number;
  };
  readonly groupBy?: string;
  readonly groupLevels?: readonly string[];
  readonly covariates?: readonly (string | StudyCovariate)[];
  readonly distance?: { readonly method?: 'OM' | 'OMspell'; readonly sm?: 'TRATE' | 'CONSTANT' | 'INDELS' | 'INDELSLOG'; readonly indel?: number | 'auto' };
  readonly clusters?: {
    readonly k?: number;
    readonly range?: readonly [number, number];
    readonly algorithm?: 'auto' | 'ward' | 'clara';
    readonly aggregate?: boolean;
    readonly refine?: 'none' | 'pam';
    readonly truth?: string;
    readonly personLabels?: boolean;
    readonly names?: readonly StudyClusterName[];
  };
  readonly analyses?: readonly StudyAnalysis[];
  /** Discrepancy analysis by covariates; runs only when present. */
  readonly discrepancy?: StudyDiscrepancy;
  /** Dissimilarity tree by covariates; runs only when present. */
  readonly tree?: StudyTree;
  readonly attributes?: {
    readonly employer?: string;
    readonly outcomes?: readonly (string | { readonly name: string; readonly roles?: readonly StateRole[] })[];
    readonly permanent?: string;
    readonly unpaidOnlyJobs?: 'count' | 'exclude';
  };
  readonly months?: { readonly shares?: readonly number[]; readonly newJob?: readonly number[]; readonly indexBinWidth?: number; readonly retentionHorizon?: number };
  readonly disclosure?: { readonly minCell?: number; readonly round?: number; readonly dominance?: number };
  readonly labels?: Readonly<Partial<Record<Lang, Readonly<Record<string, string>>>>>;
  readonly notes?: Readonly<Partial<Record<StudyAnalysis | StudyExplainAnalysis | 'clusters', StudyText>>>;
  readonly published?: { readonly source?: StudyText; readonly figures: readonly PublishedFigureSpec[] };
}

/**
 * A study text in a language: the text itself, or its translation with
 * English as the fallback.
 *
 * @example
 * studyText({ en: 'employed', nl: 'werkend' }, 'nl'); // 'werkend'
 * studyText('employed', 'nl');                         // 'employed'
 */
export function studyText(t: StudyText, lang: Lang): string {
  return typeof t === 'string' ? t : t[lang] ?? t.en;
}
