import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JOBCOACH_EMPLOYER, JOBCOACH_ROLES, JobOutcome, compareWithPublished, jobEpisodes, runJobcoachStudy, writeJobcoachPanel, writeJobcoachReport, type JobcoachResults, type JobcoachStudy,
} from '../../src/index.js';
import { AGE_BANDS } from '../../src/report/age-band.js';

// A small synthetic panel keeps the suite fast; the full 25,000 run is measured, not tested.
const N = 2000;
let dir: string;
let study: JobcoachStudy;
let results: JobcoachResults;
let html: string;
let files: readonly string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-report-'));
  // as `loopbaan report jobcoach` does: the synthetic panel written as CSV files and read back
  study = await runJobcoachStudy({ n: N, seed: 3, threads: 1, panelDir: join(dir, 'data') });
  ({ files } = await writeJobcoachReport(study, { out: dir }));
  results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
  html = await readFile(join(dir, 'index.html'), 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('results.json', () => {
  it('has the shape of issue 6', () => {
    expect(results.n_persons).toBe(N);
    expect(Object.keys(results.state_share)).toEqual(['Wajong', 'WGA']);
    expect(Object.keys(results.state_share.Wajong)).toEqual(['0', '6', '12', '24', '36']);
    expect(Object.keys(results.state_share.Wajong['0'])).toEqual(['trial', 'work_jc', 'work', 'none']);
    for (const b of ['Wajong', 'WGA']) {
      const row = results.job_loss[b];
      for (const f of ['endings_per_person', 'direct_pct', 'after_gap_pct', 'gap_months_mean', 'no_new_job_pct', 'n_endings'] as const) {
        expect(typeof row[f]).toBe('number');
      }
    }
    expect(results.clusters).toMatchObject({ k: 4, window_months: 36 });
    expect(results.clusters.method).toMatch(/OM \(TRATE, indel [\d.]+\) \+ Ward \(ward\.D\) on \d+ distinct sequences, weighted/);
    expect(results.clusters.groups.map((g) => g.id)).toEqual([1, 2, 3, 4]);
    for (const g of results.clusters.groups) {
      expect(Object.keys(g.share)).toEqual(['Wajong', 'WGA']);
      expect(g.pct_time_working).toBeGreaterThan(0);
      expect(g.n).toBeGreaterThan(0);
    }
    expect(Object.keys(results.regime_by_cluster)).toEqual(['1', '2', '3', '4', 'total']);
    expect(Object.keys(results.regime_by_cluster['1'])).toEqual(['very_light', 'light', 'medium', 'intensive']);
    expect(typeof results.regime_by_cluster['1'].medium.significant).toBe('boolean');
    expect(Object.keys(results.index_numbers)).toEqual(['hourly_wage', 'hours_week', 'permanent']);
    expect(results.cluster_quality.map((q) => q.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(results.panel.persons).toBe(N);
    expect(results.source).toEqual({ kind: 'simulated', n: N, seed: 3, persons: join(dir, 'data', 'persons.csv'), months: join(dir, 'data', 'months.csv') });
  });

  it('holds the ingest report of the synthetic panel read back from its CSV files', () => {
    expect(results.ingest!.files.map((f) => [f.role, f.rowsRead, f.rowsKept, f.rejected])).toEqual([
      ['persons', N, N, {}],
      ['months', results.panel.observedCells, results.panel.observedCells, {}],
    ]);
    expect(results.ingest!.persons).toBe(N);
    expect(html).toContain('<pre>' + join(dir, 'data', 'persons.csv') + ' (persons): 2000 rows read, 2000 kept, 0 rejected');
    expect(html).toContain('data/persons.csv and data/months.csv and read back');
  });

  it('gives the same results as the panel generated in memory', async () => {
    const memory = await runJobcoachStudy({ n: N, seed: 3, threads: 1 });
    expect(memory.results.ingest).toBeNull();
    const strip = (r: JobcoachResults) => ({ ...r, source: null, ingest: null });
    expect(strip(memory.results)).toEqual(strip(results));
  });

  it('keeps Table 1 and the rule typology at the study\'s 36 months whatever window the typology clusters', async () => {
    const other = await runJobcoachStudy({ n: N, seed: 3, threads: 1, window: 30 });
    expect(other.results.clusters.window_months).toBe(30);
    expect(other.results.window_months).toBe(36);
    expect(other.results.job_loss).toEqual(results.job_loss);
    expect(other.results.rule_typology).toEqual(results.rule_typology);
  });

  it('holds consistent values', () => {
    // shares of a month sum to 1 where nothing is suppressed
    const s = results.state_share.Wajong['6'];
    const values = Object.values(s);
    if (values.every((v) => v !== null)) expect((values as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // nobody is in paid work without jobcoach at month 0: start = trial or work_jc
    expect(results.state_share.Wajong['0'].work).toBe(0);
    expect(results.state_share.Wajong['0'].trial).toBeGreaterThan(0.5);
    // the groups partition the persons; each benefit's shares over the groups sum to 1
    expect(results.clusters.groups.reduce((a, g) => a + (g.n ?? 0), 0)).toBe(N);
    const wajong = results.clusters.groups.map((g) => g.share.Wajong);
    if (wajong.every((v) => v !== null)) expect((wajong as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // index numbers start at 100
    for (const o of Object.values(results.index_numbers)) expect(o['0']).toBeCloseTo(100, 9);
    // Table 1: B + C + rest = 100
    const t1 = results.job_loss.Wajong;
    expect(t1.direct_pct! + t1.after_gap_pct! + t1.no_new_job_pct!).toBeCloseTo(100, 4); // each rounded to 6 decimals
    // regime percentages of a group sum to 100
    const g1 = Object.values(results.regime_by_cluster['1']).map((c) => c.pct ?? 0);
    expect(g1.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 4);
  });

  it('recovers the latent groups of the synthetic panel', () => {
    expect(results.clusters.ari_vs_true_group).toBeGreaterThan(0.25);
    expect(results.clusters.ari_vs_true_group).toBeLessThanOrEqual(1);
  });

  it('maps labels by profile: each group leads on its own feature', () => {
    type Profile = JobcoachResults['clusters']['groups'][number]['profile'];
    const top = (f: keyof Profile) => [...results.clusters.groups].sort((a, b) => b.profile[f] - a.profile[f])[0].key;
    expect(top('work_at_end')).toBe('quick');
    expect(top('work_jc_at_end')).toBe('longJobcoach');
    expect(top('none_at_end')).toBe('noWork');
    expect(results.clusters.groups.find((g) => g.key === 'noWork')!.pct_time_working).toBeLessThan(
      results.clusters.groups.find((g) => g.key === 'longJobcoach')!.pct_time_working!,
    );
  });

  it('suppresses cells under the minimum and says how many', () => {
    expect(results.disclosure).toMatchObject({ min_cell: 10, mode: 'suppress' });
    expect(results.disclosure.suppressed_cells).toBeGreaterThan(0);
  });

  it('lines up with the published figures', () => {
    const rows = compareWithPublished(results);
    const trial = rows.find((r) => r.key === 'Wajong.state_share.0.trial')!;
    expect(trial.published).toBe(59);
    expect(Math.abs(trial.value! - 59)).toBeLessThan(6);
    expect(rows.filter((r) => r.key.startsWith('regime_by_cluster.'))).toHaveLength(20);
  });

  it('translates the published comparison without changing keys, numbers or units', () => {
    const en = compareWithPublished(results);
    const nl = compareWithPublished(results, { lang: 'nl' });
    const strip = (rows: typeof en) => rows.map(({ figure: _, ...rest }) => rest);
    expect(strip(nl)).toEqual(strip(en));
    expect(en.find((r) => r.key === 'Wajong.job_loss.direct_pct')!.figure).toBe('Wajong: % of endings followed directly by a new job (B)');
    expect(nl.find((r) => r.key === 'Wajong.job_loss.direct_pct')!.figure).toBe('Wajong: % van de beëindigingen direct gevolgd door een nieuwe baan (B)');
    expect(nl.every((r, k) => r.figure !== en[k].figure)).toBe(true);
  });
});

describe('report files', () => {
  it('writes every figure as SVG and PNG and every table as CSV, all linked from the page', () => {
    const figures = readdirSync(join(dir, 'figures'));
    for (const name of ['fig1-state-shares', 'fig2-index-numbers', 'fig3-groups', 'fig4-ward-tree', 'fig5-cluster-quality']) {
      expect(figures).toContain(`${name}.svg`);
      expect(figures).toContain(`${name}.png`);
    }
    const tables = readdirSync(join(dir, 'tables'));
    expect(figures).toContain('fig6-time-to-new-job.png');
    expect(figures).not.toContain('fig7-new-job-incidence.png'); // no exit states
    for (const name of [
      'table1-job-endings', 'table2-regime-by-group', 'cluster-quality', 'groups', 'state-shares', 'index-numbers',
      'group-profiles', 'group-profile-tests', 'time-to-new-job', 'retention', 'rule-typology',
    ]) {
      expect(tables).toContain(`${name}.csv`);
    }
    for (const f of files) expect(existsSync(join(dir, f))).toBe(true);
    const links = [...html.matchAll(/href="((?:figures|tables)\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBe(figures.length + tables.length);
    for (const l of links) expect(existsSync(join(dir, l))).toBe(true);
  });

  it('is a self-contained page: inline SVG, no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|@font-face|url\(http/i);
    expect((html.match(/<figure><svg/g) ?? []).length).toBe(6);
    for (const id of [
      'summary', 'figure-1', 'table-1', 'figure-2', 'groups', 'table-2', 'cluster-quality', 'time-to-new-job', 'retention', 'rule-typology',
      'published', 'data', 'methods',
    ]) {
      expect(html).toContain(`<section id="${id}">`);
    }
  });

  it('removes figures and tables of an earlier run that this run did not write', async () => {
    const again = await mkdtemp(join(tmpdir(), 'loopbaan-report-again-'));
    try {
      await mkdir(join(again, 'figures'), { recursive: true });
      await writeFile(join(again, 'figures', 'fig7-new-job-incidence.svg'), '<svg/>');
      await writeFile(join(again, 'figures', 'notes.txt'), 'mine');
      await writeJobcoachReport(study, { out: again });
      const left = readdirSync(join(again, 'figures'));
      expect(left).not.toContain('fig7-new-job-incidence.svg');
      expect(left).toContain('notes.txt');
      expect(left).toContain('fig6-time-to-new-job.svg');
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('writes Table 1 as CSV with raw numbers and empty suppressed cells', async () => {
    const csv = (await readFile(join(dir, 'tables', 'table1-job-endings.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('benefit,endings_per_person,direct_pct,after_gap_pct,gap_months_mean,no_new_job_pct,exit_pct,n_endings,n_persons,n_excluded');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['Wajong', 'WGA', 'total']);
    expect(await readFile(join(dir, 'tables', 'state-shares.csv'), 'utf8')).not.toMatch(/NaN/);
  });
});

describe('Dutch report', () => {
  it('translates the page, the tables and the figures', async () => {
    const nl = await mkdtemp(join(tmpdir(), 'loopbaan-report-nl-'));
    try {
      await writeJobcoachReport(study, { out: nl, lang: 'nl' });
      const page = await readFile(join(nl, 'index.html'), 'utf8');
      expect(page).toContain('<html lang="nl">');
      expect(page).toContain('Tabel 1. Baanbeëindigingen');
      expect(page).toContain('snel zonder jobcoach');
      expect(page).toContain('werk met jobcoach');
      expect(await readFile(join(nl, 'figures', 'fig1-state-shares.svg'), 'utf8')).toContain('Maand');
      expect(await readFile(join(nl, 'figures', 'fig4-ward-tree.svg'), 'utf8')).toContain('Hoogte');
      // the comparison with the published study, row texts and units included
      expect(page).toContain('Wajong: % in een proefplaatsing in maand 0');
      expect(page).toContain('groep 1 (snel zonder jobcoach): % van de geobserveerde tijd werkend');
      expect(page).toContain('Wajong, groep 1: % regime zeer licht (tabel 2)');
      expect(page).toContain('per persoon');
      expect(page).not.toContain('in a trial placement');
      expect(page).not.toContain('Figure texts in English');
      // results.json is the same in every language
      expect(JSON.parse(await readFile(join(nl, 'results.json'), 'utf8'))).toEqual(results);
    } finally {
      await rm(nl, { recursive: true, force: true });
    }
  });
});

describe('figure 4: the top of the Ward tree', () => {
  it('is coloured by the groups with their labels', async () => {
    const svg = await readFile(join(dir, 'figures', 'fig4-ward-tree.svg'), 'utf8');
    for (const g of results.clusters.groups) expect(svg).toContain(`${g.id} ${g.label}`);
    expect(html).toContain('Figure 4. The top of the Ward tree');
  });
});

describe('the analyses of issue 6 beyond study A\'s tables', () => {
  it('time to a new job: shares at 0, 6, 12, 48 months, rising, inside their bands', () => {
    const t = results.time_to_new_job;
    expect(t).toMatchObject({ method: 'kaplan-meier', exit_states: [] });
    expect(Object.keys(t.groups)).toEqual(['Wajong', 'WGA', 'total']);
    for (const g of Object.values(t.groups)) {
      expect(Object.keys(g.shares)).toEqual(['0', '6', '12', '48']);
      const shares = Object.values(g.shares).filter((s) => s.new_job_pct !== null);
      for (const s of shares) {
        expect(s.lower_pct!).toBeLessThanOrEqual(s.new_job_pct! + 1e-9);
        expect(s.upper_pct!).toBeGreaterThanOrEqual(s.new_job_pct! - 1e-9);
        expect(s.exit_pct).toBe(0);
      }
      for (let k = 1; k < shares.length; k++) expect(shares[k].new_job_pct!).toBeGreaterThanOrEqual(shares[k - 1].new_job_pct!);
    }
    // at 0 months: the weighted share of all observed endings directly followed by a new job
    const jobs = jobEpisodes(study.sequences, { roles: JOBCOACH_ROLES, employer: JOBCOACH_EMPLOYER, unpaidOnlyJobs: 'exclude' });
    let direct = 0, all = 0, count = 0;
    for (let q = 0; q < jobs.count; q++) {
      if (jobs.outcome[q] === JobOutcome.censored) continue;
      const w = study.sequences.weights[jobs.person[q]];
      all += w;
      count++;
      if (jobs.outcome[q] === JobOutcome.direct) direct += w;
    }
    expect(t.groups.total.shares['0'].new_job_pct).toBeCloseTo((100 * direct) / all, 4);
    expect(t.groups.total.endings).toBe(count);
  });

  it('retention: same + other + not working = 100, work retention = same + other', () => {
    expect(results.retention.horizon_months).toBe(12);
    for (const r of Object.values(results.retention.groups)) {
      expect(r.starts).toBeGreaterThan(0);
      // disclosure control blanks cells of fewer than 10 persons (the small WGA group of this panel)
      if (r.same_employer_pct === null || r.other_employer_pct === null || r.not_working_pct === null) continue;
      expect(r.same_employer_pct + r.other_employer_pct + r.not_working_pct).toBeCloseTo(100, 4);
      expect(r.work_retention_pct).toBeCloseTo(r.same_employer_pct + r.other_employer_pct, 4);
    }
    // the start of jobcoaching is a job start: at least one start per person whose month 12 is observed
    expect(results.retention.groups.total.starts).toBeGreaterThanOrEqual(N);
    expect(results.retention.groups.total.not_working_pct).not.toBeNull();
  });

  it('rule typology: four types per benefit whose shares sum to 100', () => {
    const r = results.rule_typology;
    expect(r.window_months).toBe(36);
    expect(Object.keys(r.groups.total.types)).toEqual(['longJob', 'switcher', 'shortSpells', 'neverWorked']);
    expect(r.groups.total.persons + r.groups.total.excluded).toBe(N);
    const shares = Object.values(r.groups.total.types).map((x) => x.share_pct ?? 0);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 4);
    expect(r.groups.total.types.longJob.pct_time_working!).toBeGreaterThan(r.groups.total.types.shortSpells.pct_time_working!);
  });

  it('group profiles: sex, disability and age band with marks and chi-square; incapacity means', () => {
    const p = results.group_profiles;
    expect(Object.keys(p.categorical)).toEqual(['sex', 'disability', 'age_band']);
    const age = p.categorical.age_band;
    expect(Object.keys(age.by_cluster)).toEqual(['1', '2', '3', '4', 'total']);
    expect(Object.keys(age.by_cluster.total).every((b) => AGE_BANDS.includes(b))).toBe(true);
    for (const c of Object.values(p.categorical)) {
      expect(c.test.df).toBeGreaterThan(0);
      expect(c.test.p_value).toBeGreaterThanOrEqual(0);
      expect(c.test.cramers_v).toBeGreaterThanOrEqual(0);
      expect(typeof c.by_cluster['1'][Object.keys(c.by_cluster['1'])[0]].significant).toBe('boolean');
    }
    expect(Object.keys(p.numeric.incapacity_pct)).toEqual(['1', '2', '3', '4', 'total']);
    expect(html).toContain('Is the characteristic independent of the group?');
    expect(html).toContain('age at start: 20-24');
  });
});

describe('exit states', () => {
  let edited: { study: JobcoachStudy; dir: string };
  beforeAll(async () => {
    const d = await mkdtemp(join(tmpdir(), 'loopbaan-exit-'));
    const panel = await writeJobcoachPanel(join(d, 'panel'), { n: 800, seed: 2 });
    // every second person's months without work after their last job become 'retired'
    const lines = (await readFile(panel.months, 'utf8')).trimEnd().split('\n');
    const rows = lines.slice(1).map((l) => l.split(','));
    const lastWork = new Map<string, number>();
    rows.forEach((f, k) => f[2] !== 'none' && lastWork.set(f[0], k));
    const out = rows.map((f, k) => (Number(f[0].slice(1)) % 2 === 0 && f[2] === 'none' && k > (lastWork.get(f[0]) ?? -1) ? [f[0], f[1], 'retired', ...f.slice(3)] : f));
    await writeFile(panel.months, [lines[0], ...out.map((f) => f.join(','))].join('\n') + '\n');
    const s = await runJobcoachStudy({ persons: panel.persons, months: panel.months, exitStates: ['retired'], threads: 1 });
    edited = { study: s, dir: d };
  });
  afterAll(() => rm(edited.dir, { recursive: true, force: true }));

  it('make time to a new job a competing-risks curve, with figure 7', async () => {
    const t = edited.study.results.time_to_new_job;
    expect(t).toMatchObject({ method: 'aalen-johansen', exit_states: ['retired'] });
    const s48 = t.groups.total.shares['48'];
    expect(s48.exit_pct).toBeGreaterThan(0);
    expect(s48.new_job_pct! + s48.exit_pct!).toBeLessThanOrEqual(100 + 1e-9);
    expect(edited.study.results.job_loss.total.exit_pct).toBeGreaterThan(0);
    const out = join(edited.dir, 'report');
    const { files: written } = await writeJobcoachReport(edited.study, { out, lang: 'nl' });
    expect(written).toContain('figures/fig7-new-job-incidence.svg');
    expect(await readFile(join(out, 'figures', 'fig7-new-job-incidence.svg'), 'utf8')).toContain('uitstroom');
  });

  it('must be states without work of the panel', async () => {
    const seqs = edited.study.sequences;
    await expect(runJobcoachStudy({ sequences: seqs, exitStates: ['work'] })).rejects.toThrow(/"work" is a working state/);
    await expect(runJobcoachStudy({ sequences: seqs, exitStates: ['gone'] })).rejects.toThrow(/"gone" is not a state of the panel/);
  });
});
