import { compareClusterings, COMPARED_LINKAGES } from '../../cluster/compare.js';
import { cutree } from '../../cluster/cutree.js';
import { hclust } from '../../cluster/hclust.js';
import { QUALITY_INDICES } from '../../cluster/quality.js';
import { bootstrapClusterRange, nullModelQuality, type NullModel, type ValidationClustering } from '../../cluster/validation.js';
import { nullModelPlot } from '../../charts/nullModelPlot.js';
import { csvText } from '../../disclosure/csv.js';
import { distinctDistances } from '../../distance/compute.js';
import { OptionsError } from '../../errors.js';
import { silentProgress, stderrProgress } from '../../progress.js';
import { integerOption, parseOptions, stringOption } from '../args.js';
import { DISCLOSURE_OPTIONS, disclosureOptions, requirePanelSize, wholePanelLog, writeDisclosureLog } from '../disclosure-options.js';
import { DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions } from '../distance-options.js';
import { checkExplainOutputs, writeChart, writeResult } from '../explain-options.js';
import { INPUT_OPTIONS, INPUT_USAGE, loadInput } from '../input-options.js';
import type { Command } from '../main.js';

const SPEC = {
  ...INPUT_OPTIONS,
  ...DISTANCE_OPTIONS,
  what: { type: 'string' },
  kmax: { type: 'string' },
  model: { type: 'string' },
  replicates: { type: 'string' },
  clustering: { type: 'string' },
  'sample-size': { type: 'string' },
  'quality-sample': { type: 'string' },
  seed: { type: 'string' },
  figure: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  ...DISCLOSURE_OPTIONS,
} as const;

