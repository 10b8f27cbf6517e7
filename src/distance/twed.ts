import type { EncodedRows } from './encode.js';
import { maxSubstitution } from './om.js';
import { normalizeDistance } from './normalize.js';
import type { DistanceSetup } from './setup.js';

/**
 * Time Warp Edit Distance (TWED, Marteau 2009, IEEE PAMI 31(2)) on state sequences,
 * as TraMineR computes it, with months as time stamps, nu the stiffness and lambda
 * the gap penalty (x_0 = y_0 = state 0):
 * - match: F(i-1, j-1) + [sm(x_i, y_j) + sm(x_{i-1}, y_{j-1})] + 2 nu |i - j|
 *   (0 instead of the bracket when x_i = y_j and x_{i-1} = y_{j-1})
 * - delete x_i: F(i-1, j) + sm(x_i, x_{i-1}) + nu + lambda
 * - insert y_j: F(i, j-1) + sm(y_j, y_{j-1}) + nu + lambda
 * Row and column 0 are unreachable except F(0, 0) = 0 (TraMineR blocks them with
 * 1000 maxsub); an empty sequence is at distance |other| indel. The largest possible
 * distance is |m - n| (nu + lambda + maxsub) + 2 (maxsub + nu) min(m, n).
 *
 * @param setup resolved options (sm, indel, nu, lambda, norm)
 * @param rows encoded rows
 * @returns d(a, b), normalised
 * @example
 * twedKernel(setup, rows)(0, 1);
 */
export function twedKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { nStates, sm, nu, lambda, norm, indelScalar: indel } = setup;
  const { t, codes, lengths } = rows;
  const maxSub = maxSubstitution(setup);
  const blocked = 1000 * maxSub;
  const work = new Float64Array(t + 1);
  return (a, b) => {
    const m = lengths[a];
    const n = lengths[b];
    const xb = a * t;
    const yb = b * t;
    let raw: number;
    if (m === 0) raw = n * indel;
    else if (n === 0) raw = m * indel;
    else {
      // work[j] = F(i, j); row 0 is only read at F(0, 0) = 0
      work[0] = 0;
      for (let i = 1; i <= m; i++) {
        const xi = codes[xb + i - 1];
        const xp = i === 1 ? 0 : codes[xb + i - 2];
        const smX = sm[xi * nStates + xp];
        let diag = work[0];
        for (let j = 1; j <= n; j++) {
          const yj = codes[yb + j - 1];
          const yp = j === 1 ? 0 : codes[yb + j - 2];
          const up = work[j];
          const cost = xi === yj && xp === yp ? 0 : sm[xi * nStates + yj] + sm[xp * nStates + yp];
          let sub = diag + cost + 2 * nu * Math.abs(i - j);
          let ins: number;
          let del: number;
          if (j === 1) {
            ins = blocked;
            if (i > 1) sub = blocked;
          } else {
            ins = work[j - 1] + sm[yj * nStates + yp] + nu + lambda;
          }
          if (i === 1) {
            del = blocked;
            if (j > 1) sub = blocked;
          } else {
            del = up + smX + nu + lambda;
          }
          let v = ins;
          if (del < v) v = del;
          if (sub < v) v = sub;
          work[j] = v;
          diag = up;
        }
      }
      raw = work[n];
    }
    const maxDist = Math.abs(n - m) * (nu + lambda + maxSub) + 2 * (maxSub + nu) * Math.min(m, n);
    return normalizeDistance(raw, maxDist, m * indel, n * indel, norm);
  };
}
