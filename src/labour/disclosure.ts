import { controlTables, type DisclosureLogRow, type DisclosureOptions } from '../disclosure/control.js';
import { curvePlan } from '../disclosure/curve.js';
import { pooledMean, sumsTo, type CellKind, type DisclosureCell, type Relation } from '../disclosure/model.js';
import { roundCount, type DisclosureRule } from '../disclosure/primary.js';
import { withUnsafeRaw, type WithUnsafeRaw } from '../disclosure/safe.js';
import type { CumulativeIncidence, KaplanMeierCurve } from '../stats/survival.js';
import type { IndexNumbers } from './indexNumbers.js';
import type { JobLossRow, JobLossTable } from './jobLoss.js';
import type { GroupProfiles } from './profiles.js';
import type { TimeToNewJob, TimeToNewJobGroup } from './reemployment.js';
import type { Retention, RetentionRow } from './retention.js';
import type { CellMeans, StateShares } from './shares.js';
import type { Typology } from './typology.js';

/** Every table result of src/labour that `disclosureControl` handles. */
export type LabourTable = JobLossTable | TimeToNewJob | Retention | Typology | StateShares | CellMeans | GroupProfiles | IndexNumbers;

/** What disclosure control did to a labour table. */
export interface LabourDisclosure {
  readonly minCell: number;
  readonly dominance: number;
  readonly round: number | null;
  /** Published cells per rule. */
  readonly cellsPerRule: Readonly<Record<DisclosureRule, number>>;
  /** The output-check lines (disclosure.csv). */
  readonly log: readonly DisclosureLogRow[];
}

/** A labour table after disclosure control: the same shape, with `disclosure` and `unsafeRaw()`. */
export type ControlledLabourTable<T> = WithUnsafeRaw<T & { readonly disclosure: LabourDisclosure }, T>;

/** Options of `disclosureControl`. */
export interface LabourDisclosureOptions extends DisclosureOptions {
  /** Name of the table in the log (default its kind, e.g. `jobLoss`). */
  name?: string;
}

/**
 * Statistical disclosure control of a labour table, so it can leave a
 * secure remote-access environment. The table is described in the
 * disclosure model (`controlTables`): every number with the persons behind
 * it, and the relations a reader knows (percentages of a row summing to
 * 100, complements such as work retention = same + other employer, counts of
 * the groups adding up to the total, total percentages pooling the groups';
 * a share and its count are twins, suppressed together). Then primary
 * suppression (1..minCell-1 persons; dominance for means of magnitudes),
 * secondary suppression (nothing suppressed can be computed back) or, with
 * `round`, counts rounded. Suppressed values become NaN (null in JSON),
 * counts of the persons behind cells included: the result holds no count
 * below the threshold. Survival curves are published only where their steps
 * rest on `minCell` events and `minCell` are at risk (`curvePlan`), and the
 * typology's per-person assignment is removed.
 *
 * What a cell rests on: a percentage on the persons with that outcome (and
 * its row's persons), a state share on the persons in that state (and those
 * observed), a mean on the persons behind it, an index number on the persons
 * in its bin, a share with a new job on the persons still at risk and the
 * endings since the previous month shown.
 *
 * @param result a table from jobLossTable, timeToNewJob, retention, ruleTypology,
 *   stateSharesByMonth, cellMeansByMonth, groupProfiles or fixedEffectsIndex
 * @param options minCell (10), dominance (0.5), round (none), name
 * @returns a copy with unsafe cells NaN, `disclosure` (rule counts and the log) and `unsafeRaw()` (the input)
 * @example
 * const safe = disclosureControl(jobLossTable(seqs, { by: 'benefit', roles }), { minCell: 10 });
 * safe.groups[1].exitPct;           // NaN when fewer than 10 persons exited (or it would give such a cell away)
 * safe.disclosure.cellsPerRule.secondary; // cells suppressed to protect others
 * safe.unsafeRaw().groups[1].exitPct; // the raw value, inside the environment only
 */
