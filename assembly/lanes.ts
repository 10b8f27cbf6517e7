// Lane slots shared by the OM kernel (om.ts) and its variants (omvar.ts).

const LANES: i32 = 16;

/**
 * Put lanes a0 .. a0+aCount-1 of set A into 16 slots sorted by length, longest
 * first (insertion sort): laneLen (i32 x 16), laneCodes (usize at 8-byte steps)
 * and slotLane (i32 x 16, the lane in each slot). Padding lanes (k >= aCount)
 * repeat the last sequence with length padLen.
 */
export function slotLanes(aCodes: usize, aLen: usize, a0: i32, aCount: i32, t: i32, padLen: i32, laneLen: usize, laneCodes: usize, slotLane: usize): void {
  for (let k = 0; k < LANES; k++) {
    const r = a0 + (k < aCount ? k : aCount - 1);
    const m = k < aCount ? load<i32>(aLen + (<usize>r << 2)) : padLen;
    let q = k;
    while (q > 0 && load<i32>(laneLen + (<usize>(q - 1) << 2)) < m) {
      store<i32>(laneLen + (<usize>q << 2), load<i32>(laneLen + (<usize>(q - 1) << 2)));
      store<usize>(laneCodes + (<usize>q << 3), load<usize>(laneCodes + (<usize>(q - 1) << 3)));
      store<i32>(slotLane + (<usize>q << 2), load<i32>(slotLane + (<usize>(q - 1) << 2)));
      q--;
    }
    store<i32>(laneLen + (<usize>q << 2), m);
    store<usize>(laneCodes + (<usize>q << 3), aCodes + <usize>r * <usize>t);
    store<i32>(slotLane + (<usize>q << 2), k);
  }
}
