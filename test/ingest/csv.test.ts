import { describe, expect, it } from 'vitest';
import { detectDelimiter, InputError, openCsv } from '../../src/index.js';
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

  it('rejects an empty file and an unclosed quote with the file and line', async () => {
    const files = tmpFiles({ 'empty.csv': '', 'bad.csv': 'a,b\n1,2\n3,"open\n' });
    await expect(openCsv(files.path('empty.csv'))).rejects.toThrow(/empty\.csv, line 1: the file is empty/);
    const err = await readAll(files.path('bad.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/bad\.csv, line \d+: not valid CSV/);
  });

  it('names the expected column when a required one is missing', async () => {
    const files = tmpFiles({ 'f.csv': 'a,b\n1,2\n' });
    const csv = await openCsv(files.path('f.csv'));
    expect(() => csv.requireColumn('state', 'the monthly state')).toThrow(/f\.csv, line 1, column state: missing required column "state" \(the monthly state\); the header has a, b/);
    await csv.close();
  });
});
