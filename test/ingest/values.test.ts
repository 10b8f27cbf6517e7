import { describe, expect, it } from 'vitest';
import { isAbsent, isMissingState, Levels, parseNumber } from '../../src/ingest/values.js';

describe('isAbsent and isMissingState', () => {
  it('takes only an empty cell or NA as absent', () => {
    expect([isAbsent(''), isAbsent('NA')]).toEqual([true, true]);
    for (const text of [' ', 'na', 'N/A', ' NA', 'NaN', '0', '*']) expect(isAbsent(text), JSON.stringify(text)).toBe(false);
  });

  it('adds TraMineR\'s * as a missing state', () => {
    expect(['', 'NA', '*'].map(isMissingState)).toEqual([true, true, true]);
    expect(['**', ' * ', '-', 'none'].map(isMissingState)).toEqual([false, false, false, false]); // no trimming here
  });
});

describe('parseNumber', () => {
  it('reads decimal numbers, blanks around them allowed', () => {
    expect(parseNumber('9.25')).toBe(9.25);
    expect(parseNumber('1e3')).toBe(1000); // 1 * 10^3
    expect(parseNumber('2.5E-1')).toBe(0.25);
    expect(parseNumber('-2.5')).toBe(-2.5);
    expect(parseNumber('+3')).toBe(3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('007')).toBe(7); // leading zeros are decimal, not octal
    expect(parseNumber(' 7 ')).toBe(7);
  });

  it('reads zero written in any decimal way', () => {
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber('0.0')).toBe(0);
    expect(parseNumber('0e5')).toBe(0); // 0 * 10^5
    expect(Object.is(parseNumber('-0'), -0)).toBe(true);
  });

  it('is NaN for absent cells, blank cells and non-numbers', () => {
    for (const text of ['', 'NA', '  ', '\t', '12,5', 'yes', 'NaN', '1_000', '1 000', '12.5.1']) {
      expect(parseNumber(text), JSON.stringify(text)).toBeNaN();
    }
  });

  it('is NaN for infinite values, also when a huge exponent overflows', () => {
    for (const text of ['Infinity', '-Infinity', '1e400', '-1e400']) expect(parseNumber(text), text).toBeNaN();
  });

  it('is NaN for hexadecimal, octal and binary literals that Number would read', () => {
    // Number('0x1A') is 26, Number('0o17') 15, Number('0b101') 5: not decimal text
    for (const text of ['0x1A', '0X1a', '0o17', '0O17', '0b101', '0B1', '-0x1A']) expect(parseNumber(text), text).toBeNaN();
    // Number skips leading blanks before reading the prefix: Number(' 0x1A') is 26
    for (const text of [' 0x1A', '\t0b11', ' 0o17 ', '\u00a00x10']) expect(parseNumber(text), JSON.stringify(text)).toBeNaN();
  });
});

describe('Levels', () => {
  it('codes texts in order of first appearance', () => {
    const lv = new Levels();
    expect(['E12', 'E7', 'E12', '', 'e7', 'E7'].map((t) => lv.code(t))).toEqual([0, 1, 0, 2, 3, 1]);
    expect(lv.values).toEqual(['E12', 'E7', '', 'e7']); // the empty text is a level too; case matters
  });

  it('starts empty', () => {
    expect(new Levels().values).toEqual([]);
  });
});
