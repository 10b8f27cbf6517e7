import { closeSync, openSync, readSync } from 'node:fs';
import type { CellAttribute, CellAttributeKind, CellStore, StateSequences } from './types.js';

/** One block of rows with their person-month attributes: row i of the sequences is row `i - from` of each array. */
export interface AttributeBlock {
  readonly from: number;
  readonly to: number;
  /** The attributes asked for, each a (to - from) x t array. */
  readonly attributes: Readonly<Record<string, CellAttribute>>;
}

/** Default size of one block of attribute values: 8 MiB (one attribute, 8 bytes a cell). */
export const BLOCK_BYTES = 8 * 2 ** 20;

// Block buffers returned by finished `attributeBlocks` loops, lent to the next ones: memory the
// process has touched once is reused (fresh pages cost a page fault each, which adds up over passes).
const spareBuffers: ArrayBuffer[] = [];

function borrowBuffer(bytes: number): ArrayBuffer {
  const k = spareBuffers.findIndex((b) => b.byteLength >= bytes);
  return k >= 0 ? spareBuffers.splice(k, 1)[0] : new ArrayBuffer(bytes);
}

function returnBuffer(buffer: ArrayBuffer): void {
  if (spareBuffers.length < 8) spareBuffers.push(buffer);
}

/**
 * The kind of a person-month attribute (numbers, or categories with their
 * levels), in memory or in the sequences' cell store; undefined when the
 * sequences have no such attribute.
 *
 * @example
 * cellAttributeKind(seqs, 'hourly_wage'); // { kind: 'number' }
 */
export function cellAttributeKind(seqs: StateSequences, name: string): CellAttributeKind | undefined {
  const attr = Object.hasOwn(seqs.cellAttributes, name) ? seqs.cellAttributes[name] : undefined;
  if (attr) return attr.kind === 'number' ? { kind: 'number' } : { kind: 'category', levels: attr.levels };
  return seqs.cellStore && Object.hasOwn(seqs.cellStore.attributes, name) ? seqs.cellStore.attributes[name] : undefined;
}

/**
 * Names of the person-month attributes, in memory or in the cell store.
 *
 * @example
 * cellAttributeNames(seqs); // ['employer_id', 'hours_week', 'hourly_wage', 'permanent']
 */
export function cellAttributeNames(seqs: StateSequences): string[] {
  return [...Object.keys(seqs.cellAttributes), ...Object.keys(seqs.cellStore?.attributes ?? {})];
}

/**
 * The person-month attributes `names` a block of rows at a time: in one block
 * (the arrays themselves) when they are in memory, else read from the cell
 * store in blocks of about `blockBytes` per attribute. Analyses that need
 * attributes loop over the blocks, so a large panel never holds N x T x
 * attributes at once. A block's arrays are reused for the next block: copy
 * what must outlive the loop step. Every name must be an attribute of the
 * sequences.
 *
 * @param seqs the sequences
 * @param names the attributes to read
 * @param blockBytes size of one attribute's block (default the store's, 8 MiB)
 * @example
 * for (const { from, to, attributes } of attributeBlocks(seqs, ['hourly_wage'])) {
 *   const wage = attributes.hourly_wage.values;
 *   for (let i = from; i < to; i++) wage[(i - from) * seqs.t]; // month 0 of row i
 * }
 */
export function* attributeBlocks(seqs: StateSequences, names: readonly string[], blockBytes = seqs.cellStore?.blockBytes ?? BLOCK_BYTES): Generator<AttributeBlock> {
  const store = seqs.cellStore;
  const stored = store ? names.filter((name) => Object.hasOwn(store.attributes, name)) : [];
  const inMemory = Object.fromEntries(names.filter((name) => !stored.includes(name)).map((name) => [name, seqs.cellAttributes[name]]));
  if (stored.length === 0) {
    yield { from: 0, to: seqs.n, attributes: inMemory };
    return;
  }
  const rows = Math.max(1, Math.floor(blockBytes / (8 * Math.max(1, seqs.t))));
  const buffers = stored.map(() => borrowBuffer(rows * seqs.t * 8));
  try {
    for (let from = 0; from < seqs.n; from += rows) {
      const to = Math.min(seqs.n, from + rows);
      const attributes: Record<string, CellAttribute> = {};
      stored.forEach((name, k) => (attributes[name] = store!.read(name, from, to, buffers[k])));
      for (const [name, attr] of Object.entries(inMemory)) attributes[name] = sliceRows(attr, from, to, seqs.t);
      yield { from, to, attributes };
    }
  } finally {
    buffers.forEach(returnBuffer);
  }
}

