// writeDistanceCsv: headerless N x N rows, round-trip precision, back-pressure, rows on worker threads.
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { distanceAt, writeDistanceCsv } from '../../src/index.js';
import { formatMatrixRows } from '../../src/distance/csv.js';

test('full symmetric rows with exact values', async () => {
  const chunks: string[] = [];
  // highWaterMark 1 forces the writer to wait for 'drain'
  const out = new Writable({
    highWaterMark: 1,
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  await writeDistanceCsv({ n: 3, values: Float64Array.from([1 / 3, 2, 138.514183279]) }, out);
  const rows = chunks.join('').trimEnd().split('\n').map((r) => r.split(',').map(Number));
  expect(rows).toEqual([
    [0, 1 / 3, 2],
    [1 / 3, 0, 138.514183279],
    [2, 138.514183279, 0],
  ]);
});

test('a failing stream rejects with its error', async () => {
  const out = new Writable({
    write(_chunk, _enc, done) {
      done(Object.assign(new Error('closed'), { code: 'EPIPE' }));
    },
  });
  await expect(writeDistanceCsv({ n: 50, values: new Float64Array((50 * 49) / 2) }, out)).rejects.toThrow('closed');
});

test('rows formatted on worker threads are the rows of one thread, in order', async () => {
  const n = 700;
  const values = new Float64Array((n * (n - 1)) / 2);
  for (let k = 0; k < values.length; k++) values[k] = ((k * 7919) % 1000) / 7 + (k % 3 === 0 ? 0.5 : 0);
  const text = async (threads: number) => {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeDistanceCsv({ n, values }, out, { threads });
    return Buffer.concat(chunks).toString('latin1');
  };
  const one = await text(1);
  expect(await text(2)).toBe(one);
  const rows = one.trimEnd().split('\n');
  expect(rows).toHaveLength(n);
  expect(rows[3].split(',').map(Number)[500]).toBe(distanceAt({ n, values }, 3, 500));
  expect(rows[500].split(',').map(Number)[3]).toBe(distanceAt({ n, values }, 500, 3));
});

test('formatMatrixRows writes a block of rows: diagonal zero, symmetric', () => {
  const out = new Uint8Array(27 * 9);
  const end = formatMatrixRows(Float64Array.from([1, 2.5, 3]), 3, 1, 3, out);
  expect(new TextDecoder().decode(out.subarray(0, end))).toBe('1,0,3\n2.5,3,0\n');
});
