import { makeAlphabet } from '../../src/sequences/alphabet.js';
import { createSequences } from '../../src/sequences/create.js';
import type { StateSequences } from '../../src/sequences/types.js';
import { VOID } from '../../src/sequences/types.js';
import { seededRandom } from '../../src/stats/random.js';

/** The jobcoach alphabet with readable labels. */
export const jobcoachAlphabet = makeAlphabet(['trial', 'work_jc', 'work', 'none'], {
  labels: { trial: 'trial placement', work_jc: 'work with jobcoach', work: 'work', none: 'no work' },
});

/**
 * Synthetic jobcoach-like sequences: a Markov chain over the four states,
 * right-censored between 24 and t months, with a group per row.
 */
export function syntheticSequences(n: number, t = 48, seed = 1): { seqs: StateSequences; groups: Int32Array } {
  const rnd = seededRandom(seed);
  // Row: from state, columns: cumulative transition probabilities to trial, work_jc, work, none.
  const cum = [
    [0.6, 0.95, 0.97, 1],
    [0, 0.94, 0.97, 1],
    [0, 0.01, 0.97, 1],
    [0.01, 0.04, 0.07, 1],
  ];
  const codes = new Uint8Array(n * t);
  const groups = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const len = 24 + Math.floor(rnd() * (t - 23));
    let s = rnd() < 0.58 ? 0 : 1;
    for (let j = 0; j < t; j++) {
      if (j >= len) {
        codes[i * t + j] = VOID;
        continue;
      }
      codes[i * t + j] = s;
      const u = rnd();
      let next = 0;
      while (u > cum[s][next]) next++;
      s = next;
    }
    groups[i] = 1 + (codes[i * t + 12] === VOID ? 0 : codes[i * t + 12]);
  }
  return { seqs: createSequences({ alphabet: jobcoachAlphabet, codes, n, t }), groups };
}

/** Shares and N at risk per group, computed plainly for chart tests (not a reference implementation). */
export function sharesByGroup(seqs: StateSequences, groups: ArrayLike<number>): { name: string; shares: Float64Array[]; nValid: Float64Array }[] {
  const names = [...new Set(Array.from(groups))].sort((a, b) => a - b);
  const nStates = seqs.alphabet.codes.length;
  return names.map((g) => {
    const shares = Array.from({ length: nStates }, () => new Float64Array(seqs.t));
    const nValid = new Float64Array(seqs.t);
    for (let i = 0; i < seqs.n; i++) {
      if (groups[i] !== g) continue;
      for (let j = 0; j < seqs.lengths[i]; j++) {
        shares[seqs.codes[i * seqs.t + j]][j] += 1;
        nValid[j] += 1;
      }
    }
    for (const row of shares) for (let j = 0; j < seqs.t; j++) row[j] = nValid[j] > 0 ? row[j] / nValid[j] : 0;
    return { name: `group ${g}`, shares, nValid };
  });
}
