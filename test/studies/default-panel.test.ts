import { describe, expect, it } from 'vitest';
import { builtinStudy, comparePublished, computeStudy, simulateJobcoach } from '../../src/index.js';

// Study A (studies/jobcoach.json) on the default synthetic panel (25,000
// persons, seed 1), in memory: the typology recovers the latent groups, and
// every published figure, the cluster shares and Table 2 included, is within
// the calibration tolerances (shares and percentages ±3 points, means ±10%).
describe('the jobcoach study file on the default synthetic panel', () => {
  it('recovers the four latent groups and the published figures', async () => {
    const study = await builtinStudy('jobcoach');
    const { results } = await computeStudy(simulateJobcoach({ n: 25_000, seed: 1 }), study);
    expect(results.n_persons).toBe(25_000);
    expect(results.clusters.ari_vs_true_group).toBeGreaterThan(0.9); // measured 0.950

    const rows = comparePublished(study.published!.figures, results);
    const units = new Map(study.published!.figures.map((f) => [f.key, f.unit]));
    expect(rows.filter((r) => r.key.includes('clusters.'))).toHaveLength(12);
    const misses = rows
      .filter((r) => r.reproduced === null || Math.abs(r.difference!) > (units.get(r.key) === '%' ? 3 : 0.1 * r.published))
      .map((r) => `${r.key}: ${r.reproduced} vs ${r.published}`);
    expect(misses).toEqual([]);
  }, 600_000);
});
