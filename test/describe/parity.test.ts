// TraMineR parity on mvad: every descriptive statistic against its reference output.
import { describe, expect, it } from 'vitest';
import {
  meanTime, sequenceIndicators, stateDistribution, transitionRates,
} from '../../src/index.js';
import { hasFixtures, loadMvad, MVAD_STATES, readFixtureRows } from '../helpers/fixtures.js';

const TOL = 1e-9;

/** Largest |a - b| over pairs; logs it so the parity margin is visible in the test output. */
function maxError(name: string, pairs: Array<[number, number]>): number {
  let worst = 0;
  for (const [a, b] of pairs) worst = Math.max(worst, Math.abs(a - b));
  console.log(`${name}: max abs error ${worst.toExponential(2)} over ${pairs.length} values`);
  return worst;
}

describe.skipIf(!hasFixtures)('TraMineR parity on mvad', () => {
  const seqs = hasFixtures ? loadMvad() : undefined!;

  it('stateDistribution frequencies = seqstatd()$Frequencies', () => {
    const [header, ...rows] = readFixtureRows('mvad_statd_freq.csv');
    const d = stateDistribution(seqs);
    expect(header.slice(1)).toEqual([...d.timeLabels]);
    expect(rows.map((r) => r[0])).toEqual(d.states);
    const pairs: Array<[number, number]> = [];
    rows.forEach((r, s) => r.slice(1).forEach((v, j) => pairs.push([d.frequencies[s * d.t + j], Number(v)])));
    expect(maxError('seqstatd frequencies', pairs)).toBeLessThanOrEqual(TOL);
    for (let j = 0; j < d.t; j++) expect(d.validN[j]).toBe(712);
  });

  it('stateDistribution entropy = seqstatd()$Entropy', () => {
    const [, ...rows] = readFixtureRows('mvad_statd_entropy.csv');
    const d = stateDistribution(seqs);
    expect(rows.map((r) => r[0])).toEqual([...d.timeLabels]);
    const pairs = rows.map((r, j): [number, number] => [d.entropy[j], Number(r[1])]);
    expect(maxError('seqstatd entropy', pairs)).toBeLessThanOrEqual(TOL);
  });

  it('transitionRates = seqtrate()', () => {
    const [header, ...rows] = readFixtureRows('mvad_trate.csv');
    const tr = transitionRates(seqs);
    const S = tr.states.length;
    expect(header.slice(1)).toEqual(MVAD_STATES.map((s) => `[-> ${s}]`));
    expect(rows.map((r) => r[0])).toEqual(MVAD_STATES.map((s) => `[${s} ->]`));
    const pairs: Array<[number, number]> = [];
    rows.forEach((r, a) => r.slice(1).forEach((v, b) => pairs.push([tr.rates[a * S + b], Number(v)])));
    expect(maxError('seqtrate', pairs)).toBeLessThanOrEqual(TOL);
  });

  it('meanTime = seqmeant()', () => {
    const [, ...rows] = readFixtureRows('mvad_meant.csv');
    const m = meanTime(seqs);
    expect(rows.map((r) => r[0])).toEqual(m.states);
    const pairs = rows.map((r, s): [number, number] => [m.mean[s], Number(r[1])]);
    expect(maxError('seqmeant', pairs)).toBeLessThanOrEqual(TOL);
  });

  it('sequenceIndicators = seqient, seqST, seqici, seqtransn', () => {
    const [header, ...rows] = readFixtureRows('mvad_indicators.csv');
    expect(header).toEqual(['id', 'entropy', 'turbulence', 'complexity', 'transitions']);
    const ind = sequenceIndicators(seqs);
    expect(rows.map((r) => r[0])).toEqual([...seqs.ids]);
    const columns = [ind.entropy, ind.turbulence, ind.complexity, ind.transitions] as const;
    const names = ['seqient', 'seqST', 'seqici', 'seqtransn'];
    columns.forEach((values, c) => {
      const pairs = rows.map((r, i): [number, number] => [values[i], Number(r[c + 1])]);
      expect(maxError(names[c], pairs)).toBeLessThanOrEqual(TOL);
    });
  });
});
