import type { StateSequences } from '../sequences/types.js';
import { MISSING, VOID } from '../sequences/types.js';

/** How an index plot orders its sequences. */
export type SequenceSort = 'start' | 'end' | 'none';

/**
 * Row order of a sequence set, as TraMineR's `seqIplot(sortv = "from.start")`:
 * lexicographic on the state codes from the first month on ('start'), from the
 * last month backwards ('end'), or data order ('none'). Ties keep data order.
 *
 * @param seqs the sequences
 * @param sort 'start' | 'end' | 'none'
 * @param rows rows to order (default all)
 * @returns the rows in plot order (first = bottom of the plot)
 * @example
 * sortRows(seqs, 'start'); // Int32Array of row indexes
 */
export function sortRows(seqs: StateSequences, sort: SequenceSort, rows?: ArrayLike<number>): Int32Array {
  const { n, t, codes } = seqs;
  const out = rows ? Int32Array.from(rows) : Int32Array.from({ length: n }, (_, i) => i);
  if (sort === 'none') return out;
  const forward = sort === 'start';
  return out.sort((a, b) => {
    for (let k = 0; k < t; k++) {
      const j = forward ? k : t - 1 - k;
      const d = codes[a * t + j] - codes[b * t + j];
      if (d !== 0) return d;
    }
    return a - b;
  });
}

/** Rows of a sequence set split by a grouping (clusters, benefit), groups in sorted order. */
export interface RowGroup {
  readonly name: string;
  readonly rows: Int32Array;
}

/**
 * Split rows 0..n-1 by a per-row group value. Groups come out ordered
 * numerically when all values are numbers, else alphabetically; `order` overrides.
 *
 * @param groups group value per row (cluster number, benefit, ...)
 * @param order group names in the order wanted (optional)
 * @example
 * splitRows([2, 1, 2]); // [{ name: '1', rows: [1] }, { name: '2', rows: [0, 2] }]
 */
export function splitRows(groups: ArrayLike<string | number>, order?: readonly string[]): RowGroup[] {
  const byName = new Map<string, number[]>();
  let numeric = true;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (typeof g !== 'number') numeric = false;
    const name = String(g);
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push(i);
  }
  const names = order
    ? order.filter((name) => byName.has(name))
    : [...byName.keys()].sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  return names.map((name) => ({ name, rows: Int32Array.from(byName.get(name) ?? []) }));
}

/** One rectangle of an index plot: months [x, x2) of the rows stacked from y to y2. */
export interface RunRect {
  x: number;
  x2: number;
  y: number;
  y2: number;
  /** State index into the alphabet, or -1 for missing. */
  s: number;
  /** Number of sequences of the drawn row. */
  n: number;
}

/** Rectangles of an index plot and how many sequences one drawn row stands for. */
export interface IndexRects {
  readonly rects: RunRect[];
  /** Fewest and most sequences per drawn row (1 when every sequence has its own row; 0 when nothing is drawn). */
  readonly perRow: number;
  readonly maxPerRow: number;
  /** Total height: sum of the weights (or the count) of the rows drawn. */
  readonly total: number;
}

/**
 * Rectangles for an index plot: one per run of equal states in each drawn row.
 * Consecutive sequences (in plot order) are binned so that there are at most
 * `maxRows` drawn rows and every drawn row stands for at least `minPerRow`
 * sequences, the last row included: with m sequences, perRow =
 * max(ceil(m / maxRows), minPerRow), floor(m / perRow) rows, the m sequences
 * spread over them as evenly as possible (sizes differ by at most one). Each
 * bin shows, month by month, its (weighted) modal state; months where void is
 * modal stay empty. Fewer than `minPerRow` sequences draw nothing
 * (disclosure control: no row describes fewer than minPerRow persons).
 *
 * @param seqs the sequences
 * @param rows the rows in plot order
 * @param options maxRows (default 400); minPerRow (default 1); weighted (row
 *   heights proportional to the case weights, default true); heights
 *   (explicit height per entry of `rows`)
 * @example
 * indexRects(seqs, sortRows(seqs, 'start'), { maxRows: 300, minPerRow: 10 }).rects.length;
 */
export function indexRects(
  seqs: StateSequences,
  rows: Int32Array,
  options: { maxRows?: number; minPerRow?: number; weighted?: boolean; heights?: ArrayLike<number> } = {},
): IndexRects {
  const { maxRows = 400, minPerRow = 1, weighted = true } = options;
  const { t, codes } = seqs;
  const m = rows.length;
  if (m === 0 || m < minPerRow) return { rects: [], perRow: 0, maxPerRow: 0, total: 0 };
  const h = new Float64Array(m);
  for (let r = 0; r < m; r++) h[r] = options.heights ? options.heights[r] : weighted ? seqs.weights[rows[r]] : 1;
  const nStates = seqs.alphabet.codes.length;
  const bins = Math.floor(m / Math.max(1, Math.ceil(m / Math.max(1, maxRows)), minPerRow));
  const small = Math.floor(m / bins);
  const larger = m % bins; // the first `larger` bins hold small + 1 sequences
  // Slots 0..nStates-1 are states, nStates is missing, nStates + 1 is void.
  const tally = new Float64Array(nStates + 2);
  const modal = new Int32Array(t);
  const rects: RunRect[] = [];
  let y = 0;
  for (let b = 0, start = 0; b < bins; b++) {
    const size = small + (b < larger ? 1 : 0);
    const end = start + size;
    let height = 0;
    for (let r = start; r < end; r++) height += h[r];
    // modal[j] = argmax_s sum_{rows r in bin, code(r, j) = s} h_r
    for (let j = 0; j < t; j++) {
      tally.fill(0);
      for (let r = start; r < end; r++) {
        const c = codes[rows[r] * t + j];
        const slot = c === MISSING ? nStates : c === VOID ? nStates + 1 : c;
        tally[slot] += h[r];
      }
      let best = 0;
      for (let s = 1; s < nStates + 2; s++) if (tally[s] > tally[best]) best = s;
      modal[j] = best;
    }
    for (let j = 0; j < t; ) {
      let k = j + 1;
      while (k < t && modal[k] === modal[j]) k++;
      const slot = modal[j];
      if (slot !== nStates + 1) rects.push({ x: j, x2: k, y, y2: y + height, s: slot === nStates ? -1 : slot, n: size });
      j = k;
    }
    y += height;
    start = end;
  }
  return { rects, perRow: small, maxPerRow: small + (larger > 0 ? 1 : 0), total: y };
}
