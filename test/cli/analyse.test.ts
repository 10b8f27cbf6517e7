import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  jobEpisodes, jobLossTable, loadPanel, participationLadder, retention, ruleTypology, stateSharesByMonth, stockOnDate, timeToNewJob,
  writeJobcoachPanel, type StateSequences,
} from '../../src/index.js';
import { captureOutput } from '../helpers/cli.js';

// A small panel in the generic states of the issue (employed, unemployed,
// education, inactive), 2020-01 .. 2020-06, hand-computed below.
const MONTHS = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'];
const PEOPLE: [string, string, string, string, string, number[]][] = [
  // id, sex, birth, states (E employed, U unemployed, D education, I inactive), employer per month
  // and hours per week in the working months
  ['p1', 'f', '1990-03', 'EEEUUE', 'AAA--B', [20, 20, 20, 0, 0, 30]], // job A ends after month 2, new job after 2 months
  ['p2', 'm', '1985', 'EEEEEE', 'AABBBB', [30, 30, 30, 36, 36, 36]], //   A -> B directly
  ['p3', 'f', '2001-12-31', 'UUEEII', '--CC--', [0, 0, 25, 25, 0, 0]], // job C ends, no new job (2 months inactive)
  ['p4', 'm', '1999', 'DDEEEE', '--CCCC', [0, 0, 10, 16, 16, 16]], //  job C runs to the end
  ['p5', 'f', '', 'UUUUUU', '------', [0, 0, 0, 0, 0, 0]], //      never works
  ['p6', 'm', '1970', 'EUEUEU', 'A-A-A-', [20, 0, 20, 0, 26, 0]], //  three jobs, two new after one month, the last without a new job
];
const STATE: Record<string, string> = { E: 'employed', U: 'unemployed', D: 'education', I: 'inactive' };
const ROLES = ['--paid', 'employed', '--none', 'unemployed,inactive', '--other', 'education'];

let dir = '';
let input: string[] = [];
let seqs: StateSequences;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-analyse-'));
  const months = ['person_id,month,state,employer,hours'];
  for (const [id, , , states, emp, hours] of PEOPLE) {
    [...states].forEach((s, j) => months.push(`${id},${MONTHS[j]},${STATE[s]},${emp[j] === '-' ? '' : emp[j]},${s === 'E' ? hours[j] : ''}`));
  }
  await writeFile(join(dir, 'labels.csv'), 'id,cluster\np1,1\np2,1\np3,1\np4,2\np5,2\np6,2\n');
  await writeFile(join(dir, 'months.csv'), months.join('\n') + '\n');
  await writeFile(join(dir, 'persons.csv'), ['person_id,sex,birth', ...PEOPLE.map(([id, sex, birth]) => `${id},${sex},${birth}`)].join('\n') + '\n');
  input = ['--input', join(dir, 'months.csv'), '--persons', join(dir, 'persons.csv'), '--quiet'];
  seqs = (await loadPanel({ format: 'long', input: join(dir, 'months.csv'), persons: join(dir, 'persons.csv'), attributes: ['employer'] })).sequences;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Run `loopbaan analyse ...`; the CSV it writes as rows of objects (numbers parsed, empty = null). */
async function analyse(args: string[]): Promise<Record<string, string | number | null>[]> {
  const out = captureOutput(process.stdout);
  const err = captureOutput(process.stderr);
  const code = await main(['analyse', ...args]);
  if (code !== 0) throw new Error(`exit ${code}: ${err()}`);
  const rows = parse(out(), { columns: true }) as Record<string, string>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v)])));
}

/** The exit code and stderr of a run that should fail. */
async function failing(args: string[]): Promise<[number, string]> {
  captureOutput(process.stdout);
  const err = captureOutput(process.stderr);
  const code = await main(['analyse', ...args]);
  return [code, err()];
}

