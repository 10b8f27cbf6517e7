import { controlTables, type DisclosureLogRow, type DisclosureOptions } from '../disclosure/control.js';
import { curvePlan } from '../disclosure/curve.js';
import { pooledMean, type CellKind, type DisclosureCell, type DisclosureTable, type Relation } from '../disclosure/model.js';
import type { DisclosureRule } from '../disclosure/primary.js';
import type { IndexNumbers } from './indexNumbers.js';
import type { JobLossTable } from './jobLoss.js';
import type { Ladder } from './ladder.js';
import type { GroupProfiles } from './profiles.js';
import type { TimeToNewJob } from './reemployment.js';
import type { Retention } from './retention.js';
import type { StateShares } from './shares.js';
import type { Stock } from './stock.js';
import { TYPOLOGY_TYPES, type Typology } from './typology.js';

/** One published number and the persons behind it (see `DisclosureCell`). */
export interface TableCell {
  readonly value: number;
  readonly kind: CellKind;
  /** Persons the number rests on: the persons counted, or a share's numerator, or a mean's group. */
  readonly persons: number;
  /** Persons of a share's base. */
  readonly base?: number;
  /** The same quantity in several rows or tables carries one key. */
  readonly key?: string;
  /** Rests on too few persons by a count the cell does not hold (a curve's events since the previous value shown). */
  readonly tooFew?: boolean;
}

/** A table of a labour-market result as published: key columns, value columns, each value with its persons, and the sums a reader knows. */
export interface PublishedTable {
  /** Name of the table, e.g. `job-loss`. */
  readonly name: string;
  /** Key columns (e.g. `group`, `month`) and value columns, in output order. */
  readonly keys: readonly string[];
  readonly columns: readonly string[];
  /** Rows: the key values and one cell per value column (null: no value, e.g. a share of an empty group). */
  readonly rows: readonly { readonly keys: readonly string[]; readonly cells: readonly (TableCell | null)[] }[];
  /** Relations between cells (ids from `cellId`): rows summing to totals, shares summing to 100. */
  readonly relations: readonly Relation[];
  /** Pairs of cells (a count and its share of persons, unweighted) that are published or hidden together. */
  readonly together: readonly (readonly [string, string])[];
}

/** Options of `labourTables`. */
export interface LabourTableOptions {
  /** The panel has unequal case weights, so weighted shares do not give the counts away (default false). */
  weighted?: boolean;
  /** The disclosure threshold the time to a new job's values are planned with (`curvePlan`; default 10). */
  minCell?: number;
}

/** A labour-market result that `labourTables` turns into published tables. */
export type TableResult = StateShares | JobLossTable | TimeToNewJob | Retention | Typology | GroupProfiles | IndexNumbers | Ladder | Stock;

/**
 * Id of a cell in a published table (and in the disclosure log): the row's
 * keys and the column, joined by ` / `.
 *
 * @example
 * cellId(['Wajong', '6'], 'work_pct'); // 'Wajong / 6 / work_pct'
 */
export function cellId(keys: readonly string[], column: string): string {
  return [...keys, column].join(' / ');
}

/** Builds a published table row by row; relations are kept only when every cell in them has a value. */
class TableBuilder {
  private readonly rows: { keys: string[]; cells: (TableCell | null)[] }[] = [];
  private readonly relations: Relation[] = [];
  private readonly values = new Map<string, number>();
  private readonly pairs: [string, string][] = [];

  constructor(private readonly name: string, private readonly keys: readonly string[], private readonly columns: readonly string[]) {}

  row(keys: readonly (string | number)[], cells: Readonly<Record<string, TableCell | null>>): void {
    const k = keys.map(String);
    this.rows.push({ keys: k, cells: this.columns.map((c) => cells[c] ?? null) });
    for (const c of this.columns) {
      const cell = cells[c];
      if (cell) this.values.set(cellId(k, c), cell.value);
    }
  }

