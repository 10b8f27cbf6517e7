import { describe, expect, it } from 'vitest';
import { createSequences, describeTable, makeAlphabet, VOID } from '../../src/index.js';

// a b / b V: two persons, two months, states a, b
const seqs = createSequences({
  alphabet: makeAlphabet(['a', 'b']), n: 2, t: 2,
  codes: Uint8Array.from([0, 1, 1, VOID]), ids: ['p1', 'p2'], timeLabels: ['2014-01', '2014-02'],
});

describe('describeTable', () => {
  it('statd: a row per state, then N and entropy', () => {
    expect(describeTable(seqs, 'statd')).toEqual([
      ['state', '2014-01', '2014-02'],
      ['a', '0.5', '0'],
      ['b', '0.5', '1'],
      ['N', '2', '1'],
      ['entropy', '1', '0'],
    ]);
  });

  it('trate, meant and indicators', () => {
    expect(describeTable(seqs, 'trate')).toEqual([['from', 'a', 'b'], ['a', '0', '1'], ['b', '0', '0']]);
    expect(describeTable(seqs, 'meant')).toEqual([['state', 'mean'], ['a', '0.5'], ['b', '1']]);
    expect(describeTable(seqs, 'indicators')).toEqual([
      ['id', 'entropy', 'turbulence', 'complexity', 'transitions'],
      ['p1', '1', '2', '1', '1'],
      ['p2', '0', '1', '0', '0'],
    ]);
  });
});
