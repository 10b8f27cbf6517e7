import { ResourceError } from '../errors.js';
import type { EncodedRows } from './encode.js';
import type { AlignmentProblem } from './engine/index.js';
import { alignmentNormalizer, maxSubstitutionOf } from './om.js';
import type { DistanceSetup } from './setup.js';

/**
 * Optimal matching of transitions (OMstran, Biemann 2011, Advances in Life Course
 * Research 16(2); TraMineR `seqdist(method = "OMstran")`): OM on sequences of
 * transitions. Month i becomes the token (x_i, x_i+1) (with `previous`,
 * (x_i-1, x_i, x_i+1), x_0 = x_1); with `addColumn` the last month gives
 * (x_L, x_L) and no month is lost, without it the first (with `previous`) and
 * last months have no token. With r = max(indel) / max(sm), state indels
 * rescaled to indel' = r indel / max(indel) and costs to sm' = sm / max(sm),
 * o = otto and tw = (1 - o) r (halved with `previous`):
 * - indel of a token compared on state a (its first state, or the middle one with
 *   `previous`): o indel'(a) + tw c, where c is the token's change: 1 per change of
 *   state (`transindel` constant), 1 - p(b | a) per change (prob, transition rates),
 *   or sm'(a, b) (subcost);
 * - substituting tokens u, v: o sm'(a_u, a_v) + indel(u) + indel(v) - o indel'(a_u) - o indel'(a_v).
 * The tokens' OM distance is normalised with the largest token indel and token lengths.
 *
 * @param setup resolved options (sm, indel, params: otto, previous, addColumn, transindel, rates)
 * @param rowSets encoded rows (e.g. the sequences, then references): one problem each, over one token alphabet
 * @returns the alignment problems and their normalisation
 * @throws ResourceError when more than 255 distinct tokens occur
 * @example
 * const { problems, normalize } = omstranProblems(setup, [setup.rows]);
 */
export function omstranProblems(
  setup: DistanceSetup,
  rowSets: readonly EncodedRows[],
): { problems: AlignmentProblem[]; normalize: (raw: number, la: number, lb: number) => number } {
  const { nStates: S, params } = setup;
  const { previous, addColumn } = params;
  // token key: ((p * S) + a) * S + b; compact codes in order of first appearance
  const code = new Map<number, number>();
  const keys: number[] = [];
  const sets = rowSets.map((rows) => {
    const { n, t } = rows;
    const codes = new Uint8Array(n * t);
    const lengths = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const x = rows.codes.subarray(r * t, r * t + rows.lengths[r]);
      const len = x.length;
      const first = !addColumn && previous ? 1 : 0;
      const end = addColumn ? len : len - 1;
      let out = 0;
      for (let i = first; i < end; i++) {
        const b = x[Math.min(i + 1, len - 1)];
        const key = ((previous ? x[Math.max(i - 1, 0)] : 0) * S + x[i]) * S + b;
        let c = code.get(key);
        if (c === undefined) {
          c = keys.length;
          if (c === 255) throw new ResourceError(`OMstran found more than 255 distinct transitions; the alignment kernel handles at most 255 tokens: use previous = false or fewer states`);
          code.set(key, c);
          keys.push(key);
        }
        codes[r * t + out++] = c;
      }
      lengths[r] = Math.max(0, out);
    }
    return { codes, t, lengths };
  });
  const { sm, indel } = tokenCosts(setup, keys);
  const nTokens = keys.length || 1;
  let maxIndel = 0;
  for (const v of indel) if (v > maxIndel) maxIndel = v;
  const tokenSm = keys.length ? sm : new Float64Array(1);
  const tokenIndel = keys.length ? indel : new Float64Array(1).fill(1);
  return {
    problems: sets.map((s) => ({ ...s, nStates: nTokens, sm: tokenSm, indel: tokenIndel })),
    normalize: alignmentNormalizer(setup.norm, maxSubstitutionOf(tokenSm, nTokens, maxIndel, setup.norm), maxIndel),
  };
}

// Token indels and substitution costs in TraMineR's order of operations.
function tokenCosts(setup: DistanceSetup, keys: readonly number[]): { sm: Float64Array; indel: Float64Array } {
  const { nStates: S, params } = setup;
  const { otto, previous, transindel } = params;
  const stateSm = setup.sm;
  let smMax = 0;
  for (let k = 0; k < S * S; k++) if (stateSm[k] > smMax) smMax = stateSm[k];
  let indelMax = 0;
  for (const v of setup.indel) if (v > indelMax) indelMax = v;
  const rate = indelMax / smMax;
  const transWeight = ((previous ? (1 - otto) / 2 : 1 - otto) * rate);
  // stateIndel = otto indel', indel' = rate indel / max(indel); sm' = sm / max(sm)
  const stateIndel = Float64Array.from(setup.indel, (v) => ((rate * v) / indelMax) * otto);
  const scaled = (a: number, b: number) => stateSm[a * S + b] / smMax;
  const { rates } = params;
  const change = (a: number, b: number): number => {
    if (transindel === 'constant') return a !== b ? 1 : 0;
    if (transindel === 'prob') return 1 - rates[a * S + b];
    return scaled(a, b);
  };
  const n = keys.length;
  // the state a token is compared on: its first (or, with previous, middle) state
  const compared = Int32Array.from(keys, (key) => Math.floor(key / S) % S);
  const indel = Float64Array.from(keys, (key) => {
    const b = key % S;
    const a = Math.floor(key / S) % S;
    if (!previous) return a !== b ? stateIndel[a] + transWeight * change(a, b) : stateIndel[a];
    const p = Math.floor(key / (S * S));
    // previous: two transitions, (p, a) and (a, b); constant counts the changes
    const raw = transindel === 'constant' ? (p !== a ? 1 : 0) + (a !== b ? 1 : 0) : transindel === 'prob' ? 2 - rates[p * S + a] - rates[a * S + b] : scaled(p, a) + scaled(a, b);
    return stateIndel[a] + transWeight * raw;
  });
  const sm = new Float64Array(n * n);
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      const cu = compared[u];
      const cv = compared[v];
      const cost = otto * scaled(cu, cv) + (indel[u] + indel[v] - stateIndel[cu] - stateIndel[cv]);
      sm[u * n + v] = sm[v * n + u] = cost;
    }
  }
  return { sm, indel };
}
