import type { ClusterPipelineResult } from '../cluster/pipeline.js';
import { controlTables, publishedValues, type DisclosureOptions } from '../disclosure/control.js';
import { subMatrix } from '../distance/matrix.js';
import { sumsTo, type DisclosureCell, type Relation } from '../disclosure/model.js';
import { discrepancyAssociation, type DiscrepancyAssociation } from '../explain/association.js';
import type { CaseDissimilarities } from '../explain/cases.js';
import { publishTree, type ControlledOutput, type PublishedTree } from '../explain/disclosure.js';
import { isMissingValue } from '../explain/factor.js';
import { multiFactorDiscrepancy, type MultiFactorDiscrepancy } from '../explain/multifactor.js';
import { formatTree } from '../explain/tree-print.js';
import { discrepancyTree, type DiscrepancyTree } from '../explain/tree.js';
import type { ProgressReporter } from '../progress.js';
import { distinctSequences } from '../sequences/distinct.js';
import type { StateSequences } from '../sequences/types.js';
import { ageBands } from './age-band.js';
import type { SkippedAnalysis } from './check.js';
import type { ResolvedStudy } from './resolve.js';

/** The discrepancy analysis of a study: each covariate alone (`dissassoc`) and all together (`dissmfacw`). */
export interface StudyDiscrepancy {
  readonly permutations: number;
  readonly seed: number;
  /** One test per covariate with at least two values, in the study's order. */
  readonly covariates: readonly { readonly name: string; readonly persons: number; readonly association: DiscrepancyAssociation }[];
  /** All those covariates together; null with fewer than two. */
  readonly multiFactor: { readonly persons: number; readonly result: MultiFactorDiscrepancy } | null;
  /**
   * Disclosure control of the tables `discrepancy` (`c<i>.n`, persons
   * analysed for covariate i, and its statistics `c<i>.<statistic>`) and
   * `discrepancy-multifactor` (`n`, and `r<j>.pseudo_f|pseudo_r2` of row j);
   * values null when suppressed.
   */
  readonly published: ControlledOutput & { readonly multiFactor: ReadonlyMap<string, number | null> };
}

/** The dissimilarity tree of a study, after disclosure control, and its printout. */
export interface StudyTree {
  readonly tree: DiscrepancyTree;
  readonly published: PublishedTree;
  /** The tree in TraMineR's printed layout, suppressed numbers as `-`. */
  readonly text: string;
  readonly seed: number;
}

/** What `explainStudy` computed; an analysis not asked for, or skipped, is null. */
export interface StudyExplanation {
  readonly discrepancy: StudyDiscrepancy | null;
  readonly tree: StudyTree | null;
  readonly skipped: readonly SkippedAnalysis[];
}

/** Statistics of `discrepancyAssociation` as results.json and the tables name them, in TraMineR's order. */
export const ASSOCIATION_KEYS = ['pseudo_f', 'pseudo_fbf', 'pseudo_r2', 'bartlett', 'levene'] as const;

/**
 * The analyses of a study that explain its typology's dissimilarities by
 * covariates, on the very distances the typology clustered (the window's
 * sequences): the discrepancy analysis (`discrepancyAssociation` per
 * covariate, `multiFactorDiscrepancy` for all of them) and the dissimilarity
 * tree (`discrepancyTree`, with `publishTree` and `formatTree`). Permutations
 * are seeded, so the report is reproducible. A typology by CLARA holds no
 * distance matrix: the analyses are then skipped with the reason. A
 * covariate with a single value cannot explain anything and is left out
 * of the discrepancy analysis with a note.
 *
 * @param window the sequences the typology clustered
 * @param typology its clustering (`clusterSequences`), whose matrix is used
 * @param study the resolved study (its `discrepancy` and `tree`)
 * @param options the disclosure rules (minCell, round, dominance), threads and progress
 * @param notes parts left out are added here
 * @returns the discrepancy analysis, the tree, and the analyses skipped
 * @example
 * const { discrepancy, tree } = await explainStudy(window, typology, resolveStudy(file), { threads: 2 }, notes);
 * discrepancy?.covariates[0].association.statistics[2].value; // pseudo R2 of the first covariate
 */
export async function explainStudy(
  window: StateSequences, typology: ClusterPipelineResult, study: ResolvedStudy,
  options: { rules: DisclosureOptions; threads?: number; progress?: ProgressReporter }, notes: string[],
): Promise<StudyExplanation> {
  const asked = (['discrepancy', 'tree'] as const).filter((a) => study[a] !== null);
  if (asked.length === 0) return { discrepancy: null, tree: null, skipped: [] };
  if (!typology.matrix) {
    const reason = 'needs the distance matrix of the distinct sequences, which does not fit the memory budget (the typology ran CLARA); raise --memory-budget';
    return { discrepancy: null, tree: null, skipped: asked.map((analysis) => ({ analysis, reason })) };
  }
  // the work is pairs of distinct sequences: a matrix over every row is reduced to them
  const distinct = typology.rowItem ? null : distinctSequences(window);
  const diss: CaseDissimilarities = typology.rowItem
    ? { matrix: typology.matrix, distinct: { rowToDistinct: typology.rowItem } }
    : { matrix: subMatrix(typology.matrix, distinct!.firstRow), distinct: distinct! };
  const values = (name: string) => covariateValues(window, study, name);
  const common = { weights: window.weights, threads: options.threads, progress: options.progress };
  return {
    discrepancy: study.discrepancy ? await studyDiscrepancy(window, diss, study, values, common, options.rules, notes) : null,
    tree: study.tree ? await studyTree(window, diss, study, values, common, options.rules) : null,
    skipped: [],
  };
}

