import { clara, fixedCostOptions } from '../../cluster/clara.js';
import { cutree } from '../../cluster/cutree.js';
import { hclust, type LinkageMethod } from '../../cluster/hclust.js';
import { pam } from '../../cluster/pam.js';
import { QUALITY_INDICES } from '../../cluster/quality.js';
import { clusterRange } from '../../cluster/range.js';
import { csvText } from '../../disclosure/csv.js';
import { distances, distinctDistances, DEFAULT_MEMORY_BUDGET } from '../../distance/compute.js';
import { condensedBytes, type DistanceMatrix } from '../../distance/matrix.js';
import { ResourceError } from '../../errors.js';
import { silentProgress, stderrProgress, type ProgressReporter } from '../../progress.js';
import { selectRows } from '../../sequences/select.js';
import type { StateSequences } from '../../sequences/types.js';
import { sampleWithoutReplacement, seededRandom } from '../../stats/random.js';
import { integerOption, parseOptions, stringOption } from '../args.js';
import { DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions, readDistanceMatrix } from '../distance-options.js';
import { INPUT_OPTIONS, INPUT_USAGE, loadInput } from '../input-options.js';
import { writeOutput } from '../output.js';
import { UsageError, type Command } from '../main.js';

const ALGOS = ['ward.D', 'ward.D2', 'pam', 'clara'] as const;
type Algo = (typeof ALGOS)[number];

const SPEC = {
  ...INPUT_OPTIONS,
  ...DISTANCE_OPTIONS,
  dist: { type: 'string' },
  algo: { type: 'string' },
  k: { type: 'string' },
  range: { type: 'string' },
  seed: { type: 'string' },
  samples: { type: 'string' },
  'sample-size': { type: 'string' },
  aggregate: { type: 'boolean' },
  out: { type: 'string' },
  quality: { type: 'string' },
  'quality-sample': { type: 'string' },
} as const;

export const command: Command = {
  summary: 'cluster trajectories: Ward, PAM or CLARA; labels and quality indices',
  usage: `usage: loopbaan cluster (--input FILE [input and distance options] | --dist FILE.csv)
                        --algo ward.D|ward.D2|pam|clara (--k K | --range A:B) [options]

Clusters sequences and writes id,cluster in input row order (with --range: id,k2,k3,...).

cluster options:
  --algo A                  ward.D, ward.D2 (R's hclust), pam (cluster::pam BUILD + SWAP),
                            clara (samples + PAM, for large panels; needs --input)
  --k K | --range A:B       number of clusters, or every k from A to B
  --dist FILE.csv           a headerless N x N matrix as \`loopbaan dist\` writes it, instead of
                            computing distances (with --input too: ids and weights from the input)
  --aggregate               cluster the distinct sequences with their weights (WeightedCluster
                            style; smaller matrix; Ward then uses the weights as cluster sizes)
  --seed S                  clara: seed of the samples (default 1)
  --samples N               clara: number of samples (default 20)
  --sample-size N           clara: draws per sample (default 40 + 2 max k)
  --out FILE                labels CSV (default: standard output)
  --quality FILE            quality table: k,PBC,HG,HGSD,ASW,ASWw,CH,R2,CHsq,R2sq,HC
  --quality-sample N        clara: estimate the quality table on N distinct sequences (default 3000)

${INPUT_USAGE}
${DISTANCE_USAGE}
Numbering: Ward as R's cutree (by first appearance in row order); pam and clara number
clusters by first appearance too, as cluster::pam.

example:
  loopbaan cluster --input mvad.csv --format wide --cols Sep.93..Jun.99 --id id \\
    --method OM --sm TRATE --indel 1 --algo ward.D --range 2:8 --out labels.csv --quality quality.csv
`,
  async run(args) {
    const values = parseOptions(args, SPEC, ['algo']);
    const algo = stringOption(values, 'algo') as Algo;
    if (!ALGOS.includes(algo)) throw new UsageError(`--algo must be one of ${ALGOS.join(', ')}; got "${algo}"`);
    const ks = parseKs(stringOption(values, 'k'), stringOption(values, 'range'));
    const distFile = stringOption(values, 'dist');
    if (!distFile && !stringOption(values, 'input')) throw new UsageError('give --input FILE (sequences) or --dist FILE.csv (a distance matrix)');
    if (distFile && algo === 'clara') throw new UsageError('--algo clara computes its own distances to medoids; give --input instead of --dist');
    const quiet = values.quiet === true;
    const progress = quiet ? silentProgress : stderrProgress();
    const seqs = stringOption(values, 'input') ? (await loadInput(values)).sequences : undefined;

    let labels: Int32Array[];
    let quality: string[][] | undefined;
    if (algo === 'clara') {
      const options = distanceOptions(values, seqs!);
      const samples = integerOption(values, 'samples', 20, 1);
      const sampleSize = integerOption(values, 'sample-size', 40 + 2 * ks[ks.length - 1], ks[ks.length - 1] + 1);
      const seed = integerOption(values, 'seed', 1);
      const result = await clara(seqs!, ks, { distance: options, samples, sampleSize, seed, threads: options.threads, progress });
      labels = result.solutions.map((s) => s.labels);
      if (!quiet) {
        for (const s of result.solutions) process.stderr.write(`k=${s.k}: mean distance to medoids ${s.meanDistance.toPrecision(6)}, medoid silhouette ${s.medoidSilhouette.toFixed(4)}\n`);
      }
      if (stringOption(values, 'quality')) {
        const size = integerOption(values, 'quality-sample', 3000, 10);
        quality = await sampledQuality(seqs!, labels, ks, options, size, seed, quiet);
      }
    } else {
      // The matrix to cluster, over rows or (with --aggregate) distinct sequences.
      let matrix: DistanceMatrix;
      let weights: Float64Array | undefined = seqs?.weights;
      let rowToItem: Int32Array | undefined;
      if (distFile) {
        matrix = await readDistanceMatrix(distFile);
        if (seqs && seqs.n !== matrix.n) throw new UsageError(`--dist has ${matrix.n} rows but --input has ${seqs.n} sequences`);
      } else {
        const options = distanceOptions(values, seqs!);
        if (values.aggregate === true) {
          const r = await distinctDistances(seqs!, { ...options, progress });
          matrix = r.matrix;
          weights = r.distinct.weights;
          rowToItem = r.distinct.rowToDistinct;
        } else {
          const budget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET;
          if (condensedBytes(seqs!.n) > budget) {
            throw new ResourceError(
              `the ${seqs!.n} x ${seqs!.n} distance matrix needs ${(condensedBytes(seqs!.n) / 2 ** 30).toFixed(2)} GiB, above the budget; ` +
                'add --aggregate (distinct sequences only), use --algo clara, or raise --memory-budget',
            );
          }
          matrix = await distances(seqs!, { ...options, progress });
        }
      }
      let itemLabels: Int32Array[];
      if (algo === 'pam') itemLabels = ks.map((k) => pam(matrix, k, { weights, progress }).labels);
      else {
        const tree = hclust(matrix, { method: algo as LinkageMethod, weights, progress });
        itemLabels = ks.map((k) => cutree(tree, k));
      }
      labels = rowToItem ? itemLabels.map((l) => Int32Array.from(rowToItem!, (x) => l[x])) : itemLabels;
      if (stringOption(values, 'quality')) quality = qualityRows(matrix, itemLabels, ks, weights, progress);
    }

    const ids = seqs ? seqs.ids : Array.from({ length: labels[0].length }, (_, i) => String(i + 1));
    const header = ['id', ...(stringOption(values, 'range') ? ks.map((k) => `k${k}`) : ['cluster'])];
    const rows = [header, ...ids.map((id, i) => [id, ...labels.map((l) => String(l[i]))])];
    await writeOutput(stringOption(values, 'out'), csvText(rows));
    const qualityFile = stringOption(values, 'quality');
    if (qualityFile && quality) await writeOutput(qualityFile, csvText(quality));
    return 0;
  },
};

