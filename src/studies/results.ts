import { basename } from 'node:path';
import type { DisclosureRule } from '../disclosure/primary.js';
import { QUALITY_INDICES } from '../cluster/quality.js';
import type { IngestReport } from '../ingest/report.js';
import type { IndexNumbers } from '../labour/indexNumbers.js';
import type { JobLossRow } from '../labour/jobLoss.js';
import type { CategoricalProfile, GroupProfiles } from '../labour/profiles.js';
import type { TimeToNewJobGroup } from '../labour/reemployment.js';
import type { RetentionRow } from '../labour/retention.js';
import type { TypologyGroup } from '../labour/typology.js';
import type { StudyComputation } from './compute.js';
import { ASSOCIATION_KEYS } from './explain.js';
import type { PanelSummary } from './panel-summary.js';
import { studyText } from './study-file.js';

/** A number for JSON: rounded to 6 decimals, null when suppressed or not defined. */
export type JsonNumber = number | null;

/** Where the panel came from. */
export type PanelSource =
  | { readonly kind: 'simulated'; readonly n: number; readonly seed: number; readonly persons?: string; readonly months?: string }
  | { readonly kind: 'files'; readonly persons?: string; readonly months: string }
  | { readonly kind: 'sequences' };

/** Row of the job-loss table (study A, Table 1). Percentages 0..100. */
export interface JobLossResult {
  endings_per_person: JsonNumber;
  direct_pct: JsonNumber;
  after_gap_pct: JsonNumber;
  gap_months_mean: JsonNumber;
  no_new_job_pct: JsonNumber;
  /** Part of no_new_job_pct that reached an exit state first (0 without exit states). */
  exit_pct: JsonNumber;
  n_endings: JsonNumber;
  n_persons: JsonNumber;
  /** Persons left out because they were followed less than the study months. */
  n_excluded: JsonNumber;
}

/** One cluster in results.json. */
export interface ClusterResult {
  /** Number in the report (the named groups first, in the study file's order). */
  id: number;
  /** Key of the named group, or null for a cluster named from its medoid. */
  key: string | null;
  /** English label: the study file's name, or the medoid's spells. */
  label: string;
  /** Share (0..1) of each groupBy level's persons in this cluster. */
  share: Record<string, JsonNumber>;
  /** Share (0..1) of all persons (weighted). */
  share_total: JsonNumber;
  /** % of observed months in a job state (roles paid and unpaid); null without such roles. */
  pct_time_working: JsonNumber;
  /** Persons (unweighted) and their weight. */
  n: JsonNumber;
  n_weighted: JsonNumber;
  /**
   * The medoid sequence of the window as spells, as it may be published
   * (`disclosableLabel`): `exact` the medoid's own, `aggregate` that of the
   * modal sequence of its nearest; null (and kind null) when none may be.
   */
  medoid: string | null;
  medoid_kind: 'exact' | 'aggregate' | null;
  /** The medoid's person id: only without disclosure control (min_cell 1). */
  medoid_id?: string;
  /** What the name was recognised by (shares 0..1 at the end of the window, state changes per year). */
  profile: Record<string, JsonNumber>;
  /** Mean months in each state over the window (TraMineR seqmeant); null where suppressed. */
  mean_time: Record<string, JsonNumber>;
  /** Means in paid months at the end of the study months, per outcome. */
  means_at_end: Record<string, JsonNumber>;
}

/** Time to a new job for one group (or the total). Percentages 0..100. */
export interface NewJobResult {
  endings: JsonNumber;
  persons: JsonNumber;
  shares: Record<string, { new_job_pct: JsonNumber; lower_pct: JsonNumber; upper_pct: JsonNumber; exit_pct: JsonNumber; at_risk: JsonNumber }>;
}

/** One-year retention for one group (or the total). Percentages 0..100 of the weighted starts. */
export interface RetentionResult {
  starts: JsonNumber;
  persons: JsonNumber;
  censored: JsonNumber;
  same_employer_pct: JsonNumber;
  other_employer_pct: JsonNumber;
  not_working_pct: JsonNumber;
  work_retention_pct: JsonNumber;
}

