// Kernel of the OM variants whose costs depend on the position: localised OM
// (OMloc) and spell-length sensitive OM (OMslen), in AssemblyScript -> WebAssembly SIMD.
//
// One call aligns LANES = 16 sequences of set A (the columns, as 8 f64x2
// vectors that form independent dependency chains) against a run of
// sequences of set B (the rows). B is sorted by the caller: DP row i depends
// only on the first i months of the row sequence (and, for OMslen, on the
// lengths of their spells), so the rows a sequence shares with the previous
// one (`bLcp`, computed by the caller to respect spells) are kept.
// Lanes sit in slots sorted by length (longest first); vector v (slots 2v,
// 2v+1) stops at its own width, so censored lanes cost their own cells.
//
// Recurrences (engine orientation: x = a lane's sequence, columns j;
// y = the row sequence, rows i; x_0 = x_1 and y_0 = y_1), exactly as
// TraMineR's OMVIdistance (OMloc) and OMvdistance (OMslen) evaluate them:
//   OMloc, ind(s | p, q) = tc + (c (sm[p, s] + sm[q, s])) / 2:
//     V[i][j] = min(V[i-1][j] + ind(y_i | x_j-1, x_j), V[i][j-1] + ind(x_j | y_i-1, y_i),
//                   V[i-1][j-1] + sm[x_j, y_i])
//   OMslen, w = spell-length weight of a month:
//     V[i][j] = min(V[i-1][j] + indel[y_i] w(y_i), V[i][j-1] + indel[x_j] w(x_j),
//                   V[i-1][j-1] + sub), sub = sm'[x_j, y_i] (w(x_j) + w(y_i)) (mean)
//                   or sm'[x_j, y_i] sqrt(w(x_j) w(y_i)) (gmean)
// Every value is the same sum of the same two doubles as in the plain DP (the
// TypeScript kernels src/distance/omloc.ts and omslen.ts), so the results are
// bit-identical to them. min is f64x2.pmin (costs are finite, no NaN).

import { slotLanes } from './lanes';

const LANES: i32 = 16;
const LB: usize = 128; // 16 lanes x 8 bytes

/** Mode of `variantGroup`. */
const OMLOC: i32 = 0;
const OMSLEN_MEAN: i32 = 1;

/** Bytes of workspace `variantGroup` needs. */
export function variantWorkBytes(nStates: i32, t: i32): usize {
  const T1 = <usize>(t + 1);
  return (2 * <usize>nStates + 2 + T1) * T1 * LB + 2 * T1 * 8 + 64 + 128 + 64 + 32;
}

/**
 * Raw distances between lanes a0 .. a0+aCount-1 of set A and rows bStart .. bEnd-1
 * of set B; writes out[(b - bStart) * 16 + lane].
 * mode 0 OMloc (sm, timeCost, context), 1 OMslen mean, 2 OMslen gmean (sm = the
 * OMslen costs, indel per state, weights[L] = L^-h for a spell of L months).
 * bLcp[r]: the rows of B r - 1 and r share DP rows 0 .. bLcp[r] (bLcp[bStart] unused).
 */
