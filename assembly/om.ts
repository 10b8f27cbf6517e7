// Optimal-matching kernel (AssemblyScript -> WebAssembly SIMD).
//
// One call aligns a group of LANES sequences `a` (the columns, 16 pairs at
// once in 8 f64x2 vectors) against a run of sequences `b` (the rows). Both sets
// are sorted lexicographically by the caller, which makes two exact shortcuts
// possible without changing a single floating-point operation of the plain DP:
// - rows: DP row i depends only on b[0..i), so rows shared with the previous b
//   (its longest common prefix, `lcp`) are kept, not recomputed;
// - columns: the lanes share a common prefix of c states, so columns 0..c are
//   the same in every lane and are computed once, in scalar code.
// The recurrence (Needleman-Wunsch with per-state indels, TraMineR's OM):
//   d[i][j] = min(d[i-1][j] + indel[b_i], d[i][j-1] + indel[a_j], d[i-1][j-1] + sm[a_j, b_i])
// Every value is one of the three sums of the plain DP, so results are
// bit-identical to it and to the TypeScript kernel (src/distance/engine/kernel-js.ts);
// min(x, y) is (y < x ? y : x) (f64x2.pmin; costs are finite, no NaN).
//
// Memory is managed by the caller (JobSession in src/distance/engine/job.ts): it writes the
// inputs after heapBase() and passes byte offsets; `work` must hold
// workBytes(nStates, t) bytes.

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
  const laneLen = S + T1 * rowS; // i32 x 16
  const laneCodes = laneLen + 64; // usize x 16

  // Shared prefix c (columns identical in all lanes) and widest lane w.
  let c = load<i32>(aLen + (<usize>a0 << 2));
  let w = c;
  for (let k = 0; k < LANES; k++) {
    const r = a0 + (k < aCount ? k : aCount - 1);
    const m = load<i32>(aLen + (<usize>r << 2));
    if (k > 0 && k < aCount) {
      const l = load<i32>(aLcp + (<usize>r << 2));
      if (l < c) c = l;
    }
    if (m > w) w = m;
    store<i32>(laneLen + (<usize>k << 2), m);
    store<usize>(laneCodes + (<usize>k << 3), aCodes + <usize>r * <usize>t);
  }
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

    // Lane columns, 8 independent f64x2 chains per row.
    for (let i = first; i <= n; i++) {
      const y = <i32>load<u8>(row + <usize>(i - 1));
      const up = V + <usize>(i - 1) * rowV;
      const cur = up + rowV;
      const s = load<f64>(S + <usize>i * rowS + (<usize>c << 3));
      splatBoundary(cur + <usize>c * LANE_BYTES, s);
      if (uniform) laneRow(true, up, cur, P + <usize>y * rowV, I, indel0, s, c, w);
      else laneRow(false, up, cur, P + <usize>y * rowV, I, load<f64>(indel + (<usize>y << 3)), s, c, w);
    }

    // d[n][m] of each lane.
    const o = out + (<usize>(b - bStart) * LANE_BYTES);
    for (let k = 0; k < LANES; k++) {
      const m = load<i32>(laneLen + (<usize>k << 2));
      const v = m <= c
        ? load<f64>(S + <usize>n * rowS + (<usize>m << 3))
        : load<f64>(V + <usize>n * rowV + <usize>m * LANE_BYTES + (<usize>k << 3));
      store<f64>(o + (<usize>k << 3), v);
    }
  }
}

/** Bytes of workspace omGroup needs. */
export function workBytes(nStates: i32, t: i32): usize {
  const T1 = <usize>(t + 1);
  return (<usize>nStates + 1 + T1) * T1 * LANE_BYTES + T1 * T1 * 8 + 64 + 128;
}

// One DP row over the lane columns c+1..w: `up` is row i-1, `cur` row i,
// `py` the profile of b_i, `dy` = indel[b_i], `s` = d[i][c] (shared column).
// With one indel cost for all states (`uniform`, a compile-time constant after
// inlining), min(up + e, left + e) = min(up, left) + e exactly (rounding is
// monotonic), which saves an addition and the indel profile load per vector.
// @ts-ignore: decorator
@inline function laneRow(uniform: bool, up: usize, cur: usize, py: usize, I: usize, dy: f64, s: f64, c: i32, w: i32): void {
  const e = f64x2.splat(dy);
  let l0 = f64x2.splat(s);
  let l1 = l0, l2 = l0, l3 = l0, l4 = l0, l5 = l0, l6 = l0, l7 = l0;
  for (let o = <usize>(c + 1) * LANE_BYTES, end = <usize>(w + 1) * LANE_BYTES; o < end; o += LANE_BYTES) {
    const u = up + o;
    const d = u - LANE_BYTES;
    const p = py + o;
    const q = I + o;
    const z = cur + o;
    if (uniform) {
      l0 = cellUniform(v128.load(u, 0), v128.load(d, 0), v128.load(p, 0), l0, e);
      v128.store(z, l0, 0);
      l1 = cellUniform(v128.load(u, 16), v128.load(d, 16), v128.load(p, 16), l1, e);
      v128.store(z, l1, 16);
      l2 = cellUniform(v128.load(u, 32), v128.load(d, 32), v128.load(p, 32), l2, e);
      v128.store(z, l2, 32);
      l3 = cellUniform(v128.load(u, 48), v128.load(d, 48), v128.load(p, 48), l3, e);
      v128.store(z, l3, 48);
      l4 = cellUniform(v128.load(u, 64), v128.load(d, 64), v128.load(p, 64), l4, e);
      v128.store(z, l4, 64);
      l5 = cellUniform(v128.load(u, 80), v128.load(d, 80), v128.load(p, 80), l5, e);
      v128.store(z, l5, 80);
      l6 = cellUniform(v128.load(u, 96), v128.load(d, 96), v128.load(p, 96), l6, e);
      v128.store(z, l6, 96);
      l7 = cellUniform(v128.load(u, 112), v128.load(d, 112), v128.load(p, 112), l7, e);
      v128.store(z, l7, 112);
    } else {
      l0 = cell(v128.load(u, 0), v128.load(d, 0), v128.load(p, 0), v128.load(q, 0), l0, e);
      v128.store(z, l0, 0);
      l1 = cell(v128.load(u, 16), v128.load(d, 16), v128.load(p, 16), v128.load(q, 16), l1, e);
      v128.store(z, l1, 16);
      l2 = cell(v128.load(u, 32), v128.load(d, 32), v128.load(p, 32), v128.load(q, 32), l2, e);
      v128.store(z, l2, 32);
      l3 = cell(v128.load(u, 48), v128.load(d, 48), v128.load(p, 48), v128.load(q, 48), l3, e);
      v128.store(z, l3, 48);
      l4 = cell(v128.load(u, 64), v128.load(d, 64), v128.load(p, 64), v128.load(q, 64), l4, e);
      v128.store(z, l4, 64);
      l5 = cell(v128.load(u, 80), v128.load(d, 80), v128.load(p, 80), v128.load(q, 80), l5, e);
      v128.store(z, l5, 80);
      l6 = cell(v128.load(u, 96), v128.load(d, 96), v128.load(p, 96), v128.load(q, 96), l6, e);
      v128.store(z, l6, 96);
      l7 = cell(v128.load(u, 112), v128.load(d, 112), v128.load(p, 112), v128.load(q, 112), l7, e);
      v128.store(z, l7, 112);
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
