import { describe, expect, it } from 'vitest';
import {
  cellId, fixedEffectsIndex, groupProfiles, jobLossTable, labourTables, participationLadder, publishTables, retention, ruleTypology,
  stateSharesByMonth, stockOnDate, timeToNewJob, type PublishedTable,
} from '../../src/index.js';
import { panel, ROLES, WORK } from './panel.js';

const seqs = panel([
  { states: 'TTJJNNW', emp: 'AAAA--B', wage: [0, 0, 10, 11, NaN, NaN, 12] },
  { states: 'WWJJNN', emp: 'AABB--', wage: [9, 9, 10, 10] },
  { states: 'NJJNNNN', emp: '-CC----', wage: [NaN, 8, 8] },
  { states: 'NJWNWW', emp: '-CCCDD', wage: [NaN, 7, 7, NaN, 9, 9] },
  { states: 'NNNNNNN' },
], { covariates: { sex: ['f', 'm', 'f', 'm', 'f'], cohort: ['a', 'a', 'b', 'b', 'b'] } });

/** Every relation of a table holds on its values. */
function checkRelations(t: PublishedTable): void {
  const value = new Map(t.rows.flatMap((r) => t.columns.map((c, k) => [cellId(r.keys, c), r.cells[k]?.value] as const)));
  for (const rel of t.relations) {
    const sum = rel.terms.reduce((s, [id, a]) => s + a * value.get(id)!, 0);
    expect(sum).toBeCloseTo(rel.constant ?? 0, 9);
  }
}

describe('labourTables', () => {
  it('job-loss: a row per group and the total, each value with the persons behind it, and the sums a reader knows', () => {
    const r = jobLossTable(seqs, { ...WORK, by: 'sex', window: 6 });
    const [t] = labourTables(r);
    expect(t.name).toBe('job-loss');
    expect(t.keys).toEqual(['group']);
    expect(t.rows.map((row) => row.keys)).toEqual([['f'], ['m'], ['total']]);
    const total = t.rows[2].cells;
    const col = (c: string) => total[t.columns.indexOf(c)]!;
    expect(col('persons')).toEqual({ value: r.total.persons, kind: 'count', persons: r.total.persons, key: undefined });
    expect(col('direct_pct')).toEqual({ value: r.total.directPct, kind: 'share', persons: r.total.personsDirect, base: r.total.personsWithEnding });
    expect(t.relations).toContainEqual({ terms: [['f / persons', 1], ['m / persons', 1], ['total / persons', -1]], constant: 0 });
    checkRelations(t);
  });

  it('every result gives tables whose relations hold, and with minCell 1 publishes its values unchanged', () => {
    const results = [
      stateSharesByMonth(seqs, { by: 'sex' }),
      jobLossTable(seqs, { ...WORK, by: 'cohort', window: 6 }),
      timeToNewJob(seqs, { ...WORK, by: 'sex', at: [0, 1, 2] }),
      retention(seqs, { ...WORK, horizon: 2, by: 'sex' }),
      ruleTypology(seqs, { ...WORK, minMonths: 3, longRun: 2, by: 'sex' }),
      groupProfiles(seqs, { by: 'sex', roles: ROLES, categorical: ['cohort'], shareBy: 'cohort' }),
      fixedEffectsIndex(seqs, { outcome: 'hourly_wage', states: ROLES.paid, bins: [0, 2, 4] }),
      participationLadder(seqs, { rungs: ['none', 'trial', ['work_jc', 'work'], 'retired'], dates: [1, 5], by: 'sex' }),
      stockOnDate(seqs, { date: 3, of: 'role', roles: ROLES, by: ['sex', 'cohort'] }),
    ];
    for (const result of results) {
      const tables = labourTables(result, { minCell: 1 });
      tables.forEach(checkRelations);
      const out = publishTables(tables, { minCell: 1 });
      expect(out.counts.primary + out.counts.secondary).toBe(0);
      out.tables.forEach((o, k) => {
        const t = tables[k];
        expect(o.header).toEqual([...t.keys, ...t.columns]);
        expect(o.rows).toEqual(t.rows.map((r) => [...r.keys, ...r.cells.map((c) => c?.value ?? null)]));
      });
    }
  });

  it('the ladder and the stock: counts, shares and margins', () => {
    const [ladder, transitions] = labourTables(participationLadder(seqs, { rungs: ['none', 'trial', ['work_jc', 'work'], 'retired'], dates: [1, 5] }));
    expect(ladder.columns).toEqual(['persons', 'not_observed', 'same', 'up', 'down', 'left', 'same_pct', 'up_pct', 'down_pct', 'left_pct']);
    expect(transitions.rows.map((r) => r.keys[0])).toEqual(['none', 'trial', 'work_jc+work', 'retired', 'total']);
    expect(ladder.together).toContainEqual(['total / up', 'total / up_pct']);
    // the total's same, up and down: in the transition table too, as sums of its cells (keyed as the ladder's)
    const total = transitions.rows.find((r) => r.keys[0] === 'total')!;
    expect(transitions.columns.slice(-3)).toEqual(['same', 'up', 'down']);
    expect(['same', 'up', 'down'].map((m) => total.cells[transitions.columns.indexOf(m)]?.key)).toEqual(['ladder.total.same', 'ladder.total.up', 'ladder.total.down']);
    expect(transitions.relations).toContainEqual({ terms: [['none / trial', 1], ['none / work_jc+work', 1], ['none / retired', 1], ['trial / work_jc+work', 1], ['trial / retired', 1], ['work_jc+work / retired', 1], ['total / up', -1]], constant: 0 });
    const [stock] = labourTables(stockOnDate(seqs, { date: 3, by: ['sex'] }));
    expect(stock.relations).toContainEqual({ terms: [['f / none', 1], ['m / none', 1], ['total / none', -1]], constant: 0 });
    expect(labourTables(stockOnDate(seqs, { date: 3, by: ['sex'] }), { weighted: true })[0].together).toEqual([]);
  });
});

