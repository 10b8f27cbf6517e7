import { OptionsError } from '../errors.js';

/**
 * Adjusted Rand index between two partitions of the same objects (Hubert &
 * Arabie 1985, "Comparing partitions", J. Classification 2, 193-218): the
 * Rand index corrected for chance, 1 for identical partitions (up to the
 * names of the clusters), about 0 for independent ones. With n_ij the
 * contingency counts, a_i and b_j its margins and C(x) = x (x - 1) / 2:
 *
 *   ARI = (Σ C(n_ij) - E) / (½ (Σ C(a_i) + Σ C(b_j)) - E),  E = Σ C(a_i) Σ C(b_j) / C(n)
 *
 * Objects count once each (unweighted), as in R's `mclust::adjustedRandIndex`.
 * When both partitions are trivial (one cluster each, or all singletons) the
 * denominator is 0 and the index is 1, as scikit-learn defines it.
 *
 * @param a cluster label per object (numbers or strings)
 * @param b cluster label per object, same length
 * @returns the adjusted Rand index (at most 1; may be below 0)
 * @example
 * adjustedRandIndex([1, 1, 2, 2], ['x', 'x', 'y', 'y']); // 1
 * adjustedRandIndex([1, 1, 2, 2], [1, 2, 1, 2]);         // -0.5
 */
export function adjustedRandIndex(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number {
  const n = a.length;
  if (b.length !== n) throw new OptionsError('b', `${n} and ${b.length} labels; expected one per object in both`);
  const codeA = codes(a);
  const codeB = codes(b);
  const kb = codeB.levels;
  // contingency counts n_ij in one flat array, margins a_i and b_j
  const table = new Float64Array(codeA.levels * kb);
  const rowSum = new Float64Array(codeA.levels);
  const colSum = new Float64Array(kb);
  for (let i = 0; i < n; i++) {
    table[codeA.index[i] * kb + codeB.index[i]]++;
    rowSum[codeA.index[i]]++;
    colSum[codeB.index[i]]++;
  }
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let sumCells = 0;
  for (let c = 0; c < table.length; c++) sumCells += pairs(table[c]);
  let sumRows = 0;
  for (let r = 0; r < rowSum.length; r++) sumRows += pairs(rowSum[r]);
  let sumCols = 0;
  for (let c = 0; c < kb; c++) sumCols += pairs(colSum[c]);
  const expected = n > 1 ? (sumRows * sumCols) / pairs(n) : 0;
  const denominator = (sumRows + sumCols) / 2 - expected;
  return denominator === 0 ? 1 : (sumCells - expected) / denominator;
}

/** Labels as codes 0..levels-1 in order of first appearance. */
function codes(labels: ArrayLike<number | string>): { index: Int32Array; levels: number } {
  const seen = new Map<number | string, number>();
  const index = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = seen.get(labels[i]);
    if (c === undefined) {
      c = seen.size;
      seen.set(labels[i], c);
    }
    index[i] = c;
  }
  return { index, levels: seen.size };
}