/** Rule-based pattern (study B) within one group. Percentages 0..100. */
export interface RuleTypeResult {
  persons: JsonNumber;
  share_pct: JsonNumber;
  pct_time_working: JsonNumber;
  pct_permanent: JsonNumber;
  job_changes_per_worked_year: JsonNumber;
}

/** A categorical covariate by cluster: pct[id or 'total'][level] with significance at 95%, and the chi-square test. */
export interface CategoricalResult {
  by_cluster: Record<string, Record<string, { pct: JsonNumber; significant: boolean | null }>>;
  test: { chi_square: JsonNumber; df: number; p_value: JsonNumber; cramers_v: JsonNumber };
  /** The persons profiled: `{}` all, or those with these covariate values. */
  within: Record<string, string>;
}

/** A statistic with its permutation p-value (null without permutations or when suppressed). */
export interface TestedStatistic {
  value: JsonNumber;
  p_value: JsonNumber;
}

/** The discrepancy analysis in results.json (study file key `discrepancy`). */
export interface DiscrepancyResult {
  permutations: number;
  seed: number;
  /** Per covariate (TraMineR dissassoc): persons analysed, levels, and pseudo F, Fbf, R2, Bartlett and Levene with p-values. */
  covariates: Record<string, { n: JsonNumber; levels: number; statistics: Record<(typeof ASSOCIATION_KEYS)[number], TestedStatistic> }>;
  /** All covariates together (TraMineR dissmfacw): each given the others, then `Total`; null with fewer than two covariates. */
  multi_factor: { n: JsonNumber; terms: Record<string, { pseudo_f: JsonNumber; pseudo_r2: JsonNumber; p_value: JsonNumber }> } | null;
}

/** The dissimilarity tree in results.json (study file key `tree`). */
export interface TreeResult {
  covariates: string[];
  /** min_child_weight: the smallest child's weight (TraMineR's min.size as a weight). */
  parameters: { min_child_weight: number; max_depth: number; permutations: number; pval: number; seed: number };
  /** Pseudo R2 of the leaves and its p-value. */
  r2: JsonNumber;
  r2_p_value: JsonNumber;
  /** Depth first, left first; n and discrepancy null when suppressed, medoid (SPS) null when fewer than min_cell persons share it. */
  nodes: {
    id: number; parent: number | null; depth: number; n: JsonNumber; discrepancy: JsonNumber; medoid: string | null;
    split: { variable: string; left: string[]; right: string[]; breaks: number | null; na_group: 1 | 2 | null; r2: JsonNumber; p_value: JsonNumber } | null;
  }[];
}

