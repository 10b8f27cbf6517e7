import { describe, expect, it } from 'vitest';
import type { PanelOptions } from '../../../src/ingest/options.js';
import { DuckDb } from '../../../src/ingest/duckdb/engine.js';
import { planMonths } from '../../../src/ingest/duckdb/months.js';
import { pivotMonths, pivotQuery } from '../../../src/ingest/duckdb/pivot.js';
import { openTableSource } from '../../../src/ingest/duckdb/source.js';
import { readPersons } from '../../../src/ingest/persons.js';
import { ProblemLog } from '../../../src/ingest/problems.js';
import { tmpFiles } from '../helpers.js';
import { expectParity } from './helpers.js';

const HEADER = 'person_id,month,state';

/**
 * Whether DuckDB pivots `months` straight into the grid (true), does so from a copy of the file although asked to
 * plan from its first `sample` rows ('copied'), or leaves it to the row-by-row read (false).
 */
async function pivots(months: string, options: PanelOptions = {}, persons?: string, sample?: number): Promise<boolean | 'copied'> {
  const t = tmpFiles({ 'months.csv': months, ...(persons ? { 'persons.csv': persons } : {}) });
  const db = await DuckDb.open();
  try {
    const problems = new ProblemLog('strict');
    const start = options.time?.align === 'start' ? options.time.column : undefined;
    const table = persons ? await readPersons(t.path('persons.csv'), { id: 'person_id', start, problems }) : undefined;
    const input = { db, source: await openTableSource(db, t.path('months.csv')), kind: 'long' as const, options, problems, idColumn: 'person_id', persons: table };
    const plan = await planMonths(input, sample);
    const pivoted = (await pivotMonths(input, plan)) !== undefined;
    return pivoted && sample !== undefined && !plan.sampled ? 'copied' : pivoted;
  } finally {
    db.close();
  }
}

