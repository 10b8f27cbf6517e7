import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { nl } from '../../src/i18n/nl.js';
import { fill, formatCount, formatNumber, formatPValue, isTextKey, tr } from '../../src/i18n/index.js';

describe('i18n', () => {
  it('translates and fills placeholders with the language\'s number formats', () => {
    expect(tr('en', 'dendrogram', { k: 25000 })).toBe('Ward tree (top 25,000 branches)');
    expect(tr('nl', 'dendrogram', { k: 25000 })).toBe('Ward-boom (bovenste 25.000 takken)');
    expect(tr('nl', 'month')).toBe('Maand');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(isTextKey('month')).toBe(true);
    expect(isTextKey('toString')).toBe(false);
  });

  it('formats numbers per language; suppressed and undefined numbers are an en dash', () => {
    expect(formatCount(1234.56, 'nl')).toBe('1.234,6');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(0.5912, 'nl', 2)).toBe('0,59');
    expect(formatNumber(null, 'en')).toBe('–');
    expect(formatNumber(NaN, 'nl')).toBe('–');
    expect(formatPValue(0.17288, 'nl')).toBe('0,1729');
    expect(formatPValue(1e-12, 'en')).toBe('< 0.0001');
  });

  it('has every key in every catalogue, with the same placeholders', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect([key, holes(nl[key])]).toEqual([key, holes(en[key])]);
  });
});
