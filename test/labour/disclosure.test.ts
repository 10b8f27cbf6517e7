import { describe, expect, it } from 'vitest';
import {
  JOBCOACH_EMPLOYER, JOBCOACH_ROLES, cellMeansByMonth, disclosureControl, fixedEffectsIndex, groupProfiles, jobLossTable, labourTables,
  participationLadder, publishTables, retention, ruleTypology, simulateJobcoach, stateSharesByMonth, timeToNewJob, type LabourTable,
} from '../../src/index.js';
import { isCountPath, recoverable } from '../helpers/output-check.js';
import { ROLES, WORK, panel } from './panel.js';

const seqs = panel(
  [
    { states: 'TJJNNWWW', emp: 'AAA--BBB', wage: [0, 8, 8, 8, 8, 9, 9, 9], perm: [0, 0, 0, NaN, NaN, 1, 1, 1] },
    { states: 'JJWNNNNN', emp: 'AAB-----', wage: [7, 7, 9], perm: [0, 0, 1] },
    { states: 'JJJJJJJ', emp: 'AAAAAAA', wage: [10, 10, 10, 11, 11, 11, 12], perm: [1, 1, 1, 1, 1, 1, 1] },
    { states: 'TJN', emp: 'AA-' },
    { states: 'JNWNNNWW', emp: 'A-B---CC' },
    { states: 'WWWWWJRR', emp: 'AAAAAB--', wage: [60, 60, 60, 60, 60] },
  ],
  { weights: [1, 2, 1, 1, 1, 3], covariates: { benefit: ['Wajong', 'Wajong', 'Wajong', 'Wajong', 'WGA', 'WGA'] } },
);
const levels = ['Wajong', 'WGA'];
const isNaNs = (xs: readonly number[]) => xs.map((x) => Number.isNaN(x));

