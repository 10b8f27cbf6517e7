import type { EncodedRows } from './encode.js';
import { omNormalizer } from './om.js';
import { spellRows } from './spells.js';
import type { DistanceSetup } from './setup.js';

/**
 * Optimal matching of spells (OMspell, Studer & Ritschard 2016, JRSS A 179(2)).
 * Each sequence becomes its spells (state s, length l); with e = expcost and
 * l' = l^tpow - 1:
 * - inserting or deleting a spell costs indel(s) + e l'
 * - substituting spells of the same state costs e |l'_1 - l'_2|
 * - substituting spells of different states costs sm(s_1, s_2) + e (l'_1 + l'_2)
 * Normalisation as OM, on the lengths in months.
 *
 * @param setup resolved options (sm, indel per state, expcost, tpow, norm)
 * @param rows encoded rows
 * @returns d(a, b), normalised
 * @example
 * omspellKernel(setup, rows)(0, 1);
 */
export function omspellKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { nStates, sm, indel, expcost, tpow } = setup;
  const { t, lengths } = rows;
  // spells of row r at [r * t, r * t + count[r]); dur = l^tpow - 1
  const { state, length: dur, count } = spellRows(rows);
  const indelCost = new Float64Array(dur.length);
  for (let r = 0; r < rows.n; r++) {
    for (let s = r * t; s < r * t + count[r]; s++) {
      dur[s] = Math.pow(dur[s], tpow) - 1;
      indelCost[s] = indel[state[s]] + expcost * dur[s];
    }
  }
  const normalize = omNormalizer(setup);
  const work = new Float64Array(t + 1);
  return (a, b) => {
    const xb = a * t;
    const yb = b * t;
    const nx = count[a];
    const ny = count[b];
    work[0] = 0;
    for (let j = 1; j <= ny; j++) work[j] = work[j - 1] + indelCost[yb + j - 1];
    for (let i = 0; i < nx; i++) {
      const xs = state[xb + i];
      const xd = dur[xb + i];
      const delX = indelCost[xb + i];
      let diag = work[0];
      work[0] = diag + delX;
      for (let j = 1; j <= ny; j++) {
        const ys = state[yb + j - 1];
        const yd = dur[yb + j - 1];
        const up = work[j];
        // F(i, j) = min(F(i, j-1) + ins(y_j), F(i-1, j) + del(x_i), F(i-1, j-1) + sub(x_i, y_j))
        let v = work[j - 1] + indelCost[yb + j - 1];
        const del = up + delX;
        if (del < v) v = del;
        const sub = diag + (xs === ys ? expcost * Math.abs(xd - yd) : sm[xs * nStates + ys] + (xd + yd) * expcost);
        work[j] = sub < v ? sub : v;
        diag = up;
      }
    }
    return normalize(work[ny], lengths[a], lengths[b]);
  };
}
