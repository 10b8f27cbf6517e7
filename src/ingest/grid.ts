import { shiftRows, type CellArray } from '../sequences/shift.js';
import type { CellAttribute, CellStore } from '../sequences/types.js';
import { VOID } from '../sequences/types.js';
import { checkMemory } from '../memory.js';
import type { CellSpill } from './cell-spill.js';
import { ValueColumn } from './column.js';

/**
 * A growable persons x months grid of state codes (VOID = not observed) with
 * attribute layers of the same shape. Months are month indexes (or column
 * numbers for wide files); rows are persons. Both dimensions grow geometrically,
 * so a long file can be scattered straight into it without a row buffer.
 *
 * @example
 * const g = new CellGrid();
 * const row = g.addRows(1);
 * const m = parseMonth('2013-01');
 * g.cover(m, m);
 * g.codes[g.index(row, m)] = 0;
 */
export class CellGrid {
  /** Rows in use. */
  n = 0;
  /** Month of column 0. */
  base = 0;
  /** Columns allocated per row. */
  stride: number;
  /** Smallest and largest month written so far (lo > hi while empty). */
  lo = Infinity;
  hi = -Infinity;
  codes: Uint8Array;
  readonly layers: ValueColumn[] = [];
  private capN: number;
  private readonly fixed: boolean;
  private readonly budgetBytes: number | undefined;
  /** Where attribute values go instead of the layers (their arrays then stay empty; the layers keep names and levels). */
  readonly spill: CellSpill | undefined;

  /**
   * @param options.columns fixed number of columns (wide files); default: grows as months arrive
   * @param options.base month of column 0 when columns are fixed (default 0)
   * @param options.rows rows to allocate up front
   * @param options.budgetBytes refuse to grow above this many bytes (default 8 GiB; see `checkMemory`)
   * @param options.spill write attribute values to these files instead of in-memory layers
   */
  constructor(options: { columns?: number; base?: number; rows?: number; budgetBytes?: number; spill?: CellSpill } = {}) {
    this.fixed = options.columns !== undefined;
    this.budgetBytes = options.budgetBytes;
    this.spill = options.spill;
    this.stride = options.columns ?? 0;
    this.base = options.base ?? 0;
    this.capN = Math.max(options.rows ?? 0, 16);
    this.checkSize(this.capN, this.stride, 0);
    this.codes = new Uint8Array(this.capN * this.stride).fill(VOID);
  }

  /** Add an attribute layer (numeric until proven otherwise, or categorical). */
  addLayer(name: string, category: boolean): ValueColumn {
    if (!this.spill) this.checkSize(this.capN, this.stride, 0, category ? 4 : 8);
    const layer = new ValueColumn(name, this.spill ? 0 : this.capN * this.stride, category);
    this.layers.push(layer);
    return layer;
  }

  /** Append `count` empty rows; returns the index of the first. */
  addRows(count = 1): number {
    const first = this.n;
    if (this.n + count > this.capN) this.reshape(Math.max(this.n + count, Math.ceil(this.capN * 1.5)), this.stride, this.base);
    this.n += count;
    return first;
  }

  /** Make months `from..to` addressable (growing the columns if needed) and record them as seen. */
  cover(from: number, to: number): void {
    const lo = Math.min(this.lo, from);
    const hi = Math.max(this.hi, to);
    if (!this.fixed && (lo < this.base || hi >= this.base + this.stride)) {
      const span = hi - lo + 1;
      // A quarter more than needed: months arrive in a band, so few regrowths and little waste.
      const stride = Math.max(span + (span >> 2), 32);
      this.reshape(this.capN, stride, lo - Math.floor((stride - span) / 2));
    }
    this.lo = lo;
    this.hi = hi;
  }

  /** Grid index of (row, month); the month must be covered. */
  index(row: number, month: number): number {
    return row * this.stride + month - this.base;
  }

  /** Let go of the rows allocated beyond those in use (views, no copy), so that `extract` can take the arrays as they are. */
  fit(): void {
    const cells = this.n * this.stride;
    this.codes = this.codes.subarray(0, cells);
    for (const layer of this.layers) layer.array = layer.array.subarray(0, cells);
    this.capN = this.n;
  }

