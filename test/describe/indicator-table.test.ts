// seqindic parity: every indicator against TraMineR on mvad (../shared) and on the project's own panel with gaps, censoring and weights.
import { describe, expect, it } from 'vitest';
import { indicatorTable, resolveIndicators, selectRows, type IndicatorTableOptions, type StateSequences } from '../../src/index.js';
import { hasFixtures2, loadMvad, readFixture2Rows } from '../helpers/fixtures.js';
import { loadPanel, maxRelError, readReference } from '../helpers/r-references.js';

const TOL = 1e-9;

/**
 * Compare every column of a reference table (header = TraMineR column names; a leading
 * "row" column is skipped); `stored`: the rounding of the reference file's values.
 */
function expectTable(name: string, rows: string[][], seqs: StateSequences, options: IndicatorTableOptions, stored = 0): void {
  const [header, ...body] = rows;
  const first = header[0] === 'row' ? 1 : 0;
  const table = indicatorTable(seqs, options);
  expect(table.columns).toEqual(header.slice(first));
  for (let c = first; c < header.length; c++) {
    const reference = body.map((r) => (r[c] === 'NA' ? NaN : Number(r[c])));
    const err = maxRelError(table.values[header[c] as keyof typeof table.values]!, reference, stored);
    console.log(`${name} ${header[c]}: max relative error ${err.toExponential(2)}`);
    expect(err, header[c]).toBeLessThan(TOL);
  }
}

const ALL18 = ['lgth', 'nonm', 'dlgth', 'visited', 'visitp', 'recu', 'trans', 'transp', 'meand', 'dustd', 'entr', 'volat', 'cplx', 'turb', 'turbn', 'turb2', 'turb2n', 'nsubs'];
// The shared seqindic files keep 12 decimals: differences up to half of their last digit are rounding.
const STORED = 5e-13;
const MVAD_RANKED = ['employment', 'HE', 'FE', 'school', 'training', 'joblessness'];

describe.skipIf(!hasFixtures2)('TraMineR parity on mvad (seqindic)', () => {
  it('mvad_seqindic: the 18 basic, diversity and complexity indicators', () => {
    expectTable('mvad_seqindic', readFixture2Rows('mvad_seqindic.csv'), loadMvad(), { indic: ALL18 }, STORED);
  });
  it('mvad_seqindic_binary: positive states employment and HE', () => {
    expectTable('mvad_seqindic_binary', readFixture2Rows('mvad_seqindic_binary.csv'), loadMvad(), {
      indic: ['ppos', 'nvolat', 'vpos', 'integr'], positive: { posStates: ['employment', 'HE'] },
    }, STORED);
  });
  it('mvad_seqindic_ranked: alphabet as state order, least precarious first', () => {
    const mvad = loadMvad();
    const ranked = { ...mvad, alphabet: { ...mvad.alphabet, codes: MVAD_RANKED } };
    const codes = mvad.codes.map((c) => MVAD_RANKED.indexOf(mvad.alphabet.codes[c]));
    expectTable('mvad_seqindic_ranked', readFixture2Rows('mvad_seqindic_ranked.csv'), { ...ranked, codes }, { indic: ['prec', 'insec', 'degrad'] }, STORED);
  });
});

describe('TraMineR parity on a panel with gaps, censoring and weights (test/fixtures-r)', () => {
  const panel = loadPanel();
  const all = ['all', 'meand2', 'dustd2'];
  const order5 = ['job', 'edu', 'train', 'inact', 'unemp'];
  const cases: [string, IndicatorTableOptions, StateSequences?][] = [
    ['indic_all.csv', { indic: all }],
    ['indic_all_missing.csv', { indic: all, withMissing: true }],
    ['indic_binary.csv', { indic: ['binary'], positive: { posStates: ['job', 'edu'] } }],
    ['indic_binary_missing.csv', { indic: ['binary'], positive: { posStates: ['job', 'edu'] }, withMissing: true }],
    ['indic_binary_neg.csv', { indic: ['binary'], positive: { posStates: ['job'], negStates: ['unemp', 'inact'], w: 0.3, pow: 2 } }],
    ['indic_ranked.csv', { indic: ['ranked'], ranked: { stateOrder: order5 } }],
    ['indic_ranked_unweighted.csv', { indic: ['ranked'], ranked: { stateOrder: order5 } }, loadPanel({ weighted: false })],
    ['indic_ranked_missing.csv', { indic: ['ranked'], withMissing: true }],
    ['indic_ranked_missing_order.csv', { indic: ['ranked'], withMissing: true, ranked: { stateOrder: order5 } }],
    ['indic_ranked_equiv.csv', { indic: ['ranked'], ranked: { stateOrder: ['job', 'edu', 'train', 'unemp'], stateEquiv: [['edu', 'train']] } }],
  ];
  it.each(cases)('%s', (file, options, seqs) => {
    expectTable(file, readReference(file), seqs ?? panel, options);
  });
});

describe('indicatorTable', () => {
  const panel = loadPanel();
  const options: IndicatorTableOptions = {
    indic: ['all', 'meand2', 'dustd2', 'binary', 'ranked'], positive: { posStates: ['job'] }, ranked: { stateOrder: ['job', 'edu', 'train', 'inact', 'unemp'] },
  };

  it('groups and aliases expand in seqindic order; unknown names are refused', () => {
    expect(resolveIndicators(['turb', 'visit', 'binary'])).toEqual(['visited', 'turb', 'ppos', 'nvolat', 'vpos', 'integr']);
    expect(indicatorTable(panel).columns).toEqual(['Visited', 'Trans', 'Entr', 'Cplx', 'Turb2n']);
    expect(() => indicatorTable(panel, { indic: ['entropy'] })).toThrow(/indic: unknown indicator\(s\) entropy/);
    expect(() => indicatorTable(panel, { indic: ['vpos'] })).toThrow(/positive states/);
  });

  it('values follow their rows when the rows are shuffled (ranked ones use rates over all rows)', () => {
    const order = Array.from({ length: panel.n }, (_, i) => (i * 37) % panel.n);
    const a = indicatorTable(panel, options);
    const b = indicatorTable(selectRows(panel, order), options);
    expect(b.ids).toEqual(order.map((i) => panel.ids[i]));
    for (const c of a.columns) {
      const err = maxRelError(b.values[c]!, order.map((i) => a.values[c]![i]));
      expect(err, c).toBeLessThan(1e-12);
    }
  });

  it('shares and normalised indicators stay in [0, 1]', () => {
    const t = indicatorTable(panel, options);
    for (const c of ['Visitp', 'Transp', 'Entr', 'Volat', 'Cplx', 'Turbn', 'Turb2n', 'Ppos', 'Nvolat', 'Vpos', 'Integr', 'Bad'] as const) {
      expect(t.values[c]!.every((x) => x >= 0 && x <= 1 + 1e-12), c).toBe(true);
    }
    expect(t.values.Degrad!.every((x) => x >= -1 && x <= 1)).toBe(true);
  });
});
