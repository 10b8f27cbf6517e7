import { describe, expect, it } from 'vitest';
import {
  controlTables, OptionsError, pooledMean, publishedValues, RelationGraph, sumsTo,
  type DisclosureCell, type DisclosureTable,
} from '../../src/index.js';
import { recoverable } from '../helpers/output-check.js';

const share = (id: string, value: number, persons: number, base: number): DisclosureCell => ({ id, value, persons, base, kind: 'share' });
const count = (id: string, value: number): DisclosureCell => ({ id, value, persons: value, kind: 'count' });
const rules = (t: ReturnType<typeof controlTables>, name = t.tables[0].name) =>
  Object.fromEntries(t.tables.find((x) => x.name === name)!.cells.map((c) => [c.id, c.rule]));

/** One-year retention of 50 job starts: same employer 31, other 15, not working 4 persons. */
const retention: DisclosureTable = {
  name: 'retention',
  cells: [share('same', 62, 31, 50), share('other', 30, 15, 50), share('none', 8, 4, 50), share('work', 92, 46, 50)],
  relations: [sumsTo(['same', 'other', 'none'], 100), sumsTo(['same', 'other'], 'work')],
};

describe('controlTables: primary suppression', () => {
  it('suppresses counts of 1..minCell-1 persons and keeps zeros', () => {
    const t: DisclosureTable = { name: 'n', cells: [count('a', 0), count('b', 9), count('c', 10), count('d', 250)], relations: [] };
    const safe = controlTables([t]);
    expect(rules(safe)).toEqual({ a: 'none', b: 'primary', c: 'none', d: 'none' });
    expect([...publishedValues(safe, 'n').values()]).toEqual([0, null, 10, 250]);
    expect(controlTables([t], { minCell: 5 }).cellsPerRule).toEqual({ none: 4, primary: 0, secondary: 0, dominance: 0, rounded: 0 });
  });

  it('suppresses shares and means resting on too few persons, in their numerator or their base', () => {
    const t: DisclosureTable = {
      name: 's',
      cells: [
        share('small-numerator', 5, 3, 60), share('small-base', 50, 4, 8), share('zero', 0, 0, 60), share('fine', 20, 12, 60),
        { id: 'mean-small', value: 11.2, persons: 6, kind: 'mean' }, { id: 'mean-fine', value: 11.2, persons: 60, kind: 'mean' },
      ],
      relations: [],
    };
    expect(rules(controlTables([t]))).toEqual({
      'small-numerator': 'primary', 'small-base': 'primary', zero: 'none', fine: 'none', 'mean-small': 'primary', 'mean-fine': 'none',
    });
  });

  it('dominance: a mean where one person holds more than the configured share of the sum', () => {
    // 12 hourly wages: eleven of 10 and one of 200 -> mean 25.8, the largest is 200 / 310 = 65% of the sum
    const wage: DisclosureCell = { id: 'wage', value: 310 / 12, persons: 12, kind: 'mean', contributions: { largest: 200, total: 310 } };
    const hours: DisclosureCell = { id: 'hours', value: 30, persons: 12, kind: 'mean', contributions: { largest: 40, total: 360 } };
    const t: DisclosureTable = { name: 'means', cells: [wage, hours], relations: [] };
    expect(rules(controlTables([t]))).toEqual({ wage: 'dominance', hours: 'none' });
    expect(rules(controlTables([t], { dominance: 0.7 }))).toEqual({ wage: 'none', hours: 'none' });
    expect(rules(controlTables([t], { dominance: 0.1 }))).toEqual({ wage: 'dominance', hours: 'dominance' });
  });
});

