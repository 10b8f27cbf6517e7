import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkStudyFile, discrepancyAssociation, discrepancyTree, distinctDistances, loadPanel, multiFactorDiscrepancy, num, renderReport, renderReportPage, studyDocument, studyReport, treeNodes,
  type StateSequences, type StudyFile, type StudyReport,
} from '../../src/index.js';
import { readCsv } from '../helpers/cli.js';
import { study, writePanel } from './generic-panel.js';

// The generic study with the optional discrepancy analysis and dissimilarity
// tree: the report's numbers equal the API's dissassoc, dissmfacw and disstree
// on the same panel and distances, p-values included (same seeds).

const explained: StudyFile = checkStudyFile({
  ...study,
  analyses: [],
  discrepancy: { permutations: 100, seed: 7 },
  tree: { covariates: ['region', 'gender', 'age'], maxDepth: 3, minSize: 0.05, permutations: 100, pval: 0.05, seed: 3 },
});

let dir: string;
let report: StudyReport;
let seqs: StateSequences;
let diss: Awaited<ReturnType<typeof distinctDistances>>;
let html: string;
const values = (name: string) => {
  const v = Array.from(seqs.covariates.array(name) as ArrayLike<unknown>);
  return name === 'age' ? v.map(Number) : v;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-study-explain-'));
  const panel = await writePanel(dir);
  report = await studyReport({ study: explained, months: panel.months, persons: panel.persons, out: join(dir, 'en'), threads: 1 });
  html = await readFile(report.written.index, 'utf8');
  // the API on the same panel: OM with TRATE costs and indel max / 2 on the distinct sequences, as the typology
  ({ sequences: seqs } = await loadPanel({ format: 'long', input: panel.months, persons: panel.persons }));
  diss = await distinctDistances(seqs, { method: 'OM', sm: 'TRATE', indel: 'auto', threads: 1 });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a study file with discrepancy and tree', () => {
  it('runs them because the study file asks, and gives dissassoc per covariate as the API does', async () => {
    const r = report.computation.results;
    expect(r.analyses.ran.slice(-2)).toEqual(['discrepancy', 'tree']);
    const d = r.discrepancy!;
    expect([d.permutations, d.seed]).toEqual([100, 7]);
    expect(Object.keys(d.covariates)).toEqual(['gender', 'region', 'age']); // the study's covariates by default
    for (const name of ['gender', 'region', 'age']) {
      const a = await discrepancyAssociation(diss, values(name), { weights: seqs.weights, permutations: 100, seed: 7, threads: 1 });
      const got = d.covariates[name];
      expect(got.n).toBe(400);
      expect(got.levels).toBe(a.groups.length - 1);
      (['pseudo_f', 'pseudo_fbf', 'pseudo_r2', 'bartlett', 'levene'] as const).forEach((key, j) => {
        expect(got.statistics[key].value).toBe(num(a.statistics[j].value));
        expect(got.statistics[key].p_value).toBe(num(a.statistics[j].pValue));
      });
    }
    expect(d.covariates.region.statistics.pseudo_r2.value).toBeGreaterThan(0);
  });

  it('gives dissmfacw for all covariates together, as the API does', async () => {
    const mf = await multiFactorDiscrepancy(diss, { gender: values('gender'), region: values('region'), age: values('age') }, { weights: seqs.weights, permutations: 100, seed: 7, threads: 1 });
    const rows = report.computation.results.discrepancy!.multi_factor!.terms;
    expect(Object.keys(rows)).toEqual(['gender', 'region', 'age', 'Total']);
    for (const x of mf.rows) expect(rows[x.variable]).toEqual({ pseudo_f: num(x.pseudoF), pseudo_r2: num(x.pseudoR2), p_value: num(x.pValue) });
  });

  it('gives the disstree of the API: splits, sizes, discrepancies, R2 and p-values', async () => {
    const tree = await discrepancyTree(diss, { region: values('region'), gender: values('gender'), age: values('age') }, {
      weights: seqs.weights, maxDepth: 3, minSize: 0.05, permutations: 100, pValue: 0.05, seed: 3, threads: 1,
    });
    const t = report.computation.results.tree!;
    expect(t.parameters).toEqual({ min_child_weight: 20, max_depth: 3, permutations: 100, pval: 0.05, seed: 3 });
    expect(t.r2).toBe(num(tree.R2));
    expect(t.r2_p_value).toBe(num(tree.R2pValue));
    const nodes = treeNodes(tree);
    expect(nodes.length).toBeGreaterThan(1);
    expect(t.nodes.map((x) => [x.id, x.n, x.discrepancy, x.split?.variable ?? null, x.split?.r2 ?? null, x.split?.p_value ?? null])).toEqual(
      nodes.map((x) => [x.id, num(x.n), num(x.discrepancy), x.split?.variable ?? null, x.split ? num(x.split.R2) : null, x.split ? num(x.split.pValue) : null]),
    );
  });

  it('adds two sections after the cluster quality, with a tree figure, the printed tree and tables', async () => {
    const sections = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections.slice(sections.indexOf('cluster-quality'), sections.indexOf('cluster-quality') + 3)).toEqual(['cluster-quality', 'discrepancy', 'tree']);
    expect(html).toMatch(/<pre>Dissimilarity tree:\n Parameters: min\.size=20, max\.depth=3, R=100, pval=0\.05 \n Formula: OM ~ region \+ gender \+ age /);
    for (const f of ['figures/discrepancy-tree.svg', 'figures/discrepancy-tree.png']) expect(existsSync(join(dir, 'en', f))).toBe(true);
    const table = readCsv(join(dir, 'en', 'tables', 'discrepancy.csv'));
    expect(table[0].slice(0, 5)).toEqual(['covariate', 'levels', 'n', 'pseudo_r2', 'pseudo_r2_p']);
    expect(table.slice(1).map((row) => row[0])).toEqual(['gender', 'region', 'age']);
    expect(readCsv(join(dir, 'en', 'tables', 'discrepancy-multifactor.csv')).map((row) => row[0])).toEqual(['variable', 'gender', 'region', 'age', 'Total']);
    expect(readCsv(join(dir, 'en', 'tables', 'tree-nodes.csv'))).toHaveLength(1 + report.computation.results.tree!.nodes.length);
    expect(html).not.toMatch(/\{\w+\}/);
  });

  it.each([8.5, 17])('prints the tree figure at %s cm with text of at least 8 pt', async (cm) => {
    const doc = studyDocument(report.computation, { figureWidthCm: cm });
    const out = join(dir, `print-${cm}`);
    await renderReport({ ...doc, sections: doc.sections.filter((s) => s.id === 'tree') }, out, { figures: { widthCm: cm } });
    const svg = await readFile(join(out, 'figures', 'discrepancy-tree.svg'), 'utf8');
    const units = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
    expect((8 * cm * 72) / 2.54 / units).toBeGreaterThanOrEqual(7.995); // text drawn at 8 units, printed at the print width
  });

  it('shows substitution costs from the data only when no move between two states rests on 1..minCell-1 persons', () => {
    const c = report.computation;
    const methods = (minCell: number) => JSON.stringify(studyDocument({ ...c, study: { ...c.study, minCell } }).sections.find((s) => s.id === 'methods'));
    expect(c.typology.costs).toBeDefined();
    // one person is enough with minCell 1; with minCell = every person, some move rests on fewer
    expect(methods(1)).toContain('"methodsCosts"');
    expect(methods(c.window.n)).toContain('"methodsCostsHidden"');
    expect(methods(c.window.n)).not.toContain('"methodsCosts"');
  });

  it('writes the sections in Dutch too', async () => {
    const nl = await renderReportPage(studyDocument(report.computation, { lang: 'nl' }));
    expect(nl).toContain('Wat verklaart de trajecten: discrepantieanalyse');
    expect(nl).toContain('Wat verklaart de trajecten: verschillenboom');
    expect(nl).not.toMatch(/\{\w+\}/);
  });
});
