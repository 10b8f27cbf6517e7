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

  it('finds person ids in JSON strings, CSV cells and page words, but not cluster numbers', async () => {
    const d = await folder('person-ids', {
      'results.json': JSON.stringify({ clusters: [{ id: 1, medoid: 'P00042' }], labels: { n: '12', medoid_id: '12' } }),
      'tables/clusters.csv': 'id,n\n1,40\n2,55\n',
      'tables/people.csv': 'id,n\nP00042,40\n',
      'index.html': '<p>the medoid is P00042.</p><p>P000421 is someone else, and 12 a number</p>',
    });
    expect(checkOutputDir(d, { minCell: 10, ids: new Set(['P00042', '12']) })).toEqual([
      { file: 'index.html', problem: 'page: person id "P00042"' },
      { file: 'results.json', problem: 'clusters.0.medoid: person id "P00042"' },
      { file: 'results.json', problem: 'labels.medoid_id: person id "12"' },
      { file: 'tables/people.csv', problem: 'line 2, column id: person id "P00042"' },
      { file: 'tables/people.csv', problem: 'column id: person ids' },
    ]);
  });

  it('finds sequence labels of 1..minCell-1 persons, counts in a page\'s tables and text, and small shares of a known base', async () => {
    const d = await folder('labels', {
      'index.html': '<p>3 persons left out; 300 persons.</p><table><tr><th>group</th><th>n</th><th>% of persons</th><th>medoid</th></tr>'
        + '<tr><td>1</td><td>4</td><td>2</td><td>work 3m -&gt; none</td></tr><tr><td>2</td><td>40</td><td>60</td><td>none 2m -&gt; work</td></tr></table>',
      'results.json': JSON.stringify({ share: 0.02, base: 300 }),
    });
    const personsWithLabel = (l: string) => (l === 'work 3m -> none' ? 1 : 25);
    const relations = (file: string, content: unknown) => {
      const r = content as { share: number; base: number };
      return { values: new Map([['share', r.share]]), lines: [], counts: [{ cell: 'share', base: r.base }] };
    };
    expect(checkOutputDir(d, { minCell: 10, personsWithLabel, relations })).toEqual([
      { file: 'index.html', problem: 'page: the sequence "work 3m -> none" describes 1 person' },
      { file: 'index.html', problem: 'page: "3 persons": a count below 10' },
      { file: 'index.html', problem: 'page table, column "n" = 4: a count below 10' },
      { file: 'results.json', problem: 'share = 0.02 of 300: 6.0 persons' },
    ]);
  });

  it('finds chronogram shares of fewer than minCell persons at a month whose N is shown', async () => {
    const view = {
      vconcat: [
        { data: { values: [
          { x: -0.5, x2: 0.5, y: 0, y2: 0.95, state: 'work' }, { x: -0.5, x2: 0.5, y: 0.95, y2: 1, state: 'none' },
          { x: 0.5, x2: 1.5, y: 0, y2: 0.9, state: 'work' }, { x: 0.5, x2: 1.5, y: 0.9, y2: 1, state: 'not shown (< 10 persons)' },
        ] } },
        { data: { values: [{ x: 0, n: '100', row: 'N at risk' }, { x: 1, n: '100', row: 'N at risk' }] } },
      ],
    };
    const d = await folder('chronogram', { 'f.vl.json': JSON.stringify({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', hconcat: [view] }) });
    expect(checkOutputDir(d, { minCell: 10 })).toEqual([{ file: 'f.vl.json', problem: 'spec.hconcat.0: chronogram, month 0, none: 5.0 of 100 persons' }]);
  });

  it('finds cells recoverable only from several sums together', () => {
    // a + b = 10 and a - b = 2 (b known as a's complement in another line): both follow
    const values = new Map<string, number | null>([['a', null], ['b', null], ['c', 4]]);
    expect(recoverable({ values, lines: [{ cells: ['a', 'b'], total: 10 }, { cells: ['a', ['b', -1]], total: 'c' }] })).toEqual([
      'suppressed a is recoverable from several sums together',
      'suppressed b is recoverable from several sums together',
    ]);
    expect(recoverable({ values, lines: [{ cells: ['a', 'b'], total: 10 }, { cells: ['a', 'b', 'c'], total: 14 }] })).toEqual([]);
  });
});
