import { describe, expect, it } from 'vitest';
import { ageAt, ageBand, ageBandLabels, DEFAULT_AGE_BANDS } from '../../src/labour/age.js';
import { OptionsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

describe('ageAt', () => {
  it('counts completed years at the end of the month from a birth date', () => {
    expect(ageAt('1990-07-15', 2022, 6)).toBe(31); // 2022 - 1990 = 32, minus 1: July comes after June
    expect(ageAt('1990-07-15', 2022, 7)).toBe(32); // the birthday falls in the reference month: completed by its end
    expect(ageAt('1990-07', 2022, 8)).toBe(32);
    // December birthday around the year boundary
    expect(ageAt('2000-12', 2018, 11)).toBe(17); // 2018 - 2000 = 18, minus 1 (December > November)
    expect(ageAt('2000-12', 2018, 12)).toBe(18);
    expect(ageAt('2000-12', 2019, 1)).toBe(18); // 2019 - 2000 = 19, minus 1 (December > January)
    // January birthday: reached in the first month of the year
    expect(ageAt('2000-01-31', 2018, 1)).toBe(18);
  });

  it('uses the year difference for a birth year, as text or number', () => {
    expect(ageAt('1990', 2022, 1)).toBe(32); // 2022 - 1990, whatever the month
    expect(ageAt('1990', 2022, 12)).toBe(32);
    expect(ageAt(' 1990 ', 2022, 6)).toBe(32); // surrounding blanks are allowed
    expect(ageAt(1990, 2022, 6)).toBe(32);
  });

  it('is NaN for an empty or unreadable birth', () => {
    for (const birth of ['', 'NA', '1990-13', '1990-00', '1990-7', '90', '1990/07', '19900', 1990.5, NaN, null, undefined, true]) {
      expect(ageAt(birth, 2022, 6), String(birth)).toBeNaN();
    }
  });
});

describe('ageBandLabels', () => {
  it('labels the bands below, between and above the bounds', () => {
    expect(ageBandLabels(DEFAULT_AGE_BANDS)).toEqual(['<18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
    expect(ageBandLabels([18])).toEqual(['<18', '18+']);
    expect(ageBandLabels([18, 19])).toEqual(['<18', '18-18', '19+']); // 19 - 1 = 18
    expect(ageBandLabels([0])).toEqual(['0+']); // no '<0' band
    expect(ageBandLabels([0, 30])).toEqual(['0-29', '30+']);
  });

  it('rejects bounds that are not ascending whole ages, naming the option', () => {
    const text = 'expected ascending whole ages (the lower bound of each band), e.g. 18,25,35; got';
    const err = thrown(() => ageBandLabels([30, 18]));
    expect(err).toBeInstanceOf(OptionsError);
    expect(err.message).toBe(`ageBands: ${text} 30,18`);
    expect(thrown(() => ageBandLabels([])).message).toBe(`ageBands: ${text} `);
    expect(thrown(() => ageBandLabels([18, 18])).message).toBe(`ageBands: ${text} 18,18`);
    expect(thrown(() => ageBandLabels([-1, 18])).message).toBe(`ageBands: ${text} -1,18`);
    expect(thrown(() => ageBandLabels([17.5])).message).toBe(`ageBands: ${text} 17.5`);
    expect(thrown(() => ageBandLabels([25, 18], 'by.age')).message).toBe(`by.age: ${text} 25,18`);
  });
});

describe('ageBand', () => {
  it('indexes the labels, with -1 for an unknown age', () => {
    // default labels: 0 '<18', 1 '18-24', 2 '25-34', 3 '35-44', 4 '45-54', 5 '55-64', 6 '65+'
    expect([17, 18, 24, 25, 64, 65, 100].map((a) => ageBand(a, DEFAULT_AGE_BANDS))).toEqual([0, 1, 1, 2, 5, 6, 6]);
    expect(ageBand(NaN, DEFAULT_AGE_BANDS)).toBe(-1);
    // bounds from 0: labels '0-29', '30+'; a negative age falls in the first band
    expect([0, 29, 30, -3].map((a) => ageBand(a, [0, 30]))).toEqual([0, 0, 1, 0]);
  });

  it('moves to the next band in the month of the birthday', () => {
    expect(ageBand(ageAt('2004-06', 2022, 5), DEFAULT_AGE_BANDS)).toBe(0); // 17: '<18'
    expect(ageBand(ageAt('2004-06', 2022, 6), DEFAULT_AGE_BANDS)).toBe(1); // 18: '18-24'
  });

  it('puts every age 0..100 in the band whose label covers it', () => {
    for (const bounds of [DEFAULT_AGE_BANDS, [0, 30], [18], [5, 6, 7]]) {
      const labels = ageBandLabels(bounds);
      for (let age = 0; age <= 100; age++) {
        const label = labels[ageBand(age, bounds)];
        const [, lo, hi] = /^(?:<|(\d+)[-+])(\d*)$/.exec(label) ?? [];
        const low = lo === undefined ? -Infinity : Number(lo);
        const high = hi === '' ? Infinity : Number(hi) - (label.startsWith('<') ? 1 : 0);
        expect(age >= low && age <= high, `${age} in ${label}`).toBe(true);
      }
    }
  });
});