  /** Σ parts = total (a cell, given as [keys, column], or a known number such as 100). */
  sum(parts: readonly (readonly [readonly (string | number)[], string])[], total: readonly [readonly (string | number)[], string] | number): void {
    const id = ([keys, column]: readonly [readonly (string | number)[], string]) => cellId(keys.map(String), column);
    const ids = parts.map(id);
    const totalId = typeof total === 'number' ? total : id(total);
    // a relation of one cell only states what a reader knows anyway (a single share of 100)
    if (ids.length + (typeof totalId === 'string' ? 1 : 0) < 2) return;
    if ([...ids, totalId].some((x) => typeof x === 'string' && !this.values.has(x))) return;
    this.relations.push({
      terms: [...ids.map((x): [string, number] => [x, 1]), ...(typeof totalId === 'string' ? [[totalId, -1] as [string, number]] : [])],
      constant: typeof totalId === 'number' ? totalId : 0,
    });
  }

  /**
   * A total share (or mean) pooling its groups' with known weights (their
   * bases): Σ_g w_g × part_g = (Σ_g w_g) × total (`pooledMean`).
   */
  pooled(parts: readonly (readonly [readonly (string | number)[], string, number])[], total: readonly [readonly (string | number)[], string]): void {
    const ids = parts.map(([keys, column, w]): [string, number] => [cellId(keys.map(String), column), w]);
    const totalId = cellId(total[0].map(String), total[1]);
    if (ids.length < 2 || [...ids.map(([id]) => id), totalId].some((id) => !this.values.has(id))) return;
    this.relations.push(pooledMean(ids, totalId));
  }

  /**
   * A count and the share of persons it makes (count = base × share / 100):
   * without case weights (or with equal ones) a reader gets one from the
   * other, so when `linked` they are published or hidden together.
   */
  together(linked: boolean, countCell: readonly [readonly (string | number)[], string], shareCell: readonly [readonly (string | number)[], string]): void {
    const countId = cellId(countCell[0].map(String), countCell[1]);
    const shareId = cellId(shareCell[0].map(String), shareCell[1]);
    if (linked && this.values.has(countId) && this.values.has(shareId)) this.pairs.push([countId, shareId]);
  }

  build(): PublishedTable {
    return { name: this.name, keys: this.keys, columns: this.columns, rows: this.rows, relations: this.relations, together: this.pairs };
  }
}

const count = (n: number, persons = n, key?: string): TableCell | null => (Number.isFinite(n) ? { value: n, kind: 'count', persons, key } : null);
const share = (value: number, persons: number, base: number): TableCell | null => (Number.isFinite(value) ? { value, kind: 'share', persons, base } : null);
const mean = (value: number, persons: number): TableCell | null => (Number.isFinite(value) ? { value, kind: 'mean', persons } : null);

/**
 * The published tables of a labour-market result: one row per group (and a
 * total), each value with the persons behind it (so disclosure control can
 * check it) and the relations a reader knows (rows summing to the total,
 * shares summing to 100, counts per group summing to the total), for
 * `publishTables`. Percentages are 0..100 (columns ending in `_pct`).
 *
 * Tables: `shares` (group, month: persons observed, % per state), `job-loss`
 * (group), `new-job` (group, month), `retention` (group), `rule-typology`
 * (group, type), `profiles` (group) and `profile-covariates` (covariate, level,
 * group), `index-numbers` (bin), `ladder` (group) and `ladder-transitions`
 * (rung at date 1), `stock` (one column per covariate).
 *
 * Without case weights (or with equal ones) a share of persons and its count
 * give each other away (count = base × share / 100); that is declared too,
 * unless `weighted` says the panel has unequal weights.
 *
 * @param result a result of stateSharesByMonth, jobLossTable, timeToNewJob, retention, ruleTypology,
 *   groupProfiles, fixedEffectsIndex, participationLadder or stockOnDate
 * @param options `weighted`: the panel has unequal case weights (default false); `minCell`: the threshold `publishTables` will use (default 10), for the time to a new job's values (`curvePlan`)
 * @returns its tables
 * @example
 * const [t] = labourTables(jobLossTable(seqs, { roles, by: 'benefit' }));
 * t.columns; // ['persons', 'excluded', 'endings', 'endings_per_person', 'direct_pct', ...]
 */
