import { checkMemory, DEFAULT_MEMORY_BUDGET } from '../memory.js';
import type { DistinctSequences } from '../sequences/distinct.js';
import type { StateSequences } from '../sequences/types.js';
import { encodeRows, type EncodedRows } from './encode.js';
import { condensedBytes, type DistanceMatrix } from './matrix.js';
import { engineProblems } from './engine-methods.js';
import { condensedPairs, expandInParallel, fitsEngine, omCondensed, omToReferences, referencePairs } from './engine/index.js';
import { prepareDistances, type DistanceSetup } from './setup.js';
import { OptionsError } from '../errors.js';
import type { DistanceOptions } from './types.js';

export { DEFAULT_MEMORY_BUDGET };

/**
 * Pairwise dissimilarities between all sequences (TraMineR `seqdist`), N x N in
 * input row order, stored condensed. Computed on the distinct sequences and expanded.
 *
 * Methods: OM, HAM, DHD, LCS, LCP, RLCP, OMspell, CHI2, EUCLID, TWED; costs, indels
 * and normalisations as TraMineR (see `DistanceOptions` and the README).
 *
 * @param seqs the sequences
 * @param options method and its parameters
 * @returns the N x N matrix (condensed, ./matrix.ts)
 * @throws ResourceError when the matrix would exceed `memoryBudgetBytes`
 * @throws OptionsError (naming the option) when an option does not fit the data
 * @example
 * const d = await distances(seqs, { method: 'OM', sm: 'TRATE', indel: 1 });
 * distanceAt(d, 0, 1);
 */
export async function distances(seqs: StateSequences, options: DistanceOptions): Promise<DistanceMatrix> {
  const setup = prepareDistances(seqs, options);
  const d = setup.distinct.firstRow.length;
  const bytes = condensedBytes(seqs.n) + (d < seqs.n ? condensedBytes(d) : 0);
  checkBudget(bytes, options.memoryBudgetBytes, `the full ${seqs.n} x ${seqs.n} distance matrix (${d} distinct sequences)`);
  const distinctMatrix = { n: d, values: await condensedOverDistinct(setup, options) };
  if (d === seqs.n && isIdentity(setup.distinct.rowToDistinct)) return distinctMatrix;
  const task = `expanding ${d} distinct sequences to the ${seqs.n} x ${seqs.n} matrix`;
  options.progress?.(task, 0, 1);
  const full = await expandInParallel(distinctMatrix, setup.distinct.rowToDistinct, { threads: options.threads });
  options.progress?.(task, 1, 1);
  return full;
}

/**
 * Dissimilarities between the distinct sequences only (D x D, D <= N), with the
 * mapping back to rows; cheaper than `distances` when many sequences repeat.
 *
 * @returns `matrix` over the distinct sequences (order of `distinct.firstRow`) and `distinct`
 * @example
 * const { matrix, distinct } = await distinctDistances(seqs, { method: 'HAM' });
 * distanceAt(matrix, distinct.rowToDistinct[i], distinct.rowToDistinct[j]);
 */
export async function distinctDistances(
  seqs: StateSequences,
  options: DistanceOptions,
): Promise<{ matrix: DistanceMatrix; distinct: DistinctSequences }> {
  const setup = prepareDistances(seqs, options);
  const d = setup.distinct.firstRow.length;
  checkBudget(condensedBytes(d), options.memoryBudgetBytes, `the ${d} x ${d} matrix of distinct sequences`);
  return { matrix: { n: d, values: await condensedOverDistinct(setup, options) }, distinct: setup.distinct };
}

/**
 * Dissimilarities from every sequence to k reference sequences (TraMineR
 * `seqdist(refseq = ...)` for several references at once), as CLARA needs for its
 * medoids. Costs derived from the data (TRATE, INDELS, CHI2 margins) use `seqs` only.
 *
 * @param seqs the N sequences
 * @param refs row indices of `seqs`, or sequences with the same alphabet
 * @param options method and its parameters
 * @returns N x k distances, row-major: `out[i * k + r]`
 * @example
 * const d = await distancesToReferences(seqs, [12, 40, 77], { method: 'OM', sm: 'TRATE' });
 * d[5 * 3 + 1]; // sequence 5 to reference 1 (row 40)
 */