/** --k K or --range A:B as a list of k (exactly one of them). */
function parseKs(k: string | undefined, range: string | undefined): number[] {
  if ((k === undefined) === (range === undefined)) throw new UsageError('give either --k K or --range A:B');
  if (k !== undefined) {
    const x = Number(k);
    if (!Number.isInteger(x) || x < 2) throw new UsageError(`--k must be an integer >= 2; got "${k}"`);
    return [x];
  }
  const m = /^(\d+):(\d+)$/.exec(range!);
  if (!m || Number(m[1]) < 2 || Number(m[2]) < Number(m[1])) throw new UsageError(`--range must be A:B with 2 <= A <= B, e.g. 2:8; got "${range}"`);
  return Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
}

/** The quality table rows (header first) for partitions of the matrix's items. */
function qualityRows(
  matrix: DistanceMatrix,
  labels: Int32Array[],
  ks: number[],
  weights: ArrayLike<number> | undefined,
  progress?: ProgressReporter,
): string[][] {
  const range = clusterRange(matrix, labels, { weights, progress });
  return [['k', ...QUALITY_INDICES], ...range.quality.map((q, r) => [String(ks[r]), ...QUALITY_INDICES.map((name) => String(q[name]))])];
}

/**
 * CLARA quality: the indices need all pairwise distances, so they are estimated
 * on a uniform sample of the distinct sequences, each with its total weight
 * (exact when there are at most `size` distinct sequences).
 */
async function sampledQuality(
  seqs: StateSequences,
  labels: Int32Array[],
  ks: number[],
  options: ReturnType<typeof distanceOptions>,
  size: number,
  seed: number,
  quiet: boolean,
): Promise<string[][]> {
  const fixed = fixedCostOptions(seqs, options);
  const distinct = fixed.distinct;
  const d = distinct.firstRow.length;
  const pick = d <= size ? Int32Array.from({ length: d }, (_, q) => q) : sampleWithoutReplacement(seededRandom(seed), d, size).sort();
  const rows = Int32Array.from(pick, (q) => distinct.firstRow[q]);
  const sample = selectRows(seqs, rows);
  const { matrix } = await distinctDistances(sample, fixed.optionsFor(sample));
  if (!quiet && d > size) process.stderr.write(`quality indices estimated on ${size} of ${d} distinct sequences (--quality-sample)\n`);
  const weights = Float64Array.from(pick, (q) => distinct.weights[q]);
  return qualityRows(matrix, labels.map((l) => Int32Array.from(rows, (r) => l[r])), ks, weights);
}