describe('publishTables', () => {
  // groups of 12 and 3 persons: the small group's cells are suppressed, and so are the cells that would give them away
  const big = panel([
    ...Array.from({ length: 12 }, (_, i) => ({ states: i < 8 ? 'WWW' : 'NNN' })),
    ...Array.from({ length: 3 }, () => ({ states: 'WWN' })),
  ], { covariates: { g: [...Array(12).fill('a'), ...Array(3).fill('b')] } });

  it('suppresses cells of fewer than minCell persons and what would give them away; logs every cell', () => {
    const out = publishTables(labourTables(stockOnDate(big, { date: 2, by: ['g'] })), { minCell: 10 });
    const [t] = out.tables;
    expect(t.header).toEqual(['g', 'persons', 'not_observed', 'trial', 'work_jc', 'work', 'none', 'retired',
      'trial_pct', 'work_jc_pct', 'work_pct', 'none_pct', 'retired_pct']);
    const at = (g: string, c: string) => t.rows.find((r) => r[0] === g)![t.header.indexOf(c)];
    expect(at('b', 'persons')).toBeNull(); // 3 persons
    expect(at('a', 'persons')).toBeNull(); // a = total - b
    expect(at('total', 'persons')).toBe(15);
    expect(at('a', 'work')).toBeNull(); // 8 persons: primary
    expect(out.log.find((l) => l.cell === 'b / persons')).toEqual({ table: 'stock', cell: 'b / persons', kind: 'count', persons: '<10', rule: 'primary' });
    expect(out.counts.none + out.counts.primary + out.counts.secondary).toBe(out.log.length);
    // unweighted, a count and its share give each other away: published or hidden together
    const [table] = labourTables(stockOnDate(big, { date: 2, by: ['g'] }));
    for (const [countId, shareId] of table.together) {
      const [g, countColumn] = countId.split(' / ');
      expect(at(g, countColumn) === null).toBe(at(g, shareId.split(' / ')[1]) === null);
    }
  });

  it('rounds counts instead with round, and hides the shares of small rounded counts', () => {
    const out = publishTables(labourTables(stockOnDate(big, { date: 2, by: ['g'] })), { minCell: 10, round: 5 });
    const [t] = out.tables;
    const at = (g: string, c: string) => t.rows.find((r) => r[0] === g)![t.header.indexOf(c)];
    expect(at('a', 'persons')).toBe(10);
    expect(at('b', 'persons')).toBe(5);
    expect(at('total', 'persons')).toBe(15);
    expect(at('total', 'work')).toBeNull(); // 8 rounds to 10, but 8 of 15 (53.3%) would give it away
    expect(at('total', 'work_pct')).toBeNull();
    expect(at('b', 'none_pct')).toBeNull(); // 3 of 3
    expect(out.log.find((l) => l.cell === 'a / persons')).toMatchObject({ persons: 10, rule: 'rounded' });
  });
});

describe('publishTables: a count and what gives it back are hidden inside the suppression', () => {
  it('profiles by covariate: no level or group left with one hidden count, and z, p-value and significance go with their count', () => {
    // group A has 5 persons at level a (primary); A.b = total.b - B.b - C.b and A's size from A.c / A.c_pct would give it back
    const spec: [string, string, number][] = [['A', 'a', 5], ['A', 'b', 12], ['A', 'c', 20], ['B', 'a', 13], ['B', 'b', 14], ['B', 'c', 15], ['C', 'a', 16], ['C', 'b', 17], ['C', 'c', 18]];
    const g = spec.flatMap(([group, , n]) => new Array<string>(n).fill(group));
    const x = spec.flatMap(([, level, n]) => new Array<string>(n).fill(level));
    const r = groupProfiles(panel(g.map(() => ({ states: 'W' })), { covariates: { g, x } }), { by: 'g', categorical: ['x'] });
    const t = publishTables(labourTables(r), { minCell: 10 }).tables[1];
    const col = (name: string) => t.header.indexOf(name);
    const rows = t.rows.filter((row) => row[2] !== 'total' && row[1] !== '(test)');
    for (const row of rows) {
      const hidden = row[col('persons')] === null;
      for (const stat of ['pct', 'z', 'p_value', 'significant']) expect(row[col(stat)] === null, `${row.slice(0, 3).join('.')} ${stat}`).toBe(hidden);
    }
    const hiddenIn = (at: number, key: string) => rows.filter((row) => row[at] === key && row[col('persons')] === null).length;
    for (const level of ['a', 'b', 'c']) expect(hiddenIn(1, level)).not.toBe(1);
    for (const group of ['A', 'B', 'C']) expect(hiddenIn(2, group)).not.toBe(1);
  });
});

