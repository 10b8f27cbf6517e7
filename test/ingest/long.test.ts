import { describe, expect, it } from 'vitest';
import { loadPanel, MISSING, readLongPanel, VOID } from '../../src/index.js';
import { tmpFiles } from './helpers.js';

const MONTHS = [
  'person_id,month,state,employer_id,hours_week,hourly_wage,permanent',
  'p1,2013-01,trial,E1,20,0,no',
  'p1,2013-02,work_jc,E1,20,6.5,no',
  'p1,2013-04,work_jc,E1,24,6.75,yes', // 2013-03 is an internal gap
  'p2,2013-03,none,,,,', // leading gap 2013-01..02, trailing gap 2013-05
  'p2,2013-04,work,E2,32,11.5,yes',
  'p1,2013-05,work,E3,24,7,no', // rows in any order
  '',
].join('\n');

const PERSONS = [
  'person_id,benefit,sex,birth_year,start_month,weight',
  'p2,WGA,m,1980,2013-03,2.5',
  'p1,Wajong,f,1995,2013-01,1',
  '',
].join('\n');

describe('readLongPanel', () => {
  it('lays out calendar months: leading and internal gaps missing, trailing gaps void', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const { sequences: s, report } = await readLongPanel(files.path('months.csv'));
    expect(s.ids).toEqual(['p1', 'p2']);
    expect(s.timeLabels).toEqual(['2013-01', '2013-02', '2013-03', '2013-04', '2013-05']);
    // Default alphabet: sorted like TraMineR.
    expect(s.alphabet.codes).toEqual(['none', 'trial', 'work', 'work_jc']);
    const [none, trial, work, jc] = [0, 1, 2, 3];
    expect(Array.from(s.codes)).toEqual([trial, jc, MISSING, jc, work, MISSING, MISSING, none, work, VOID]);
    expect(Array.from(s.lengths)).toEqual([5, 4]);
    expect(Array.from(s.weights)).toEqual([1, 1]);
    expect(s.covariates.columnNames()).toEqual(['person_id']);
    expect(report.rejected).toEqual({});
    expect(report.missingCells).toBe(3);
    expect(report.observedCells).toBe(9);
    expect(report.files[0]).toMatchObject({ role: 'months', rowsRead: 6, rowsKept: 6 });
  });

  it('keeps person-month attributes: numbers with NaN, categories with levels', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const { sequences: s } = await readLongPanel(files.path('months.csv'));
    const hours = s.cellAttributes.hours_week;
    expect(hours.kind).toBe('number');
    expect(Array.from(hours.values)).toEqual([20, 20, NaN, 24, 24, NaN, NaN, NaN, 32, NaN]);
    const employer = s.cellAttributes.employer_id;
    if (employer.kind !== 'category') throw new Error('employer_id should be a category');
    expect(employer.levels).toEqual(['E1', 'E2', 'E3']);
    expect(Array.from(employer.values)).toEqual([0, 0, -1, 0, 2, -1, -1, -1, 1, -1]);
    expect(s.cellAttributes.permanent.kind).toBe('category');
    expect(s.cellAttributes.hourly_wage.kind).toBe('number');
  });

  it('follows a given state order with labels, and keeps only the named attributes', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const { sequences: s } = await readLongPanel(files.path('months.csv'), {
      states: ['trial', 'work_jc', 'work', 'none'],
      labels: { none: 'no work' },
      attributes: ['hours_week'],
    });
    expect(s.alphabet.codes).toEqual(['trial', 'work_jc', 'work', 'none']);
    expect(s.alphabet.labels[3]).toBe('no work');
    expect(s.codes[0]).toBe(0);
    expect(Object.keys(s.cellAttributes)).toEqual(['hours_week']);
  });

  it('joins a person file: its order, parsed covariates and weights', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS, 'persons.csv': PERSONS });
    const { sequences: s, report } = await readLongPanel(files.path('months.csv'), { persons: files.path('persons.csv'), weight: 'weight' });
    expect(s.ids).toEqual(['p2', 'p1']);
    expect(Array.from(s.weights)).toEqual([2.5, 1]);
    expect(s.covariates.columnNames()).toEqual(['person_id', 'benefit', 'sex', 'birth_year', 'start_month', 'weight']);
    expect(Array.from(s.covariates.array('birth_year') as ArrayLike<number>)).toEqual([1980, 1995]);
    expect(s.covariates.array('person_id')).toEqual(['p2', 'p1']);
    expect(s.covariates.array('sex')).toEqual(['m', 'f']);
    expect(report.files.map((f) => f.role)).toEqual(['persons', 'months']);
  });

  it('aligns process time on a start-month column: month 0 = start', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS, 'persons.csv': PERSONS });
    const { sequences: s, report } = await loadPanel({
      format: 'long',
      input: files.path('months.csv'),
      persons: files.path('persons.csv'),
      states: ['trial', 'work_jc', 'work', 'none'],
      time: { align: 'start', column: 'start_month' },
    });
    expect(s.timeLabels).toEqual(['0', '1', '2', '3', '4']);
    // p2 starts 2013-03 (none, work); p1 starts 2013-01.
    expect(Array.from(s.codes)).toEqual([3, 2, VOID, VOID, VOID, 0, 1, MISSING, 1, 2]);
    expect(Array.from(s.lengths)).toEqual([2, 5]);
    expect(report.timeAxis).toBe('process');
    // The attributes move with the states.
    expect(s.cellAttributes.hours_week.values[1]).toBe(32);
  });

  it('aligns on the first month in a state and reports what it leaves out', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const { sequences: s, report } = await readLongPanel(files.path('months.csv'), {
      states: ['trial', 'work_jc', 'work', 'none'],
      time: { align: 'state', state: 'work_jc' },
    });
    // p1 first in work_jc in 2013-02; p2 never in work_jc.
    expect(s.ids).toEqual(['p1']);
    expect(Array.from(s.codes)).toEqual([1, MISSING, 1, 2]);
    expect(report.excluded).toEqual({ 'persons never in the aligned state': 1, 'months before the aligned state': 1 });
  });

  it('changes the gap rules on request', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const trailing = await readLongPanel(files.path('months.csv'), { gaps: { trailing: 'missing' } });
    expect(Array.from(trailing.sequences.lengths)).toEqual([5, 5]);
    expect(trailing.sequences.codes[9]).toBe(MISSING);
    const leading = await readLongPanel(files.path('months.csv'), { gaps: { leading: 'delete' } });
    // p2's sequence starts at its first observed month.
    expect(Array.from(leading.sequences.codes.subarray(5))).toEqual([0, 2, VOID, VOID, VOID]);
    expect(leading.sequences.timeLabels[0]).toBe('0');
  });

  it('reads ; delimited files with a BOM and quoted fields', async () => {
    const text = '\uFEFFperson_id;month;state;employer_id\n"p;1";2013-01;work;"E; 1"\n"p;1";"2013-02";none;\n';
    const files = tmpFiles({ 'months.csv': Buffer.from(text, 'utf8') });
    const { sequences: s } = await readLongPanel(files.path('months.csv'));
    expect(s.ids).toEqual(['p;1']);
    expect(s.alphabet.codes).toEqual(['none', 'work']);
    expect(Array.from(s.codes)).toEqual([1, 0]);
    const employer = s.cellAttributes.employer_id;
    expect(employer.kind === 'category' && employer.levels).toEqual(['E; 1']);
  });

  it('treats empty, NA and * states as missing months', async () => {
    const files = tmpFiles({ 'months.csv': 'person_id,month,state\na,2013-01,x\na,2013-02,NA\na,2013-03,x\na,2013-04,*\n' });
    const { sequences: s, report } = await readLongPanel(files.path('months.csv'));
    expect(Array.from(s.codes)).toEqual([0, MISSING, 0, VOID]);
    expect(report.missingCells).toBe(1);
  });
});

describe('progress', () => {
  it('reports the bytes read up to the whole file', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const calls: [string, number, number][] = [];
    await readLongPanel(files.path('months.csv'), { progress: (task, done, total) => calls.push([task, done, total]) });
    const [task, done, total] = calls[calls.length - 1];
    expect(task).toMatch(/^reading .*months\.csv$/);
    expect(done).toBe(total);
    expect(total).toBe(Buffer.byteLength(MONTHS));
  });
});
