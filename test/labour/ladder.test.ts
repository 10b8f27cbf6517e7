import { describe, expect, it } from 'vitest';
import { OptionsError, participationLadder } from '../../src/index.js';
import { panel } from './panel.js';

// dates: months 1 and 3; rungs none < trial < work_jc+work; retired is an exit
const seqs = panel([
  { states: 'NNWW' }, // none -> work: up (weight 2)
  { states: 'WWWN' }, // work -> none: down
  { states: 'NTTT' }, // trial -> trial: same
  { states: 'NJJ' }, //  work, follow-up ends before month 3: left
  { states: 'NNNR' }, // none -> retired (exit): left
  { states: 'N?NN' }, // missing at month 1: not on the ladder
  { states: 'JJ?J' }, // work -> work: same
], { weights: [2, 1, 1, 1, 1, 1, 1], covariates: { sex: ['f', 'm', 'f', 'm', 'f', 'f', 'm'] } });
const options = { rungs: ['none', 'trial', ['work_jc', 'work']], dates: [1, 3], roles: { exit: ['retired'] } } as const;

describe('participationLadder', () => {
  const l = participationLadder(seqs, { ...options, by: 'sex' });

  it('classifies each person as same, up, down or left, weighted, per group and in total', () => {
    expect(l.rungs).toEqual(['none', 'trial', 'work_jc+work']);
    expect(l.dates).toEqual(['1', '3']);
    expect(l.total).toMatchObject({ persons: 6, personsWeighted: 7, notObserved: 1, same: 2, up: 1, down: 1, left: 2 });
    expect(l.total.upPct).toBeCloseTo(200 / 7, 12);
    expect(l.total.samePct).toBeCloseTo(200 / 7, 12);
    expect(l.total.downPct).toBeCloseTo(100 / 7, 12);
    expect(l.total.leftPct).toBeCloseTo(200 / 7, 12);
    const [f, m] = l.groups;
    expect(f).toMatchObject({ group: 'f', persons: 3, notObserved: 1, up: 1, same: 1, left: 1, down: 0, upPct: 50, samePct: 25, leftPct: 25, downPct: 0 });
    expect(m).toMatchObject({ group: 'm', persons: 3, notObserved: 0, down: 1, left: 1, same: 1 });
    expect(m.downPct).toBeCloseTo(100 / 3, 12);
  });

  it('crosses the rung at date 1 with the rung (or left) at date 2', () => {
    const t = l.transitions;
    expect(t.to).toEqual(['none', 'trial', 'work_jc+work', 'left']);
    expect(t.persons).toEqual([[0, 0, 1, 1], [0, 1, 0, 0], [1, 0, 1, 1]]);
    expect(t.fromPersons).toEqual([2, 1, 3]);
    expect(t.pct[0][2]).toBeCloseTo(200 / 3, 12); // weighted: the up-mover weighs 2
    expect(t.pct[1]).toEqual([0, 100, 0, 0]);
  });

  it('takes dates as time labels; without exit roles every state needs a rung', () => {
    expect(participationLadder(seqs, { ...options, dates: ['1', '3'] }).total).toEqual(l.total);
    expect(() => participationLadder(seqs, { ...options, roles: undefined })).toThrow(/^rungs: the ladder misses the state retired/);
  });

  it('rejects a ladder missing a state, unknown states and dates outside the panel, naming the option', () => {
    expect(() => participationLadder(seqs, { ...options, rungs: ['none', 'trial', 'work_jc'] })).toThrow(/^rungs: the ladder misses the state work;/);
    expect(() => participationLadder(seqs, { ...options, rungs: ['none', 'trial', ['work_jc', 'wrk']] })).toThrow(/^rungs: "wrk" is not a state/);
    expect(() => participationLadder(seqs, { ...options, rungs: ['none', 'trial', 'none', ['work_jc', 'work']] })).toThrow(/^rungs: "none" is on two rungs/);
    expect(() => participationLadder(seqs, { ...options, dates: [1, 7] })).toThrow(/^dates: month 7 is outside the panel \(0 \.\. 3\)/);
    expect(() => participationLadder(seqs, { ...options, dates: ['2', '9'] })).toThrow(OptionsError);
    expect(() => participationLadder(seqs, { ...options, dates: [3, 1] })).toThrow(/^dates: date 2 \(1\) must come after date 1 \(3\)/);
  });
});
