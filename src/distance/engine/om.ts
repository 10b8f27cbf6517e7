import { chooseModule, type WasmModule } from './kernel.js';
import { jobPairs, jobUnits, type JobSpec } from './job.js';
import { planThreads, runJob } from './pool.js';
import { problemSize, validateProblem, type AlignmentProblem, type EngineOptions } from './problem.js';
import { plainAlloc, sharedAlloc, sortSequences, type Alloc, type SortedSet } from './sorted.js';

/**
 * Raw optimal-matching distances between all pairs of sequences (TraMineR
 * `seqdist(method = "OM")` before normalisation), by the Needleman-Wunsch
 * recurrence with per-state indel costs
 *   d[i][j] = min(d[i-1][j] + indel[a_i], d[i][j-1] + indel[b_j], d[i-1][j-1] + sm[a_i, b_j]),
 * d[0][0] = 0, distance = d[len a][len b]. Results are bit-identical to this
 * plain double-precision DP (Abbott & Forrest 1986; Studer & Ritschard 2016).
 *
 * @param p sequences (pass distinct sequences: the work grows with D^2) and costs
 * @param opts threads (default all cores for large jobs), progress, kernel choice
 * @returns D*(D-1)/2 distances in the condensed order of src/distance/matrix.ts
 * @example
 * const values = await omCondensed({ codes: Uint8Array.from([0, 1, 1, 1]), t: 2,
 *   lengths: Int32Array.from([2, 2]), nStates: 2, sm: Float64Array.from([0, 2, 2, 0]),
 *   indel: Float64Array.from([1, 1]) });
 * values; // Float64Array [2]
 */
export async function omCondensed(p: AlignmentProblem, opts: EngineOptions = {}): Promise<Float64Array> {
  validateProblem(p);
  const d = problemSize(p);
  const threads = planThreads(opts.threads, jobUnits('condensed', d), jobPairs('condensed', d, d) * p.t * p.t);
  const alloc = threads > 1 ? sharedAlloc : plainAlloc;
  const a = sortSequences(p, alloc);
  const job = makeJob('condensed', p, a, a, alloc);
  await runJob(job, { threads, module: moduleFor(p, opts.kernel), progress: opts.progress });
  return job.out;
}

/**
 * Raw OM distances from every sequence of `p` to every reference sequence
 * (e.g. CLARA medoids), with the costs of `p` (see omCondensed for the definition).
 *
 * @param p sequences (rows of the result)
 * @param refs reference sequences (columns); same states, sm and indel as `p`
 * @param opts threads, progress, kernel choice
 * @returns D x k distances, row-major
 * @example
 * const d = await omToReferences(seqs, medoids); // d[i * k + m]: sequence i to medoid m
 */
export async function omToReferences(p: AlignmentProblem, refs: AlignmentProblem, opts: EngineOptions = {}): Promise<Float64Array> {
  validateProblem(p);
  validateProblem(refs, 'refs');
  if (refs.nStates !== p.nStates || refs.sm.some((c, i) => c !== p.sm[i]) || refs.indel.some((c, i) => c !== p.indel[i])) {
    throw new Error('refs: the reference sequences need the same states, sm and indel as the sequences.');
  }
  const d = problemSize(p);
  const k = problemSize(refs);
  const stride = Math.max(p.t, refs.t);
  const threads = planThreads(opts.threads, jobUnits('refs', d), jobPairs('refs', d, k) * stride * stride);
  const alloc = threads > 1 ? sharedAlloc : plainAlloc;
  const job = makeJob('refs', { ...p, t: stride }, sortSequences(p, alloc, stride), sortSequences(refs, alloc, stride), alloc);
  await runJob(job, { threads, module: moduleFor(p, opts.kernel), progress: opts.progress });
  return job.out;
}

/** The kernel module for a problem: the variants (OMloc, OMslen) exist in WebAssembly only. */
function moduleFor(p: AlignmentProblem, kernel: EngineOptions['kernel']): WasmModule | null {
  if (p.variant && kernel === 'js') throw new Error('OMloc and OMslen have no TypeScript engine kernel (their pair kernels in src/distance are the fallback).');
  return chooseModule(p.variant ? 'wasm' : kernel);
}

/**
 * OMslen: DP rows can be shared with the previous sorted sequence only up to the
 * start of the last spell of their common prefix (that spell's length, and so
 * its weight, may differ). Lowers `lcp` accordingly.
 */
function spellAwareLcp(set: SortedSet, stride: number): void {
  const { codes, lcp } = set;
  for (let q = 1; q < lcp.length; q++) {
    let l = lcp[q];
    if (l === 0) continue;
    const last = codes[q * stride + l - 1];
    while (l > 0 && codes[q * stride + l - 1] === last) l--;
    lcp[q] = l;
  }
}

/** Largest workspace one engine thread may take (its DP profiles grow with t^2). */
const MAX_WORK_BYTES = 256 * 2 ** 20;

/**
 * True when sequences of length t over nStates states fit the engine: its
 * workspace per thread, about 128 (nStates + t + 2)(t + 1) + 8 (t + 1)^2 bytes,
 * stays under 256 MiB (t up to about 1,400 months). Longer sequences go to the
 * pair kernel, whose memory grows with t only.
 *
 * @example
 * fitsEngine(84, 4); // true
 * fitsEngine(4000, 3); // false
 */
export function fitsEngine(t: number, nStates: number): boolean {
  const t1 = t + 1;
  return (nStates + 1 + t1) * t1 * 128 + t1 * t1 * 8 + 256 <= MAX_WORK_BYTES;
}

function makeJob(kind: JobSpec['kind'], p: AlignmentProblem, a: SortedSet, b: SortedSet, alloc: Alloc): JobSpec {
  if (p.variant?.mode.startsWith('omslen')) spellAwareLcp(b, p.t);
  const copy = (x: Float64Array) => {
    const y = new Float64Array(alloc(x.byteLength));
    y.set(x);
    return y;
  };
  return {
    kind,
    a,
    b,
    nStates: p.nStates,
    t: p.t,
    sm: copy(p.sm),
    indel: copy(p.indel),
    out: new Float64Array(alloc(jobPairs(kind, a.order.length, b.order.length) * 8)),
    next: new Int32Array(alloc(4)),
    done: new BigInt64Array(alloc(8)),
    variant: p.variant,
  };
}
