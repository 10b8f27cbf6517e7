import type { IngestReport } from '../ingest/report.js';
import type { JobLossRow } from '../labour/jobLoss.js';
import type { CategoricalProfile, GroupProfiles } from '../labour/profiles.js';
import type { TimeToNewJobGroup } from '../labour/reemployment.js';
import type { RetentionRow } from '../labour/retention.js';
import type { TypologyGroup } from '../labour/typology.js';
import type { IndexNumbers } from '../labour/indexNumbers.js';
import { QUALITY_INDICES } from '../cluster/quality.js';
import type { JobcoachStudy, PanelSource } from './jobcoach-study.js';
import type { PanelSummary } from './panel-summary.js';

/** A number for JSON: rounded to 6 decimals, null when suppressed or not defined. */
export type JsonNumber = number | null;

/** Row of Table 1 in results.json. Percentages 0..100. */
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
  /** Persons left out because they were followed less than the window. */
  n_excluded: number;
}

/** One trajectory group in results.json. */
export interface ClusterResult {
  /** The study's group number (1 quickly without jobcoach, 2 long-term jobcoaching, 3 ends without work, 4 switchers). */
  id: number;
  key: string | null;
  label: string;
  /** Share (0..1) of each benefit's persons in this group. */
  share: Record<string, JsonNumber>;
  /** Share (0..1) of all persons (weighted). */
  share_total: JsonNumber;
  /** % of observed months in a working state (trial, work_jc, work). */
  pct_time_working: JsonNumber;
  /** Persons (unweighted) and their weight. */
  n: JsonNumber;
  n_weighted: JsonNumber;
  /** The medoid sequence of the window as spells. */
  medoid: string;
  /** What the label was recognised by: shares (0..1) at the end of the window and state changes per year. */
  profile: { work_at_end: number; work_jc_at_end: number; none_at_end: number; transitions_per_year: number };
  /** Means in paid months at the end of the window: hourly_wage, hours_week, permanent (share). */
  means_at_end: Record<string, JsonNumber>;
}

/** Time to a new job for one benefit (or the total). Percentages 0..100. */
export interface NewJobResult {
  /** Job endings (unweighted) and the persons behind them; null when they rest on fewer than min-cell persons. */
  endings: JsonNumber;
  persons: JsonNumber;
  /** share[month] after that many months without work: % with a new job (F), its 95% band, % exited first, endings still at risk. */
  shares: Record<string, { new_job_pct: JsonNumber; lower_pct: JsonNumber; upper_pct: JsonNumber; exit_pct: JsonNumber; at_risk: JsonNumber }>;
}

/** One-year retention for one benefit (or the total). Percentages 0..100 of the weighted starts. */
export interface RetentionResult {
  /** Job starts in the cohort whose month 12 is observed, the persons behind them, and starts left out (month 12 not observed). */
  starts: JsonNumber;
  persons: JsonNumber;
  censored: number;
  same_employer_pct: JsonNumber;
  other_employer_pct: JsonNumber;
  not_working_pct: JsonNumber;
  work_retention_pct: JsonNumber;
}

/** Rule-based pattern (study B) within one benefit. Percentages 0..100. */
export interface RuleTypeResult {
  persons: JsonNumber;
  share_pct: JsonNumber;
  pct_time_working: JsonNumber;
  pct_permanent: JsonNumber;
  job_changes_per_worked_year: JsonNumber;
}

/** A categorical covariate by group: pct[id or 'total'][level] with significance at 95%, and the chi-square test. */
export interface CategoricalResult {
  by_cluster: Record<string, Record<string, { pct: JsonNumber; significant: boolean | null }>>;
  test: { chi_square: JsonNumber; df: number; p_value: JsonNumber; cramers_v: JsonNumber };
}

