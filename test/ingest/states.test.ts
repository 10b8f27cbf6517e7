import { describe, expect, it } from 'vitest';
import { defaultStateOrder, StateCoder, UNKNOWN_STATE } from '../../src/ingest/states.js';
import { OptionsError } from '../../src/errors.js';
import { MAX_STATES, MISSING, VOID } from '../../src/sequences/types.js';
import { thrown } from '../helpers/thrown.js';

describe('defaultStateOrder', () => {
  it('sorts numbers numerically and texts case-insensitively, like R sort(unique(x))', () => {
    expect(defaultStateOrder(['10', '2', '1'])).toEqual(['1', '2', '10']); // as text '10' < '2'
    expect(defaultStateOrder(['1e1', '-1', '0.5'])).toEqual(['-1', '0.5', '1e1']); // 10, -1, 0.5
    expect(defaultStateOrder(['school', 'FE', 'employment'])).toEqual(['employment', 'FE', 'school']);
    expect(defaultStateOrder(['work_jc', 'none', 'work', 'trial'])).toEqual(['none', 'trial', 'work', 'work_jc']);
    expect(defaultStateOrder(['A', 'a'])).toEqual(['a', 'A']); // same letter: lower case first
    // one non-number makes every state a text: '10' < '2' < 'a' character by character
    expect(defaultStateOrder(['2', 'a', '10'])).toEqual(['10', '2', 'a']);
    expect(defaultStateOrder(['Infinity', '1'])).toEqual(['1', 'Infinity']); // not a finite number
  });

  it('leaves its argument as it was', () => {
    const states = ['b', 'a'];
    defaultStateOrder(states);
    expect(states).toEqual(['b', 'a']);
  });
});

describe('StateCoder with a fixed alphabet', () => {
  const coder = new StateCoder(['work', 'none']);

  it('codes states by their position, blanks around them ignored, and missing cells as MISSING', () => {
    expect(coder.fixed).toBe(true);
    expect([coder.code('work'), coder.code('none'), coder.code(' work '), coder.code('none\t')]).toEqual([0, 1, 0, 1]);
    for (const text of ['', 'NA', '*', '  ', ' NA ', ' * ']) expect(coder.code(text), JSON.stringify(text)).toBe(MISSING);
    expect(new StateCoder(['NA', 'work']).code('NA')).toBe(0); // a listed state wins over the missing code
  });

  it('gives UNKNOWN_STATE for other states and says what was expected', () => {
    expect(UNKNOWN_STATE).toBe(-1);
    expect([coder.code('wrk'), coder.code('Work'), coder.code(' wrk')]).toEqual([-1, -1, -1]);
    expect(coder.states).toEqual(['work', 'none']); // nothing added
    expect(coder.unknownMessage('wrk')).toBe('unknown state "wrk"; expected one of work, none (or empty, NA, * for missing)');
    const thirteen = new StateCoder('abcdefghijklm'.split(''));
    expect(thirteen.unknownMessage('z')).toBe(
      'unknown state "z"; expected one of a, b, c, d, e, f, g, h, i, j, k, l, ... (13 in all) (or empty, NA, * for missing)',
    );
  });

  it('rejects an alphabet with a state twice or too many states', () => {
    const twice = thrown(() => new StateCoder(['work', 'none', 'work']));
    expect(twice).toBeInstanceOf(OptionsError);
    expect(twice.message).toBe('states: "work" is listed twice; expected each state once');
    const many = Array.from({ length: MAX_STATES + 1 }, (_, k) => `s${k}`);
    expect(thrown(() => new StateCoder(many)).message).toBe('states: an alphabet holds at most 254 states; got 255');
  });

  it('finishes with the alphabet in the given order and no recoding', () => {
    const { alphabet, recode } = coder.finish({ none: 'no work' });
    expect(alphabet.codes).toEqual(['work', 'none']);
    expect(alphabet.labels).toEqual(['work', 'no work']);
    expect(recode).toBeUndefined();
  });
});

describe('StateCoder with an open alphabet', () => {
  it('numbers states as first seen, then sorts them and recodes', () => {
    const coder = new StateCoder();
    expect(coder.fixed).toBe(false);
    expect([coder.code('work'), coder.code('none'), coder.code('work'), coder.code(' trial'), coder.code('trial')]).toEqual([0, 1, 0, 2, 2]);
    expect(coder.code('NA')).toBe(MISSING);
    expect(coder.states).toEqual(['work', 'none', 'trial']); // the blank-padded text adds no state
    const { alphabet, recode } = coder.finish({ none: 'no work' });
    expect(alphabet.codes).toEqual(['none', 'trial', 'work']);
    expect(alphabet.labels).toEqual(['no work', 'trial', 'work']);
    // work 0 -> 2, none 1 -> 0, trial 2 -> 1; every other code maps to itself
    expect(Array.from(recode!.subarray(0, 4))).toEqual([2, 0, 1, 3]);
    expect([recode![VOID], recode![MISSING]]).toEqual([VOID, MISSING]);
  });

  it('stops at MAX_STATES distinct states', () => {
    const coder = new StateCoder();
    for (let k = 0; k < MAX_STATES; k++) expect(coder.code(`s${k}`)).toBe(k);
    expect(coder.code('s254')).toBe(UNKNOWN_STATE); // the 255th
    expect([coder.code('s0'), coder.code('')]).toEqual([0, MISSING]); // known and missing cells still code
    expect(coder.unknownMessage('s254')).toBe('state "s254" would be state number 255; expected at most 254 distinct states');
  });

  it('refuses to finish without states', () => {
    expect(thrown(() => new StateCoder().finish()).message).toBe('No states were read; expected at least one state.');
    const onlyMissing = new StateCoder();
    onlyMissing.code('NA');
    expect(thrown(() => onlyMissing.finish()).message).toBe('No states were read; expected at least one state.');
  });
});
