import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { StudyResults } from '../../src/index.js';
import { captureOutput } from '../helpers/cli.js';
import { study, writePanel } from './generic-panel.js';

// The generic study (test/studies/generic-panel.ts) through `loopbaan report --study`.

let dir: string;
let results: StudyResults;
let html: string;
let htmlNl: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-generic-'));
  const panel = await writePanel(dir);
  await writeFile(join(dir, 'careers.json'), JSON.stringify(study));
  captureOutput(process.stdout);
  for (const lang of ['en', 'nl']) {
    const code = await main(['report', '--study', join(dir, 'careers.json'), '--months', panel.months, '--persons', panel.persons,
      '--out', join(dir, lang), '--lang', lang, '--quiet', '--threads', '1']);
    expect(code).toBe(0);
  }
  results = JSON.parse(await readFile(join(dir, 'en', 'results.json'), 'utf8'));
  html = await readFile(join(dir, 'en', 'index.html'), 'utf8');
  htmlNl = await readFile(join(dir, 'nl', 'index.html'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a study file with other states, no benefit column and other covariates', () => {
  it('runs every analysis the roles and columns allow', () => {
    expect(results.analyses.ran).toEqual(['stateShares', 'jobLoss', 'timeToNewJob', 'retention', 'ruleTypology', 'indexNumbers', 'profiles']);
    expect(results.n_persons).toBe(400);
    expect(Object.keys(results.state_share)).toEqual(['all']);
    expect(Object.keys(results.state_share.all['0'])).toEqual(['employed', 'unemployed', 'education', 'inactive']);
    expect(results.job_loss.total.endings_per_person).toBeGreaterThan(0);
    expect(results.clusters.groups).toHaveLength(4);
    expect(results.clusters.algorithm).toBe('ward');
    for (const g of results.clusters.groups) {
      expect(g.key).toBeNull();
      expect(g.label).toBe(g.medoid); // named from the medoid
      expect(g.label).toMatch(/employed|unemployed|education|inactive/);
    }
    expect(Object.keys(results.profiles.categorical)).toEqual(['gender', 'region']);
    expect(Object.keys(results.profiles.numeric)).toEqual(['age']);
    expect(Object.keys(results.index_numbers)).toEqual(['wage']);
    expect(results.retention!.groups.total.starts).toBeGreaterThan(0);
    expect(results.cluster_quality.map((q) => q.k)).toEqual([2, 3, 4, 5, 6]);
  });

  it('writes a complete page that mentions neither jobcoach nor mvad, in English and Dutch', () => {
    for (const page of [html, htmlNl]) {
      expect(page).not.toMatch(/jobcoach|mvad|wajong|\bWGA\b|benefit|uitkering/i);
      expect(page).not.toMatch(/\{\w+\}/); // no unfilled placeholder
    }
    const sections = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['summary', 'state-shares', 'job-endings', 'index-numbers', 'clusters', 'cluster-quality', 'time-to-new-job', 'retention', 'rule-typology', 'data', 'output-check', 'methods']);
    expect(html).toContain('<h1>Careers 2018-2021</h1>');
    expect(htmlNl).toContain('<h1>Loopbanen 2018-2021</h1>');
    expect(htmlNl).toContain('werkloos');
    for (const f of ['state-shares', 'index-numbers', 'clusters', 'ward-tree', 'cluster-quality', 'time-to-new-job']) {
      expect(existsSync(join(dir, 'en', 'figures', `${f}.svg`))).toBe(true);
      expect(existsSync(join(dir, 'en', 'figures', `${f}.png`))).toBe(true);
    }
  });
});
