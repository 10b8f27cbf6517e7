import type { IngestReport } from '../ingest/report.js';
import type { JobLossRow } from '../labour/jobLoss.js';
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

/** The machine-readable results of study A (`DIR/results.json`). */
export interface JobcoachResults {
  study: 'jobcoach';
  source: PanelSource;
  n_persons: number;
  n_weighted: number;
  /** Months since the start the typology and Table 1 use. */
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
  regime_test: { chi_square: JsonNumber; df: number; p_value: JsonNumber; cramers_v: JsonNumber } | null;
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

  const regime_by_cluster: JobcoachResults['regime_by_cluster'] = {};
  let regime_test: JobcoachResults['regime_test'] = null;
  const table2 = regime?.categorical[0];
  if (regime && table2) {
    regime.groups.forEach((g, gi) => {
      regime_by_cluster[g.group] = Object.fromEntries(table2.levels.map((l, li) => [l, { pct: num(table2.pct[gi][li]), significant: table2.significant[gi][li] }]));
    });
    regime_by_cluster.total = Object.fromEntries(table2.levels.map((l, li) => [l, { pct: num(table2.totalPct[li]), significant: null }]));
    regime_test = { chi_square: num(table2.test.statistic), df: table2.test.df, p_value: num(table2.test.pValue), cramers_v: num(table2.test.cramersV) };
  }

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

  const suppressed = [shares, jobLoss, profiles, regime, ...study.index, ...Object.values(study.indexByBenefit).flat(), ...study.cellMeans, ...study.groupCellMeans]
    .reduce((s, t) => s + ((t as { disclosure?: { flaggedCells: number } } | null)?.disclosure?.flaggedCells ?? 0), 0);
  return {
    study: 'jobcoach',
    source: study.source,
    n_persons: study.panel.persons,
    n_weighted: round(study.panel.weightSum),
    window_months: study.windowMonths,
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
    regime_by_cluster,
    regime_test,
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

function jobLossResult(r: JobLossRow): JobLossResult {
  return {
    endings_per_person: num(r.endingsPerPerson),
    direct_pct: num(r.directPct),
    after_gap_pct: num(r.afterGapPct),
    gap_months_mean: num(r.gapMonthsMean),
    no_new_job_pct: num(r.noNewJobPct),
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