export function disclosureControl<T extends LabourTable>(result: T, options: LabourDisclosureOptions = {}): ControlledLabourTable<T> {
  const minCell = options.minCell ?? 10;
  const model = new TableModel(result);
  describeTable(model, result, minCell);
  const safe = controlTables([{ name: options.name ?? result.kind, cells: model.cells, relations: model.relations }], options);
  const copy = structuredClone(result) as T;
  const pathOf = new Map(model.cells.map((c, k) => [c.id, model.paths[k]]));
  for (const c of safe.tables[0].cells) setAt(copy, pathOf.get(c.id)!, c.value ?? NaN);
  if (copy.kind === 'typology') (copy as { assignment: Int8Array }).assignment = new Int8Array(0);
  if (copy.kind === 'groupProfiles') hideSignificance(copy);
  if (copy.kind === 'timeToNewJob' && minCell > 1) for (const g of [...copy.groups, copy.total]) protectCurves(g, minCell, safe.round);
  const disclosure: LabourDisclosure = { minCell: safe.minCell, dominance: safe.dominance, round: safe.round, cellsPerRule: safe.cellsPerRule, log: safe.log };
  return withUnsafeRaw(Object.assign(copy, { disclosure }), result);
}

type Path = readonly (string | number)[];

/** Cells with the place of their value in the result, and relations; cells are read from the result by path. */
class TableModel {
  readonly cells: DisclosureCell[] = [];
  readonly paths: Path[] = [];
  readonly relations: Relation[] = [];
  constructor(private readonly result: unknown) {}

  /** A cell whose value is at `path`. */
  add(id: string, path: Path, kind: CellKind, persons: number, extra: Partial<DisclosureCell> = {}): void {
    this.cells.push({ id, value: getAt(this.result, path) as number, persons, kind, ...extra });
    this.paths.push(path);
  }

  /** A derived number the result does not hold (not published). */
  derived(id: string, value: number, kind: CellKind, persons: number, extra: Partial<DisclosureCell> = {}): void {
    this.cells.push({ id, value, persons, kind, published: false, ...extra });
    this.paths.push([]);
  }

  value(id: string): number {
    return this.cells.find((c) => c.id === id)!.value;
  }

  relate(r: Relation): void {
    this.relations.push(r);
  }

  /** Each group's cells `field` add up to the total's. */
  additive(groups: readonly string[], fields: readonly string[]): void {
    if (groups.length === 0) return;
    for (const f of fields) this.relate(sumsTo(groups.map((g) => `${g}.${f}`), `total.${f}`));
  }

  /** The total's `field` pools the groups' with weights (skipped where weights are not finite). */
  pooled(groups: readonly string[], field: string, weights: readonly number[]): void {
    if (groups.length === 0 || weights.some((w) => !Number.isFinite(w))) return;
    if (!Number.isFinite(this.value(`total.${field}`))) return;
    const parts = groups.map((g, k): [string, number] => [`${g}.${field}`, weights[k]]).filter(([id, w]) => w !== 0 && Number.isFinite(this.value(id)));
    if (parts.length > 0) this.relate(pooledMean(parts, `total.${field}`));
  }
}

function describeTable(m: TableModel, t: LabourTable, minCell: number): void {
  switch (t.kind) {
    case 'jobLoss': return jobLossModel(m, t);
    case 'retention': return retentionModel(m, t);
    case 'timeToNewJob': return timeToNewJobModel(m, t, minCell);
    case 'typology': return typologyModel(m, t);
    case 'stateShares': return stateSharesModel(m, t);
    case 'cellMeans': return cellMeansModel(m, t);
    case 'groupProfiles': return profilesModel(m, t);
    case 'indexNumbers': return indexModel(m, t);
  }
}

/** Rows of a table with groups and a total: [row, its path, its name in cell ids]. */
function rowsOf<R extends { group: string }>(t: { groups: readonly R[]; total: R }): [R, Path, string][] {
  return [...t.groups.map((r, i): [R, Path, string] => [r, ['groups', i], r.group]), [t.total, ['total'], 'total']];
}

