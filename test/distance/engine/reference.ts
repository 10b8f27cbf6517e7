// Test oracle: the plain double-precision OM dynamic programme, written
// straight from the definition, and random problems to feed it.
import type { AlignmentProblem } from '../../../src/distance/engine/index.js';
import { seededRandom } from '../../../src/stats/random.js';

/**
 * d[i][j] = min(d[i-1][j] + indel[a_i], d[i][j-1] + indel[b_j], d[i-1][j-1] + sm[a_i, b_j]),
 * d[0][0] = 0; returns d[len a][len b].
 */
export function plainOm(p: AlignmentProblem, ra: number, q: AlignmentProblem, rb: number): number {
  const m = p.lengths[ra];
  const n = q.lengths[rb];
  const a = p.codes.subarray(ra * p.t, ra * p.t + m);
  const b = q.codes.subarray(rb * q.t, rb * q.t + n);
  const d: number[][] = [];
  for (let i = 0; i <= m; i++) {
    d.push([]);
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) d[i][j] = 0;
      else if (i === 0) d[i][j] = d[i][j - 1] + p.indel[b[j - 1]];
      else if (j === 0) d[i][j] = d[i - 1][j] + p.indel[a[i - 1]];
      else {
        d[i][j] = Math.min(
          d[i - 1][j] + p.indel[a[i - 1]],
          d[i][j - 1] + p.indel[b[j - 1]],
          d[i - 1][j - 1] + p.sm[a[i - 1] * p.nStates + b[j - 1]],
        );
      }
    }
  }
  return d[m][n];
}

export interface RandomProblemOptions {
  n: number;
  t: number;
  nStates: number;
  seed: number;
  /** Probability of staying in the same state from one month to the next. */
  stay?: number;
  /** Shortest length; below t gives unequal lengths. */
  minLength?: number;
  /** Per-state random indels instead of 1. */
  stateIndels?: boolean;
}

/** Markov-chain sequences with random symmetric costs (zero diagonal). */
export function randomProblem(o: RandomProblemOptions): AlignmentProblem {
  const rnd = seededRandom(o.seed);
  const { n, t, nStates } = o;
  const stay = o.stay ?? 0.8;
  const minLength = o.minLength ?? t;
  const codes = new Uint8Array(n * t);
  const lengths = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    lengths[r] = minLength + Math.floor(rnd() * (t - minLength + 1));
    let s = Math.floor(rnd() * nStates);
    for (let j = 0; j < lengths[r]; j++) {
      if (j > 0 && rnd() > stay) s = Math.floor(rnd() * nStates);
      codes[r * t + j] = s;
    }
    // Cells past the end hold junk the engine must ignore.
    for (let j = lengths[r]; j < t; j++) codes[r * t + j] = 250;
  }
  const sm = new Float64Array(nStates * nStates);
  for (let x = 0; x < nStates; x++) {
    for (let y = x + 1; y < nStates; y++) sm[x * nStates + y] = sm[y * nStates + x] = 0.5 + 2 * rnd();
  }
  const indel = new Float64Array(nStates).map(() => (o.stateIndels ? 0.3 + 1.5 * rnd() : 1));
  return { codes, t, lengths, nStates, sm, indel };
}
