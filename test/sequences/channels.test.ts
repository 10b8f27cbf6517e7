// combineChannels: combined states as TraMineR's seqMD builds them, by hand.
import { describe, expect, it } from 'vitest';
import { combineChannels, createSequences, makeAlphabet, MISSING, VOID, type StateSequences } from '../../src/index.js';

const M = MISSING;
const V = VOID;

function channel(states: string[], rows: number[][]): StateSequences {
  return createSequences({ alphabet: makeAlphabet(states), n: rows.length, t: rows[0].length, codes: Uint8Array.from(rows.flat()) });
}

describe('combineChannels', () => {
  const work = channel(['job', 'none'], [[0, 0, 1], [1, 1, V]]);
  const hours = channel(['full', 'part'], [[0, 1, 1], [1, 0, V]]);

  it('joins the states of each month; the alphabet holds the combinations that occur, in TraMineR order', () => {
    const md = combineChannels([work, hours]);
    expect(md.sequences.alphabet.codes).toEqual(['job+full', 'job+part', 'none+full', 'none+part']);
    const { codes, lengths } = md.sequences;
    expect([...codes]).toEqual([0, 1, 3, 3, 2, V]);
    expect([...lengths]).toEqual([3, 2]);
    expect([...md.parts]).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(md.channelHasGaps).toEqual([false, false]);
  });

  it('a gap is the part *; a channel with gaps reads as a gap where it is censored and another goes on', () => {
    const withGap = channel(['job', 'none'], [[0, M, V], [1, 1, 1]]);
    const md = combineChannels([withGap, channel(['full', 'part'], [[0, 1, 1], [1, 0, 0]])], { separator: '/' });
    expect(md.channelStates[0]).toEqual(['job', 'none', '*']);
    expect(md.sequences.alphabet.codes).toEqual(['*/part', 'job/full', 'none/full', 'none/part']);
    // row 0: job/full, */part, */part (censored job channel has gaps); row 1: none/part, none/full, none/full
    expect([...md.sequences.codes]).toEqual([1, 0, 0, 3, 2, 2]);
  });

  it('refuses a channel without gaps that ends before another, and channels of different sizes', () => {
    const short = channel(['full', 'part'], [[0, 1, V], [1, 0, V]]);
    expect(() => combineChannels([work, short])).toThrow(/person 1: channel 2 ends before month 3/);
    expect(() => combineChannels([work, channel(['a'], [[0, 0, 0]])])).toThrow(/channel 2 has 1 sequences/);
    expect(() => combineChannels([work])).toThrow(/at least two channels/);
    expect(() => combineChannels([work, channel(['a+b', 'c'], [[0, 0, 0], [1, 1, 1]])])).toThrow(/separator/);
  });
});
