import { discrepancyTree } from '../../explain/tree.js';
import { publishTree } from '../../explain/disclosure.js';
import { formatTree } from '../../explain/tree-print.js';
import { treePlot } from '../../charts/treePlot.js';
import { integerOption, listOption, numberOption, parseOptions, stringOption } from '../args.js';
import { DISCLOSURE_OPTIONS, disclosureOptions, writeDisclosureLog } from '../disclosure-options.js';
import { DISTANCE_USAGE } from '../distance-options.js';
import {
  EXPLAIN_OPTIONS, EXPLAIN_USAGE, covariateValues, loadExplainInput, permutationOptions, writeChart, writeResult,
} from '../explain-options.js';
import { INPUT_USAGE } from '../input-options.js';
import type { Command } from '../main.js';

const SPEC = {
  ...EXPLAIN_OPTIONS,
  by: { type: 'string' },
  'max-depth': { type: 'string' },
  'min-size': { type: 'string' },
  permutations: { type: 'string' },
  pval: { type: 'string' },
  seed: { type: 'string' },
  squared: { type: 'boolean' },
  figure: { type: 'string' },
  ...DISCLOSURE_OPTIONS,
  lang: { type: 'string' },
} as const;

export const command: Command = {
  summary: 'dissimilarity tree: split the sequences by covariates with the largest pseudo R2 (TraMineR seqtree/disstree)',
  usage: `usage: loopbaan tree --input FILE [input and distance options] --by COV[,COV...]
                     [--max-depth 5] [--min-size 0.05] [--permutations 1000] [--pval 0.01] [--seed 1]
                     [--figure tree.svg|tree.png] [--min-cell 10] [--json] [--out FILE]

Prints the tree in TraMineR's layout (print.seqtree): each node's weighted size n, discrepancy
and, for leaves, the medoid in SPS form (state,months)-(state,months); each split with its
covariate and R2; the global R2 of the leaves. --json writes the nodes instead.

  --by COV[,COV...]         covariates that may split (categorical: best binary grouping of the
                            levels; numeric: best threshold; missing values form a level of their own)
  --max-depth D             nodes at depth D (root = 1) do not split (default 5)
  --min-size S              smallest child: a share of the total weight when < 1, else a weight (default 0.05)
  --permutations R          permutation test of each split (default 1000; 1: no test, pval 1)
  --pval P                  largest p-value of a split (default 0.01)
  --seed S                  seed of the permutations (default 1)
  --figure FILE             the tree with each node's state distribution plot (.svg or .png)
  --min-cell N              disclosure control: medoids shared by fewer than N persons are not
                            printed, nodes of fewer than N persons have no plot, and their sizes
                            (and a sibling's that would give them away) are suppressed (default 10)
  --round N                 node sizes rounded to a multiple of N instead of suppressed
  --log FILE                the output-check log (table,cell,kind,persons,rule); default FILE.disclosure.csv
                            beside --out
  --lang en|nl              language of the figure

${EXPLAIN_USAGE}
${DISTANCE_USAGE}
${INPUT_USAGE}
examples:
  loopbaan tree --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --by male,funemp,gcse5eq,Grammar,fmpr \\
    --max-depth 3 --permutations 1000 --pval 0.05 --figure tree.svg
`,
  async run(args) {
    const values = parseOptions(args, SPEC, ['input', 'by']);
    const by = listOption(values, 'by')!;
    const { permutations, seed } = permutationOptions(values);
    const { minCell, round } = disclosureOptions(values);
    const { seqs, diss, progress } = await loadExplainInput(values);
    const covariates = Object.fromEntries(by.map((name) => [name, covariateValues(seqs, name, '--by')]));
    const tree = await discrepancyTree(diss, covariates, {
      weights: seqs.weights,
      squared: values.squared === true,
      maxDepth: integerOption(values, 'max-depth', 5, 1),
      minSize: numberOption(values, 'min-size', 0.05),
      permutations,
      pValue: numberOption(values, 'pval', 0.01),
      seed,
      threads: values.threads === undefined ? undefined : integerOption(values, 'threads', 1, 1),
      progress,
    });
    const safe = publishTree(seqs, tree, { minCell, round });
    // The size as published (suppressed below minCell persons); min.size as a weight (as TraMineR prints it) only
    // with the size, since a fraction of it would give the size back.
    const n = safe.values.get(`${tree.root.id}.n`) ?? null;
    const parameters = n === null ? { ...tree.parameters, minSize: numberOption(values, 'min-size', 0.05) } : tree.parameters;
    await writeResult(
      values,
      { covariates: tree.covariates, parameters, n, R2: tree.R2, R2_p_value: tree.R2pValue, nodes: safe.nodes },
      () => formatTree({ ...tree, parameters }, { response: stringOption(values, 'method') ?? 'OM', medoid: safe.medoidText, published: safe.values }),
    );
    await writeDisclosureLog(values, safe.log);
    const figure = stringOption(values, 'figure');
    if (figure) {
      const lang = stringOption(values, 'lang') === 'nl' ? 'nl' : 'en';
      await writeChart(treePlot(seqs, tree, { minCell, lang }), figure);
    }
    return 0;
  },
};
