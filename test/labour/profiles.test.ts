import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { chiSquareIndependence, createSequences, groupProfiles, makeAlphabet, welchTest } from '../../src/index.js';
import { ROLES, panel } from './panel.js';

describe('groupProfiles', () => {
  it('reproduces Agresti (2007) Table 2.5 as a group x covariate profile', () => {
    // 1557 women and 1200 men by party identification: X² = 30.07, residuals 4.50 0.70 -5.32
    const cells: [string, string, number][] = [
      ['F', 'Democrat', 762], ['F', 'Independent', 327], ['F', 'Republican', 468],
      ['M', 'Democrat', 484], ['M', 'Independent', 239], ['M', 'Republican', 477],
    ];
    const sex = cells.flatMap(([s, , k]) => new Array(k).fill(s));
    const party = cells.flatMap(([, p, k]) => new Array(k).fill(p));
    const n = sex.length;
    const seqs = createSequences({
      alphabet: makeAlphabet(['work', 'none']), n, t: 1, codes: new Uint8Array(n),
      covariates: aq.table({ id: sex.map((_, i) => String(i)), party }),
    });
    const p = groupProfiles(seqs, { by: sex });
    expect(p.categorical.map((c) => c.covariate)).toEqual(['party']);
    const c = p.categorical[0];
    expect(c.test.statistic).toBeCloseTo(30.070149095754672, 9);
    expect(c.test.df).toBe(2);
    expect(c.residual[0].map((r) => Math.round(r * 100) / 100)).toEqual([4.5, 0.7, -5.32]);
    expect(c.significant).toEqual([[true, false, true], [true, false, true]]);
    expect(c.pct[0][0]).toBeCloseTo((100 * 762) / 1557, 12);
    expect(c.totalPct[0]).toBeCloseTo((100 * 1246) / 2757, 12);
    expect(c.count[1]).toEqual([484, 239, 477]);
    expect(p.groups.map((g) => g.persons)).toEqual([1557, 1200]);
  });

  const seqs = panel(
    [
      { states: 'WWNN' }, { states: 'WWWW' }, { states: 'NNN' }, { states: 'WN?N' }, { states: 'WWW.' },
    ],
    {
      weights: [1, 3, 2, 2, 2],
      covariates: {
        benefit: ['Wajong', 'Wajong', 'WGA', 'Wajong', 'WGA'],
        regime: ['light', 'medium', 'light', 'light', 'medium'],
        age: [20, 30, 40, 22, 36],
      },
    },
  );
  const clusters = [1, 1, 2, 2, 2];
  const p = groupProfiles(seqs, { by: clusters, roles: ROLES, shareBy: 'benefit', numeric: ['age'] });

  it('sizes, shares per benefit and time working, weighted', () => {
    const [g1, g2] = p.groups;
    expect(p.shareBy).toBe('benefit');
    expect(p.categorical.map((c) => c.covariate)).toEqual(['regime']);
    expect(g1).toMatchObject({ group: '1', persons: 2, personsWeighted: 4, sharePct: 40 });
    expect(g1.shareByPct).toEqual({ WGA: 0, Wajong: (100 * 4) / 6 });
    expect(g2.shareByPct.WGA).toBe(100);
    expect(g2.shareByPersons).toEqual({ WGA: 2, Wajong: 1 });
    // group 1: (1·2 + 3·4) / (1·4 + 3·4) working months; group 2: (2·0 + 2·1 + 2·3) / (2·3 + 2·3 + 2·3)
    expect(g1.pctTimeWorking).toBeCloseTo((100 * 14) / 16, 12);
    expect(g2.pctTimeWorking).toBeCloseTo((100 * 8) / 18, 12);
    expect(p.total.sharePct).toBe(100);
  });

  it('weighted tests use weights rescaled to the number of persons', () => {
    const regime = p.categorical[0];
    const ref = chiSquareIndependence([[0.5, 1.5], [2, 1]]); // weights × 5/10
    expect(regime.test.statistic).toBeCloseTo(ref.statistic, 14);
    expect(regime.residual[0][0]).toBeCloseTo(ref.residuals[0][0], 14);
    expect(regime.pct[0]).toEqual([25, 75]);
    expect(regime.totalPct).toEqual([50, 50]);
    expect(regime.count).toEqual([[1, 1], [2, 1]]);
  });

  it('numeric covariates: weighted means and a Welch test against the other groups', () => {
    const age = p.numeric[0];
    // rescaled weights 0.5, 1.5 | 1, 1, 1
    expect(age.mean[0]).toBeCloseTo((0.5 * 20 + 1.5 * 30) / 2, 12);
    expect(age.mean[1]).toBeCloseTo((40 + 22 + 36) / 3, 12);
    const m1 = 27.5, v1 = (0.5 * (20 - m1) ** 2 + 1.5 * (30 - m1) ** 2) / (2 - 1);
    const m2 = 98 / 3, v2 = ((40 - m2) ** 2 + (22 - m2) ** 2 + (36 - m2) ** 2) / 2;
    const ref = welchTest({ mean: m1, variance: v1, n: 2 }, { mean: m2, variance: v2, n: 3 });
    expect(age.t[0]).toBeCloseTo(ref.t, 12);
    expect(age.pValue[0]).toBeCloseTo(ref.pValue, 12);
    expect(age.sd[0]).toBeCloseTo(Math.sqrt(v1), 12);
  });

  it('rejects unknown covariates', () => {
    expect(() => groupProfiles(seqs, { by: clusters, categorical: ['colour'] })).toThrow(/categorical: no covariate "colour"/);
    expect(() => groupProfiles(seqs, { by: clusters, numeric: ['height'] })).toThrow(/numeric: no covariate "height"/);
  });

  it('rejects a text covariate as numeric (all-null means before) and a level outside (0, 1), naming the option', () => {
    expect(() => groupProfiles(seqs, { by: clusters, numeric: ['benefit'] })).toThrow(/^numeric: covariate "benefit" is not numeric: "W\w+" \(person \w+\)/);
    expect(() => groupProfiles(seqs, { by: clusters, level: 95 })).toThrow(/^level: must be a confidence level between 0 and 1, e\.g\. 0\.95; got 95$/);
  });
});
