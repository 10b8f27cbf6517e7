import type { EncodedRows } from './encode.js';
import type { DistanceSetup } from './setup.js';
import { spellRows } from './spells.js';

/**
 * Distances from the common subsequences of two sequences (Elzinga 2003, 2008;
 * Elzinga & Studer 2015, Sociological Methods & Research 44(1); TraMineR's NMS,
 * NMSMST and SVRspell). For each length k = 1, 2, ... a count phi_k(x, y) sums
 * over all pairs of embeddings of a common subsequence of length k:
 * - NMS: 1 per pair (the number of matching subsequences); with `prox`, the product
 *   of the proximities of the matched states, and phi_1 + 1 (as TraMineR);
 * - NMSMST (on spells): the minimal shared time, sum of min(d_x, d_y) over the
 *   matched spells, with spell durations d = length^tpow;
 * - SVRspell (on spells): the product of the proximities times
 *   (sum of the matched durations of x) x (sum of those of y), proximities
 *   the identity unless `prox` is given.
 * With weights w_k (`kweights`), A = sum_k w_k phi_k(x, y), I = sum_k w_k phi_k(x, x),
 * J = sum_k w_k phi_k(y, y), the distance is
 *
 *   d(x, y) = sqrt(I + J - 2 A),
 *
 * the Euclidean distance in the space of subsequence counts (never normalised).
 * Counts are computed by TraMineR's recursions in its order of operations, so the
 * large sums of long sequences round as in TraMineR; a negative rounding residue
 * gives 0 where TraMineR would give NaN.
 *
 * @param setup resolved options (method, params.prox, params.kweights, tpow)
 * @param rows encoded rows
 * @returns d(a, b)
 * @example
 * subsequenceKernel(setup, rows)(0, 1);
 */
export function subsequenceKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { kweights } = setup.params;
  const tokens = subsequenceTokens(setup, rows);
  const L = rows.t;
  const counter = subsequenceCounter(setup, tokens);
  const self = new Float64Array(rows.n * L);
  for (let r = 0; r < rows.n; r++) counter(r, r, self.subarray(r * L, r * L + L));
  const kab = new Float64Array(L);
  const K = Math.min(L, kweights.length);
  return (a, b) => {
    if (a === b) return 0;
    counter(a, b, kab);
    let ab = 0;
    let aa = 0;
    let bb = 0;
    // A = sum_k w_k phi_k(x, y), I and J likewise on (x, x) and (y, y)
    for (let k = 0; k < K; k++) {
      const w = kweights[k];
      if (w === 0) continue;
      ab += w * kab[k];
      aa += w * self[a * L + k];
      bb += w * self[b * L + k];
    }
    const squared = aa + bb - 2 * ab;
    return squared > 0 ? Math.sqrt(squared) : 0;
  };
}

/** The sequences the counts run over: months (NMS) or spells with durations^tpow (NMSMST, SVRspell). */
interface Tokens {
  readonly t: number;
  readonly state: Uint8Array;
  readonly count: Int32Array;
  /** Spell durations^tpow (empty for NMS). */
  readonly dur: Float64Array;
}

function subsequenceTokens(setup: DistanceSetup, rows: EncodedRows): Tokens {
  if (setup.method === 'NMS') return { t: rows.t, state: rows.codes, count: rows.lengths, dur: new Float64Array(0) };
  const sp = spellRows(rows);
  const dur = sp.length.map((l) => Math.pow(l, setup.tpow));
  return { t: rows.t, state: sp.state, count: sp.count, dur };
}

/** counter(a, b, out): phi_k of rows a and b into out[k - 1] (zeros past the last length). */
type Counter = (a: number, b: number, out: Float64Array) => void;

function subsequenceCounter(setup: DistanceSetup, tk: Tokens): Counter {
  const { prox } = setup.params;
  const w = tk.t + 1;
  const scratch = () => new Float64Array(w * w);
  if (setup.method === 'NMS') return prox.length === 0 ? exactCounter(tk, scratch(), scratch()) : softCounter(tk, setup.nStates, prox, scratch(), scratch());
  if (setup.method === 'NMSMST') return sharedTimeCounter(tk, scratch(), scratch(), scratch(), scratch());
  return spellTimeCounter(tk, setup.nStates, prox, Array.from({ length: 7 }, scratch));
}