/** Names of the groups, the first part of their cell ids (the total's is `total`). */
function groupIds(t: { groups: readonly { group: string }[] }): string[] {
  return t.groups.map((g) => g.group);
}

const JOB_LOSS_COUNTS = ['persons', 'personsWeighted', 'excluded', 'exposureMonths', 'endings', 'endingsWeighted', 'personsWithEnding', 'personsDirect', 'personsAfterGap', 'personsNoNewJob', 'personsExit'];

function jobLossModel(m: TableModel, t: JobLossTable): void {
  for (const [r, p, g] of rowsOf(t)) {
    const at = (f: keyof JobLossRow) => [...p, f];
    const id = (f: string) => `${g}.${f}`;
    for (const f of ['persons', 'personsWeighted'] as const) m.add(id(f), at(f), 'count', r.persons);
    m.add(id('excluded'), at('excluded'), 'count', r.excluded);
    m.add(id('exposureMonths'), at('exposureMonths'), 'mean', r.persons);
    for (const f of ['endings', 'endingsWeighted'] as const) m.add(id(f), at(f), 'count', r.personsWithEnding);
    for (const f of ['personsWithEnding', 'personsDirect', 'personsAfterGap', 'personsNoNewJob', 'personsExit'] as const) m.add(id(f), at(f), 'count', r[f]);
    m.add(id('endingsPerPerson'), at('endingsPerPerson'), 'share', r.personsWithEnding, { base: r.persons });
    const base = { base: r.personsWithEnding };
    m.add(id('directPct'), at('directPct'), 'share', r.personsDirect, base);
    m.add(id('afterGapPct'), at('afterGapPct'), 'share', r.personsAfterGap, base);
    m.add(id('noNewJobPct'), at('noNewJobPct'), 'share', r.personsNoNewJob, base);
    m.add(id('exitPct'), at('exitPct'), 'share', r.personsExit, base);
    m.add(id('gapMonthsMean'), at('gapMonthsMean'), 'mean', r.personsAfterGap);
    // endings without a new job and without an exit: not shown, = noNewJobPct - exitPct; at least
    // personsNoNewJob - personsExit persons (and 1 when there are any), a lower bound, so the rule errs on the safe side
    const rest = r.noNewJobPct - r.exitPct;
    m.derived(id('noNewJobNoExitPct'), rest, 'share', rest > 0 ? Math.max(1, r.personsNoNewJob - r.personsExit) : 0, base);
    m.relate(sumsTo([id('directPct'), id('afterGapPct'), id('noNewJobPct')], 100));
    m.relate(sumsTo([id('exitPct'), id('noNewJobNoExitPct')], id('noNewJobPct')));
  }
  const gs = groupIds(t);
  m.additive(gs, JOB_LOSS_COUNTS);
  const ew = t.groups.map((r) => r.endingsWeighted);
  for (const f of ['directPct', 'afterGapPct', 'noNewJobPct', 'exitPct', 'noNewJobNoExitPct']) m.pooled(gs, f, ew);
  m.pooled(gs, 'endingsPerPerson', t.groups.map((r) => (t.incomplete === 'exclude' ? r.personsWeighted : r.exposureMonths)));
  m.pooled(gs, 'gapMonthsMean', t.groups.map((r) => (r.afterGapPct * r.endingsWeighted) / 100));
}

