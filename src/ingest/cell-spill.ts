import { appendFileSync, closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetTemporary, trackTemporary } from '../output/atomic.js';
import { FileCellStore, type CellFile } from '../sequences/cell-store.js';
import type { CellAttributeKind, StateSequences } from '../sequences/types.js';

/** Grid rows per bucket file: the rows `finish` lays out at once. */
const BUCKET_ROWS = 1 << 14;
/** Records a bucket holds in memory before it is appended to its file. */
const BUFFER_RECORDS = 1 << 12;

/**
 * Person-month attribute values written to disk while a month file is read,
 * instead of into in-memory grid layers: each placed cell becomes a record
 * (grid row, month, one float64 per attribute; category codes as numbers)
 * appended to the bucket file of its row (grid rows in blocks of 16,384), so
 * the rows may arrive in any order. `finish` lays the buckets out as one file
 * per attribute on the final rows and months (`FileCellStore`). A cell
 * written twice keeps its last value, as in a grid layer.
 *
 * @example
 * const spill = new CellSpill(2);
 * spill.values[0] = 24; spill.values[1] = 11.5;
 * spill.add(row, month);
 * const store = spill.finish(kinds, rows, origins, t); // after assembling the panel
 */
export class CellSpill {
  /** The values of the next record, one per attribute; set them before `add`. */
  readonly values: Float64Array;
  readonly dir: string;
  private readonly buckets: Bucket[] = [];

  /**
   * @param attributes number of attributes
   * @param parent folder for the temporary files (default the system's temporary folder)
   */
  constructor(
    private readonly attributes: number,
    parent = tmpdir(),
  ) {
    this.values = new Float64Array(attributes);
    this.dir = mkdtempSync(join(parent, 'loopbaan-cells-'));
    trackTemporary(this.dir);
  }

  /** Append a record for cell (grid row, month) with the current `values`. */
  add(row: number, month: number): void {
    const b = Math.floor(row / BUCKET_ROWS);
    while (this.buckets.length <= b) this.buckets.push(this.newBucket(this.buckets.length));
    const bucket = this.buckets[b];
    const k = bucket.count++;
    bucket.rows[k] = row;
    bucket.months[k] = month;
    bucket.values.set(this.values, k * this.attributes);
    if (bucket.count === BUFFER_RECORDS) this.flush(bucket);
  }

  /**
   * Lay the records out as one file per attribute, n x t: row r holds grid
   * row `rows[r]` from month `origins[r]` on (as `CellGrid.extract`), NaN or
   * -1 where no record fell. The bucket files are removed.
   *
   * @param attributes name and kind of each attribute, in record order
   * @param rows grid row of each final row (ascending)
   * @param origins month of each final row's first month
   * @param t months per row
   */
  finish(attributes: readonly { name: string; kind: CellAttributeKind }[], rows: Int32Array, origins: Int32Array, t: number): FileCellStore {
    const n = rows.length;
    const A = this.attributes;
    const finalOf = new Int32Array(this.buckets.length * BUCKET_ROWS).fill(-1);
    for (let r = 0; r < n; r++) if (rows[r] < finalOf.length) finalOf[rows[r]] = r;
    const files: CellFile[] = attributes.map((a, k) => ({ ...a, path: join(this.dir, `${k}.cells`) }));
    const out = files.map((f) => openSync(f.path, 'w'));
    let written = 0; // final rows written so far
    for (let b = 0; b < this.buckets.length; b++) {
      const bucket = this.buckets[b];
      this.flush(bucket);
      // the final rows of this bucket's grid rows: a contiguous range, as rows ascend
      let last = written;
      while (last < n && rows[last] < (b + 1) * BUCKET_ROWS) last++;
      const first = written;
      const blocks = attributes.map((a) => (a.kind.kind === 'number' ? new Float64Array((last - first) * t).fill(NaN) : new Int32Array((last - first) * t).fill(-1)));
      this.replay(bucket.path, (row, month, values, at) => {
        const r = finalOf[row];
        if (r < 0) return;
        const j = month - origins[r];
        if (j < 0 || j >= t) return;
        const cell = (r - first) * t + j;
        for (let a = 0; a < A; a++) blocks[a][cell] = values[at + a];
      });
      blocks.forEach((block, a) => writeAll(out[a], new Uint8Array(block.buffer, block.byteOffset, block.byteLength)));
      rmSync(bucket.path, { force: true });
      written = last;
    }
    // rows after the last bucket (persons without any attribute record) stay absent
    for (let a = 0; a < A; a++) {
      const missing = (n - written) * t;
      if (missing > 0) {
        const fill = attributes[a].kind.kind === 'number' ? new Float64Array(missing).fill(NaN) : new Int32Array(missing).fill(-1);
        writeAll(out[a], new Uint8Array(fill.buffer));
      }
      closeSync(out[a]);
    }
    return new FileCellStore(files, n, t);
  }