/** The machine-readable results of a study report (`DIR/results.json`). */
export interface StudyResults {
  /** The study's title (English). */
  study: string;
  source: PanelSource;
  n_persons: number;
  n_weighted: number;
  /** Months of the job-loss table, the rule typology and the means at the end (the typology's window is `clusters.window_months`). */
  window_months: number;
  /**
   * Disclosure control: the threshold, the dominance share, suppression or
   * rounding of counts, the cells suppressed (primary + secondary +
   * dominance) and the published cells per rule (the log is disclosure.csv).
   */
  disclosure: {
    min_cell: number; dominance: number; mode: 'suppress' | 'round'; round: number | null; suppressed_cells: number;
    cells: Record<DisclosureRule, number>;
  };
  /** The analyses run and those that could not run (with the reason). */
  analyses: { ran: string[]; skipped: { analysis: string; reason: string }[] };
  /** state_share[group][month][state]: weighted share 0..1 among persons observed that month. */
  state_share: Record<string, Record<string, Record<string, JsonNumber>>>;
  at_risk: Record<string, Record<string, JsonNumber>>;
  job_loss: Record<string, JobLossResult>;
  clusters: {
    k: number;
    method: string;
    /** `ward`, `pam` or `clara`. */
    algorithm: string;
    window_months: number;
    items_clustered: number;
    /** Distinct sequences the quality indices were estimated on (CLARA), null when exact. */
    quality_sample: number | null;
    groups: ClusterResult[];
    /** Adjusted Rand index against `clusters.truth`; null without it. */
    ari_vs_true_group: JsonNumber;
  };
  /** Who is in each cluster: categorical[covariate] as Table 2, numeric[covariate][id or 'total'] = { mean, significant }. */
  profiles: {
    categorical: Record<string, CategoricalResult>;
    numeric: Record<string, Record<string, { mean: JsonNumber; significant: boolean | null }>>;
  };
  time_to_new_job: { method: 'kaplan-meier' | 'aalen-johansen'; exit_states: string[]; groups: Record<string, NewJobResult> } | null;
  retention: { horizon_months: number; groups: Record<string, RetentionResult> } | null;
  rule_typology: { window_months: number; groups: Record<string, { persons: JsonNumber; excluded: JsonNumber; types: Record<string, RuleTypeResult> }> } | null;
  /** index_numbers[outcome][first month of the bin] (start = 100), all persons. */
  index_numbers: Record<string, Record<string, JsonNumber>>;
  index_numbers_ci: Record<string, Record<string, [JsonNumber, JsonNumber]>>;
  index_numbers_by_group: Record<string, Record<string, Record<string, JsonNumber>>>;
  /** Raw means in paid months: means[outcome][group][month]. */
  means: Record<string, Record<string, Record<string, JsonNumber>>>;
  cluster_quality: Record<string, number | null>[];
  best_k: Record<string, number>;
  /** The typology's dissimilarities explained by covariates; null when the study file does not ask (or the typology ran CLARA). */
  discrepancy: DiscrepancyResult | null;
  tree: TreeResult | null;
  panel: PanelSummary;
  ingest: IngestReport | null;
  notes: string[];
  /** Every person's cluster (only with clusters.personLabels and no disclosure control). */
  labels?: { id: string; cluster: number }[];
}

/**
 * The results.json object of a computed study: plain numbers rounded to 6
 * decimals, suppressed cells null. The keys are those of the jobcoach report
 * (n_persons, state_share, job_loss, clusters, index_numbers, ...), with the
 * cluster profiles under `profiles` and the per-group series keyed by the
 * groupBy levels.
 *
 * @example
 * const r = studyResults(computed, [0, 6, 12, 24, 36]);
 * r.state_share.Wajong['0'].trial; // 0.59 in study A
 */
