// Gaps as the state '*' (TraMineR with.missing = TRUE): state distribution, transition rates and mean time against TraMineR.
import { describe, expect, it } from 'vitest';
import { meanTime, stateDistribution, substitutionCosts, transitionRates, transitionRatesByMonth } from '../../src/index.js';
import { hasFixtures2, loadWide2, readFixture2Rows } from '../helpers/fixtures.js';
import { loadPanel, maxRelError, readReference, referenceColumns } from '../helpers/r-references.js';

const TOL = 1e-9;

describe.skipIf(!hasFixtures2)('TraMineR parity on mvad with 2,500 missing cells', () => {
  it('stateDistribution(withMissing) = seqstatd(with.missing = TRUE)$Frequencies', () => {
    const [header, ...rows] = readFixture2Rows('mvad_missing_statd.csv');
    const d = stateDistribution(loadWide2('mvad_missing.csv'), { withMissing: true });
    expect(header.slice(1)).toEqual([...d.timeLabels]);
    expect(rows.map((r) => r[0])).toEqual(d.states);
    const ours = rows.flatMap((_, s) => Array.from(d.frequencies.subarray(s * d.t, (s + 1) * d.t)));
    const err = maxRelError(ours, rows.flatMap((r) => r.slice(1).map(Number)), 5e-13);
    console.log(`mvad_missing_statd: max relative error beyond the stored 12 decimals ${err.toExponential(2)}`);
    expect(err).toBeLessThan(TOL);
  });
});

describe('TraMineR parity with gaps, censoring and weights (test/fixtures-r)', () => {
  const panel = loadPanel();

  it('stateDistribution = seqstatd(with.missing = TRUE), weighted', () => {
    const [header, ...rows] = readReference('statd_missing.csv');
    const d = stateDistribution(panel, { withMissing: true });
    expect(header).toEqual([...d.timeLabels]);
    const ours = Array.from(d.frequencies);
    expect(maxRelError(ours, rows.flatMap((r) => r.map(Number)))).toBeLessThan(TOL);
  });

  it('transitionRates = seqtrate(with.missing = TRUE), weighted', () => {
    const [header, ...rows] = readReference('trate_missing.csv');
    const tr = transitionRates(panel, { withMissing: true });
    expect(header).toEqual(tr.states.map((s) => `[-> ${s}]`));
    expect(maxRelError(Array.from(tr.rates), rows.flatMap((r) => r.map(Number)))).toBeLessThan(TOL);
  });

  it('meanTime = seqmeant(with.missing = TRUE), weighted', () => {
    const [header, row] = readReference('meant_missing.csv');
    const m = meanTime(panel, { withMissing: true });
    expect(header).toEqual(m.states);
    expect(maxRelError(m.mean, row.map(Number))).toBeLessThan(TOL);
  });

  it('transitionRatesByMonth = seqtrate(with.missing = TRUE, time.varying = TRUE), weighted', () => {
    const tv = transitionRatesByMonth(panel, { withMissing: true });
    const S = tv.states.length;
    // R stores the S x S x (T - 1) array column by column: from fastest, then to, then month
    const ours: number[] = [];
    tv.rates.forEach((m) => {
      for (let to = 0; to < S; to++) for (let from = 0; from < S; from++) ours.push(m[from * S + to]);
    });
    expect(maxRelError(ours, referenceColumns('trate_tv_missing.csv').rate)).toBeLessThan(TOL);
  });

  it('substitutionCosts with the missing state and its own cost = seqcost(with.missing = TRUE, miss.cost = ...)', () => {
    const cases: [string, Parameters<typeof substitutionCosts>[1]][] = [
      ['sm_trate_misscost3.csv', { method: 'TRATE', withMissing: true, missCost: 3 }],
      ['sm_constant_misscost.csv', { method: 'CONSTANT', cval: 1.5, withMissing: true, missCost: 0.5 }],
    ];
    for (const [file, options] of cases) {
      const [header, ...rows] = readReference(file);
      const sc = substitutionCosts(panel, options);
      expect(header).toEqual([...sc.states]);
      expect(maxRelError(sc.sm, rows.flatMap((r) => r.map(Number))), file).toBeLessThan(TOL);
    }
  });
});
