// writeDistanceCsv: headerless N x N rows, round-trip precision, back-pressure.
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { writeDistanceCsv } from '../../src/index.js';

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