/** A random long file: persons' rows shuffled across the file, random gaps, `states` states (one of them NA). */
function randomPanel(seed: number, persons: number, months: number, states: number): string {
  let s = seed;
  const random = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows: string[] = [];
  for (let p = 0; p < persons; p++) {
    for (let m = 0; m < months; m++) {
      if (random() < 0.3) continue;
      const k = Math.floor(random() * states);
      const month = 24_000 + m;
      rows.push(`id${p},${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')},${k === 0 ? 'NA' : `s${k}`}`);
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return `${HEADER}\n${rows.join('\n')}\n`;
}

describe('pivotMonths: a clean long file pivoted by DuckDB equals the CSV reader', () => {
  it('takes clean files and leaves files with a problem to the row-by-row read', async () => {
    expect(await pivots(`${HEADER}\nb,2013-03,work\na,2013-01,none\nb,2013-01,NA\n`)).toBe(true);
    expect(await pivots(`${HEADER}\na,2013-01,work\na,2013-01,none\n`)).toBe(false); // a person-month twice
    expect(await pivots(`${HEADER}\na,2013-01,work\n a ,2013-02,none\n`)).toBe(false); // one id written two ways
    expect(await pivots(`${HEADER}\na, 2013-01,work\n`)).toBe(false); // a month that is not exactly YYYY-MM
    expect(await pivots(`${HEADER}\n,2013-01,work\n`)).toBe(false); // no id
    expect(await pivots(`${HEADER}\na,2013-01,work\n`, { states: ['none'] })).toBe(false); // a state outside the alphabet
    expect(await pivots(`${HEADER}\na,2013-01,work\nz,2013-01,work\n`, {}, 'person_id\na\n')).toBe(false); // not in the person file
    const start = { time: { align: 'start', column: 'start_month' } } as const;
    expect(await pivots(`${HEADER}\na,2013-01,work\n`, start, 'person_id,start_month\na,2013-02\n')).toBe(false); // before the start
    expect(await pivots(`${HEADER}\na,2013-02,work\n`, start, 'person_id,start_month\na,2013-02\nb,2013-01\n')).toBe(true);
  });

  it('a plan from the first rows: the file read as it stands, the persons ordered by a scan of the file or by the person file', async () => {
    const months = `${HEADER}\nb,2013-03,work\na,2013-01,none\nb,2013-01,NA\nc,2013-02,work\n`;
    expect(await pivots(months, {}, undefined, 3)).toBe(true); // 2013-02 lies within the sample's months
    expect(await pivots(`${months}c,2013-04,work\n`, {}, undefined, 3)).toBe(false); // a month after the sample's
    expect(await pivots(`${months}c,2013-01,trial\n`, {}, undefined, 4)).toBe(false); // a state the sample does not have
    const quoted = `${HEADER}\n"b",2013-03,work\na,2013-01,none\n`;
    expect(await pivots(quoted, {}, undefined, 2)).toBe('copied'); // no scan for the order of the persons: copied first
    expect(await pivots(quoted, {}, 'person_id\na\nb\n', 2)).toBe(true); // the person file's order
    // blank lines are no rows for DuckDB, the scan and the CSV reader alike
    const blank = `${HEADER}\nb,2013-02,work\n\na,2013-01,none\n\nb,2013-03,none\n\n`;
    expect(await pivots(blank, {}, undefined, 10)).toBe(true);
    await expectParity({ 'months.csv': blank }, { format: 'long' });
    // ids in increasing order (a sorted extract, paired with DuckDB's groups in turn), and ids that stop increasing
    for (const sorted of [`${HEADER}\na,2013-01,work\nb,2013-01,none\nb,2013-02,work\nc,2013-03,none\n`, `${HEADER}\na,2013-01,work\nb,2013-01,none\nc,2013-03,none\na,2013-02,work\n`]) {
      expect(await pivots(sorted, {}, undefined, 10)).toBe(true);
      await expectParity({ 'months.csv': sorted }, { format: 'long' });
    }
  });

  it('a CSV file beyond the sample with a new state and month at its end equals the CSV reader', async () => {
    const rows = [HEADER];
    for (let r = 0; r < 2 ** 18 + 10; r++) rows.push(`p${Math.floor(r / 10)},2013-${String((r % 10) + 1).padStart(2, '0')},${r % 3 === 0 ? 'work' : 'none'}`);
    rows.push('p0,2014-01,trial');
    await expectParity({ 'months.csv': `${rows.join('\n')}\n` }, { format: 'long' });
  });

  it('random panels: persons shuffled through the file, gaps, up to 40 states, months across word boundaries', async () => {
    for (const [seed, persons, months, states] of [
      [1, 40, 30, 4],
      [2, 25, 130, 7],
      [3, 10, 200, 40],
    ]) {
      await expectParity({ 'months.csv': randomPanel(seed, persons, months, states) }, { format: 'long' });
    }
  });

  it('a person file (persons without months, order of the file), process time, a fixed alphabet', async () => {
    const months = `${HEADER}\nb,2013-03,work\na,2013-01,none\nb,2013-02,NA\na,2013-04,work\n`;
    const persons = 'person_id,start_month,weight\nc,2013-01,1\nb,2013-02,2\na,2013-01,3\n';
    await expectParity({ 'months.csv': months, 'persons.csv': persons }, { format: 'long', persons: 'persons.csv', weight: 'weight', states: ['work', 'none'], time: { align: 'start', column: 'start_month' } });
  });

  it('ids of any length and alphabet (DuckDB keeps up to 12 bytes inline, longer ones apart)', async () => {
    const months = `${HEADER}\nzoë,2013-01,work\nperson-with-a-long-identifier-0001,2013-01,none\n日本,2013-02,work\nzoë,2013-02,none\n`;
    expect(await pivots(months)).toBe(true);
    await expectParity({ 'months.csv': months }, { format: 'long' });
    // ids that increase for JavaScript (UTF-16 units) but not for DuckDB (UTF-8 bytes): the scan's order still holds
    await expectParity({ 'months.csv': `${HEADER}\n😀,2013-01,work\nＡ,2013-01,none\nＡ,2013-02,work\n` }, { format: 'long' });
  });

  it('files with a problem read row by row give the same messages', async () => {
    await expectParity({ 'months.csv': `${HEADER}\na,2013-01,work\nb,2013-01,none\na,2013-01,none\n` }, { format: 'long' });
    await expectParity({ 'months.csv': `${HEADER}\na,2013-01,work\n a ,2013-02,none\n` }, { format: 'long' });
  });
});

describe('pivotQuery: the grouping query by person', () => {
  it('packs each person month into its field of the words, with the row count and the first row (hand-computed)', async () => {
    const t = tmpFiles({ 'months.csv': `${HEADER}\na,2013-01,x\nb,2013-02,y\na,2013-03,y\n` });
    const db = await DuckDb.open();
    try {
      const input = { db, source: await openTableSource(db, t.path('months.csv')), kind: 'long' as const, options: {}, problems: new ProblemLog('strict'), idColumn: 'person_id', persons: undefined };
      const plan = await planMonths(input);
      const query = pivotQuery(input, plan)!;
      // 2 states and "no row": 2 bits a field, 32 fields a word, 3 months in one word
      expect(query.layout).toMatchObject({ bits: 2, perWord: 32, words: 1, span: 3 });
      const v = (state: string): number => plan.stateTexts.indexOf(state) + 1;
      const got: unknown[] = [];
      await db.columns(query.sql, (chunk) => {
        const [ids, counts, firsts, words] = [chunk.texts(0), chunk.float64(1), chunk.float64(2), chunk.uint32(query.wordsAt)];
        for (let g = 0; g < chunk.rows; g++) got.push([ids[g], counts[g], firsts[g], words[2 * g], words[2 * g + 1]]);
      });
      // persons by first row: a (rows 0 and 2: months 0 and 2), then b (row 1: month 1)
      expect(got).toEqual([
        ['a', 2, 0, v('x') | (v('y') << 4), 0],
        ['b', 1, 1, v('y') << 2, 0],
      ]);
      expect(pivotQuery({ ...input, options: { priority: ['y', 'x'] } }, plan)).toBeUndefined(); // priority order: read row by row
    } finally {
      db.close();
    }
  });
});
