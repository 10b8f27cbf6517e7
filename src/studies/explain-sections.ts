import { treePlot } from '../charts/treePlot.js';
import { splitLabels } from '../explain/tree-print.js';
import { treeNodes } from '../explain/tree.js';
import { formatCount } from '../i18n/index.js';
import { figure, literal, paragraph, preformatted, table, text, type Block, type Column, type Section, type Text } from '../report/document.js';
import type { SectionContext } from './document.js';
import { ASSOCIATION_KEYS } from './explain.js';
import { fit } from './layout.js';
import { relabelStates } from './states.js';

/**
 * The sections that explain the typology's dissimilarities by covariates,
 * when the study file asks for them: the discrepancy analysis (each
 * covariate alone and all together, pseudo F and R2 with permutation
 * p-values) and the dissimilarity tree (figure, TraMineR's printout, the
 * nodes as a table). Numbers come from results.json, after disclosure control.
 *
 * @example
 * sections.push(...explainSections(ctx));
 */
export function explainSections(ctx: SectionContext): Section[] {
  return [discrepancySection(ctx), treeSection(ctx)].filter((s): s is Section => s !== null);
}

function discrepancySection(ctx: SectionContext): Section | null {
  const d = ctx.c.results.discrepancy;
  if (!d) return null;
  const names = Object.keys(d.covariates);
  const rows = names.map((n) => d.covariates[n]);
  // the p-values of pseudo F and R2 are one test: the page shows it once
  const stat = (key: (typeof ASSOCIATION_KEYS)[number], header: Text, digits: number, page: boolean, p: string): Column[] => [
    { key, header, values: rows.map((r) => r.statistics[key].value), format: { digits }, show: page ? 'both' : 'csv' },
    { key: `${key}_p`, header: literal(p), values: rows.map((r) => r.statistics[key].p_value), format: { kind: 'p' }, show: page && key !== 'pseudo_r2' ? 'both' : 'csv' },
  ];
  const columns: Column[] = [
    { key: 'covariate', header: literal('covariate'), values: names, show: 'csv' },
    { key: 'characteristic', header: text('colCharacteristic'), values: names.map(ctx.label), show: 'page' },
    { key: 'levels', header: text('colLevels'), values: rows.map((r) => r.levels), format: { digits: 0 } },
    { key: 'n', header: text('colPersons'), values: rows.map((r) => r.n), format: { digits: 0 }, persons: rows.map((r) => r.n) },
    ...stat('pseudo_r2', text('colPseudoR2'), 3, true, 'p (R²)'),
    ...stat('pseudo_f', text('colPseudoF'), 2, true, 'p'),
    ...stat('pseudo_fbf', literal('pseudo Fbf'), 2, false, 'p (Fbf)'),
    ...stat('bartlett', literal('Bartlett'), 2, false, 'p (Bartlett)'),
    ...stat('levene', literal('Levene'), 2, true, 'p (Levene)'),
  ];
  const permutations = d.permutations > 1 ? text('notePermutations', { r: d.permutations, seed: d.seed }) : text('noteNoPermutations');
  const blocks: Block[] = [
    paragraph(text('discrepancyIntro', { last: ctx.c.windowMonths - 1 })),
    table({ name: 'discrepancy', caption: text('capDiscrepancy'), columns, notes: [text('noteDiscrepancy'), permutations, ctx.suppressed, ...ctx.extraNote('discrepancy')] }),
  ];
  const mf = d.multi_factor;
  if (mf) {
    const variables = Object.keys(mf.terms);
    const label = (v: string) => (v === 'Total' ? text('total') : literal(ctx.label(v)));
    blocks.push(table({
      name: 'discrepancy-multifactor',
      caption: text('capDiscrepancyMulti'),
      columns: [
        { key: 'variable', header: literal('variable'), values: variables, show: 'csv' },
        { key: 'characteristic', header: text('colCharacteristic'), values: variables.map(label), show: 'page' },
        { key: 'pseudo_r2', header: text('colPseudoR2'), values: variables.map((v) => mf.terms[v].pseudo_r2), format: { digits: 3 } },
        { key: 'pseudo_f', header: text('colPseudoF'), values: variables.map((v) => mf.terms[v].pseudo_f), format: { digits: 2 } },
        { key: 'p_value', header: literal('p'), values: variables.map((v) => mf.terms[v].p_value), format: { kind: 'p' } },
        { key: 'n', header: text('colPersons'), values: variables.map(() => mf.n), show: 'csv' },
      ],
      notes: [text('noteDiscrepancyMulti', { n: mf.n === null ? '–' : formatCount(mf.n, ctx.lang) }), permutations, ctx.suppressed],
    }));
  }
  return { id: 'discrepancy', title: text('secDiscrepancy'), blocks };
}

