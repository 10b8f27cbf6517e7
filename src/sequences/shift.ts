/** A row-major grid of cells: state codes or a cell attribute layer. */
export type CellArray = Uint8Array | Int32Array | Float64Array;

/**
 * Copy rows of a row-major grid into `out` (rows.length x width), each row
 * shifted to its own origin: the one copy behind selecting rows, subsetting
 * months, aligning on process time and laying out an ingested panel.
 *
 *   out[k * width + j] = src[rows[k] * stride + origins[k] + j - base]
 *
 * for every j where column `origins[k] + j - base` lies inside 0..stride-1;
 * the other cells of `out` keep what the caller filled them with (VOID, -1, NaN).
 *
 * @param src the source grid, `stride` columns per row
 * @param stride columns per source row
 * @param rows source row of each output row
 * @param origins first month (column + base) read for each output row; may lie outside the source
 * @param width columns per output row
 * @param out the output grid, pre-filled with the "absent" value
 * @param base month of source column 0 (default 0: origins are columns)
 * @returns `out`
 * @example
 * // row 1 from column 2 on, row 0 from column -1 on (its first cell stays VOID)
 * shiftRows(codes, 5, Int32Array.of(1, 0), Int32Array.of(2, -1), 3, new Uint8Array(6).fill(VOID));
 */
export function shiftRows<A extends CellArray>(
  src: A,
  stride: number,
  rows: Int32Array,
  origins: Int32Array,
  width: number,
  out: A,
  base = 0,
): A {
  for (let k = 0; k < rows.length; k++) {
    const from = Math.max(origins[k], base);
    const to = Math.min(origins[k] + width, base + stride);
    if (from >= to) continue;
    const row = rows[k] * stride - base;
    out.set(src.subarray(row + from, row + to), k * width + from - origins[k]);
  }
  return out;
}