export async function distancesToReferences(
  seqs: StateSequences,
  refs: readonly number[] | Int32Array | StateSequences,
  options: DistanceOptions,
): Promise<Float64Array> {
  const setup = prepareDistances(seqs, options);
  const refRows = encodeReferences(seqs, refs, setup);
  const k = refRows.n;
  const d = setup.distinct.firstRow.length;
  checkBudget((seqs.n + d) * k * 8, options.memoryBudgetBytes, `the ${seqs.n} x ${k} distances to references`);
  const distinctOut = await distinctToReferences(setup, refRows, options);
  const out = new Float64Array(seqs.n * k);
  const map = setup.distinct.rowToDistinct;
  for (let i = 0; i < seqs.n; i++) out.set(distinctOut.subarray(map[i] * k, map[i] * k + k), i * k);
  return out;
}

function checkBudget(bytes: number, budget: number | undefined, what: string): void {
  checkMemory(bytes, what, {
    budget,
    advice: 'cluster a large panel with CLARA (`loopbaan cluster --algo clara`, which only needs distances to medoids), ' +
      'cluster the distinct sequences (--aggregate) or compute the matrix on a sample',
  });
}

/** The engine problems of the setup's method, when it has them and they fit the engine's workspace (else the pair kernels run). */
function onEngine(setup: DistanceSetup, rowSets: readonly EncodedRows[]): ReturnType<typeof engineProblems> {
  const engine = engineProblems(setup, rowSets);
  return engine && engine.problems.every((p) => fitsEngine(p.t, p.nStates)) ? engine : undefined;
}

function isIdentity(map: Int32Array): boolean {
  for (let i = 0; i < map.length; i++) if (map[i] !== i) return false;
  return true;
}

async function condensedOverDistinct(setup: DistanceSetup, options: DistanceOptions): Promise<Float64Array> {
  const { rows } = setup;
  const progress = options.progress;
  const engine = onEngine(setup, [rows]);
  if (engine) {
    const [p] = engine.problems;
    const values = await omCondensed(p, { threads: options.threads, progress });
    if (setup.norm !== 'none') {
      let k = 0;
      for (let a = 0; a < rows.n; a++) {
        for (let b = a + 1; b < rows.n; b++, k++) values[k] = engine.normalize(values[k], p.lengths[a], p.lengths[b]);
      }
    }
    return values;
  }
  return condensedPairs(setup, rows, { threads: options.threads, progress });
}

async function distinctToReferences(setup: DistanceSetup, refRows: EncodedRows, options: DistanceOptions): Promise<Float64Array> {
  const { rows } = setup;
  const k = refRows.n;
  const engine = onEngine(setup, [rows, refRows]);
  if (engine) {
    const [p, q] = engine.problems;
    const values = await omToReferences(p, q, { threads: options.threads, progress: options.progress });
    if (setup.norm !== 'none') {
      for (let a = 0; a < rows.n; a++) {
        for (let r = 0; r < k; r++) values[a * k + r] = engine.normalize(values[a * k + r], p.lengths[a], q.lengths[r]);
      }
    }
    return values;
  }
  return referencePairs(setup, rows, refRows, { threads: options.threads, progress: options.progress });
}

function encodeReferences(seqs: StateSequences, refs: readonly number[] | Int32Array | StateSequences, setup: DistanceSetup): EncodedRows {
  let encoded: EncodedRows;
  if ('alphabet' in refs) {
    const same = refs.alphabet.codes.length === seqs.alphabet.codes.length && refs.alphabet.codes.every((c, i) => c === seqs.alphabet.codes[i]);
    if (!same) throw new OptionsError('refs', `reference sequences need the alphabet of the data (${seqs.alphabet.codes.join(', ')})`);
    encoded = encodeRows(refs, Int32Array.from({ length: refs.n }, (_, i) => i), new Float64Array(refs.n), setup.withMissing);
  } else {
    const rows = Int32Array.from(refs);
    for (const r of rows) {
      if (!Number.isInteger(r) || r < 0 || r >= seqs.n) throw new OptionsError('refs', `reference row ${r} is not a row of the data (0..${seqs.n - 1})`);
    }
    encoded = encodeRows(seqs, rows, new Float64Array(rows.length), setup.withMissing);
  }
  if (setup.method === 'HAM' || setup.method === 'DHD') {
    const len = setup.rows.lengths[0];
    for (let r = 0; r < encoded.n; r++) {
      if (encoded.lengths[r] !== len) throw new OptionsError('refs', `${setup.method} needs references of the data's length ${len}; reference ${r} has ${encoded.lengths[r]}`);
    }
  }
  return encoded;
}
