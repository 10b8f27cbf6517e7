import { indexNumberPlot, indexSeriesFrom } from '../charts/indexNumberPlot.js';
import { stateSharesPlot } from '../charts/stateDistributionPlot.js';
import { cumulativeIncidencePlot, kaplanMeierPlot } from '../charts/survivalPlot.js';
import type { StateShares } from '../labour/shares.js';
import { TYPOLOGY_TYPES } from '../labour/typology.js';
import { resolveText } from '../report/page.js';
import { figure, literal, table, text, type Block, type Column, type Section, type Text } from '../report/document.js';
import { relabelStates } from './states.js';
import type { CumulativeIncidence, KaplanMeierCurve } from '../stats/survival.js';
import type { SectionContext } from './document.js';
import { fit, panelWidth } from './layout.js';

/**
 * The sections of the analyses around the clusters: `before` them state
 * shares, job endings and index numbers; `after` them time to a new job,
 * retention and the rule-based patterns. Only analyses that ran get one.
 *
 * @example
 * sections.push(...analysisSections(ctx, 'before'));
 */
export function analysisSections(ctx: SectionContext, where: 'before' | 'after'): Section[] {
  const out: (Section | null)[] = where === 'before'
    ? [stateSharesSection(ctx), jobLossSection(ctx), indexSection(ctx)]
    : [newJobSection(ctx), retentionSection(ctx), rulesSection(ctx)];
  return out.filter((s): s is Section => s !== null);
}

/** Rows of a table per group level and the total (groups without a row left out). */
function groupRows<T>(ctx: SectionContext, byGroup: Readonly<Record<string, T>> | null | undefined): string[] {
  // without groupBy the one group `all` equals the total
  return (ctx.c.study.groupBy ? [...ctx.c.groupLevels, 'total'] : ['total']).filter((g) => byGroup?.[g] !== undefined);
}

/** A group level as shown: the level, `total` translated, `all` as everyone. */
function groupText(g: string): Text {
  return g === 'total' ? text('total') : g === 'all' ? text('everyone') : literal(g);
}

function groupColumns(ctx: SectionContext, rows: readonly string[]): Column[] {
  return [
    { key: ctx.c.study.groupBy ?? 'group', header: ctx.c.study.groupBy ? literal(ctx.label(ctx.c.study.groupBy)) : text('colGroup'), values: rows.map(groupText), show: 'page' },
    { key: ctx.c.study.groupBy ?? 'group', header: literal(ctx.c.study.groupBy ?? 'group'), values: [...rows], show: 'csv' },
  ];
}

function stateSharesSection(ctx: SectionContext): Section | null {
  const { c, lang, layout } = ctx;
  const shares = c.shares;
  if (!shares) return null;
  const r = c.results;
  const seqs = relabelStates(c.sequences, Object.fromEntries(c.sequences.alphabet.codes.map((s) => [s, ctx.state(s)])));
  const panels = shares.groups.length;
  const spec = (scale: number) => fit(layout, stateSharesPlot(seqs.alphabet, firstMonths(shares, c.study.figureMonths), {
    lang, title: false, width: Math.round(scale * panelWidth(layout, panels)), height: layout.print ? Math.round(layout.width / 3.2) : 240,
    columns: layout.columns, minCell: c.study.minCell,
  }));
  const rows: { g: string; m: number }[] = [];
  for (const g of Object.keys(r.state_share)) for (const m of Object.keys(r.state_share[g]).map(Number)) rows.push({ g, m });
  const states = c.sequences.alphabet.codes;
  const columns: Column[] = [
    ...groupColumns(ctx, rows.map((x) => x.g)),
    { key: 'month', header: text('colMonth'), values: rows.map((x) => String(x.m)) },
    { key: 'at_risk', header: literal('N'), values: rows.map((x) => r.at_risk[x.g][x.m]), format: { digits: 0 }, persons: rows.map((x) => r.at_risk[x.g][x.m]) },
    ...states.map((s): Column => ({
      key: s, header: literal(ctx.state(s)), values: rows.map((x) => r.state_share[x.g][x.m][s]), format: { scale: 100, digits: 0 },
      persons: rows.map((x) => countAt(shares, x.g, x.m, states.indexOf(s))),
    })),
  ];
  return {
    id: 'state-shares',
    title: text('secStateShares'),
    blocks: [
      figure('state-shares', spec, text(c.study.groupBy ? 'figStateSharesBy' : 'figStateShares', { by: ctx.label(c.study.groupBy ?? '') })),
      table({ name: 'state-shares', caption: text('capStateShares'), columns, notes: [text('noteStateShares'), ctx.suppressed, ...ctx.extraNote('stateShares')] }),
    ],
  };
}

