import { describe, expect, it } from 'vitest';
import { compareWithPublished, runJobcoachStudy } from '../../src/index.js';

// The study A pipeline on the default synthetic panel (25,000 persons, seed 1),
// in memory: the typology recovers the latent groups, and every published
// figure, the cluster shares and profiles included, is within the calibration
// tolerances (shares and percentages ±3 points, means ±10%).
describe('the study A pipeline on the default synthetic panel', () => {
  it('recovers the four latent groups and the published figures', async () => {
    const { results } = await runJobcoachStudy({});
    expect(results.n_persons).toBe(25_000);
    expect(results.clusters.ari_vs_true_group).toBeGreaterThan(0.9); // measured 0.950

    const rows = compareWithPublished(results);
    expect(rows.filter((r) => r.key.includes('clusters.'))).toHaveLength(12);
    const misses = rows
      .filter((r) => r.value === null || Math.abs(r.value - r.published) > (r.unit === '%' ? 3 : 0.1 * r.published))
      .map((r) => `${r.key}: ${r.value} vs ${r.published}`);
    expect(misses).toEqual([]);
  }, 300_000);
});
