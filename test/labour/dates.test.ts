import { describe, expect, it } from 'vitest';
import { calendarMonth, monthIndex } from '../../src/labour/dates.js';
import { OptionsError } from '../../src/errors.js';
import { createSequences, makeAlphabet } from '../../src/index.js';
import { panel } from './panel.js';
import { thrown } from '../helpers/thrown.js';

// three calendar months across a year boundary: columns 0, 1, 2
const calendar = { ...panel([{ states: 'WWN' }]), timeLabels: ['2012-11', '2012-12', '2013-01'] };
// process time: the labels are the column numbers as text
const process = panel([{ states: 'WWN' }]);

describe('monthIndex', () => {
  it('finds a time label and accepts a column index as it is', () => {
    expect(monthIndex(calendar, '2012-11', 'date')).toBe(0);
    expect(monthIndex(calendar, '2013-01', 'date')).toBe(2); // January after December: the last column
    expect(monthIndex(calendar, 1, 'date')).toBe(1);
    expect(monthIndex(process, '2', 'from')).toBe(2); // label '2' is column 2
    expect(monthIndex(process, 0, 'from')).toBe(0);
  });

  it('names the option, the month and the panel range when the month is outside', () => {
    const err = thrown(() => monthIndex(calendar, '2013-02', 'date'));
    expect(err).toBeInstanceOf(OptionsError);
    expect((err as OptionsError).option).toBe('date');
    expect(err.message).toBe('date: month "2013-02" is outside the panel (2012-11 .. 2013-01)');
    // a column index is written without quotes; t = 3 so 3 is one past the end
    expect(thrown(() => monthIndex(calendar, 3, 'to')).message).toBe('to: month 3 is outside the panel (2012-11 .. 2013-01)');
    expect(thrown(() => monthIndex(calendar, -1, 'to')).message).toBe('to: month -1 is outside the panel (2012-11 .. 2013-01)');
    expect(thrown(() => monthIndex(calendar, 1.5, 'to')).message).toBe('to: month 1.5 is outside the panel (2012-11 .. 2013-01)');
    expect(thrown(() => monthIndex(calendar, NaN, 'to')).message).toBe('to: month NaN is outside the panel (2012-11 .. 2013-01)');
    // a process-time text is not a calendar label, even though column 1 exists
    expect(thrown(() => monthIndex(calendar, '1', 'date')).message).toBe('date: month "1" is outside the panel (2012-11 .. 2013-01)');
  });

  it('says "no months" for a panel without columns', () => {
    const empty = createSequences({ alphabet: makeAlphabet(['work']), codes: new Uint8Array(0), n: 0, t: 0 });
    expect(thrown(() => monthIndex(empty, 0, 'date')).message).toBe('date: month 0 is outside the panel (no months)');
  });
});

describe('calendarMonth', () => {
  it('splits a YYYY-MM label into year and month 1..12', () => {
    expect(calendarMonth('2022-12')).toEqual({ year: 2022, month: 12 });
    expect(calendarMonth('2023-01')).toEqual({ year: 2023, month: 1 });
    expect(calendarMonth('0000-01')).toEqual({ year: 0, month: 1 });
  });

  it('is null for labels that are not calendar months', () => {
    for (const label of ['36', '', '2013-13', '2013-00', '2013-5', ' 2013-05', '2013-05 ', '2013/05', '13-05', '2013-05-01']) {
      expect(calendarMonth(label), label).toBeNull();
    }
  });

  it('reads back every month it is given, 1900-01 .. 2100-12', () => {
    for (let year = 1900; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(calendarMonth(`${year}-${String(month).padStart(2, '0')}`)).toEqual({ year, month });
      }
    }
  });
});