  /**
   * Copy rows into a compact N' x t layout, row r taken from grid row `rows[r]`
   * starting at month `origins[r]`; months outside the grid are VOID / absent.
   * The grid is spent afterwards (its arrays move to the result; taken as they
   * are when the rows are all the grid's, in order, each from column 0, and
   * the grid has no room for more rows, so no spare memory stays behind).
   */
  extract(rows: Int32Array, origins: Int32Array, t: number): { codes: Uint8Array; cellAttributes: Record<string, CellAttribute>; cellStore?: CellStore } {
    // every row, in order, from the first column, as wide as the grid and with no spare rows: the arrays as they are (no copy)
    const asIs = t === this.stride && this.codes.length === rows.length * t && rows.every((row, k) => row === k && origins[k] === this.base);
    const copyRows = <A extends CellArray>(grid: A): A =>
      asIs ? (grid.subarray(0, rows.length * t) as A) : shiftRows(grid, this.stride, rows, origins, t, emptyLike(grid, rows.length * t) as A, this.base);
    // One array at a time, dropping each grid array once copied, to keep the peak memory low.
    const codes = copyRows(this.codes);
    this.codes = new Uint8Array(0);
    if (this.spill) {
      const kinds = this.layers.map((l) => ({ name: l.name, kind: l.numbers ? { kind: 'number' as const } : { kind: 'category' as const, levels: l.levels.values } }));
      return { codes, cellAttributes: {}, cellStore: this.spill.finish(kinds, rows, origins, t) };
    }
    for (const layer of this.layers) layer.array = copyRows(layer.array);
    this.n = 0;
    this.capN = 0;
    const cellAttributes = Object.fromEntries(this.layers.map((l) => [l.name, l.toCellAttribute()]));
    return { codes, cellAttributes };
  }

  /** Refuse a grid of `capN` x `stride` cells (while `oldCells` still live; `newLayerBytes` a cell for a layer to add) above the memory budget. */
  private checkSize(capN: number, stride: number, oldCells: number, newLayerBytes = 0): void {
    // codes: 1 byte a cell; layers: 8 (numbers) or 4 (categories)
    const cellBytes = 1 + newLayerBytes + (this.spill ? 0 : this.layers.reduce((sum, l) => sum + l.array.BYTES_PER_ELEMENT, 0));
    checkMemory((capN * stride + oldCells) * cellBytes, `the month grid of ${capN} persons x ${stride} months` + (this.layers.length ? ` with ${this.layers.length} person-month attributes` : ''), {
      budget: this.budgetBytes,
      advice: 'check for months far from the rest, or keep fewer person-month attributes (option attributes)',
    });
  }

  /** Reallocate; only the months seen so far (lo..hi) hold data, so only they are copied. */
  private reshape(capN: number, stride: number, base: number): void {
    this.checkSize(capN, stride, this.n * this.stride);
    const used = this.lo <= this.hi;
    const move = <A extends CellArray>(old: A): A => {
      if (stride === this.stride && base === this.base) {
        // Only more rows: copy the rows in use, fill the rest.
        const fresh = emptyLike(old, capN * stride, this.n * stride) as A;
        fresh.set(old.subarray(0, this.n * stride));
        return fresh;
      }
      const fresh = emptyLike(old, capN * stride) as A;
      if (used) {
        const from = this.lo - this.base;
        const to = this.hi - this.base + 1;
        const shift = this.base - base;
        for (let i = 0; i < this.n; i++) fresh.set(old.subarray(i * this.stride + from, i * this.stride + to), i * stride + from + shift);
      }
      return fresh;
    };
    this.codes = move(this.codes);
    if (!this.spill) for (const layer of this.layers) layer.array = move(layer.array);
    this.capN = capN;
    this.stride = stride;
    this.base = base;
  }
}

/** A new array of the same type, filled from `from` on with its "nothing" value (VOID, -1 or NaN). */
function emptyLike(a: CellArray, size: number, from = 0): CellArray {
  if (a instanceof Uint8Array) return new Uint8Array(size).fill(VOID, from);
  if (a instanceof Int32Array) return new Int32Array(size).fill(-1, from);
  return new Float64Array(size).fill(NaN, from);
}
