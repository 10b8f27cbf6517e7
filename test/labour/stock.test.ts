import { describe, expect, it } from 'vitest';
import { ageAt, ageBand, ageBandLabels, stockOnDate } from '../../src/index.js';
import { panel, EXIT_ROLES } from './panel.js';

// calendar months 2022-10 .. 2022-12; the reference month is 2022-12
const seqs = {
  ...panel([
    { states: 'NNW' }, // f, 32 at the end of 2022-12: paid
    { states: 'WWW' }, // m, 27 (weight 3): paid
    { states: 'NNN' }, // f, 21: none
    { states: 'TT' }, //  m, not observed in 2022-12
    { states: 'JJJ' }, // f, no birth date: paid
    { states: 'RRR' }, // m, 62: exit
  ], {
    weights: [1, 3, 1, 1, 1, 1],
    covariates: { sex: ['f', 'm', 'f', 'm', 'f', 'm'], birth: ['1990-07-15', '1995', '2001-12', '1980', '', '1960'] },
  }),
  timeLabels: ['2022-10', '2022-11', '2022-12'],
};
const options = { date: '2022-12', of: 'role', roles: EXIT_ROLES, by: ['sex', 'age_band'], birth: 'birth', ageBands: [18, 30, 40] } as const;

describe('age', () => {
  it('is completed years at the end of the month from a date, the year difference from a year', () => {
    expect(ageAt('1990-07-15', 2022, 6)).toBe(31);
    expect(ageAt('1990-06', 2022, 6)).toBe(32);
    expect(ageAt('1990', 2022, 6)).toBe(32);
    expect(ageAt(1990, 2022, 6)).toBe(32);
    expect(ageAt('', 2022, 6)).toBeNaN();
    expect(ageAt('1990-13', 2022, 6)).toBeNaN();
  });

  it('falls in bands given by their lower bounds', () => {
    expect(ageBandLabels([18, 30, 40])).toEqual(['<18', '18-29', '30-39', '40+']);
    expect(ageBandLabels([0, 30])).toEqual(['0-29', '30+']);
    expect([12, 18, 29, 30, 75].map((a) => ageBand(a, [18, 30, 40]))).toEqual([0, 1, 1, 2, 3]);
    expect([0, 29, 30].map((a) => ageBand(a, [0, 30]))).toEqual([0, 0, 1]);
    expect(() => ageBandLabels([30, 18])).toThrow(/^ageBands: expected ascending whole ages/);
  });
});

describe('stockOnDate', () => {
  const s = stockOnDate(seqs, options);
  const row = (sex: string, band: string) => s.rows.find((r) => r.keys[0] === sex && r.keys[1] === band)!;

  it('counts persons per role on the reference date, crossed with sex and age band, with margins and total', () => {
    expect(s.date).toBe('2022-12');
    expect(s.categories).toEqual(['paid', 'unpaid', 'none', 'exit']);
    expect(s.levels).toEqual([['f', 'm'], ['<18', '18-29', '30-39', '40+', 'unknown']]);
    expect(s.rows).toHaveLength(3 * 6);
    expect(s.rows.at(-1)!.keys).toEqual(['total', 'total']);
    expect(row('f', '30-39')).toMatchObject({ persons: 1, counts: [1, 0, 0, 0], pct: [100, 0, 0, 0] });
    expect(row('f', 'total')).toMatchObject({ persons: 3, notObserved: 0, counts: [2, 0, 1, 0] });
    expect(row('f', 'total').pct[0]).toBeCloseTo(200 / 3, 12);
    expect(row('m', 'total')).toMatchObject({ persons: 2, notObserved: 1, counts: [1, 0, 0, 1], pct: [75, 0, 0, 25] });
    expect(row('total', '18-29')).toMatchObject({ persons: 2, counts: [1, 0, 1, 0], pct: [75, 0, 25, 0] });
    expect(row('total', 'unknown')).toMatchObject({ persons: 1, counts: [1, 0, 0, 0] });
    expect(row('m', '40+')).toMatchObject({ persons: 1, notObserved: 1, counts: [0, 0, 0, 1] });
    const total = row('total', 'total');
    expect(total).toMatchObject({ persons: 5, personsWeighted: 7, notObserved: 1, counts: [3, 0, 1, 1], weighted: [5, 0, 1, 1] });
    expect(total.pct[0]).toBeCloseTo(500 / 7, 12);
  });

  it('margins add up', () => {
    for (const r of s.rows.filter((x) => x.keys[1] === 'total')) {
      const parts = s.rows.filter((x) => x.keys[0] === r.keys[0] && x.keys[1] !== 'total');
      expect(parts.reduce((a, p) => a + p.persons, 0)).toBe(r.persons);
    }
  });

  it('by state, one covariate or none', () => {
    const byState = stockOnDate(seqs, { date: 2, by: ['sex'] });
    expect(byState.categories).toEqual(['trial', 'work_jc', 'work', 'none', 'retired']);
    expect(byState.rows.map((r) => r.keys)).toEqual([['f'], ['m'], ['total']]);
    expect(byState.rows[2].counts).toEqual([0, 1, 2, 1, 1]);
    expect(stockOnDate(seqs, { date: '2022-12' }).rows).toEqual([{ ...byState.rows[2], keys: [] }]);
  });

  it('rejects a missing birth column, a date outside the panel and more than two covariates, naming the option', () => {
    expect(() => stockOnDate(seqs, { ...options, birth: 'born' })).toThrow(/^birth: no covariate "born"/);
    expect(() => stockOnDate(seqs, { ...options, birth: undefined })).toThrow(/^birth: age_band needs the covariate/);
    expect(() => stockOnDate(seqs, { ...options, date: '2023-05' })).toThrow(/^date: month "2023-05" is outside the panel \(2022-10 \.\. 2022-12\)/);
    expect(() => stockOnDate(seqs, { ...options, by: ['sex', 'age_band', 'birth'] })).toThrow(/^by: at most two covariates/);
    expect(() => stockOnDate(seqs, { ...options, of: 'role', roles: undefined })).toThrow(/^roles: a stock by role needs/);
    expect(() => stockOnDate(panel([{ states: 'NNW' }], { covariates: { b: ['1990'] } }), { date: 2, by: ['age_band'], birth: 'b' }))
      .toThrow(/^date: the age at the reference date needs a calendar month/);
  });

  it('rejects a birth value that is neither a date nor a year (every age unknown before); an empty one is unknown', () => {
    expect(() => stockOnDate(seqs, { ...options, birth: 'sex' })).toThrow(/^birth: "f" \(person \w+\) is not a birth date \(YYYY-MM-DD, YYYY-MM\) or year \(YYYY\)$/);
    const bands = stockOnDate(seqs, { ...options, by: ['age_band'] });
    expect(bands.rows.map((r) => r.keys[0])).toContain('unknown');
  });
});
