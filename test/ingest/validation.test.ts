import { describe, expect, it } from 'vitest';
import { formatIngestReport, InputError, loadPanel, readLongPanel, readWide, type LoadPanelOptions } from '../../src/index.js';
import { tmpFiles } from './helpers.js';

const HEADER = 'person_id,month,state';

/** Load strictly (expecting an InputError) and leniently (expecting counts). */
async function both(files: Record<string, string>, options: Omit<LoadPanelOptions, 'input'> & { input?: string }) {
  const t = tmpFiles(files);
  const base = {
    ...options,
    input: t.path(options.input ?? 'months.csv'),
    persons: options.persons ? t.path(options.persons) : undefined,
  } as LoadPanelOptions;
  const strict = await loadPanel(base).then(
    () => undefined,
    (e: unknown) => e,
  );
  const lenient = await loadPanel({ ...base, mode: 'lenient' });
  return { strict: strict as InputError, lenient, dir: t.dir };
}

describe('validation: strict mode throws with file, line and column; lenient drops and counts', () => {
  it('unknown state', async () => {
    const { strict, lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\na,2013-02,wrk\n` },
      { format: 'long', states: ['work', 'none'] },
    );
    expect(strict).toBeInstanceOf(InputError);
    expect(strict.message).toMatch(/months\.csv, line 3, column state: unknown state "wrk"; expected one of work, none/);
    expect(strict.line).toBe(3);
    expect(strict.column).toBe('state');
    expect(lenient.report.rejected).toEqual({ 'unknown state': 1 });
    expect(lenient.report.files[0]).toMatchObject({ rowsRead: 2, rowsKept: 1 });
    expect(lenient.sequences.t).toBe(1);
  });

  it('bad month', async () => {
    const { strict, lenient } = await both({ 'months.csv': `${HEADER}\na,2013-13,work\na,2013-01,work\na,13-01,work\n` }, { format: 'long' });
    expect(strict.message).toMatch(/line 2, column month: month "2013-13" is not a YYYY-MM month/);
    expect(lenient.report.rejected).toEqual({ 'bad month': 2 });
    expect(lenient.report.examples.map((p) => p.line)).toEqual([2, 4]);
  });

  it('duplicate person-month', async () => {
    const { strict, lenient } = await both({ 'months.csv': `${HEADER}\na,2013-01,work\nb,2013-01,none\na,2013-01,none\n` }, { format: 'long' });
    expect(strict.message).toMatch(/line 4, column month: person "a" already has month 2013-01; expected one row per person and month/);
    expect(lenient.report.rejected).toEqual({ 'duplicate person-month': 1 });
    // The first row wins.
    expect(lenient.sequences.alphabet.codes[lenient.sequences.codes[0]]).toBe('work');
  });

  it('person without months', async () => {
    const { strict, lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\n`, 'persons.csv': 'person_id,sex\na,f\nb,m\n' },
      { format: 'long', persons: 'persons.csv' },
    );
    expect(strict.message).toMatch(/persons\.csv, line 3: person "b" has no months in .*months\.csv; expected at least one/);
    expect(lenient.sequences.ids).toEqual(['a']);
    expect(lenient.report.files[0]).toMatchObject({ role: 'persons', rowsRead: 2, rowsKept: 1, rejected: { 'person without months': 1 } });
  });

  it('month before start', async () => {
    const { strict, lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\na,2013-02,work\n`, 'persons.csv': 'person_id,start_month\na,2013-02\n' },
      { format: 'long', persons: 'persons.csv', time: { align: 'start', column: 'start_month' } },
    );
    expect(strict.message).toMatch(/months\.csv, line 2, column month: month 2013-01 is before the start month 2013-02 of person "a"/);
    expect(lenient.report.rejected).toEqual({ 'month before start': 1 });
    expect(lenient.sequences.t).toBe(1);
  });

  it('ragged row', async () => {
    const { strict, lenient } = await both({ 'months.csv': `${HEADER}\na,2013-01,work,extra\na,2013-02\na,2013-03,none\n` }, { format: 'long' });
    expect(strict.message).toMatch(/line 2: row has 4 fields; expected 3 like the header/);
    expect(lenient.report.rejected).toEqual({ 'ragged row': 2 });
  });

  it('non-numeric or negative weight', async () => {
    const { strict, lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\nb,2013-01,none\nc,2013-01,none\n`, 'persons.csv': 'person_id,weight\na,1.5\nb,heavy\nc,-1\n' },
      { format: 'long', persons: 'persons.csv', weight: 'weight' },
    );
    expect(strict.message).toMatch(/persons\.csv, line 3, column weight: weight "heavy" is not a number >= 0; expected a non-negative number/);
    // The persons' rows go, and so do their months (counted, not silent).
    expect(lenient.sequences.ids).toEqual(['a']);
    expect(lenient.report.rejected).toEqual({ 'non-numeric weight': 2, 'person rejected': 2 });
  });

  it('months of a person missing from the person file', async () => {
    const { strict, lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\nz,2013-01,none\n`, 'persons.csv': 'person_id\na\n' },
      { format: 'long', persons: 'persons.csv' },
    );
    expect(strict.message).toMatch(/months\.csv, line 3, column person_id: person "z" is not in .*persons\.csv/);
    expect(lenient.report.rejected).toEqual({ 'unknown person': 1 });
  });

  it('missing id and duplicate person', async () => {
    const { strict, lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\n,2013-01,none\n`, 'persons.csv': 'person_id\na\na\n' },
      { format: 'long', persons: 'persons.csv' },
    );
    expect(strict.message).toMatch(/persons\.csv, line 3, column person_id: person "a" appears again \(first on line 2\)/);
    expect(lenient.report.rejected).toEqual({ 'duplicate person': 1, 'missing id': 1 });
  });

  it('missing required column fails in both modes', async () => {
    const t = tmpFiles({ 'months.csv': 'person_id,month,status\na,2013-01,work\n' });
    for (const mode of ['strict', 'lenient'] as const) {
      await expect(readLongPanel(t.path('months.csv'), { mode })).rejects.toThrow(/months\.csv, line 1, column state: missing required column "state"/);
    }
  });

  it('wide files: ragged rows, unknown states (named by header), bad weights', async () => {
    const wide = 'id,w,m1,m2\na,1,x,y\nb,1,x\nc,1,x,q\nd,oops,x,x\ne,2,y,y\n';
    const { strict, lenient } = await both({ 'w.csv': wide }, { format: 'wide', input: 'w.csv', cols: 'm1..m2', weight: 'w', states: ['x', 'y'] });
    expect(strict.message).toMatch(/w\.csv, line 3: row has 3 fields; expected 4/);
    expect(lenient.sequences.ids).toEqual(['a', 'e']);
    expect(Array.from(lenient.sequences.weights)).toEqual([1, 2]);
    expect(lenient.report.rejected).toEqual({ 'ragged row': 1, 'unknown state': 1, 'non-numeric weight': 1 });
    expect(lenient.report.examples.find((p) => p.reason === 'unknown state')).toMatchObject({ line: 4, column: 'm2' });
  });

  it('wide files: month before start when aligning on a start column', async () => {
    const wide = 'id,start,2013-01,2013-02,2013-03\na,2013-02,,x,y\nb,2013-02,x,x,y\n';
    const { strict, lenient } = await both({ 'w.csv': wide }, { format: 'wide', input: 'w.csv', cols: '2013-01..2013-03', time: { align: 'start', column: 'start' } });
    expect(strict.message).toMatch(/w\.csv, line 3, column 2013-01: month 2013-01 is before the start month 2013-02/);
    expect(lenient.sequences.ids).toEqual(['a']);
    expect(Array.from(lenient.sequences.codes)).toEqual([0, 1]);
    expect(lenient.report.files[0]).toMatchObject({ rowsRead: 2, rowsKept: 1, rejected: { 'month before start': 1 } });
  });

  it('the report says everything: counts, states, examples; as plain text too', async () => {
    const { lenient } = await both(
      { 'months.csv': `${HEADER}\na,2013-01,work\na,2013-02,wrk\nb,2013-02,none\nb,2013-02,none\n` },
      { format: 'long', states: ['work', 'none'] },
    );
    const r = lenient.report;
    expect(r).toMatchObject({ format: 'long', mode: 'lenient', persons: 2, months: 2, firstMonth: '2013-01', lastMonth: '2013-02', missingCells: 1 });
    expect(r.states).toEqual([
      { state: 'work', label: 'work', cells: 1 },
      { state: 'none', label: 'none', cells: 1 },
    ]);
    const text = formatIngestReport(r);
    expect(text).toMatch(/months\.csv \(months\): 4 rows read, 2 kept, 2 rejected \(unknown state 1, duplicate person-month 1\)/);
    expect(text).toMatch(/2 persons x 2 months \(calendar, 2013-01 \.\. 2013-02\)/);
    expect(text).toMatch(/line 3, column state: unknown state "wrk"/);
  });

  it('wide: missing --cols range columns are reported', async () => {
    const t = tmpFiles({ 'w.csv': 'id,a,b\n1,x,y\n' });
    await expect(readWide(t.path('w.csv'), { cols: 'a..z' })).rejects.toThrow(/w\.csv, line 1, column z: missing required column "z"/);
    await expect(readWide(t.path('w.csv'), { cols: 'b..a' })).rejects.toThrow(/column "a" comes before "b"/);
  });
});

describe('files without data', () => {
  it('a header-only file is an input error, also in lenient mode', async () => {
    const t = tmpFiles({ 'months.csv': `${HEADER}\n`, 'bad.csv': `${HEADER}\na,2013-99,x\n` });
    await expect(readLongPanel(t.path('months.csv'))).rejects.toThrow(/months\.csv: no month with a state was read; expected at least one/);
    await expect(readLongPanel(t.path('bad.csv'), { mode: 'lenient' })).rejects.toThrow(/no month with a state was read \(1 rows rejected\)/);
  });
});