export function labourTables(result: TableResult, options: LabourTableOptions = {}): PublishedTable[] {
  const linked = options.weighted !== true;
  switch (result.kind) {
    case 'stateShares': return [sharesTable(result)];
    case 'jobLoss': return [jobLossTable(result)];
    case 'timeToNewJob': return [newJobTable(result, options.minCell ?? 10)];
    case 'retention': return [retentionTable(result)];
    case 'typology': return [typologyTable(result, linked)];
    case 'groupProfiles': return profileTables(result, linked);
    case 'indexNumbers': return [indexTable(result)];
    case 'ladder': return ladderTables(result, linked);
    case 'stock': return [stockTable(result, linked)];
  }
}

/** The rows of a table split by group: the groups and the total, or only the total when there is one group `all`. */
function withTotal<G extends { group: string }>(groups: readonly G[], total: G): G[] {
  return groups.length === 1 && groups[0].group === 'all' ? [total] : [...groups, total];
}

/** For each column: Σ over the groups = the total (per extra key). */
function groupSums(b: TableBuilder, groups: readonly string[], columns: readonly string[], rest: readonly string[] = []): void {
  if (groups.length === 0 || (groups.length === 1 && groups[0] === 'total')) return;
  for (const c of columns) b.sum(groups.map((g) => [[g, ...rest], c] as const), [['total', ...rest], c]);
}

function sharesTable(r: StateShares): PublishedTable {
  const columns = ['persons', ...r.states.map((s) => `${s}_pct`)];
  const b = new TableBuilder('shares', ['group', 'month'], columns);
  const rows = withTotal(r.groups, r.total);
  for (const g of rows) {
    r.months.forEach((_, k) => {
      const month = r.monthLabels[k];
      const cells: Record<string, TableCell | null> = { persons: count(g.atRisk[k]) };
      r.states.forEach((s, c) => (cells[`${s}_pct`] = share(100 * g.shares[k][c], g.counts[k][c], g.atRisk[k])));
      b.row([g.group, month], cells);
      b.sum(r.states.map((s) => [[g.group, month], `${s}_pct`] as const), 100);
    });
  }
  for (const month of r.monthLabels) groupSums(b, rows.slice(0, -1).map((g) => g.group), ['persons'], [month]);
  // the total's shares pool the groups' (weights: the persons observed that month)
  if (r.groups.length > 1) {
    r.months.forEach((_, k) => {
      for (const s of r.states) b.pooled(r.groups.map((g) => [[g.group, r.monthLabels[k]], `${s}_pct`, g.atRisk[k]] as const), [['total', r.monthLabels[k]], `${s}_pct`]);
    });
  }
  return b.build();
}

