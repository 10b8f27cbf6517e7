// Gaps as an extra state (TraMineR with.missing): hand-computed costs and parity on mvad_missing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { distanceAt, distances, selectRows, type DistanceMatrix, type DistanceOptions, type StateSequences } from '../../src/index.js';
import { fixture2Path, hasFixtures2, loadWide2, readMatrix2 } from '../helpers/fixtures.js';
import { loadPanel, maxRelError, referenceColumns } from '../helpers/r-references.js';
import { maxRelativeError } from './helpers.js';

describe.skipIf(!hasFixtures2)('TraMineR parity on mvad with 2,500 missing cells', () => {
  let seqs: StateSequences;
  beforeAll(() => {
    seqs = loadWide2('mvad_missing.csv');
  });

  test('OM, CONSTANT costs, indel 1 = seqdist(with.missing = TRUE)', async () => {
    const d = await distances(seqs, { method: 'OM', sm: 'CONSTANT', indel: 1, withMissing: true });
    const err = maxRelativeError(d, readMatrix2('mvad_missing_om_const.csv.gz'));
    console.log(`mvad_missing_om_const: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });
});

describe('TraMineR parity with gaps and censoring, every method (test/fixtures-r/dist_missing*.csv)', () => {
  const panel = loadPanel();
  const first40 = selectRows(panel, Array.from({ length: 40 }, (_, i) => i));
  /** The lower triangle column by column, as R's m[lower.tri(m)]. */
  const lowerTriangle = (m: DistanceMatrix) => {
    const out: number[] = [];
    for (let j = 0; j < m.n; j++) for (let i = j + 1; i < m.n; i++) out.push(distanceAt(m, i, j));
    return out;
  };
  const ref = referenceColumns('dist_missing.csv');
  const cases: [string, DistanceOptions][] = [
    ['om_trate', { method: 'OM', sm: 'TRATE' }],
    ['om_trate_auto', { method: 'OM', sm: 'TRATE', indel: 1.5, norm: 'auto' }],
    ['om_indels', { method: 'OM', sm: 'INDELS' }],
    ['om_indelslog', { method: 'OM', sm: 'INDELSLOG' }],
    ['lcs', { method: 'LCS' }], ['lcp', { method: 'LCP' }], ['rlcp', { method: 'RLCP' }],
    ['omspell', { method: 'OMspell', sm: 'TRATE', expcost: 0.5 }],
    ['twed', { method: 'TWED', sm: 'TRATE', nu: 0.5 }],
    ['chi2', { method: 'CHI2', step: 4 }], ['euclid', { method: 'EUCLID', step: 4 }],
  ];
  test.each(cases)('%s', async (name, options) => {
    const err = maxRelError(lowerTriangle(await distances(first40, { ...options, withMissing: true })), ref[name]);
    console.log(`dist_missing ${name}: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });

  const more = referenceColumns('dist_missing_more.csv');
  const moreCases: [string, DistanceOptions][] = [
    ['omloc', { method: 'OMloc', sm: 'TRATE', expcost: 0.5, context: 0 }],
    ['omslen', { method: 'OMslen', sm: 'TRATE', link: 'mean', h: 0.5 }],
    ['omstran', { method: 'OMstran', sm: 'TRATE', otto: 0.1 }],
    ['nms', { method: 'NMS' }], ['nmsmst', { method: 'NMSMST' }], ['svrspell', { method: 'SVRspell' }],
    ['om_future', { method: 'OM', sm: 'FUTURE' }],
  ];
  test.each(moreCases)('%s', async (name, options) => {
    const err = maxRelError(lowerTriangle(await distances(first40, { ...options, withMissing: true })), more[name]);
    console.log(`dist_missing ${name}: max relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-9);
  });

  test('HAM, HAM/TRATE and DHD on the uncensored rows', async () => {
    const rows = referenceColumns('dist_missing_equal_rows.csv').row.map((r) => r - 1);
    const equal = selectRows(panel, rows);
    const refEqual = referenceColumns('dist_missing_equal.csv');
    const options: [string, DistanceOptions][] = [['ham', { method: 'HAM' }], ['ham_trate', { method: 'HAM', sm: 'TRATE' }], ['dhd', { method: 'DHD' }]];
    for (const [name, o] of options) {
      const err = maxRelError(lowerTriangle(await distances(equal, { ...o, withMissing: true })), refEqual[name]);
      console.log(`dist_missing ${name}: max relative error ${err.toExponential(2)}`);
      expect(err, name).toBeLessThan(1e-9);
    }
  });
});

describe.skipIf(!hasFixtures2)('loopbaan dist --with-missing on mvad with 2,500 missing cells', () => {
  test('OM, CONSTANT costs, indel 1 = seqdist(with.missing = TRUE)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'loopbaan-missing-')), 'om.csv');
    const code = await main(['dist', '--input', fixture2Path('mvad_missing.csv'), '--cols', 'Sep.93..Jun.99', '--method', 'OM',
      '--sm', 'CONSTANT', '--indel', '1', '--with-missing', '--out', out, '--quiet']);
    expect(code).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => line.split(',').map(Number));
    const reference = readMatrix2('mvad_missing_om_const.csv.gz');
    const err = maxRelError(rows.slice(0, reference.length).flat(), reference.flat());
    console.log(`dist --with-missing mvad_missing_om_const: max relative error ${err.toExponential(2)}`);
    expect(rows.length).toBe(712);
    expect(err).toBeLessThan(1e-9);
  });
});
