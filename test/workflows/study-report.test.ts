import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { QUALITY_INDICES } from '../../src/cluster/quality.js';
import type { StudyResults } from '../../src/index.js';
import { writeJobcoachPanel } from '../../src/simulate/write.js';
import { builtinStudy, studyReport } from '../../src/workflows/study-report.js';
import { fixture2Path, fixturePath, hasFixtures, hasFixtures2, readFixture2Rows, readFixtureRows } from '../helpers/fixtures.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'loopbaan-study-report-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Run the CLI, collecting stdout and stderr. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe.skipIf(!hasFixtures)('report mvad (studies/mvad.json: TraMineR OM/TRATE, Ward on all rows, k = 4)', () => {
  let results: StudyResults;
  let out: string;
  beforeAll(async () => {
    out = join(scratch, 'mvad');
    const r = await run(['report', 'mvad', '--input', fixturePath('mvad.csv'), '--out', out, '--quiet', '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/index\.html: 712 persons, 4 groups/);
    results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  });

  it('gives R cutree(hclust(om, "ward.D"), 4) for every person', () => {
    const [, ...rows] = readFixtureRows('mvad_om_wardD_cut.csv');
    expect(results.labels!.map((l) => l.cluster)).toEqual(rows.map((r) => Number(r[3])));
    expect(results.clusters.groups.map((g) => g.n)).toEqual([261, 151, 198, 102]);
  });

  it('gives the as.clustrange quality table (to the 6 decimals of results.json)', () => {
    const [header, ...rows] = readFixtureRows('mvad_om_wardD_quality.csv');
    rows.forEach((row, r) => {
      for (const q of QUALITY_INDICES) expect(results.cluster_quality[r][q]).toBeCloseTo(Number(row[header.indexOf(q)]), 5);
    });
  });

  it.skipIf(!hasFixtures2)('explains the typology as TraMineR: dissassoc by gcse5eq, dissmfacw and the depth-3 disstree (to the 6 decimals of results.json)', async () => {
    const d = results.discrepancy!;
    const [, ...stats] = readFixture2Rows('mvad_dissassoc.csv');
    const keys = { 'Pseudo F': 'pseudo_f', 'Pseudo Fbf': 'pseudo_fbf', 'Pseudo R2': 'pseudo_r2', Bartlett: 'bartlett', Levene: 'levene' } as const;
    for (const [name, value] of stats) expect(d.covariates.gcse5eq.statistics[keys[name as keyof typeof keys]].value).toBeCloseTo(Number(value), 6);
    const [, ...mfac] = readFixture2Rows('mvad_dissmfacw.csv');
    expect(Object.keys(d.multi_factor!.terms)).toEqual(mfac.map((r) => r[0]));
    for (const [variable, f, r2] of mfac) {
      expect(d.multi_factor!.terms[variable].pseudo_f).toBeCloseTo(Number(f), 6);
      expect(d.multi_factor!.terms[variable].pseudo_r2).toBeCloseTo(Number(r2), 6);
    }
    // studies/mvad.json tests each split with 1,000 permutations (pval 0.05): every split of R's untested tree (R = 1) passes
    const printed = (await readFile(fixture2Path('mvad_disstree_depth3.txt'), 'utf8')).split('\n');
    const nodes = printed.flatMap((l) => [...l.matchAll(/\(n: (\d+) disc: ([\d.]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    const t = results.tree!;
    expect(t.nodes.map((x) => [x.n, Number(x.discrepancy!.toPrecision(5))])).toEqual(nodes);
    expect(t.nodes.filter((x) => x.split).map((x) => [x.split!.variable, Number(x.split!.r2!.toPrecision(5))])).toEqual(
      printed.flatMap((l) => [...l.matchAll(/\|-> (\w+) ([\d.]+)/g)].map((m) => [m[1], Number(m[2])])),
    );
    expect(Number(t.r2!.toPrecision(5))).toBe(Number(/Global R2: ([\d.]+)/.exec(printed.join('\n'))![1]));
    expect(t.nodes.every((x) => !x.split || x.split.p_value! <= 0.05)).toBe(true);
  });

  it('writes a page about the mvad data with its figures and tables', async () => {
    for (const f of ['index.html', 'figures/clusters.svg', 'figures/clusters.png', 'figures/ward-tree.svg', 'figures/cluster-quality.png', 'tables/cluster-quality.csv', 'tables/clusters.csv',
      'figures/discrepancy-tree.svg', 'tables/discrepancy.csv', 'tables/tree-nodes.csv']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<h1>The mvad typology</h1>');
    expect(html).not.toMatch(/jobcoach/i);
  });
});

describe('loopbaan report: bad options and study files (exit 2, one line naming the key)', () => {
  const study = (body: object) => {
    const path = join(scratch, `study-${Math.random().toString(36).slice(2)}.json`);
    return writeFile(path, JSON.stringify(body)).then(() => path);
  };
  const states = [{ code: 'trial', role: 'unpaid' }, { code: 'work_jc', role: 'paid' }, { code: 'work', role: 'paid' }, { code: 'none', role: 'none' }];
  let panel: { persons: string; months: string };
  beforeAll(async () => {
    const { writeJobcoachPanel } = await import('../../src/index.js');
    panel = await writeJobcoachPanel(join(scratch, 'panel'), { n: 300, seed: 2 });
  });

  it.each([
    [['report'], /give --study FILE/],
    [['report', 'nope'], /expected --study FILE, or a built-in study/],
    [['report', 'jobcoach', '--persons', 'p.csv'], /--months: is required with --persons/],
    [['report', 'jobcoach', '--lang', 'fr'], /--lang: must be en or nl/],
    [['report', 'jobcoach', '--refine', 'kmeans'], /--refine: must be none or pam/],
    [['report', 'jobcoach', '--figure-width', '3in'], /--figure-width: must be a width in cm/],
    [['report', 'mvad'], /give the panel/],
    [['report', 'jobcoach', '--permutations', '100'], /--permutations: the study file asks for no discrepancy analysis or tree/],
    [['report', 'mvad', '--permutations', '0'], /--permutations/],
    [['report', 'jobcoach', '--persons', '/nonexistent/p.csv', '--months', '/nonexistent/m.csv', '--quiet'], /p\.csv/],
  ])('%j', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [{ title: 'x', states, colour: 1 }, /key colour: unknown key; expected one of title, /],
    [{ title: 'x', states: states.slice(0, 3) }, /key states: the data have the state "none", which the study file does not list/],
    [{ title: 'x', states, analyses: ['jobLoss'], time: { align: 'start' } }, /^$/],
    [{ title: 'x', states: states.map((s) => ({ code: s.code })), analyses: ['jobLoss'] }, /key analyses: jobLoss needs a state with role paid or unpaid/],
    [{ title: 'x', states, time: { align: 'start', window: 200 } }, /key time\.window: expected 2\.\.\d+ months/],
    [{ title: 'x', states, groupBy: 'region' }, /key groupBy: the person data have no column "region"/],
    [{ title: 'x', states, discrepancy: { covariates: ['sex', 'nope'] } }, /key discrepancy\.covariates\[1\]: the person data have no column "nope"; expected one of /],
    [{ title: 'x', states, tree: { maxDepth: 2 } }, /key tree: needs covariates; name person columns in its covariates, or list them in covariates/],
    [{ title: 'x', states, tree: { pval: 0 } }, /key tree\.pval: must be > 0; got 0/],
    [{ title: 'x', states, clusters: { k: 2, names: [{ key: 'a', label: 'a', highest: 'changesPerYear' }, { key: 'b', label: 'b', highest: 'changesPerYear' }, { key: 'c', label: 'c', highest: 'changesPerYear' }] } }, /key clusters\.k: 2 clusters cannot carry the 3 names/],
  ])('study file %#', async (body, message) => {
    const path = await study(body);
    const { code, err } = await run(['report', '--study', path, '--months', panel.months, '--persons', panel.persons, '--out', join(scratch, 'bad'), '--quiet', '--threads', '1', ...('clusters' in body ? [] : ['--k', '3'])]);
    if (message.source === '^$') {
      expect(code).toBe(0);
      return;
    }
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^loopbaan report: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it.each([8.5, 17])('prints every figure at %s cm with text of at least 8 pt (legends under the panels fit the width)', async (cm) => {
    const out = join(scratch, `print-${cm}`);
    const r = await run(['report', 'jobcoach', '--months', panel.months, '--persons', panel.persons, '--out', out, '--quiet', '--threads', '1', '--figure-width', `${cm}cm`]);
    expect(r.code).toBe(0);
    const figures = (await readdir(join(out, 'figures'))).filter((f) => f.endsWith('.svg'));
    expect(figures.length).toBeGreaterThanOrEqual(5);
    for (const f of figures) {
      const svg = await readFile(join(out, 'figures', f), 'utf8');
      const units = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
      // text drawn at 8 units prints at 8 pt x (print width in pt / drawing width)
      expect({ f, pt: (8 * cm * 72) / 2.54 / units }).toEqual({ f, pt: expect.toSatisfy((pt: number) => pt >= 7.995) });
    }
  });

  it('warns about a listed state the data do not have, and lists analyses that cannot run on the page', async () => {
    const path = await study({ title: 'x', states: [...states, { code: 'sheltered', role: 'sheltered' }], time: { align: 'start' }, attributes: { outcomes: ['bonus'] } });
    const out = join(scratch, 'warn');
    const r = await run(['report', '--study', path, '--months', panel.months, '--persons', panel.persons, '--out', out, '--threads', '1', '--k', '3']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: states: "sheltered" does not occur in the data');
    const results: StudyResults = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.analyses.skipped.map((s) => s.analysis)).toEqual(['indexNumbers', 'profiles']);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('Not run on this panel:');
    expect(html).toContain('index numbers: needs a numeric person-month column; the data have none of bonus (attributes.outcomes)');
  });
});

describe('a study report from Parquet files', () => {
  it('is the report of the same panel in CSV', async () => {
    const csv = await writeJobcoachPanel(join(scratch, 'panel-csv'), { n: 300, seed: 4 });
    const parquet = await writeJobcoachPanel(join(scratch, 'panel-parquet'), { n: 300, seed: 4, format: 'parquet' });
    const study = await builtinStudy('jobcoach');
    const report = (files: { months: string; persons: string }, out: string) => studyReport({ study, ...files, out: join(scratch, out), threads: 1 });
    const [a, b] = [await report(csv, 'from-csv'), await report(parquet, 'from-parquet')];
    expect(b.computation.sequences.weights).toEqual(a.computation.sequences.weights);
    const { source: _s, ingest: _i, ...rest } = b.computation.results;
    const { source: _t, ingest: _j, ...expected } = a.computation.results;
    expect(rest).toEqual(expected);
  });
});