describe('disclosureControl on hand-made panels', () => {
  it('job-loss table: small percentages and counts suppressed, and no percentage recoverable from the other two', () => {
    const t = jobLossTable(seqs, { ...WORK, by: 'benefit', window: 6, levels });
    const safe = disclosureControl(t, { minCell: 2 });
    const raw = safe.unsafeRaw();
    expect(raw).toBe(t);
    for (const r of [...safe.groups, safe.total]) {
      const pcts = [r.directPct, r.afterGapPct, r.noNewJobPct];
      // never exactly one of the three hidden: 100 minus the others would give it
      expect(pcts.filter(Number.isNaN).length).not.toBe(1);
      // persons counts of 1 are gone
      for (const f of ['personsDirect', 'personsAfterGap', 'personsNoNewJob', 'personsExit', 'personsWithEnding'] as const) expect(r[f] === 1).toBe(false);
    }
    // WGA: one person with a direct new job, one after a gap, none without
    const wga = t.groups[1];
    expect([wga.personsDirect, wga.personsAfterGap, wga.personsNoNewJob]).toEqual([1, 1, 0]);
    expect(isNaNs([safe.groups[1].directPct, safe.groups[1].afterGapPct])).toEqual([true, true]);
    expect(safe.disclosure.log.find((l) => l.cell === 'WGA.personsDirect')).toEqual({ table: 'jobLoss', cell: 'WGA.personsDirect', kind: 'count', persons: '<2', rule: 'primary' });
    expect(t.groups[1].directPct).not.toBeNaN(); // the input is not changed
    expect(JSON.stringify(safe)).not.toContain('unsafeRaw');
  });

  it('retention: the not-working share is not 100 minus work retention', () => {
    const r = retention(seqs, { ...WORK, horizon: 2 });
    const safe = disclosureControl(r, { minCell: 2 });
    const { sameEmployerPct: same, otherEmployerPct: other, notWorkingPct: none, workRetentionPct: work } = safe.total;
    expect(Number.isNaN(none)).toBe(r.total.personsNotWorking === 1);
    if (Number.isNaN(none)) {
      expect(Number.isNaN(work)).toBe(true);
      expect([same, other].some(Number.isNaN)).toBe(true);
    }
  });

  it('state shares: a small share, its partner, and the counts behind them', () => {
    const s = disclosureControl(stateSharesByMonth(seqs, { by: 'benefit', levels }), { minCell: 2 });
    const wajong = s.groups[0];
    // Wajong month 2: work_jc 2, work 1, none 1 persons
    expect(s.unsafeRaw().groups[0].counts[2]).toEqual([0, 2, 1, 1, 0]);
    expect(isNaNs(wajong.shares[2])).toEqual([false, false, true, true, false]);
    expect(isNaNs(wajong.counts[2])).toEqual([false, false, true, true, false]);
    // every month: zero or at least two shares hidden
    for (const g of [...s.groups, s.total]) for (const row of g.shares) expect(row.filter(Number.isNaN).length).not.toBe(1);
  });

  it('means: dominance for magnitudes, binary attributes as shares, no single contribution published', () => {
    // month 0 of the total: wages 0, 7 (weight 2), 10, 60 (weight 3): the largest contribution 180 of 204 dominates
    const wages = disclosureControl(cellMeansByMonth(seqs, { attribute: 'hourly_wage', roles: ROLES }), { minCell: 2 });
    expect(wages.disclosure.log.find((l) => l.cell === 'total.0.mean')?.rule).toBe('dominance');
    expect(wages.total.mean[0]).toBeNaN();
    expect(wages.total.largest.every(Number.isNaN)).toBe(true);
    expect(disclosureControl(cellMeansByMonth(seqs, { attribute: 'hourly_wage', roles: ROLES }), { minCell: 2, dominance: 0.95 }).total.mean[0]).not.toBeNaN();
    const perm = disclosureControl(cellMeansByMonth(seqs, { attribute: 'permanent', roles: ROLES }), { minCell: 2 });
    expect(perm.binary).toBe(true);
    // month 2: permanent 1, 1, 1 of 3 persons with a value... month 0: one person of three has a permanent contract
    expect(perm.unsafeRaw().total.personsPositive[0]).toBe(1);
    expect(perm.total.mean[0]).toBeNaN();
  });

  it('typology: no per-person assignment; time to a new job: curves only where steps rest on minCell endings', () => {
    const ty = disclosureControl(ruleTypology(seqs, { ...WORK, minMonths: 3, longRun: 3, permanent: 'permanent' }), { minCell: 3 });
    expect(ty.assignment).toHaveLength(0);
    const tn = disclosureControl(timeToNewJob(seqs, { ...WORK, at: [0, 3] }), { minCell: 3 });
    const km = tn.total.kaplanMeier;
    expect(km.eventsCount.every((d) => d >= 3)).toBe(true);
    expect(km.atRiskCount.every((n) => n >= 3)).toBe(true);
    expect(km.time.length).toBeLessThan(tn.unsafeRaw().total.kaplanMeier.time.length);
    expect(km.censored.every(Number.isNaN)).toBe(true);
  });

  it('index numbers and profiles', () => {
    const idx = disclosureControl(fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: ['work_jc', 'work'], bins: [0, 4] }), { minCell: 4 });
    expect(idx.unsafeRaw().persons).toEqual([4, 3]);
    expect(isNaNs(idx.index)).toEqual([false, true]);
    expect(isNaNs(idx.persons)).toEqual([false, true]);
    const pr = disclosureControl(groupProfiles(seqs, { by: [1, 1, 1, 2, 2, 2], roles: ROLES, shareBy: 'benefit' }), { minCell: 3 });
    // group 2 holds 1 Wajong and 2 WGA persons: both shares rest on fewer than 3
    expect(isNaNs([pr.groups[1].shareByPct.Wajong, pr.groups[1].shareByPct.WGA])).toEqual([true, true]);
  });

  it('index numbers: the bins\' observations add up to all of them, so a small bin is hidden in another', () => {
    // 25 persons observed in months 0..3 (bins 0-1, 2-3), 5 also in months 4..5: bin 4+ holds 10 observations of 5 persons
    const persons = [
      ...Array.from({ length: 25 }, (_, i) => ({ states: 'WWWW', wage: [10 + (i % 3), 11 + (i % 4), 12, 12 + (i % 2)] })),
      ...Array.from({ length: 5 }, (_, i) => ({ states: 'WWWWWW', wage: [9, 10, 11, 12, 14 + i, 15 + i] })),
    ];
    const s = disclosureControl(fixedEffectsIndex(panel(persons), { outcome: 'hourly_wage', states: ['work'], bins: [0, 2, 4] }), { minCell: 10 });
    expect(s.observations[2]).toBeNaN();
    expect([s.nObs, s.observations[0], s.observations[1]].filter(Number.isNaN).length).toBeGreaterThan(0);
  });

  it('profiles: the total mean pools the group means, and a group\'s t-test goes with its mean', () => {
    // groups of 20, 25 and 5 persons with ages: the 5-person mean is (50 x total - 20 x a - 25 x b) / 5 unless one more is hidden
    const g = [...new Array<string>(20).fill('a'), ...new Array<string>(25).fill('b'), ...new Array<string>(5).fill('c')];
    const age = g.map((_, i) => 25 + (i % 13));
    const r = disclosureControl(groupProfiles(panel(g.map(() => ({ states: 'W' })), { covariates: { g, age } }), { by: 'g', numeric: ['age'] }), { minCell: 10 });
    const c = r.numeric[0];
    expect([c.mean[2], c.t[2], c.pValue[2]].every(Number.isNaN)).toBe(true);
    expect([c.mean[0], c.mean[1], c.totalMean].filter(Number.isNaN).length).toBeGreaterThan(0);
  });

  it('ladder: a small transition is not recovered from the total\'s same, up and down (sums of the transition cells)', () => {
    const rep = (states: string, n: number) => Array.from({ length: n }, () => ({ states }));
    const people = [['NN', 20], ['NT', 12], ['NW', 5], ['N', 15], ['TN', 12], ['TT', 15], ['TW', 14], ['T', 13], ['WN', 11], ['WT', 12], ['WW', 20], ['W', 10]] as const;
    const ladder = participationLadder(panel(people.flatMap(([st, n]) => rep(st, n)), { alphabet: ['none', 'trial', 'work'] }), { rungs: ['none', 'trial', 'work'], dates: [0, 1] });
    const published = publishTables(labourTables(ladder), { minCell: 10 });
    const [moves, transitions] = published.tables;
    const value = (t: typeof moves, row: string, column: string) => t.rows.find((r) => r[0] === row)![t.header.indexOf(column)] as number | null;
    expect(value(transitions, 'none', 'work')).toBeNull(); // 5 persons
    // what a reader knows: the rows and columns of the transitions add up, the diagonal and the cells above and below it
    // give the total's same, up and down, which the ladder's total row shows too
    const rungs = ['none', 'trial', 'work'];
    const to = [...rungs, 'left'];
    const values = new Map<string, number | null>();
    for (const row of [...rungs, 'total']) for (const column of ['persons', ...to, 'same', 'up', 'down']) values.set(`t.${row}.${column}`, value(transitions, row, column));
    for (const m of ['same', 'up', 'down', 'left']) values.set(`l.total.${m}`, value(moves, 'total', m));
    const lines: { cells: string[]; total: string | number }[] = [
      ...rungs.map((r) => ({ cells: to.map((c) => `t.${r}.${c}`), total: `t.${r}.persons` })),
      ...['persons', ...to].map((c) => ({ cells: rungs.map((r) => `t.${r}.${c}`), total: `t.total.${c}` })),
      ...(['same', 'up', 'down'] as const).map((m, k) => ({
        cells: rungs.flatMap((r, i) => rungs.filter((_, j) => (k === 0 ? i === j : k === 1 ? j > i : j < i)).map((c) => `t.${r}.${c}`)),
        total: `t.total.${m}`,
      })),
      ...['same', 'up', 'down'].map((m) => ({ cells: [`l.total.${m}`], total: `t.total.${m}` })),
    ];
    expect(recoverable({ values, lines })).toEqual([]);
  });

  it('rejects a threshold below 1', () => {
    expect(() => disclosureControl(jobLossTable(seqs, WORK), { minCell: 0 })).toThrow(/minCell/);
  });
});

