import type { TopLevelSpec } from 'vega-lite';
import { controlTree } from '../explain/disclosure.js';
import type { DiscrepancyTree, TreeNode } from '../explain/tree.js';
import { splitLabels } from '../explain/tree-print.js';
import { selectRows } from '../sequences/select.js';
import type { StateSequences } from '../sequences/types.js';
import { tr, formatCount } from '../i18n/index.js';
import { hasSuppressed, protectedDistribution, stackedShares } from './stateDistributionPlot.js';
import { chartTitle, roundTo, stateLabels, stateScale, topLevel, type ChartOptions } from './theme.js';

/** Options of {@link treePlot}. */
export interface TreePlotOptions extends ChartOptions {
  /**
   * Disclosure control (default 10): a node of fewer persons shows no
   * distribution; within a node, shares resting on fewer persons and those
   * that would give them away are one grey band (`protectedDistribution`);
   * sizes and discrepancies `controlTree` suppresses read –.
   */
  minCell?: number;
  /** The published sizes and discrepancies (`controlTree(tree, rules).values`) when the rules are not just minCell (e.g. rounding). */
  published?: ReadonlyMap<string, number | null>;
  /** Width of one node's plot in pixels (default 150; `width` is the whole figure's); below 120 the nodes stand closer and their texts take a line each. */
  nodeWidth?: number;
  /** Height of one node's plot in pixels (default half the width, at most 70). */
  nodeHeight?: number;
}

/**
 * A dissimilarity tree drawn as TraMineR's `seqtreedisplay` draws it, without
 * GraphViz: each node is a small state distribution plot (`seqdplot` of its
 * cases), labelled with the split value that leads to it, its size and
 * discrepancy; inner nodes name their split and its R2; edges join parents
 * to children. Nodes of fewer than `minCell` persons show no distribution;
 * their sizes and discrepancies, and those that would give them away, read
 * –; a node's shares resting on fewer persons are drawn as "not shown".
 *
 * @param seqs the sequences the tree was grown on (one row per case)
 * @param tree a `discrepancyTree` result
 * @param options lang, title, minCell, nodeWidth, nodeHeight
 * @returns a Vega-Lite spec with inline data
 * @example
 * await writeFigure(treePlot(seqs, tree), 'out/figures', 'tree');
 */