export function studyResults(c: Omit<StudyComputation, 'results'>, shareMonths: readonly number[]): StudyResults {
  const { shares, jobLoss, typology, naming } = c;
  const state_share: StudyResults['state_share'] = {};
  const at_risk: StudyResults['at_risk'] = {};
  for (const g of shares?.groups ?? []) {
    state_share[g.group] = {};
    at_risk[g.group] = {};
    for (const m of shareMonths) {
      const k = shares!.months.indexOf(m);
      state_share[g.group][m] = Object.fromEntries(shares!.states.map((s, si) => [s, num(g.shares[k][si])]));
      at_risk[g.group][m] = num(g.atRisk[k]);
    }
  }
  const job_loss: StudyResults['job_loss'] = {};
  for (const r of jobLoss ? [...jobLoss.groups, jobLoss.total] : []) job_loss[r.group] = jobLossResult(r);

  // sizes and shares come from the profile over all persons when there is one, else from the labels
  const main = c.profiles.find((p) => Object.keys(p.within).length === 0)?.profiles ?? null;
  const byId = new Map((main?.groups ?? []).map((p) => [Number(p.group), p]));
  const sizes = c.clusterTable.sizes;
  const means = (id: number) =>
    Object.fromEntries(c.groupCellMeans.map((m) => [m.attribute, num(m.groups[m.groups.findIndex((g) => g.group === String(id))]?.mean[0])]));
  const states = c.sequences.alphabet.codes;
  const groups: ClusterResult[] = naming.groups.map((g) => {
    const p = byId.get(g.id);
    const size = sizes[g.id];
    return {
      id: g.id,
      key: g.key,
      label: g.name ? studyText(g.name.label, 'en') : c.medoidLabels[g.id] || `cluster ${g.id}`,
      share: p ? Object.fromEntries(c.groupLevels.filter((l) => l in p.shareByPct).map((b) => [b, num(p.shareByPct[b] / 100)])) : {},
      share_total: num(p ? p.sharePct / 100 : size.share),
      pct_time_working: num(p ? p.pctTimeWorking : NaN),
      n: num(p ? p.persons : size.persons),
      n_weighted: num(p ? p.personsWeighted : size.weight),
      medoid: c.medoidLabels[g.id] || null,
      medoid_kind: c.medoidKinds[g.id],
      ...(c.study.minCell <= 1 ? { medoid_id: c.sequences.ids[typology.medoids[g.cluster - 1]] } : {}),
      profile: Object.fromEntries(Object.entries(c.clusterTable.profiles[g.id]).map(([k, v]) => [k, num(v)])),
      mean_time: Object.fromEntries(states.map((s, j) => [s, num(c.meanTimes[g.id][j])])),
      means_at_end: means(g.id),
    };
  });

  const profiles: StudyResults['profiles'] = { categorical: {}, numeric: {} };
  for (const t of c.profiles) {
    for (const cat of t.profiles.categorical) profiles.categorical[cat.covariate] = { ...categoricalResult(t.profiles, cat), within: { ...t.within } };
    for (const nu of t.profiles.numeric) {
      profiles.numeric[nu.covariate] = {
        ...Object.fromEntries(t.profiles.groups.map((g, gi) => [g.group, { mean: num(nu.mean[gi]), significant: nu.significant[gi] }])),
        total: { mean: num(nu.totalMean), significant: null },
      };
    }
  }

  const series = (r: IndexNumbers) => Object.fromEntries(r.bins.map((b, k) => [String(b.from), num(r.index[k])]));
  const meansOut: StudyResults['means'] = {};
  for (const m of c.cellMeans) {
    meansOut[m.attribute] = Object.fromEntries(m.groups.map((g) => [g.group, Object.fromEntries(m.months.map((month, k) => [String(month), num(g.mean[k])]))]));
  }
  const cells: Record<DisclosureRule, number> = { none: 0, primary: 0, secondary: 0, dominance: 0, rounded: 0 };
  for (const part of c.disclosure) for (const [rule, k] of Object.entries(part.cellsPerRule)) cells[rule as DisclosureRule] += k;
  const results: StudyResults = {
    study: studyText(c.study.title, 'en'),
    source: publishedSource(c.source),
    n_persons: c.panel.persons,
    n_weighted: round(c.panel.weightSum),
    window_months: c.studyMonths,
    disclosure: {
      min_cell: c.study.minCell, dominance: c.study.dominance, mode: c.study.round === null ? 'suppress' : 'round', round: c.study.round,
      suppressed_cells: cells.primary + cells.secondary + cells.dominance, cells,
    },
    analyses: { ran: [...c.ran], skipped: c.skipped.map((s) => ({ ...s })) },
    state_share,
    at_risk,
    job_loss,
    clusters: {
      k: typology.k,
      method: typology.method,
      algorithm: typology.algorithm,
      window_months: c.windowMonths,
      items_clustered: typology.items,
      quality_sample: typology.qualitySample,
      groups,
      ari_vs_true_group: c.ariVsTruth === null ? null : num(c.ariVsTruth),
    },
    profiles,
    time_to_new_job: newJobResults(c),
    retention: retentionResults(c),
    rule_typology: ruleResults(c),
    index_numbers: Object.fromEntries(c.index.map((r) => [r.outcome, series(r)])),
    index_numbers_ci: Object.fromEntries(
      c.index.map((r) => [r.outcome, Object.fromEntries(r.bins.map((b, k) => [String(b.from), [num(r.lower[k]), num(r.upper[k])] as [JsonNumber, JsonNumber]]))]),
    ),
    index_numbers_by_group: Object.fromEntries(Object.entries(c.indexByGroup).map(([b, list]) => [b, Object.fromEntries(list.map((r) => [r.outcome, series(r)]))])),
    means: meansOut,
    cluster_quality: typology.ks.map((k, r) => ({ k, ...Object.fromEntries(QUALITY_INDICES.map((q) => [q, num(typology.quality[r][q])])) })),
    best_k: { ...typology.best },
    discrepancy: discrepancyResult(c),
    tree: treeResult(c),
    panel: c.panel,
    ingest: c.ingest ? publishedIngest(c.ingest) : null,
    notes: [...c.warnings, ...c.notes],
  };
  if (c.study.personLabels && c.study.minCell <= 1) results.labels = Array.from(naming.ids, (cluster, i) => ({ id: c.sequences.ids[i], cluster }));
  return results;
}

