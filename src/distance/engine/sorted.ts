import type { AlignmentProblem } from './problem.js';

/** Sequences in lexicographic order, the layout the kernels read. */
export interface SortedSet {
  /** Row-major D x t codes in sorted order. */
  readonly codes: Uint8Array;
  /** Lengths in sorted order. */
  readonly lengths: Int32Array;
  /** lcp[r]: length of the common prefix of sorted rows r-1 and r (lcp[0] = 0). */
  readonly lcp: Int32Array;
  /** order[r]: the problem's row at sorted position r. */
  readonly order: Int32Array;
}

/** Where arrays live: ordinary memory, or shared memory that worker threads can read. */
export type Alloc = (bytes: number) => ArrayBufferLike;

/** Ordinary memory. */
export const plainAlloc: Alloc = (bytes) => new ArrayBuffer(bytes);

/** Shared memory, seen by every worker thread. */
export const sharedAlloc: Alloc = (bytes) => new SharedArrayBuffer(bytes);

/**
 * Sort sequences lexicographically (a sequence before its extensions) and
 * record the common prefix of neighbours. Sorted neighbours share long
 * prefixes, which the kernel turns into rows and columns it never recomputes.
 *
 * Least-significant-digit radix sort: one stable counting sort per month, from
 * the last to the first, with key 0 past a sequence's end and code+1 before
 * it; O(t x (D + nStates)). The keys are laid out month by month (D bytes
 * each, cache-resident) because reading them row by row in the current order
 * would miss the cache on every access.
 *
 * @param p sequences (only codes, t, lengths, nStates are read)
 * @param alloc where the arrays live (shared memory when workers will read them)
 * @param stride row stride of the sorted codes (>= p.t; lets two sets share one stride)
 * @example
 * const s = sortSequences({ codes: Uint8Array.from([1, 0, 0, 1]), t: 2, lengths: Int32Array.from([2, 2]), nStates: 2 });
 * s.order; // Int32Array [1, 0]
 * s.lcp;   // Int32Array [0, 0]
 */
export function sortSequences(
  p: Pick<AlignmentProblem, 'codes' | 't' | 'lengths' | 'nStates'>,
  alloc: Alloc = plainAlloc,
  stride = p.t,
): SortedSet {
  const { codes, t, lengths, nStates } = p;
  const d = lengths.length;
  // keys[j*d + r] = code of row r at month j, plus 1; 0 past the row's end.
  const keys = new Uint8Array(t * d);
  for (let r = 0; r < d; r++) {
    for (let j = 0, len = lengths[r]; j < len; j++) keys[j * d + r] = codes[r * t + j] + 1;
  }
  let order = new Int32Array(d);
  let next = new Int32Array(d);
  for (let r = 0; r < d; r++) order[r] = r;
  const count = new Int32Array(nStates + 2);
  for (let j = t - 1; j >= 0; j--) {
    const col = keys.subarray(j * d, (j + 1) * d);
    count.fill(0);
    for (let r = 0; r < d; r++) count[col[r] + 1]++;
    for (let k = 1; k < count.length; k++) count[k] += count[k - 1];
    for (let q = 0; q < d; q++) {
      const r = order[q];
      next[count[col[r]]++] = r;
    }
    [order, next] = [next, order];
  }

  const sorted = new Uint8Array(alloc(d * stride));
  const sortedLengths = new Int32Array(alloc(4 * d));
  const lcp = new Int32Array(alloc(4 * d));
  const sortedOrder = new Int32Array(alloc(4 * d));
  sortedOrder.set(order);
  for (let q = 0; q < d; q++) {
    const r = order[q];
    const len = lengths[r];
    sorted.set(codes.subarray(r * t, r * t + len), q * stride);
    sortedLengths[q] = len;
    if (q > 0) {
      const prev = (q - 1) * stride;
      const max = Math.min(len, sortedLengths[q - 1]);
      let l = 0;
      while (l < max && sorted[prev + l] === sorted[q * stride + l]) l++;
      lcp[q] = l;
    }
  }
  return { codes: sorted, lengths: sortedLengths, lcp, order: sortedOrder };
}
