import { transitionCount } from '../describe/indicators.js';
import { stateDistribution } from '../describe/state-distribution.js';
import { OptionsError } from '../errors.js';
import { selectRows } from '../sequences/select.js';
import type { StateSequences } from '../sequences/types.js';
import type { StudyClusterName } from './study-file.js';

/** A cluster with the number and name it gets in the report. */
export interface NamedCluster {
  /** Number in the report: the named groups 1, 2, ... in the study file's order, other clusters after them by size; without names the clustering's own number. */
  readonly id: number;
  /** Cluster number as the clustering gave it. */
  readonly cluster: number;
  /** Key of the named group, or null (named from its medoid). */
  readonly key: string | null;
  /** The study file's name rule, or null. */
  readonly name: StudyClusterName | null;
  /** What the name was recognised by: `<state>_at_end` (share 0..1 in the last month of the window) per rule state, and `transitions_per_year`. */
  readonly profile: Readonly<Record<string, number>>;
}

/** Result of `nameClusters`. */
export interface ClusterNaming {
  /** Report number per row. */
  readonly ids: Int32Array;
  /** One entry per cluster, by report number. */
  readonly groups: readonly NamedCluster[];
}

/**
 * Number and name the clusters of a typology. With name rules (the study
 * file's `clusters.names`, e.g. study A's four groups), each named group goes
 * to the cluster that fits its rule: `shareAtEnd` the largest share in a state
 * in the last month of the window, `changesPerYear` the most state changes
 * per person-year; each feature is standardised over the clusters (z = (x -
 * mean) / sd) and the one-to-one assignment with the largest sum of z-scores
 * wins (all assignments are tried; k is small). Named groups are numbered 1,
 * 2, ... in the file's order; clusters left over are numbered after them by
 * size. Without rules the clusters keep their numbers.
 *
 * @param seqs the clustered sequences (the window)
 * @param labels cluster 1..k per row
 * @param names the name rules (may be empty)
 * @returns the report number per row and each cluster's profile
 * @example
 * const { ids, groups } = nameClusters(window, labels, [
 *   { key: 'quick', label: 'quickly without jobcoach', highest: 'shareAtEnd', state: 'work' },
 *   { key: 'switchers', label: 'switchers', highest: 'changesPerYear' },
 * ]);
 */
export function nameClusters(seqs: StateSequences, labels: ArrayLike<number>, names: readonly StudyClusterName[]): ClusterNaming {
  let k = 0;
  for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i]);
  if (names.length > k) throw new OptionsError('clusters.k', `${k} clusters cannot carry the ${names.length} names of clusters.names; expected k >= ${names.length}`);
  const ruleStates = names.filter((n) => n.highest === 'shareAtEnd').map((n) => n.state!);
  for (const [i, n] of names.entries()) {
    if (n.highest === 'shareAtEnd' && !seqs.alphabet.codes.includes(n.state ?? '')) {
      throw new OptionsError(`clusters.names[${i}].state`, `expected a state of the study (${seqs.alphabet.codes.join(', ')}); got ${JSON.stringify(n.state)}`);
    }
  }
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) members[labels[i] - 1].push(i);
  const profiles = members.map((rows) => clusterProfile(selectRows(seqs, rows), ruleStates));
  const size = members.map((rows) => rows.reduce((s, i) => s + seqs.weights[i], 0));
  if (names.length === 0) {
    return { ids: Int32Array.from(labels), groups: profiles.map((profile, c) => ({ id: c + 1, cluster: c + 1, key: null, name: null, profile })) };
  }
  // z-scores of each name's feature over the clusters: score[g][c]
  const feature = (n: StudyClusterName) => (p: Record<string, number>) => (n.highest === 'changesPerYear' ? p.transitions_per_year : p[`${n.state}_at_end`]);
  const score = names.map((n) => standardise(profiles.map(feature(n))));
  let best: number[] = [];
  let bestScore = -Infinity;
  for (const pick of arrangements(k, names.length)) {
    const total = pick.reduce((s, c, g) => s + score[g][c], 0);
    if (total > bestScore + 1e-12) {
      bestScore = total;
      best = pick;
    }
  }
  const newId = new Int32Array(k);
  best.forEach((c, g) => (newId[c] = g + 1));
  const rest = Array.from({ length: k }, (_, c) => c).filter((c) => !best.includes(c)).sort((a, b) => size[b] - size[a] || a - b);
  rest.forEach((c, r) => (newId[c] = names.length + 1 + r));
  const groups = profiles
    .map((profile, c): NamedCluster => {
      const g = best.indexOf(c);
      return { id: newId[c], cluster: c + 1, key: g >= 0 ? names[g].key : null, name: g >= 0 ? names[g] : null, profile };
    })
    .sort((a, b) => a.id - b.id);
  return { ids: Int32Array.from(labels, (c) => newId[c - 1]), groups };
}

/** Shares in the rule states in the last month and state changes per person-year: 12 Σ w changes / Σ w length. */
function clusterProfile(sub: StateSequences, states: readonly string[]): Record<string, number> {
  const d = stateDistribution(sub);
  const last = sub.t - 1;
  const changes = transitionCount(sub);
  let wc = 0;
  let wl = 0;
  for (let i = 0; i < sub.n; i++) {
    wc += sub.weights[i] * changes[i];
    wl += sub.weights[i] * sub.lengths[i];
  }
  const profile: Record<string, number> = {};
  for (const s of states) profile[`${s}_at_end`] = d.frequencies[sub.alphabet.codes.indexOf(s) * d.t + last] || 0;
  profile.transitions_per_year = wl > 0 ? (12 * wc) / wl : 0;
  return profile;
}

/** (x - mean) / sd over the entries; all 0 when they are equal. */
function standardise(x: number[]): number[] {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length);
  return x.map((v) => (sd > 0 ? (v - mean) / sd : 0));
}

/** Every ordered choice of r distinct indices out of 0..n-1. */
function* arrangements(n: number, r: number, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === r) {
    yield prefix;
    return;
  }
  for (let c = 0; c < n; c++) if (!prefix.includes(c)) yield* arrangements(n, r, [...prefix, c]);
}