describe('controlTables: secondary suppression', () => {
  it('naive primary suppression of a share is recoverable as 100 minus the others; the secondary step prevents it', () => {
    const shares: DisclosureTable = { ...retention, cells: retention.cells.slice(0, 3), relations: [retention.relations[0]] };
    // naive: hide only the 4-person share, and a reader computes it
    const naive = new RelationGraph(3, [{ cells: Int32Array.of(0, 1, 2), coefficients: Float64Array.of(1, 1, 1) }]);
    expect(naive.isDetermined(2, Uint8Array.of(0, 0, 1))).toBe(true); // 100 - 62 - 30 = 8
    const safe = controlTables([shares]);
    // the smallest other share (15 persons) is hidden with it
    expect(rules(safe)).toEqual({ same: 'none', other: 'secondary', none: 'primary' });
    expect([...publishedValues(safe, 'retention').values()]).toEqual([62, null, null]);
  });

  it('a complement (work retention = same + other) needs a second partner: hiding one share alone leaves 100 - work', () => {
    const safe = controlTables([retention]);
    // hiding "other" leaves none = 100 - work; hiding "work" as well makes both unknown
    expect(rules(safe)).toEqual({ same: 'none', other: 'secondary', none: 'primary', work: 'secondary' });
  });

  it('rows and columns of a two-way table with totals: suppressions form a closed pattern', () => {
    // persons by benefit (rows) and state (columns), with margins
    const values = [[40, 3, 27], [35, 22, 18]];
    const rowsN = ['Wajong', 'WGA'];
    const colsN = ['work', 'jc', 'none'];
    const cells: DisclosureCell[] = [];
    const relations = [];
    rowsN.forEach((r, i) => {
      colsN.forEach((c, j) => cells.push(count(`${r}.${c}`, values[i][j])));
      cells.push(count(`${r}.total`, values[i].reduce((a, b) => a + b)));
      relations.push(sumsTo(colsN.map((c) => `${r}.${c}`), `${r}.total`));
    });
    colsN.forEach((c, j) => cells.push(count(`total.${c}`, values[0][j] + values[1][j])));
    cells.push(count('total.total', 145));
    relations.push(sumsTo(colsN.map((c) => `total.${c}`), 'total.total'));
    for (const c of [...colsN, 'total']) relations.push(sumsTo(rowsN.map((r) => `${r}.${c}`), `total.${c}`));
    const safe = controlTables([{ name: 'states', cells, relations }]);
    const r = rules(safe);
    expect(r['Wajong.jc']).toBe('primary');
    // the cheapest closed pattern: Wajong.jc with WGA.jc (its column) and Wajong.none / WGA.none (the smaller rows)
    expect(Object.entries(r).filter(([, x]) => x !== 'none').map(([id]) => id).sort())
      .toEqual(['WGA.jc', 'WGA.none', 'Wajong.jc', 'Wajong.none']);
    expect(safe.cellsPerRule).toEqual({ none: 8, primary: 1, secondary: 3, dominance: 0, rounded: 0 });
  });

  it('an unpublished cell a reader can derive is protected when it rests on too few persons', () => {
    // only "with a new job" is shown per group, and the group size: "without" is size - with
    const t: DisclosureTable = {
      name: 'new-job',
      cells: [count('A.n', 40), count('A.with', 36), { ...count('A.without', 4), published: false }, count('B.n', 50), count('B.with', 30), { ...count('B.without', 20), published: false }],
      relations: [sumsTo(['A.with', 'A.without'], 'A.n'), sumsTo(['B.with', 'B.without'], 'B.n')],
    };
    const safe = controlTables([t]);
    expect(rules(safe)).toEqual({ 'A.n': 'none', 'A.with': 'secondary', 'B.n': 'none', 'B.with': 'none' });
    // the log names the hidden cell that forced it, without its count
    expect(safe.log.find((l) => l.cell === 'A.without')).toEqual({ table: 'new-job', cell: 'A.without', kind: 'count', persons: '<10', rule: 'primary' });
    expect(safe.log.some((l) => l.cell === 'B.without')).toBe(false);
  });

  it('pooled means: a suppressed group mean is not recoverable from the total and the other groups', () => {
    const t: DisclosureTable = {
      name: 'hours',
      cells: [{ id: 'A', value: 20, persons: 8, kind: 'mean' }, { id: 'B', value: 30, persons: 40, kind: 'mean' }, { id: 'C', value: 25, persons: 52, kind: 'mean' }, { id: 'total', value: 26.6, persons: 100, kind: 'mean' }],
      relations: [pooledMean([['A', 8], ['B', 40], ['C', 52]], 'total')],
    };
    expect(rules(controlTables([t]))).toEqual({ A: 'primary', B: 'secondary', C: 'none', total: 'none' });
  });

  it('linked tables: a cell published in two tables is suppressed in both', () => {
    const a: DisclosureTable = { name: 'a', cells: [{ ...count('wajong', 7), key: 'n.wajong' }, count('wga', 30), count('all', 37)], relations: [sumsTo(['wajong', 'wga'], 'all')] };
    const b: DisclosureTable = { name: 'b', cells: [{ ...count('persons', 7), key: 'n.wajong' }, count('other', 12)], relations: [] };
    const safe = controlTables([a, b]);
    expect(rules(safe, 'a')).toEqual({ wajong: 'primary', wga: 'secondary', all: 'none' });
    expect(rules(safe, 'b')).toEqual({ persons: 'primary', other: 'none' });
  });

  it('no suppressed cell is recoverable after control (random two-way tables)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let rep = 0; rep < 40; rep++) {
      const R = 2 + Math.floor(rand() * 4);
      const C = 2 + Math.floor(rand() * 4);
      const v = Array.from({ length: R }, () => Array.from({ length: C }, () => Math.floor(rand() * (rand() < 0.3 ? 10 : 60))));
      const cells: DisclosureCell[] = [];
      const relations = [];
      for (let i = 0; i < R; i++) {
        for (let j = 0; j < C; j++) cells.push(count(`${i}.${j}`, v[i][j]));
        cells.push(count(`${i}.t`, v[i].reduce((x, y) => x + y)));
        relations.push(sumsTo(v[i].map((_, j) => `${i}.${j}`), `${i}.t`));
      }
      for (let j = 0; j <= C; j++) {
        const col = j < C ? String(j) : 't';
        const total = cells.filter((c) => c.id.endsWith(`.${col}`)).reduce((s, c) => s + c.value, 0);
        cells.push(count(`t.${col}`, total));
        relations.push(sumsTo(v.map((_, i) => `${i}.${col}`), `t.${col}`));
      }
      relations.push(sumsTo(v[0].map((_, j) => `t.${j}`), 't.t'));
      const safe = controlTables([{ name: 'x', cells, relations }]);
      const hidden = Uint8Array.from(safe.tables[0].cells, (c) => (c.value === null ? 1 : 0));
      const ids = cells.map((c) => c.id);
      const graph = new RelationGraph(cells.length, relations.map((r) => ({
        cells: Int32Array.from(r.terms, ([id]) => ids.indexOf(id)), coefficients: Float64Array.from(r.terms, ([, a]) => a),
      })));
      expect([...graph.determined(hidden)].every((d) => d === 0)).toBe(true);
      // and the independent checker agrees
      const published = new Map(safe.tables[0].cells.map((c) => [c.id, c.value]));
      expect(recoverable({ values: published, lines: relations.map((r) => ({ cells: r.terms.slice(0, -1).map(([id]) => id), total: r.terms.at(-1)![0] })) })).toEqual([]);
      // every cell of 1..9 persons is hidden
      safe.tables[0].cells.forEach((c, k) => expect(c.value === null || !(cells[k].persons > 0 && cells[k].persons < 10)).toBe(true));
    }
  });
});

