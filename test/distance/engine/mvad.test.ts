import { describe, expect, it } from 'vitest';
import { omCondensed } from '../../../src/distance/engine/index.js';
import { substitutionCosts } from '../../../src/distance/costs.js';
import { distanceAt } from '../../../src/distance/matrix.js';
import { distinctSequences } from '../../../src/sequences/distinct.js';
import { hasFixtures, loadMvad, readMatrix } from '../../helpers/fixtures.js';

// TraMineR: seqdist(mvad, method = "OM", indel = 1, sm = seqsubm(mvad, "TRATE")).
// TRATE costs come from the library (substitutionCosts) at full precision rather
// than from mvad_sm_trate.csv, which is rounded to 12 digits.
describe.skipIf(!hasFixtures)('mvad OM/TRATE parity with TraMineR', () => {
  it('matches mvad_om_trate_indel1.csv to 1e-9', async () => {
    const seqs = loadMvad();
    const { n, t, codes } = seqs;
    const s = seqs.alphabet.codes.length;
    const { sm } = substitutionCosts(seqs, { method: 'TRATE' });
    const fixtureSm = readMatrix('mvad_sm_trate.csv'); // header row and column are NaN
    for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) expect(Math.abs(sm[i * s + j] - fixtureSm[i + 1][j + 1])).toBeLessThan(1e-11);

    const distinct = distinctSequences(seqs);
    const d = distinct.firstRow.length;
    const dc = new Uint8Array(d * t);
    distinct.firstRow.forEach((r, q) => dc.set(codes.subarray(r * t, r * t + t), q * t));
    const values = await omCondensed({ codes: dc, t, lengths: new Int32Array(d).fill(t), nStates: s, sm, indel: new Float64Array(s).fill(1) });

    const expected = readMatrix('mvad_om_trate_indel1.csv');
    const map = distinct.rowToDistinct;
    const m = { n: d, values };
    let max = 0;
    let maxRel = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const e = Math.abs(distanceAt(m, map[i], map[j]) - expected[i][j]);
        max = Math.max(max, e);
        if (e > 0) maxRel = Math.max(maxRel, e / expected[i][j]);
      }
    }
    // The fixture has 12 significant digits, so ~5e-10 absolute is its own rounding.
    console.log(`mvad OM/TRATE: ${d} distinct of ${n}, max |loopbaan - TraMineR| = ${max.toExponential(2)} (relative ${maxRel.toExponential(2)})`);
    expect(max).toBeLessThan(1e-9);
    expect(maxRel).toBeLessThan(1e-11);
  });
});
