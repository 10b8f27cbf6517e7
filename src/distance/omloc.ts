import type { EncodedRows } from './encode.js';
import type { AlignmentProblem } from './engine/index.js';
import { alignmentNormalizer, maxSubstitutionOf } from './om.js';
import type { DistanceSetup } from './setup.js';

/** OMloc's costs: the indel of the normalisation, and the two parts of a localised indel. */
export interface OmlocCosts {
  /** max(sm) expcost + context: the indel TraMineR normalises with. */
  readonly indel: number;
  /** expcost x maxscost: the fixed part of every indel. */
  readonly timeCost: number;
  /** context: the weight of the neighbouring states' substitution costs. */
  readonly context: number;
  /** TraMineR's maxscost (2 indel for YujianBo). */
  readonly maxSub: number;
}

/**
 * The costs of localised OM as TraMineR derives them: indel = max(sm) expcost + context;
 * maxscost = min(largest off-diagonal sm, 2 indel), or 2 indel with YujianBo (which
 * therefore also changes the indels); timeCost = expcost maxscost.
 * @example
 * omlocCosts(setup).timeCost;
 */
function omlocCosts(setup: DistanceSetup): OmlocCosts {
  const { sm, nStates, expcost, norm } = setup;
  const { context } = setup.params;
  let smMax = 0;
  for (let k = 0; k < nStates * nStates; k++) if (sm[k] > smMax) smMax = sm[k];
  const indel = smMax * expcost + context;
  const maxSub = maxSubstitutionOf(sm, nStates, indel, norm);
  return { indel, timeCost: expcost * maxSub, context, maxSub };
}

/**
 * Localised optimal matching (OMloc, Hollister 2009, Sociological Methods & Research
 * 38(2); TraMineR `seqdist(method = "OMloc")`). Inserting or deleting state s between
 * the neighbours p and q of the other sequence costs
 *
 *   ind(s | p, q) = e maxscost + c (sm(p, s) + sm(q, s)) / 2      (e = expcost, c = context)
 *
 * and F(i, j) = min(F(i-1, j) + ind(x_i | y_{j-1}, y_j), F(i, j-1) + ind(y_j | x_{i-1}, x_i),
 * F(i-1, j-1) + sm(x_i, y_j)), with x_0 = x_1 and y_0 = y_1 (the first state is its own
 * left neighbour); F(i, 0) and F(0, j) add ind(. | y_1, y_1) and ind(. | x_1, x_1).
 * Normalised as OM with indel = max(sm) expcost + context.
 *
 * @param setup resolved options (sm, expcost, params.context, norm)
 * @param rows encoded rows (non-empty)
 * @returns d(a, b), normalised
 * @example
 * omlocKernel(setup, rows)(0, 1);
 */
export function omlocKernel(setup: DistanceSetup, rows: EncodedRows): (a: number, b: number) => number {
  const { nStates, sm } = setup;
  const { indel, timeCost, context, maxSub } = omlocCosts(setup);
  const normalize = alignmentNormalizer(setup.norm, maxSub, indel);
  const { t, codes, lengths } = rows;
  const work = new Float64Array(t + 1);
  // ind(s | p, q), as TraMineR evaluates it
  const ind = (s: number, p: number, q: number) => timeCost + (context * (sm[p * nStates + s] + sm[q * nStates + s])) / 2;
  return (a, b) => {
    const m = lengths[a];
    const n = lengths[b];
    const xb = a * t;
    const yb = b * t;
    const x1 = codes[xb];
    const y1 = codes[yb];
    work[0] = 0;
    for (let j = 1; j <= n; j++) work[j] = work[j - 1] + ind(codes[yb + j - 1], x1, x1);
    let xPrev = x1;
    for (let i = 1; i <= m; i++) {
      const xi = codes[xb + i - 1];
      const smX = xi * nStates;
      let diag = work[0];
      work[0] = diag + ind(xi, y1, y1);
      let yPrev = y1;
      for (let j = 1; j <= n; j++) {
        const yj = codes[yb + j - 1];
        const up = work[j];
        // F(i, j) = min(F(i-1, j) + ind(x_i | y_j-1, y_j), F(i, j-1) + ind(y_j | x_i-1, x_i), F(i-1, j-1) + sm(x_i, y_j))
        const del = up + (timeCost + (context * (sm[yPrev * nStates + xi] + sm[yj * nStates + xi])) / 2);
        const ins = work[j - 1] + (timeCost + (context * (sm[xPrev * nStates + yj] + sm[smX + yj])) / 2);
        let v = del < ins ? del : ins;
        const sub = xi === yj ? diag : diag + sm[smX + yj];
        if (sub < v) v = sub;
        work[j] = v;
        diag = up;
        yPrev = yj;
      }
      xPrev = xi;
    }
    return normalize(work[n], m, n);
  };
}

/**
 * OMloc as problems of the OM engine's variant kernel (assembly/omvar.ts), with
 * their normalisation; the engine gives the values of `omlocKernel` bit for bit.
 * @example
 * const { problems, normalize } = omlocProblems(setup, [setup.rows]);
 */
export function omlocProblems(setup: DistanceSetup, rowSets: readonly EncodedRows[]): { problems: AlignmentProblem[]; normalize: (raw: number, la: number, lb: number) => number } {
  const { indel, timeCost, context, maxSub } = omlocCosts(setup);
  const { nStates, sm } = setup;
  const variant = { mode: 'omloc' as const, weights: new Float64Array(0), timeCost, context };
  return {
    problems: rowSets.map((rows) => ({ codes: rows.codes, t: rows.t, lengths: rows.lengths, nStates, sm, indel: new Float64Array(nStates), variant })),
    normalize: alignmentNormalizer(setup.norm, maxSub, indel),
  };
}
