import { describe, expect, it } from 'vitest';
import { InputError, LoopbaanError, OptionsError, OutputError, ResourceError } from '../src/errors.js';

describe('InputError', () => {
  it('locates the problem as "file, line L, column C: problem"', () => {
    const e = new InputError('months.csv', 12, 'state', 'unknown state "wrk"');
    expect(e.message).toBe('months.csv, line 12, column state: unknown state "wrk"');
    expect(e).toMatchObject({ kind: 'input', name: 'InputError', file: 'months.csv', line: 12, column: 'state', unit: 'line' });
    expect(e).toBeInstanceOf(LoopbaanError);
    expect(e).toBeInstanceOf(Error);
  });

  it('leaves out the line or the column when undefined; a column may be a 1-based index', () => {
    expect(new InputError('a.csv', undefined, 3, 'empty header').message).toBe('a.csv, column 3: empty header');
    expect(new InputError('a.csv', 4, undefined, '2 fields; expected 3').message).toBe('a.csv, line 4: 2 fields; expected 3');
    expect(new InputError('a.csv', undefined, undefined, 'not UTF-8').message).toBe('a.csv: not UTF-8');
  });

  it('counts rows of Parquet files and tables with unit "row"', () => {
    const e = new InputError('months.parquet', 11, 'state', 'unknown state "wrk"', 'row');
    expect(e.message).toBe('months.parquet, row 11, column state: unknown state "wrk"');
    expect(e.unit).toBe('row');
  });
});

describe('OptionsError', () => {
  it('prefixes the option name; a clash of several options has the problem alone', () => {
    const e = new OptionsError('k', 'must be at most 12; got 40');
    expect(e.message).toBe('k: must be at most 12; got 40');
    expect(e).toMatchObject({ kind: 'options', name: 'OptionsError', option: 'k' });
    const clash = new OptionsError(undefined, '--breaks and --step exclude each other');
    expect(clash.message).toBe('--breaks and --step exclude each other');
    expect(clash.option).toBeUndefined();
    expect(clash).toBeInstanceOf(LoopbaanError);
  });
});

describe('ResourceError and OutputError', () => {
  it('ResourceError keeps the message as given', () => {
    const e = new ResourceError('needs 12 GB; the budget is 4 GB: raise --memory-budget');
    expect(e.message).toBe('needs 12 GB; the budget is 4 GB: raise --memory-budget');
    expect(e).toMatchObject({ kind: 'resource', name: 'ResourceError' });
    expect(e).toBeInstanceOf(LoopbaanError);
  });

  it('OutputError is "path: problem"', () => {
    const e = new OutputError('out/dist.csv', 'is the input file; choose another --out');
    expect(e.message).toBe('out/dist.csv: is the input file; choose another --out');
    expect(e).toMatchObject({ kind: 'output', name: 'OutputError', path: 'out/dist.csv' });
    expect(e).toBeInstanceOf(LoopbaanError);
  });
});

describe('LoopbaanError', () => {
  it('tells user errors (four kinds) from bugs', () => {
    const errors: LoopbaanError[] = [new InputError('f', 1, 1, 'p'), new OptionsError('o', 'p'), new ResourceError('p'), new OutputError('f', 'p')];
    expect(errors.map((e) => e.kind)).toEqual(['input', 'options', 'resource', 'output']);
    expect(new Error('bug')).not.toBeInstanceOf(LoopbaanError);
    expect(new TypeError('bug')).not.toBeInstanceOf(LoopbaanError);
  });
});