function jobLossTable(r: JobLossTable): PublishedTable {
  const b = new TableBuilder('job-loss', ['group'], [
    'persons', 'excluded', 'endings', 'endings_per_person', 'direct_pct', 'after_gap_pct', 'gap_months_mean', 'no_new_job_pct', 'exit_pct',
  ]);
  const rows = withTotal(r.groups, r.total);
  for (const g of rows) {
    b.row([g.group], {
      persons: count(g.persons),
      excluded: count(g.excluded),
      endings: count(g.endings, g.personsWithEnding),
      endings_per_person: mean(g.endingsPerPerson, g.personsWithEnding),
      direct_pct: share(g.directPct, g.personsDirect, g.personsWithEnding),
      after_gap_pct: share(g.afterGapPct, g.personsAfterGap, g.personsWithEnding),
      gap_months_mean: mean(g.gapMonthsMean, g.personsAfterGap),
      no_new_job_pct: share(g.noNewJobPct, g.personsNoNewJob, g.personsWithEnding),
      exit_pct: share(g.exitPct, g.personsExit, g.personsWithEnding),
    });
    b.sum([[[g.group], 'direct_pct'], [[g.group], 'after_gap_pct'], [[g.group], 'no_new_job_pct']], 100);
  }
  groupSums(b, rows.slice(0, -1).map((g) => g.group), ['persons', 'excluded', 'endings']);
  // the total's shares pool the groups' (weights: their endings); endings = endings per person x persons with one
  if (r.groups.length > 1) {
    for (const c of ['direct_pct', 'after_gap_pct', 'no_new_job_pct', 'exit_pct']) b.pooled(r.groups.map((g) => [[g.group], c, g.endings] as const), [['total'], c]);
  }
  for (const g of rows) b.together(true, [[g.group], 'endings'], [[g.group], 'endings_per_person']);
  return b.build();
}

function newJobTable(r: TimeToNewJob, minCell: number): PublishedTable {
  const competing = r.method === 'aalen-johansen';
  const b = new TableBuilder('new-job', ['group', 'months'], [
    'endings', 'persons', 'new_job_pct', 'lower_pct', 'upper_pct', ...(competing ? ['exit_pct'] : []), 'at_risk',
  ]);
  const rows = withTotal(r.groups, r.total);
  for (const g of rows) {
    // a value shown at month m adds the endings since the previous one shown: too few when curvePlan says so
    const plan = minCell > 1 ? curvePlan(g.incidence ?? g.kaplanMeier, { minCell, at: g.shares.map((s) => s.month) }) : null;
    g.shares.forEach((s, k) => {
      const few = (cell: TableCell | null): TableCell | null => (cell && plan && !plan.atOk[k] ? { ...cell, tooFew: true } : cell);
      b.row([g.group, s.month], {
        // the same number on every row of the group: one unknown to a reader
        endings: count(g.endings, g.persons, `${g.group}.endings`),
        persons: count(g.persons, g.persons, `${g.group}.persons`),
        new_job_pct: few(share(100 * s.newJob, s.personsAtRisk, g.persons)),
        lower_pct: few(mean(100 * s.lower, s.personsAtRisk)),
        upper_pct: few(mean(100 * s.upper, s.personsAtRisk)),
        exit_pct: competing ? few(share(100 * s.exit, s.personsAtRisk, g.persons)) : null,
        at_risk: count(s.atRisk, s.personsAtRisk),
      });
    });
  }
  const groups = rows.slice(0, -1).map((g) => g.group);
  for (const s of r.total.shares) groupSums(b, groups, ['endings', 'persons', 'at_risk'], [String(s.month)]);
  return b.build();
}

function retentionTable(r: Retention): PublishedTable {
  const b = new TableBuilder('retention', ['group'], [
    'starts', 'persons', 'censored', 'same_employer_pct', 'other_employer_pct', 'not_working_pct', 'work_retention_pct',
  ]);
  const rows = withTotal(r.groups, r.total);
  for (const g of rows) {
    b.row([g.group], {
      starts: count(g.starts, g.persons),
      persons: count(g.persons),
      censored: count(g.censored, g.personsCensored),
      same_employer_pct: share(g.sameEmployerPct, g.personsSame, g.persons),
      other_employer_pct: share(g.otherEmployerPct, g.personsOther, g.persons),
      not_working_pct: share(g.notWorkingPct, g.personsNotWorking, g.persons),
      work_retention_pct: share(g.workRetentionPct, g.personsWorking, g.persons),
    });
    const k = [g.group];
    b.sum([[k, 'same_employer_pct'], [k, 'other_employer_pct'], [k, 'not_working_pct']], 100);
    b.sum([[k, 'same_employer_pct'], [k, 'other_employer_pct']], [k, 'work_retention_pct']);
  }
  groupSums(b, rows.slice(0, -1).map((g) => g.group), ['starts', 'persons', 'censored']);
  // the total's shares pool the groups' (weights: their starts)
  if (r.groups.length > 1) {
    for (const c of ['same_employer_pct', 'other_employer_pct', 'not_working_pct', 'work_retention_pct']) b.pooled(r.groups.map((g) => [[g.group], c, g.starts] as const), [['total'], c]);
  }
  return b.build();
}