export function variantGroup(
  mode: i32, nStates: i32, t: i32, sm: usize, indel: usize, weights: usize, timeCost: f64, context: f64,
  aCodes: usize, aLen: usize, a0: i32, aCount: i32,
  bCodes: usize, bLen: usize, bLcp: usize, bStart: i32, bEnd: i32,
  work: usize, out: usize,
): void {
  const T1 = <usize>(t + 1);
  const rowV = T1 * LB;
  const P = work; // P[y][j][slot] = sm[x_slot[j-1], y]
  const Q = P + <usize>nStates * rowV; // OMloc: Q[y][j] = ind(y | x_j-1, x_j)
  const W = Q + <usize>nStates * rowV; // OMslen: lane weights w(x_j)
  const I = W + rowV; // OMslen: indel[x_j] w(x_j)
  const V = I + rowV; // V[i][j][slot]
  const wy = V + T1 * rowV; // OMslen: row weights w(y_i)
  const dy = wy + T1 * 8; // OMslen: indel[y_i] w(y_i)
  const laneLen = dy + T1 * 8;
  const laneCodes = laneLen + 64;
  const slotLane = laneCodes + 128;
  const loc = mode == OMLOC;
  const half = f64x2.splat(0.5);
  const tc = f64x2.splat(timeCost);
  const cv = f64x2.splat(context);

  // Slots by length, longest first; padding lanes (length 0) are never read back.
  slotLanes(aCodes, aLen, a0, aCount, t, 0, laneLen, laneCodes, slotLane);
  const w = load<i32>(laneLen);
  // width of vector v: the length of its first (longer) slot
  const widths = slotLane + 64;
  for (let v = 0; v < 8; v++) store<i32>(widths + (<usize>v << 2), load<i32>(laneLen + (<usize>(2 * v) << 2)));

  // Lane profiles for columns 1..w (zero past a lane's end: never read back).
  for (let k = 0; k < LANES; k++) {
    const m = load<i32>(laneLen + (<usize>k << 2));
    const codes = load<usize>(laneCodes + (<usize>k << 3));
    let spellEnd = 0;
    let weight: f64 = 0;
    for (let j = 1; j <= w; j++) {
      const o = <usize>j * LB + (<usize>k << 3);
      if (j > m) {
        for (let y = 0; y < nStates; y++) {
          store<f64>(P + <usize>y * rowV + o, 0);
          store<f64>(Q + <usize>y * rowV + o, 0);
        }
        store<f64>(W + o, 0);
        store<f64>(I + o, 0);
        continue;
      }
      const x = <i32>load<u8>(codes + <usize>(j - 1));
      const xp = j == 1 ? x : <i32>load<u8>(codes + <usize>(j - 2));
      for (let y = 0; y < nStates; y++) {
        const c = load<f64>(sm + (<usize>(x * nStates + y) << 3));
        store<f64>(P + <usize>y * rowV + o, c);
        if (loc) {
          // ind(y | x_j-1, x_j) = tc + (c (sm[x_j-1, y] + sm[x_j, y])) / 2
          const cp = load<f64>(sm + (<usize>(xp * nStates + y) << 3));
          store<f64>(Q + <usize>y * rowV + o, timeCost + (context * (cp + c)) * 0.5);
        }
      }
      if (!loc) {
        if (j > spellEnd) {
          spellEnd = j;
          while (spellEnd < m && <i32>load<u8>(codes + <usize>spellEnd) == x) spellEnd++;
          weight = load<f64>(weights + (<usize>(spellEnd - j + 1) << 3));
        }
        store<f64>(W + o, weight);
        store<f64>(I + o, load<f64>(indel + (<usize>x << 3)) * weight);
      }
    }
  }

  for (let b = bStart; b < bEnd; b++) {
    const n = load<i32>(bLen + (<usize>b << 2));
    const row = bCodes + <usize>b * <usize>t;
    const first = b == bStart ? 1 : load<i32>(bLcp + (<usize>b << 2)) + 1;
    const y1 = n > 0 ? <i32>load<u8>(row) : 0;
    if (!loc) {
      // weights and indels of the row's months, from its spells
      let i = 0;
      while (i < n) {
        const y = <i32>load<u8>(row + <usize>i);
        let e = i + 1;
        while (e < n && <i32>load<u8>(row + <usize>e) == y) e++;
        const wt = load<f64>(weights + (<usize>(e - i) << 3));
        const d = load<f64>(indel + (<usize>y << 3)) * wt;
        for (; i < e; i++) {
          store<f64>(wy + (<usize>(i + 1) << 3), wt);
          store<f64>(dy + (<usize>(i + 1) << 3), d);
        }
      }
    }
    if (first == 1) {
      // Row 0: V[0][j] = V[0][j-1] + (OMloc: ind(x_j | y_1, y_1); OMslen: indel[x_j] w(x_j)).
      const py1 = P + <usize>y1 * rowV;
      for (let k: usize = 0; k < LB; k += 16) v128.store(V + k, f64x2.splat(0));
      for (let j = 1; j <= w; j++) {
        const o = <usize>j * LB;
        for (let k: usize = 0; k < LB; k += 16) {
          let e: v128;
          if (loc) {
            const p = v128.load(py1 + o + k);
            e = f64x2.add(tc, f64x2.mul(f64x2.mul(cv, f64x2.add(p, p)), half));
          } else e = v128.load(I + o + k);
          v128.store(V + o + k, f64x2.add(v128.load(V + o - LB + k), e));
        }
      }
    }
    for (let i = first; i <= n; i++) {
      const y = <i32>load<u8>(row + <usize>(i - 1));
      const yp = i == 1 ? y1 : <i32>load<u8>(row + <usize>(i - 2));
      const up = V + <usize>(i - 1) * rowV;
      const cur = up + rowV;
      const py = P + <usize>y * rowV;
      const ppy = P + <usize>yp * rowV;
      const qy = Q + <usize>y * rowV;
      // Column 0: V[i][0] = V[i-1][0] + (OMloc: ind(y_i | x_1, x_1); OMslen: indel[y_i] w(y_i)).
      const dyv = f64x2.splat(load<f64>(dy + (<usize>i << 3)));
      for (let k: usize = 0; k < LB; k += 16) {
        v128.store(cur + k, f64x2.add(v128.load(up + k), loc ? v128.load(qy + LB + k) : dyv));
      }
      if (loc) rowLoc(up, cur, py, ppy, qy, tc, cv, half, widths);
      else rowSlen(mode == OMSLEN_MEAN, up, cur, py, W, I, dyv, f64x2.splat(load<f64>(wy + (<usize>i << 3))), widths);
    }
    const o = out + (<usize>(b - bStart) * LB);
    for (let q = 0; q < LANES; q++) {
      const m = load<i32>(laneLen + (<usize>q << 2));
      store<f64>(o + (<usize>load<i32>(slotLane + (<usize>q << 2)) << 3), load<f64>(V + <usize>n * rowV + <usize>m * LB + (<usize>q << 3)));
    }
  }
}

