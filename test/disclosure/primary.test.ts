import { describe, expect, it } from 'vitest';
import { primaryRule, roundCount } from '../../src/index.js';

const rules = { minCell: 10, dominance: 0.5, round: null };

describe('primaryRule', () => {
  it('minimum frequency on persons and on the base; zeros stay', () => {
    expect(primaryRule({ id: 'n', value: 9, persons: 9, kind: 'count' }, rules)).toBe('primary');
    expect(primaryRule({ id: 'n', value: 0, persons: 0, kind: 'count' }, rules)).toBe('none');
    expect(primaryRule({ id: 'n', value: 10, persons: 10, kind: 'count' }, rules)).toBe('none');
    // a count with a small base is still a count of its own persons
    expect(primaryRule({ id: 'n', value: 12, persons: 12, base: 5, kind: 'count' }, rules)).toBe('none');
    expect(primaryRule({ id: 's', value: 0, persons: 0, base: 9, kind: 'share' }, rules)).toBe('primary');
    expect(primaryRule({ id: 's', value: 100, persons: 25, base: 25, kind: 'share' }, rules)).toBe('none');
  });

  it('dominance only for means with contributions, at a share strictly above the limit', () => {
    const mean = (largest: number) => ({ id: 'm', value: 1, persons: 20, kind: 'mean' as const, contributions: { largest, total: 100 } });
    expect(primaryRule(mean(50), rules)).toBe('none');
    expect(primaryRule(mean(50.1), rules)).toBe('dominance');
    expect(primaryRule({ ...mean(90), kind: 'share' }, rules)).toBe('none');
  });

  it('with rounding, counts are rounded and shares still follow the minimum frequency', () => {
    expect(primaryRule({ id: 'n', value: 3, persons: 3, kind: 'count' }, { ...rules, round: 5 })).toBe('rounded');
    expect(primaryRule({ id: 's', value: 3, persons: 3, base: 90, kind: 'share' }, { ...rules, round: 5 })).toBe('primary');
  });
});

describe('roundCount', () => {
  it('rounds to the nearest multiple, halves up', () => {
    expect([0, 2, 2.5, 3, 7, 7.5, 8, 12].map((x) => roundCount(x, 5))).toEqual([0, 0, 5, 5, 5, 10, 10, 10]);
    expect([4, 5, 14, 15, 149].map((x) => roundCount(x, 10))).toEqual([0, 10, 10, 20, 150]);
    expect(roundCount(NaN, 5)).toBeNaN();
  });
});
