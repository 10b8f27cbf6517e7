import type { EncodedRows } from './encode.js';
import type { DistanceSetup } from './setup.js';

/**
 * Chi-squared (CHI2) and Euclidean (EUCLID) distances between the state
 * distributions of two sequences within K intervals (Studer & Ritschard 2016):
 * d(x, y) = sqrt( sum_k sum_s (p_xks - p_yks)^2 / m_ks ), where p_xks is the share
 * of interval k of x spent in state s. CHI2: m_ks is the (weighted) share of state s
 * over all sequences in interval k; EUCLID: m_ks = 1. With norm 'auto' CHI2 scales
 * m_k by 1/c1 + 1/c2 (the two smallest shares, when at least two states occur),
 * EUCLID uses m_ks = 2, and d is divided by sqrt(K). States absent from an
 * interval are left out.
 *
 * @param setup resolved options (breaks, intervalNorm, method)
 * @param rows encoded rows; rows with weight 0 (references) do not count in m
 * @returns d(a, b)
 * @example
 * chi2Kernel(setup, rows)(0, 1);
 */
export function chi2Kernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { nStates, breaks, intervalNorm } = setup;
  const euclid = setup.method === 'EUCLID';
  const { n, t, codes, lengths, weights } = rows;
  const nBreaks = breaks.length / 2;
  const width = nBreaks * nStates;
  const profile = new Float64Array(n * width);
  const margin = new Float64Array(width);
  for (let k = 0; k < nBreaks; k++) {
    const from = breaks[2 * k];
    const to = breaks[2 * k + 1];
    const col = k * nStates;
    const total = new Float64Array(nStates);
    for (let r = 0; r < n; r++) {
      const p = r * width + col;
      const end = Math.min(to + 1, lengths[r]);
      for (let j = from; j < end; j++) profile[p + codes[r * t + j]]++;
      let rowSum = 0;
      for (let s = 0; s < nStates; s++) {
        total[s] += weights[r] * profile[p + s];
        rowSum += profile[p + s];
      }
      if (rowSum > 0) for (let s = 0; s < nStates; s++) profile[p + s] /= rowSum;
    }
    intervalMargin(total, margin.subarray(col, col + nStates), euclid, intervalNorm);
  }
  // keep the columns with a positive margin
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (margin[c] > 0) keep.push(c);
  const cols = Int32Array.from(keep);
  const scale = intervalNorm ? Math.sqrt(nBreaks) : 1;
  return (a, b) => {
    const pa = a * width;
    const pb = b * width;
    // d^2 = sum_c (p_ac - p_bc)^2 / m_c
    let sum = 0;
    for (let q = 0; q < cols.length; q++) {
      const c = cols[q];
      const diff = profile[pa + c] - profile[pb + c];
      sum += (diff * diff) / margin[c];
    }
    const d = Math.sqrt(sum);
    return intervalNorm ? d / scale : d;
  };
}

// Margins of one interval from the weighted state totals (TraMineR's CHI2 "dummies").
function intervalMargin(total: Float64Array, out: Float64Array, euclid: boolean, norm: boolean): void {
  let sum = 0;
  for (let s = 0; s < total.length; s++) sum += total[s];
  if (euclid) {
    for (let s = 0; s < total.length; s++) out[s] = total[s] !== 0 ? (norm ? 2 : 1) : 0;
    return;
  }
  let present = 0;
  let min1 = Infinity;
  let min2 = Infinity;
  for (let s = 0; s < total.length; s++) {
    out[s] = sum > 0 ? total[s] / sum : 0;
    if (total[s] === 0) continue;
    present++;
    if (out[s] < min1) {
      min2 = min1;
      min1 = out[s];
    } else if (out[s] < min2) min2 = out[s];
  }
  // with at least two states present, scale so the largest possible distance is 1
  if (present > 1) {
    const factor = norm ? 1 / min1 + 1 / min2 : 1;
    for (let s = 0; s < total.length; s++) out[s] *= factor;
  }
}