type Common = { weights: Float64Array; threads?: number; progress?: ProgressReporter };

async function studyDiscrepancy(
  window: StateSequences, diss: CaseDissimilarities, study: ResolvedStudy, values: (name: string) => unknown[], common: Common, rules: DisclosureOptions,
  notes: string[],
): Promise<StudyDiscrepancy> {
  const spec = study.discrepancy!;
  const run = { ...common, permutations: spec.permutations, seed: spec.seed };
  const used: { name: string; values: unknown[]; persons: number }[] = [];
  for (const name of spec.covariates) {
    const v = values(name);
    const present = v.filter((x) => !isMissingValue(x));
    if (new Set(present.map(String)).size < 2) notes.push(`Discrepancy analysis: ${name} left out, it has ${present.length ? 'a single value' : 'no values'}.`);
    else used.push({ name, values: v, persons: present.length });
  }
  const covariates = [];
  for (const c of used) {
    covariates.push({ name: c.name, persons: c.persons, association: await discrepancyAssociation(diss, c.values, { ...run, name: c.name, task: `dissassoc ${c.name}` }) });
  }
  let multiFactor: StudyDiscrepancy['multiFactor'] = null;
  if (used.length >= 2) {
    const result = await multiFactorDiscrepancy(diss, Object.fromEntries(used.map((c) => [c.name, c.values])), run);
    multiFactor = { persons: window.n - result.excluded, result };
  }
  // every statistic rests on the persons analysed; those left out (a missing covariate) are the panel's persons minus them
  const table = (name: string) => ({ name, cells: [] as DisclosureCell[], relations: [] as Relation[] });
  const single = table('discrepancy');
  const multi = table('discrepancy-multifactor');
  const analysed = (t: ReturnType<typeof table>, id: string, persons: number, stats: [string, number][]) => {
    t.cells.push({ id: `${id}n`, value: persons, persons, kind: 'count' });
    t.cells.push({ id: `${id}missing`, value: window.n - persons, persons: window.n - persons, kind: 'count', published: false });
    t.relations.push(sumsTo([`${id}n`, `${id}missing`], window.n));
    for (const [key, value] of stats) t.cells.push({ id: `${id}${key}`, value, persons, kind: 'mean' });
  };
  covariates.forEach((c, i) => analysed(single, `c${i}.`, c.persons, c.association.statistics.map((s, j) => [ASSOCIATION_KEYS[j], s.value])));
  if (multiFactor) {
    analysed(multi, '', multiFactor.persons, multiFactor.result.rows.flatMap((r, j): [string, number][] => [[`r${j}.pseudo_f`, r.pseudoF], [`r${j}.pseudo_r2`, r.pseudoR2]]));
  }
  const control = controlTables(multiFactor ? [single, multi] : [single], rules);
  return {
    permutations: spec.permutations, seed: spec.seed, covariates, multiFactor,
    published: { values: publishedValues(control, 'discrepancy'), multiFactor: multiFactor ? publishedValues(control, 'discrepancy-multifactor') : new Map(), control },
  };
}

async function studyTree(
  window: StateSequences, diss: CaseDissimilarities, study: ResolvedStudy, values: (name: string) => unknown[], common: Common, rules: DisclosureOptions,
): Promise<StudyTree> {
  const spec = study.tree!;
  const tree = await discrepancyTree(diss, Object.fromEntries(spec.covariates.map((name) => [name, values(name)])), {
    ...common, maxDepth: spec.maxDepth, minSize: spec.minSize, permutations: spec.permutations, pValue: spec.pval, seed: spec.seed,
  });
  const published = publishTree(window, tree, { ...rules, name: 'tree-nodes' });
  const text = formatTree(tree, { response: study.distance.method, medoid: published.medoidText, published: published.values });
  return { tree, published, text, seed: spec.seed };
}

/**
 * A covariate's values per person: a derived age band, or the person column
 * read as the study's `kind` says (categorical: as text; numeric: as numbers).
 */
function covariateValues(seqs: StateSequences, study: ResolvedStudy, name: string): unknown[] {
  const spec = study.covariates.find((c) => c.name === name);
  if (spec?.derive === 'ageBand') return ageBands(seqs, study.startColumn) ?? new Array<null>(seqs.n).fill(null);
  const values = Array.from(seqs.covariates.array(name) as ArrayLike<unknown>);
  if (spec?.kind === 'categorical') return values.map((v) => (isMissingValue(v) ? null : String(v)));
  if (spec?.kind === 'numeric') return values.map((v) => (isMissingValue(v) || !Number.isFinite(Number(v)) ? null : Number(v)));
  return values;
}
