import { assignToMedoidSequences } from '../../cluster/assign.js';
import { clusterSequences } from '../../cluster/pipeline.js';
import { QUALITY_INDICES } from '../../cluster/quality.js';
import { microdataLog } from '../../disclosure/control.js';
import { csvText } from '../../disclosure/csv.js';
import { silentProgress, stderrProgress } from '../../progress.js';
import { makeAlphabet } from '../../sequences/alphabet.js';
import { distinctSequences } from '../../sequences/distinct.js';
import { createSequences } from '../../sequences/create.js';
import { fileColumns, loadPanel } from '../../ingest/load.js';
import { MISSING, type StateSequences } from '../../sequences/types.js';
import { integerOption, parseOptions, stringOption, type OptionValues } from '../args.js';
import { DISTANCE_FILES, DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions, readDistanceMatrix } from '../distance-options.js';
import { INPUT_FILES, INPUT_OPTIONS, INPUT_USAGE, inputLimits, loadInput } from '../input-options.js';
import { requirePanelSize, wholePanelLog, writeDisclosureLog } from '../disclosure-options.js';
import { checkOutputs, writeOutput } from '../output.js';
import type { Command } from '../main.js';
import { InputError, OptionsError } from '../../errors.js';

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
  'min-cell': { type: 'string' },
  log: { type: 'string' },
  medoids: { type: 'string' },
  costs: { type: 'string' },
  assign: { type: 'string' },
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
  --dist FILE               a matrix as \`loopbaan dist\` writes it (headerless N x N CSV, or the condensed
                            binary layout), instead of computing distances (with --input too: ids and
                            weights from the input)
  --aggregate               cluster the distinct sequences with their weights (WeightedCluster
                            style; smaller matrix; Ward then uses the weights as cluster sizes)
  --seed S                  clara: seed of the samples (default 1)
  --samples N               clara: number of samples (default 20)
  --sample-size N           clara: draws per sample (default 40 + 2 max k)
  --out FILE                labels CSV (default: standard output)
  --quality FILE            quality table: k,PBC,HG,HGSD,ASW,ASWw,CH,R2,CHsq,R2sq,HC
  --quality-sample N        clara: estimate the quality table on N distinct sequences (default 3000)
  --medoids FILE            also write the medoid sequences (cluster,id,months...; with --k), for --assign
  --costs FILE              also write the substitution costs derived from the data (--sm TRATE, ...),
                            readable by --sm FILE
  --assign FILE             instead of clustering: put every sequence of --input in the cluster of its
                            nearest medoid in FILE (a --medoids file), CLARA's assignment step; with
                            --sm FILE (the --costs of that run) and its --indel, the labels of a panel's
                            parts together are the labels of the run on the whole panel
  --log FILE                the output-check log (table,cell,kind,persons,rule); default FILE.disclosure.csv
                            beside --out: the labels are microdata (one row per person, with ids: for work
                            inside the secure environment), the quality table rests on the whole panel
  --min-cell N              with --quality: a panel of fewer than N persons is refused (default 10; 1: off)

${INPUT_USAGE}
${DISTANCE_USAGE}
Numbering: Ward as R's cutree (by first appearance in row order); pam and clara number
clusters by first appearance too, as cluster::pam.

examples:
  loopbaan cluster --input mvad.csv --format wide --cols Sep.93..Jun.99 --id id \\
    --method OM --sm TRATE --indel 1 --algo ward.D --range 2:8 --out labels.csv --quality quality.csv
  # a panel too large for one run: CLARA on one part, then every part assigned in its own process
  loopbaan cluster --input part-0.parquet --states trial,work_jc,work,none --method OM --sm TRATE \\
    --algo clara --k 4 --out labels-0.csv --medoids medoids.csv --costs costs.csv
  loopbaan cluster --input part-1.parquet --states trial,work_jc,work,none --method OM --sm costs.csv \\
    --assign medoids.csv --out labels-1.csv
`,
  async run(args) {
    const values = parseOptions(args, SPEC);
    if (stringOption(values, 'assign') !== undefined) return assign(values);
    if (values.algo === undefined) throw new OptionsError('--algo', 'is required (or --assign FILE)');
    const algo = stringOption(values, 'algo') as Algo;
    if (!ALGOS.includes(algo)) throw new OptionsError('--algo', `must be one of ${ALGOS.join(', ')}; got "${algo}"`);
    const ks = parseKs(stringOption(values, 'k'), stringOption(values, 'range'));
    const distFile = stringOption(values, 'dist');
    if (!distFile && !stringOption(values, 'input')) throw new OptionsError('--input', 'is required unless --dist FILE.csv gives a distance matrix');
    if (distFile && algo === 'clara') throw new OptionsError('--dist', '--algo clara computes its own distances to medoids; give --input instead of --dist');
    await checkOutputs(values, ['out', 'quality', 'log', 'medoids', 'costs'], [...INPUT_FILES, ...DISTANCE_FILES, 'dist']);
    if (stringOption(values, 'medoids') && stringOption(values, 'range')) throw new OptionsError('--medoids', 'writes the medoids of one k: give --k, not --range');
    if (stringOption(values, 'medoids') && !stringOption(values, 'input')) throw new OptionsError('--medoids', 'writes medoid sequences: give --input');
    const quiet = values.quiet === true;
    const progress = quiet ? silentProgress : stderrProgress();
    const loaded = stringOption(values, 'input') ? (await loadInput(values)).sequences : undefined;
    const matrix = distFile ? await readDistanceMatrix(distFile) : undefined;
    if (loaded && matrix && loaded.n !== matrix.n) throw new OptionsError('--dist', `has ${matrix.n} rows but --input has ${loaded.n} sequences; expected one row per sequence`);
    if (matrix) checkClusterCount(ks, algo, matrix.n, `rows in ${distFile}`, stringOption(values, 'range'));
    else if (loaded && algo !== 'clara') {
      const aggregate = values.aggregate === true;
      checkClusterCount(ks, algo, aggregate ? distinctSequences(loaded).firstRow.length : loaded.n, aggregate ? 'distinct sequences' : 'sequences', stringOption(values, 'range'));
    }
    // with --dist alone, placeholder sequences carry the row count (ids 1..n, weights 1)
    const seqs = loaded ?? placeholderSequences(matrix!.n);
    if (stringOption(values, 'quality')) requirePanelSize(seqs.n, integerOption(values, 'min-cell', 10, 1));
    const options = loaded && !matrix ? distanceOptions(values, loaded) : undefined;
    const maxK = ks[ks.length - 1];
    const result = await clusterSequences(seqs, {
      distance: options, matrix, ks, k: ks[0],
      algorithm: algo === 'clara' ? 'clara' : algo === 'pam' ? 'pam' : 'ward',
      linkage: algo === 'ward.D2' ? 'ward.D2' : 'ward.D',
      aggregate: values.aggregate === true || algo === 'clara',
      memoryBudgetBytes: options?.memoryBudgetBytes,
      samples: algo === 'clara' ? integerOption(values, 'samples', 20, 1) : undefined,
      sampleSize: algo === 'clara' ? integerOption(values, 'sample-size', 40 + 2 * maxK, maxK + 1) : undefined,
      seed: integerOption(values, 'seed', 1),
      qualitySample: integerOption(values, 'quality-sample', 3000, 10),
      threads: options?.threads,
      progress,
    });
    if (!quiet && result.qualitySample !== null && stringOption(values, 'quality')) {
      process.stderr.write(`quality indices estimated on ${result.qualitySample} of ${result.items} distinct sequences (--quality-sample)\n`);
    }
    const labels = result.labelsByK;
    const ids = seqs.ids;
    const header = ['id', ...(stringOption(values, 'range') ? ks.map((k) => `k${k}`) : ['cluster'])];
    const rows = [header, ...ids.map((id, i) => [id, ...labels.map((l) => String(l[i]))])];
    await writeOutput(stringOption(values, 'out'), csvText(rows));
    const qualityFile = stringOption(values, 'quality');
    if (qualityFile) {
      const table = [['k', ...QUALITY_INDICES], ...result.quality.map((q, r) => [String(ks[r]), ...QUALITY_INDICES.map((name) => String(q[name]))])];
      await writeOutput(qualityFile, csvText(table));
    }
    const quality = qualityFile ? wholePanelLog('quality', ks.flatMap((k) => QUALITY_INDICES.map((q) => `${k}.${q}`)), seqs.n) : [];
    const medoidsFile = stringOption(values, 'medoids');
    if (medoidsFile) await writeOutput(medoidsFile, csvText(medoidRows(seqs, result.medoids)));
    const costsFile = stringOption(values, 'costs');
    if (costsFile) {
      if (!result.costs || result.costs.timeVarying) throw new OptionsError('--costs', 'writes substitution costs derived from the data (--sm TRATE, CONSTANT, INDELS, ...), one matrix for every month');
      const { states, nStates, sm } = result.costs;
      await writeOutput(costsFile, csvText([['', ...states], ...states.map((s, i) => [s, ...Array.from(sm.subarray(i * nStates, (i + 1) * nStates), String)])]));
    }
    const medoidLog = medoidsFile ? [microdataLog('medoids', result.medoids.length)] : [];
    // costs from the data (TRATE: 2 - p(a->b) - p(b->a)) give rare transitions' rates: for the output check, microdata
    const costsLog = costsFile ? [microdataLog('costs', seqs.n)] : [];
    await writeDisclosureLog(values, [microdataLog('labels', seqs.n), ...quality, ...medoidLog, ...costsLog]);
    return 0;
  },
};