function typologyTable(r: Typology, linked: boolean): PublishedTable {
  const b = new TableBuilder('rule-typology', ['group', 'type'], [
    'persons', 'share_pct', 'pct_time_working', 'pct_permanent', 'job_changes_per_worked_year',
  ]);
  const rows = withTotal(r.groups, r.total);
  for (const g of rows) {
    for (const t of g.rows) {
      b.row([g.group, t.type], {
        persons: count(t.persons),
        share_pct: share(t.sharePct, t.persons, g.persons),
        pct_time_working: mean(t.pctTimeWorking, t.persons),
        pct_permanent: mean(t.pctPermanent, t.persons),
        job_changes_per_worked_year: mean(t.jobChangesPerWorkedYear, t.persons),
      });
    }
    for (const t of g.rows) b.together(linked, [[g.group, t.type], 'persons'], [[g.group, t.type], 'share_pct']);
    b.row([g.group, 'excluded'], { persons: count(g.excluded) });
    b.sum(TYPOLOGY_TYPES.map((t) => [[g.group, t], 'share_pct'] as const), 100);
  }
  const groups = rows.slice(0, -1).map((g) => g.group);
  for (const t of [...TYPOLOGY_TYPES, 'excluded']) groupSums(b, groups, ['persons'], [t]);
  return b.build();
}

function profileTables(r: GroupProfiles, linked: boolean): PublishedTable[] {
  const shareBy = r.shareByLevels.map((l) => `${l}_pct`);
  const b = new TableBuilder('profiles', ['group'], ['persons', 'share_pct', 'pct_time_working', ...shareBy]);
  const rows = [...r.groups, r.total];
  for (const g of rows) {
    const cells: Record<string, TableCell | null> = {
      persons: count(g.persons),
      share_pct: share(g.sharePct, g.persons, r.total.persons),
      pct_time_working: mean(g.pctTimeWorking, g.persons),
    };
    r.shareByLevels.forEach((l) => (cells[`${l}_pct`] = share(g.shareByPct[l], g.shareByPersons[l], r.total.shareByPersons[l])));
    b.row([g.group], cells);
    b.together(linked, [[g.group], 'persons'], [[g.group], 'share_pct']);
  }
  const groups = r.groups.map((g) => g.group);
  groupSums(b, groups, ['persons', 'share_pct', ...shareBy]);

  const c = new TableBuilder('profile-covariates', ['covariate', 'level', 'group'], [
    'persons', 'pct', 'mean', 'sd', 'z', 'p_value', 'significant', 'chi_square', 'df', 'cramers_v',
  ]);
  for (const p of r.categorical) {
    const groupPersons = p.count.map((row) => row.reduce((a, v) => a + v, 0));
    const totalPersons = groupPersons.reduce((a, v) => a + v, 0);
    p.levels.forEach((level, l) => {
      groups.forEach((g, gi) => {
        c.row([p.covariate, level, g], {
          persons: count(p.count[gi][l]),
          pct: share(p.pct[gi][l], p.count[gi][l], groupPersons[gi]),
          z: mean(p.residual[gi][l], p.count[gi][l]),
          p_value: mean(p.pValue[gi][l], p.count[gi][l]),
          significant: mean(p.significant[gi][l] ? 1 : 0, p.count[gi][l]),
        });
        c.together(linked, [[p.covariate, level, g], 'persons'], [[p.covariate, level, g], 'pct']);
        // the adjusted residual and its test, with the margins, give the count back
        for (const stat of ['z', 'p_value', 'significant']) c.together(true, [[p.covariate, level, g], 'persons'], [[p.covariate, level, g], stat]);
      });
      c.row([p.covariate, level, 'total'], { persons: count(p.totalCount[l]), pct: share(p.totalPct[l], p.totalCount[l], totalPersons) });
      c.together(linked, [[p.covariate, level, 'total'], 'persons'], [[p.covariate, level, 'total'], 'pct']);
      c.sum(groups.map((g) => [[p.covariate, level, g], 'persons'] as const), [[p.covariate, level, 'total'], 'persons']);
    });
    for (const g of [...groups, 'total']) c.sum(p.levels.map((level) => [[p.covariate, level, g], 'pct'] as const), 100);
    c.row([p.covariate, '(test)', 'total'], {
      chi_square: mean(p.test.statistic, p.test.n),
      df: mean(p.test.df, p.test.n),
      p_value: mean(p.test.pValue, p.test.n),
      cramers_v: mean(p.test.cramersV, p.test.n),
    });
  }
  for (const p of r.numeric) {
    groups.forEach((g, gi) => {
      c.row([p.covariate, 'mean', g], {
        persons: count(p.persons[gi]),
        mean: mean(p.mean[gi], p.persons[gi]),
        sd: mean(p.sd[gi], p.persons[gi]),
        z: mean(p.t[gi], p.persons[gi]),
        p_value: mean(p.pValue[gi], p.persons[gi]),
        significant: mean(p.significant[gi] ? 1 : 0, p.persons[gi]),
      });
    });
    const total = p.persons.reduce((a, v) => a + v, 0);
    c.row([p.covariate, 'mean', 'total'], { persons: count(total), mean: mean(p.totalMean, total), sd: mean(p.totalSd, total) });
    c.sum(groups.map((g) => [[p.covariate, 'mean', g], 'persons'] as const), [[p.covariate, 'mean', 'total'], 'persons']);
  }
  return [b.build(), c.build()];
}

