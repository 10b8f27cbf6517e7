// Optimal-matching kernel (AssemblyScript -> WebAssembly SIMD).
//
// One call aligns a group of LANES sequences `a` (the columns, 16 pairs at
// once in 8 f64x2 vectors) against a run of sequences `b` (the rows). Both sets
// are sorted lexicographically by the caller, which makes two exact shortcuts
// possible without changing a single floating-point operation of the plain DP:
// - rows: DP row i depends only on b[0..i), so rows shared with the previous b
//   (its longest common prefix, `lcp`) are kept, not recomputed;
// - columns: the lanes share a common prefix of c states, so columns 0..c are
//   the same in every lane and are computed once, in scalar code;
// - widths: lanes sit in slots sorted by length (longest first), and vector v
//   (slots 2v, 2v+1) stops at its own width, so censored sequences of unequal
//   length cost their own cells, not those of the longest lane.
// The recurrence (Needleman-Wunsch with per-state indels, TraMineR's OM):
//   d[i][j] = min(d[i-1][j] + indel[b_i], d[i][j-1] + indel[a_j], d[i-1][j-1] + sm[a_j, b_i])
// Every value is one of the three sums of the plain DP, so results are
// bit-identical to it and to the TypeScript kernel (src/distance/engine/kernel-js.ts);
// min(x, y) is (y < x ? y : x) (f64x2.pmin; costs are finite, no NaN).
//
// Memory is managed by the caller (JobSession in src/distance/engine/job.ts): it writes the
// inputs after heapBase() and passes byte offsets; `work` must hold
// workBytes(nStates, t) bytes.

import { slotLanes } from './lanes';

const LANES: i32 = 16;
const LANE_BYTES: usize = 128; // 16 lanes x 8 bytes

/** First free byte after the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Raw OM distances between lanes a0 .. a0+aCount-1 of set A and rows
 * bStart .. bEnd-1 of set B; writes out[(b - bStart) * 16 + lane].
 * Sets: codes (u8, row stride t), lengths (i32), lcp (i32, lcp[r] = common
 * prefix length of rows r-1 and r; lcp[0] unused).
 */