// One OMloc DP row, columns 1..w: vector v (slots 2v, 2v+1) runs to its width
// wv (slots are sorted by length), so segment A (columns up to w_{A-1}) has A chains.
// @ts-ignore: decorator
@inline function rowLoc(up: usize, cur: usize, py: usize, ppy: usize, qy: usize, tc: v128, cv: v128, half: v128, ws: usize): void {
  const w0 = load<i32>(ws), w1 = load<i32>(ws, 4), w2 = load<i32>(ws, 8), w3 = load<i32>(ws, 12);
  const w4 = load<i32>(ws, 16), w5 = load<i32>(ws, 20), w6 = load<i32>(ws, 24), w7 = load<i32>(ws, 28);
  segLoc(8, up, cur, py, ppy, qy, tc, cv, half, 0, w7);
  segLoc(7, up, cur, py, ppy, qy, tc, cv, half, w7, w6);
  segLoc(6, up, cur, py, ppy, qy, tc, cv, half, w6, w5);
  segLoc(5, up, cur, py, ppy, qy, tc, cv, half, w5, w4);
  segLoc(4, up, cur, py, ppy, qy, tc, cv, half, w4, w3);
  segLoc(3, up, cur, py, ppy, qy, tc, cv, half, w3, w2);
  segLoc(2, up, cur, py, ppy, qy, tc, cv, half, w2, w1);
  segLoc(1, up, cur, py, ppy, qy, tc, cv, half, w1, w0);
}

