import { beforeAll, describe, expect, it } from 'vitest';
import {
  discrepancy, discrepancyAssociation, discrepancyTree, formatTree, multiFactorDiscrepancy, sequenceRepresentatives, type StateSequences,
} from '../../src/index.js';
import { hasFixtures2, mvadOm, readFixture2, readFixture2Rows, relativeError } from './helpers.js';

describe.skipIf(!hasFixtures2)('mvad: discrepancy analysis equals TraMineR', () => {
  let seqs: StateSequences;
  let diss: Awaited<ReturnType<typeof mvadOm>>['diss'];
  beforeAll(async () => {
    ({ seqs, diss } = await mvadOm());
  });

  it('dissvar', () => {
    const [, [value]] = readFixture2Rows('mvad_dissvar.csv');
    const err = relativeError(discrepancy(diss), Number(value));
    console.log('dissvar rel err', err);
    expect(err).toBeLessThan(1e-9);
  });

  it('dissassoc: pseudo F, Fbf, R2, Bartlett, Levene', async () => {
    const ref = readFixture2Rows('mvad_dissassoc.csv').slice(1);
    const a = await discrepancyAssociation(diss, seqs.covariates.array('gcse5eq') as string[], { permutations: 1 });
    for (const [name, value] of ref) {
      const s = a.statistics.find((x) => x.name === name)!;
      const err = relativeError(s.value, Number(value));
      console.log(name, s.value, value, err);
      expect(err).toBeLessThan(1e-9);
    }
  });

  it('dissmfacw', async () => {
    const ref = readFixture2Rows('mvad_dissmfacw.csv').slice(1);
    const names = ['male', 'funemp', 'gcse5eq', 'Grammar', 'fmpr'];
    const covariates = Object.fromEntries(names.map((v) => [v, seqs.covariates.array(v) as string[]]));
    const mf = await multiFactorDiscrepancy(diss, covariates, { permutations: 1 });
    ref.forEach(([variable, F, R2], j) => {
      const row = mf.rows[j];
      expect(row.variable).toBe(variable);
      console.log(variable, relativeError(row.pseudoF, Number(F)), relativeError(row.pseudoR2, Number(R2)));
      expect(relativeError(row.pseudoF, Number(F))).toBeLessThan(1e-9);
      expect(relativeError(row.pseudoR2, Number(R2))).toBeLessThan(1e-9);
    });
  });
});

describe.skipIf(!hasFixtures2)('mvad: dissimilarity tree equals TraMineR (R = 1, pval = 1, max.depth = 3)', () => {
  it('prints R\'s tree: splits, sizes, discrepancies, medoids, global R2', async () => {
    const { seqs, diss } = await mvadOm();
    const names = ['male', 'funemp', 'gcse5eq', 'Grammar', 'fmpr'];
    const covariates = Object.fromEntries(names.map((v) => [v, seqs.covariates.array(v) as string[]]));
    const tree = await discrepancyTree(diss, covariates, { permutations: 1, pValue: 1, maxDepth: 3, minSize: 0.05 });
    expect(formatTree(tree, { response: 'om' })).toBe(readFixture2('mvad_disstree_depth3.txt'));
    console.log('tree R2', tree.R2);
  });
});

describe.skipIf(!hasFixtures2)('mvad: representative sequences equal TraMineR (coverage 0.25)', () => {
  for (const criterion of ['density', 'freq', 'dist'] as const) {
    it(`${criterion}: the same rows, na, nb, SD, MD, DC, V, Q`, async () => {
      const { seqs, diss } = await mvadOm();
      const r = sequenceRepresentatives(seqs, diss, { criterion, coverage: 0.25 });
      const ref = readFixture2Rows(`mvad_seqrep_${criterion}_cov0.25.csv`).slice(1);
      expect(Array.from(r.rows, (x) => x + 1)).toEqual(ref.map((row) => Number(row[0])));
      let worst = 0;
      ref.forEach((row, k) => {
        const s = r.statistics[k];
        [s.na, s.naPct, s.nb, s.nbPct, s.SD, s.MD, s.DC, s.V, s.Q].forEach((v, j) => (worst = Math.max(worst, relativeError(v, Number(row[j + 1])))));
      });
      console.log(`seqrep ${criterion}: ${r.rows.length} representatives, worst relative error ${worst}`);
      expect(worst).toBeLessThan(1e-9);
    });
  }
});