  /** Remove the files (the store made by `finish` is then unreadable). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
    forgetTemporary(this.dir);
  }

  private newBucket(b: number): Bucket {
    const path = join(this.dir, `bucket-${b}`);
    appendFileSync(path, new Uint8Array(0));
    return { path, rows: new Int32Array(BUFFER_RECORDS), months: new Int32Array(BUFFER_RECORDS), values: new Float64Array(BUFFER_RECORDS * this.attributes), count: 0 };
  }

  /** Append the buffered records to the bucket's file as one block: count, rows, months, values. */
  private flush(bucket: Bucket): void {
    const k = bucket.count;
    if (k === 0) return;
    const fd = openSync(bucket.path, 'a');
    try {
      writeAll(fd, new Uint8Array(Int32Array.of(k).buffer));
      writeAll(fd, new Uint8Array(bucket.rows.buffer, 0, 4 * k));
      writeAll(fd, new Uint8Array(bucket.months.buffer, 0, 4 * k));
      writeAll(fd, new Uint8Array(bucket.values.buffer, 0, 8 * k * this.attributes));
    } finally {
      closeSync(fd);
    }
    bucket.count = 0;
  }

  /** Every record of a (flushed) bucket file, in the order written. */
  private replay(path: string, visit: (row: number, month: number, values: Float64Array, at: number) => void): void {
    const A = this.attributes;
    const head = new Int32Array(1);
    const rows = new Int32Array(BUFFER_RECORDS);
    const months = new Int32Array(BUFFER_RECORDS);
    const values = new Float64Array(BUFFER_RECORDS * A);
    const fd = openSync(path, 'r');
    try {
      let position = 0;
      while (readAll(fd, new Uint8Array(head.buffer), position) === 4) {
        const k = head[0];
        position += 4;
        position += readAll(fd, new Uint8Array(rows.buffer, 0, 4 * k), position);
        position += readAll(fd, new Uint8Array(months.buffer, 0, 4 * k), position);
        position += readAll(fd, new Uint8Array(values.buffer, 0, 8 * k * A), position);
        for (let i = 0; i < k; i++) visit(rows[i], months[i], values, i * A);
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** Records of one block of grid rows: buffered, then appended to its file. */
interface Bucket {
  readonly path: string;
  readonly rows: Int32Array;
  readonly months: Int32Array;
  readonly values: Float64Array;
  count: number;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function readAll(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/**
 * The sequences with their in-memory person-month attributes moved to files
 * (a `FileCellStore`), as a large panel read with `attributeStore: 'disk'`
 * holds them: for tests of the block-by-block paths, and to free memory
 * before long work on a panel built in memory.
 *
 * @param seqs sequences with `cellAttributes`
 * @param options `dir`: parent folder of the files (default the system's temporary folder); `blockBytes`: size of one attribute's block in `attributeBlocks`
 * @example
 * const stored = storeCellAttributes(simulateJobcoach({ n: 1000 }), { blockBytes: 64 * 1024 });
 * stored.cellAttributes; // {}
 * jobLossTable(stored, { roles, employer: 'employer_id' }); // the same table, read in blocks
 */
export function storeCellAttributes(seqs: StateSequences, options: { dir?: string; blockBytes?: number } = {}): StateSequences {
  const dir = mkdtempSync(join(options.dir ?? tmpdir(), 'loopbaan-cells-'));
  trackTemporary(dir);
  const files: CellFile[] = Object.entries(seqs.cellAttributes).map(([name, attr], k) => {
    const path = join(dir, `${k}.cells`);
    const fd = openSync(path, 'w');
    try {
      writeAll(fd, new Uint8Array(attr.values.buffer, attr.values.byteOffset, attr.values.byteLength));
    } finally {
      closeSync(fd);
    }
    return { name, path, kind: attr.kind === 'number' ? { kind: 'number' } : { kind: 'category', levels: attr.levels } };
  });
  return { ...seqs, cellAttributes: {}, cellStore: new FileCellStore(files, seqs.n, seqs.t, options.blockBytes) };
}
