import type { DistanceMatrix } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { meanTime } from '../describe/mean-time.js';
import { rowSpells, spellScratch } from '../describe/spells.js';
import { distinctSequences } from '../sequences/distinct.js';
import { selectRows } from '../sequences/select.js';
import type { StateSequences } from '../sequences/types.js';
import { clusterMedoids } from './medoids.js';
import { clusterCount } from './silhouette.js';

/** A frequent sequence of a cluster. */
export interface Representative {
  /** First row holding this sequence. */
  readonly row: number;
  /** Share of the cluster's weight with exactly this sequence. */
  readonly share: number;
  /** Its spells, as {@link spellLabel} writes them. */
  readonly label: string;
}

/** What a cluster looks like. */
export interface ClusterDescription {
  /** Cluster number (1-based). */
  readonly cluster: number;
  /** Number of rows. */
  readonly size: number;
  /** Sum of the rows' weights. */
  readonly weight: number;
  /** weight / total weight. */
  readonly share: number;
  /** Medoid row. */
  readonly medoid: number;
  /** Plain-language label from the medoid's spells, e.g. "work_jc 6m -> work"; a report may rename it. */
  readonly label: string;
  /** The most frequent sequences of the cluster, most frequent first. */
  readonly representatives: readonly Representative[];
  /** Weighted mean months in each state (`states` order), TraMineR's `seqmeant` within the cluster. */
  readonly meanTime: Float64Array;
  readonly states: readonly string[];
}

/** Options of {@link describeClusters}. */
export interface DescribeClustersOptions {
  /** Medoid row of cluster 1..k (from pam, kmedoids or clara). */
  medoids?: ArrayLike<number>;
  /** N x N dissimilarities to find the medoids when they are not given. */
  matrix?: DistanceMatrix;
  /** Number of representative sequences per cluster (default 3). */
  representatives?: number;
  /** Options of the labels (see {@link spellLabel}). */
  label?: SpellLabelOptions;
}

/**
 * Describe each cluster: size, weighted share, medoid, an automatic label from
 * the medoid's spells, the most frequent sequences, and the mean time in each
 * state (`meanTime` per cluster). Weights are honoured throughout.
 *
 * @param seqs the clustered sequences
 * @param labels cluster 1..k per row
 * @param options medoids (or a matrix to find them), number of representatives, label options
 * @returns one description per cluster, in cluster order
 * @example
 * const r = pam(matrix, 4);
 * describeClusters(seqs, r.labels, { medoids: r.medoids }).map((c) => `${c.cluster}: ${c.label} (${(100 * c.share).toFixed(0)}%)`);
 */
export function describeClusters(seqs: StateSequences, labels: ArrayLike<number>, options: DescribeClustersOptions = {}): ClusterDescription[] {
  const k = clusterCount(labels, seqs.n);
  let medoids: ArrayLike<number>;
  if (options.medoids) medoids = options.medoids;
  else if (options.matrix) medoids = clusterMedoids(options.matrix, labels, seqs.weights);
  else throw new OptionsError('medoids', 'describeClusters needs the medoids, or the distance matrix (option matrix) to find them');
  if (medoids.length !== k) throw new OptionsError('medoids', `${medoids.length} medoids for ${k} clusters; expected one per cluster`);
  const nRep = options.representatives ?? 3;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < seqs.n; i++) members[labels[i] - 1].push(i);
  let total = 0;
  for (let i = 0; i < seqs.n; i++) total += seqs.weights[i];
  return members.map((rows, c) => {
    const sub = selectRows(seqs, rows);
    const distinct = distinctSequences(sub);
    let weight = 0;
    for (let i = 0; i < sub.n; i++) weight += sub.weights[i];
    const top = Array.from(distinct.weights.keys())
      .sort((a, b) => distinct.weights[b] - distinct.weights[a] || a - b)
      .slice(0, nRep)
      .map((q) => ({ row: rows[distinct.firstRow[q]], share: distinct.weights[q] / weight, label: spellLabel(sub, distinct.firstRow[q], options.label) }));
    const mt = meanTime(sub);
    return {
      cluster: c + 1,
      size: rows.length,
      weight,
      share: weight / total,
      medoid: medoids[c],
      label: spellLabel(seqs, medoids[c], options.label),
      representatives: top,
      meanTime: mt.mean,
      states: mt.states,
    };
  });
}

/** Options of {@link spellLabel}. */
export interface SpellLabelOptions {
  /** Spells shorter than this many months are left out (default 3). */
  minSpell?: number;
  /** At most this many spells, the longest, in time order (default 3). */
  maxSpells?: number;
  /** Use the alphabet's labels instead of its codes (default false). */
  useLabels?: boolean;
}

/**
 * A short plain-language description of one sequence from its spells:
 * "state Nm -> state Nm -> state", the last spell without its length. Spells
 * shorter than `minSpell` months are dropped (neighbours in the same state then
 * join), and of the rest the `maxSpells` longest are kept, in time order.
 *
 * @param seqs the sequences
 * @param row the row to describe
 * @param options minSpell, maxSpells, useLabels
 * @example
 * spellLabel(seqs, 17); // "trial 2m -> work_jc 6m -> work" with minSpell 2
 */
export function spellLabel(seqs: StateSequences, row: number, options: SpellLabelOptions = {}): string {
  const minSpell = options.minSpell ?? 3;
  const maxSpells = options.maxSpells ?? 3;
  const names = options.useLabels ? seqs.alphabet.labels : seqs.alphabet.codes;
  const scratch = spellScratch(seqs.t);
  const count = rowSpells(seqs, row, false, scratch);
  if (count === 0) return '(empty)';
  let spells = Array.from({ length: count }, (_, s) => ({ state: scratch.state[s], months: scratch.duration[s] }));
  const long = spells.filter((s) => s.months >= minSpell);
  spells = long.length > 0 ? long : [spells.reduce((a, b) => (b.months > a.months ? b : a))];
  spells = mergeRuns(spells);
  if (spells.length > maxSpells) {
    const keep = new Set([...spells.keys()].sort((a, b) => spells[b].months - spells[a].months || a - b).slice(0, maxSpells));
    spells = mergeRuns(spells.filter((_, s) => keep.has(s)));
  }
  return spells.map((s, i) => (i < spells.length - 1 ? `${names[s.state]} ${s.months}m` : names[s.state])).join(' -> ');
}

/** Join neighbouring spells in the same state. */
function mergeRuns(spells: { state: number; months: number }[]): { state: number; months: number }[] {
  const out: { state: number; months: number }[] = [];
  for (const s of spells) {
    const last = out[out.length - 1];
    if (last && last.state === s.state) last.months += s.months;
    else out.push({ ...s });
  }
  return out;
}
