import { describe, expect, it } from 'vitest';
import { loadPanel } from '../../../src/index.js';
import { tmpFiles } from '../helpers.js';
import { expectParity } from './helpers.js';

const HEADER = 'person_id,month,state';
const MONTHS = [
  'person_id,month,state,employer_id,hours_week,hourly_wage,permanent',
  'p1,2013-01,trial,E1,20,0,no',
  'p1,2013-02,work_jc,E1,20,6.5,no',
  'p1,2013-04,work_jc,E1,24,6.75,yes',
  'p2,2013-03,none,,,,',
  'p2,2013-04,work,E2,32,11.5,yes',
  'p1,2013-05,work,E3,24,7,no',
  '',
].join('\n');
const PERSONS = ['person_id,benefit,sex,birth_year,start_month,weight', 'p2,WGA,m,1980,2013-03,2.5', 'p1,Wajong,f,1995,2013-01,1', ''].join('\n');
const STATES = ['trial', 'work_jc', 'work', 'none'];

// Each case is read by the CSV reader, by DuckDB from the CSV and from Parquet copies: the same result.
describe('the DuckDB reader gives what the CSV reader gives', () => {
  it('calendar months, gaps, attributes (numbers, categories) and the default alphabet', async () => {
    await expectParity({ 'months.csv': MONTHS }, { format: 'long' });
  });

  it('a person file: its order, covariates, weights; process time on its start month', async () => {
    await expectParity({ 'months.csv': MONTHS, 'persons.csv': PERSONS }, { format: 'long', persons: 'persons.csv', weight: 'weight', states: STATES, time: { align: 'start', column: 'start_month' } });
  });

  it('alignment on a state, gap rules, labels and a chosen attribute', async () => {
    await expectParity({ 'months.csv': MONTHS }, { format: 'long', states: STATES, time: { align: 'state', state: 'work_jc' }, labels: { none: 'no work' }, attributes: ['hours_week'] });
    await expectParity({ 'months.csv': MONTHS }, { format: 'long', gaps: { leading: 'delete', trailing: 'missing' }, attributes: [] });
  });

  it('ids and cells with spaces, missing states (empty, NA, *)', async () => {
    await expectParity({ 'months.csv': `${HEADER}\n a ,2013-01,x\na,2013-02,NA\na, 2013-03,x \na,2013-04,*\nb,2013-02,\n` }, { format: 'long' });
  });

  it('spells, overlaps resolved by a priority order', async () => {
    const spells = ['person_id,start,end,state,employer_id', 'a,2013-01,2013-04,none,', 'a,2013-02,2013-03,work,E1', 'a,2013-03,2013-05,trial,E2', 'b,2013-05,2013-05,trial,', ''].join('\n');
    await expectParity({ 'spells.csv': spells }, { format: 'spell', input: 'spells.csv', states: ['work', 'trial', 'none'], priority: ['work', 'trial', 'none'] });
  });
});

describe('the DuckDB reader finds the problems the CSV reader finds (strict: the first; lenient: all, in order)', () => {
  it('a CSV file DuckDB cannot parse goes to the CSV reader, which names the line', async () => {
    const t = tmpFiles({ 'months.csv': `${HEADER}\na,2013-01,work\na,2013-02,"none\nb,2013-01,work\n` });
    const message = (engine: 'js' | 'duckdb'): Promise<string> =>
      loadPanel({ format: 'long', input: t.path('months.csv'), engine }).then(() => '', (err: Error) => err.message);
    expect(await message('duckdb')).toBe(await message('js'));
    expect(await message('duckdb')).toMatch(/months\.csv, line 3, column state: a quoted field opens here and is never closed/);
  });

  it('unknown state, bad month, duplicate person-month', async () => {
    await expectParity({ 'months.csv': `${HEADER}\na,2013-01,work\na,2013-02,wrk\n` }, { format: 'long', states: ['work', 'none'] });
    await expectParity({ 'months.csv': `${HEADER}\na,2013-13,work\na,2013-01,work\na,13-01,work\n` }, { format: 'long' });
    await expectParity({ 'months.csv': `${HEADER}\na,2013-01,work\nb,2013-01,none\na,2013-01,none\n` }, { format: 'long' });
  });

  it('a state seen only on rejected rows stays out of the alphabet; a person whose rows are all rejected stays out', async () => {
    await expectParity({ 'months.csv': `${HEADER}\na,2013-99,zzz\nb,2013-01,work\na,2013-02,work\nc,x,none\nb,2013-01,none\n` }, { format: 'long' });
  });

  it('person file problems: without months, missing id, duplicates, bad weights, unknown and rejected persons', async () => {
    const months = `${HEADER}\na,2013-01,work\nb,2013-01,none\nc,2013-01,none\n,2013-02,none\nz,2013-01,none\n`;
    await expectParity({ 'months.csv': months, 'persons.csv': 'person_id,weight\na,1.5\nb,heavy\nc,-1\na,2\nd,1\n' }, { format: 'long', persons: 'persons.csv', weight: 'weight' });
  });

  it('month before start', async () => {
    await expectParity(
      { 'months.csv': `${HEADER}\na,2013-01,work\na,2013-02,work\n`, 'persons.csv': 'person_id,start_month\na,2013-02\n' },
      { format: 'long', persons: 'persons.csv', time: { align: 'start', column: 'start_month' } },
    );
  });

  it('spells: overlaps, spells ending before they start', async () => {
    const spells = 'person_id,start,end,state\na,2013-01,2013-03,x\na,2013-03,2013-04,y\na,2013-06,2013-05,x\nb,2013-01,2013-02,y\n';
    await expectParity({ 'spells.csv': spells }, { format: 'spell', input: 'spells.csv' });
  });

  it('limits: a time axis above maxMonths (naming both ends), an unknown priority state', async () => {
    await expectParity({ 'months.csv': `${HEADER}\na,2013-01,work\nb,2013-01,none\na,2014-06,work\nb,2013-02,none\n` }, { format: 'long', maxMonths: 12 });
    await expectParity({ 'months.csv': `${HEADER}\na,2013-01,work\nb,9999-12,none\n` }, { format: 'long' });
    await expect(expectParity({ 'spells.csv': 'person_id,start,end,state\na,2013-01,2013-03,x\n' }, { format: 'spell', input: 'spells.csv', priority: ['x', 'y'] })).rejects.toThrow(
      /priority: "y" is not a state of the data/,
    );
  });

  it('a file without any state', async () => {
    await expectParity({ 'months.csv': `${HEADER}\na,2013-99,x\n` }, { format: 'long' });
  });
});
