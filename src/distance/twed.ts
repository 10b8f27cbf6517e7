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
  const { n: rowCount, t, codes, lengths } = rows;
  const maxSub = maxSubstitution(setup);
  const blocked = 1000 * maxSub;
  const twoNu = 2 * nu;
  // prev[r, j] = state before month j (state 0 before the first); warp[r, j] = sm(x_j, x_{j-1})
  const prev = new Uint8Array(rowCount * t);
  const warp = new Float64Array(rowCount * t);
  for (let r = 0; r < rowCount; r++) {
    for (let j = 0; j < lengths[r]; j++) {
      const p = j === 0 ? 0 : codes[r * t + j - 1];
      prev[r * t + j] = p;
      warp[r * t + j] = sm[codes[r * t + j] * nStates + p];
    }
  }
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
      // work[j] = F(i, j). Row i = 1: only the first states match, the rest are insertions.
      const y0 = codes[yb];
      work[1] = codes[xb] === y0 ? 0 : Math.min(blocked, sm[codes[xb] * nStates + y0] + sm[0]);
      for (let j = 2; j <= n; j++) work[j] = Math.min(blocked, work[j - 1] + warp[yb + j - 1] + nu + lambda);
      for (let i = 2; i <= m; i++) {
        const xi = codes[xb + i - 1];
        const xp = prev[xb + i - 1];
        const smXi = xi * nStates;
        const smXp = xp * nStates;
        const warpX = warp[xb + i - 1];
        // column 1: only deletions reach it
        let diag = work[1];
        work[1] = Math.min(blocked, diag + warpX + nu + lambda);
        for (let j = 2; j <= n; j++) {
          const yj = codes[yb + j - 1];
          const yp = prev[yb + j - 1];
          const up = work[j];
          // match: F(i-1, j-1) + sm(x_i, y_j) + sm(x_i-1, y_j-1) + 2 nu |i - j|; warps: + sm(z, z_prev) + nu + lambda
          const cost = xi === yj && xp === yp ? 0 : sm[smXi + yj] + sm[smXp + yp];
          const sub = diag + cost + twoNu * (i > j ? i - j : j - i);
          const ins = work[j - 1] + warp[yb + j - 1] + nu + lambda;
          const del = up + warpX + nu + lambda;
          let v = ins < del ? ins : del;
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