// NMS without prox: h[i][j] counts the common subsequences of length k starting at
// (x_i, y_j); v[i][j] = sum_{i' > i, j' > j} h[i'][j'] gives those of length k + 1.
// Only the top-left (m - k) x (n - k) corner can be non-zero at length k + 1, so
// the rest is left out (exactly: TraMineR computes zeros there).
function exactCounter(tk: Tokens, h: Float64Array, v: Float64Array): Counter {
  const { t, state, count } = tk;
  const w = t + 1;
  const match = new Uint8Array(w * w);
  return (a, b, out) => {
    out.fill(0);
    const m = count[a];
    const n = count[b];
    if (m === 0 || n === 0) return;
    const xo = a * t;
    const yo = b * t;
    let htot = 0;
    for (let i = 0; i < m; i++) {
      const xi = state[xo + i];
      for (let j = 0; j < n; j++) {
        const ij = i * w + j;
        const same = xi === state[yo + j] ? 1 : 0;
        v[ij] = 0;
        match[ij] = same;
        h[ij] = same;
        htot += same;
      }
    }
    out[0] = htot;
    if (m < 2 || n < 2) return;
    const ksize = Math.min(m, n);
    for (let k = 1; k < ksize && htot > 0; k++) {
      const rows = m - k;
      const cols = n - k;
      for (let j = 0; j <= cols; j++) v[rows * w + j] = 0;
      for (let i = 0; i < rows; i++) v[i * w + cols] = 0;
      // v[i][j] = v[i+1][j] + v[i][j+1] - v[i+1][j+1] + h[i+1][j+1], two rows at a time:
      // v[i-1][j+1] goes with v[i][j], so the two dependency chains overlap
      let i = rows - 1;
      for (; i >= 1; i -= 2) {
        const r = i * w;
        const q = r - w;
        let lo = v[r + w + cols - 1] + v[r + cols] - v[r + w + cols] + h[r + w + cols];
        v[r + cols - 1] = lo;
        let up = v[q + cols];
        for (let j = cols - 2; j >= 0; j--) {
          lo = v[r + w + j] + lo - v[r + w + j + 1] + h[r + w + j + 1];
          v[r + j] = lo;
          up = v[r + j + 1] + up - v[r + j + 2] + h[r + j + 2];
          v[q + j + 1] = up;
        }
        v[q] = v[r] + up - v[r + 1] + h[r + 1];
      }
      if (i === 0) for (let j = cols - 1; j >= 0; j--) v[j] = v[w + j] + v[j + 1] - v[w + j + 1] + h[w + j + 1];
      if (v[0] === 0) break;
      // h = v at the matches, summed row by row as TraMineR lists them
      htot = 0;
      for (let i = 0; i < rows; i++) {
        const r = i * w;
        for (let j = 0; j < cols; j++) {
          if (match[r + j] === 0) continue;
          h[r + j] = v[r + j];
          htot += v[r + j];
        }
      }
      out[k] = htot;
    }
  };
}

// NMS with prox: e holds the products of proximities of the common subsequences of
// length k starting at (i, j); suffix sums along rows, then columns, extend them by one.
function softCounter(tk: Tokens, nStates: number, prox: Float64Array, e1: Float64Array, e: Float64Array): Counter {
  const { t, state, count } = tk;
  const w = t + 1;
  return (a, b, out) => {
    out.fill(0);
    const m = count[a];
    const n = count[b];
    let s = 0;
    for (let i = 0; i < m; i++) {
      const px = state[a * t + i] * nStates;
      for (let j = 0; j < n; j++) {
        const sf = prox[px + state[b * t + j]];
        e1[i * w + j] = e[i * w + j] = sf;
        s += sf;
      }
    }
    clearEdges(m, n, w, [e1, e]);
    out[0] = s + 1;
    if (s === 0) return;
    for (let k = 1, rows = m + 1, cols = n + 1; rows !== 0 && cols !== 0; k++, rows--, cols--) {
      suffixRows(e, rows, cols, w);
      let phi = 0;
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        for (let i = rows - 1; i >= 0; i--) {
          const ij = i * w + j;
          const before = sum;
          sum += e[ij];
          e[ij] = before * e1[ij];
          phi += e[ij];
        }
      }
      if (phi === 0) return;
      out[k] = phi;
    }
  };
}