function retentionModel(m: TableModel, t: Retention): void {
  for (const [r, p, g] of rowsOf(t)) {
    const at = (f: keyof RetentionRow) => [...p, f];
    const id = (f: string) => `${g}.${f}`;
    for (const f of ['starts', 'startsWeighted', 'persons'] as const) m.add(id(f), at(f), 'count', r.persons);
    m.add(id('censored'), at('censored'), 'count', r.personsCensored);
    for (const f of ['personsCensored', 'personsSame', 'personsOther', 'personsNotWorking', 'personsWorking'] as const) m.add(id(f), at(f), 'count', r[f]);
    const base = { base: r.persons };
    m.add(id('sameEmployerPct'), at('sameEmployerPct'), 'share', r.personsSame, base);
    m.add(id('otherEmployerPct'), at('otherEmployerPct'), 'share', r.personsOther, base);
    m.add(id('notWorkingPct'), at('notWorkingPct'), 'share', r.personsNotWorking, base);
    m.add(id('workRetentionPct'), at('workRetentionPct'), 'share', r.personsWorking, base);
    m.relate(sumsTo([id('sameEmployerPct'), id('otherEmployerPct'), id('notWorkingPct')], 100));
    m.relate(sumsTo([id('sameEmployerPct'), id('otherEmployerPct')], id('workRetentionPct')));
  }
  const gs = groupIds(t);
  m.additive(gs, ['starts', 'startsWeighted', 'persons', 'censored', 'personsCensored', 'personsSame', 'personsOther', 'personsNotWorking', 'personsWorking']);
  const sw = t.groups.map((r) => r.startsWeighted);
  for (const f of ['sameEmployerPct', 'otherEmployerPct', 'notWorkingPct', 'workRetentionPct']) m.pooled(gs, f, sw);
}

function timeToNewJobModel(m: TableModel, t: TimeToNewJob, minCell: number): void {
  for (const [r, p, g] of rowsOf(t)) {
    const id = (f: string) => `${g}.${f}`;
    m.add(id('endings'), [...p, 'endings'], 'count', r.persons);
    m.add(id('persons'), [...p, 'persons'], 'count', r.persons);
    for (const f of ['newJobs', 'exits', 'censored'] as const) m.add(id(f), [...p, f], 'count', r[f]);
    m.relate(sumsTo([id('newJobs'), id('exits'), id('censored')], id('endings')));
    // a share shown at month m adds the endings since the previous month shown: too few when curvePlan says so
    const plan = minCell > 1 ? curvePlan(r.incidence ?? r.kaplanMeier, { minCell, at: r.shares.map((s) => s.month) }) : null;
    r.shares.forEach((s, k) => {
      const at = (f: string) => [...p, 'shares', k, f];
      const sid = (f: string) => id(`${s.month}.${f}`);
      const rests = { base: s.personsAtRisk, tooFew: plan ? !plan.atOk[k] : false };
      for (const f of ['newJob', 'exit'] as const) m.add(sid(f), at(f), 'share', s.personsAtRisk, rests);
      for (const f of ['lower', 'upper'] as const) m.add(sid(f), at(f), 'mean', s.personsAtRisk, rests);
      m.add(sid('atRisk'), at('atRisk'), 'count', s.personsAtRisk);
      m.add(sid('personsAtRisk'), at('personsAtRisk'), 'count', s.personsAtRisk);
    });
  }
  m.additive(groupIds(t), ['endings', 'persons', 'newJobs', 'exits', 'censored']);
}

/**
 * A group's curves after disclosure control (`curvePlan`): only points whose
 * step rests on minCell events with minCell at risk; a kept point carries the
 * events pooled since the previous one; censorings and events by cause (small
 * counts) are not kept; with `round`, the counts at risk and the events are rounded.
 */
function protectCurves(g: TimeToNewJobGroup, minCell: number, round: number | null): void {
  filterCurve(g.kaplanMeier, curvePlan(g.kaplanMeier, { minCell }).keep, ['survival', 'se', 'lower', 'upper'], round);
  if (g.incidence) {
    const aj = g.incidence;
    const keep = curvePlan(aj, { minCell }).keep;
    filterCurve(aj, keep, ['survival'], round);
    for (const f of ['incidence', 'se', 'lower', 'upper'] as const) aj[f].forEach((a, c) => (aj[f][c] = a.filter((_, j) => keep[j])));
  }
}

