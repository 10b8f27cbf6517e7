// loopbaan discrepancy, tree, representatives, validate end to end on a small wide panel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureOutput, readCsv } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-explain-'));

/** 40 persons, 6 months: work early for group a, late for group b; many repeated sequences. */
function panel(): string {
  const file = join(dir, 'panel.csv');
  const rows = ['id,grp,age,m1,m2,m3,m4,m5,m6'];
  for (let i = 0; i < 40; i++) {
    const grp = i % 2 === 0 ? 'a' : 'b';
    const start = grp === 'a' ? 1 + (i % 3 === 0 ? 1 : 0) : 4 + (i % 5 === 0 ? 1 : 0);
    const cells = Array.from({ length: 6 }, (_, j) => (j < start ? 'none' : 'work'));
    rows.push([`p${i + 1}`, grp, String(20 + (i % 7)), ...cells].join(','));
  }
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('explain commands', () => {
  afterEach(() => vi.restoreAllMocks());
  const input = panel();
  const common = ['--input', input, '--cols', 'm1..m6', '--method', 'HAM', '--quiet'];

  it('discrepancy --by one covariate: statistics with seeded p-values, discrepancy per level', async () => {
    const out = join(dir, 'assoc.csv');
    expect(await main(['discrepancy', ...common, '--by', 'grp', '--permutations', '200', '--seed', '3', '--out', out])).toBe(0);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(['table', 'name', 'n', 'value', 'p_value']);
    const r2 = rows.find((r) => r[1] === 'Pseudo R2')!;
    expect(Number(r2[3])).toBeGreaterThan(0.5);
    expect(Number(r2[4])).toBe(1 / 200);
    expect(rows.filter((r) => r[0] === 'discrepancy').map((r) => r[1])).toEqual(['a', 'b', 'Total']);
    const log = readCsv(join(dir, 'assoc.disclosure.csv'));
    expect(log[0]).toEqual(['table', 'cell', 'kind', 'persons', 'rule']);
    expect(log.find((r) => r[1] === 'a.n')).toEqual(['discrepancy', 'a.n', 'count', '20', 'none']);
    const again = join(dir, 'assoc2.csv');
    await main(['discrepancy', ...common, '--by', 'grp', '--permutations', '200', '--seed', '3', '--out', again]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('discrepancy: levels of fewer than --min-cell persons are empty, and none can be recovered from the total', async () => {
    // age has 7 levels of 5 or 6 persons
    const out = join(dir, 'age.csv');
    expect(await main(['discrepancy', ...common, '--by', 'age', '--permutations', '1', '--out', out])).toBe(0);
    const levels = readCsv(out).filter((r) => r[0] === 'discrepancy');
    expect(levels.filter((r) => r[1] !== 'Total').every((r) => r[2] === '' && r[3] === '')).toBe(true);
    expect(levels.find((r) => r[1] === 'Total')![2]).toBe('40');
    expect(readCsv(join(dir, 'age.disclosure.csv')).filter((r) => r[4] === 'primary').length).toBe(14);
  });

  it('discrepancy --by several covariates: dissmfacw rows; --json', async () => {
    const out = join(dir, 'mfac.json');
    expect(await main(['discrepancy', ...common, '--by', 'grp,age', '--permutations', '1', '--json', '--out', out])).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.rows.map((r: { variable: string }) => r.variable)).toEqual(['grp', 'age', 'Total']);
    expect(json.rows[0].pValue).toBeNull();
  });

  it('discrepancy: with a level suppressed, Fbf, Bartlett and Levene go too (with n and s² hidden they could give them back)', async () => {
    const out = join(dir, 'assoc-hidden.json');
    // levels of 20 persons: suppressed with --min-cell 25
    expect(await main(['discrepancy', ...common, '--by', 'grp', '--permutations', '1', '--min-cell', '25', '--json', '--out', out])).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.statistics.map((st: { name: string; value: number | null }) => [st.name, st.value === null])).toEqual([
      ['Pseudo F', false], ['Pseudo Fbf', true], ['Pseudo R2', false], ['Bartlett', true], ['Levene', true],
    ]);
    // several covariates: the persons left out are controlled and logged
    const mf = join(dir, 'mfac-log.json');
    expect(await main(['discrepancy', ...common, '--by', 'grp,age', '--permutations', '1', '--json', '--out', mf])).toBe(0);
    expect(JSON.parse(readFileSync(mf, 'utf8')).excluded).toBe(0);
    expect(readCsv(join(dir, 'mfac-log.disclosure.csv')).some((r) => r[1] === 'excluded')).toBe(true);
  });

  it('tree: TraMineR layout, medoids hidden below --min-cell, a figure', async () => {
    const out = join(dir, 'tree.txt');
    const figure = join(dir, 'tree.svg');
    expect(await main(['tree', ...common, '--by', 'grp,age', '--permutations', '1', '--max-depth', '2', '--min-cell', '5', '--out', out, '--figure', figure])).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^Dissimilarity tree:\n Parameters: min\.size=2, max\.depth=2, R=1, pval=1 \n Formula: HAM ~ grp \+ age/);
    expect(text).toMatch(/\|-> grp /);
    expect(text).toMatch(/\[ a \]/);
    expect(existsSync(figure)).toBe(true);
    const log = readCsv(join(dir, 'tree.disclosure.csv'));
    expect(log.some((r) => r[1] === '1.n' && r[4] === 'none')).toBe(true);
    expect(log.filter((r) => r[1].endsWith('.medoid')).every((r) => (r[4] === 'none') === Number(r[3]) >= 5)).toBe(true);
  });

  it('tree: a size resting on fewer than --min-cell persons is not published, nor min.size as a weight of it', async () => {
    const out = join(dir, 'tree.json');
    expect(await main(['tree', ...common, '--by', 'grp', '--permutations', '1', '--max-depth', '1', '--min-cell', '50', '--json', '--out', out])).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    // 40 persons: the root's size is suppressed, and min.size is the fraction given (0.05 x 40 = 2 would give it)
    expect([json.n, json.nodes[0].n, json.parameters.minSize]).toEqual([null, null, 0.05]);
  });

  it('representatives: statistics per group; sequences shown only when shared by --min-cell persons', async () => {
    const out = join(dir, 'reps.csv');
    expect(await main(['representatives', ...common, '--by', 'grp', '--min-cell', '8', '--out', out, '--figure', join(dir, 'reps.png')])).toBe(0);
    const rows = readCsv(out);
    expect(rows[0].slice(0, 5)).toEqual(['group', 'rank', 'sequence', 'persons', 'shown']);
    const reps = rows.slice(1).filter((r) => r[1] !== 'total');
    expect(reps.length).toBeGreaterThan(0);
    for (const r of reps) expect(r[4] === 'true').toBe(Number(r[3]) >= 8);
    for (const r of reps) if (r[4] === 'false') expect(r[2]).toBe('');
    const log = readCsv(join(dir, 'reps.disclosure.csv'));
    expect(log.filter((r) => r[1].endsWith('.sequence')).map((r) => r[4])).toEqual(reps.map((r) => (r[4] === 'true' ? 'none' : 'primary')));
  });

  it('representatives --json: a group of fewer than --min-cell persons shows no size, coverage or quality; nor does the figure', async () => {
    const out = join(dir, 'reps.json');
    const figure = join(dir, 'reps-hidden.svg');
    // groups of 20: with --min-cell 25 every count is suppressed
    expect(await main(['representatives', ...common, '--by', 'grp', '--min-cell', '25', '--json', '--out', out, '--figure', figure])).toBe(0);
    const groups = JSON.parse(readFileSync(out, 'utf8')).groups as { n: number | null; coverage: number | null; quality: number | null; total: { na: number | null; naPct: number | null } }[];
    for (const g of groups) expect([g.n, g.coverage, g.quality, g.total.na, g.total.naPct]).toEqual([null, null, null, null, null]);
    // the figure's labels and titles say – where the CSV is empty
    const spec = readFileSync(figure, 'utf8');
    expect(spec).not.toMatch(/na \d|nb \d|coverage \d/);
    expect(spec).toMatch(/na –, nb –/);
    expect(spec).toMatch(/coverage –/);
  });

  it('validate --what compare and null; bad options exit 2 with one line', async () => {
    const out = join(dir, 'cmp.csv');
    expect(await main(['validate', ...common, '--what', 'compare', '--kmax', '3', '--out', out])).toBe(0);
    expect(readCsv(out)[0].slice(0, 3)).toEqual(['method', 'k', 'PBC']);
    expect(readCsv(join(dir, 'cmp.disclosure.csv'))[1]).toEqual(['validate compare', expect.stringMatching(/\.2\.PBC$/), 'mean', '40', 'none']);
    const nul = join(dir, 'null.csv');
    expect(await main(['validate', ...common, '--what', 'null', '--kmax', '3', '--replicates', '3', '--out', nul])).toBe(0);
    expect(readCsv(nul)[0]).toEqual(['index', 'k', 'observed', 'null_mean', 'null_sd', 'standardized', 'maxt_low', 'maxt_high']);
    const stderr = captureOutput();
    expect(await main(['validate', ...common, '--what', 'nothing'])).toBe(2);
    expect(await main(['discrepancy', ...common, '--by', 'nosuch'])).toBe(2);
    expect(stderr()).toMatch(/--what: must be null, bootstrap or compare/);
    expect(stderr()).toMatch(/--by: no covariate "nosuch"/);
  });
});