// Columns from+1..to of an OMloc row for the first A vectors; each chain starts from its value in column `from`.
// @ts-ignore: decorator
@inline function segLoc(A: i32, up: usize, cur: usize, py: usize, ppy: usize, qy: usize, tc: v128, cv: v128, half: v128, from: i32, to: i32): void {
  if (to <= from) return;
  const l = cur + <usize>from * LB;
  let l0 = v128.load(l, 0);
  let l1 = A > 1 ? v128.load(l, 16) : l0;
  let l2 = A > 2 ? v128.load(l, 32) : l0;
  let l3 = A > 3 ? v128.load(l, 48) : l0;
  let l4 = A > 4 ? v128.load(l, 64) : l0;
  let l5 = A > 5 ? v128.load(l, 80) : l0;
  let l6 = A > 6 ? v128.load(l, 96) : l0;
  let l7 = A > 7 ? v128.load(l, 112) : l0;
  for (let o = <usize>(from + 1) * LB, end = <usize>(to + 1) * LB; o < end; o += LB) {
    const u = up + o;
    const z = cur + o;
    l0 = cellLoc(u, py + o, ppy + o, qy + o, l0, tc, cv, half, 0); v128.store(z, l0, 0);
    if (A > 1) { l1 = cellLoc(u, py + o, ppy + o, qy + o, l1, tc, cv, half, 16); v128.store(z, l1, 16); }
    if (A > 2) { l2 = cellLoc(u, py + o, ppy + o, qy + o, l2, tc, cv, half, 32); v128.store(z, l2, 32); }
    if (A > 3) { l3 = cellLoc(u, py + o, ppy + o, qy + o, l3, tc, cv, half, 48); v128.store(z, l3, 48); }
    if (A > 4) { l4 = cellLoc(u, py + o, ppy + o, qy + o, l4, tc, cv, half, 64); v128.store(z, l4, 64); }
    if (A > 5) { l5 = cellLoc(u, py + o, ppy + o, qy + o, l5, tc, cv, half, 80); v128.store(z, l5, 80); }
    if (A > 6) { l6 = cellLoc(u, py + o, ppy + o, qy + o, l6, tc, cv, half, 96); v128.store(z, l6, 96); }
    if (A > 7) { l7 = cellLoc(u, py + o, ppy + o, qy + o, l7, tc, cv, half, 112); v128.store(z, l7, 112); }
  }
}

// OMloc cell of one vector at byte offset k of the lane block:
// min(min(up + Q[y], left + (tc + (c (P[y_prev] + P[y])) / 2)), diag + P[y]).
// @ts-ignore: decorator
@inline function cellLoc(u: usize, p: usize, pp: usize, q: usize, left: v128, tc: v128, cv: v128, half: v128, k: usize): v128 {
  const py = v128.load(p + k);
  const down = f64x2.add(v128.load(u + k), v128.load(q + k));
  const side = f64x2.add(left, f64x2.add(tc, f64x2.mul(f64x2.mul(cv, f64x2.add(v128.load(pp + k), py)), half)));
  const sub = f64x2.add(v128.load(u - LB + k), py);
  return f64x2.pmin(f64x2.pmin(down, side), sub);
}

// One OMslen DP row, columns 1..w, in segments of A chains as rowLoc.
// @ts-ignore: decorator
@inline function rowSlen(mean: bool, up: usize, cur: usize, py: usize, W: usize, I: usize, dyv: v128, wyv: v128, ws: usize): void {
  const w0 = load<i32>(ws), w1 = load<i32>(ws, 4), w2 = load<i32>(ws, 8), w3 = load<i32>(ws, 12);
  const w4 = load<i32>(ws, 16), w5 = load<i32>(ws, 20), w6 = load<i32>(ws, 24), w7 = load<i32>(ws, 28);
  segSlen(8, mean, up, cur, py, W, I, dyv, wyv, 0, w7);
  segSlen(7, mean, up, cur, py, W, I, dyv, wyv, w7, w6);
  segSlen(6, mean, up, cur, py, W, I, dyv, wyv, w6, w5);
  segSlen(5, mean, up, cur, py, W, I, dyv, wyv, w5, w4);
  segSlen(4, mean, up, cur, py, W, I, dyv, wyv, w4, w3);
  segSlen(3, mean, up, cur, py, W, I, dyv, wyv, w3, w2);
  segSlen(2, mean, up, cur, py, W, I, dyv, wyv, w2, w1);
  segSlen(1, mean, up, cur, py, W, I, dyv, wyv, w1, w0);
}