function filterCurve(c: KaplanMeierCurve | CumulativeIncidence, keep: readonly boolean[], series: readonly string[], round: number | null): void {
  const pooled = (a: readonly number[]) => {
    const out: number[] = [];
    let sum = 0;
    a.forEach((x, j) => {
      sum += x;
      if (keep[j]) {
        out.push(sum);
        sum = 0;
      }
    });
    return out;
  };
  const kept = (a: readonly number[]) => a.filter((_, j) => keep[j]);
  const counted = (a: number[]) => (round === null ? a : a.map((x) => roundCount(x, round)));
  const w = c as unknown as Record<string, unknown>;
  Object.assign(w, {
    time: kept(c.time), atRisk: counted(kept(c.atRisk)), atRiskCount: counted(kept(c.atRiskCount)),
    events: counted(pooled(c.events)), eventsCount: counted(pooled(c.eventsCount)),
    censored: kept(c.censored).map(() => NaN), eventsByCause: c.eventsByCause.map((a) => kept(a).map(() => NaN)),
  });
  for (const f of series) w[f] = kept(w[f] as number[]);
}

function typologyModel(m: TableModel, t: Typology): void {
  const types = t.total.rows.map((r) => r.type);
  for (const [gr, p, g] of rowsOf(t)) {
    const id = (f: string) => `${g}.${f}`;
    m.add(id('persons'), [...p, 'persons'], 'count', gr.persons);
    m.add(id('excluded'), [...p, 'excluded'], 'count', gr.excluded);
    gr.rows.forEach((r, k) => {
      const at = (f: string) => [...p, 'rows', k, f];
      const rid = (f: string) => id(`${r.type}.${f}`);
      m.add(rid('persons'), at('persons'), 'count', r.persons);
      m.add(rid('personsWeighted'), at('personsWeighted'), 'count', r.persons);
      m.add(rid('sharePct'), at('sharePct'), 'share', r.persons, { base: gr.persons, twin: rid('persons') });
      for (const f of ['pctTimeWorking', 'pctPermanent', 'jobChangesPerWorkedYear']) m.add(rid(f), at(f), 'mean', r.persons);
    });
    if (gr.persons > 0) m.relate(sumsTo(gr.rows.map((r) => id(`${r.type}.sharePct`)), 100));
    m.relate(sumsTo(gr.rows.map((r) => id(`${r.type}.persons`)), id('persons')));
  }
  const gs = groupIds(t);
  m.additive(gs, ['persons', 'excluded', ...types.flatMap((ty) => [`${ty}.persons`, `${ty}.personsWeighted`])]);
  const weights = t.groups.map((gr) => gr.rows.reduce((s, r) => s + r.personsWeighted, 0));
  for (const ty of types) m.pooled(gs, `${ty}.sharePct`, weights);
}

function stateSharesModel(m: TableModel, t: StateShares): void {
  for (const [gr, p, g] of rowsOf(t)) {
    const id = (f: string) => `${g}.${f}`;
    for (const f of ['persons', 'personsWeighted'] as const) m.add(id(f), [...p, f], 'count', gr.persons);
    t.months.forEach((month, k) => {
      const mid = (f: string) => id(`${month}.${f}`);
      const n = gr.atRisk[k];
      m.add(mid('atRisk'), [...p, 'atRisk', k], 'count', n);
      m.add(mid('atRiskWeighted'), [...p, 'atRiskWeighted', k], 'count', n);
      m.add(mid('censored'), [...p, 'censored', k], 'count', gr.censored[k]);
      t.states.forEach((s, si) => {
        m.add(mid(`${s}.count`), [...p, 'counts', k, si], 'count', gr.counts[k][si]);
        m.add(mid(`${s}.share`), [...p, 'shares', k, si], 'share', gr.counts[k][si], { base: n, twin: mid(`${s}.count`) });
      });
      if (n > 0) m.relate(sumsTo(t.states.map((s) => mid(`${s}.share`)), 1));
      m.relate(sumsTo(t.states.map((s) => mid(`${s}.count`)), mid('atRisk')));
    });
  }
  const gs = groupIds(t);
  const perMonth = t.months.flatMap((month) => [`${month}.atRisk`, `${month}.atRiskWeighted`, `${month}.censored`, ...t.states.map((s) => `${month}.${s}.count`)]);
  m.additive(gs, ['persons', 'personsWeighted', ...perMonth]);
  t.months.forEach((month, k) => {
    for (const s of t.states) m.pooled(gs, `${month}.${s}.share`, t.groups.map((gr) => gr.atRiskWeighted[k]));
  });
}