function sliceRows(attr: CellAttribute, from: number, to: number, t: number): CellAttribute {
  return attr.kind === 'number'
    ? { kind: 'number', values: attr.values.subarray(from * t, to * t) }
    : { kind: 'category', values: attr.values.subarray(from * t, to * t), levels: attr.levels };
}

/** One attribute's file: `n x t` values, row-major, little-endian float64 (numbers) or int32 (category codes). */
export interface CellFile {
  readonly name: string;
  readonly kind: CellAttributeKind;
  readonly path: string;
}

/**
 * A cell store over files of `n` rows x `t` months, one per attribute (as
 * `CellSpill` writes them); rows are read with positioned reads, so only the
 * block asked for is in memory. Views (`view`) select rows and shift months
 * without copying.
 *
 * @example
 * const store = new FileCellStore(files, n, t);
 * store.read('hourly_wage', 0, 1000).values; // 1000 x t numbers
 */
export class FileCellStore implements CellStore {
  readonly attributes: Readonly<Record<string, CellAttributeKind>>;
  private readonly fds = new Map<string, number>();
  private scratch = new Uint8Array(0);

  /**
   * @param files one file per attribute
   * @param n rows
   * @param t months
   * @param blockBytes bytes of one attribute's block in `attributeBlocks` (default 32 MiB)
   */
  constructor(
    private readonly files: readonly CellFile[],
    readonly n: number,
    readonly t: number,
    readonly blockBytes = BLOCK_BYTES,
  ) {
    this.attributes = Object.fromEntries(files.map((f) => [f.name, f.kind]));
  }

  read(name: string, from: number, to: number, into?: ArrayBuffer): CellAttribute {
    return this.readRows(name, null, null, null, this.t, from, to, into);
  }

  view(rows: Int32Array, offsets: Int32Array, t: number): CellStore {
    return new CellStoreView(this, rows, offsets, Int32Array.from(rows, () => 0), Int32Array.from(rows, () => this.t), t);
  }

  /** Close the files (reads after this reopen them). */
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /**
   * Rows `from .. to - 1` of a view: view row k is file row `rows[k]` (k when
   * null) from month `starts[k]` (0 when null) on, `t` months, of which only
   * file months `lo[k] .. hi[k] - 1` (and inside the file) are present.
   */
  readRows(
    name: string, rows: Int32Array | null, starts: Int32Array | null, bounds: { lo: Int32Array; hi: Int32Array } | null, t: number, from: number, to: number, into?: ArrayBuffer,
  ): CellAttribute {
    const file = this.files.find((f) => f.name === name);
    if (!file) throw new Error(`the cell store has no attribute "${name}"`);
    const number = file.kind.kind === 'number';
    const size = (to - from) * t;
    const out = number ? (into ? new Float64Array(into, 0, size) : new Float64Array(size)) : into ? new Int32Array(into, 0, size) : new Int32Array(size);
    const absent = number ? NaN : -1;
    const width = this.t;
    const bytes = number ? 8 : 4;
    const bytesOut = new Uint8Array(out.buffer);
    // runs of consecutive file rows holding the same months are read with one call each, straight into the block
    let k = from;
    while (k < to) {
      const first = rows ? rows[k] : k;
      const s = starts ? starts[k] : 0;
      const lo = Math.max(s, bounds ? bounds.lo[k] : 0, 0);
      const hi = Math.min(s + t, bounds ? bounds.hi[k] : width, width);
      let end = k + 1;
      if (hi - lo === width && t === width) {
        // whole rows: a run of consecutive file rows is one contiguous read
        while (end < to && (rows ? rows[end] : end) === first + (end - k) && (starts ? starts[end] : 0) === 0 && (!bounds || (bounds.lo[end] <= 0 && bounds.hi[end] >= width))) end++;
        this.pread(file, bytesOut.subarray((k - from) * t * bytes, (end - from) * t * bytes), first * width * bytes);
      } else {
        // a run of consecutive file rows with the same months: read whole, copy each row's months
        const same = (r: number) => (starts ? starts[r] : 0) === s && (!bounds || (bounds.lo[r] === bounds.lo[k] && bounds.hi[r] === bounds.hi[k]));
        while (end < to && (rows ? rows[end] : end) === first + (end - k) && same(end)) end++;
        // months of the rows outside the file (or the view they come from) stay absent
        for (let r = k; r < end; r++) {
          if (lo > s) out.fill(absent, (r - from) * t, (r - from) * t + Math.min(lo - s, t));
          if (hi < s + t) out.fill(absent, (r - from) * t + Math.max(hi - s, 0), (r - from + 1) * t);
        }
        if (lo < hi && end - k === 1) {
          this.pread(file, bytesOut.subarray(((k - from) * t + lo - s) * bytes, ((k - from) * t + hi - s) * bytes), (first * width + lo) * bytes);
        } else if (lo < hi) {
          const scratch = this.scratchBytes((end - k) * width * bytes);
          this.pread(file, scratch, first * width * bytes);
          for (let r = k; r < end; r++) {
            const row = (r - k) * width;
            bytesOut.set(scratch.subarray((row + lo) * bytes, (row + hi) * bytes), ((r - from) * t + lo - s) * bytes);
          }
        }
      }
      k = end;
    }
    return number ? { kind: 'number', values: out as Float64Array } : { kind: 'category', values: out as Int32Array, levels: (file.kind as { levels: readonly string[] }).levels };
  }