/** Where the panel came from, with file names only: an absolute path can name a secure environment's folders. */
function publishedSource(s: PanelSource): PanelSource {
  if (s.kind === 'sequences') return s;
  const files = { ...(s.persons ? { persons: basename(s.persons) } : {}), ...(s.months ? { months: basename(s.months) } : {}) };
  return s.kind === 'files' ? { kind: 'files', months: basename(s.months), ...files } : { kind: 'simulated', n: s.n, seed: s.seed, ...files };
}

/**
 * The ingest report as it may be published: file names only, and the
 * example problems by file, line, column and reason without their message
 * (a message quotes the row: a person id, a value).
 *
 * @example
 * publishedIngest(report).files[0].file; // 'months.csv'
 */
function publishedIngest(report: IngestReport): IngestReport {
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, file: basename(f.file) })),
    examples: report.examples.map((p) => ({ file: basename(p.file), line: p.line, column: p.column, reason: p.reason, message: p.reason })),
  };
}

/** A categorical profile as in results.json: pct and significance per cluster and level, the total, the test. */
function categoricalResult(p: GroupProfiles, c: CategoricalProfile): Omit<CategoricalResult, 'within'> {
  const by_cluster: CategoricalResult['by_cluster'] = {};
  p.groups.forEach((g, gi) => {
    by_cluster[g.group] = Object.fromEntries(c.levels.map((l, li) => [l, { pct: num(c.pct[gi][li]), significant: c.significant[gi][li] }]));
  });
  by_cluster.total = Object.fromEntries(c.levels.map((l, li) => [l, { pct: num(c.totalPct[li]), significant: null }]));
  return { by_cluster, test: { chi_square: num(c.test.statistic), df: c.test.df, p_value: num(c.test.pValue), cramers_v: num(c.test.cramersV) } };
}

function newJobResults(c: Omit<StudyComputation, 'results'>): StudyResults['time_to_new_job'] {
  const r = c.reemployment;
  if (!r) return null;
  const group = (g: TimeToNewJobGroup): NewJobResult => ({
    endings: num(g.endings),
    persons: num(g.persons),
    shares: Object.fromEntries(g.shares.map((s) => [String(s.month), {
      new_job_pct: pct(s.newJob), lower_pct: pct(s.lower), upper_pct: pct(s.upper), exit_pct: pct(s.exit), at_risk: num(s.atRisk),
    }])),
  });
  const exits = c.study.roles.exit ?? [];
  return { method: r.method, exit_states: [...exits], groups: Object.fromEntries([...r.groups, r.total].map((g) => [g.group, group(g)])) };
}

function retentionResults(c: Omit<StudyComputation, 'results'>): StudyResults['retention'] {
  const r = c.retention;
  if (!r) return null;
  const row = (x: RetentionRow): RetentionResult => ({
    starts: num(x.starts),
    persons: num(x.persons),
    censored: num(x.censored),
    same_employer_pct: num(x.sameEmployerPct),
    other_employer_pct: num(x.otherEmployerPct),
    not_working_pct: num(x.notWorkingPct),
    work_retention_pct: num(x.workRetentionPct),
  });
  return { horizon_months: r.horizon, groups: Object.fromEntries([...r.groups, r.total].map((x) => [x.group, row(x)])) };
}