/** Persons in a state in a month of a group (unweighted counts behind a share). */
function countAt(shares: StateShares, group: string, month: number, state: number): number | null {
  const g = shares.groups.find((x) => x.group === group);
  const k = shares.months.indexOf(month);
  return g && k >= 0 ? g.counts[k][state] : null;
}

function jobLossSection(ctx: SectionContext): Section | null {
  const { c } = ctx;
  const jl = c.results.job_loss;
  if (!c.jobLoss) return null;
  const rows = groupRows(ctx, jl);
  const f = (field: keyof (typeof jl)[string], header: Text, digits: number, persons = false): Column => ({
    key: field, header, values: rows.map((g) => jl[g][field]), format: { digits }, ...(persons ? { persons: rows.map((g) => jl[g].n_persons) } : {}),
  });
  const exits = (c.study.roles.exit ?? []).length > 0;
  const columns: Column[] = [
    ...groupColumns(ctx, rows),
    f('endings_per_person', text('colEndingsPerPerson'), 1, true),
    f('direct_pct', text('colDirectPct'), 0, true),
    f('after_gap_pct', text('colAfterGapPct'), 0, true),
    f('gap_months_mean', text('colGapMonths'), 1, true),
    f('no_new_job_pct', text('colNoNewJobPct'), 0, true),
    ...(exits ? [f('exit_pct', text('colExitPct'), 0, true)] : [{ key: 'exit_pct', header: text('colExitPct'), values: rows.map((g) => jl[g].exit_pct), show: 'csv' as const }]),
    f('n_endings', text('colEndings'), 0),
    f('n_persons', text('colPersons'), 0),
    f('n_excluded', text('colExcluded', { w: c.studyMonths }), 0),
  ];
  return {
    id: 'job-endings',
    title: text('secJobLoss'),
    blocks: [table({
      name: 'job-endings', caption: text('capJobLoss', { w: c.studyMonths }), columns,
      notes: [text('noteJobLoss', { w: c.studyMonths, jobs: jobStates(ctx) }), ctx.suppressed, ...ctx.extraNote('jobLoss')],
    })],
  };
}

/** The job states (roles paid and unpaid) as shown. */
function jobStates(ctx: SectionContext): Text {
  return literal([...(ctx.c.study.roles.paid ?? []), ...(ctx.c.study.roles.unpaid ?? [])].map(ctx.state).join(', '));
}