/** The machine-readable results of study A (`DIR/results.json`). */
export interface JobcoachResults {
  study: 'jobcoach';
  source: PanelSource;
  n_persons: number;
  n_weighted: number;
  /** Months since the start Table 1 uses (the study's 36; the typology's own window is `clusters.window_months`). */
  window_months: number;
  disclosure: { min_cell: number; mode: 'suppress'; suppressed_cells: number };
  /** state_share[benefit][month][state]: weighted share 0..1 among persons observed that month. */
  state_share: Record<string, Record<string, Record<string, JsonNumber>>>;
  /** Persons observed (at risk) per benefit and month. */
  at_risk: Record<string, Record<string, number>>;
  /** Table 1 per benefit and `total`. */
  job_loss: Record<string, JobLossResult>;
  clusters: {
    k: number;
    method: string;
    window_months: number;
    items_clustered: number;
    groups: ClusterResult[];
    /** Adjusted Rand index of the groups against `true_group`; null when the input has none. */
    ari_vs_true_group: JsonNumber;
  };
  /** Table 2 (Wajong): regime_by_cluster[id or 'total'][regime] = { pct 0..100, significant at 95% against the rest }. */
  regime_by_cluster: Record<string, Record<string, { pct: JsonNumber; significant: boolean | null }>>;
  regime_test: CategoricalResult['test'] | null;
  /**
   * Who is in each group (all persons): categorical[covariate] (sex, disability, age_band) as Table 2,
   * numeric[covariate][id or 'total'] (incapacity_pct) = { mean, significant (Welch t, group vs the rest) }.
   */
  group_profiles: {
    categorical: Record<string, CategoricalResult>;
    numeric: Record<string, Record<string, { mean: JsonNumber; significant: boolean | null }>>;
  };
  /** Time to a new job after a job ends (every ending in the follow-up), per benefit and total (study B). */
  time_to_new_job: { method: 'kaplan-meier' | 'aalen-johansen'; exit_states: string[]; groups: Record<string, NewJobResult> };
  /** One-year retention of job starts after not working, the start of jobcoaching included, per benefit and total (study B). */
  retention: { horizon_months: number; groups: Record<string, RetentionResult> };
  /** Study B's rule-based patterns over the window: groups[benefit or total] = { persons, excluded, types[type] }. */
  rule_typology: { window_months: number; groups: Record<string, { persons: number; excluded: number; types: Record<string, RuleTypeResult> }> };
  /** index_numbers[outcome][first month of the bin] (start = 100), all persons. */
  index_numbers: Record<string, Record<string, JsonNumber>>;
  index_numbers_ci: Record<string, Record<string, [JsonNumber, JsonNumber]>>;
  index_numbers_by_benefit: Record<string, Record<string, Record<string, JsonNumber>>>;
  /** Raw means in paid months: means[outcome][benefit][month]. */
  means: Record<string, Record<string, Record<string, JsonNumber>>>;
  /** Cluster quality for each k of the range (WeightedCluster indices) and the k each index prefers. */
  cluster_quality: Record<string, number | null>[];
  best_k: Record<string, number>;
  panel: PanelSummary;
  ingest: IngestReport | null;
  notes: string[];
}

/**
 * The results.json object of a computed study: plain numbers (rounded to 6
 * decimals), suppressed cells as null, keys as in issue 6 of the project.
 *
 * @example
 * const r = jobcoachResults(study);
 * r.state_share.Wajong['0'].trial; // 0.59 in study A
 */
