// The issue-15 acceptance test: every file a study report writes passes the
// independent output checker (test/helpers/output-check.ts) on small panels,
// where disclosure control has the most to do.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFigures } from '../../src/report/document.js';
import type { StateShares } from '../../src/labour/shares.js';
import type { StateSequences } from '../../src/sequences/types.js';
import { MISSING, VOID } from '../../src/sequences/types.js';
import type { StudyFile } from '../../src/studies/study-file.js';
import { builtinStudy, studyReport, type StudyReport, type StudyReportOptions } from '../../src/workflows/study-report.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/cli.js';
import { fixturePath, hasFixtures } from '../helpers/fixtures.js';
import { checkOutputDir, type Finding, type Line, type Lines } from '../helpers/output-check.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'loopbaan-output-check-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const MIN_CELL = 10;

/**
 * The spell label of one sequence, written here apart from src: spells of
 * fewer than `minSpell` months dropped (neighbours in one state then join),
 * of the rest the `maxSpells` longest in time order, the last without its length.
 */
function label(seqs: StateSequences, i: number, minSpell: number, maxSpells: number): string {
  const spells: { s: number; m: number }[] = [];
  for (let j = 0; j < seqs.lengths[i]; j++) {
    const c = seqs.codes[i * seqs.t + j];
    if (c === MISSING || c === VOID) continue;
    const last = spells[spells.length - 1];
    if (last && last.s === c) last.m++;
    else spells.push({ s: c, m: 1 });
  }
  if (spells.length === 0) return '(empty)';
  const join = (list: { s: number; m: number }[]) => list.reduce<{ s: number; m: number }[]>((out, x) => {
    const last = out[out.length - 1];
    if (last && last.s === x.s) last.m += x.m;
    else out.push({ ...x });
    return out;
  }, []);
  let kept = spells.filter((x) => x.m >= minSpell);
  if (kept.length === 0) kept = [spells.reduce((a, b) => (b.m > a.m ? b : a))];
  kept = join(kept);
  if (kept.length > maxSpells) {
    const longest = new Set([...kept.keys()].sort((a, b) => kept[b].m - kept[a].m || a - b).slice(0, maxSpells));
    kept = join(kept.filter((_, k) => longest.has(k)));
  }
  return kept.map((x, k) => (k < kept.length - 1 ? `${seqs.alphabet.codes[x.s]} ${x.m}m` : seqs.alphabet.codes[x.s])).join(' -> ');
}

