import { describe, expect, it } from 'vitest';
import { decodeHybrid, NotDecodable } from '../../../src/ingest/parquet/hybrid.js';

/** Decode `bytes` (all of them) as `count` values of `width` bits; the values and the largest. */
function decode(bytes: number[], width: number, count: number): { values: number[]; largest: number } {
  const out = new Int32Array(count);
  const largest = decodeHybrid(Uint8Array.from(bytes), 0, bytes.length, width, out, 0, count);
  return { values: Array.from(out), largest };
}

/** A reference encoder: runs of 8 or more equal values repeated, the rest bit-packed in groups of 8 (padded with 0). */
function encode(values: number[], width: number): number[] {
  const bytes: number[] = [];
  const varint = (x: number): void => {
    for (; x >= 0x80; x = Math.floor(x / 128)) bytes.push((x % 128) | 0x80);
    bytes.push(x);
  };
  let k = 0;
  while (k < values.length) {
    let run = 1;
    while (k + run < values.length && values[k + run] === values[k]) run++;
    if (run >= 8) {
      varint(run * 2);
      for (let b = 0; b < Math.ceil(width / 8); b++) bytes.push((values[k] >> (8 * b)) & 0xff);
      k += run;
      continue;
    }
    const group = values.slice(k, k + 8);
    while (group.length < 8) group.push(0);
    varint(1 * 2 + 1);
    let bits = 0n;
    group.forEach((v, j) => (bits |= BigInt(v) << BigInt(j * width)));
    for (let b = 0; b < width; b++) bytes.push(Number((bits >> BigInt(8 * b)) & 0xffn));
    k += 8;
  }
  return bytes;
}

describe('decodeHybrid: Parquet RLE / bit-packed hybrid runs', () => {
  it('a repeated run: header 8 (4 values), then the value in ceil(width / 8) bytes', () => {
    expect(decode([0x08, 0x03], 2, 4)).toEqual({ values: [3, 3, 3, 3], largest: 3 });
    // 12 bits take two little-endian bytes: 0x0abc
    expect(decode([0x06, 0xbc, 0x0a], 12, 3)).toEqual({ values: [0xabc, 0xabc, 0xabc], largest: 0xabc });
    // width 0: no value bytes, every value 0
    expect(decode([0x0a], 0, 5)).toEqual({ values: [0, 0, 0, 0, 0], largest: 0 });
  });

  it('a bit-packed group, least significant bit first: the format specification example 0..7 in 3 bits', () => {
    // 10001000 11000110 11111010 -> 0, 1, 2, 3, 4, 5, 6, 7
    expect(decode([0x03, 0x88, 0xc6, 0xfa], 3, 8)).toEqual({ values: [0, 1, 2, 3, 4, 5, 6, 7], largest: 7 });
    // padding past the count is skipped: the first 5 values
    expect(decode([0x03, 0x88, 0xc6, 0xfa], 3, 5)).toEqual({ values: [0, 1, 2, 3, 4], largest: 4 });
    // values across bytes: 0xabc then 0x123 in 12 bits are bytes bc 3a 12, then six zero values
    expect(decode([0x03, 0xbc, 0x3a, 0x12, 0, 0, 0, 0, 0, 0, 0, 0, 0], 12, 8).values).toEqual([0xabc, 0x123, 0, 0, 0, 0, 0, 0]);
  });

  it('runs one after another, into the middle of an array', () => {
    const out = new Int32Array(14).fill(-9);
    // 4 x 5, then 0..7 in 3 bits
    const largest = decodeHybrid(Uint8Array.of(0x08, 0x05, 0x03, 0x88, 0xc6, 0xfa), 0, 6, 3, out, 2, 12);
    expect(Array.from(out)).toEqual([-9, -9, 5, 5, 5, 5, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(largest).toBe(7);
  });

  it('decodes what a reference encoder wrote, for every width up to 24 bits', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let width = 1; width <= 24; width++) {
      const values = Array.from({ length: 301 }, (_, i) => (i % 50 < 20 ? 5 % 2 ** width : Math.floor(random() * 2 ** width)));
      const { values: decoded, largest } = decode(encode(values, width), width, values.length);
      expect(decoded).toEqual(values);
      expect(largest).toBe(Math.max(...values));
    }
  });

  it('refuses runs past the end of the page and values wider than 24 bits', () => {
    expect(() => decode([0x03, 0x88, 0xc6], 3, 8)).toThrow(NotDecodable); // a packed group one byte short
    expect(() => decode([0x08], 2, 4)).toThrow(NotDecodable); // a repeated run without its value
    expect(() => decode([0x08, 0x01], 2, 5)).toThrow(NotDecodable); // fewer values than asked for
    expect(() => decode([0x80, 0x80, 0x80, 0x80, 0x01], 2, 1)).toThrow(NotDecodable); // a header of 5 bytes
    expect(() => decode([0x02, 0, 0, 0, 0], 25, 1)).toThrow(NotDecodable);
  });
});
