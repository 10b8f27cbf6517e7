import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBands } from '../../src/studies/age-band.js';
import type { StateSequences } from '../../src/sequences/types.js';

const panel = (columns: Record<string, unknown[]>) => ({ n: Object.values(columns)[0].length, covariates: aq.table(columns) }) as unknown as StateSequences;

describe('ageBands', () => {
  it('takes the start year minus the birth year', () => {
    const seqs = panel({ birth_year: [1996, 1995, 1991, 1986, 1970, 1960, null], start_month: ['2015-03', '2015-12', '2015-01', '2015-06', '2015-01', '2004-07', '2015-01'] });
    // ages 19, 20, 24, 29, 45, 44, unknown
    expect(ageBands(seqs)).toEqual(['<20', '20-24', '20-24', '25-29', '45+', '30-44', null]);
  });

  it('prefers an age column and reads another start column', () => {
    expect(ageBands(panel({ age: [17, 30, 44.5, ''], birth_year: [1900, 1900, 1900, 1900] }))).toEqual(['<20', '30-44', '30-44', null]);
    expect(ageBands(panel({ birth_year: [1990], begin: ['2012-01'] }), 'begin')).toEqual(['20-24']);
  });

  it('gives null without the columns it needs', () => {
    expect(ageBands(panel({ birth_year: [1990] }))).toBeNull();
    expect(ageBands(panel({ sex: ['male'] }))).toBeNull();
    expect(AGE_BANDS).toEqual(['<20', '20-24', '25-29', '30-44', '45+']);
  });
});