function ruleResults(c: Omit<StudyComputation, 'results'>): StudyResults['rule_typology'] {
  const r = c.rules;
  if (!r) return null;
  const group = (g: TypologyGroup) => ({
    persons: num(g.persons),
    excluded: num(g.excluded),
    types: Object.fromEntries(g.rows.map((x) => [x.type, {
      persons: num(x.persons), share_pct: num(x.sharePct), pct_time_working: num(x.pctTimeWorking), pct_permanent: num(x.pctPermanent),
      job_changes_per_worked_year: num(x.jobChangesPerWorkedYear),
    }])),
  });
  return { window_months: r.to - r.from, groups: Object.fromEntries([...r.groups, r.total].map((g) => [g.group, group(g)])) };
}

function discrepancyResult(c: Omit<StudyComputation, 'results'>): DiscrepancyResult | null {
  const d = c.discrepancy;
  if (!d) return null;
  const tested = (values: ReadonlyMap<string, number | null>, id: string, pValue: number): TestedStatistic => {
    const value = values.get(id) ?? null;
    return { value: num(value ?? NaN), p_value: value === null ? null : num(pValue) };
  };
  const { values, multiFactor } = d.published;
  const mf = d.multiFactor;
  return {
    permutations: d.permutations,
    seed: d.seed,
    covariates: Object.fromEntries(d.covariates.map((x, i) => [x.name, {
      n: num(values.get(`c${i}.n`) ?? NaN),
      levels: x.association.groups.length - 1,
      statistics: Object.fromEntries(ASSOCIATION_KEYS.map((key, j) => [key, tested(values, `c${i}.${key}`, x.association.statistics[j].pValue)])) as DiscrepancyResult['covariates'][string]['statistics'],
    }])),
    multi_factor: mf && {
      n: num(multiFactor.get('n') ?? NaN),
      terms: Object.fromEntries(mf.result.rows.map((r, j) => {
        const f = tested(multiFactor, `r${j}.pseudo_f`, r.pValue);
        return [r.variable, { pseudo_f: f.value, pseudo_r2: num(multiFactor.get(`r${j}.pseudo_r2`) ?? NaN), p_value: f.p_value }];
      })),
    },
  };
}

function treeResult(c: Omit<StudyComputation, 'results'>): TreeResult | null {
  if (!c.tree) return null;
  const { tree, published } = c.tree;
  const p = tree.parameters;
  return {
    covariates: [...tree.covariates],
    parameters: { min_child_weight: round(p.minSize), max_depth: p.maxDepth, permutations: p.permutations, pval: p.pValue, seed: c.tree.seed },
    r2: num(tree.R2),
    r2_p_value: num(tree.R2pValue),
    nodes: published.nodes.map((x) => ({
      id: x.id, parent: x.parent, depth: x.depth, n: num(x.n ?? NaN), discrepancy: num(x.discrepancy ?? NaN), medoid: x.medoid,
      split: x.split && {
        variable: x.split.variable, left: [...x.split.left], right: [...x.split.right], breaks: x.split.breaks ?? null, na_group: x.split.naGroup ?? null,
        r2: num(x.split.R2), p_value: num(x.split.pValue),
      },
    })),
  };
}

/** A share 0..1 as a percentage 0..100 for JSON. */
function pct(x: number): JsonNumber {
  return num(100 * x);
}

function jobLossResult(r: JobLossRow): JobLossResult {
  return {
    endings_per_person: num(r.endingsPerPerson),
    direct_pct: num(r.directPct),
    after_gap_pct: num(r.afterGapPct),
    gap_months_mean: num(r.gapMonthsMean),
    no_new_job_pct: num(r.noNewJobPct),
    exit_pct: num(r.exitPct),
    n_endings: num(r.endings),
    n_persons: num(r.persons),
    n_excluded: num(r.excluded),
  };
}

/**
 * A number for JSON: rounded to 6 decimals; null when not a finite number (suppressed or undefined).
 * @example
 * num(0.1234567891); // 0.123457
 * num(NaN);          // null
 */
export function num(x: number | undefined): JsonNumber {
  return x === undefined || !Number.isFinite(x) ? null : round(x);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
