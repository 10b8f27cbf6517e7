import { describe, expect, it } from 'vitest';
import { scanFirstRows } from '../../../src/ingest/duckdb/first-rows.js';
import { tmpFiles } from '../helpers.js';

/** Scan `text` as a CSV file; null when the scan does not take it (at once or later). */
async function firstRows(text: string, column = 0, delimiter = ',', maxLineBytes = 1 << 20): Promise<{ ids: string[]; rows: number[]; dataRows: number } | null> {
  const t = tmpFiles({ 'f.csv': text });
  const scan = await scanFirstRows(t.path('f.csv'), delimiter, column, maxLineBytes);
  const found = await scan?.(new AbortController().signal);
  if (!found) return null;
  // a map of the ids, or none when they came in increasing order
  if (found.indexOf) expect([...found.indexOf]).toEqual(found.ids.map((id, k) => [id, k]));
  else expect(found.ids).toEqual([...found.ids].sort());
  return { ids: found.ids, rows: found.rows, dataRows: found.dataRows };
}

describe('scanFirstRows: ids of a plain CSV file in order of their first row', () => {
  it('finds each id at its first row, counting rows after the header', async () => {
    expect(await firstRows('id,m\nb,1\nb,2\na,1\nb,3\nc,1\na,2\n')).toEqual({ ids: ['b', 'a', 'c'], rows: [0, 2, 4], dataRows: 6 });
    // the id in another column, CRLF line ends, no line break at the end
    expect(await firstRows('m;id\r\n1;x\r\n2;yy\r\n3;x', 1, ';')).toEqual({ ids: ['x', 'yy'], rows: [0, 1], dataRows: 3 });
    // blank lines are no rows (DuckDB and the CSV reader skip them)
    expect(await firstRows('id,m\na,1\n\nb,1\r\n\r\nb,2\n\n')).toEqual({ ids: ['a', 'b'], rows: [0, 1], dataRows: 3 });
    // an id that starts like the previous one is another id
    expect(await firstRows('id,m\nab,1\nabc,1\nab,2\n')).toEqual({ ids: ['ab', 'abc'], rows: [0, 1], dataRows: 3 });
    // UTF-8 ids, a header only, an empty file
    expect(await firstRows('id\nzoë\n日本\nzoë\n')).toEqual({ ids: ['zoë', '日本'], rows: [0, 1], dataRows: 3 });
    expect(await firstRows('id,m\n')).toEqual({ ids: [], rows: [], dataRows: 0 });
    expect(await firstRows('')).toEqual({ ids: [], rows: [], dataRows: 0 });
  });

  it('does not take files that are not plain', async () => {
    expect(await firstRows('"id",m\n"a",1\n')).toBeNull(); // quotes (e.g. R's write.csv)
    expect(await firstRows('m,id\n1,a\n2\n', 1)).toBeNull(); // too few fields
    expect(await firstRows('id,m\na,1\nb,1234567890\n', 0, ',', 8)).toBeNull(); // a line above the limit
    expect(await firstRows('id|m\na|1\n', 0, '||')).toBeNull(); // a delimiter of two characters
  });

  it('reads across blocks: lines cut at the 4 MB block boundaries, and a quote far into the file', async () => {
    const lines = ['id,month,state'];
    for (let p = 0; p < 60_000; p++) for (let m = 0; m < 6; m++) lines.push(`person${p % 58_000},2013-0${m + 1},state-${(p * m) % 7}`);
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * 4 * 2 ** 20);
    const found = await firstRows(text);
    expect(found!.dataRows).toBe(360_000);
    expect(found!.ids).toHaveLength(58_000);
    expect(found!.ids.slice(0, 2)).toEqual(['person0', 'person1']);
    expect(found!.rows.slice(-2)).toEqual([6 * 57_998, 6 * 57_999]);
    expect(await firstRows(`${text}person1,"2013-07",x\n`)).toBeNull();
  });

  it('random files agree with a line-by-line reading: blank lines, CRLF, ids of 1 to 40 bytes, in runs and scattered', async () => {
    let seed = 7;
    const random = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    for (let file = 0; file < 30; file++) {
      const column = random(3);
      const pool = Array.from({ length: 1 + random(30) }, (_, k) => `${'x'.repeat(random(40))}${k}`);
      const sorted = file % 3 === 0; // ids in increasing order, no scattered rows: no map of the ids
      if (sorted) pool.sort();
      const lines = ['a,b,c'];
      for (let r = 0; r < 400; r++) {
        if (random(10) === 0) lines.push(random(2) ? '' : '\r'); // a blank line
        const id = pool[!sorted && random(4) === 0 ? random(pool.length) : Math.floor((r * pool.length) / 400)]; // mostly runs
        const fields = ['1', '2', '3'];
        fields[column] = id;
        lines.push(`${fields.join(',')}${random(5) === 0 ? '\r' : ''}`);
      }
      const text = lines.join('\n') + (random(2) ? '\n' : '');
      // the reference: every line that is not blank, after the header, split at the delimiter
      const rows = text.split('\n').filter((line) => line !== '' && line !== '\r').slice(1).map((line) => line.replace(/\r$/, '').split(',')[column]);
      const ids = [...new Set(rows)];
      expect(await firstRows(text, column)).toEqual({ ids, rows: ids.map((id) => rows.indexOf(id)), dataRows: rows.length });
    }
  });

  it('ends without a result when the read no longer wants it', async () => {
    const t = tmpFiles({ 'f.csv': `id,m\n${'a,1\n'.repeat(3 * 2 ** 20)}` }); // 12 MB: three blocks and more
    const scan = await scanFirstRows(t.path('f.csv'), ',', 0, 1 << 20);
    const stop = new AbortController();
    const result = scan!(stop.signal);
    stop.abort();
    expect(await result).toBeUndefined();
    expect(await scan!(new AbortController().signal).catch(() => 'closed')).toBe('closed'); // the file was closed
  });
});
