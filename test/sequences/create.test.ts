// createSequences checks what a caller passes (the API class of issue 14):
// NaN, negative and overflowing weights and duplicate ids are OptionsErrors naming the part.
import { describe, expect, it } from 'vitest';
import { createSequences, makeAlphabet, OptionsError, VOID, type SequencesInit } from '../../src/index.js';

const init = (extra: Partial<SequencesInit> = {}): SequencesInit => ({
  alphabet: makeAlphabet(['a', 'b']), n: 3, t: 2, codes: Uint8Array.from([0, 1, 1, 0, 0, 0]), ...extra,
});

describe('createSequences', () => {
  it('refuses NaN, negative and infinite weights, naming the weight (accepted before)', () => {
    for (const [w, shown] of [[NaN, 'NaN'], [-1, '-1'], [Infinity, 'Infinity']] as const) {
      const make = () => createSequences(init({ weights: Float64Array.of(1, w, 1) }));
      expect(make).toThrow(OptionsError);
      expect(make).toThrow(new RegExp(`^weights: weight 2 is ${shown}; expected a finite number >= 0$`));
    }
    expect(() => createSequences(init({ weights: Float64Array.of(1e308, 1e308, 1) }))).toThrow(/^weights: the weights add up to more than the largest number/);
    expect(createSequences(init({ weights: Float64Array.of(0, 2, 1) })).weights).toEqual(Float64Array.of(0, 2, 1));
  });

  it('refuses an id given twice, naming both sequences (accepted before); resampling may allow it', () => {
    const make = () => createSequences(init({ ids: ['x', 'y', 'x'] }));
    expect(make).toThrow(OptionsError);
    expect(make).toThrow(/^ids: "x" is the id of sequences 1 and 3; expected each id once$/);
    expect(createSequences(init({ ids: ['x', 'y', 'x'] }), { uniqueIds: false }).ids).toEqual(['x', 'y', 'x']);
  });

  it('refuses a code outside the alphabet and makes cells past a length VOID; codes: false takes them as given', () => {
    expect(() => createSequences(init({ codes: Uint8Array.from([0, 1, 2, 0, 0, 0]) }))).toThrow(/^codes: sequence 1, month 0: code 2 is not a state of the alphabet$/);
    const lengths = Int32Array.of(2, 1, 2);
    expect(Array.from(createSequences(init({ lengths })).codes)).toEqual([0, 1, 1, VOID, 0, 0]);
    expect(Array.from(createSequences(init({ lengths }), { codes: false }).codes)).toEqual([0, 1, 1, 0, 0, 0]);
  });
});