export const command: Command = {
  summary: 'validate a typology: quality against null models, bootstrap stability, methods compared (WeightedCluster)',
  usage: `usage: loopbaan validate --input FILE [input and distance options] --what null|bootstrap|compare
                         [--kmax 8] [--seed 1] [--json] [--out FILE] [options below]

--what null (WeightedCluster seqnullcqi): clusters the data and --replicates null data sets
  for k = 2..kmax and standardises each quality index by the null distribution. CSV columns
  index,k,observed,null_mean,null_sd,standardized,maxt_low,maxt_high (max-T: 95% interval of
  the null maximum over k of the standardised index).
  --model M                 combined (default), duration or sequencing
  --replicates R            null data sets (default 100)
  --clustering C            ward (default; Ward on the distinct sequences), pam (k-medoids from
                            the Ward cut) or clara (large panels: quality on --quality-sample)
  --quality-sample N        clara: distinct sequences for the quality indices (default 3000)
  --figure FILE             standardised indices per k with the max-T band (.svg or .png)
--what bootstrap (bootclustrange): Ward cuts k = 2..kmax, then --replicates subsamples of
  --sample-size persons (default 1000) stratified by the largest partition. CSV columns
  index,k,mean,sd.
--what compare (wcCmpCluster): ${COMPARED_LINKAGES.join(', ')}, each with k-medoids from its
  cuts (pam.<method>), and pam. CSV columns method,k,${QUALITY_INDICES.join(',')}.
Everything is seeded (--seed, default 1); distances run on the worker threads (--threads).
Disclosure control: every number rests on the whole panel, so a panel of fewer than --min-cell
persons (default 10) is refused; the output-check log (one line per number) goes to --log FILE or
beside --out as FILE.disclosure.csv.

${DISTANCE_USAGE}
${INPUT_USAGE}
examples:
  loopbaan validate --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --what null --replicates 100 --kmax 8 --figure null.svg
  loopbaan validate --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --what compare --kmax 8
  loopbaan validate --input months.csv --persons persons.csv --what null --clustering clara --replicates 20
`,
  async run(args) {
    const values = parseOptions(args, SPEC, ['input', 'what']);
    const what = stringOption(values, 'what');
    if (what !== 'null' && what !== 'bootstrap' && what !== 'compare') throw new OptionsError('--what', `must be null, bootstrap or compare; got "${what}"`);
    const kmax = integerOption(values, 'kmax', 8, 2);
    const seed = integerOption(values, 'seed', 1);
    const progress = values.quiet === true ? silentProgress : stderrProgress();
    await checkExplainOutputs(values);
    const { sequences: seqs } = await loadInput(values);
    requirePanelSize(seqs.n, disclosureOptions(values).minCell);
    const log = (cells: string[]) => writeDisclosureLog(values, wholePanelLog(`validate ${what}`, cells, seqs.n));
    const distance = distanceOptions(values, seqs);
    const threads = distance.threads;
    if (what === 'compare') {
      const { matrix, distinct } = await distinctDistances(seqs, { ...distance, progress });
      const cmp = compareClusterings(matrix, { weights: distinct.weights, kmax, progress });
      await writeResult(values, { table: cmp.table, best: cmp.best }, () =>
        csvText([['method', 'k', ...QUALITY_INDICES], ...cmp.table.map((r) => [r.method, String(r.k), ...QUALITY_INDICES.map((i) => String(r[i]))])]),
      );
      await log(cmp.table.flatMap((r) => QUALITY_INDICES.map((i) => `${r.method}.${r.k}.${i}`)));
      return 0;
    }
    const replicates = integerOption(values, 'replicates', 100, 2);
    if (what === 'bootstrap') {
      const { matrix, distinct } = await distinctDistances(seqs, { ...distance, progress });
      const tree = hclust(matrix, { method: 'ward.D', weights: distinct.weights });
      const partitions = Array.from({ length: kmax - 1 }, (_, i) => {
        const cut = cutree(tree, i + 2);
        return Int32Array.from(distinct.rowToDistinct, (d) => cut[d]);
      });
      const b = await bootstrapClusterRange(seqs, partitions, { distance, replicates, sampleSize: integerOption(values, 'sample-size', 1000, 10), seed, threads, progress });
      await writeResult(values, { ks: b.ks, mean: b.mean, sd: b.sd }, () =>
        csvText([['index', 'k', 'mean', 'sd'], ...QUALITY_INDICES.flatMap((i) => b.ks.map((k, c) => [i, String(k), String(b.mean[i][c]), String(b.sd[i][c])]))]),
      );
      await log(QUALITY_INDICES.flatMap((i) => b.ks.flatMap((k) => [`${i}.${k}.mean`, `${i}.${k}.sd`])));
      return 0;
    }
    const clustering = (stringOption(values, 'clustering') ?? 'ward') as ValidationClustering;
    if (!['ward', 'pam', 'clara'].includes(clustering)) throw new OptionsError('--clustering', `must be ward, pam or clara; got "${clustering}"`);
    const v = await nullModelQuality(seqs, {
      distance, model: (stringOption(values, 'model') ?? 'combined') as NullModel, replicates, kmax, clustering, seed, threads, progress,
      qualitySample: integerOption(values, 'quality-sample', 3000, 10),
    });
    await writeResult(values, { ks: v.ks, model: v.model, replicates: v.replicates, observed: v.observed, null_mean: v.nullMean, null_sd: v.nullSd, standardized: v.standardized, max_t: v.maxT }, () =>
      csvText([
        ['index', 'k', 'observed', 'null_mean', 'null_sd', 'standardized', 'maxt_low', 'maxt_high'],
        ...QUALITY_INDICES.flatMap((i) => v.ks.map((k, c) => [i, String(k), String(v.observed[i][c]), String(v.nullMean[i][c]), String(v.nullSd[i][c]), String(v.standardized[i][c]), String(v.maxT[i][0]), String(v.maxT[i][1])])),
      ]),
    );
    await log(QUALITY_INDICES.flatMap((i) => v.ks.flatMap((k) => ['observed', 'null_mean', 'null_sd', 'standardized', 'maxt_low', 'maxt_high'].map((x) => `${i}.${k}.${x}`))));
    const figure = stringOption(values, 'figure');
    if (figure) await writeChart(nullModelPlot(v, { lang: stringOption(values, 'lang') === 'nl' ? 'nl' : 'en' }), figure);
    return 0;
  },
};