function cellMeansModel(m: TableModel, t: CellMeans): void {
  for (const [gr, p, g] of rowsOf(t)) {
    t.months.forEach((month, k) => {
      const id = (f: string) => `${g}.${month}.${f}`;
      const n = gr.persons[k];
      m.add(id('persons'), [...p, 'persons', k], 'count', n);
      m.add(id('personsWeighted'), [...p, 'personsWeighted', k], 'count', n);
      m.add(id('personsPositive'), [...p, 'personsPositive', k], 'count', gr.personsPositive[k]);
      if (t.binary) {
        // a mean of 0/1 is a share: it rests on the persons with 1, and its complement on those with 0
        m.add(id('mean'), [...p, 'mean', k], 'share', gr.personsPositive[k], { base: n });
        m.derived(id('meanOfZeros'), 1 - gr.mean[k], 'share', n - gr.personsPositive[k], { base: n });
        if (n > 0) m.relate(sumsTo([id('mean'), id('meanOfZeros')], 1));
      } else {
        const total = gr.mean[k] * gr.personsWeighted[k];
        m.add(id('mean'), [...p, 'mean', k], 'mean', n, n > 0 ? { contributions: { largest: gr.largest[k], total } } : {});
      }
      // one person's contribution: never published
      m.add(id('largest'), [...p, 'largest', k], 'mean', 1, { tooFew: n > 0 });
    });
  }
  const gs = groupIds(t);
  t.months.forEach((month, k) => {
    m.additive(gs, [`${month}.persons`, `${month}.personsWeighted`, `${month}.personsPositive`]);
    m.pooled(gs, `${month}.mean`, t.groups.map((gr) => gr.personsWeighted[k]));
  });
}

