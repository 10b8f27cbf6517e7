import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { seededRandom, type StudyResults } from '../../src/index.js';
import { captureOutput } from '../helpers/cli.js';

// A study that is neither jobcoach nor mvad: calendar months 2018-01..2021-12,
// states employed / unemployed / education / inactive, no benefit column,
// covariates gender, region and age, employers and wages per month.

const STATES = ['employed', 'unemployed', 'education', 'inactive'] as const;
const MONTHS = Array.from({ length: 48 }, (_, j) => `${2018 + Math.floor(j / 12)}-${String((j % 12) + 1).padStart(2, '0')}`);

/** 400 persons in four patterns: school then work, steady work, switching, mostly inactive; some leave the panel early. */
async function writePanel(dir: string): Promise<{ persons: string; months: string }> {
  const rnd = seededRandom(13);
  const persons = ['person_id,gender,region,age'];
  const months = ['person_id,month,state,employer,wage'];
  for (let i = 0; i < 400; i++) {
    const id = `R${String(i + 1).padStart(4, '0')}`;
    const pattern = i % 4;
    const region = ['north', 'south', 'east'][Math.floor(rnd() * 3)];
    persons.push(`${id},${rnd() < 0.5 ? 'f' : 'm'},${region},${pattern === 0 ? 18 + Math.floor(rnd() * 4) : 25 + Math.floor(rnd() * 30)}`);
    const end = rnd() < 0.2 ? 30 + Math.floor(rnd() * 18) : 48;
    const school = 6 + Math.floor(rnd() * 18);
    let employer = 1 + Math.floor(rnd() * 50);
    let state: string = STATES[0];
    for (let j = 0; j < end; j++) {
      if (pattern === 0) state = j < school ? 'education' : rnd() < 0.05 ? 'unemployed' : 'employed';
      else if (pattern === 1) state = rnd() < 0.03 ? 'unemployed' : 'employed';
      else if (pattern === 2) state = rnd() < 0.25 ? (state === 'employed' ? 'unemployed' : 'employed') : state;
      else state = rnd() < 0.85 ? 'inactive' : 'unemployed';
      if (state === 'unemployed' && rnd() < 0.5) employer = 1 + Math.floor(rnd() * 50);
      const working = state === 'employed';
      months.push(`${id},${MONTHS[j]},${state},${working ? `E${employer}` : ''},${working ? (12 + 0.05 * j + rnd()).toFixed(2) : ''}`);
    }
  }
  await writeFile(join(dir, 'persons.csv'), persons.join('\n') + '\n');
  await writeFile(join(dir, 'months.csv'), months.join('\n') + '\n');
  return { persons: join(dir, 'persons.csv'), months: join(dir, 'months.csv') };
}

const study = {
  title: { en: 'Careers 2018-2021', nl: 'Loopbanen 2018-2021' },
  source: 'A synthetic test panel.',
  states: [
    { code: 'employed', label: { en: 'employed', nl: 'werkend' }, role: 'paid' },
    { code: 'unemployed', label: { en: 'unemployed', nl: 'werkloos' }, role: 'none' },
    { code: 'education', label: { en: 'in education', nl: 'in opleiding' }, role: 'other' },
    { code: 'inactive', label: { en: 'inactive', nl: 'inactief' }, role: 'other' },
  ],
  time: { align: 'calendar', studyMonths: 36 },
  covariates: ['gender', 'region', { name: 'age', kind: 'numeric' }],
  attributes: { employer: 'employer', outcomes: ['wage'] },
  clusters: { k: 4, range: [2, 6] },
  disclosure: { minCell: 5 },
  labels: { nl: { gender: 'geslacht', region: 'regio', age: 'leeftijd', wage: 'uurloon' } },
};

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