export function jobcoachResults(study: Omit<JobcoachStudy, 'results'>): JobcoachResults {
  const { shares, jobLoss, profiles, regime, typology, groups } = study;
  const months = study.options.shareMonths;
  const state_share: JobcoachResults['state_share'] = {};
  const at_risk: JobcoachResults['at_risk'] = {};
  for (const g of shares.groups) {
    state_share[g.group] = {};
    at_risk[g.group] = {};
    for (const m of months) {
      const k = shares.months.indexOf(m);
      state_share[g.group][m] = Object.fromEntries(shares.states.map((s, si) => [s, num(g.shares[k][si])]));
      at_risk[g.group][m] = g.atRisk[k];
    }
  }
  const job_loss: JobcoachResults['job_loss'] = {};
  for (const r of [...jobLoss.groups, jobLoss.total]) job_loss[r.group] = jobLossResult(r);

  const byId = new Map(profiles.groups.map((p) => [Number(p.group), p]));
  const means = (id: number) =>
    Object.fromEntries(study.groupCellMeans.map((c) => [c.attribute, num(c.groups[c.groups.findIndex((g) => g.group === String(id))]?.mean[0])]));
  const clusterGroups: ClusterResult[] = groups.groups.map((g) => {
    const p = byId.get(g.id)!;
    return {
      id: g.id,
      key: g.key,
      label: g.label,
      share: Object.fromEntries(study.benefits.map((b) => [b, num(p.shareByPct[b] / 100)])),
      share_total: num(p.sharePct / 100),
      pct_time_working: num(p.pctTimeWorking),
      n: num(p.persons),
      n_weighted: num(p.personsWeighted),
      medoid: study.medoidLabels[g.id],
      profile: {
        work_at_end: round(g.profile.work), work_jc_at_end: round(g.profile.workJc), none_at_end: round(g.profile.none),
        transitions_per_year: round(g.profile.transitionsPerYear),
      },
      means_at_end: means(g.id),
    };
  });

  const table2 = regime?.categorical[0] ? categoricalResult(regime, regime.categorical[0]) : null;
  const group_profiles: JobcoachResults['group_profiles'] = {
    categorical: Object.fromEntries(profiles.categorical.map((c) => [c.covariate, categoricalResult(profiles, c)])),
    numeric: Object.fromEntries(profiles.numeric.map((c) => [c.covariate, {
      ...Object.fromEntries(profiles.groups.map((g, gi) => [g.group, { mean: num(c.mean[gi]), significant: c.significant[gi] }])),
      total: { mean: num(c.totalMean), significant: null },
    }])),
  };

  const series = (r: IndexNumbers) => Object.fromEntries(r.bins.map((b, k) => [String(b.from), num(r.index[k])]));
  const index_numbers = Object.fromEntries(study.index.map((r) => [r.outcome, series(r)]));
  const index_numbers_ci = Object.fromEntries(
    study.index.map((r) => [r.outcome, Object.fromEntries(r.bins.map((b, k) => [String(b.from), [num(r.lower[k]), num(r.upper[k])] as [JsonNumber, JsonNumber]]))]),
  );
  const index_numbers_by_benefit = Object.fromEntries(
    Object.entries(study.indexByBenefit).map(([b, list]) => [b, Object.fromEntries(list.map((r) => [r.outcome, series(r)]))]),
  );
  const meansOut: JobcoachResults['means'] = {};
  for (const c of study.cellMeans) {
    meansOut[c.attribute] = Object.fromEntries(c.groups.map((g) => [g.group, Object.fromEntries(c.months.map((m, k) => [String(m), num(g.mean[k])]))]));
  }

  const suppressed = [shares, jobLoss, profiles, regime, study.reemployment, study.retention, study.rules, ...study.index, ...Object.values(study.indexByBenefit).flat(), ...study.cellMeans, ...study.groupCellMeans]
    .reduce((s, t) => s + ((t as { disclosure?: { flaggedCells: number } } | null)?.disclosure?.flaggedCells ?? 0), 0);
  return {
    study: 'jobcoach',
    source: study.source,
    n_persons: study.panel.persons,
    n_weighted: round(study.panel.weightSum),
    window_months: study.studyMonths,
    disclosure: { min_cell: study.options.minCell, mode: 'suppress', suppressed_cells: suppressed },
    state_share,
    at_risk,
    job_loss,
    clusters: {
      k: typology.k,
      method: typology.method,
      window_months: study.windowMonths,
      items_clustered: typology.items,
      groups: clusterGroups,
      ari_vs_true_group: study.ariVsTrueGroup === null ? null : num(study.ariVsTrueGroup),
    },
    regime_by_cluster: table2?.by_cluster ?? {},
    regime_test: table2?.test ?? null,
    group_profiles,
    time_to_new_job: newJobResults(study),
    retention: retentionResults(study),
    rule_typology: ruleResults(study),
    index_numbers,
    index_numbers_ci,
    index_numbers_by_benefit,
    means: meansOut,
    cluster_quality: qualityRows(typology.range),
    best_k: { ...typology.range.best },
    panel: study.panel,
    ingest: study.ingest ?? null,
    notes: [...study.notes],
  };
}

