import type { ProgressReporter } from '../progress.js';
import type { EncodedRows } from './encode.js';
import type { AlignmentProblem } from './engine/index.js';
import { normalizeDistance, type ResolvedNorm } from './normalize.js';
import type { DistanceSetup } from './setup.js';

/**
 * The alignment problem of encoded rows under a setup's costs (diagonal forced to 0:
 * equal states never cost anything, as in TraMineR).
 * @example
 * const p = alignmentProblem(setup, setup.rows);
 */
export function alignmentProblem(setup: DistanceSetup, rows: EncodedRows): AlignmentProblem {
  const { nStates } = setup;
  const sm = setup.sm.slice(0, nStates * nStates);
  for (let i = 0; i < nStates; i++) sm[i * nStates + i] = 0;
  return { codes: rows.codes, t: rows.t, lengths: rows.lengths, nStates, sm, indel: setup.indel };
}

/**
 * Raw optimal-matching distance between row a of p and row b of q (Needleman-Wunsch
 * with state-dependent indels): F(i, j) = min(F(i-1, j) + indel(x_i),
 * F(i, j-1) + indel(y_j), F(i-1, j-1) + sm(x_i, y_j)), F(0, 0) = 0.
 * With one indel for all states a common prefix and suffix cost nothing and are
 * skipped (exact, as TraMineR does); with per-state indels they are not.
 *
 * Reference: Abbott & Tsay (2000), Sociological Methods & Research 29(1); TraMineR OM.
 *
 * @param work scratch of at least max length + 1 doubles
 * @example
 * omPairRaw(p, 0, p, 1, new Float64Array(p.t + 1));
 */
export function omPairRaw(p: AlignmentProblem, a: number, q: AlignmentProblem, b: number, work: Float64Array): number {
  const { nStates, sm, indel } = p;
  const x = p.codes;
  const y = q.codes;
  const xBase = a * p.t;
  const yBase = b * q.t;
  let xEnd = p.lengths[a];
  let yEnd = q.lengths[b];
  let start = 0;
  if (uniformIndel(indel)) {
    while (start < xEnd && start < yEnd && x[xBase + start] === y[yBase + start]) start++;
    while (xEnd > start && yEnd > start && x[xBase + xEnd - 1] === y[yBase + yEnd - 1]) {
      xEnd--;
      yEnd--;
    }
  }
  const m = yEnd - start;
  // work[j] holds F(i, j) over y[start .. start + j)
  work[0] = 0;
  for (let j = 1; j <= m; j++) work[j] = work[j - 1] + indel[y[yBase + start + j - 1]];
  for (let i = start; i < xEnd; i++) {
    const xi = x[xBase + i];
    const delX = indel[xi];
    const smRow = xi * nStates;
    let diag = work[0];
    work[0] = diag + delX;
    for (let j = 1; j <= m; j++) {
      const yj = y[yBase + start + j - 1];
      const up = work[j];
      // F(i, j) = min(min(F(i, j-1) + indel(y_j), F(i-1, j) + indel(x_i)), F(i-1, j-1) + sm(x_i, y_j))
      let v = work[j - 1] + indel[yj];
      const del = up + delX;
      if (del < v) v = del;
      const sub = xi === yj ? diag : diag + sm[smRow + yj];
      work[j] = sub < v ? sub : v;
      diag = up;
    }
  }
  return work[m];
}

function uniformIndel(indel: Float64Array): boolean {
  for (let k = 1; k < indel.length; k++) if (indel[k] !== indel[0]) return false;
  return true;
}

/**
 * Raw OM distances between all pairs of rows, condensed (order of ./matrix.ts).
 * The straightforward reference kernel (an oracle for the engine in ./engine).
 * @example
 * const raw = omCondensedReference(alignmentProblem(setup, setup.rows));
 */
export function omCondensedReference(p: AlignmentProblem, opts: { progress?: ProgressReporter } = {}): Float64Array {
  const d = p.lengths.length;
  const out = new Float64Array((d * (d - 1)) / 2);
  const work = new Float64Array(p.t + 1);
  const total = out.length;
  let k = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a + 1; b < d; b++) out[k++] = omPairRaw(p, a, p, b, work);
    opts.progress?.('distances', k, total);
  }
  return out;
}

/**
 * Raw OM distances from every row of p to every row of refs (D x k, row-major).
 * @example
 * const raw = omToReferencesReference(p, refsProblem); // raw[i * k + r]
 */
export function omToReferencesReference(p: AlignmentProblem, refs: AlignmentProblem, opts: { progress?: ProgressReporter } = {}): Float64Array {
  const d = p.lengths.length;
  const k = refs.lengths.length;
  const out = new Float64Array(d * k);
  const work = new Float64Array(Math.max(p.t, refs.t) + 1);
  for (let a = 0; a < d; a++) {
    for (let r = 0; r < k; r++) out[a * k + r] = omPairRaw(p, a, refs, r, work);
    opts.progress?.('distances', (a + 1) * k, d * k);
  }
  return out;
}

/**
 * Normalise a raw OM (or LCS) distance between sequences of lengths la and lb as
 * TraMineR: lengths count in indel units, and the largest possible distance is
 * |la - lb| indel + min(la, lb) maxsub, where maxsub = min(largest sm(i, j) with i < j, 2 indel)
 * (2 indel for YujianBo).
 * @example
 * const norm = omNormalizer(setup);
 * norm(raw, 70, 70);
 */
export function omNormalizer(setup: DistanceSetup): (raw: number, la: number, lb: number) => number {
  return alignmentNormalizer(setup.norm, maxSubstitution(setup), setup.indelScalar);
}

/**
 * The normalisation of TraMineR's alignment methods (OM, OMstran, OMloc, OMslen):
 * lengths la, lb count as la indel and lb indel, and the largest possible distance
 * is |la - lb| indel + min(la, lb) maxSub.
 *
 * @param norm the normalisation
 * @param maxSub the largest cost of one aligned position (TraMineR's maxscost, times 2 for OMslen's mean link)
 * @param indel the single indel of the normalisation
 * @example
 * alignmentNormalizer('maxdist', 2, 1)(3, 4, 4); // 3 / 8
 */
export function alignmentNormalizer(norm: ResolvedNorm, maxSub: number, indel: number): (raw: number, la: number, lb: number) => number {
  return (raw, la, lb) => normalizeDistance(raw, Math.abs(la - lb) * indel + maxSub * Math.min(la, lb), la * indel, lb * indel, norm);
}

/**
 * TraMineR's maxscost: the largest off-diagonal cost (upper triangle), at most 2 indel; 2 indel for YujianBo.
 * @example
 * maxSubstitution(setup); // 2 for CONSTANT costs with indel 1
 */
export function maxSubstitution(setup: DistanceSetup): number {
  return maxSubstitutionOf(setup.sm, setup.nStates, setup.indelScalar, setup.norm);
}

/**
 * `maxSubstitution` of any costs: min(largest sm(i, j) with i < j, 2 indel), or 2 indel for YujianBo.
 * @example
 * maxSubstitutionOf(Float64Array.from([0, 3, 3, 0]), 2, 1, 'maxdist'); // 2
 */
export function maxSubstitutionOf(sm: Float64Array, nStates: number, indel: number, norm: ResolvedNorm): number {
  if (norm === 'YujianBo') return 2 * indel;
  let max = 0;
  for (let i = 0; i < nStates; i++) for (let j = i + 1; j < nStates; j++) if (sm[i * nStates + j] > max) max = sm[i * nStates + j];
  return Math.min(max, 2 * indel);
}
