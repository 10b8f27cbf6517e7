import type { EncodedRows } from './encode.js';
import type { AlignmentProblem } from './engine/index.js';
import { alignmentNormalizer, maxSubstitutionOf } from './om.js';
import type { DistanceSetup } from './setup.js';
import { spellRows } from './spells.js';

/**
 * Optimal matching sensitive to spell length (OMslen, Halpin 2010, Sociological Methods
 * & Research 38(3); TraMineR `seqdist(method = "OMslen")`). Each month weighs
 * w = L^-h, with L the length of the spell it belongs to, so months of long spells are
 * cheaper to change:
 * - inserting or deleting state s at a month of weight w costs indel(s) w;
 * - substituting x_i (weight w_i) by y_j (weight w_j) costs, with link 'mean',
 *   (sm(x_i, y_j) / 2) (w_i + w_j), and with 'gmean' sm(x_i, y_j) sqrt(w_i w_j).
 * Normalised as OM with the largest indel, and twice maxscost (of sm / 2) per aligned
 * month with 'mean'.
 *
 * @param setup resolved options (sm, indel per state, params.link, params.h, norm)
 * @param rows encoded rows
 * @returns d(a, b), normalised
 * @example
 * omslenKernel(setup, rows)(0, 1);
 */
export function omslenKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { nStates, indel } = setup;
  const mean = setup.params.link === 'mean';
  const scost = omslenCosts(setup);
  const normalize = omslenNormalizer(setup, scost);
  const { t, codes, lengths } = rows;
  const weight = monthWeights(rows, setup.params.h);
  const work = new Float64Array(t + 1);
  return (a, b) => {
    const m = lengths[a];
    const n = lengths[b];
    const xb = a * t;
    const yb = b * t;
    work[0] = 0;
    for (let j = 1; j <= n; j++) work[j] = work[j - 1] + indel[codes[yb + j - 1]] * weight[yb + j - 1];
    for (let i = 1; i <= m; i++) {
      const xi = codes[xb + i - 1];
      const wi = weight[xb + i - 1];
      const delX = indel[xi] * weight[xb + i - 1];
      const smX = xi * nStates;
      let diag = work[0];
      work[0] = diag + delX;
      for (let j = 1; j <= n; j++) {
        const yj = codes[yb + j - 1];
        const up = work[j];
        // F(i, j) = min(F(i, j-1) + indel(y_j) w_j, F(i-1, j) + indel(x_i) w_i, F(i-1, j-1) + sub)
        let v = work[j - 1] + indel[yj] * weight[yb + j - 1];
        const del = up + delX;
        if (del < v) v = del;
        const sub = diag + (mean ? scost[smX + yj] * (wi + weight[yb + j - 1]) : scost[smX + yj] * Math.sqrt(wi * weight[yb + j - 1]));
        work[j] = sub < v ? sub : v;
        diag = up;
      }
    }
    return normalize(work[n], m, n);
  };
}

/**
 * OMslen as problems of the OM engine's variant kernel (assembly/omvar.ts), with
 * their normalisation; the engine gives the values of `omslenKernel` bit for bit.
 * @example
 * const { problems, normalize } = omslenProblems(setup, [setup.rows]);
 */
export function omslenProblems(setup: DistanceSetup, rowSets: readonly EncodedRows[]): { problems: AlignmentProblem[]; normalize: (raw: number, la: number, lb: number) => number } {
  const { nStates, indel } = setup;
  const scost = omslenCosts(setup);
  const t = Math.max(...rowSets.map((rows) => rows.t));
  // weights[L] = L^-h, the weight of a month in a spell of L months
  const weights = Float64Array.from({ length: t + 1 }, (_, l) => Math.pow(l, -setup.params.h));
  const variant = { mode: setup.params.link === 'mean' ? ('omslen-mean' as const) : ('omslen-gmean' as const), weights, timeCost: 0, context: 0 };
  return {
    problems: rowSets.map((rows) => ({ codes: rows.codes, t: rows.t, lengths: rows.lengths, nStates, sm: scost, indel, variant })),
    normalize: omslenNormalizer(setup, scost),
  };
}

/** The normalisation of OMslen: the largest indel, and twice maxscost (of sm / 2) per aligned month with link 'mean'. */
function omslenNormalizer(setup: DistanceSetup, scost: Float64Array): (raw: number, la: number, lb: number) => number {
  const maxSub = maxSubstitutionOf(scost, setup.nStates, setup.indelScalar, setup.norm);
  return alignmentNormalizer(setup.norm, setup.params.link === 'mean' ? 2 * maxSub : maxSub, setup.indelScalar);
}

/**
 * OMslen's substitution costs as TraMineR passes them: sm / 2 with link 'mean', sm with 'gmean'.
 * @example
 * omslenCosts(setup); // Float64Array nStates x nStates
 */
function omslenCosts(setup: DistanceSetup): Float64Array {
  return setup.params.link === 'mean' ? setup.sm.map((c) => c / 2) : setup.sm.slice();
}

/**
 * The weight L^-h of every month, L the length of its spell (row-major like `rows.codes`).
 * @example
 * monthWeights(rows, 0.5); // for AAB: [2^-0.5, 2^-0.5, 1]
 */
function monthWeights(rows: EncodedRows, h: number): Float64Array {
  const { length, count } = spellRows(rows);
  const { n, t } = rows;
  const out = new Float64Array(n * t);
  for (let r = 0; r < n; r++) {
    let j = r * t;
    for (let k = r * t; k < r * t + count[r]; k++) {
      const w = Math.pow(length[k], -h); // the same expression as omslenProblems' weights
      for (let e = j + length[k]; j < e; j++) out[j] = w;
    }
  }
  return out;
}
