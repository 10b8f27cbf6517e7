// The published figures of study A (../shared/docs/studies.md) next to the
// same figures computed on a panel by the library's own analyses (src/labour).
import { cellMeansByMonth, groupProfiles, jobLossTable, selectRows, stateSharesByMonth } from '../../src/index.js';
import { JOBCOACH_EMPLOYER, JOBCOACH_ROLES } from '../../src/simulate/jobcoach.js';
import type { StateSequences } from '../../src/sequences/types.js';

export interface Figure {
  figure: string;
  target: number;
  value: number;
  /** Allowed deviation: points for shares, a fraction of the target for means. */
  tolerance: number;
  relative: boolean;
}

const WAJONG = 'Wajong';
const WGA = 'WGA';
const BENEFITS = [WAJONG, WGA];
const REGIMES = ['very_light', 'light', 'medium', 'intensive'];
const PAID = JOBCOACH_ROLES.paid;

/**
 * Every figure of study A that the panel should reproduce, computed with the
 * library's analyses: stateSharesByMonth, cellMeansByMonth (paid months only:
 * trial placements have no wage), jobLossTable (window 36 months, persons
 * followed at least 36 months, trial placements that never convert not
 * counted as jobs), groupProfiles on `true_group`.
 */
export function studyAFigures(seqs: StateSequences): Figure[] {
  const out: Figure[] = [];
  const share = (figure: string, target: number, value: number) => out.push({ figure, target, value, tolerance: 3, relative: false });
  const mean = (figure: string, target: number, value: number) => out.push({ figure, target, value, tolerance: 0.1, relative: true });

  // Figure 1: state shares by month since start
  const shares = stateSharesByMonth(seqs, { by: 'benefit', levels: BENEFITS, months: [0, 6, 36] });
  const s = (b: string, k: number, state: string) => 100 * shares.groups[BENEFITS.indexOf(b)].shares[k][shares.states.indexOf(state)];
  share('Wajong trial at month 0 (%)', 59, s(WAJONG, 0, 'trial'));
  share('WGA trial at month 0 (%)', 45, s(WGA, 0, 'trial'));
  share('Wajong work_jc at month 6 (%)', 66.7, s(WAJONG, 1, 'work_jc'));
  share('WGA work_jc at month 6 (%)', 66.7, s(WGA, 1, 'work_jc'));
  // "a bit over 60% working, half of them with jobcoach, almost 40% not working" | "50% working, two thirds of them without jobcoach"
  const at36: Record<string, number[]> = { [WAJONG]: [61, 30.5, 30.5, 39], [WGA]: [50, 16.7, 33.3, 50] };
  for (const b of BENEFITS) {
    const [working, jc, work, none] = at36[b];
    share(`${b} working at month 36 (%)`, working, s(b, 2, 'trial') + s(b, 2, 'work_jc') + s(b, 2, 'work'));
    share(`${b} work_jc at month 36 (%)`, jc, s(b, 2, 'work_jc'));
    share(`${b} work at month 36 (%)`, work, s(b, 2, 'work'));
    share(`${b} none at month 36 (%)`, none, s(b, 2, 'none'));
  }

  // Hours, wages, permanent contracts among persons in paid work
  const cell = (attribute: string) => cellMeansByMonth(seqs, { attribute, states: PAID, by: 'benefit', levels: BENEFITS, months: [0, 36] });
  const hours = cell('hours_week'), wage = cell('hourly_wage'), permanent = cell('permanent');
  const published: Record<string, { hours: number; wage: [number, number]; permanent: [number, number] }> = {
    [WAJONG]: { hours: 25, wage: [6.68, 9.25], permanent: [15, 37] },
    [WGA]: { hours: 22, wage: [11.67, 15.0], permanent: [15, 45] },
  };
  BENEFITS.forEach((b, k) => {
    const p = published[b];
    mean(`${b} hours per week at start`, p.hours, hours.groups[k].mean[0]);
    mean(`${b} hours per week at month 36`, p.hours, hours.groups[k].mean[1]);
    mean(`${b} hourly wage at start (EUR)`, p.wage[0], wage.groups[k].mean[0]);
    mean(`${b} hourly wage at month 36 (EUR)`, p.wage[1], wage.groups[k].mean[1]);
    share(`${b} permanent at start (%)`, p.permanent[0], 100 * permanent.groups[k].mean[0]);
    share(`${b} permanent at month 36 (%)`, p.permanent[1], 100 * permanent.groups[k].mean[1]);
  });

  // Table 1: job endings in the three years after the start; jobs are paid jobs
  // (a trial placement that never converts is not a job: the employer pays no wage)
  const table1 = jobLossTable(seqs, {
    roles: JOBCOACH_ROLES, employer: JOBCOACH_EMPLOYER, by: 'benefit', levels: BENEFITS, window: 36, unpaidOnlyJobs: 'exclude',
  });
  const t1: Record<string, [number, number, number, number]> = { [WAJONG]: [1.2, 32, 43, 6], [WGA]: [1.0, 38, 31, 5] };
  BENEFITS.forEach((b, k) => {
    const [a, direct, afterGap, gap] = t1[b];
    const row = table1.groups[k];
    mean(`${b} Table 1 A: endings per person`, a, row.endingsPerPerson);
    share(`${b} Table 1 B: % direct new job`, direct, row.directPct);
    share(`${b} Table 1 C: % new job after a gap`, afterGap, row.afterGapPct);
    mean(`${b} Table 1 D: mean gap (months)`, gap, row.gapMonthsMean);
    share(`${b} Table 1 rest: % no new job`, 100 - direct - afterGap, row.noNewJobPct);
  });

  // Groups: share per benefit, % of observed time working, women and men in group 3
  const groups = groupProfiles(seqs, { by: 'true_group', levels: ['1', '2', '3', '4'], roles: JOBCOACH_ROLES, categorical: [], shareBy: 'benefit' });
  const groupShares: Record<string, number[]> = { [WAJONG]: [19, 24, 29, 28], [WGA]: [41, 9, 32, 18] };
  for (const b of BENEFITS) groupShares[b].forEach((x, g) => share(`${b} group ${g + 1} share (%)`, x, groups.groups[g].shareByPct[b]));
  [90, 89, 20, 59].forEach((x, g) => share(`group ${g + 1} % of time working`, x, groups.groups[g].pctTimeWorking));
  const bySex = groupProfiles(seqs, { by: 'true_group', levels: ['1', '2', '3', '4'], categorical: [], shareBy: 'sex' });
  share('women in group 3 (%)', 36, bySex.groups[2].shareByPct.female);
  share('men in group 3 (%)', 30, bySex.groups[2].shareByPct.male);

  // Table 2: regime at the start by group (Wajong)
  const benefit = seqs.covariates.array('benefit') as ArrayLike<string>;
  const wajongRows = Array.from(benefit, (b, i) => (b === WAJONG ? i : -1)).filter((i) => i >= 0);
  const table2 = groupProfiles(selectRows(seqs, wajongRows), {
    by: 'true_group', levels: ['1', '2', '3', '4'], categorical: ['regime'], covariateLevels: { regime: REGIMES },
  }).categorical[0];
  const t2: Record<string, number[]> = { // groups 1, 2, 3, 4, total (the study prints group 4 before group 3)
    very_light: [12, 6, 4, 7, 7], light: [35, 24, 19, 26, 25], medium: [47, 58, 62, 57, 57], intensive: [6, 11, 15, 10, 11],
  };
  REGIMES.forEach((r, l) => {
    t2[r].forEach((x, g) => share(`Table 2 ${r}, ${g < 4 ? `group ${g + 1}` : 'total'} (%)`, x, g < 4 ? table2.pct[g][l] : table2.totalPct[l]));
  });
  return out;
}

/** True when the value is within the tolerance of the target. */
export function withinTolerance(f: Figure): boolean {
  const allowed = f.relative ? f.tolerance * f.target : f.tolerance;
  return Math.abs(f.value - f.target) <= allowed + 1e-12;
}

/** A plain-text table: figure, target, generated, tolerance, ok. */
export function formatFigures(figures: Figure[], title: string): string {
  const width = Math.max(...figures.map((f) => f.figure.length));
  const lines = figures.map((f) => {
    const tol = f.relative ? `±${Math.round(100 * f.tolerance)}%` : `±${f.tolerance}`;
    return `${f.figure.padEnd(width)}  ${f.target.toFixed(2).padStart(7)}  ${f.value.toFixed(2).padStart(7)}  ${tol.padStart(5)}  ${withinTolerance(f) ? 'ok' : 'MISS'}`;
  });
  return [title, `${'figure'.padEnd(width)}  ${'target'.padStart(7)}  ${'panel'.padStart(7)}  ${'tol'.padStart(5)}`, ...lines].join('\n');
}
