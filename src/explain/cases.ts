import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';

/**
 * Dissimilarities between cases: an N x N matrix (`distances`), or a matrix
 * over the distinct sequences with the map from cases to them
 * (`distinctDistances`), which every analysis here uses as is: cases with the
 * same sequence share a row, so the statistics are computed on D x D pairs.
 */
export type CaseDissimilarities =
  | DistanceMatrix
  | { readonly matrix: DistanceMatrix; readonly distinct: { readonly rowToDistinct: Int32Array } };

/** The matrix over items and the item of every case. */
export interface ResolvedCases {
  readonly matrix: DistanceMatrix;
  /** Item (row of `matrix`) of each case. */
  readonly item: Int32Array;
  /** Number of cases. */
  readonly n: number;
}

/**
 * Resolve case dissimilarities to a matrix over items and the item of each case.
 *
 * @example
 * resolveCases(await distinctDistances(seqs, { method: 'OM', sm: 'TRATE' })).item; // rowToDistinct
 */
export function resolveCases(diss: CaseDissimilarities): ResolvedCases {
  if ('values' in diss) {
    const item = new Int32Array(diss.n);
    for (let i = 0; i < diss.n; i++) item[i] = i;
    return { matrix: diss, item, n: diss.n };
  }
  const item = diss.distinct.rowToDistinct;
  for (let i = 0; i < item.length; i++) {
    if (!(item[i] >= 0 && item[i] < diss.matrix.n)) throw new OptionsError('diss', `case ${i} maps to item ${item[i]}, outside 0..${diss.matrix.n - 1}`);
  }
  return { matrix: diss.matrix, item, n: item.length };
}

/** The matrix with every dissimilarity squared (TraMineR's `squared = TRUE`). */
export function squaredMatrix(m: DistanceMatrix): DistanceMatrix {
  return { n: m.n, values: m.values.map((d) => d * d) };
}