function profilesModel(m: TableModel, t: GroupProfiles): void {
  const gs = groupIds(t);
  const levels = t.shareByLevels;
  const levelPersons = levels.map((l) => t.groups.reduce((s, g) => s + g.shareByPersons[l], 0));
  for (const [gr, p, g] of rowsOf(t)) {
    const id = (f: string) => `${g}.${f}`;
    for (const f of ['persons', 'personsWeighted'] as const) m.add(id(f), [...p, f], 'count', gr.persons);
    m.add(id('sharePct'), [...p, 'sharePct'], 'share', gr.persons, { base: t.total.persons });
    m.add(id('pctTimeWorking'), [...p, 'pctTimeWorking'], 'mean', gr.persons);
    levels.forEach((l, li) => {
      m.add(id(`${l}.persons`), [...p, 'shareByPersons', l], 'count', gr.shareByPersons[l]);
      m.add(id(`${l}.sharePct`), [...p, 'shareByPct', l], 'share', gr.shareByPersons[l], { base: levelPersons[li] });
    });
  }
  if (gs.length > 0) {
    m.relate(sumsTo(gs.map((g) => `${g}.sharePct`), 100));
    levels.forEach((l, li) => levelPersons[li] > 0 && m.relate(sumsTo(gs.map((g) => `${g}.${l}.sharePct`), 100)));
  }
  m.additive(gs, ['persons', 'personsWeighted', ...levels.map((l) => `${l}.persons`)]);

  t.categorical.forEach((c, ci) => {
    const p: Path = ['categorical', ci];
    const id = (f: string) => `${c.covariate}.${f}`;
    const rowTotal = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);
    // each group's row (gi) and the total's (gi = -1)
    const rows: [readonly number[], Path, Path, string, number][] = [
      ...c.count.map((counts, gi): [readonly number[], Path, Path, string, number] => [counts, [...p, 'pct', gi], [...p, 'count', gi], gs[gi], gi]),
      [c.totalCount, [...p, 'totalPct'], [...p, 'totalCount'], 'total', -1],
    ];
    for (const [counts, pctPath, countPath, g, gi] of rows) {
      const n = rowTotal(counts);
      c.levels.forEach((l, li) => {
        m.add(id(`${g}.${l}.count`), [...countPath, li], 'count', counts[li]);
        m.add(id(`${g}.${l}.pct`), [...pctPath, li], 'share', counts[li], { base: n, twin: id(`${g}.${l}.count`) });
        if (gi >= 0) for (const f of ['residual', 'pValue'] as const) m.add(id(`${g}.${l}.${f}`), [...p, f, gi, li], 'mean', counts[li], { base: n });
      });
      if (n > 0) m.relate(sumsTo(c.levels.map((l) => id(`${g}.${l}.pct`)), 100));
      m.relate(sumsTo(c.levels.map((l) => id(`${g}.${l}.count`)), n));
    }
    c.levels.forEach((l) => m.relate(sumsTo(gs.map((g) => id(`${g}.${l}.count`)), id(`total.${l}.count`))));
    for (const f of ['statistic', 'pValue', 'cramersV'] as const) m.add(id(`test.${f}`), [...p, 'test', f], 'mean', c.test.n);
    m.add(id('test.n'), [...p, 'test', 'n'], 'count', c.test.n);
    m.add(id('missing'), [...p, 'missing'], 'count', c.missing);
  });

  t.numeric.forEach((c, ci) => {
    const p: Path = ['numeric', ci];
    const id = (f: string) => `${c.covariate}.${f}`;
    gs.forEach((g, gi) => {
      m.add(id(`${g}.persons`), [...p, 'persons', gi], 'count', c.persons[gi]);
      // the test of a group against the rest gives its mean back: t and its p-value go with the mean
      for (const f of ['mean', 'sd', 't', 'pValue'] as const) m.add(id(`${g}.${f}`), [...p, f, gi], 'mean', c.persons[gi], f === 'mean' ? { twin: [id(`${g}.t`), id(`${g}.pValue`)] } : {});
    });
    const all = c.persons.reduce((a, b) => a + b, 0);
    for (const f of ['totalMean', 'totalSd'] as const) m.add(id(f), [...p, f], 'mean', all);
    // the total mean pools the groups' (weights: the persons with a value)
    m.relate(pooledMean(gs.map((g, gi) => [id(`${g}.mean`), c.persons[gi]]), id('totalMean')));
  });
}

function indexModel(m: TableModel, t: IndexNumbers): void {
  t.bins.forEach((b, k) => {
    const id = (f: string) => `${b.label}.${f}`;
    for (const f of ['index', 'lower', 'upper', 'coef', 'se'] as const) m.add(id(f), [f, k], 'mean', t.persons[k]);
    m.add(id('observations'), ['observations', k], 'count', t.persons[k]);
    m.add(id('persons'), ['persons', k], 'count', t.persons[k]);
  });
  m.add('referenceMean', ['referenceMean'], 'mean', t.persons[0] ?? 0);
  m.add('nObs', ['nObs'], 'count', t.nPersons);
  m.add('nPersons', ['nPersons'], 'count', t.nPersons);
  // every observation falls in one bin
  m.relate(sumsTo(t.bins.map((b) => `${b.label}.observations`), 'nObs'));
}

/** A test of a suppressed cell is not shown either: its significance mark goes. */
function hideSignificance(p: GroupProfiles): void {
  for (const c of p.categorical) c.significant.forEach((row, gi) => row.forEach((_, li) => Number.isNaN(c.pct[gi][li]) && (row[li] = false)));
  for (const c of p.numeric) c.significant.forEach((_, gi) => Number.isNaN(c.mean[gi]) && (c.significant[gi] = false));
}

function getAt(x: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], x);
}

function setAt(x: unknown, path: Path, value: number): void {
  if (path.length === 0) return;
  const parent = getAt(x, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}