describe('controlTables: rounding, the log and the raw result', () => {
  it('round: counts become multiples of the base, shares on too few persons are still suppressed', () => {
    const t: DisclosureTable = {
      name: 'r',
      cells: [count('a', 7), count('b', 12), count('c', 2), count('total', 21), share('a.pct', 100 * 7 / 21, 7, 21), share('b.pct', 100 * 14 / 21, 14, 21)],
      relations: [sumsTo(['a', 'b', 'c'], 'total')],
    };
    const safe = controlTables([t], { round: 5 });
    expect(safe.tables[0].cells.map((c) => [c.id, c.value, c.rule])).toEqual([
      ['a', 5, 'rounded'], ['b', 10, 'rounded'], ['c', 0, 'rounded'], ['total', 20, 'rounded'], ['a.pct', null, 'primary'], ['b.pct', 100 * 14 / 21, 'none'],
    ]);
    // the log's persons are rounded as the counts are
    expect(safe.log.map((l) => l.persons)).toEqual([5, 10, 0, 20, '<10', 15]);
  });

  it('the log: one row per published cell, no count below the threshold', () => {
    const safe = controlTables([retention]);
    expect(safe.log).toEqual([
      { table: 'retention', cell: 'same', kind: 'share', persons: 31, rule: 'none' },
      { table: 'retention', cell: 'other', kind: 'share', persons: '', rule: 'secondary' },
      { table: 'retention', cell: 'none', kind: 'share', persons: '<10', rule: 'primary' },
      { table: 'retention', cell: 'work', kind: 'share', persons: '', rule: 'secondary' },
    ]);
  });

  it('the result holds no raw value; unsafeRaw() gives the input', () => {
    const safe = controlTables([retention]);
    const json = JSON.stringify(safe);
    expect(json).not.toContain('"value":8');
    expect(json).not.toContain('unsafeRaw');
    expect(structuredClone(safe)).toEqual(JSON.parse(json));
    expect(safe.unsafeRaw()[0].cells[2]).toEqual(share('none', 8, 4, 50));
  });

  it('rejects bad options and relations that do not hold', () => {
    expect(() => controlTables([retention], { minCell: 0 })).toThrow(OptionsError);
    expect(() => controlTables([retention], { round: 1 })).toThrow(/round: expected a whole number >= 2/);
    expect(() => controlTables([retention], { dominance: 1.5 })).toThrow(/dominance/);
    const wrong = { ...retention, relations: [sumsTo(['same', 'other', 'none'], 99)] };
    expect(() => controlTables([wrong])).toThrow(/relation 1 of table "retention" .* does not hold/);
    expect(() => controlTables([{ ...retention, relations: [sumsTo(['same', 'nope'], 'work')] }])).toThrow(/names a cell "nope"/);
    expect(() => controlTables([{ name: 'd', cells: [count('a', 1), count('a', 2)], relations: [] }])).toThrow(/two cells named "a"/);
  });
});
