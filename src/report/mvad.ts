import type { Lang } from '../charts/i18n.js';
import { clusterPanels } from '../charts/clusterPanels.js';
import { clusterQualityPlot } from '../charts/clusterQualityPlot.js';
import { describeClusters, type ClusterDescription } from '../cluster/describe-clusters.js';
import { loadPanel } from '../ingest/load.js';
import { formatIngestReport, type IngestReport } from '../ingest/report.js';
import type { ProgressReporter } from '../progress.js';
import type { StateSequences } from '../sequences/types.js';
import { listHtml, paragraph, preHtml, renderPage, type ReportSection } from './html.js';
import { qualityRows } from './jobcoach-results.js';
import type { WriteReportOptions, WrittenReport } from './jobcoach-report.js';
import { ReportFiles } from './output.js';
import { summarisePanel, type PanelSummary } from './panel-summary.js';
import { panelTable, qualityTable, qualityText } from './common-sections.js';
import { fill, formatNumber, pick } from './texts.js';
import { sequenceTypology, type SequenceTypology } from './typology.js';

/** Options of `runMvadStudy`. */
export interface MvadStudyOptions {
  /** The mvad file in wide format (TraMineR's `mvad` data as CSV), or sequences already loaded. */
  input?: string;
  sequences?: StateSequences;
  /** Month columns (default `Sep.93..Jun.99`, the 70 months of the standard example). */
  cols?: string;
  /** Id column (default `id`). */
  id?: string;
  /** Case-weight column (default none: unweighted, as the standard example). */
  weight?: string;
  /** Number of clusters (default 4) and the range of the quality table (default [2, 8]). */
  k?: number;
  kRange?: readonly [number, number];
  threads?: number;
  progress?: ProgressReporter;
}

/** The mvad typology and what it rests on. */
export interface MvadStudy {
  readonly sequences: StateSequences;
  readonly panel: PanelSummary;
  readonly ingest?: IngestReport;
  readonly typology: SequenceTypology;
  readonly clusters: readonly ClusterDescription[];
  /** Machine-readable results (results.json). */
  readonly results: {
    study: 'mvad';
    n_persons: number;
    k: number;
    method: string;
    clusters: { id: number; n: number; share: number; medoid_row: number; medoid_id: string; medoid: string; mean_time: Record<string, number> }[];
    labels: { id: string; cluster: number }[];
    cluster_quality: Record<string, number | null>[];
    best_k: Record<string, number>;
    ingest: IngestReport | null;
  };
}

/**
 * The standard mvad typology every TraMineR user knows (Gabadinho et al.
 * 2011; McVicar and Anyadike-Danes 2002): the 712 school leavers' 70 months
 * Sep.93..Jun.99, optimal matching with TRATE substitution costs and indel 1
 * (`seqdist(mvad.seq, method = "OM", indel = 1, sm = "TRATE")`), Ward's
 * clustering of the rows (`hclust(as.dist(d), method = "ward.D")`), the cut
 * into k = 4 (`cutree`, clusters numbered as R numbers them) and the quality
 * indices of WeightedCluster's `as.clustrange` for k = 2..8.
 *
 * @param options the file (or sequences), columns, id, weight, k, range
 * @returns sequences, typology, cluster descriptions and results.json
 * @example
 * const mvad = await runMvadStudy({ input: 'mvad.csv' });
 * mvad.results.clusters.map((c) => c.n); // cluster sizes
 */
export async function runMvadStudy(options: MvadStudyOptions): Promise<MvadStudy> {
  const { k = 4, kRange = [2, Math.max(8, k)], progress } = options;
  let sequences: StateSequences;
  let ingest: IngestReport | undefined;
  if (options.sequences) sequences = options.sequences;
  else {
    if (!options.input) throw new Error('runMvadStudy: give the input file (wide mvad CSV) or sequences.');
    const loaded = await loadPanel({ format: 'wide', input: options.input, cols: options.cols ?? 'Sep.93..Jun.99', id: options.id ?? 'id', weight: options.weight, progress });
    sequences = loaded.sequences;
    ingest = loaded.report;
  }
  const typology = await sequenceTypology(sequences, { k, kRange, indel: 1, aggregate: false, threads: options.threads, progress });
  const clusters = describeClusters(sequences, typology.labels, { medoids: typology.medoids });
  const results: MvadStudy['results'] = {
    study: 'mvad',
    n_persons: sequences.n,
    k,
    method: typology.method,
    clusters: clusters.map((c) => ({
      id: c.cluster, n: c.size, share: c.share, medoid_row: c.medoid, medoid_id: sequences.ids[c.medoid], medoid: c.label,
      mean_time: Object.fromEntries(c.states.map((s, j) => [s, c.meanTime[j]])),
    })),
    labels: Array.from(typology.labels, (cluster, i) => ({ id: sequences.ids[i], cluster })),
    cluster_quality: qualityRows(typology.range),
    best_k: { ...typology.range.best },
    ingest: ingest ?? null,
  };
  return { sequences, panel: summarisePanel(sequences), ingest, typology, clusters, results };
}

/**
 * Write the mvad report: `DIR/index.html` (self-contained) with the cluster
 * panels (chronogram and index plot per cluster), the cluster sizes, the
 * quality table and plot, the ingest report and the methods; figures as SVG
 * and PNG, tables as CSV, and results.json (with every person's cluster).
 *
 * @param study a result of `runMvadStudy`
 * @param options out (default reports/out/mvad), lang, progress
 * @example
 * await writeMvadReport(await runMvadStudy({ input: 'mvad.csv' }), { out: 'reports/out/mvad' });
 */