describe('loopbaan analyse on a panel with the states employed, unemployed, education, inactive', () => {
  const open = ['--min-cell', '1'];

  it('job-loss: hand-computed A, B, C, D and the rest per sex, equal to the API', async () => {
    const rows = await analyse(['job-loss', ...input, ...ROLES, '--employer', 'employer', '--by', 'sex', '--window', '6', ...open]);
    expect(rows.map((r) => r.group)).toEqual(['f', 'm', 'total']);
    const [f, m, total] = rows;
    expect(f).toMatchObject({ persons: 3, endings: 2, direct_pct: 0, after_gap_pct: 50, gap_months_mean: 2, no_new_job_pct: 50 });
    expect(f.endings_per_person).toBeCloseTo(2 / 3, 15);
    expect(m).toMatchObject({ persons: 3, endings: 4, direct_pct: 25, after_gap_pct: 50, gap_months_mean: 1, no_new_job_pct: 25 });
    expect(total).toMatchObject({ persons: 6, excluded: 0, endings: 6, endings_per_person: 1, after_gap_pct: 50 });
    expect(total.direct_pct).toBeCloseTo(100 / 6, 13);
    expect(total.gap_months_mean).toBeCloseTo(4 / 3, 15);
    const api = jobLossTable(seqs, { roles: { paid: ['employed'], none: ['unemployed', 'inactive'], other: ['education'] }, employer: 'employer', by: 'sex', window: 6 });
    expect([total.direct_pct, total.no_new_job_pct, m.endings_per_person]).toEqual([api.total.directPct, api.total.noNewJobPct, api.groups[1].endingsPerPerson]);
  });

  it('without the employer a job is a run of working months (p2 has one job)', async () => {
    const [total] = await analyse(['job-loss', ...input, ...ROLES, '--window', '6', ...open]);
    expect(total).toMatchObject({ group: 'total', endings: 5, direct_pct: 0 });
  });

  it('new-job, retention, rule-typology, shares: the API numbers', async () => {
    const roles = { paid: ['employed'], none: ['unemployed', 'inactive'], other: ['education'] };
    const work = { roles, employer: 'employer', episodes: jobEpisodes(seqs, { roles, employer: 'employer', unpaidOnlyJobs: 'exclude' }) };
    const newJob = await analyse(['new-job', ...input, ...ROLES, '--employer', 'employer', '--at', '0,1,2', ...open]);
    const tn = timeToNewJob(seqs, { ...work, at: [0, 1, 2] });
    expect(newJob.map((r) => r.new_job_pct)).toEqual(tn.total.shares.map((s) => 100 * s.newJob));
    expect(newJob.map((r) => r.at_risk)).toEqual([6, 4, 1]); // six endings: T = 0, 1, 1, 2 and censored at 1 (p3) and 0 (p6)
    const kept = await analyse(['retention', ...input, ...ROLES, '--employer', 'employer', '--horizon', '2', ...open]);
    const rt = retention(seqs, { ...work, horizon: 2 });
    expect(kept[0]).toMatchObject({ starts: rt.total.starts, same_employer_pct: rt.total.sameEmployerPct, not_working_pct: rt.total.notWorkingPct });
    const types = await analyse(['rule-typology', ...input, ...ROLES, '--min-months', '6', '--long-run', '3', ...open]);
    const ty = ruleTypology(seqs, { ...work, minMonths: 6, longRun: 3 });
    expect(types.map((r) => r.persons)).toEqual([...ty.total.rows.map((r) => r.persons), 0]);
    expect(types.find((r) => r.type === 'longJob')).toMatchObject({ persons: 2 }); // p2, p4
    const shares = await analyse(['shares', ...input, '--months', '2020-01,2020-06', ...open]);
    const sh = stateSharesByMonth(seqs, { months: [0, 5] });
    expect(shares[1]).toMatchObject({ month: '2020-06', persons: 6, employed_pct: 100 * sh.total.shares[1][sh.states.indexOf('employed')] });
    expect(shares[1].employed_pct).toBe(50);
  });

  it('profiles: clusters from --labels, time working and sex per cluster', async () => {
    const args = ['profiles', ...input, ...ROLES, '--labels', join(dir, 'labels.csv'), '--by', 'cluster', '--categorical', 'sex', ...open];
    const [c1, c2, total] = await analyse(args);
    expect(c1).toMatchObject({ group: 1, persons: 3, share_pct: 50 });
    expect(c1.pct_time_working).toBeCloseTo(100 * 12 / 18, 12); // 4 + 6 + 2 of 18 months employed
    expect(c2.pct_time_working).toBeCloseTo(100 * 7 / 18, 12);
    expect(total).toMatchObject({ group: 'total', persons: 6 });
    const sex = await analyse([...args, '--table', 'profile-covariates']);
    const female = sex.filter((r) => r.level === 'f');
    expect(female.map((r) => r.group)).toEqual([1, 2, 'total']);
    expect(female[0].pct).toBeCloseTo(200 / 3, 12);
    expect(female[1].pct).toBeCloseTo(100 / 3, 12);
    expect(sex.find((r) => r.level === '(test)')).toMatchObject({ df: 1 });
  });

  it('index-numbers: the within estimate of the second bin against the first', async () => {
    const [first, second] = await analyse(['index-numbers', ...input, ...ROLES, '--outcome', 'hours', '--bins', '0,3', ...open]);
    expect(first).toMatchObject({ bin: '0-2', index: 100, persons: 5, observations: 10 });
    // per person the bin-1 minus bin-0 mean (10, 6, 0, 6, 6) weighted by n0 n1 / (n0 + n1): beta = 6; bin 0 mean 22.5
    expect(second).toMatchObject({ bin: '3-5', persons: 5 });
    expect(second.index).toBeCloseTo(100 * (1 + 6 / 22.5), 10);
  });

  it('ladder: same / up / down / left and the transitions', async () => {
    const args = ['ladder', ...input, ...ROLES, '--rungs', 'inactive+unemployed,education,employed', '--dates', '2020-01,2020-06', ...open];
    const [total] = await analyse(args);
    expect(total).toMatchObject({ group: 'total', persons: 6, same: 4, up: 1, down: 1, left: 0, up_pct: 100 / 6 });
    const transitions = await analyse([...args, '--table', 'ladder-transitions']);
    expect(transitions.map((r) => r.from)).toEqual(['inactive+unemployed', 'education', 'employed', 'total']);
    expect(transitions[2]).toMatchObject({ persons: 3, 'inactive+unemployed': 1, employed: 2, left: 0 });
    expect(transitions[3]).toMatchObject({ from: 'total', persons: 6, same: 4, up: 1, down: 1 });
    const api = participationLadder(seqs, { rungs: [['inactive', 'unemployed'], 'education', 'employed'], dates: ['2020-01', '2020-06'] });
    expect(total.same_pct).toBe(api.total.samePct);
  });

  it('stock: per role by sex and age band at the reference date, with totals', async () => {
    const rows = await analyse(['stock', ...input, ...ROLES, '--date', '2020-06', '--of', 'role', '--by', 'sex,age_band', '--birth', 'birth',
      '--age-bands', '20,30,50', ...open]);
    const row = (sex: string, band: string) => rows.find((r) => r.sex === sex && r.age_band === band)!;
    expect(Object.keys(rows[0])).toEqual(['sex', 'age_band', 'persons', 'not_observed', 'paid', 'none', 'other', 'paid_pct', 'none_pct', 'other_pct']);
    expect(row('f', 'total')).toMatchObject({ persons: 3, paid: 1, none: 2 });
    expect(row('m', 'total')).toMatchObject({ persons: 3, paid: 2, none: 1 });
    expect(row('f', '30-49')).toMatchObject({ persons: 1, paid: 1, paid_pct: 100 }); // p1, 30 at the end of 2020-06
    expect(row('f', '<20')).toMatchObject({ persons: 1, none: 1 }); // p3 turns 19 in December 2020
    expect(row('f', '20-29')).toMatchObject({ persons: 0 });
    expect(row('f', 'unknown')).toMatchObject({ persons: 1, none: 1 });
    expect(row('m', '50+')).toMatchObject({ persons: 1, none: 1 });
    expect(row('total', 'total')).toMatchObject({ persons: 6, paid: 3, none: 3, other: 0, paid_pct: 50 });
    const api = stockOnDate(seqs, { date: '2020-06', by: ['sex'] });
    expect(api.rows[2].counts).toEqual([0, 3, 1, 2]); // education, employed, inactive, unemployed
  });

  it('suppresses small cells by default and logs every cell beside --out', async () => {
    const out = join(dir, 'job-loss.csv');
    const [code] = await failing(['job-loss', ...input, ...ROLES, '--by', 'sex', '--window', '6', '--out', out]);
    expect(code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    for (const r of rows) for (const k of ['persons', 'endings']) expect(r[k]).toBe(''); // 3 and 6 persons: below 10
    const log = await readFile(join(dir, 'job-loss.disclosure.csv'), 'utf8');
    expect(log.split('\n')[0]).toBe('table,cell,kind,persons,rule');
    expect(log).toMatch(/^job-loss,f \/ persons,count,<10,primary$/m);
  });

  it('writes every table as JSON with --json', async () => {
    const out = captureOutput(process.stdout);
    captureOutput(process.stderr);
    expect(await main(['analyse', 'ladder', ...input, ...ROLES, '--rungs', 'inactive+unemployed,education,employed', '--dates', '2020-01,2020-06', '--json', ...open])).toBe(0);
    const json = JSON.parse(out()) as { analysis: string; disclosure: { min_cell: number }; tables: { name: string; rows: Record<string, unknown>[] }[] };
    expect(json.analysis).toBe('ladder');
    expect(json.disclosure.min_cell).toBe(1);
    expect(json.tables.map((t) => t.name)).toEqual(['ladder', 'ladder-transitions']);
    expect(json.tables[0].rows[0]).toMatchObject({ group: 'total', same: 4 });
  });

  it('bad input: exit 2 and one line naming the option and what was expected', async () => {
    const cases: [string[], RegExp][] = [
      [['job-loss', ...input, '--paid', 'employed,wrk', '--none', 'unemployed'], /--paid: "wrk" is not a state of the alphabet \(education, employed, inactive, unemployed\)/],
      [['job-loss', ...input, '--paid', 'employed', '--none', 'employed'], /--none: "employed" already has role paid/],
      [['job-loss', ...input, '--none', 'unemployed'], /--paid: .*needs at least one state with role paid or unpaid/],
      [['job-loss', ...input, '--employed', 'employed'], /--employed: unknown option/],
      [['ladder', ...input, '--rungs', 'unemployed,education,employed', '--dates', '2020-01,2020-06'], /--rungs: the ladder misses the state inactive/],
      [['ladder', ...input, '--rungs', 'inactive+unemployed,education,employed', '--dates', '2020-01,2021-06'], /--dates: month "2021-06" is outside the panel \(2020-01 \.\. 2020-06\)/],
      [['stock', ...input, '--date', '2019-12'], /--date: month "2019-12" is outside the panel/],
      [['stock', ...input, '--date', '2020-06', '--by', 'age_band', '--birth', 'born'], /--birth: no covariate "born"/],
      [['stock', ...input, '--date', '2020-06', '--by', 'age_band'], /--birth: age_band needs the covariate with the birth date or year/],
      [['stock', ...input, '--date', '2020-06', '--of', 'role'], /--paid\/--unpaid\/.*: a stock by role needs the roles/],
      [['profiles', ...input], /--by: is required/],
      [['index-numbers', ...input, '--outcome', 'employer', ...ROLES], /--outcome: no numeric cell attribute "employer"/],
      [['job-loss', ...input, ...ROLES, '--min-cell', '0'], /--min-cell: must be a whole number >= 1; got 0/],
      [['shares', ...input, '--table', 'x'], /--table: no table "x"; this analysis writes shares/],
      [['nonsense', ...input], /expected an analysis: loopbaan analyse shares\|job-loss\|/],
    ];
    for (const [args, message] of cases) {
      const [code, err] = await failing(args);
      expect([args[0], code, err]).toEqual([args[0], 2, expect.stringMatching(message)]);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('help: the analyses, and each one\'s options with an example', async () => {
    const out = captureOutput(process.stdout);
    expect(await main(['help', 'analyse'])).toBe(0);
    expect(out()).toMatch(/^ {2}ladder +participation ladder/m);
    expect(await main(['analyse', 'stock', '--help'])).toBe(0);
    expect(out()).toMatch(/--age-bands A,\.\.\..*\n[\s\S]*loopbaan analyse stock --input panel\/months\.csv/);
  });
});

describe('loopbaan analyse on the jobcoach panel gives the numbers of results.json', () => {
  // the report's snapshot: `report jobcoach --n 600 --seed 1` (test/snapshots/README.md)
  const snapshot = JSON.parse(readFileSync(new URL('../snapshots/report-jobcoach-n600-seed1.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
  let panel: string[] = [];
  beforeAll(async () => {
    const written = await writeJobcoachPanel(join(dir, 'jobcoach'), { n: 600, seed: 1 });
    panel = ['--input', written.months, '--persons', written.persons, '--weight', 'weight', '--align', 'start:start_month', '--quiet',
      '--paid', 'work_jc,work', '--unpaid', 'trial', '--none', 'none', '--employer', 'employer_id', '--by', 'benefit', '--levels', 'Wajong,WGA'];
  });

  /** Every value published by both equal to 6 decimals (results.json rounds to 6). */
  function same(cli: number | string | null | undefined, report: unknown): number {
    if (cli === null || cli === undefined || report === null) return 0;
    expect(cli as number).toBeCloseTo(report as number, 5);
    return 1;
  }

  it('job-loss, new-job, retention, rule-typology and shares', async () => {
    let compared = 0;
    const jobLoss = snapshot.job_loss as Record<string, Record<string, number | null>>;
    for (const r of await analyse(['job-loss', ...panel])) {
      const s = jobLoss[r.group as string];
      for (const [cli, report] of [['endings_per_person', 'endings_per_person'], ['direct_pct', 'direct_pct'], ['after_gap_pct', 'after_gap_pct'],
        ['gap_months_mean', 'gap_months_mean'], ['no_new_job_pct', 'no_new_job_pct'], ['endings', 'n_endings'], ['persons', 'n_persons']]) {
        compared += same(r[cli], s[report]);
      }
    }
    const newJob = (snapshot.time_to_new_job as { groups: Record<string, { shares: Record<string, Record<string, number | null>> }> }).groups;
    for (const r of await analyse(['new-job', ...panel])) {
      const s = newJob[r.group as string].shares[String(r.months)];
      for (const k of ['new_job_pct', 'lower_pct', 'upper_pct', 'at_risk']) compared += same(r[k], s[k]);
    }
    const kept = (snapshot.retention as { groups: Record<string, Record<string, number | null>> }).groups;
    for (const r of await analyse(['retention', ...panel, '--include-month-zero'])) {
      for (const k of ['starts', 'persons', 'same_employer_pct', 'other_employer_pct', 'not_working_pct', 'work_retention_pct']) compared += same(r[k], kept[r.group as string][k]);
    }
    const types = (snapshot.rule_typology as { groups: Record<string, { types: Record<string, Record<string, number | null>> }> }).groups;
    for (const r of await analyse(['rule-typology', ...panel, '--from', '0', '--to', '35', '--permanent', 'permanent'])) {
      const s = types[r.group as string]?.types[r.type as string];
      if (!s) continue;
      for (const k of ['persons', 'share_pct', 'pct_time_working', 'pct_permanent', 'job_changes_per_worked_year']) compared += same(r[k], s[k]);
    }
    const shares = snapshot.state_share as Record<string, Record<string, Record<string, number | null>>>;
    for (const r of await analyse(['shares', ...panel, '--months', '0,6,12,24,36'])) {
      const s = shares[r.group as string]?.[String(r.month)];
      if (!s) continue;
      for (const state of ['trial', 'work_jc', 'work', 'none']) compared += same(r[`${state}_pct`] === null ? null : (r[`${state}_pct`] as number) / 100, s[state]);
    }
    expect(compared).toBeGreaterThan(100);
  }, 60_000);
});