/** The medoids as a wide CSV: cluster, id and the state of each month ('*' missing, empty past the end), in row order (CLARA's order, which settles ties). */
function medoidRows(seqs: StateSequences, medoids: Int32Array): string[][] {
  const order = Array.from(medoids, (row, c) => ({ row, cluster: c + 1 })).sort((a, b) => a.row - b.row);
  const { t, codes, lengths, alphabet } = seqs;
  return [
    ['cluster', 'id', ...seqs.timeLabels],
    ...order.map(({ row, cluster }) => [
      String(cluster), seqs.ids[row],
      ...Array.from(codes.subarray(row * t, row * t + t), (c, j) => (j >= lengths[row] ? '' : c === MISSING ? '*' : alphabet.codes[c])),
    ]),
  ];
}

/** `--assign FILE`: every sequence of --input to the cluster of its nearest medoid in FILE (CLARA's assignment). */
async function assign(values: OptionValues): Promise<number> {
  for (const option of ['algo', 'k', 'range', 'dist', 'quality', 'medoids', 'costs'] as const) {
    if (values[option] !== undefined) throw new OptionsError(`--${option}`, 'does not apply with --assign (the clusters are those of the medoids file)');
  }
  const file = stringOption(values, 'assign')!;
  await checkOutputs(values, ['out', 'log'], [...INPUT_FILES, ...DISTANCE_FILES, 'assign']);
  const { sequences } = await loadInput(values);
  const header = await fileColumns(file);
  if (header[0] !== 'cluster' || header[1] !== 'id' || header.length < 3) {
    throw new InputError(file, 1, undefined, `the header is ${header.slice(0, 3).join(',')}...; expected cluster,id and the months, as cluster --medoids writes them`);
  }
  const { sequences: medoids } = await loadPanel({ format: 'wide', input: file, id: 'id', cols: `${header[2]}..${header[header.length - 1]}`, states: sequences.alphabet.codes, ...inputLimits(values) });
  const clusters = Int32Array.from(medoids.covariates.array('cluster') as ArrayLike<unknown>, Number);
  const quiet = values.quiet === true;
  const { labels } = await assignToMedoidSequences(sequences, medoids, { distance: { ...distanceOptions(values, sequences), progress: quiet ? silentProgress : stderrProgress() }, clusters });
  await writeOutput(stringOption(values, 'out'), csvText([['id', 'cluster'], ...sequences.ids.map((id, i) => [id, String(labels[i])])]));
  await writeDisclosureLog(values, [microdataLog('labels', sequences.n)]);
  return 0;
}

