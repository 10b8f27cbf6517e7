import type { EncodedRows } from './encode.js';
import { omNormalizer } from './om.js';
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
  const { n, t, codes, lengths } = rows;
  // spells of row r at [r * t, r * t + count[r])
  const state = new Uint8Array(n * t);
  const dur = new Float64Array(n * t);
  const indelCost = new Float64Array(n * t);
  const count = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let k = -1;
    for (let j = 0; j < lengths[r]; j++) {
      const c = codes[r * t + j];
      if (k < 0 || state[r * t + k] !== c) {
        k++;
        state[r * t + k] = c;
      }
      dur[r * t + k]++;
    }
    count[r] = k + 1;
    for (let s = r * t; s <= r * t + k; s++) {
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