export async function writeMvadReport(study: MvadStudy, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const lang: Lang = options.lang ?? 'en';
  const dir = options.out ?? 'reports/out/mvad';
  const out = new ReportFiles(dir, options.progress);
  const T = (en: string, nl: string, params: Record<string, string | number> = {}) => fill(pick(lang, { en, nl }), params);
  const { typology, clusters, sequences } = study;
  const states = sequences.alphabet.codes;
  const sections: ReportSection[] = [];

  const panels = await out.figure(
    'clusters',
    clusterPanels(sequences, typology.labels, { lang, title: false, width: 320, height: 160 }),
    T('Figure 1. The {k} clusters: state distribution by month (left) and sequence index plot (right, sorted from the start).', 'Figuur 1. De {k} clusters: verdeling per maand (links) en sequentie-indexplot (rechts, gesorteerd vanaf de start).', { k: typology.k }),
  );
  const sizes = await out.table({
    name: 'cluster-sizes',
    caption: T('Cluster sizes, medoids and mean months in each state', 'Clustergrootte, medoïden en gemiddeld aantal maanden per toestand'),
    csv: {
      cluster: clusters.map((c) => c.cluster), n: clusters.map((c) => c.size), share: clusters.map((c) => c.share),
      medoid_id: clusters.map((c) => sequences.ids[c.medoid]), medoid: clusters.map((c) => c.label),
      ...Object.fromEntries(states.map((s, j) => [`mean_${s}`, clusters.map((c) => c.meanTime[j])])),
    },
    display: {
      cluster: clusters.map((c) => String(c.cluster)),
      n: clusters.map((c) => formatNumber(c.size, lang, 0)),
      '%': clusters.map((c) => formatNumber(100 * c.share, lang, 1)),
      ...Object.fromEntries(states.map((s, j) => [s, clusters.map((c) => formatNumber(c.meanTime[j], lang, 1))])),
      [T('medoid (id: spells)', 'medoïde (id: perioden)')]: clusters.map((c) => `${sequences.ids[c.medoid]}: ${c.label}`),
    },
    numeric: ['n', '%', ...states],
  });
  sections.push({ id: 'clusters', title: T('The {k} clusters', 'De {k} clusters', { k: typology.k }), html: panels + sizes });

  const qualityPlot = await out.figure(
    'cluster-quality',
    clusterQualityPlot(typology.range, { lang, title: false, highlightK: typology.k }),
    T('Figure 2. Cluster quality of the Ward partitions by k; the dashed line marks the chosen k.', 'Figuur 2. Clusterkwaliteit van de Ward-indelingen naar k; de stippellijn markeert de gekozen k.'),
  );
  sections.push({
    id: 'cluster-quality',
    title: T('Cluster quality', 'Clusterkwaliteit'),
    html: qualityPlot + paragraph(qualityText(typology, lang, T('the standard example', 'het standaardvoorbeeld'))) + (await qualityTable(out, typology, lang)),
  });
  const data = study.ingest ? preHtml(formatIngestReport(study.ingest)) : paragraph(T('Sequences given in memory.', 'Sequenties in het geheugen aangeleverd.'));
  sections.push({ id: 'data', title: T('Data and ingest report', 'Gegevens en inleesrapport'), html: data + (await panelTable(out, study.panel, lang)) });
  sections.push({
    id: 'methods',
    title: T('Methods', 'Methode'),
    html: listHtml([
      T(
        'Data: mvad (McVicar and Anyadike-Danes 2002; TraMineR\'s example data), {n} persons, months {first} to {last}, states {states}.',
        'Gegevens: mvad (McVicar en Anyadike-Danes 2002; de voorbeeldgegevens van TraMineR), {n} personen, maanden {first} tot en met {last}, toestanden {states}.',
        { n: sequences.n, first: study.panel.firstMonth, last: study.panel.lastMonth, states: states.join(', ') },
      ),
      T(
        'Distances: optimal matching, substitution costs from the transition rates (TRATE) and indel 1: TraMineR seqdist(method = "OM", indel = 1, sm = "TRATE"). Clustering: R hclust(method = "ward.D") on all {n} rows, cut into k = {k} (cutree numbering). Quality: WeightedCluster as.clustrange for k = {a}..{b}.',
        'Afstanden: optimal matching, substitutiekosten uit de overgangskansen (TRATE) en indel 1: TraMineR seqdist(method = "OM", indel = 1, sm = "TRATE"). Clustering: R hclust(method = "ward.D") op alle {n} rijen, gesneden in k = {k} (nummering als cutree). Kwaliteit: WeightedCluster as.clustrange voor k = {a}..{b}.',
        { n: sequences.n, k: typology.k, a: typology.range.ks[0], b: typology.range.ks[typology.range.ks.length - 1] },
      ),
      T('Method: {m}.', 'Methode: {m}.', { m: typology.method }),
    ]),
  });
  await out.text('results.json', JSON.stringify(study.results, null, 2) + '\n');
  await out.text('index.html', renderPage({
    title: T('The mvad typology', 'De mvad-typologie'),
    subtitle: T('OM/TRATE, Ward, k = {k}: the standard TraMineR example reproduced with loopbaan.', 'OM/TRATE, Ward, k = {k}: het standaardvoorbeeld van TraMineR nagedaan met loopbaan.', { k: typology.k }),
    lang,
    sections,
  }));
  await out.removeStale();
  return { dir, index: `${dir}/index.html`, files: out.files };
}