/** Every number under a count-like name in an object, with its path (the checker's notion of a count). */
function counts(x: unknown, path: string[] = [], out: [string, number][] = []): [string, number][] {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) Array.from(x as ArrayLike<unknown>).forEach((v, i) => counts(v, [...path, String(i)], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) counts(v, [...path, k], out);
  else if (typeof x === 'number' && isCountPath(path)) out.push([path.join('.'), x]);
  return out;
}

describe('disclosureControl on a synthetic panel of 300 persons', () => {
  const s = simulateJobcoach({ n: 300, seed: 4 });
  const work = { roles: JOBCOACH_ROLES, employer: JOBCOACH_EMPLOYER };
  const tables: LabourTable[] = [
    jobLossTable(s, { ...work, by: 'benefit', window: 36 }),
    retention(s, { ...work, by: 'benefit' }),
    timeToNewJob(s, { ...work, by: 'benefit', at: [0, 6, 12, 48] }),
    ruleTypology(s, { ...work, by: 'benefit', permanent: 'permanent' }),
    stateSharesByMonth(s, { by: 'benefit' }),
    cellMeansByMonth(s, { attribute: 'hourly_wage', roles: JOBCOACH_ROLES, by: 'benefit' }),
    cellMeansByMonth(s, { attribute: 'permanent', roles: JOBCOACH_ROLES, by: 'benefit' }),
    groupProfiles(s, { by: 'benefit', roles: JOBCOACH_ROLES, categorical: ['sex'] }),
    fixedEffectsIndex(s, { outcome: 'hours_week', roles: JOBCOACH_ROLES }),
  ];

  it('no count below the threshold in any controlled table, and the raw ones had some', () => {
    let rawSmall = 0;
    for (const t of tables) {
      const safe = disclosureControl(t, { minCell: 10 });
      expect(counts(safe).filter(([, x]) => x > 0 && x < 10)).toEqual([]);
      rawSmall += counts(t).filter(([, x]) => x > 0 && x < 10).length;
    }
    expect(rawSmall).toBeGreaterThan(0);
  });

  it('rounding instead: every count a multiple of 5', () => {
    for (const t of tables) {
      const safe = disclosureControl(t, { round: 5 });
      expect(counts(safe).filter(([path, x]) => Number.isFinite(x) && x % 5 !== 0 && !/(Weighted|exposure)/.test(path))).toEqual([]);
    }
  });

  it('the independent checker finds no percentage recoverable from its row', () => {
    const [jobLoss, ret, , , shares] = tables.map((t) => disclosureControl(t)) as [
      ReturnType<typeof jobLossTable>, ReturnType<typeof retention>, unknown, unknown, ReturnType<typeof stateSharesByMonth>,
    ];
    const values = new Map<string, number | null>();
    const lines: { cells: string[]; total: string | number }[] = [];
    const put = (id: string, x: number) => values.set(id, Number.isNaN(x) ? null : x);
    for (const r of [...jobLoss.groups, jobLoss.total]) {
      ['directPct', 'afterGapPct', 'noNewJobPct'].forEach((f) => put(`jl.${r.group}.${f}`, r[f as 'directPct']));
      lines.push({ cells: ['directPct', 'afterGapPct', 'noNewJobPct'].map((f) => `jl.${r.group}.${f}`), total: 100 });
    }
    for (const r of [...ret.groups, ret.total]) {
      for (const f of ['sameEmployerPct', 'otherEmployerPct', 'notWorkingPct', 'workRetentionPct'] as const) put(`rt.${r.group}.${f}`, r[f]);
      lines.push({ cells: ['sameEmployerPct', 'otherEmployerPct', 'notWorkingPct'].map((f) => `rt.${r.group}.${f}`), total: 100 });
      lines.push({ cells: ['sameEmployerPct', 'otherEmployerPct'].map((f) => `rt.${r.group}.${f}`), total: `rt.${r.group}.workRetentionPct` });
    }
    for (const g of [...shares.groups, shares.total]) {
      g.shares.forEach((row, k) => {
        if (g.atRisk[k] === 0) return;
        row.forEach((x, si) => put(`ss.${g.group}.${k}.${si}`, x));
        lines.push({ cells: row.map((_, si) => `ss.${g.group}.${k}.${si}`), total: 1 });
      });
    }
    expect(recoverable({ values, lines })).toEqual([]);
  });
});