/**
 * The quality table as rows `{ k, PBC, HG, ..., HC }` (WeightedCluster's column order), for JSON.
 * @example
 * qualityRows(typology.range)[2]; // { k: 4, PBC: 0.73, HG: 0.90, ..., HC: 0.053 }
 */
export function qualityRows(range: { ks: readonly number[]; quality: readonly Record<string, unknown>[] }): Record<string, number | null>[] {
  return range.ks.map((k, r) => ({ k, ...Object.fromEntries(QUALITY_INDICES.map((q) => [q, num(range.quality[r][q] as number)])) }));
}

/** A categorical profile as in results.json: pct and significance per group and level, the total, the test. */
function categoricalResult(p: GroupProfiles, c: CategoricalProfile): CategoricalResult {
  const by_cluster: CategoricalResult['by_cluster'] = {};
  p.groups.forEach((g, gi) => {
    by_cluster[g.group] = Object.fromEntries(c.levels.map((l, li) => [l, { pct: num(c.pct[gi][li]), significant: c.significant[gi][li] }]));
  });
  by_cluster.total = Object.fromEntries(c.levels.map((l, li) => [l, { pct: num(c.totalPct[li]), significant: null }]));
  return { by_cluster, test: { chi_square: num(c.test.statistic), df: c.test.df, p_value: num(c.test.pValue), cramers_v: num(c.test.cramersV) } };
}

function newJobResults(study: Omit<JobcoachStudy, 'results'>): JobcoachResults['time_to_new_job'] {
  const r = study.reemployment;
  const minCell = study.options.minCell;
  // counts resting on fewer than min-cell persons are not published
  const count = (n: number, persons: number) => (persons > 0 && persons < minCell ? null : n);
  const group = (g: TimeToNewJobGroup): NewJobResult => ({
    endings: count(g.endings, g.persons),
    persons: count(g.persons, g.persons),
    shares: Object.fromEntries(g.shares.map((s) => [String(s.month), {
      new_job_pct: pct(s.newJob), lower_pct: pct(s.lower), upper_pct: pct(s.upper), exit_pct: pct(s.exit), at_risk: count(s.atRisk, s.personsAtRisk),
    }])),
  });
  return {
    method: r.method,
    exit_states: [...study.exitStates],
    groups: Object.fromEntries([...r.groups, r.total].map((g) => [g.group, group(g)])),
  };
}

function retentionResults(study: Omit<JobcoachStudy, 'results'>): JobcoachResults['retention'] {
  const r = study.retention;
  const row = (x: RetentionRow): RetentionResult => ({
    starts: num(x.starts),
    persons: x.flagged?.includes('starts') ? null : num(x.persons),
    censored: x.censored,
    same_employer_pct: num(x.sameEmployerPct),
    other_employer_pct: num(x.otherEmployerPct),
    not_working_pct: num(x.notWorkingPct),
    work_retention_pct: num(x.workRetentionPct),
  });
  return { horizon_months: r.horizon, groups: Object.fromEntries([...r.groups, r.total].map((x) => [x.group, row(x)])) };
}

function ruleResults(study: Omit<JobcoachStudy, 'results'>): JobcoachResults['rule_typology'] {
  const r = study.rules;
  const group = (g: TypologyGroup) => ({
    persons: g.persons,
    excluded: g.excluded,
    types: Object.fromEntries(g.rows.map((x) => [x.type, {
      persons: num(x.persons), share_pct: num(x.sharePct), pct_time_working: num(x.pctTimeWorking), pct_permanent: num(x.pctPermanent),
      job_changes_per_worked_year: num(x.jobChangesPerWorkedYear),
    }])),
  });
  return { window_months: r.to - r.from, groups: Object.fromEntries([...r.groups, r.total].map((g) => [g.group, group(g)])) };
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
    n_excluded: r.excluded,
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
