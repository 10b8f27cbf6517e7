import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputDir, isCountName, recoverable } from './output-check.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Write files into a fresh sub-folder and return it. */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const d = join(dir, name);
  for (const [f, text] of Object.entries(files)) {
    await mkdir(join(d, f, '..'), { recursive: true });
    await writeFile(join(d, f), text);
  }
  return d;
}

describe('the output checker', () => {
  it('names counts', () => {
    expect(['n', 'n_endings', 'persons', 'atRisk', 'at_risk', 'personsWeighted', 'n_excluded', 'starts']. every(isCountName)).toBe(true);
    expect(['direct_pct', 'share', 'mean', 'k', 'window_months', 'min_cell', 'p_value', 'endings_per_person', 'share_pct_persons'].some(isCountName)).toBe(false);
  });

  it('finds small counts in results.json and CSV tables, and accepts zeros and suppressed cells', async () => {
    const d = await folder('counts', {
      'results.json': JSON.stringify({ job_loss: { Wajong: { n_endings: 7, n_persons: 120, direct_pct: 3 }, WGA: { n_endings: null, n_excluded: 0 } }, at_risk: { Wajong: { 36: 4 } } }),
      'tables/t.csv': 'benefit,persons,pct\nWajong,12,4\nWGA,3,50\nall,,\n',
      'disclosure.csv': 'table,cell,kind,persons,rule\nt,WGA.persons,count,<10,primary\nt,x,count,9,none\n',
    });
    expect(checkOutputDir(d, { minCell: 10 })).toEqual([
      { file: 'disclosure.csv', problem: 'line 3, column persons = 9: a count below 10' },
      { file: 'results.json', problem: 'job_loss.Wajong.n_endings = 7: a count below 10' },
      { file: 'results.json', problem: 'at_risk.Wajong.36 = 4: a count below 10' },
      { file: 'tables/t.csv', problem: 'line 3, column persons = 3: a count below 10' },
    ]);
    // rounded counts: multiples of the base are fine
    const r = await folder('rounded', { 't.csv': 'group,n\na,5\nb,0\nc,15\nd,7\n' });
    expect(checkOutputDir(r, { minCell: 10, round: 5 })).toEqual([{ file: 't.csv', problem: 'line 5, column n = 7: a count below 10' }]);
  });

  it('finds index-plot rows of too few sequences in figure data, but not font sizes', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: { axis: { labelFontSize: 9 } },
      vconcat: [{ data: { values: [{ x: 0, x2: 3, y: 0, y2: 12, state: 'work', n: 12 }, { x: 0, x2: 3, y: 12, y2: 13, state: 'none', n: 1 }, { x: 0, x2: 1, y: 13, y2: 14, state: 'none' }] } }],
    };
    const d = await folder('figures', { 'figures/index.vl.json': JSON.stringify(spec) });
    expect(checkOutputDir(d, { minCell: 10 })).toEqual([
      { file: 'figures/index.vl.json', problem: 'spec.vconcat.0.data.1: an index-plot row of 1 sequences' },
      { file: 'figures/index.vl.json', problem: 'spec.vconcat.0.data.1.n = 1: a count below 10' },
      { file: 'figures/index.vl.json', problem: 'spec.vconcat.0.data.2: an index-plot row without the number of sequences it shows' },
    ]);
  });

  it('finds person ids, absolute paths and id columns', async () => {
    const d = await folder('ids', {
      'index.html': '<p>medoid P000123: work 12m</p>',
      'results.json': JSON.stringify({ source: { persons: '/secure/extract/persons.csv' } }),
      'tables/clusters.csv': 'cluster,medoid_id\n1,P000123\n',
    });
    const found = checkOutputDir(d, { minCell: 10, forbidden: ['P000123', '/secure/extract'] });
    expect(found).toEqual([
      { file: 'index.html', problem: 'contains "P000123"' },
      { file: 'results.json', problem: 'contains "/secure/extract"' },
      { file: 'results.json', problem: 'source.persons: an absolute path "/secure/extract/persons.csv"' },
      { file: 'tables/clusters.csv', problem: 'contains "P000123"' },
      { file: 'tables/clusters.csv', problem: 'column medoid_id: person ids' },
    ]);
  });

  it('finds suppressed cells recoverable through known sums, also in chains', () => {
    const values = new Map<string, number | null>([['same', 62], ['other', 30], ['none', null], ['work', 92]]);
    const shares = { cells: ['same', 'other', 'none'], total: 100 };
    expect(recoverable({ values, lines: [shares] })).toEqual(['suppressed none is recoverable from same + other + none = 100']);
    // other hidden too: none still follows from work (other = work - same, then none)
    values.set('other', null);
    expect(recoverable({ values, lines: [shares, { cells: ['same', 'other'], total: 'work' }] })).toHaveLength(2);
    values.set('work', null);
    expect(recoverable({ values, lines: [shares, { cells: ['same', 'other'], total: 'work' }] })).toEqual([]);
  });

  it('applies the relations given per file', async () => {
    const d = await folder('relations', { 'results.json': JSON.stringify({ retention: { same_pct: 62, other_pct: null, not_working_pct: 8 } }) });
    const relations = (file: string, content: unknown) => {
      const r = (content as { retention: Record<string, number | null> }).retention;
      return { values: new Map(Object.entries(r)), lines: [{ cells: Object.keys(r), total: 100 }] };
    };
    expect(checkOutputDir(d, { minCell: 10, relations })).toEqual([
      { file: 'results.json', problem: 'suppressed other_pct is recoverable from same_pct + other_pct + not_working_pct = 100' },
    ]);
  });
});
