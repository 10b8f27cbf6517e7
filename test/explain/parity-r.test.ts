// Parity with references made by test/fixtures-r/explain/make.R (TraMineR 2.2-12, full precision):
// trees with categorical, numeric and missing covariates and weights; weighted discrepancy analysis;
// representative sequences by every criterion.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  discrepancy, discrepancyAssociation, discrepancyTree, multiFactorDiscrepancy, sequenceRepresentatives, treeNodes,
  type StateSequences,
} from '../../src/index.js';
import { hasFixtures } from '../helpers/fixtures.js';
import { mvadExtra, mvadOm, readRRows, relativeError } from './helpers.js';

describe.skipIf(!hasFixtures)('explain parity with R references (make.R)', () => {
  let seqs: StateSequences;
  let diss: Awaited<ReturnType<typeof mvadOm>>['diss'];
  let cov: Record<string, unknown[]>;
  const weights = () => Array.from(seqs.covariates.array('weight') as ArrayLike<unknown>, Number);
  beforeAll(async () => {
    ({ seqs, diss } = await mvadOm());
    cov = mvadExtra(seqs);
  });

  const trees: [string, string, string[], Record<string, unknown>][] = [
    ['mvad_tree_depth3_nodes.csv', 'depth3', ['male', 'funemp', 'gcse5eq', 'Grammar', 'fmpr'], { maxDepth: 3 }],
    ['mvad_tree_region_x5_nodes.csv', 'region_x5', ['region', 'x5', 'gcse5eq', 'male'], { maxDepth: 4 }],
    ['mvad_tree_weighted_nodes.csv', 'weighted', ['region', 'x5', 'gcse5eq'], { maxDepth: 3, minSize: 0.1, weighted: true }],
  ];
  for (const [file, name, names, opts] of trees) {
    it(`tree ${name}: every node's size, discrepancy, medoid and split; global R2`, async () => {
      const covariates = Object.fromEntries(names.map((v) => [v, cov[v]]));
      const tree = await discrepancyTree(diss, covariates, {
        permutations: 1, maxDepth: opts.maxDepth as number, minSize: (opts.minSize as number) ?? 0.05,
        weights: opts.weighted ? weights() : undefined,
      });
      const [, ...ref] = readRRows(file);
      let nodes = treeNodes(tree);
      expect(nodes.length).toBe(ref.length);
      if (opts.weighted) {
        // with non-integer weights a split and its mirror image tie to rounding, so which side
        // R lists first is noise: match nodes by size instead of by position
        nodes = ref.map((r) => nodes.reduce((a, b) => (Math.abs(b.n - Number(r[2])) < Math.abs(a.n - Number(r[2])) ? b : a)));
      }
      let worst = 0;
      ref.forEach(([id, depth, n, vardis, medoid, variable, R2, left, naGroup], k) => {
        const node = nodes[k];
        expect([opts.weighted ? Number(id) : node.id, node.depth, node.medoid + 1]).toEqual([Number(id), Number(depth), Number(medoid)]);
        worst = Math.max(worst, relativeError(node.n, Number(n)), relativeError(node.discrepancy, Number(vardis)));
        expect(node.split?.variable ?? '').toBe(variable);
        if (node.split) {
          worst = Math.max(worst, relativeError(node.split.R2, Number(R2)));
          const shown = node.split.breaks !== undefined ? `<= ${node.split.breaks}` : node.split.left.join(';');
          if (opts.weighted && node.split.breaks === undefined) expect([shown, node.split.right.join(';')]).toContain(left);
          else {
            expect(shown).toBe(left);
            expect(String(node.split.naGroup ?? '')).toBe(naGroup);
          }
        }
      });
      const [, ...r2] = readRRows('mvad_tree_r2.csv');
      worst = Math.max(worst, relativeError(tree.R2, Number(r2.find((r) => r[0] === name)![1])));
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('weighted dissassoc, dissvar (weighted, squared) and dissmfacw', async () => {
    const a = await discrepancyAssociation(diss, cov.region, { weights: weights(), permutations: 1 });
    let worst = 0;
    for (const [stat, value] of readRRows('mvad_dissassoc_region_weighted.csv').slice(1)) {
      worst = Math.max(worst, relativeError(a.statistics.find((s) => s.name === stat)!.value, Number(value)));
    }
    readRRows('mvad_dissassoc_region_weighted_groups.csv').slice(1).forEach(([level, n, disc], g) => {
      expect(a.groups[g].level).toBe(level);
      worst = Math.max(worst, relativeError(a.groups[g].n, Number(n)), relativeError(a.groups[g].discrepancy, Number(disc)));
    });
    const [, [total, squared]] = readRRows('mvad_dissvar_weighted_squared.csv');
    worst = Math.max(worst, relativeError(discrepancy(diss, { weights: weights() }), Number(total)), relativeError(discrepancy(diss, { squared: true }), Number(squared)));
    const mf = await multiFactorDiscrepancy(diss, { region: cov.region, male: cov.male, gcse5eq: cov.gcse5eq }, { weights: weights(), permutations: 1 });
    readRRows('mvad_dissmfacw_weighted.csv').slice(1).forEach(([variable, F, R2], j) => {
      expect(mf.rows[j].variable).toBe(variable);
      worst = Math.max(worst, relativeError(mf.rows[j].pseudoF, Number(F)), relativeError(mf.rows[j].pseudoR2, Number(R2)));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  const reps: [string, Record<string, unknown>][] = [
    ['mvad_seqrep_mscore_cov0.25.csv', { criterion: 'mscore', coverage: 0.25 }],
    ['mvad_seqrep_prob_cov0.25.csv', { criterion: 'prob', coverage: 0.25 }],
    ['mvad_seqrep_density_nrep5_pradius0.05.csv', { criterion: 'density', nrep: 5, pradius: 0.05 }],
    ['mvad_seqrep_dist_cov0.25_total.csv', { criterion: 'dist', coverage: 0.25 }],
    ['mvad_seqrep_density_weighted_cov0.3.csv', { criterion: 'density', coverage: 0.3, weighted: true }],
  ];
  for (const [file, opts] of reps) {
    it(`seqrep ${file}: the same rows and statistics, total included`, () => {
      const s = opts.weighted ? { ...seqs, weights: Float64Array.from(weights()) } : seqs;
      const r = sequenceRepresentatives(s, diss, { ...opts, weighted: opts.weighted === true } as never);
      const ref = readRRows(file).slice(1);
      expect(Array.from(r.rows, (x) => x + 1)).toEqual(ref.slice(0, -1).map((row) => Number(row[0])));
      let worst = 0;
      ref.forEach((row, k) => {
        const st = r.statistics[k];
        [st.na, st.nb, st.SD, st.MD, st.DC, st.V, st.Q].forEach((v, j) => (worst = Math.max(worst, relativeError(v, Number(row[j + 1])))));
      });
      expect(worst).toBeLessThan(1e-9);
    });
  }
});