function indexSection(ctx: SectionContext): Section | null {
  const { c, lang, layout } = ctx;
  if (c.index.length === 0) return null;
  const r = c.results;
  const blocks: Block[] = [];
  const bySeries = c.study.groupBy
    ? c.groupLevels.flatMap((g) => (c.indexByGroup[g] ?? []).map((x) => indexSeriesFrom(x, ctx.label(x.outcome), g)))
    : c.index.map((x) => indexSeriesFrom(x, ctx.label(x.outcome)));
  const panels = c.study.groupBy ? c.groupLevels.length : 1;
  blocks.push(figure('index-numbers', (scale) => fit(layout, indexNumberPlot(bySeries, {
    lang, title: false, width: Math.round(scale * panelWidth(layout, panels)), height: layout.print ? Math.round(layout.width / 3.4) : 240,
  })), text('figIndexNumbers')));
  const bins = c.index[0].bins;
  blocks.push(table({
    name: 'index-numbers',
    caption: text('capIndexNumbers'),
    columns: [
      { key: 'month_from', header: text('colMonths'), values: bins.map((b) => b.from), show: 'csv' },
      { key: 'month_to', header: text('colMonths'), values: bins.map((b) => b.to), show: 'csv' },
      { key: 'months', header: text('colMonths'), values: bins.map((b) => b.label), show: 'page' },
      ...c.index.flatMap((x): Column[] => [
        { key: x.outcome, header: literal(ctx.label(x.outcome)), values: x.index, format: { digits: 1 }, persons: x.persons },
        { key: `${x.outcome}_lower`, header: literal(''), values: x.lower, show: 'csv' },
        { key: `${x.outcome}_upper`, header: literal(''), values: x.upper, show: 'csv' },
        { key: `${x.outcome}_persons`, header: literal(''), values: x.persons, show: 'csv' },
      ]),
    ],
    notes: [ctx.suppressed],
  }));
  const rows: { g: string; m: string }[] = [];
  for (const g of c.groupLevels) for (const m of c.cellMeans[0]?.months ?? []) rows.push({ g, m: String(m) });
  if (rows.length > 0) {
    blocks.push(table({
      name: 'means-paid-months',
      caption: text('capMeans'),
      columns: [
        ...groupColumns(ctx, rows.map((x) => x.g)),
        { key: 'month', header: text('colMonth'), values: rows.map((x) => x.m) },
        ...c.cellMeans.map((m): Column => ({
          key: m.attribute, header: literal(ctx.label(m.attribute)), values: rows.map((x) => r.means[m.attribute]?.[x.g]?.[x.m] ?? null), format: { digits: 2 },
          persons: rows.map((x) => m.groups.find((g) => g.group === x.g)?.persons[m.months.indexOf(Number(x.m))] ?? null),
        })),
      ],
      notes: [text('noteMeans', { paid: literal((c.study.roles.paid ?? []).map(ctx.state).join(', ')) }), ctx.suppressed],
    }));
  }
  return { id: 'index-numbers', title: text('secIndexNumbers'), blocks };
}

