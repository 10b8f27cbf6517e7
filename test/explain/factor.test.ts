// Covariates coded as R factors (src/explain/factor.ts).
import { describe, expect, it } from 'vitest';
import { isMissingValue, toFactor } from '../../src/explain/factor.js';

describe('isMissingValue', () => {
  it('null, undefined, empty text, NA and NaN are missing', () => {
    for (const v of [null, undefined, '', 'NA', NaN]) expect(isMissingValue(v)).toBe(true);
  });

  it('zero, false, blanks and other spellings are values', () => {
    for (const v of [0, false, ' ', 'na', 'N/A', 'NaN', Infinity]) expect(isMissingValue(v)).toBe(false);
  });
});

describe('toFactor', () => {
  it('text: levels sorted, codes per case, -1 for missing', () => {
    const f = toFactor(['yes', 'no', null, 'no'], 'male');
    expect(f.levels).toEqual(['no', 'yes']);
    expect(Array.from(f.codes)).toEqual([1, 0, -1, 0]);
    expect(f.numeric).toBe(false);
  });

  it('numbers: levels in numeric order (10 after 2), NaN missing', () => {
    const f = toFactor([10, 2, 2, NaN, 1], 'x');
    expect(f.levels).toEqual(['1', '2', '10']);
    expect(Array.from(f.codes)).toEqual([2, 1, 1, -1, 0]);
    expect(f.numeric).toBe(true);
  });

  it('text is sorted as defaultStateOrder: lower case before upper, numbers among text as text', () => {
    expect(toFactor(['b', 'A', 'a'], 'g').levels).toEqual(['a', 'A', 'b']);
    const mixed = toFactor([1, 'a', 2, '1'], 'g'); // 1 and '1' are one level
    expect(mixed.numeric).toBe(false);
    expect(mixed.levels).toEqual(['1', '2', 'a']);
    expect(Array.from(mixed.codes)).toEqual([0, 2, 1, 0]);
    expect(toFactor([true, false, 'NA'], 'flag').levels).toEqual(['false', 'true']);
  });

  it('one level when every value is equal', () => {
    const f = toFactor(['a', 'a', ''], 'g');
    expect(f.levels).toEqual(['a']);
    expect(Array.from(f.codes)).toEqual([0, 0, -1]);
  });

  it('refuses a covariate without values, naming it', () => {
    expect(() => toFactor([null, 'NA', NaN], 'male')).toThrow('male: has no non-missing value');
    expect(() => toFactor([], 'x')).toThrow('x: has no non-missing value');
  });
});
