/**
 * Stable ascending argsort of doubles by LSD radix sort on their IEEE-754 bits
 * (four 16-bit passes, constant digits skipped): O(n), no comparator calls, so
 * tens of millions of pair distances sort in seconds. Equal values keep their
 * input order; NaN sorts last.
 *
 * @param values the keys
 * @returns indices of `values` in ascending order of value
 * @example
 * argsortFloat64(Float64Array.from([2, 0.5, 2, 1])); // Uint32Array [1, 3, 0, 2]
 */
export function argsortFloat64(values: Float64Array): Uint32Array {
  const n = values.length;
  // Order-preserving unsigned keys: flip every bit of negatives, only the sign bit of the rest.
  const keys = new Uint32Array(2 * n);
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const lo = bits[2 * i];
    const hi = bits[2 * i + 1];
    const negative = hi >>> 31 === 1;
    keys[2 * i] = negative ? ~lo >>> 0 : lo;
    keys[2 * i + 1] = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1; // 0: low 32 bits, 1: high 32 bits
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[2 * i + word] >>> shift) & 0xffff]++;
    if (n === 0 || counts[(keys[word] >>> shift) & 0xffff] === n) continue; // digit constant
    // counts -> starting positions
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const idx = order[i];
      next[counts[(keys[2 * idx + word] >>> shift) & 0xffff]++] = idx;
    }
    [order, next] = [next, order];
  }
  return order;
}
