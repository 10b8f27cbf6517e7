// Shared helpers of the cluster tests.
import type { DistanceMatrix } from '../../src/distance/matrix.js';

/** Condensed matrix from a full square matrix (rows of numbers). */
export function fromSquare(rows: number[][]): DistanceMatrix {
  const n = rows.length;
  const values = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) values[p++] = rows[i][j];
  return { n, values };
}

/** Condensed Euclidean distances between points on a line. */
export function lineDistances(xs: number[]): DistanceMatrix {
  return fromSquare(xs.map((a) => xs.map((b) => Math.abs(a - b))));
}