  /** A reusable buffer of at least `size` bytes. */
  private scratchBytes(size: number): Uint8Array {
    if (this.scratch.length < size) this.scratch = new Uint8Array(size);
    return this.scratch.subarray(0, size);
  }

  private pread(file: CellFile, into: Uint8Array, position: number): void {
    let fd = this.fds.get(file.path);
    if (fd === undefined) {
      fd = openSync(file.path, 'r');
      this.fds.set(file.path, fd);
    }
    let done = 0;
    while (done < into.length) {
      const read = readSync(fd, into, done, into.length - done, position + done);
      if (read === 0) throw new Error(`${file.path} ends early: the cell store's files are incomplete`);
      done += read;
    }
  }

}

/** A view of a `FileCellStore`: rows picked and months shifted, composed without copying. */
class CellStoreView implements CellStore {
  readonly attributes: Readonly<Record<string, CellAttributeKind>>;
  readonly n: number;
  readonly blockBytes: number;

  /**
   * @param base the file store
   * @param rows file row of each view row
   * @param starts file month of each view row's month 0
   * @param lo first file month present for each row
   * @param hi file month after the last present
   * @param t months of the view
   */
  constructor(
    private readonly base: FileCellStore,
    private readonly rows: Int32Array,
    private readonly starts: Int32Array,
    private readonly lo: Int32Array,
    private readonly hi: Int32Array,
    readonly t: number,
  ) {
    this.attributes = base.attributes;
    this.n = rows.length;
    this.blockBytes = base.blockBytes;
  }

  read(name: string, from: number, to: number, into?: ArrayBuffer): CellAttribute {
    return this.base.readRows(name, this.rows, this.starts, { lo: this.lo, hi: this.hi }, this.t, from, to, into);
  }

  view(rows: Int32Array, offsets: Int32Array, t: number): CellStore {
    const n = rows.length;
    const fileRows = new Int32Array(n);
    const starts = new Int32Array(n);
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const r = rows[k];
      fileRows[k] = this.rows[r];
      starts[k] = this.starts[r] + offsets[k];
      // only this view's months 0 .. t - 1 are present in the new one
      lo[k] = Math.max(this.lo[r], this.starts[r]);
      hi[k] = Math.min(this.hi[r], this.starts[r] + this.t);
    }
    return new CellStoreView(this.base, fileRows, starts, lo, hi, t);
  }
}

/**
 * The person-month attributes of every row in memory, from `cellAttributes`
 * or read whole from the cell store: for a panel small enough, or a subset of
 * a large one (`selectRows` keeps the store's rows as a view).
 *
 * @param seqs the sequences
 * @param names the attributes (default all)
 * @example
 * const wages = cellAttributesOf(selectRows(seqs, [0, 1, 2]), ['hourly_wage']).hourly_wage.values; // 3 x t
 */
export function cellAttributesOf(seqs: StateSequences, names: readonly string[] = cellAttributeNames(seqs)): Record<string, CellAttribute> {
  const store = seqs.cellStore;
  return Object.fromEntries(
    names.map((name) => [name, store && Object.hasOwn(store.attributes, name) ? store.read(name, 0, seqs.n) : seqs.cellAttributes[name]]),
  );
}