// Columns from+1..to of an OMslen row for the first A vectors.
// @ts-ignore: decorator
@inline function segSlen(A: i32, mean: bool, up: usize, cur: usize, py: usize, W: usize, I: usize, dyv: v128, wyv: v128, from: i32, to: i32): void {
  if (to <= from) return;
  const l = cur + <usize>from * LB;
  let l0 = v128.load(l, 0);
  let l1 = A > 1 ? v128.load(l, 16) : l0;
  let l2 = A > 2 ? v128.load(l, 32) : l0;
  let l3 = A > 3 ? v128.load(l, 48) : l0;
  let l4 = A > 4 ? v128.load(l, 64) : l0;
  let l5 = A > 5 ? v128.load(l, 80) : l0;
  let l6 = A > 6 ? v128.load(l, 96) : l0;
  let l7 = A > 7 ? v128.load(l, 112) : l0;
  for (let o = <usize>(from + 1) * LB, end = <usize>(to + 1) * LB; o < end; o += LB) {
    const u = up + o;
    const z = cur + o;
    const p = py + o;
    const ww = W + o;
    const ii = I + o;
    l0 = cellSlen(mean, u, p, ww, ii, l0, dyv, wyv, 0); v128.store(z, l0, 0);
    if (A > 1) { l1 = cellSlen(mean, u, p, ww, ii, l1, dyv, wyv, 16); v128.store(z, l1, 16); }
    if (A > 2) { l2 = cellSlen(mean, u, p, ww, ii, l2, dyv, wyv, 32); v128.store(z, l2, 32); }
    if (A > 3) { l3 = cellSlen(mean, u, p, ww, ii, l3, dyv, wyv, 48); v128.store(z, l3, 48); }
    if (A > 4) { l4 = cellSlen(mean, u, p, ww, ii, l4, dyv, wyv, 64); v128.store(z, l4, 64); }
    if (A > 5) { l5 = cellSlen(mean, u, p, ww, ii, l5, dyv, wyv, 80); v128.store(z, l5, 80); }
    if (A > 6) { l6 = cellSlen(mean, u, p, ww, ii, l6, dyv, wyv, 96); v128.store(z, l6, 96); }
    if (A > 7) { l7 = cellSlen(mean, u, p, ww, ii, l7, dyv, wyv, 112); v128.store(z, l7, 112); }
  }
}

// OMslen cell: min(min(up + indel[y] w(y), left + indel[x] w(x)), diag + sm'[x, y] (w(x) + w(y)) or sm'[x, y] sqrt(w(x) w(y))).
// @ts-ignore: decorator
@inline function cellSlen(mean: bool, u: usize, p: usize, ww: usize, ii: usize, left: v128, dyv: v128, wyv: v128, k: usize): v128 {
  const wx = v128.load(ww + k);
  const scale = mean ? f64x2.add(wx, wyv) : f64x2.sqrt(f64x2.mul(wx, wyv));
  const down = f64x2.add(v128.load(u + k), dyv);
  const side = f64x2.add(left, v128.load(ii + k));
  const sub = f64x2.add(v128.load(u - LB + k), f64x2.mul(v128.load(p + k), scale));
  return f64x2.pmin(f64x2.pmin(down, side), sub);
}