/**
 * Every k must fit the items clustered: Ward cuts at most `items` clusters
 * (and needs 2 items), PAM fewer than `items`.
 */
function checkClusterCount(ks: readonly number[], algo: Algo, items: number, what: string, range: string | undefined): void {
  const kmax = ks[ks.length - 1];
  const limit = algo === 'pam' ? items - 1 : items;
  if (items >= 2 && kmax <= limit) return;
  throw new OptionsError(range === undefined ? '--k' : '--range', `${kmax} clusters need at least ${algo === 'pam' ? kmax + 1 : Math.max(2, kmax)} ${what}; the input has ${items}`);
}

/** --k K or --range A:B as a list of k (exactly one of them). */
function parseKs(k: string | undefined, range: string | undefined): number[] {
  if ((k === undefined) === (range === undefined)) throw new OptionsError(undefined, 'give either --k K or --range A:B');
  if (k !== undefined) {
    const x = Number(k);
    if (!Number.isInteger(x) || x < 2) throw new OptionsError('--k', `must be a whole number >= 2; got "${k}"`);
    return [x];
  }
  const m = /^(\d+):(\d+)$/.exec(range!);
  if (!m || Number(m[1]) < 2 || Number(m[2]) < Number(m[1])) throw new OptionsError('--range', `must be A:B with 2 <= A <= B, e.g. 2:8; got "${range}"`);
  return Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
}

/** Sequences standing for the rows of a distance matrix read with --dist alone: ids 1..n, weights 1. */
function placeholderSequences(n: number): StateSequences {
  return createSequences({ alphabet: makeAlphabet(['x']), n, t: 1, codes: new Uint8Array(n), ids: Array.from({ length: n }, (_, i) => String(i + 1)) });
}