// NMSMST: e counts the common subsequences starting at (i, j), t sums their minimal shared time.
function sharedTimeCounter(tk: Tokens, e1: Float64Array, e: Float64Array, t1: Float64Array, tm: Float64Array): Counter {
  const { t, state, count, dur } = tk;
  const w = t + 1;
  return (a, b, out) => {
    out.fill(0);
    const m = count[a];
    const n = count[b];
    let st = 0;
    for (let i = 0; i < m; i++) {
      const xi = state[a * t + i];
      const di = dur[a * t + i];
      for (let j = 0; j < n; j++) {
        const ij = i * w + j;
        if (xi === state[b * t + j]) {
          e1[ij] = e[ij] = 1;
          t1[ij] = tm[ij] = Math.min(di, dur[b * t + j]);
          st += tm[ij];
        } else e1[ij] = e[ij] = t1[ij] = tm[ij] = 0;
      }
    }
    clearEdges(m, n, w, [e1, e, t1, tm]);
    out[0] = st;
    if (st === 0) return;
    for (let k = 1, rows = m + 1, cols = n + 1; rows !== 0 && cols !== 0; k++, rows--, cols--) {
      suffixRows(e, rows, cols, w);
      suffixRows(tm, rows, cols, w);
      let es = 0;
      let ts = 0;
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        let sumT = 0;
        for (let i = rows - 1; i >= 0; i--) {
          const ij = i * w + j;
          const before = sum;
          const beforeT = sumT;
          sum += e[ij];
          sumT += tm[ij];
          // e = (subsequences after) x match; t = match x (e t1 + time after)
          e[ij] = before * e1[ij];
          tm[ij] = e1[ij] * (e[ij] * t1[ij] + beforeT);
          es += e[ij];
          ts += tm[ij];
        }
      }
      if (es === 0) return;
      out[k] = ts;
    }
  };
}

// SVRspell: as NMSMST with proximities, tracking the time of x (ti), of y (tj) and their product (tij).
function spellTimeCounter(tk: Tokens, nStates: number, prox: Float64Array, [e1, e, t1i, ti, t1j, tj, tij]: Float64Array[]): Counter {
  const { t, state, count, dur } = tk;
  const w = t + 1;
  return (a, b, out) => {
    out.fill(0);
    const m = count[a];
    const n = count[b];
    let total = 0;
    for (let i = 0; i < m; i++) {
      const px = state[a * t + i] * nStates;
      const di = dur[a * t + i];
      for (let j = 0; j < n; j++) {
        const ij = i * w + j;
        const sf = prox[px + state[b * t + j]];
        e1[ij] = e[ij] = sf;
        ti[ij] = t1i[ij] = sf * di;
        tj[ij] = t1j[ij] = sf * dur[b * t + j];
        tij[ij] = sf * di * tj[ij];
        total += tij[ij];
      }
    }
    clearEdges(m, n, w, [e1, e, t1i, ti, t1j, tj, tij]);
    out[0] = total;
    if (total === 0) return;
    for (let k = 1, rows = m + 1, cols = n + 1; rows !== 0 && cols !== 0; k++, rows--, cols--) {
      for (const x of [e, ti, tj, tij]) suffixRows(x, rows, cols, w);
      let es = 0;
      for (let j = 0; j < cols; j++) {
        let se = 0;
        let si = 0;
        let sj = 0;
        let sij = 0;
        for (let i = rows - 1; i >= 0; i--) {
          const ij = i * w + j;
          const be = se;
          const bi = si;
          const bj = sj;
          const bij = sij;
          se += e[ij];
          si += ti[ij];
          sj += tj[ij];
          sij += tij[ij];
          e[ij] = be;
          ti[ij] = bi;
          tj[ij] = bj;
          tij[ij] = bij;
          es += e[ij];
        }
      }
      if (es === 0) return;
      total = 0;
      for (let i = 0; i < rows; i++) {
        const di = i < m ? dur[a * t + i] : 0;
        for (let j = 0; j < cols; j++) {
          const ij = i * w + j;
          const dj = j < n ? dur[b * t + j] : 0;
          const sf = e1[ij];
          // extend the subsequences after (i, j) by the match (i, j)
          e[ij] = sf * e[ij];
          tij[ij] = sf * (tij[ij] + di * tj[ij] + dj * ti[ij] + e[ij] * di * dj);
          ti[ij] = sf * (ti[ij] + di * e[ij]);
          tj[ij] = sf * (tj[ij] + dj * e[ij]);
          total += tij[ij];
        }
      }
      out[k] = total;
    }
  };
}

/** Row r of x[0..rows) x [0..cols): x[i][j] = sum_{j' > j} x[i][j'] (exclusive suffix sums, right to left). */
function suffixRows(x: Float64Array, rows: number, cols: number, w: number): void {
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = cols - 1; j >= 0; j--) {
      const before = sum;
      sum += x[i * w + j];
      x[i * w + j] = before;
    }
  }
}

/** Zero row m (columns 0..n) and column n (rows 0..m-1) of each matrix. */
function clearEdges(m: number, n: number, w: number, xs: Float64Array[]): void {
  for (const x of xs) {
    for (let i = 0; i < m; i++) x[i * w + n] = 0;
    for (let j = 0; j <= n; j++) x[m * w + j] = 0;
  }
}
