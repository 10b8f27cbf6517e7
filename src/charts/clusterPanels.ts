import type { TopLevelSpec } from 'vega-lite';
import type { DescribeOptions } from '../describe/states.js';
import type { StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import { indexPlotData, indexPlotNote, indexUnitSpec } from './indexPlot.js';
import { groupSizesShown, sequencePanels } from './panels.js';
import type { SequenceSort } from './rows.js';
import { distributionView, hasSuppressed, protectedDistribution, shownSizes } from './stateDistributionPlot.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, stateScale, topLevel } from './theme.js';

/** Options of `clusterPanels`. */
export interface ClusterPanelsOptions extends ChartOptions, DescribeOptions {
  /** Cluster names in the order wanted (default: numeric order). */
  groupOrder?: readonly string[];
  /** Label shown for cluster c (default: "Cluster c", translated). */
  clusterLabels?: Readonly<Record<string, string>>;
  /** Order of the index plots: 'start' (default), 'end', 'none'; or an explicit row order. */
  sort?: SequenceSort;
  order?: ArrayLike<number>;
  /** Most drawn rows per index plot (default: its height in pixels). */
  maxRows?: number;
  /** Show the N-at-risk row under each chronogram (default true). */
  nAtRisk?: boolean;
  /** Each cluster's index plot under its chronogram instead of beside it (for narrow figures; default false). */
  stacked?: boolean;
  /** Say above each index plot how many sequences a drawn row stands for (default true; a caption can say it instead). */
  rowNote?: boolean;
  /**
   * Disclosure control (default 10): every drawn index-plot row stands for at
   * least this many sequences, chronogram shares and N at risk resting on
   * fewer persons are not shown (nor shares that would give them away), and a
   * cluster of fewer is not drawn. 1 turns it off (inside a secure environment only).
   */
  minCell?: number;
}

/**
 * Cluster panels: one row per cluster with its state distribution plot
 * (chronogram, with N at risk) and its sequence index plot side by side, all
 * in the alphabet's colours with one legend. This is how a typology is shown
 * to readers (Studer 2013, WeightedCluster manual, section 5). Disclosure
 * control as in `indexPlot` and `stateDistributionPlot` (`minCell`, default
 * 10); clusters of fewer than `minCell` sequences are left out.
 *
 * @param seqs the sequences
 * @param clusters cluster per row (e.g. `cutree(tree, 4)`)
 * @param options groupOrder, clusterLabels, sort, order, maxRows, nAtRisk, minCell (10), weighted, withMissing, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * clusterPanels(seqs, cutree(hclust(matrix), 4), { clusterLabels: { '1': 'quickly without jobcoach' } });
 */
export function clusterPanels(seqs: StateSequences, clusters: ArrayLike<string | number>, options: ClusterPanelsOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const width = options.width ?? 260;
  const height = options.height ?? 150;
  const minCell = options.minCell ?? 10;
  const all = sequencePanels(seqs, { groups: clusters, groupOrder: options.groupOrder });
  // with a cluster below minCell left out, the others' sizes (titles, persons at risk) would give its size: none is shown
  const sizes = groupSizesShown(all.map((p) => p.seqs.n), minCell);
  const panels = all.filter((p) => p.seqs.n >= minCell);
  const label = (name: string) => options.clusterLabels?.[name] ?? `${tr(lang, 'cluster')} ${name}`;
  const parts = panels.map((p) => {
    const index = indexPlotData(seqs, [{ name: label(p.name), rows: p.rows }], { ...options, maxRows: options.maxRows ?? height, minCell, sizes }, lang);
    return { p, index, distribution: protectedDistribution(p.seqs, options, minCell) };
  });
  const withMissing = parts.some((x) => x.index.withMissing || x.distribution.states.length > seqs.alphabet.codes.length);
  const withSuppressed = parts.some((x) => hasSuppressed(x.distribution));
  const scale = stateScale(seqs.alphabet, lang, withMissing, withSuppressed ? minCell : undefined);
  const shown = sizes && shownSizes(parts.map(({ p, distribution }) => ({ name: p.name, distribution })));
  const view = { lang, scale, width, height, nAtRisk: options.nAtRisk !== false, minCell, sizes: shown };
  const rows = parts.map(({ p, index, distribution }) => ({
    [options.stacked ? 'vconcat' : 'hconcat']: [
      distributionView(seqs.alphabet, seqs.timeLabels, { name: label(p.name), distribution }, view),
      {
        data: { values: index.values },
        ...indexUnitSpec(seqs, { ...index, withMissing }, lang, { width, height, yTitle: tr(lang, 'sequencesAxis') }, scale),
        title: { text: (options.rowNote === false ? undefined : indexPlotNote(index, lang, minCell)) ?? ' ', fontSize: 10, fontWeight: 'normal', anchor: 'middle' },
      },
    ],
  }));
  return topLevel(lang, chartTitle(options, 'clusterPanels'), undefined, { vconcat: rows, resolve: { scale: { color: 'shared' } } });
}