function indexTable(r: IndexNumbers): PublishedTable {
  const b = new TableBuilder('index-numbers', ['bin'], ['index', 'lower', 'upper', 'persons', 'observations']);
  r.bins.forEach((bin, k) => {
    b.row([bin.label], {
      index: mean(r.index[k], r.persons[k]),
      lower: mean(r.lower[k], r.persons[k]),
      upper: mean(r.upper[k], r.persons[k]),
      persons: count(r.persons[k]),
      observations: count(r.observations[k], r.persons[k]),
    });
  });
  return b.build();
}

function ladderTables(r: Ladder, linked: boolean): PublishedTable[] {
  const moves = ['same', 'up', 'down', 'left'] as const;
  const b = new TableBuilder('ladder', ['group'], ['persons', 'not_observed', ...moves, ...moves.map((m) => `${m}_pct`)]);
  const rows = withTotal(r.groups, r.total);
  for (const g of rows) {
    const key = g.group === 'total' ? 'ladder.total' : undefined;
    const cells: Record<string, TableCell | null> = {
      persons: count(g.persons, g.persons, key && `${key}.persons`),
      not_observed: count(g.notObserved),
    };
    for (const m of moves) {
      // the total's moves are in the transition table too (left as a column total, the others as sums of its cells)
      cells[m] = count(g[m], g[m], key && `${key}.${m}`);
      cells[`${m}_pct`] = share(g[`${m}Pct`], g[m], g.persons);
    }
    b.row([g.group], cells);
    for (const m of moves) b.together(linked, [[g.group], m], [[g.group], `${m}_pct`]);
    b.sum(moves.map((m) => [[g.group], m] as const), [[g.group], 'persons']);
    b.sum(moves.map((m) => [[g.group], `${m}_pct`] as const), 100);
  }
  groupSums(b, rows.slice(0, -1).map((g) => g.group), ['persons', 'not_observed', ...moves]);

  const tr = r.transitions;
  const moved = ['same', 'up', 'down'] as const;
  const t = new TableBuilder('ladder-transitions', ['from'], ['persons', ...tr.to, ...tr.to.map((s) => `${s}_pct`), ...moved]);
  tr.from.forEach((from, k) => {
    const cells: Record<string, TableCell | null> = { persons: count(tr.fromPersons[k]) };
    tr.to.forEach((to, c) => {
      cells[to] = count(tr.persons[k][c]);
      cells[`${to}_pct`] = share(tr.pct[k][c], tr.persons[k][c], tr.fromPersons[k]);
    });
    t.row([from], cells);
    for (const to of tr.to) t.together(linked, [[from], to], [[from], `${to}_pct`]);
    t.sum(tr.to.map((to) => [[from], to] as const), [[from], 'persons']);
    t.sum(tr.to.map((to) => [[from], `${to}_pct`] as const), 100);
  });
  // the column totals: persons on each rung at date 2 (and the total on the ladder, left: the same numbers as in `ladder`)
  const columnTotal = (c: number) => tr.persons.reduce((a, row) => a + row[c], 0);
  const totals: Record<string, TableCell | null> = {
    persons: count(r.total.persons, r.total.persons, 'ladder.total.persons'),
  };
  tr.to.forEach((to, c) => (totals[to] = count(columnTotal(c), columnTotal(c), to === 'left' ? 'ladder.total.left' : undefined)));
  // the total row's same, up and down (those of the ladder's total row): the cells on, above and below the diagonal
  const moveOf = (k: number, c: number): (typeof moved)[number] => (c === k ? 'same' : c > k ? 'up' : 'down');
  const cellsOf = (move: (typeof moved)[number]) => tr.from.flatMap((from, k) => tr.from.flatMap((_, c) => (moveOf(k, c) === move ? [[[from], tr.to[c]] as const] : [])));
  for (const move of moved) totals[move] = count(r.total[move], r.total[move], `ladder.total.${move}`);
  t.row(['total'], totals);
  for (const col of ['persons', ...tr.to]) t.sum(tr.from.map((from) => [[from], col] as const), [['total'], col]);
  for (const move of moved) t.sum(cellsOf(move), [['total'], move]);
  return [b.build(), t.build()];
}