describe('publishTables: a total pooling its groups hides a partner with a suppressed group share', () => {
  const rep = <T,>(p: T, n: number): T[] => Array.from({ length: n }, () => p);
  const grouped = (groups: [string, { states: string; emp?: string }[]][]) =>
    panel(groups.flatMap(([, ps]) => ps), { covariates: { g: groups.flatMap(([name, ps]) => ps.map(() => name)) } });
  const publish = (r: Parameters<typeof labourTables>[0]) => {
    const t = publishTables(labourTables(r), { minCell: 10 }).tables[0];
    return (keys: string[], column: string) => t.rows.find((row) => keys.every((k, i) => row[i] === k))![t.header.indexOf(column)];
  };

  it('shares: total x persons - B x persons would give A (5 in trial)', () => {
    const get = publish(stateSharesByMonth(grouped([['A', [...rep({ states: 'T' }, 5), ...rep({ states: 'W' }, 15)]], ['B', [...rep({ states: 'T' }, 12), ...rep({ states: 'W' }, 18)]]]), { by: 'g' }));
    expect(get(['A', '0'], 'trial_pct')).toBeNull();
    expect([get(['B', '0'], 'trial_pct'), get(['total', '0'], 'trial_pct')]).toContain(null);
  });

  it('job loss: the pooled shares, and endings with endings per person', () => {
    // D: job to job directly, G: after a month, X: no new job, K: no ending
    const D = { states: 'WWWW', emp: 'ABBB' }, G = { states: 'WNWW', emp: 'A-BB' }, X = { states: 'WNNN', emp: 'A---' }, K = { states: 'WWWW', emp: 'AAAA' };
    const get = publish(jobLossTable(grouped([['A', [...rep(D, 5), ...rep(G, 10), ...rep(X, 10)]], ['B', [...rep(D, 10), ...rep(G, 10), ...rep(X, 10)]]]), { ...WORK, by: 'g', window: 3 }));
    expect(get(['A'], 'direct_pct')).toBeNull();
    expect([get(['B'], 'direct_pct'), get(['total'], 'direct_pct')]).toContain(null);
    const few = publish(jobLossTable(grouped([['A', [...rep(K, 12), ...rep(G, 4), ...rep(X, 4)]], ['B', [...rep(D, 10), ...rep(G, 10), ...rep(X, 10)]]]), { ...WORK, by: 'g', window: 3 }));
    // A's 8 endings: B's endings = endings per person x persons would give them from the total
    expect(few(['A'], 'endings')).toBeNull();
    expect([few(['B'], 'endings'), few(['B'], 'endings_per_person')]).toEqual([null, null]);
  });

  it('retention: the pooled shares (weights: starts)', () => {
    const S = { states: 'NWWW', emp: '-AAA' }, O = { states: 'NWWW', emp: '-ABB' }, N = { states: 'NWNN', emp: '-A--' };
    const get = publish(retention(grouped([['A', [...rep(S, 5), ...rep(O, 10), ...rep(N, 10)]], ['B', [...rep(S, 10), ...rep(O, 10), ...rep(N, 10)]]]), { ...WORK, by: 'g', horizon: 2 }));
    expect(get(['A'], 'same_employer_pct')).toBeNull();
    expect([get(['B'], 'same_employer_pct'), get(['total'], 'same_employer_pct')]).toContain(null);
  });
});

describe('publishTables: time to a new job', () => {
  it('a share resting on fewer than minCell endings since the previous value shown is withheld (curvePlan)', () => {
    // 3 direct moves (month 0), 12 after a month, 35 without: the month-0 share (6% of 50) rests on 3 endings
    const rep = <T,>(p: T, n: number): T[] => Array.from({ length: n }, () => p);
    const D = { states: 'WWWW', emp: 'ABBB' }, G = { states: 'WNWW', emp: 'A-BB' }, X = { states: 'WNNN', emp: 'A---' };
    const r = timeToNewJob(panel([...rep(D, 3), ...rep(G, 12), ...rep(X, 35)]), { ...WORK, at: [0, 1, 2] });
    const t = publishTables(labourTables(r, { minCell: 10 }), { minCell: 10 }).tables[0];
    const month0 = t.rows.find((row) => row[0] === 'total' && row[1] === '0')!;
    expect(month0[t.header.indexOf('new_job_pct')]).toBeNull();
    // with minCell 1 every value is shown
    const open = publishTables(labourTables(r, { minCell: 1 }), { minCell: 1 }).tables[0];
    expect(open.rows.find((row) => row[0] === 'total' && row[1] === '0')![open.header.indexOf('new_job_pct')]).toBeCloseTo(6, 9);
  });
});
