import { describe, expect, it } from 'vitest';
import { MISSING, readLongPanel, VOID } from '../../src/index.js';
import { tmpFiles } from './helpers.js';

// p1 and p2 in 2013-01 .. 2013-04; p3 also in 2019-01, 69 months after 2013-04 (a typo for 2013-01, say).
const MONTHS = [
  'person_id,month,state',
  'p1,2013-01,work',
  'p1,2013-02,work',
  'p1,2013-03,school',
  'p2,2013-02,school',
  'p2,2013-04,work',
  'p3,2013-01,school',
  'p3,2019-01,work',
  '',
].join('\n');

describe('assemblePanel', () => {
  it('counts the cells of each state and the missing cells within the lengths', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const { sequences: s, report } = await readLongPanel(files.path('months.csv'));
    expect(s.alphabet.codes).toEqual(['school', 'work']);
    expect(s.t).toBe(73); // 2013-01 .. 2019-01
    expect(Array.from(s.lengths)).toEqual([3, 4, 73]);
    const [school, work] = [0, 1];
    expect(Array.from(s.codes.subarray(0, 4))).toEqual([work, work, school, VOID]);
    expect(Array.from(s.codes.subarray(73, 77))).toEqual([MISSING, school, MISSING, work]);
    expect(s.codes[146]).toBe(school);
    expect(s.codes.subarray(147, 218).every((c) => c === MISSING)).toBe(true);
    expect(s.codes[218]).toBe(work);
    expect(report.states.map((st) => [st.state, st.cells])).toEqual([['school', 3], ['work', 4]]);
    expect(report.observedCells).toBe(3 + 4 + 73);
    expect(report.missingCells).toBe(80 - 7);
  });

  it('warns of months far from the rest, on the calendar axis and on process time', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS });
    const warning = '1 person-months in 2019-01 lie more than 60 months from the rest (2013-01 .. 2013-04); check the month column';
    expect((await readLongPanel(files.path('months.csv'))).report.warnings).toEqual([warning]);
    // aligned on the first month in school: each person starts there, the warning still speaks of calendar months
    const aligned = await readLongPanel(files.path('months.csv'), { time: { align: 'state', state: 'school' } });
    expect(aligned.report.warnings).toEqual([warning]);
    expect(aligned.sequences.ids).toEqual(['p1', 'p2', 'p3']);
  });

  it('gives no warning when the months lie together', async () => {
    const files = tmpFiles({ 'months.csv': MONTHS.replace('2019-01', '2013-05') });
    expect((await readLongPanel(files.path('months.csv'))).report.warnings).toEqual([]);
  });
});
