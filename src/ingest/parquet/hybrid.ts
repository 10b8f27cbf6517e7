/** Thrown for bytes that are not what Parquet's format says they must be: the caller then lets DuckDB read the file. */
export class NotDecodable extends Error {}

/** The widest values `decodeHybrid` unpacks: 24 bits keep the bit buffer within a 32-bit integer. */
export const MAX_HYBRID_WIDTH = 24;

/**
 * Decode Parquet's RLE / bit-packed hybrid encoding (dictionary indices and
 * definition levels) into `out[from .. from + count)`. The bytes are a run
 * of runs, each headed by an unsigned LEB128 varint h:
 *
 *   h even: a repeated run of h / 2 copies of one value, stored in
 *           ceil(width / 8) little-endian bytes;
 *   h odd:  (h >> 1) groups of 8 values, each `width` bits, packed from the
 *           least significant bit of each byte up: value j of the run is
 *           bits [j * width, (j + 1) * width) of the run's bytes.
 *
 * Values past `count` in a last packed group are padding and skipped.
 *
 * @param bytes the page bytes
 * @param at where the runs start
 * @param end where they must end (no run reaches past it)
 * @param width bits a value (0..MAX_HYBRID_WIDTH)
 * @returns the largest value decoded (0 when none)
 * @throws NotDecodable when the runs go past `end` or the width is too large
 * @example
 * const out = new Int32Array(4);
 * decodeHybrid(Uint8Array.of(0x08, 0x03), 0, 2, 2, out, 0, 4); // 3; out: 3, 3, 3, 3 (one repeated run of 4)
 */
export function decodeHybrid(bytes: Uint8Array, at: number, end: number, width: number, out: Int32Array, from: number, count: number): number {
  if (width < 0 || width > MAX_HYBRID_WIDTH) throw new NotDecodable(`values of ${width} bits`);
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let max = 0;
  let k = from;
  const stop = from + count;
  let p = at;
  while (k < stop) {
    // the run's header, an unsigned varint of at most 4 bytes (runs of up to 2^27 values; integer
    // arithmetic throughout, as a double here would make every index below a double)
    let header = 0;
    for (let shift = 0; ; shift += 7) {
      if (p >= end || shift > 21) throw new NotDecodable('a run header past the end of the page');
      const b = bytes[p++];
      header |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    if ((header & 1) === 0) {
      if (p + valueBytes > end) throw new NotDecodable('a repeated value past the end of the page');
      let value = 0;
      for (let b = 0; b < valueBytes; b++) value |= bytes[p++] << (8 * b);
      const last = Math.min(k + (header >>> 1), stop);
      out.fill(value, k, last);
      if (last > k && value > max) max = value;
      k = last;
    } else {
      const groups = header >>> 1;
      const packedEnd = p + groups * width;
      if (packedEnd > end) throw new NotDecodable('packed values past the end of the page');
      const last = Math.min(k + groups * 8, stop);
      // the unpacking reads up to 3 bytes past a run: a run at the end of the page is unpacked from a padded copy
      const padded = packedEnd + 3 <= bytes.length;
      const source = padded ? bytes : paddedCopy(bytes, p, packedEnd);
      const from = padded ? p : 0;
      max = Math.max(max, width <= 8 ? unpackNarrow(source, from, width, out, k, last) : unpackWide(source, from, width, out, k, last));
      k = last;
      p = packedEnd;
    }
  }
  return max;
}

/** Bytes `from..to` followed by 3 zero bytes. */
function paddedCopy(bytes: Uint8Array, from: number, to: number): Uint8Array {
  const copy = new Uint8Array(to - from + 3);
  copy.set(bytes.subarray(from, to));
  return copy;
}

/**
 * Bit-packed values k..last-1 of `width` <= 8 bits from byte `p` on: value j
 * from the 2 bytes holding its first bit (a shift of up to 7 plus 8 bits fits
 * in 16). Bytes past the run only fill bits above the value, which the mask
 * drops (and must exist: the bytes are padded). Returns the largest value.
 */
function unpackNarrow(bytes: Uint8Array, p: number, width: number, out: Int32Array, k: number, last: number): number {
  const mask = (1 << width) - 1;
  let max = 0;
  for (let bit = 0; k < last; k++, bit += width) {
    const i = p + (bit >>> 3);
    const value = ((bytes[i] | (bytes[i + 1] << 8)) >>> (bit & 7)) & mask;
    out[k] = value;
    if (value > max) max = value;
  }
  return max;
}

/** As `unpackNarrow` for widths of 9..24 bits, from the 4 bytes holding a value's first bit. */
function unpackWide(bytes: Uint8Array, p: number, width: number, out: Int32Array, k: number, last: number): number {
  const mask = (1 << width) - 1;
  let max = 0;
  for (let bit = 0; k < last; k++, bit += width) {
    const i = p + (bit >>> 3);
    const value = ((bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> (bit & 7)) & mask;
    out[k] = value;
    if (value > max) max = value;
  }
  return max;
}