export function omGroup(
  nStates: i32, t: i32, sm: usize, indel: usize,
  aCodes: usize, aLen: usize, aLcp: usize, a0: i32, aCount: i32,
  bCodes: usize, bLen: usize, bLcp: usize, bStart: i32, bEnd: i32,
  work: usize, out: usize,
): void {
  const T1 = <usize>(t + 1);
  const rowV = T1 * LANE_BYTES;
  const rowS = T1 << 3;
  const P = work; // profile: P[y][j][lane] = sm[a_lane[j-1], y]
  const I = P + <usize>nStates * rowV; // I[j][lane] = indel[a_lane[j-1]]
  const V = I + rowV; // lane rows: V[i][j][lane]
  const S = V + T1 * rowV; // shared columns: S[i][j], j <= c
  const laneLen = S + T1 * rowS; // i32 x 16, by slot
  const laneCodes = laneLen + 64; // usize x 16, by slot
  const slotLane = laneCodes + 128; // i32 x 16: the lane in each slot

  // Shared prefix c (columns identical in all lanes).
  let c = load<i32>(aLen + (<usize>a0 << 2));
  for (let k = 1; k < aCount; k++) {
    const l = load<i32>(aLcp + (<usize>(a0 + k) << 2));
    if (l < c) c = l;
  }
  // Slots by length, longest first. Padding lanes repeat the last sequence cut
  // to c states: they cost no lane column.
  slotLanes(aCodes, aLen, a0, aCount, t, c, laneLen, laneCodes, slotLane);
  const w = load<i32>(laneLen); // widest lane
  // Width of vector v: its first slot's length (at least c).
  const w1 = max(c, load<i32>(laneLen + 8)), w2 = max(c, load<i32>(laneLen + 16)), w3 = max(c, load<i32>(laneLen + 24));
  const w4 = max(c, load<i32>(laneLen + 32)), w5 = max(c, load<i32>(laneLen + 40)), w6 = max(c, load<i32>(laneLen + 48));
  const w7 = max(c, load<i32>(laneLen + 56));
  const shared = load<usize>(laneCodes);
  const indel0 = load<f64>(indel);
  let uniform = true;
  for (let x = 1; x < nStates; x++) uniform = uniform && load<f64>(indel + (<usize>x << 3)) == indel0;

  // Cost profiles for columns c+1..w (zero past a lane's end: never read back).
  for (let j = c + 1; j <= w; j++) {
    for (let k = 0; k < LANES; k++) {
      const m = load<i32>(laneLen + (<usize>k << 2));
      const o = <usize>j * LANE_BYTES + (<usize>k << 3);
      if (j <= m) {
        const x = <i32>load<u8>(load<usize>(laneCodes + (<usize>k << 3)) + <usize>(j - 1));
        store<f64>(I + o, load<f64>(indel + (<usize>x << 3)));
        for (let y = 0; y < nStates; y++) {
          store<f64>(P + <usize>y * rowV + o, load<f64>(sm + (<usize>(x * nStates + y) << 3)));
        }
      } else {
        store<f64>(I + o, 0);
        for (let y = 0; y < nStates; y++) store<f64>(P + <usize>y * rowV + o, 0);
      }
    }
  }

  // Row 0: d[0][j] = d[0][j-1] + indel[a_j].
  store<f64>(S, 0);
  for (let j = 1; j <= c; j++) {
    const x = <i32>load<u8>(shared + <usize>(j - 1));
    store<f64>(S + (<usize>j << 3), load<f64>(S + (<usize>(j - 1) << 3)) + load<f64>(indel + (<usize>x << 3)));
  }
  splatBoundary(V + <usize>c * LANE_BYTES, load<f64>(S + (<usize>c << 3)));
  for (let j = c + 1; j <= w; j++) {
    const o = <usize>j * LANE_BYTES;
    for (let k: usize = 0; k < LANE_BYTES; k += 16) {
      v128.store(V + o + k, f64x2.add(v128.load(V + o - LANE_BYTES + k), v128.load(I + o + k)));
    }
  }

  for (let b = bStart; b < bEnd; b++) {
    const n = load<i32>(bLen + (<usize>b << 2));
    const row = bCodes + <usize>b * <usize>t;
    const first = b == bStart ? 1 : load<i32>(bLcp + (<usize>b << 2)) + 1;

    // Shared columns, all new rows first: consecutive rows overlap in the
    // out-of-order core, so this scalar part is not latency bound.
    for (let i = first; i <= n; i++) {
      const y = <i32>load<u8>(row + <usize>(i - 1));
      const dy = load<f64>(indel + (<usize>y << 3));
      const smy = sm + (<usize>y << 3);
      const up = S + <usize>(i - 1) * rowS;
      const cur = up + rowS;
      let left = load<f64>(up) + dy;
      store<f64>(cur, left);
      for (let j = 1; j <= c; j++) {
        const x = <i32>load<u8>(shared + <usize>(j - 1));
        const o = <usize>j << 3;
        const v = load<f64>(up + o) + dy;
        const g = load<f64>(up + o - 8) + load<f64>(smy + (<usize>(x * nStates) << 3));
        const h = select<f64>(g, v, g < v);
        const l = left + load<f64>(indel + (<usize>x << 3));
        left = select<f64>(l, h, l < h);
        store<f64>(cur + o, left);
      }
    }

    // Lane columns: up to 8 independent f64x2 chains per row; vector v runs
    // to its width, so segment A (columns up to w_{A-1}) has A vectors.
    for (let i = first; i <= n; i++) {
      const y = <i32>load<u8>(row + <usize>(i - 1));
      const up = V + <usize>(i - 1) * rowV;
      const cur = up + rowV;
      const py = P + <usize>y * rowV;
      splatBoundary(cur + <usize>c * LANE_BYTES, load<f64>(S + <usize>i * rowS + (<usize>c << 3)));
      if (uniform) {
        const e = f64x2.splat(indel0);
        segment(true, 8, up, cur, py, I, e, c, w7);
        segment(true, 7, up, cur, py, I, e, w7, w6);
        segment(true, 6, up, cur, py, I, e, w6, w5);
        segment(true, 5, up, cur, py, I, e, w5, w4);
        segment(true, 4, up, cur, py, I, e, w4, w3);
        segment(true, 3, up, cur, py, I, e, w3, w2);
        segment(true, 2, up, cur, py, I, e, w2, w1);
        segment(true, 1, up, cur, py, I, e, w1, w);
      } else {
        const e = f64x2.splat(load<f64>(indel + (<usize>y << 3)));
        segment(false, 8, up, cur, py, I, e, c, w7);
        segment(false, 7, up, cur, py, I, e, w7, w6);
        segment(false, 6, up, cur, py, I, e, w6, w5);
        segment(false, 5, up, cur, py, I, e, w5, w4);
        segment(false, 4, up, cur, py, I, e, w4, w3);
        segment(false, 3, up, cur, py, I, e, w3, w2);
        segment(false, 2, up, cur, py, I, e, w2, w1);
        segment(false, 1, up, cur, py, I, e, w1, w);
      }
    }

    // d[n][m] of each lane.
    const o = out + (<usize>(b - bStart) * LANE_BYTES);
    for (let q = 0; q < LANES; q++) {
      const m = load<i32>(laneLen + (<usize>q << 2));
      const v = m <= c
        ? load<f64>(S + <usize>n * rowS + (<usize>m << 3))
        : load<f64>(V + <usize>n * rowV + <usize>m * LANE_BYTES + (<usize>q << 3));
      store<f64>(o + (<usize>load<i32>(slotLane + (<usize>q << 2)) << 3), v);
    }
  }
}

