import type { EncodedRows } from './encode.js';

/**
 * Encoded rows as spells (runs of one state, TraMineR's `seqdss` and `seqdur`):
 * spell k of row r is `state[r * t + k]` for `length[r * t + k]` months,
 * k < `count[r]`. The missing state (with `withMissing`) makes spells like any other.
 */
export interface SpellRows {
  readonly n: number;
  /** Row stride (the rows' t: a row has at most t spells). */
  readonly t: number;
  readonly state: Uint8Array;
  readonly length: Float64Array;
  readonly count: Int32Array;
}

/**
 * The spells of every row.
 * @example
 * const sp = spellRows(rows); // for AAB: state [A, B], length [2, 1], count 2
 */
export function spellRows(rows: EncodedRows): SpellRows {
  const { n, t, codes, lengths } = rows;
  const state = new Uint8Array(n * t);
  const length = new Float64Array(n * t);
  const count = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let k = -1;
    for (let j = 0; j < lengths[r]; j++) {
      const c = codes[r * t + j];
      if (k < 0 || state[r * t + k] !== c) {
        k++;
        state[r * t + k] = c;
      }
      length[r * t + k]++;
    }
    count[r] = k + 1;
  }
  return { n, t, state, length, count };
}