function treeSection(ctx: SectionContext): Section | null {
  const { c, lang, layout } = ctx;
  const t = c.tree;
  const r = c.results.tree;
  if (!t || !r) return null;
  const minCell = c.study.minCell;
  const window = relabelStates(c.window, Object.fromEntries(c.window.alphabet.codes.map((s) => [s, ctx.state(s)])));
  // the leaves side by side: as wide as the page allows (treePlot's gaps: 40 units, 16 between nodes narrower than 120), at most 150
  const leaves = r.nodes.filter((x) => !x.split).length;
  const nodeWidth = (scale: number) => {
    const wide = Math.floor((scale * layout.width - 40 * (leaves - 1)) / leaves);
    return Math.min(150, wide >= 120 ? wide : Math.max(30, Math.floor((scale * layout.width - 16 * (leaves - 1)) / leaves)));
  };
  const p = r.parameters;
  const rule = p.permutations > 1
    ? text('figTreeRule', { depth: p.max_depth, size: formatCount(p.min_child_weight, lang), r: p.permutations, seed: p.seed, pval: String(p.pval) })
    : text('figTreeRuleNoTest', { depth: p.max_depth, size: formatCount(p.min_child_weight, lang) });
  const n3 = (x: number | null) => (x === null ? '–' : x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
  // the condition that leads to each node, as the tree prints it
  const condition = new Map<number, string>([[1, 'Root']]);
  for (const x of t.published.nodes) {
    if (!x.split) continue;
    const [left, right] = splitLabels(x.split);
    const children = t.published.nodes.filter((y) => y.parent === x.id);
    condition.set(children[0].id, `${x.split.variable} ${left}`);
    condition.set(children[1].id, `${x.split.variable} ${right}`);
  }
  const nodes = r.nodes;
  const columns: Column[] = [
    { key: 'node', header: text('colNode'), values: nodes.map((x) => x.id), format: { digits: 0 } },
    { key: 'parent', header: text('colParent'), values: nodes.map((x) => x.parent), format: { digits: 0 } },
    { key: 'depth', header: literal('depth'), values: nodes.map((x) => x.depth), show: 'csv' },
    { key: 'condition', header: text('colCondition'), values: nodes.map((x) => condition.get(x.id) ?? '') },
    { key: 'n', header: literal('n'), values: nodes.map((x) => x.n), format: { digits: 0 }, persons: treeNodes(t.tree).map((x) => x.cases.length) },
    { key: 'discrepancy', header: text('colDiscrepancy'), values: nodes.map((x) => x.discrepancy), format: { digits: 3 } },
    { key: 'split', header: text('colSplit'), values: nodes.map((x) => x.split?.variable ?? '') },
    { key: 'split_r2', header: text('colPseudoR2'), values: nodes.map((x) => x.split?.r2 ?? null), format: { digits: 3 } },
    { key: 'split_p', header: literal('p'), values: nodes.map((x) => x.split?.p_value ?? null), format: { kind: 'p' }, show: p.permutations > 1 ? 'both' : 'csv' },
    { key: 'medoid', header: text('colMedoid'), values: nodes.map((x) => x.medoid) },
  ];
  return {
    id: 'tree',
    title: text('secTree'),
    blocks: [
      figure('discrepancy-tree', (scale) => fit(layout, treePlot(window, t.tree, { lang, title: false, minCell, published: t.published.values, nodeWidth: nodeWidth(scale) })), text('figTree', {
        last: c.windowMonths - 1, r2: n3(r.r2), rule, cells: minCell > 1 ? text('figTreeMinCell', { k: minCell }) : literal(''),
      })),
      paragraph(text('treeTextIntro')),
      preformatted(t.text),
      table({ name: 'tree-nodes', caption: text('capTreeNodes'), columns, notes: [text('noteTreeNodes', { k: minCell }), ctx.suppressed, ...ctx.extraNote('tree')] }),
    ],
  };
}