function stockTable(r: Stock, linked: boolean): PublishedTable {
  const columns = ['persons', 'not_observed', ...r.categories, ...r.categories.map((c) => `${c}_pct`)];
  const b = new TableBuilder('stock', r.by, columns);
  for (const row of r.rows) {
    const cells: Record<string, TableCell | null> = { persons: count(row.persons), not_observed: count(row.notObserved) };
    r.categories.forEach((c, k) => {
      cells[c] = count(row.counts[k]);
      cells[`${c}_pct`] = share(row.pct[k], row.counts[k], row.persons);
    });
    b.row(row.keys, cells);
    for (const c of r.categories) b.together(linked, [row.keys, c], [row.keys, `${c}_pct`]);
    b.sum(r.categories.map((c) => [row.keys, c] as const), [row.keys, 'persons']);
    b.sum(r.categories.map((c) => [row.keys, `${c}_pct`] as const), 100);
  }
  // margins: the levels of one covariate add up to its total, the other covariate's key fixed
  const counts = ['persons', 'not_observed', ...r.categories];
  r.by.forEach((_, k) => {
    for (const row of r.rows) {
      if (row.keys[k] !== 'total') continue;
      const parts = r.levels[k].map((level) => row.keys.map((key, m) => (m === k ? level : key)));
      for (const c of counts) b.sum(parts.map((p) => [p, c] as const), [row.keys, c]);
    }
  });
  return b.build();
}

