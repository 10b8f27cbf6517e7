import { condensedIndex } from '../matrix.js';
import { LANES, type Kernel } from './kernel.js';
import type { VariantSpec } from './problem.js';
import type { SortedSet } from './sorted.js';

/** Version of the job layout shared with worker threads; bump on any change to JobSpec or the kernel interface. */
export const PROTOCOL = 3;

/**
 * One OM computation, in a form worker threads can receive (typed arrays on
 * SharedArrayBuffers are shared, not copied).
 * - `condensed`: all pairs of set `a` (`b` is the same set), written to `out`
 *   in the condensed order of src/distance/matrix.ts over the problem's rows;
 * - `refs`: every row of `a` against every row of `b`, written to `out` as
 *   a-rows x b-rows, row-major, in the problems' row orders.
 * Work is cut into units of 16 sorted rows of `a` (one kernel call each);
 * threads claim units in order through the shared counter `next`, so the
 * large early units of a condensed job start first.
 */
export interface JobSpec {
  readonly kind: 'condensed' | 'refs';
  readonly nStates: number;
  readonly t: number;
  readonly sm: Float64Array;
  readonly indel: Float64Array;
  readonly a: SortedSet;
  readonly b: SortedSet;
  readonly out: Float64Array;
  /** [0]: next unit to claim. */
  readonly next: Int32Array;
  /** [0]: pairs done, for progress. */
  readonly done: BigInt64Array;
  /** OMloc or OMslen instead of OM (the `b` set's lcp then counts only rows the variant can share). */
  readonly variant?: VariantSpec;
}

const VARIANT_MODES: Record<VariantSpec['mode'], number> = { omloc: 0, 'omslen-mean': 1, 'omslen-gmean': 2 };

/** Number of kernel calls (units) of a job over `da` sequences (`db` references). */
export function jobUnits(kind: JobSpec['kind'], da: number): number {
  return kind === 'condensed' ? Math.ceil(Math.max(0, da - 1) / LANES) : Math.ceil(da / LANES);
}

/** Number of distances a job computes. */
export function jobPairs(kind: JobSpec['kind'], da: number, db: number): number {
  return kind === 'condensed' ? (da * (da - 1)) / 2 : da * db;
}

/**
 * A job's inputs placed in one kernel's memory, ready to run units.
 * @example
 * const session = new JobSession(instantiateKernel(wasmModule()), job);
 * runUnits(session);
 */
export class JobSession {
  readonly job: JobSpec;
  private readonly kernel: Kernel;
  private readonly ptr: { sm: number; indel: number; weights: number; aCodes: number; aLen: number; aLcp: number; bCodes: number; bLen: number; bLcp: number; work: number; out: number };

  constructor(kernel: Kernel, job: JobSpec) {
    this.kernel = kernel;
    this.job = job;
    const { a, b, nStates, t } = job;
    let top = kernel.heapBase();
    const place = (bytes: number) => {
      top = Math.ceil(top / 16) * 16;
      const at = top;
      top += bytes;
      return at;
    };
    const sm = place(job.sm.byteLength);
    const indel = place(job.indel.byteLength);
    const weights = place(job.variant ? job.variant.weights.byteLength : 0);
    const aCodes = place(a.codes.byteLength);
    const aLen = place(a.lengths.byteLength);
    const aLcp = place(a.lcp.byteLength);
    const same = a === b;
    const bCodes = same ? aCodes : place(b.codes.byteLength);
    const bLen = same ? aLen : place(b.lengths.byteLength);
    const bLcp = same ? aLcp : place(b.lcp.byteLength);
    if (job.variant && !kernel.variantGroup) throw new Error('OMloc and OMslen need the WebAssembly kernel (run `npm run build`)');
    const work = place(job.variant ? kernel.variantWorkBytes!(nStates, t) : kernel.workBytes(nStates, t));
    const out = place(Math.max(1, b.order.length) * LANES * 8);
    const missing = top - kernel.memory.buffer.byteLength;
    if (missing > 0) kernel.memory.grow(Math.ceil(missing / 65536));
    const buf = kernel.memory.buffer;
    new Float64Array(buf, sm, job.sm.length).set(job.sm);
    new Float64Array(buf, indel, job.indel.length).set(job.indel);
    if (job.variant) new Float64Array(buf, weights, job.variant.weights.length).set(job.variant.weights);
    new Uint8Array(buf, aCodes, a.codes.length).set(a.codes);
    new Int32Array(buf, aLen, a.lengths.length).set(a.lengths);
    new Int32Array(buf, aLcp, a.lcp.length).set(a.lcp);
    if (!same) {
      new Uint8Array(buf, bCodes, b.codes.length).set(b.codes);
      new Int32Array(buf, bLen, b.lengths.length).set(b.lengths);
      new Int32Array(buf, bLcp, b.lcp.length).set(b.lcp);
    }
    this.ptr = { sm, indel, weights, aCodes, aLen, aLcp, bCodes, bLen, bLcp, work, out };
  }

  /** Run one unit (16 sorted rows of `a`) and write its distances to `job.out`; returns the pairs done. */
  runUnit(unit: number): number {
    const { job, ptr } = this;
    const da = job.a.order.length;
    const db = job.b.order.length;
    const a0 = unit * LANES;
    const aCount = Math.min(LANES, da - a0);
    const condensed = job.kind === 'condensed';
    const bStart = condensed ? a0 + 1 : 0;
    if (bStart >= db) return 0;
    const v = job.variant;
    if (v) {
      this.kernel.variantGroup!(
        VARIANT_MODES[v.mode], job.nStates, job.t, ptr.sm, ptr.indel, ptr.weights, v.timeCost, v.context,
        ptr.aCodes, ptr.aLen, a0, aCount,
        ptr.bCodes, ptr.bLen, ptr.bLcp, bStart, db,
        ptr.work, ptr.out,
      );
    } else {
      this.kernel.omGroup(
        job.nStates, job.t, ptr.sm, ptr.indel,
        ptr.aCodes, ptr.aLen, ptr.aLcp, a0, aCount,
        ptr.bCodes, ptr.bLen, ptr.bLcp, bStart, db,
        ptr.work, ptr.out,
      );
    }
    const res = new Float64Array(this.kernel.memory.buffer, ptr.out, (db - bStart) * LANES);
    const aOrder = job.a.order;
    const bOrder = job.b.order;
    const out = job.out;
    let pairs = 0;
    for (let k = 0; k < aCount; k++) {
      const oa = aOrder[a0 + k];
      if (condensed) {
        // Sorted rows a0+k < b: each unordered pair once.
        for (let b = a0 + k + 1; b < db; b++) out[condensedIndex(da, oa, bOrder[b])] = res[(b - bStart) * LANES + k];
        pairs += db - (a0 + k + 1);
      } else {
        for (let b = 0; b < db; b++) out[oa * db + bOrder[b]] = res[b * LANES + k];
        pairs += db;
      }
    }
    return pairs;
  }
}

/**
 * Claim and run units until none are left; `onUnit` is called after each.
 * The loop every thread runs, the calling thread included.
 */
export function runUnits(session: JobSession, onUnit?: () => void): void {
  const { job } = session;
  const units = jobUnits(job.kind, job.a.order.length);
  for (;;) {
    const unit = Atomics.add(job.next, 0, 1);
    if (unit >= units) return;
    const pairs = session.runUnit(unit);
    Atomics.add(job.done, 0, BigInt(pairs));
    onUnit?.();
  }
}
