import { describe, expect, it } from 'vitest';
import { detectDelimiter, InputError, openCsv, type CsvSource } from '../../src/index.js';
import { tmpFiles } from './helpers.js';

async function readAll(path: string): Promise<{ header: readonly string[]; delimiter: string; rows: string[][]; lines: number[] }> {
  const csv = await openCsv(path);
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of csv.batches) {
    rows.push(...batch.records);
    lines.push(...batch.lines);
  }
  return { header: csv.header, delimiter: csv.delimiter, rows, lines };
}

async function readBatches(csv: CsvSource): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of csv.batches) rows.push(...batch.records);
  return rows;
}

describe('detectDelimiter', () => {
  it('picks the most frequent of , ; tab outside quotes', () => {
    expect(detectDelimiter('person_id,month,state')).toBe(',');
    expect(detectDelimiter('person_id;month;state')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('openCsv', () => {
  it('removes a BOM, detects ; and reads quoted fields with delimiters, quotes and line breaks', async () => {
    const text = '\uFEFFid;"note";x\n1;"a;b";2\n\n2;"say ""hi""\nthere";3\n3;plain;4';
    const files = tmpFiles({ 'f.csv': Buffer.from(text, 'utf8') });
    const { header, delimiter, rows, lines } = await readAll(files.path('f.csv'));
    expect(delimiter).toBe(';');
    expect(header).toEqual(['id', 'note', 'x']);
    expect(rows).toEqual([
      ['1', 'a;b', '2'],
      ['2', 'say "hi"\nthere', '3'],
      ['3', 'plain', '4'],
    ]);
    // Line where each record ends; the empty line 3 is skipped but counted.
    expect(lines).toEqual([2, 5, 6]);
  });

  it('gives exact lines across chunks of a large file', async () => {
    const body = Array.from({ length: 60_000 }, (_, k) => `${k},"v${k}",x`).join('\n');
    const files = tmpFiles({ 'big.csv': 'k,v,w\n' + body + '\n' });
    const { rows, lines } = await readAll(files.path('big.csv'));
    expect(rows.length).toBe(60_000);
    expect(lines.every((line, k) => line === k + 2 && rows[k][0] === String(k))).toBe(true);
  });

  it('rejects an empty file and an unclosed quote at the line where the quote opens', async () => {
    const files = tmpFiles({ 'empty.csv': '', 'bad.csv': 'a,b\n1,2\n\n3,"open\n4,5\n6,7\n' });
    await expect(openCsv(files.path('empty.csv'))).rejects.toThrow(/empty\.csv, line 1: the file is empty/);
    const err = await readAll(files.path('bad.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/bad\.csv, line 4, column b: a quoted field opens here and is never closed/);
  });

  it('settles with the line and column on a quote inside an unquoted field (it never hangs)', async () => {
    const files = tmpFiles({ 'q.csv': 'person_id,month,state\np1,2013-01,work\np1,2013-02,wo"rk\n' });
    await expect(readAll(files.path('q.csv'))).rejects.toThrow(
      'q.csv, line 3, column state: a quote inside an unquoted field (after "wo"); expected the whole field in quotes with inner quotes doubled, e.g. "wo""..."',
    );
  });

  it('stops at the line-size limit instead of reading an endless line, and names a runaway quote', async () => {
    const files = tmpFiles({
      'long.csv': 'a,b\n1,' + 'x'.repeat(3000) + '\n',
      'runaway.csv': 'a,b\n1,2\n3,"' + 'y,\n'.repeat(2000),
    });
    await expect(readAll(files.path('long.csv')).then(() => undefined, (e: Error) => e.message)).resolves.toBe(
      undefined,
    );
    await expect(openCsv(files.path('long.csv'), { maxLineBytes: 1000 }).then(readBatches)).rejects.toThrow(
      /long\.csv, line 2: a line longer than the limit of 0\.000954 MiB; expected a CSV text file with shorter lines \(raise the limit with --max-line-size\)/,
    );
    await expect(openCsv(files.path('runaway.csv'), { maxLineBytes: 1000 }).then(readBatches)).rejects.toThrow(
      /runaway\.csv, line 3: a line longer than the limit .* \(a quote opens on line 3, column b and is never closed\)/,
    );
  });

  it('refuses a long field, a binary file and a header that names a column twice', async () => {
    const files = tmpFiles({
      'field.csv': 'a,b\n1,' + 'x'.repeat(200) + '\n',
      'bin.csv': Buffer.from([97, 44, 98, 10, 0, 0, 0]),
      'dup.csv': 'id,x,y,x\n1,2,3,4\n',
    });
    await expect(openCsv(files.path('field.csv'), { maxFieldChars: 100 }).then(readBatches)).rejects.toThrow(
      'field.csv, line 2, column b: a field of 200 characters, above the limit of 100; expected short fields (raise the limit with --max-field-size)',
    );
    await expect(openCsv(files.path('bin.csv'))).rejects.toThrow('bin.csv, line 2: holds a NUL byte, so it is not a text file; expected a CSV text file');
    await expect(openCsv(files.path('dup.csv'))).rejects.toThrow('dup.csv, line 1, column x: column "x" appears twice in the header (columns 2 and 4); expected unique column names');
  });

  it('refuses bytes that are not UTF-8 with their line, and reads them as Latin-1 when asked', async () => {
    // "Jos\xe9" is José in Latin-1; read as UTF-8 it would become U+FFFD and merge with other names
    const latin1 = Buffer.concat([Buffer.from('id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n2,Jos'), Buffer.from([0xe8]), Buffer.from('\n')]);
    const files = tmpFiles({ 'l1.csv': latin1 });
    await expect(readAll(files.path('l1.csv'))).rejects.toThrow(/l1\.csv, line 2: byte 0xE9 is not UTF-8 text; expected UTF-8\. .*--encoding latin1/);
    const csv = await openCsv(files.path('l1.csv'), { encoding: 'latin1' });
    expect((await readBatches(csv)).map((r) => r[1])).toEqual(['José', 'Josè']);
  });

  it('accepts UTF-8 characters split over chunks', async () => {
    const body = Array.from({ length: 30_000 }, (_, k) => `${k},José ${'é'.repeat(k % 5)}`).join('\n');
    const files = tmpFiles({ 'u.csv': 'k,v\n' + body + '\n' });
    const { rows } = await readAll(files.path('u.csv'));
    expect(rows[29_999][1]).toBe('José ' + 'é'.repeat(29_999 % 5));
  });

  it('names the expected column when a required one is missing', async () => {
    const files = tmpFiles({ 'f.csv': 'a,b\n1,2\n' });
    const csv = await openCsv(files.path('f.csv'));
    expect(() => csv.requireColumn('state', 'the monthly state')).toThrow(/f\.csv, line 1, column state: missing required column "state" \(the monthly state\); the header has a, b/);
    await csv.close();
  });
});
