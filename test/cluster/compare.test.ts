import { describe, expect, it } from 'vitest';
import { compareClusterings, distances, selectRows, substitutionCosts } from '../../src/index.js';
import { hasFixtures, loadMvad } from '../helpers/fixtures.js';
import { readRRows, relativeError } from '../explain/helpers.js';
import { lineDistances } from './helpers.js';

describe('compareClusterings (wcCmpCluster)', () => {
  it('one row per method and k; the best per index', () => {
    const m = lineDistances([0, 1, 2, 10, 11, 12, 30, 31]);
    const cmp = compareClusterings(m, { kmax: 4, methods: ['ward.D', 'single'] });
    expect(cmp.methods).toEqual(['ward.D', 'pam.ward.D', 'single', 'pam.single']);
    expect(cmp.table.length).toBe(4 * 3);
    const top = Math.max(...cmp.table.map((r) => r.ASW));
    expect(cmp.best.ASW.value).toBe(top);
    expect(cmp.table.find((r) => r.ASW === top)).toMatchObject({ method: cmp.best.ASW.method, k: cmp.best.ASW.k });
  });
});

describe.skipIf(!hasFixtures)('mvad: compareClusterings equals WeightedCluster wcCmpCluster (distinct sequences, weights)', () => {
  it('every deterministic method, k = 2..6, ten indices', async () => {
    const seqs = loadMvad();
    const agg = readRRows('mvad_aggregate.csv').slice(1);
    const rows = agg.map((r) => Number(r[0]) - 1);
    const weights = agg.map((r) => Number(r[1]));
    // TRATE costs of all 712 sequences, as R computed them on the full set
    const full = substitutionCosts(seqs, { method: 'TRATE' });
    const m = await distances(selectRows(seqs, rows), { method: 'OM', sm: full, indel: 1, threads: 1 });
    const cmp = compareClusterings(m, { weights, kmax: 6 });
    const ref = readRRows('mvad_wccmpcluster.csv');
    const header = ref[0];
    const worst: Record<string, number> = {};
    for (const row of ref.slice(1)) {
      const [method, k] = [row[0], Number(row[1])];
      // pam.<linkage>: k-medoids from each cut; pam: from BUILD (wcKMedoids' one pass)
      if (method === 'mcquitty') continue;
      const ours = cmp.table.find((t) => t.method === method && t.k === k)!;
      for (let c = 2; c < header.length; c++) {
        const index = header[c] as 'ASW';
        worst[method] = Math.max(worst[method] ?? 0, relativeError(ours[index], Number(row[c])));
      }
    }
    // wcCmpCluster clusters with fastcluster's hclust, whose mcquitty merges tied distances in
    // another order than stats::hclust (its cuts differ at k >= 4); mcquitty is checked against
    // stats::hclust + as.clustrange below
    const [head, ...mq] = readRRows('mvad_mcquitty_clustrange.csv');
    worst.mcquitty = 0;
    for (const row of mq) {
      const ours = cmp.table.find((t) => t.method === 'mcquitty' && t.k === Number(row[0]))!;
      for (let c = 1; c < head.length; c++) worst.mcquitty = Math.max(worst.mcquitty, relativeError(ours[head[c] as 'ASW'], Number(row[c])));
    }
    expect(Object.keys(worst)).toHaveLength(17);
    for (const [method, err] of Object.entries(worst)) expect(err, method).toBeLessThan(1e-9);
  });
});
