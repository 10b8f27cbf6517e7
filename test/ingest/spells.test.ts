import { describe, expect, it } from 'vitest';
import { MISSING, readSpells, VOID } from '../../src/index.js';
import { tmpFiles } from './helpers.js';

const SPELLS = [
  'person_id,start,end,state,employer_id',
  'a,2013-01,2013-02,trial,E1',
  'a,2013-03,2013-05,work_jc,E1',
  'b,2013-02,2013-02,none,',
  'b,2013-04,2013-05,work,E2',
  '',
].join('\n');

describe('readSpells', () => {
  it('expands inclusive spells to months, with attributes over each spell', async () => {
    const t = tmpFiles({ 'spells.csv': SPELLS });
    const { sequences: s, report } = await readSpells(t.path('spells.csv'), { states: ['trial', 'work_jc', 'work', 'none'] });
    expect(s.timeLabels).toEqual(['2013-01', '2013-02', '2013-03', '2013-04', '2013-05']);
    expect(Array.from(s.codes)).toEqual([0, 0, 1, 1, 1, MISSING, 3, MISSING, 2, 2]);
    const employer = s.cellAttributes.employer_id;
    if (employer.kind !== 'category') throw new Error('employer_id should be a category');
    expect(Array.from(employer.values)).toEqual([0, 0, 0, 0, 0, -1, -1, -1, 1, 1]);
    expect(report.files[0]).toMatchObject({ role: 'spells', rowsRead: 4, rowsKept: 4 });
  });

  it('fails on overlapping spells, or drops the later one in lenient mode', async () => {
    const t = tmpFiles({ 'spells.csv': SPELLS + 'a,2013-05,2013-06,none,\n' });
    await expect(readSpells(t.path('spells.csv'))).rejects.toThrow(
      /spells\.csv, line 6: spell overlaps another spell of person "a" in 2013-05; expected spells that do not overlap/,
    );
    const { sequences: s, report } = await readSpells(t.path('spells.csv'), { mode: 'lenient', states: ['trial', 'work_jc', 'work', 'none'] });
    expect(report.rejected).toEqual({ 'overlapping spells': 1 });
    // Nothing of the dropped spell remains, not even its month 2013-06.
    expect(Array.from(s.codes.subarray(0, 5))).toEqual([0, 0, 1, 1, 1]);
    expect(s.t).toBe(5);
  });

  it('resolves overlaps by a priority order of states', async () => {
    const t = tmpFiles({
      'spells.csv': ['person_id,start,end,state', 'a,2013-01,2013-04,none', 'a,2013-02,2013-03,work', 'a,2013-03,2013-05,trial', 'a,2013-05,2013-05,trial', ''].join('\n'),
    });
    const { sequences: s } = await readSpells(t.path('spells.csv'), { states: ['work', 'trial', 'none'], priority: ['work', 'trial', 'none'] });
    // work beats none in 02-03, trial beats none in 04, work beats trial in 03; the same state may repeat.
    expect(Array.from(s.codes)).toEqual([2, 0, 0, 1, 1]);
  });

  it('rejects spells that end before they start', async () => {
    const t = tmpFiles({ 'spells.csv': 'person_id,start,end,state\na,2013-03,2013-01,work\n' });
    await expect(readSpells(t.path('spells.csv'))).rejects.toThrow(/line 2, column end: spell ends \(2013-01\) before it starts \(2013-03\)/);
  });

  it('keeps trailing gaps void', async () => {
    const t = tmpFiles({ 'spells.csv': 'person_id,start,end,state\na,2013-01,2013-03,x\nb,2013-01,2013-01,x\n' });
    const { sequences: s } = await readSpells(t.path('spells.csv'));
    expect(Array.from(s.codes)).toEqual([0, 0, 0, 0, VOID, VOID]);
    expect(Array.from(s.lengths)).toEqual([3, 1]);
  });
});