/** Persons per label of the window (labels of 1 to 3 spells, spells of 2 months or more). */
function labelCounts(window: StateSequences): (l: string) => number {
  const counts = new Map<string, number>();
  for (let i = 0; i < window.n; i++) {
    for (const l of new Set([1, 2, 3].map((s) => label(window, i, 2, s)))) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return (l) => counts.get(l) ?? 0;
}

type Json = Record<string, unknown>;

/** Lines of known sums over a report's results.json and its tables, built from what a reader knows about them. */
function reportRelations(file: string, content: unknown): Lines | undefined {
  const values = new Map<string, number | null>();
  const lines: Line[] = [];
  const counts: { cell: string; base: number }[] = [];
  const put = (id: string, x: unknown) => values.set(id, typeof x === 'number' ? x : null);
  const sum = (cells: string[], total: string | number) => lines.push({ cells, total });
  // a share (scale 1) or percentage (scale 100) of a base of persons
  const share = (id: string, x: unknown, base: unknown, scale = 1) => {
    put(id, x);
    if (typeof base === 'number') counts.push({ cell: id, base: base / scale });
  };
  if (file === 'results.json') jsonRelations(content as Json, put, sum, lines, share);
  else if (file.startsWith('tables/') && file.endsWith('.csv')) csvRelations(file.slice(7, -4), content as string[][], put, sum, share);
  else return undefined;
  return { values, lines, counts };
}

type Share = (id: string, x: unknown, base: unknown, scale?: number) => void;

function jsonRelations(r: Json, put: (id: string, x: unknown) => void, sum: (cells: string[], total: string | number) => void, lines: Line[], share: Share): void {
  const groupsOf = (o: unknown) => Object.entries((o ?? {}) as Record<string, Json>);
  const additive = (table: string, rows: [string, Json][], fields: string[]) => {
    const names = rows.map(([g]) => g).filter((g) => g !== 'total');
    if (!rows.some(([g]) => g === 'total') || names.length === 0) return;
    for (const f of fields) sum(names.map((g) => `${table}.${g}.${f}`), `${table}.total.${f}`);
  };
  // state shares of a month add up to 1
  for (const [g, months] of groupsOf(r.state_share)) {
    for (const [m, shares] of Object.entries(months as Record<string, Json>)) {
      const atRisk = ((r.at_risk as Record<string, Json>)[g] ?? {})[m];
      const ids = Object.entries(shares).map(([s, x]) => (share(`ss.${g}.${m}.${s}`, x, atRisk), `ss.${g}.${m}.${s}`));
      sum(ids, 1);
    }
  }
  // job endings: B + C + no new job = 100; counts add up over the groups; A = endings / persons
  const jl = groupsOf(r.job_loss);
  for (const [g, row] of jl) {
    for (const [f, x] of Object.entries(row)) share(`jl.${g}.${f}`, x, f.endsWith('_pct') ? row.n_endings : undefined, 100);
    sum(['direct_pct', 'after_gap_pct', 'no_new_job_pct'].map((f) => `jl.${g}.${f}`), 100);
    if (typeof row.endings_per_person === 'number') lines.push({ cells: [`jl.${g}.n_endings`, [`jl.${g}.n_persons`, -row.endings_per_person]], total: 0 });
  }
  additive('jl', jl, ['n_endings', 'n_persons', 'n_excluded']);
  // retention: same + other + not working = 100, work retention = same + other; counts add up
  const rt = groupsOf((r.retention as Json | null)?.groups);
  for (const [g, row] of rt) {
    for (const [f, x] of Object.entries(row)) share(`rt.${g}.${f}`, x, f.endsWith('_pct') ? row.starts : undefined, 100);
    sum(['same_employer_pct', 'other_employer_pct', 'not_working_pct'].map((f) => `rt.${g}.${f}`), 100);
    sum(['same_employer_pct', 'other_employer_pct'].map((f) => `rt.${g}.${f}`), `rt.${g}.work_retention_pct`);
  }
  additive('rt', rt, ['starts', 'persons', 'censored']);
  // time to a new job: endings and persons add up
  const nj = groupsOf((r.time_to_new_job as Json | null)?.groups);
  for (const [g, row] of nj) for (const f of ['endings', 'persons']) put(`nj.${g}.${f}`, row[f]);
  additive('nj', nj, ['endings', 'persons']);
  // rule-based patterns: the types' persons add up to the group's, their shares to 100; each type over the groups
  const rule = groupsOf((r.rule_typology as Json | null)?.groups);
  for (const [g, row] of rule) {
    put(`ru.${g}.persons`, row.persons);
    put(`ru.${g}.excluded`, row.excluded);
    const types = Object.entries(row.types as Record<string, Json>);
    for (const [t, x] of types) {
      put(`ru.${g}.${t}.persons`, x.persons);
      share(`ru.${g}.${t}.share_pct`, x.share_pct, row.persons, 100);
    }
    sum(types.map(([t]) => `ru.${g}.${t}.persons`), `ru.${g}.persons`);
    sum(types.map(([t]) => `ru.${g}.${t}.share_pct`), 100);
  }
  const ruleTypes = rule.length ? Object.keys(rule[0][1].types as Json) : [];
  additive('ru', rule, ['persons', 'excluded', ...ruleTypes.map((t) => `${t}.persons`)]);
  // clusters: sizes add up to the persons, shares to 1 (of all and of each level)
  const clusters = ((r.clusters as Json).groups as Json[]);
  put('n_persons', r.n_persons);
  const levelPersons = (level: string) => Object.values(((r.at_risk as Record<string, Json> | undefined)?.[level] ?? {}) as Json)[0];
  clusters.forEach((c) => {
    put(`cl.${c.id}.n`, c.n);
    share(`cl.${c.id}.share_total`, c.share_total, r.n_persons);
    for (const [level, x] of Object.entries((c.share ?? {}) as Json)) share(`cl.${c.id}.share.${level}`, x, levelPersons(level));
    // shares at the end of the window rest on at most the group's persons
    for (const [f, x] of Object.entries(c.profile as Json)) if (f.endsWith('_at_end')) share(`cl.${c.id}.${f}`, x, c.n);
  });
  const clusterN = new Map(clusters.map((c) => [String(c.id), c.n]));
  sum(clusters.map((c) => `cl.${c.id}.n`), 'n_persons');
  sum(clusters.map((c) => `cl.${c.id}.share_total`), 1);
  for (const level of Object.keys((clusters[0]?.share ?? {}) as Json)) sum(clusters.map((c) => `cl.${c.id}.share.${level}`), 1);
  // profiles: the levels of a covariate add up to 100 in each group
  for (const [cov, p] of Object.entries(((r.profiles as Json).categorical ?? {}) as Record<string, Json>)) {
    for (const [g, levels] of Object.entries(p.by_cluster as Record<string, Record<string, Json>>)) {
      const ids = Object.entries(levels).map(([l, x]) => (share(`pr.${cov}.${g}.${l}`, x.pct, g === 'total' ? r.n_persons : clusterN.get(g), 100), `pr.${cov}.${g}.${l}`));
      sum(ids, 100);
    }
  }
}

function csvRelations(name: string, rows: string[][], put: (id: string, x: unknown) => void, sum: (cells: string[], total: string | number) => void, share: Share): void {
  const [header, ...body] = rows;
  const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));
  const col = (c: string) => header.indexOf(c);
  const rowSum = (prefix: string, row: string[], i: number, cols: string[], total: string | number) => {
    if (cols.some((c) => col(c) < 0)) return;
    cols.forEach((c) => put(`${prefix}.${i}.${c}`, num(row[col(c)])));
    if (typeof total === 'string') put(`${prefix}.${i}.${total}`, num(row[col(total)]));
    sum(cols.map((c) => `${prefix}.${i}.${c}`), typeof total === 'string' ? `${prefix}.${i}.${total}` : total);
  };
  // counts over the group rows add up to the total row (first column = the group, `total` the last row)
  const additive = (cols: string[], key = (row: string[]) => '') => {
    const totals = body.flatMap((row, i) => (row[0] === 'total' ? [[i, row] as const] : []));
    for (const [ti, total] of totals) {
      const parts = body.flatMap((row, i) => (row[0] !== 'total' && key(row) === key(total) ? [i] : []));
      if (parts.length === 0) continue;
      for (const c of cols.filter((x) => col(x) >= 0)) {
        parts.forEach((i) => put(`${name}.${i}.${c}`, num(body[i][col(c)])));
        put(`${name}.${ti}.${c}`, num(total[col(c)]));
        sum(parts.map((i) => `${name}.${i}.${c}`), `${name}.${ti}.${c}`);
      }
    }
  };
  if (name === 'state-shares') {
    body.forEach((row, i) => {
      rowSum(name, row, i, header.slice(col('at_risk') + 1), 1);
      header.slice(col('at_risk') + 1).forEach((c) => share(`${name}.${i}.${c}`, num(row[col(c)]), num(row[col('at_risk')])));
    });
  }
  if (name === 'job-endings') {
    body.forEach((row, i) => rowSum(name, row, i, ['direct_pct', 'after_gap_pct', 'no_new_job_pct'], 100));
    additive(['n_endings', 'n_persons', 'n_excluded']);
  }
  if (name === 'retention') {
    body.forEach((row, i) => rowSum(name, row, i, ['same_employer_pct', 'other_employer_pct', 'not_working_pct'], 100));
    body.forEach((row, i) => rowSum(name, row, i, ['same_employer_pct', 'other_employer_pct'], 'work_retention_pct'));
    additive(['starts', 'persons', 'censored']);
  }
  if (name === 'time-to-new-job') additive(['endings', 'persons']);
  if (name === 'rule-typology') additive(['persons'], (row) => row[1]);
  if (name === 'clusters') {
    body.forEach((row, i) => header.forEach((c, j) => {
      if (c.endsWith('_at_end')) share(`${name}.${i}.${c}`, num(row[j]), num(row[col('n')]));
    }));
    for (const c of header.filter((h) => h === 'share_total' || h.startsWith('share_'))) {
      body.forEach((row, i) => put(`${name}.${i}.${c}`, num(row[col(c)])));
      sum(body.map((_, i) => `${name}.${i}.${c}`), 1);
    }
  }
  if (name.startsWith('profiles') && !name.endsWith('-tests')) {
    // % per level within a covariate add up to 100 in each group column
    const groupCols = header.filter((h) => /^cluster_\d+$/.test(h) || h === 'total');
    const covs = [...new Set(body.map((row) => row[0]))];
    for (const cov of covs) {
      const rowsOf = body.flatMap((row, i) => (row[0] === cov ? [i] : []));
      for (const g of groupCols) {
        rowsOf.forEach((i) => put(`${name}.${i}.${g}`, num(body[i][col(g)])));
        sum(rowsOf.map((i) => `${name}.${i}.${g}`), 100);
      }
    }
  }
}

