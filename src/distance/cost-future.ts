/**
 * FUTURE substitution costs (TraMineR `seqcost(method = "FUTURE")`, Studer &
 * Ritschard 2016, JRSS A 179(2)): two states are as different as the futures
 * they lead to. With p(k | i) the transition rate from state i to state k
 * (`lag` months later) and p_.k = sum_i p(k | i) the column totals,
 *
 *   sm(i, j) = sqrt( sum_k (p(k | i) - p(k | j))^2 / p_.k ),
 *
 * the chi-squared distance between the rows of the transition matrix
 * (columns with p_.k = 0 left out); indel = max(sm) / 2.
 *
 * @param rates S x S transition rates, from-major (`transitionRates(...).rates`)
 * @param nStates S
 * @returns the costs and the indel that comes with them
 * @example
 * const { sm, indel } = futureCosts(transitionRates(seqs).rates, seqs.alphabet.codes.length);
 */
export function futureCosts(rates: Float64Array, nStates: number): { sm: Float64Array; indel: number } {
  const inverseTotal = new Float64Array(nStates);
  for (let k = 0; k < nStates; k++) {
    let total = 0;
    for (let i = 0; i < nStates; i++) total += rates[i * nStates + k];
    inverseTotal[k] = total === 0 ? 0 : 1 / total;
  }
  const sm = new Float64Array(nStates * nStates);
  let max = 0;
  for (let i = 0; i < nStates; i++) {
    for (let j = i + 1; j < nStates; j++) {
      // sum_k (p(k|i) - p(k|j))^2 / p_.k
      let sum = 0;
      for (let k = 0; k < nStates; k++) {
        const diff = rates[i * nStates + k] - rates[j * nStates + k];
        sum += inverseTotal[k] * diff * diff;
      }
      const d = Math.sqrt(sum);
      sm[i * nStates + j] = d;
      sm[j * nStates + i] = d;
      if (d > max) max = d;
    }
  }
  return { sm, indel: 0.5 * max };
}