export function treePlot(seqs: StateSequences, tree: DiscrepancyTree, options: TreePlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const minCell = options.minCell ?? 10;
  const bw = options.nodeWidth ?? 150;
  const bh = options.nodeHeight ?? Math.min(70, Math.round(bw / 2));
  // a narrow node (print on one column) takes its texts a line each: covariate, value, size, discrepancy
  const narrow = bw < 120;
  const gapX = narrow ? 16 : 40;
  const above = narrow ? 60 : 30;
  const rowH = bh + 65 + above;
  const fmt = (x: number) => roundTo(x, 3).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US', { maximumSignificantDigits: 4 });
  const published = options.published ?? controlTree(tree, minCell).values;
  const shown = (node: TreeNode, key: 'n' | 'discrepancy', format: (x: number) => string) => {
    const v = published.get(`${node.id}.${key}`);
    return v === null || v === undefined ? '–' : format(v);
  };

  // leaves get consecutive slots, parents sit above the middle of their children
  const place = new Map<number, { x: number; y: number; label: string[] }>();
  let slot = 0;
  const layout = (node: TreeNode, label: string[]): number => {
    let x: number;
    if (!node.children) x = slot++ * (bw + gapX);
    else {
      const v = node.split!.variable;
      const [l, r] = splitLabels(node.split!);
      x = (layout(node.children[0], narrow ? [v, l] : [`${v} ${l}`]) + layout(node.children[1], narrow ? [v, r] : [`${v} ${r}`])) / 2;
    }
    place.set(node.id, { x, y: 10 + above + (node.depth - 1) * rowH, label });
    return x;
  };
  layout(tree.root, ['Root']);
  const width = slot * (bw + gapX) - gapX;
  const height = Math.max(...[...place.values()].map((p) => p.y)) + bh + 40;

  const shares: Record<string, unknown>[] = [];
  const empty: Record<string, unknown>[] = [];
  let anySuppressed = false;
  const texts: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const visit = (node: TreeNode) => {
    const p = place.get(node.id)!;
    const size = tr(lang, 'treeNodeSize', { n: shown(node, 'n', (x) => formatCount(x, lang)) });
    const disc = shown(node, 'discrepancy', fmt);
    const stats = narrow ? [size, tr(lang, 'treeNodeDiscrepancyShort', { disc })] : [`${size}, ${tr(lang, 'treeNodeDiscrepancy', { disc })}`];
    p.label.forEach((line, k) => texts.push({ x: p.x + bw / 2, y: p.y - 15 * (p.label.length + stats.length - k), text: line, weight: 'bold' }));
    stats.forEach((line, k) => texts.push({ x: p.x + bw / 2, y: p.y - 15 * (stats.length - k), text: line, weight: 'normal' }));
    if (node.cases.length < minCell) {
      texts.push({ x: p.x + bw / 2, y: p.y + bh / 2, text: tr(lang, 'treeSuppressed', { k: minCell }), weight: 'normal' });
      empty.push({ x: p.x, x2: p.x + bw, y: p.y, y2: p.y + bh });
    } else {
      // shares stacked in node units (0..1) placed at the node's top; months as pixels across the node
      const d = protectedDistribution(selectRows(seqs, node.cases), {}, minCell);
      if (hasSuppressed(d)) anySuppressed = true;
      const step = bw / d.t;
      for (const r of stackedShares(d, stateLabels(seqs.alphabet, d.states, lang), tr(lang, 'suppressed', { k: minCell }))) {
        shares.push({ ...r, x: roundTo(p.x + (Number(r.x) + 0.5) * step, 2), x2: roundTo(p.x + (Number(r.x2) + 0.5) * step, 2), top: p.y });
      }
    }
    if (node.children && node.split) {
      texts.push({ x: p.x + bw / 2, y: p.y + bh + 15, text: `${node.split.variable} (R2 ${fmt(node.split.R2)})`, weight: 'normal' });
      for (const child of node.children) {
        const c = place.get(child.id)!;
        edges.push({ x: p.x + bw / 2, y: p.y + bh + 22, x2: c.x + bw / 2, y2: c.y - above - 12 });
        visit(child);
      }
    }
  };
  visit(tree.root);
  const scale = stateScale(seqs.alphabet, lang, false, anySuppressed ? minCell : undefined);
  const x = { field: 'x', type: 'quantitative', axis: null, scale: { domain: [0, width] } };
  const y = { field: 'y', type: 'quantitative', axis: null, scale: { domain: [height, 0] } };
  return topLevel(lang, chartTitle(options, 'discrepancyTree', { r2: fmt(tree.R2) }), undefined, {
    width,
    height,
    layer: [
      { data: { values: edges }, mark: { type: 'rule', color: '#666666' }, encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } } },
      {
        data: { values: shares },
        transform: [{ calculate: `datum.top + datum.y * ${bh}`, as: 'py' }, { calculate: `datum.top + datum.y2 * ${bh}`, as: 'py2' }],
        mark: { type: 'rect' },
        encoding: { x, x2: { field: 'x2' }, y: { ...y, field: 'py' }, y2: { field: 'py2' }, color: { field: 'state', type: 'nominal', title: tr(lang, 'state'), scale } },
      },
      {
        data: { values: empty },
        mark: { type: 'rect', fill: null, stroke: '#999999' },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      ...(['bold', 'normal'] as const).map((weight) => ({
        data: { values: texts.filter((t) => t.weight === weight) },
        mark: { type: 'text', fontSize: 11, fontWeight: weight },
        encoding: { x, y, text: { field: 'text' } },
      })),
    ],
  });
}
