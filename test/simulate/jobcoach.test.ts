import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  checkCsvFile, fitGroupModel, groupCell, JOBCOACH_PARAMETERS, JOBCOACH_STATES, loadPanel, MONTH_COLUMNS, PERSON_COLUMNS,
  simulateJobcoach, VOID, writeJobcoachPanel, type StateSequences,
} from '../../src/index.js';
import { comparable } from '../ingest/duckdb/helpers.js';

const TRIAL = 0, WORK_JC = 1, WORK = 2, NONE = 3;

function numbers(seqs: StateSequences, name: string): Float64Array {
  const a = seqs.cellAttributes[name];
  if (a.kind !== 'number') throw new Error(`${name} is not numeric`);
  return a.values;
}

function employers(seqs: StateSequences): string[] {
  const a = seqs.cellAttributes.employer_id;
  if (a.kind !== 'category') throw new Error('employer_id is not a category');
  return Array.from(a.values, (v) => (v < 0 ? '' : a.levels[v]));
}

describe('simulateJobcoach', () => {
  const seqs = simulateJobcoach({ n: 2000, seed: 11 });
  const hours = numbers(seqs, 'hours_week');
  const wage = numbers(seqs, 'hourly_wage');
  const permanent = numbers(seqs, 'permanent');
  const employer = employers(seqs);

  it('is deterministic for a seed and differs between seeds', () => {
    const again = simulateJobcoach({ n: 2000, seed: 11 });
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (x: number, k: number) => Object.is(x, b[k]));
    expect(same(again.codes, seqs.codes)).toBe(true);
    expect(same(numbers(again, 'hourly_wage'), wage)).toBe(true);
    expect(again.covariates.objects()).toEqual(seqs.covariates.objects());
    expect(same(simulateJobcoach({ n: 2000, seed: 12 }).codes, seqs.codes)).toBe(false);
  });

  it('follows each person from the start month to 2019-12 (at least 25 months), right-censored', () => {
    const start = seqs.covariates.array('start_month') as string[];
    expect(seqs.t).toBe(84);
    expect(seqs.alphabet.codes).toEqual([...JOBCOACH_STATES]);
    const bad: string[] = [];
    for (let i = 0; i < seqs.n; i++) {
      const [y, m] = start[i].split('-').map(Number);
      const length = (2019 - y) * 12 + (12 - m) + 1;
      if (y < 2013 || y > 2017 || seqs.lengths[i] !== length || length < 25) bad.push(`${i}: ${start[i]}, length ${seqs.lengths[i]}`);
      for (let j = seqs.lengths[i]; j < seqs.t; j++) if (seqs.codes[i * seqs.t + j] !== VOID) bad.push(`${i}, ${j}: not VOID`);
    }
    expect(bad).toEqual([]);
  });

  it('follows everyone longer with more months of extract (120: to 2022-12)', () => {
    const long = simulateJobcoach({ n: 200, seed: 1, months: 120 });
    const short = simulateJobcoach({ n: 200, seed: 1 });
    expect(long.t).toBe(120);
    for (let i = 0; i < long.n; i++) expect(long.lengths[i] - short.lengths[i]).toBe(36);
    expect(Math.min(...long.lengths)).toBeGreaterThanOrEqual(61);
    expect(() => simulateJobcoach({ n: 1, months: 59 })).toThrow(/^months: must be a whole number of months from 60/);
  });

  it('starts in a trial placement or a job with jobcoach; trial placements last at most 2 months', () => {
    const bad: string[] = [];
    for (let i = 0; i < seqs.n; i++) {
      const row = i * seqs.t;
      if (seqs.codes[row] !== TRIAL && seqs.codes[row] !== WORK_JC) bad.push(`${i}: starts in ${seqs.codes[row]}`);
      let run = 0;
      for (let j = 0; j < seqs.lengths[i]; j++) {
        const sameTrial = seqs.codes[row + j] === TRIAL && j > 0 && seqs.codes[row + j - 1] === TRIAL && employer[row + j] === employer[row + j - 1];
        run = seqs.codes[row + j] === TRIAL ? (sameTrial ? run + 1 : 1) : 0;
        if (run > 2) bad.push(`${i}, ${j}: trial month ${run}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives employer, hours, wage and contract to paid months only; trial placements have an employer and no wage', () => {
    const bad: string[] = [];
    for (let i = 0; i < seqs.n; i++) {
      for (let j = 0; j < seqs.lengths[i]; j++) {
        const c = i * seqs.t + j;
        const s = seqs.codes[c];
        const ok = s === WORK_JC || s === WORK
          ? /^E\d+$/.test(employer[c]) && hours[c] >= 8 && hours[c] <= 40 && wage[c] > 0 && (permanent[c] === 0 || permanent[c] === 1)
          : (employer[c] === '') === (s === NONE) && Number.isNaN(hours[c]) && Number.isNaN(wage[c]) && Number.isNaN(permanent[c]);
        if (!ok) bad.push(`${i}, ${j}: ${s} ${employer[c]} ${hours[c]} ${wage[c]} ${permanent[c]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps a permanent contract and the hours within a job, and wages do not fall', () => {
    const paid = (k: number) => seqs.codes[k] === WORK_JC || seqs.codes[k] === WORK;
    const bad: string[] = [];
    for (let i = 0; i < seqs.n; i++) {
      for (let j = 1; j < seqs.lengths[i]; j++) {
        const c = i * seqs.t + j;
        if (!paid(c) || !paid(c - 1) || employer[c] !== employer[c - 1]) continue;
        if (permanent[c] < permanent[c - 1] || hours[c] !== hours[c - 1] || wage[c] < wage[c - 1]) bad.push(`${i}, ${j}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has the published covariates and the latent group for validation', () => {
    const cov = seqs.covariates;
    expect(cov.columnNames()).toEqual([...PERSON_COLUMNS]);
    expect(new Set(cov.array('benefit') as string[])).toEqual(new Set(['Wajong', 'WGA']));
    expect(new Set(cov.array('regime') as string[])).toEqual(new Set(['very_light', 'light', 'medium', 'intensive']));
    expect(new Set(cov.array('disability') as string[])).toEqual(new Set(['intellectual', 'psychiatric', 'autism', 'physical', 'other']));
    expect(new Set(cov.array('true_group') as Int32Array)).toEqual(new Set([1, 2, 3, 4]));
    expect(cov.array('person_id')).toEqual(seqs.ids);
  });

  it('keeps to the group definitions: group 3 rarely works after two years, group 1 rarely has jobcoach for three years', () => {
    const group = seqs.covariates.array('true_group') as Int32Array;
    let group1 = 0, coachedThroughout = 0, group3 = 0, workingAt24 = 0;
    for (let i = 0; i < seqs.n; i++) {
      const row = seqs.codes.subarray(i * seqs.t, i * seqs.t + seqs.lengths[i]);
      if (group[i] === 3) {
        group3++;
        if (row[24] !== NONE) workingAt24++;
      }
      if (group[i] === 1 && row.length >= 36) {
        group1++;
        if (row.subarray(0, 36).every((s) => s === TRIAL || s === WORK_JC)) coachedThroughout++;
      }
    }
    expect(workingAt24 / group3).toBeLessThan(0.02);
    expect(coachedThroughout / group1).toBeLessThan(0.02);
  });

  it('refuses a withdrawal hazard outside [0, 1)', () => {
    const g2 = JOBCOACH_PARAMETERS.process.Wajong[1];
    const parameters = { ...JOBCOACH_PARAMETERS, process: { ...JOBCOACH_PARAMETERS.process, Wajong: Array(4).fill({ ...g2, withdrawal: { from: 0, hazard: 1 } }) } };
    expect(() => simulateJobcoach({ n: 5, parameters })).toThrow('parameters.process: a withdrawal hazard must be in [0, 1); got 1');
  });

  it('handles panels of one and of no person', () => {
    const tiny = simulateJobcoach({ n: 1, seed: 1 });
    expect(tiny.n).toBe(1);
    expect(simulateJobcoach({ n: 0 }).n).toBe(0);
  });
});

describe('fitGroupModel', () => {
  const model = fitGroupModel(JOBCOACH_PARAMETERS);
  const persons = JOBCOACH_PARAMETERS.persons;

  // joint P(g, r) for a benefit: Σ over sex and intellectual disability of P(r) P(s) P(d) P(g | r, s, d)
  function joint(b: number): number[][] {
    const p = b === 0 ? persons.Wajong : persons.WGA;
    const regime = b === 0 ? model.regime.Wajong : model.regime.WGA;
    const out = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
    for (let r = 0; r < 4; r++) {
      for (let s = 0; s < 2; s++) {
        for (let d = 0; d < 2; d++) {
          const px = regime[r] * (s ? p.femaleShare : 1 - p.femaleShare) * (d ? p.disability[0] : 1 - p.disability[0]);
          const cell = groupCell(b, r, s, d) * 4;
          for (let g = 0; g < 4; g++) out[g][r] += px * model.probs[cell + g];
        }
      }
    }
    return out;
  }

  it('reproduces Table 2 (regime within each group, Wajong) and the group shares per benefit', () => {
    const w = joint(0);
    JOBCOACH_PARAMETERS.regimeByGroup.forEach((row, g) => {
      const rowSum = row.reduce((a, x) => a + x, 0);
      const groupSum = w[g].reduce((a, x) => a + x, 0);
      expect(groupSum).toBeCloseTo(JOBCOACH_PARAMETERS.groupShare.Wajong[g], 10);
      row.forEach((x, r) => expect(w[g][r] / groupSum).toBeCloseTo(x / rowSum, 10));
    });
    joint(1).forEach((row, g) => expect(row.reduce((a, x) => a + x, 0)).toBeCloseTo(JOBCOACH_PARAMETERS.groupShare.WGA[g], 10));
  });

  it('has the published odds ratio of group 3 for women vs men in every covariate cell', () => {
    const odds = (p: number) => p / (1 - p);
    const { women, men } = JOBCOACH_PARAMETERS.group3BySex;
    for (let r = 0; r < 4; r++) {
      const m = model.probs[groupCell(0, r, 0, 0) * 4 + 2], f = model.probs[groupCell(0, r, 1, 0) * 4 + 2];
      // the sex effect is on the log-linear scale: P(g3)/P(g) for g != 3 scales by the odds ratio
      const other = (s: number) => model.probs[groupCell(0, r, s, 0) * 4 + 0];
      expect((f / other(1)) / (m / other(0))).toBeCloseTo(odds(women) / odds(men), 10);
    }
  });
});

describe('writeJobcoachPanel', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loopbaan-sim-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes persons.csv and months.csv that validate against data-schemas/', async () => {
    const written = await writeJobcoachPanel(dir, { n: 300, seed: 5 });
    const persons = (await readFile(written.persons, 'utf8')).trimEnd().split('\n');
    const months = (await readFile(written.months, 'utf8')).trimEnd().split('\n');
    expect(persons[0]).toBe(PERSON_COLUMNS.join(','));
    expect(months[0]).toBe(MONTH_COLUMNS.join(','));
    expect(persons.length - 1).toBe(300);
    expect(months.length - 1).toBe(written.monthRows);
    expect(months.slice(1).every((l) => /^P\d{5},\d{4}-\d{2},(trial|work_jc|work|none),(E\d+)?,(\d+)?,(\d+\.\d{2})?,(0|1)?$/.test(l))).toBe(true);
    expect(await checkCsvFile(written.persons, 'persons')).toEqual([]);
    expect(await checkCsvFile(written.months, 'months')).toEqual([]);
  });

  it('loads with the ingest into the same panel simulateJobcoach builds', async () => {
    const written = await writeJobcoachPanel(dir, { n: 300, seed: 5 });
    const { sequences: loaded } = await loadPanel({
      format: 'long', input: written.months, persons: written.persons, weight: 'weight',
      states: [...JOBCOACH_STATES], time: { align: 'start', column: 'start_month' },
    });
    const direct = simulateJobcoach({ n: 300, seed: 5 });
    expect(loaded.ids).toEqual(direct.ids);
    expect(Array.from(loaded.lengths)).toEqual(Array.from(direct.lengths));
    const cells = (s: StateSequences, name: string) => {
      const v = name === 'state' ? Array.from(s.codes) : name === 'employer_id' ? employers(s) : Array.from(numbers(s, name));
      const out: unknown[] = [];
      for (let i = 0; i < s.n; i++) for (let j = 0; j < s.lengths[i]; j++) out.push(v[i * s.t + j]);
      return out;
    };
    const states = (s: StateSequences) => cells(s, 'state');
    expect(states(loaded)).toEqual(states(direct));
    for (const name of ['employer_id', 'hours_week', 'hourly_wage', 'permanent']) expect(cells(loaded, name)).toEqual(cells(direct, name));
    expect(loaded.covariates.array('true_group')).toEqual(Array.from(direct.covariates.array('true_group') as Int32Array));
  });

  it('writes the same panel as Parquet (typed columns)', async () => {
    const csv = await writeJobcoachPanel(join(dir, 'csv'), { n: 300, seed: 5 });
    const parquet = await writeJobcoachPanel(join(dir, 'parquet'), { n: 300, seed: 5, format: 'parquet' });
    expect(parquet).toMatchObject({ persons: join(dir, 'parquet', 'persons.parquet'), months: join(dir, 'parquet', 'months.parquet'), monthRows: csv.monthRows });
    expect((await readdir(join(dir, 'parquet'))).sort()).toEqual(['months.parquet', 'persons.parquet']);
    const load = (w: typeof csv) => loadPanel({ format: 'long', input: w.months, persons: w.persons, weight: 'weight', time: { align: 'start', column: 'start_month' }, attributes: undefined });
    const [fromCsv, fromParquet] = [await load(csv), await load(parquet)];
    const same = (p: typeof fromCsv) => ({ ...(comparable(p) as object), report: undefined });
    expect(same(fromParquet)).toEqual(same(fromCsv));
    expect(fromParquet.sequences.cellAttributes.hourly_wage.kind).toBe('number');
  });

  it('is the loopbaan simulate jobcoach command', async () => {
    const out = join(dir, 'cli');
    const write = process.stdout.write;
    process.stdout.write = () => true;
    try {
      expect(await main(['simulate', 'jobcoach', '--n', '50', '--seed', '2', '--out', out, '--quiet'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const persons = await readFile(join(out, 'persons.csv'), 'utf8');
    expect(persons.trimEnd().split('\n')).toHaveLength(51);
  });

  it('refuses bad arguments with exit code 2', async () => {
    const write = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(await main(['simulate', 'jobcoach', '--n', '-3', '--out', dir])).toBe(2);
      expect(await main(['simulate', 'other', '--out', dir])).toBe(2);
      expect(await main(['simulate', 'jobcoach'])).toBe(2);
      expect(await main(['simulate', 'jobcoach', '--months', '12', '--out', dir])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
  });
});
