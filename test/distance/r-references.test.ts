// The distances and costs of issue 17 against the project's own TraMineR 2.2-12 references
// (test/fixtures-r/distances, README there): other parameter values, weights, censored
// sequences, gaps, lags, FEATURES costs and reference sequences. Committed: never skipped.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  distances, distancesToReferences, readWide, substitutionCosts,
  type DistanceOptions, type StateFeatures, type StateSequences,
} from '../../src/index.js';
import { letters, relativeError } from './helpers.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures-r/distances');
const TOLERANCE = 1e-9;

/** A reference CSV as named numeric columns. */
function columns(name: string): Record<string, number[]> {
  const [header, ...rows] = parse(readFileSync(resolve(dir, name), 'utf8')) as string[][];
  return Object.fromEntries(header.map((h, c) => [h, rows.map((r) => Number(r[c]))]));
}

async function panel(name: string): Promise<StateSequences> {
  return (await readWide(resolve(dir, name), { cols: 'm01..m20', id: 'id', weight: 'weight' })).sequences;
}

function worst(values: ArrayLike<number>, reference: number[]): number {
  expect(values.length).toBe(reference.length);
  let max = 0;
  for (let k = 0; k < reference.length; k++) max = Math.max(max, relativeError(values[k], reference[k]));
  return max;
}

const PROX = [[1, 0.5, 0.2, 0], [0.5, 1, 0.3, 0], [0.2, 0.3, 1, 0.4], [0, 0, 0.4, 1]];
const FEATURES: StateFeatures = {
  states: ['a', 'b', 'c', 'd'],
  features: [
    { name: 'hours', values: [40, 20, 0, 10], weight: 1 },
    { name: 'kind', values: ['work', 'work', 'school', 'none'], weight: 2 },
    { name: 'flag', values: [1, 0, 0, 1], type: 'asymm', weight: 0.5 },
    { name: 'size', values: [10, 100, 1000, 50], type: 'logratio', weight: 1 },
  ],
};

describe('TraMineR references on a censored, weighted panel (dist.csv, costs.csv)', () => {
  let s: StateSequences;
  beforeAll(async () => {
    s = await panel('panel.csv');
  });

  test('FUTURE lag 2, TRATE lag -1 and FEATURES costs', () => {
    const ref = columns('costs.csv');
    const indel = columns('costs_indel.csv');
    const cases: [string, ReturnType<typeof substitutionCosts>][] = [
      ['future_lag2', substitutionCosts(s, { method: 'FUTURE', lag: 2 })],
      ['trate_lag_minus1', substitutionCosts(s, { method: 'TRATE', lag: -1 })],
      ['features', substitutionCosts(s, { method: 'FEATURES', stateFeatures: FEATURES })],
    ];
    for (const [name, sc] of cases) {
      // R stores the matrix by column; the costs are symmetric
      expect(worst(sc.sm, ref[name])).toBeLessThan(TOLERANCE);
      expect(relativeError(sc.indel as number, indel[name][0])).toBeLessThan(TOLERANCE);
    }
  });

  const cases: [string, (s: StateSequences) => DistanceOptions][] = [
    ['omstran_prev_prob_auto', () => ({ method: 'OMstran', sm: 'TRATE', otto: 0.3, previous: true, transindel: 'prob', norm: 'auto' })],
    ['omstran_indelslog_noadd_subcost', () => ({ method: 'OMstran', sm: 'INDELSLOG', otto: 0.7, addColumn: false, transindel: 'subcost' })],
    ['omstran_constant_otto1', () => ({ method: 'OMstran', sm: 'CONSTANT', otto: 1, indel: 2 })],
    ['omloc_trate_auto', () => ({ method: 'OMloc', sm: 'TRATE', expcost: 0.2, norm: 'auto' })],
    ['omloc_future_maxdist', (x) => ({ method: 'OMloc', sm: substitutionCosts(x, { method: 'FUTURE' }), expcost: 0.5, context: 1, norm: 'maxdist' })],
    ['omslen_gmean_yujianbo', () => ({ method: 'OMslen', sm: 'TRATE', link: 'gmean', h: 1, norm: 'YujianBo' })],
    ['omslen_indels_h0_gmeannorm', () => ({ method: 'OMslen', sm: 'INDELS', link: 'mean', h: 0, norm: 'gmean' })],
    ['nms_prox_kweights', () => ({ method: 'NMS', prox: PROX, kweights: [1, 0.5, 0.25, ...new Array<number>(17).fill(0.1)] })],
    ['nms', () => ({ method: 'NMS' })],
    ['nmsmst_tpow_kweights', () => ({ method: 'NMSMST', tpow: 0.5, kweights: 2 })],
    ['svrspell_prox_tpow', () => ({ method: 'SVRspell', prox: PROX, tpow: 2 })],
    ['om_future_lag2', () => ({ method: 'OM', sm: 'FUTURE', lag: 2 })],
    ['om_trate_lag_minus1', () => ({ method: 'OM', sm: 'TRATE', lag: -1 })],
    ['om_features', () => ({ method: 'OM', sm: 'FEATURES', stateFeatures: FEATURES })],
  ];
  test.each(cases)('%s', async (name, options) => {
    const m = await distances(s, options(s));
    const err = worst(m.values, columns('dist.csv')[name]);
    expect(err).toBeLessThan(TOLERANCE);
  });

  test('distances to a reference sequence outside the data, and to a row', async () => {
    const ref = columns('refseq.csv');
    const outside = letters(['ccccccaaaaaaaa'], 'abcd');
    const to = (options: DistanceOptions) => distancesToReferences(s, outside, options);
    expect(worst(await to({ method: 'OMstran', sm: 'TRATE', otto: 0.3, norm: 'auto' }), ref.omstran_auto_ref)).toBeLessThan(TOLERANCE);
    expect(worst(await to({ method: 'OMloc', sm: 'TRATE' }), ref.omloc_ref)).toBeLessThan(TOLERANCE);
    expect(worst(await to({ method: 'OMslen', sm: 'TRATE' }), ref.omslen_ref)).toBeLessThan(TOLERANCE);
    expect(worst(await to({ method: 'SVRspell' }), ref.svrspell_ref)).toBeLessThan(TOLERANCE);
    expect(worst(await distancesToReferences(s, [4], { method: 'NMS' }), ref.nms_row5)).toBeLessThan(TOLERANCE);
  });
});

describe('TraMineR references with gaps as a state (dist_gaps.csv, with.missing = TRUE)', () => {
  const cases: [string, DistanceOptions][] = [
    ['omstran', { method: 'OMstran', sm: 'TRATE', otto: 0.5 }],
    ['omloc', { method: 'OMloc', sm: 'CONSTANT' }],
    ['omslen', { method: 'OMslen', sm: 'TRATE' }],
    ['nms', { method: 'NMS' }],
    ['nmsmst', { method: 'NMSMST' }],
    ['svrspell', { method: 'SVRspell' }],
    ['om_future', { method: 'OM', sm: 'FUTURE' }],
  ];
  test.each(cases)('%s', async (name, options) => {
    const s = await panel('panel_gaps.csv');
    const m = await distances(s, { ...options, withMissing: true });
    expect(worst(m.values, columns('dist_gaps.csv')[name])).toBeLessThan(TOLERANCE);
  });
});
