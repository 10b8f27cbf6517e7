// Markov-chain sequences for the benchmarks: uniform start, stay with probability
// `stay`, else a uniform other state (states s0, s1, ...).
import { createSequences, makeAlphabet } from '../dist/sequences/index.js';
import { seededRandom } from '../dist/stats/random.js';

/** n sequences of t months over nStates states (seeded). */
export function markovSequences(n, t, nStates, stay, seed) {
  const rnd = seededRandom(seed);
  const codes = new Uint8Array(n * t);
  for (let r = 0; r < n; r++) {
    let s = Math.floor(rnd() * nStates);
    for (let j = 0; j < t; j++) {
      if (j > 0 && rnd() >= stay) s = (s + 1 + Math.floor(rnd() * (nStates - 1))) % nStates;
      codes[r * t + j] = s;
    }
  }
  const alphabet = makeAlphabet(Array.from({ length: nStates }, (_, i) => `s${i}`));
  return createSequences({ alphabet, n, t, codes });
}