function newJobSection(ctx: SectionContext): Section | null {
  const { c, lang, layout } = ctx;
  const r = c.results.time_to_new_job;
  const re = c.reemployment;
  if (!r || !re) return null;
  const curves = c.study.groupBy ? re.groups : [re.total];
  const maxTime = Math.min(c.study.figureMonths, Math.max(0, ...curves.map((g) => g.kaplanMeier.time.at(-1) ?? 0)));
  const named = (g: string) => (g === 'all' || g === 'total' ? resolveGroup(ctx, g) : g);
  const blocks: Block[] = [figure('time-to-new-job', (scale) => fit(layout, kaplanMeierPlot(curves.map((g) => ({ name: named(g.group), curve: publishedPart(g.kaplanMeier) })), {
    lang, title: false, maxTime, timeTitle: textOf(ctx, 'axisMonthsWithoutWork'), width: Math.round(scale * panelWidth(layout, 1)), height: layout.print ? Math.round(layout.width / 3) : 260,
  })), text('figTimeToNewJob', { exits: r.method === 'aalen-johansen' ? text('figTimeToNewJobExits', { states: literal(r.exit_states.join(', ')) }) : literal('') }))];
  if (r.method === 'aalen-johansen') {
    const groups = curves.filter((g) => g.incidence).map((g) => ({ name: named(g.group), curve: publishedIncidence(g.incidence!, g.kaplanMeier) }));
    blocks.push(figure('new-job-incidence', (scale) => fit(layout, cumulativeIncidencePlot(groups, {
      lang, title: false, maxTime, timeTitle: textOf(ctx, 'axisMonthsWithoutWork'), width: Math.round(scale * panelWidth(layout, groups.length)), height: layout.print ? Math.round(layout.width / 3) : 220,
      causeLabels: [textOf(ctx, 'newJob'), textOf(ctx, 'exit')],
    })), text('figNewJobIncidence', { states: literal(r.exit_states.join(', ')) })));
  }
  const rows = groupRows(ctx, r.groups);
  const months = re.total.shares.map((s) => String(s.month));
  const competing = r.method === 'aalen-johansen';
  const columns: Column[] = [
    ...groupColumns(ctx, rows),
    { key: 'endings', header: text('colEndings'), values: rows.map((g) => r.groups[g].endings), format: { digits: 0 } },
    { key: 'persons', header: text('colPersons'), values: rows.map((g) => r.groups[g].persons), format: { digits: 0 } },
    ...months.flatMap((m): Column[] => {
      const s = (f: 'new_job_pct' | 'lower_pct' | 'upper_pct' | 'exit_pct' | 'at_risk') => rows.map((g) => r.groups[g].shares[m][f]);
      const band = rows.map((g) => {
        const x = r.groups[g].shares[m];
        return x.lower_pct === null ? null : `(${Math.round(x.lower_pct)}–${Math.round(x.upper_pct ?? NaN)})`;
      });
      return [
        { key: `new_job_pct_${m}`, header: m === '0' ? text('colDirectly') : text('colWithinMonths', { m }), values: s('new_job_pct'), format: { digits: 0 }, marks: band.map((b) => (b ? ` ${b}` : null)), persons: s('at_risk') },
        { key: `lower_pct_${m}`, header: literal(''), values: s('lower_pct'), show: 'csv' },
        { key: `upper_pct_${m}`, header: literal(''), values: s('upper_pct'), show: 'csv' },
        ...(competing ? [{ key: `exit_pct_${m}`, header: text('colExitWithin', { m }), values: s('exit_pct'), format: { digits: 0 } }] : []),
        { key: `at_risk_${m}`, header: literal(''), values: s('at_risk'), show: 'csv' },
      ];
    }),
  ];
  blocks.push(table({
    name: 'time-to-new-job', caption: text('capTimeToNewJob', { months: months.join(', ') }), columns,
    notes: [text('noteTimeToNewJob', { aj: competing ? text('noteAalenJohansen') : literal('') }), ctx.suppressed, ...ctx.extraNote('timeToNewJob')],
  }));
  return { id: 'time-to-new-job', title: text('secTimeToNewJob'), blocks };
}

function retentionSection(ctx: SectionContext): Section | null {
  const r = ctx.c.results.retention;
  if (!r) return null;
  const rows = groupRows(ctx, r.groups);
  const f = (field: keyof (typeof r.groups)[string], header: Text): Column => ({
    key: field, header, values: rows.map((g) => r.groups[g][field]), format: { digits: 0 },
  });
  const columns: Column[] = [
    ...groupColumns(ctx, rows),
    f('starts', text('colStarts')), f('persons', text('colPersons')),
    f('same_employer_pct', text('colSameEmployer')), f('other_employer_pct', text('colOtherEmployer')),
    f('not_working_pct', text('colNotWorking')), f('work_retention_pct', text('colWorkRetention')),
    f('censored', text('colRetentionCensored', { h: r.horizon_months })),
  ];
  return {
    id: 'retention',
    title: text('secRetention'),
    blocks: [table({
      name: 'retention', caption: text('capRetention', { h: r.horizon_months }), columns,
      notes: [text(ctx.c.study.align === 'start' ? 'noteRetentionStart' : 'noteRetention', { h: r.horizon_months }), ctx.suppressed, ...ctx.extraNote('retention')],
    })],
  };
}

