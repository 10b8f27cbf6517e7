import type { StateSequences } from '../sequences/types.js';
import { characterR, formatR } from './format.js';
import type { DiscrepancyTree, TreeNode, TreeSplit } from './tree.js';

/** Options of {@link formatTree}. */
export interface FormatTreeOptions {
  /** Significant digits (R's `getOption("digits") - 2`, default 5). */
  digits?: number;
  /** Left-hand side of the formula line (default `diss`). */
  response?: string;
  /** Text of a leaf's medoid (default its 1-based case number, as `disstree`; `spellFormat` for `seqtree`). */
  medoid?: (caseIndex: number) => string;
  /** Disclosure control (`controlTree(tree).values`): sizes and discrepancies suppressed there print as `-`. */
  published?: ReadonlyMap<string, number | null>;
}

/**
 * The tree as TraMineR's `print.disstree` lays it out: parameters, formula,
 * global R2, then one line per node (`|-- label (n: N disc: D)[medoid]`, a
 * `*` on leaves) and one per split (`|-> variable R2`), indented 6 spaces per
 * level. Numbers as R's `format(x, digits = 5)`.
 *
 * @param tree a {@link discrepancyTree} result
 * @param options digits, response name, medoid text
 * @returns the printout, lines ending in newlines
 * @example
 * process.stdout.write(formatTree(tree, { response: 'om' }));
 */
export function formatTree(tree: DiscrepancyTree, options: FormatTreeOptions = {}): string {
  const digits = options.digits ?? 5;
  const f = (x: number) => formatR(x, digits);
  const medoid = options.medoid ?? ((i: number) => String(i + 1));
  const p = tree.parameters;
  const lines = [
    'Dissimilarity tree:',
    ` Parameters: min.size=${characterR(p.minSize)}, max.depth=${p.maxDepth}, R=${p.permutations}, pval=${characterR(p.pValue)} `,
    ` Formula: ${options.response ?? 'diss'} ~ ${tree.covariates.join(' + ')} `,
    ` Global R2: ${f(tree.R2)} `,
    '',
    ' Fitted tree: ',
    '',
  ];
  const visit = (node: TreeNode, label: string, gap: string) => {
    const indent = gap.repeat(node.depth);
    const shown = (key: string, x: number) => {
      const v = options.published ? options.published.get(`${node.id}.${key}`) : x;
      return v === null || v === undefined ? '-' : f(v);
    };
    const stats = ` (n: ${shown('n', node.n)} disc: ${shown('discrepancy', node.discrepancy)})`;
    if (!node.split || !node.children) {
      lines.push(`${indent} |-- ${label}   ${stats}[${medoid(node.medoid)}] * `);
      return;
    }
    lines.push(`${indent} |-- ${label} ${stats} `);
    const [left, right] = splitLabels(node.split, f);
    lines.push(`${indent}   |-> ${node.split.variable} ${f(node.split.R2)} `);
    visit(node.children[0], left, '      ');
    visit(node.children[1], right, '      ');
  };
  visit(tree.root, 'Root', '');
  return lines.join('\n') + '\n';
}

/**
 * Labels of the two children of a split, as R prints them: `[ a,b ]`, `<= x`, `> x`, `with NA`.
 * @example
 * splitLabels({ variable: 'age', left: [], right: [], breaks: 30.5, naGroup: 2, R2: 0.1, pValue: 0.01 }); // ['<= 30.5', '> 30.5 with NA']
 * splitLabels({ variable: 'sex', left: ['f'], right: ['m'], R2: 0.02, pValue: NaN }); // ['[ f ]', '[ m ]']
 */
export function splitLabels(split: TreeSplit, f: (x: number) => string = (x) => formatR(x, 5)): [string, string] {
  const labels: [string, string] =
    split.breaks !== undefined ? [`<= ${f(split.breaks)}`, `> ${f(split.breaks)}`] : [`[ ${split.left.join(',')} ]`, `[ ${split.right.join(',')} ]`];
  if (split.naGroup) labels[split.naGroup - 1] += ' with NA';
  return labels;
}

/**
 * A sequence in TraMineR's compressed SPS format, `(state,months)-(state,months)`,
 * as `print.seqtree` shows medoids.
 *
 * @example
 * spellFormat(seqs, 0); // '(training,2)-(employment,68)'
 */
export function spellFormat(seqs: StateSequences, row: number): string {
  const { t, codes, lengths, alphabet } = seqs;
  const parts: string[] = [];
  let j = 0;
  while (j < lengths[row]) {
    const c = codes[row * t + j];
    let k = j;
    while (k < lengths[row] && codes[row * t + k] === c) k++;
    parts.push(`(${alphabet.codes[c] ?? '*'},${k - j})`);
    j = k;
  }
  return parts.join('-');
}