/** Bytes of workspace omGroup needs. */
export function workBytes(nStates: i32, t: i32): usize {
  const T1 = <usize>(t + 1);
  return (<usize>nStates + 1 + T1) * T1 * LANE_BYTES + T1 * T1 * 8 + 64 + 128 + 64;
}

// Columns from+1..to of one DP row for the first A vectors (`uniform` and A
// are compile-time constants after inlining): `up` is row i-1, `cur` row i,
// `py` the profile of b_i, `e` = indel[b_i]. Each chain starts from the value
// its vector stored in column `from` (the shared boundary for the first segment).
// With one indel cost e for all states, min(up + e, left + e) = min(up, left) + e
// exactly (rounding is monotonic), which saves an addition and the indel
// profile load per vector.
// @ts-ignore: decorator
@inline function segment(uniform: bool, A: i32, up: usize, cur: usize, py: usize, I: usize, e: v128, from: i32, to: i32): void {
  if (to <= from) return;
  const l = cur + <usize>from * LANE_BYTES;
  let l0 = v128.load(l, 0);
  let l1 = A > 1 ? v128.load(l, 16) : l0;
  let l2 = A > 2 ? v128.load(l, 32) : l0;
  let l3 = A > 3 ? v128.load(l, 48) : l0;
  let l4 = A > 4 ? v128.load(l, 64) : l0;
  let l5 = A > 5 ? v128.load(l, 80) : l0;
  let l6 = A > 6 ? v128.load(l, 96) : l0;
  let l7 = A > 7 ? v128.load(l, 112) : l0;
  for (let o = <usize>(from + 1) * LANE_BYTES, end = <usize>(to + 1) * LANE_BYTES; o < end; o += LANE_BYTES) {
    const u = up + o;
    const d = u - LANE_BYTES;
    const p = py + o;
    const q = I + o;
    const z = cur + o;
    if (uniform) {
        l0 = cellUniform(v128.load(u, 0), v128.load(d, 0), v128.load(p, 0), l0, e);
        v128.store(z, l0, 0);
        if (A > 1) {
          l1 = cellUniform(v128.load(u, 16), v128.load(d, 16), v128.load(p, 16), l1, e);
          v128.store(z, l1, 16);
        }
        if (A > 2) {
          l2 = cellUniform(v128.load(u, 32), v128.load(d, 32), v128.load(p, 32), l2, e);
          v128.store(z, l2, 32);
        }
        if (A > 3) {
          l3 = cellUniform(v128.load(u, 48), v128.load(d, 48), v128.load(p, 48), l3, e);
          v128.store(z, l3, 48);
        }
        if (A > 4) {
          l4 = cellUniform(v128.load(u, 64), v128.load(d, 64), v128.load(p, 64), l4, e);
          v128.store(z, l4, 64);
        }
        if (A > 5) {
          l5 = cellUniform(v128.load(u, 80), v128.load(d, 80), v128.load(p, 80), l5, e);
          v128.store(z, l5, 80);
        }
        if (A > 6) {
          l6 = cellUniform(v128.load(u, 96), v128.load(d, 96), v128.load(p, 96), l6, e);
          v128.store(z, l6, 96);
        }
        if (A > 7) {
          l7 = cellUniform(v128.load(u, 112), v128.load(d, 112), v128.load(p, 112), l7, e);
          v128.store(z, l7, 112);
        }
    } else {
        l0 = cell(v128.load(u, 0), v128.load(d, 0), v128.load(p, 0), v128.load(q, 0), l0, e);
        v128.store(z, l0, 0);
        if (A > 1) {
          l1 = cell(v128.load(u, 16), v128.load(d, 16), v128.load(p, 16), v128.load(q, 16), l1, e);
          v128.store(z, l1, 16);
        }
        if (A > 2) {
          l2 = cell(v128.load(u, 32), v128.load(d, 32), v128.load(p, 32), v128.load(q, 32), l2, e);
          v128.store(z, l2, 32);
        }
        if (A > 3) {
          l3 = cell(v128.load(u, 48), v128.load(d, 48), v128.load(p, 48), v128.load(q, 48), l3, e);
          v128.store(z, l3, 48);
        }
        if (A > 4) {
          l4 = cell(v128.load(u, 64), v128.load(d, 64), v128.load(p, 64), v128.load(q, 64), l4, e);
          v128.store(z, l4, 64);
        }
        if (A > 5) {
          l5 = cell(v128.load(u, 80), v128.load(d, 80), v128.load(p, 80), v128.load(q, 80), l5, e);
          v128.store(z, l5, 80);
        }
        if (A > 6) {
          l6 = cell(v128.load(u, 96), v128.load(d, 96), v128.load(p, 96), v128.load(q, 96), l6, e);
          v128.store(z, l6, 96);
        }
        if (A > 7) {
          l7 = cell(v128.load(u, 112), v128.load(d, 112), v128.load(p, 112), v128.load(q, 112), l7, e);
          v128.store(z, l7, 112);
        }
    }
  }
}

// One lane vector of one cell: min(min(up + dy, diag + p), left + q).
// @ts-ignore: decorator
@inline function cell(up: v128, diag: v128, p: v128, q: v128, left: v128, dy: v128): v128 {
  const h = f64x2.pmin(f64x2.add(up, dy), f64x2.add(diag, p));
  return f64x2.pmin(h, f64x2.add(left, q));
}

// The same cell when every state has indel cost e: min(min(up, left) + e, diag + p).
// @ts-ignore: decorator
@inline function cellUniform(up: v128, diag: v128, p: v128, left: v128, e: v128): v128 {
  return f64x2.pmin(f64x2.add(f64x2.pmin(up, left), e), f64x2.add(diag, p));
}

// Writes the shared boundary value into all lanes of column c, so the first
// lane column reads its diagonal neighbour like every other column.
// @ts-ignore: decorator
@inline function splatBoundary(at: usize, value: f64): void {
  const v = f64x2.splat(value);
  for (let k: usize = 0; k < LANE_BYTES; k += 16) v128.store(at + k, v);
}

// The kernel of the position-dependent OM variants (OMloc, OMslen) lives in omvar.ts, in the same module.
export { variantGroup, variantWorkBytes } from './omvar';
