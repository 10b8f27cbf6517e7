import { describe, expect, it } from 'vitest';
import { controlDescribeTable, meanTimeCells } from '../../src/describe/disclosure.js';
import { describeTable } from '../../src/describe/table.js';
import { controlTables } from '../../src/disclosure/control.js';
import { makeAlphabet } from '../../src/sequences/alphabet.js';
import { createSequences } from '../../src/sequences/create.js';
import { VOID } from '../../src/sequences/types.js';

/** work/none sequences from strings of w / n / . (end of follow-up), with optional case weights. */
const panel = (rows: string[], weights?: number[]) => {
  const t = Math.max(...rows.map((r) => r.length));
  const codes = new Uint8Array(rows.length * t).fill(VOID);
  rows.forEach((r, i) => [...r].forEach((ch, j) => ch !== '.' && (codes[i * t + j] = ch === 'w' ? 0 : 1)));
  return createSequences({ alphabet: makeAlphabet(['work', 'none']), n: rows.length, t, codes, weights: weights && Float64Array.from(weights) });
};
const times = (k: number, row: string) => new Array<string>(k).fill(row);

describe('meanTimeCells', () => {
  it('each mean rests on the persons with a month in its state, its base on every person; the means add up to the mean length', () => {
    // work: 10 x 3 + 1 + 1 = 32 months of 12 persons; none: 1 + 2 = 3 months of 2 persons (the censored row counts in the base)
    const seqs = panel([...times(10, 'www'), 'wn.', 'nnw']);
    const { cells, relation } = meanTimeCells(seqs, [32 / 12, 3 / 12], 'months_');
    expect(cells).toEqual([
      { id: 'months_work', value: 32 / 12, persons: 12, base: 12, kind: 'mean', contributions: { largest: 3, total: expect.closeTo(32, 12) } },
      { id: 'months_none', value: 3 / 12, persons: 2, base: 12, kind: 'mean', contributions: { largest: 2, total: expect.closeTo(3, 12) } },
    ]);
    expect(relation.terms).toEqual([['months_work', 1], ['months_none', 1]]);
    expect(relation.constant).toBeCloseTo(35 / 12, 12);
  });

  it('contributions are weighted as the mean is; persons are not', () => {
    // wwn with weight 3, www with weight 1: weighted work months 6 + 3 = 9 of weight 4 (mean 9/4), none 3 (mean 3/4)
    const seqs = panel(['wwn', 'www'], [3, 1]);
    const weighted = meanTimeCells(seqs, [9 / 4, 3 / 4], '');
    expect(weighted.cells.map((c) => [c.persons, c.contributions])).toEqual([[2, { largest: 6, total: 9 }], [1, { largest: 3, total: 3 }]]);
    // unweighted: work 2 + 3 = 5 months of 2 persons (mean 5/2), none 1 (mean 1/2)
    const plain = meanTimeCells(seqs, [5 / 2, 1 / 2], '', { weighted: false });
    expect(plain.cells.map((c) => [c.persons, c.contributions])).toEqual([[2, { largest: 3, total: 5 }], [1, { largest: 1, total: 1 }]]);
  });

  it('one person dominating a mean suppresses it, and the sum relation hides the other mean too', () => {
    // 11 persons over 12 months: one never works (12 months none), nine have 1 month none, one always works.
    // none: 10 persons, 12 + 9 = 21 months, the largest 12 > 0.5 x 21: dominance. work: 10 persons, 99 + 12 = 111 months.
    const seqs = panel(['n'.repeat(12), ...times(9, `n${'w'.repeat(11)}`), 'w'.repeat(12)]);
    const { cells, relation } = meanTimeCells(seqs, [111 / 11, 21 / 11], '');
    const safe = controlTables([{ name: 'meant', cells, relations: [relation] }]);
    // work = 12 - none: shown, it would give the dominated mean back
    expect(safe.tables[0].cells.map((c) => [c.id, c.value, c.rule])).toEqual([['work', null, 'secondary'], ['none', null, 'dominance']]);
  });
});

