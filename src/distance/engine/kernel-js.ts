import type { Kernel, KernelMemory } from './kernel.js';

const LANES = 16;
const PAGE = 65536;

/** Growable memory with the WebAssembly.Memory interface the engine uses. */
class JsMemory implements KernelMemory {
  buffer = new ArrayBuffer(PAGE);
  grow(pages: number): number {
    const old = this.buffer;
    this.buffer = new ArrayBuffer(old.byteLength + pages * PAGE);
    new Uint8Array(this.buffer).set(new Uint8Array(old));
    return old.byteLength / PAGE;
  }
}

/**
 * The OM kernel in TypeScript: the same algorithm and memory layout as
 * assembly/om.ts (read that file for the description), one lane at a time
 * instead of f64x2 vectors. Both give results bit-identical to the plain DP.
 * Used when WebAssembly SIMD is unavailable and to cross-check the WebAssembly build.
 */
export function jsKernel(): Kernel {
  const memory = new JsMemory();
  const laneLen = new Int32Array(LANES);
  const laneRow = new Int32Array(LANES);
  const left = new Float64Array(LANES);

  function workBytes(nStates: number, t: number): number {
    const t1 = t + 1;
    return (nStates + 1 + t1) * t1 * LANES * 8 + t1 * t1 * 8;
  }

  function omGroup(
    nStates: number, t: number, sm: number, indel: number,
    aCodes: number, aLen: number, aLcp: number, a0: number, aCount: number,
    bCodes: number, bLen: number, bLcp: number, bStart: number, bEnd: number,
    work: number, out: number,
  ): void {
    const f = new Float64Array(memory.buffer);
    const u8 = new Uint8Array(memory.buffer);
    const i32 = new Int32Array(memory.buffer);
    // Offsets in f64 elements; a "cell" of the lane matrices is 16 lanes wide.
    const t1 = t + 1;
    const rowV = t1 * LANES;
    const smF = sm >> 3;
    const inF = indel >> 3;
    const P = work >> 3;
    const I = P + nStates * rowV;
    const V = I + rowV;
    const S = V + t1 * rowV;

    let c = i32[(aLen >> 2) + a0];
    let w = c;
    for (let k = 0; k < LANES; k++) {
      const r = a0 + (k < aCount ? k : aCount - 1);
      const m = i32[(aLen >> 2) + r];
      if (k > 0 && k < aCount) {
        const l = i32[(aLcp >> 2) + r];
        if (l < c) c = l;
      }
      if (m > w) w = m;
      laneLen[k] = m;
      laneRow[k] = aCodes + r * t;
    }
    const shared = laneRow[0];

    for (let j = c + 1; j <= w; j++) {
      for (let k = 0; k < LANES; k++) {
        const o = j * LANES + k;
        if (j <= laneLen[k]) {
          const x = u8[laneRow[k] + j - 1];
          f[I + o] = f[inF + x];
          for (let y = 0; y < nStates; y++) f[P + y * rowV + o] = f[smF + x * nStates + y];
        } else {
          f[I + o] = 0;
          for (let y = 0; y < nStates; y++) f[P + y * rowV + o] = 0;
        }
      }
    }

    // Row 0: d[0][j] = d[0][j-1] + indel[a_j].
    f[S] = 0;
    for (let j = 1; j <= c; j++) f[S + j] = f[S + j - 1] + f[inF + u8[shared + j - 1]];
    f.fill(f[S + c], V + c * LANES, V + (c + 1) * LANES);
    for (let j = c + 1; j <= w; j++) {
      for (let k = 0; k < LANES; k++) f[V + j * LANES + k] = f[V + (j - 1) * LANES + k] + f[I + j * LANES + k];
    }

    for (let b = bStart; b < bEnd; b++) {
      const n = i32[(bLen >> 2) + b];
      const row = bCodes + b * t;
      const first = b === bStart ? 1 : i32[(bLcp >> 2) + b] + 1;

      // Shared columns: d[i][j] = min(d[i-1][j] + indel[b_i], d[i-1][j-1] + sm[a_j, b_i], d[i][j-1] + indel[a_j]).
      for (let i = first; i <= n; i++) {
        const y = u8[row + i - 1];
        const dy = f[inF + y];
        const up = S + (i - 1) * t1;
        const cur = up + t1;
        let l = f[up] + dy;
        f[cur] = l;
        for (let j = 1; j <= c; j++) {
          const x = u8[shared + j - 1];
          const v = f[up + j] + dy;
          const g = f[up + j - 1] + f[smF + x * nStates + y];
          const h = g < v ? g : v;
          const e = l + f[inF + x];
          l = e < h ? e : h;
          f[cur + j] = l;
        }
      }

      // Lane columns, same recurrence with the profiles P (diagonal) and I (left).
      for (let i = first; i <= n; i++) {
        const y = u8[row + i - 1];
        const dy = f[inF + y];
        const py = P + y * rowV;
        const up = V + (i - 1) * rowV;
        const cur = up + rowV;
        const s = f[S + i * t1 + c];
        f.fill(s, cur + c * LANES, cur + (c + 1) * LANES);
        left.fill(s);
        for (let j = c + 1; j <= w; j++) {
          const o = j * LANES;
          for (let k = 0; k < LANES; k++) {
            const v = f[up + o + k] + dy;
            const g = f[up + o - LANES + k] + f[py + o + k];
            const h = g < v ? g : v;
            const e = left[k] + f[I + o + k];
            const d = e < h ? e : h;
            left[k] = d;
            f[cur + o + k] = d;
          }
        }
      }

      const o = (out >> 3) + (b - bStart) * LANES;
      for (let k = 0; k < LANES; k++) {
        const m = laneLen[k];
        f[o + k] = m <= c ? f[S + n * t1 + m] : f[V + n * rowV + m * LANES + k];
      }
    }
  }

  return { kind: 'js', memory, heapBase: () => 0, workBytes, omGroup };
}