/** Run a study report and the output checker on everything it wrote, and on its figures' data. */
async function checkedReport(name: string, study: StudyFile, panel: Partial<StudyReportOptions>): Promise<{ report: StudyReport; findings: Finding[]; out: string }> {
  const out = join(scratch, name);
  const data = join(scratch, `${name}-data`);
  const report = await studyReport({ study, out, threads: 1, ...panel, ...(panel.simulate ? { simulate: { ...panel.simulate, dir: data } } : {}) });
  // the figures' data as Vega-Lite specs: what each chart draws
  const specs = join(scratch, `${name}-specs`);
  await mkdir(specs, { recursive: true });
  for (const f of documentFigures(report.document)) await writeFile(join(specs, `${f.name}.vl.json`), JSON.stringify(f.spec));
  const seqs = report.computation.sequences;
  const options = {
    minCell: MIN_CELL,
    ids: new Set(seqs.ids),
    // no folder of an input may appear: the scratch folder, the simulated panel's, the fixture's
    forbidden: [scratch, data, ...(panel.input ? [dirname(panel.input)] : [])],
    personsWithLabel: labelCounts(report.computation.window),
    relations: reportRelations,
  };
  const findings = [...checkOutputDir(out, options), ...checkOutputDir(specs, options).map((f) => ({ ...f, file: `spec of ${f.file}` }))];
  return { report, findings, out };
}