describe('controlDescribeTable', () => {
  // 22 persons: month 0 has 19 in work and 3 in none; month 1 has 12 in work and 10 in none
  const seqs = panel([...times(3, 'nw'), ...times(9, 'ww'), ...times(10, 'wn')]);

  it('statd: a month with a small state loses that share, its partner and its entropy; the other month stays whole', () => {
    const { rows, log } = controlDescribeTable(seqs, 'statd', {}, {});
    expect(rows.map((r) => r.slice(0, 2))).toEqual([['state', '0'], ['work', ''], ['none', ''], ['N', '22'], ['entropy', '']]);
    const month1 = rows.map((r) => Number(r[2]));
    expect(month1[1]).toBeCloseTo(12 / 22, 12);
    expect(month1[2]).toBeCloseTo(10 / 22, 12);
    expect(month1[3]).toBe(22);
    // entropy normalised by log(S), S = 2 states
    expect(month1[4]).toBeCloseTo(-((6 / 11) * Math.log(6 / 11) + (5 / 11) * Math.log(5 / 11)) / Math.log(2), 12);
    expect(log).toEqual([
      { table: 'statd', cell: 'work.0', kind: 'share', persons: '', rule: 'secondary' },
      { table: 'statd', cell: 'none.0', kind: 'share', persons: '<10', rule: 'primary' },
      { table: 'statd', cell: 'N.0', kind: 'count', persons: 22, rule: 'none' },
      { table: 'statd', cell: 'entropy.0', kind: 'mean', persons: '', rule: 'secondary' },
      { table: 'statd', cell: 'work.1', kind: 'share', persons: 12, rule: 'none' },
      { table: 'statd', cell: 'none.1', kind: 'share', persons: 10, rule: 'none' },
      { table: 'statd', cell: 'N.1', kind: 'count', persons: 22, rule: 'none' },
      { table: 'statd', cell: 'entropy.1', kind: 'mean', persons: 22, rule: 'none' },
    ]);
    // rounding N to 5 (22 -> 20) leaves the shares' rules alone; a threshold of 3 suppresses nothing
    expect(controlDescribeTable(seqs, 'statd', {}, { round: 5 }).rows[3]).toEqual(['N', '20', '20']);
    expect(controlDescribeTable(seqs, 'statd', {}, { minCell: 3 }).rows).toEqual(describeTable(seqs, 'statd'));
  });

  it('statd: persons decide, not weights: 3 persons of weight 10 are 75% of the weighted month and still suppressed', () => {
    const weighted = panel([...times(10, 'w'), ...times(3, 'n')], [...new Array<number>(10).fill(1), 10, 10, 10]);
    const { rows, log } = controlDescribeTable(weighted, 'statd', {}, {});
    expect(rows).toEqual([['state', '0'], ['work', ''], ['none', ''], ['N', '40'], ['entropy', '']]);
    expect(log.map((l) => [l.cell, l.persons, l.rule])).toEqual([['work.0', '', 'secondary'], ['none.0', '<10', 'primary'], ['N.0', 13, 'none'], ['entropy.0', '', 'secondary']]);
  });

  it('trate: a rate rests on the persons with that move (not the months), its row on the persons moving from the state', () => {
    // 10 x www: 10 persons (20 moves) work -> work; 2 x wnn: 2 persons work -> none and none -> none; 10 x nnw: none -> none, none -> work
    const moves = panel([...times(10, 'www'), ...times(2, 'wnn'), ...times(10, 'nnw')]);
    const { rows, log } = controlDescribeTable(moves, 'trate', {}, {});
    // row work: 20 / 22 and 2 / 22; the 2-person rate is suppressed and the row's sum to 1 takes its partner. Row none stays.
    expect(rows.slice(0, 2)).toEqual([['from', 'work', 'none'], ['work', '', '']]);
    expect(rows[2][0]).toBe('none');
    expect(Number(rows[2][1])).toBeCloseTo(10 / 22, 12);
    expect(Number(rows[2][2])).toBeCloseTo(12 / 22, 12);
    expect(log.map((l) => [l.cell, l.persons, l.rule])).toEqual([
      ['work->work', '', 'secondary'], ['work->none', '<10', 'primary'], ['none->work', 10, 'none'], ['none->none', 12, 'none'],
    ]);
  });

  it("states named like the table's own rows or with its separators: ids quoted, the month's entropy still blanked", () => {
    // one month: 3 persons in "a.x" (primary), 12 in "N", 25 in "c->d"; entropy and the two shares shown would give a.x
    const codes = Uint8Array.from([...new Array<number>(3).fill(0), ...new Array<number>(12).fill(1), ...new Array<number>(25).fill(2)]);
    const odd = createSequences({ alphabet: makeAlphabet(['a.x', 'N', 'c->d']), n: 40, t: 1, codes });
    const { rows, log } = controlDescribeTable(odd, 'statd', {}, {});
    expect(rows.map((r) => r[1])).toEqual(['0', '', '', String(25 / 40), '40', '']);
    expect(log.map((l) => [l.cell, l.rule])).toEqual([
      ['"a.x".0', 'primary'], ['"N".0', 'secondary'], ['c->d.0', 'none'], ['N.0', 'none'], ['entropy.0', 'secondary'],
    ]);
    // transition rates: the separator -> in a state name is quoted
    const moves = createSequences({ alphabet: makeAlphabet(['a.x', 'c->d']), n: 2, t: 2, codes: Uint8Array.of(0, 1, 1, 1) });
    expect(controlDescribeTable(moves, 'trate', {}, { minCell: 1 }).log.map((l) => l.cell)).toEqual(['a.x->a.x', 'a.x->"c->d"', '"c->d"->a.x', '"c->d"->"c->d"']);
  });

  it('meant: a state of one person is suppressed, and the other mean with it; indicators are microdata', () => {
    const few = panel([...times(11, 'www'), 'wnn']);
    expect(controlDescribeTable(few, 'meant', {}, {}).rows).toEqual([['state', 'mean'], ['work', ''], ['none', '']]);
    // with minCell 1 the lone person (2 of the 2 months in none) still dominates; without dominance both are shown
    expect(controlDescribeTable(few, 'meant', {}, { minCell: 1 }).rows[2]).toEqual(['none', '']);
    const open = controlDescribeTable(few, 'meant', {}, { minCell: 1, dominance: 1 }).rows;
    expect(open.slice(1).map((r) => Number(r[1]))).toEqual([expect.closeTo(34 / 12, 12), expect.closeTo(2 / 12, 12)]);
    const ind = controlDescribeTable(seqs, 'indicators', {}, {});
    expect(ind.rows).toEqual(describeTable(seqs, 'indicators'));
    expect(ind.log).toEqual([{ table: 'indicators', cell: '*', kind: 'count', persons: 22, rule: 'microdata' }]);
  });
});
