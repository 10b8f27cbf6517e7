import { describe, expect, it } from 'vitest';
import { integerOption, listOption, nearOptions, parseOptions, sizeOption } from '../../src/cli/args.js';

describe('parseOptions', () => {
  const spec = { input: { type: 'string' }, 'input-table': { type: 'string' }, 'persons-table': { type: 'string' }, quiet: { type: 'boolean' } } as const;

  it('reads values and flags, and names a missing required option', () => {
    expect(parseOptions(['--input', 'a.csv', '--quiet'], spec)).toMatchObject({ input: 'a.csv', quiet: true });
    expect(() => parseOptions([], spec, ['input'])).toThrow('--input: is required');
  });

  it('an unknown option names the known ones it may mean', () => {
    expect(() => parseOptions(['--table', 'months'], spec)).toThrow('--table: unknown option; did you mean --input-table or --persons-table? (see --help for the options)');
    expect(() => parseOptions(['--inptu', 'a.csv'], spec)).toThrow('--inptu: unknown option; did you mean --input? (see --help for the options)');
    expect(() => parseOptions(['--colour', 'red'], spec)).toThrow('--colour: unknown option (see --help for the options)');
  });

  it('a flag given a value, a value option without one, a stray argument', () => {
    expect(() => parseOptions(['--quiet=yes'], spec)).toThrow('--quiet: is a flag and takes no value');
    expect(() => parseOptions(['--input'], spec)).toThrow('--input: needs a value');
    expect(() => parseOptions(['a.csv'], spec)).toThrow('unexpected argument "a.csv"');
  });
});

describe('nearOptions', () => {
  it('options the name ends, else those within two edits, at most three', () => {
    expect(nearOptions('table', ['input', 'input-table', 'persons-table'])).toEqual(['input-table', 'persons-table']);
    expect(nearOptions('inptu', ['input', 'persons'])).toEqual(['input']); // a swap is two edits
    expect(nearOptions('wieght', ['weight', 'what'])).toEqual(['weight']);
    expect(nearOptions('k', ['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c']);
    expect(nearOptions('', ['input'])).toEqual([]);
  });
});

describe('value options', () => {
  it('whole numbers with a bound, lists without repeats, sizes with a suffix', () => {
    expect(integerOption({ k: '4' }, 'k', 2, 1)).toBe(4);
    expect(integerOption({}, 'k', 2, 1)).toBe(2);
    expect(() => integerOption({ k: '0' }, 'k', 2, 1)).toThrow('--k: must be a whole number >= 1; got 0');
    expect(listOption({ states: ' work, none,' }, 'states')).toEqual(['work', 'none']);
    expect(() => listOption({ states: 'work,work' }, 'states')).toThrow('"work" is listed twice');
    expect(sizeOption({ size: '64K' }, 'size')).toBe(65536);
    expect(sizeOption({ size: '1.5M' }, 'size')).toBe(1.5 * 2 ** 20);
    expect(() => sizeOption({ size: 'big' }, 'size')).toThrow('must be a size such as 65536, 64K or 4M');
  });
});