function rulesSection(ctx: SectionContext): Section | null {
  const r = ctx.c.results.rule_typology;
  if (!r) return null;
  const rows: { g: string; type: string }[] = [];
  for (const g of groupRows(ctx, r.groups)) for (const type of TYPOLOGY_TYPES) rows.push({ g, type });
  const v = (x: { g: string; type: string }) => r.groups[x.g].types[x.type];
  const typeKey = { longJob: 'ruleLongJob', switcher: 'ruleSwitcher', shortSpells: 'ruleShortSpells', neverWorked: 'ruleNeverWorked' } as const;
  const columns: Column[] = [
    ...groupColumns(ctx, rows.map((x) => x.g)),
    { key: 'type', header: text('colPattern'), values: rows.map((x) => x.type), show: 'csv' },
    { key: 'type', header: text('colPattern'), values: rows.map((x) => text(typeKey[x.type as keyof typeof typeKey])), show: 'page' },
    { key: 'persons', header: literal('n'), values: rows.map((x) => v(x).persons), format: { digits: 0 } },
    { key: 'share_pct', header: text('colShareOfPersons'), values: rows.map((x) => v(x).share_pct), format: { digits: 0 }, persons: rows.map((x) => v(x).persons) },
    { key: 'pct_time_working', header: text('colTimeInJob'), values: rows.map((x) => v(x).pct_time_working), format: { digits: 0 }, persons: rows.map((x) => v(x).persons) },
    { key: 'pct_permanent', header: text('colPermanentTime'), values: rows.map((x) => v(x).pct_permanent), format: { digits: 0 }, persons: rows.map((x) => v(x).persons) },
    { key: 'job_changes_per_worked_year', header: text('colJobChanges'), values: rows.map((x) => v(x).job_changes_per_worked_year), format: { digits: 1 }, persons: rows.map((x) => v(x).persons) },
  ];
  return {
    id: 'rule-typology',
    title: text('secRuleTypology'),
    blocks: [table({
      name: 'rule-typology', caption: text('capRuleTypology', { last: r.window_months - 1 }), columns,
      notes: [text('noteRuleTypology', { jobs: jobStates(ctx), excluded: r.groups.total?.excluded ?? r.groups.all?.excluded ?? 0 }), ctx.suppressed, ...ctx.extraNote('ruleTypology')],
    })],
  };
}

function resolveGroup(ctx: SectionContext, g: string): string {
  return textOf(ctx, g === 'total' ? 'total' : 'everyone');
}

function textOf(ctx: SectionContext, key: Parameters<typeof text>[0]): string {
  return resolveText(text(key), ctx.lang);
}

/** State shares of the first `months` months only (the months a figure shows). */
function firstMonths(shares: StateShares, months: number): StateShares {
  const k = shares.months.filter((m) => m < months).length;
  return {
    ...shares,
    months: shares.months.slice(0, k),
    monthLabels: shares.monthLabels.slice(0, k),
    groups: shares.groups.map((g) => ({
      ...g, shares: g.shares.slice(0, k), counts: g.counts.slice(0, k), atRisk: g.atRisk.slice(0, k),
      atRiskWeighted: g.atRiskWeighted.slice(0, k), censored: g.censored.slice(0, k),
    })),
  };
}

/** The first part of a Kaplan-Meier curve, up to where disclosure control suppressed it. */
function publishedPart(curve: KaplanMeierCurve): KaplanMeierCurve {
  const end = firstSuppressed(curve.survival);
  return { ...curve, time: curve.time.slice(0, end), survival: curve.survival.slice(0, end), lower: curve.lower.slice(0, end), upper: curve.upper.slice(0, end), atRisk: curve.atRisk.slice(0, end) };
}

/** The first part of a cumulative incidence, up to where the Kaplan-Meier curve of the same endings was suppressed. */
function publishedIncidence(ci: CumulativeIncidence, km: KaplanMeierCurve): CumulativeIncidence {
  const end = Math.min(firstSuppressed(km.survival), firstSuppressed(ci.survival));
  const cut = (a: number[][]) => a.map((x) => x.slice(0, end));
  return { ...ci, time: ci.time.slice(0, end), incidence: cut(ci.incidence), lower: cut(ci.lower), upper: cut(ci.upper), atRisk: ci.atRisk.slice(0, end) };
}

function firstSuppressed(values: readonly number[]): number {
  const k = values.findIndex((v) => !Number.isFinite(v));
  return k < 0 ? values.length : k;
}