const RUNS: [number, number][] = [[300, 1], [300, 2], [1000, 1], [1000, 3], [3000, 1]];
const reports = new Map<string, { report: StudyReport; out: string }>();

describe('study reports of small panels pass the independent output check (minCell 10)', () => {
  it.each(RUNS)('jobcoach, %i persons, seed %i', async (n, seed) => {
    const study = await builtinStudy('jobcoach');
    const { report, findings, out } = await checkedReport(`jobcoach-${n}-${seed}`, study, { simulate: { n, seed, dir: '' } });
    reports.set(`${n}-${seed}`, { report, out });
    expect(findings).toEqual([]);
    // the check had something to check: cells were suppressed and the log says so
    expect(report.computation.results.disclosure.suppressed_cells).toBeGreaterThan(0);
    const log = parse(await readFile(join(out, 'disclosure.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(new Set(log.map((l) => l.rule))).toEqual(new Set(['none', 'primary', 'secondary']));
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('id="output-check"');
  });

  it.skipIf(!hasFixtures)('mvad with disclosure control on (its study file turns it off for parity)', async () => {
    // 100 permutations instead of 1,000 for the discrepancy analysis and the tree: the check reads what is published, not p-values
    const mvad = await builtinStudy('mvad');
    const study = {
      ...mvad, disclosure: { minCell: MIN_CELL },
      ...(mvad.discrepancy ? { discrepancy: { ...mvad.discrepancy, permutations: 100 } } : {}),
      ...(mvad.tree ? { tree: { ...mvad.tree, permutations: 100 } } : {}),
    };
    const { findings, out } = await checkedReport('mvad', study, { input: fixturePath('mvad.csv'), format: 'wide', cols: 'Sep.93..Jun.99', id: 'id', weight: null });
    expect(findings).toEqual([]);
    expect(existsSync(join(out, 'disclosure.csv'))).toBe(true);
  });

  it('the check bites: primary suppression alone is recoverable, and a small count is found', async () => {
    const { report, out } = reports.get('300-1')!;
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Json & { state_share: Record<string, Record<string, Record<string, number | null>>> };
    const raw = (report.computation.shares as unknown as { unsafeRaw(): StateShares }).unsafeRaw();
    // a month with suppressed shares gets back all but one of them: the last one then follows from the rest (they add up to 1)
    const [g, m] = Object.entries(results.state_share).flatMap(([group, months]) => Object.entries(months).map(([month, row]) => [group, month, row] as const))
      .find(([, , row]) => Object.values(row).filter((x) => x === null).length >= 2)!;
    const row = results.state_share[g][m];
    const hidden = Object.keys(row).filter((s) => row[s] === null);
    const group = raw.groups.find((x) => x.group === g)!;
    for (const state of hidden.slice(1)) row[state] = group.shares[raw.months.indexOf(Number(m))][raw.states.indexOf(state)];
    const tampered = join(scratch, 'tampered');
    await mkdir(tampered, { recursive: true });
    await writeFile(join(tampered, 'results.json'), JSON.stringify(results));
    const found = checkOutputDir(tampered, { minCell: MIN_CELL, relations: reportRelations }).map((f) => f.problem);
    expect(found).toContain(`suppressed ss.${g}.${m}.${hidden[0]} is recoverable from ${Object.keys(row).map((s) => `ss.${g}.${m}.${s}`).join(' + ')} = 1`);
    // and a count below the threshold, published as it is
    await writeFile(join(tampered, 'results.json'), JSON.stringify({ ...results, job_loss: { ...(results.job_loss as Json), WGA: { ...((results.job_loss as Json).WGA as Json), n_excluded: 7 } } }));
    expect(checkOutputDir(tampered, { minCell: MIN_CELL }).map((f) => f.problem)).toContain('job_loss.WGA.n_excluded = 7: a count below 10');
  });

  it('with --round 5 (the command line): counts are multiples of 5, small shares and means still suppressed, nothing recoverable', async () => {
    const out = join(scratch, 'rounded');
    captureOutput(process.stdout);
    captureOutput(process.stderr);
    expect(await main(['report', 'jobcoach', '--n', '300', '--seed', '3', '--round', '5', '--out', out, '--quiet', '--threads', '1'])).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as { disclosure: { mode: string; round: number; cells: Record<string, number> }; job_loss: Record<string, Record<string, number | null>> };
    expect(results.disclosure).toMatchObject({ mode: 'round', round: 5 });
    expect(results.disclosure.cells.rounded).toBeGreaterThan(0);
    expect(results.disclosure.cells.primary).toBeGreaterThan(0);
    expect(Object.values(results.job_loss).map((r) => r.n_endings! % 5)).toEqual(Object.values(results.job_loss).map(() => 0));
    // the synthetic panel the command wrote (DIR/data) is its input, not its output
    const findings = checkOutputDir(out, { minCell: MIN_CELL, round: 5, relations: reportRelations }).filter((f) => !f.file.startsWith('data/'));
    expect(findings).toEqual([]);
    const log = parse(await readFile(join(out, 'disclosure.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(log.filter((l) => l.rule === 'rounded' && Number(l.persons) % 5 !== 0)).toEqual([]);
  });
});
