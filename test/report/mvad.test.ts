import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runMvadStudy, type MvadStudy } from '../../src/index.js';
import { QUALITY_INDICES } from '../../src/cluster/quality.js';
import { fixturePath, hasFixtures, readFixtureRows } from '../helpers/fixtures.js';

describe.skipIf(!hasFixtures)('mvad report (TraMineR OM/TRATE, Ward, k = 4)', () => {
  let study: MvadStudy;
  let dir: string;
  let stdout = '';
  let code: number;

  beforeAll(async () => {
    study = await runMvadStudy({ input: fixturePath('mvad.csv'), threads: 1 });
    dir = await mkdtemp(join(tmpdir(), 'loopbaan-mvad-'));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    try {
      code = await main(['report', 'mvad', '--input', fixturePath('mvad.csv'), '--out', dir, '--quiet', '--threads', '1']);
    } finally {
      write.mockRestore();
    }
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gives R cutree(hclust(om, "ward.D"), 4) for every person', () => {
    const [, ...rows] = readFixtureRows('mvad_om_wardD_cut.csv');
    expect(Array.from(study.typology.labels)).toEqual(rows.map((r) => Number(r[3])));
    expect(study.results.clusters.map((c) => c.n)).toEqual([261, 151, 198, 102]);
  });

  it('gives the as.clustrange quality table to 1e-9', () => {
    const [header, ...rows] = readFixtureRows('mvad_om_wardD_quality.csv');
    rows.forEach((row, r) => {
      for (const q of QUALITY_INDICES) expect(study.typology.range.quality[r][q]).toBeCloseTo(Number(row[header.indexOf(q)]), 9);
    });
  });

  it('writes the report from the command line', async () => {
    expect(code).toBe(0);
    expect(stdout).toMatch(/index\.html: 712 sequences, k = 4, sizes 261, 151, 198, 102/);
    for (const f of ['index.html', 'results.json', 'figures/clusters.svg', 'figures/clusters.png', 'figures/cluster-quality.png', 'tables/cluster-quality.csv', 'tables/cluster-sizes.csv']) {
      expect(existsSync(join(dir, f))).toBe(true);
    }
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect((html.match(/<figure><svg/g) ?? []).length).toBe(2);
    expect(html).toContain('Sep.93..Jun.99'.slice(0, 6));
  });
});

describe('loopbaan report: argument errors (exit 2, one line)', () => {
  const scratch = join(tmpdir(), `loopbaan-report-args-${process.pid}`);
  afterAll(() => rm(scratch, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    let err = '';
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    try {
      return { code: await main(args), err };
    } finally {
      write.mockRestore();
    }
  };

  it.each([
    [['report'], /expected a study/],
    [['report', 'nope'], /expected a study/],
    [['report', 'jobcoach', '--persons', 'p.csv'], /both --persons and --months/],
    [['report', 'jobcoach', '--lang', 'fr'], /--lang must be en or nl/],
    [['report', 'jobcoach', '--k', '3'], /--k must be a whole number >= 4/],
    [['report', 'jobcoach', '--refine', 'kmeans'], /--refine must be none or pam/],
    [['report', 'mvad'], /missing required option --input/],
    // the synthetic panel is written to DIR/data before the window is checked: a scratch DIR
    [['report', 'jobcoach', '--n', '300', '--window', '90', '--quiet', '--out', scratch], /window: expected 2\.\.84 months; got 90/],
    [['report', 'jobcoach', '--n', '300', '--exit-states', 'work', '--quiet', '--out', scratch], /"work" is a working state/],
    [['report', 'jobcoach', '--persons', '/nonexistent/p.csv', '--months', '/nonexistent/m.csv', '--quiet'], /p\.csv/],
  ])('%j', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
