import { describe, expect, it } from 'vitest';
import { formatMonth, MONTH_PATTERN, parseMonth } from '../../src/ingest/month.js';

// texts that are not YYYY-MM months with month 01..12
const NOT_MONTHS = [
  '', '2013-13', '2013-00', '2013-20', ' 2013-05', '2013-05 ', '2013-5', '13-05', '2013/05', '2013-05-01',
  '201a-05', '2013-1a', '2013-0:', '+013-05', '-013-05', '２０１３-05', '2013–05', // fullwidth digits, en dash
];

describe('parseMonth', () => {
  it('numbers months as year * 12 + month - 1', () => {
    expect(parseMonth('2013-05')).toBe(24160); // 2013 * 12 + 4 = 24156 + 4
    expect(parseMonth('2012-12')).toBe(24155); // 2012 * 12 + 11 = 24144 + 11
    expect(parseMonth('2013-01')).toBe(24156); // 2013 * 12 + 0: one after 2012-12
    expect(parseMonth('0000-01')).toBe(0);
    expect(parseMonth('9999-12')).toBe(119999); // 9999 * 12 + 11 = 119988 + 11
  });

  it('is -1 for any other text', () => {
    for (const text of NOT_MONTHS) expect(parseMonth(text), text).toBe(-1);
  });

  it('agrees with MONTH_PATTERN on what is a month', () => {
    for (const text of [...NOT_MONTHS, '2013-05', '2012-12', '0000-01', '1900-10']) {
      expect(parseMonth(text) >= 0, text).toBe(MONTH_PATTERN.test(text));
    }
  });

  it('gives consecutive months consecutive numbers, December to January included', () => {
    let previous = parseMonth('1899-12'); // 1899 * 12 + 11 = 22799
    expect(previous).toBe(22799);
    for (let year = 1900; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        const index = parseMonth(`${year}-${String(month).padStart(2, '0')}`);
        expect(index).toBe(previous + 1);
        previous = index;
      }
    }
    expect(previous).toBe(25211); // 2100 * 12 + 11 = 25200 + 11
  });
});

describe('formatMonth', () => {
  it('writes a month index back as YYYY-MM', () => {
    expect(formatMonth(24160)).toBe('2013-05'); // 24160 = 2013 * 12 + 4
    expect(formatMonth(24155)).toBe('2012-12'); // 24155 = 2012 * 12 + 11
    expect(formatMonth(24156)).toBe('2013-01');
    expect(formatMonth(0)).toBe('0000-01'); // year padded to four digits
    expect(formatMonth(11)).toBe('0000-12');
    expect(formatMonth(12)).toBe('0001-01');
    expect(formatMonth(119999)).toBe('9999-12');
  });

  it('round-trips with parseMonth over 1900-01 .. 2100-12', () => {
    for (let index = 1900 * 12; index <= 2100 * 12 + 11; index++) {
      const text = formatMonth(index);
      expect(text).toMatch(MONTH_PATTERN);
      expect(parseMonth(text)).toBe(index);
    }
  });
});