/** A published table after disclosure control: header and rows of values, null where suppressed or undefined. */
export interface ControlledRows {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** The result of `publishTables`. */
export interface PublishedTables {
  readonly minCell: number;
  readonly round: number | null;
  readonly tables: readonly ControlledRows[];
  /** The output-check log (one line per published cell; `disclosureCsv` writes it). */
  readonly log: readonly DisclosureLogRow[];
  /** Published cells per rule. */
  readonly counts: Readonly<Record<DisclosureRule, number>>;
}

/**
 * Disclosure control over published tables (`controlTables`: primary and
 * secondary suppression, or rounding of counts), as rows ready for CSV or
 * JSON: the key columns, then the value columns, null where a value was
 * suppressed (or is not defined). A count and its share of persons that
 * give each other away (`PublishedTable.together`) are hidden together: when
 * one is suppressed, or the count is rounded from fewer than `minCell`
 * persons, both are (logged as secondary); hiding more never reveals more.
 *
 * @param tables tables from `labourTables` (published together: linked cells are protected together)
 * @param options `minCell` (10), `dominance`, `round`
 * @returns the rows, the log and counts per rule
 * @example
 * const out = publishTables(labourTables(retention(seqs, { roles, by: 'benefit' })), { minCell: 10 });
 * csvText([out.tables[0].header, ...out.tables[0].rows]);
 */
export function publishTables(tables: readonly PublishedTable[], options: DisclosureOptions = {}): PublishedTables {
  const disclosure: DisclosureTable[] = tables.map((t) => {
    // a count's share goes with it inside the suppression (twins), so what protects one protects both
    const cells = t.rows.flatMap((row) => t.columns.flatMap((column, c): DisclosureCell[] => {
      const cell = row.cells[c];
      return cell ? [{ id: cellId(row.keys, column), value: cell.value, persons: cell.persons, base: cell.base, kind: cell.kind, key: cell.key, tooFew: cell.tooFew }] : [];
    }));
    const ids = new Set(cells.map((c) => c.id));
    const shareOf = new Map<string, string[]>();
    for (const [countId, shareId] of t.together) if (ids.has(shareId)) shareOf.set(countId, [...(shareOf.get(countId) ?? []), shareId]);
    return { name: t.name, cells: cells.map((c) => (shareOf.has(c.id) ? { ...c, twin: shareOf.get(c.id) } : c)), relations: t.relations };
  });
  const safe = controlTables(disclosure, options);
  const counts = { ...safe.cellsPerRule };
  const log = safe.log.map((r) => ({ ...r }));
  const logLine = new Map(log.map((r) => [`${r.table}\u0000${r.cell}`, r]));
  const hidden = (rule: DisclosureRule) => rule === 'primary' || rule === 'secondary' || rule === 'dominance';
  const controlled = tables.map((t, k) => {
    const cells = new Map(safe.tables[k].cells.map((c) => [c.id, { value: c.value, rule: c.rule }]));
    const persons = new Map(disclosure[k].cells.map((c) => [c.id, c.persons]));
    for (const [countId, shareId] of t.together) {
      const count = cells.get(countId)!, share = cells.get(shareId)!;
      const smallRounded = count.rule === 'rounded' && persons.get(countId)! > 0 && persons.get(countId)! < safe.minCell;
      if (!(hidden(count.rule) || hidden(share.rule) || smallRounded)) continue;
      for (const [id, cell] of [[countId, count], [shareId, share]] as const) {
        if (hidden(cell.rule)) continue;
        counts[cell.rule]--;
        counts.secondary++;
        cell.rule = 'secondary';
        cell.value = null;
        const line = logLine.get(`${t.name}\u0000${id}`);
        if (line) Object.assign(line, { rule: 'secondary', persons: '' });
      }
    }
    return {
      name: t.name,
      header: [...t.keys, ...t.columns],
      rows: t.rows.map((row) => [...row.keys, ...t.columns.map((column) => cells.get(cellId(row.keys, column))?.value ?? null)]),
    };
  });
  return { minCell: safe.minCell, round: safe.round, log, counts, tables: controlled };
}
