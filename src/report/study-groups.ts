import { transitionCount } from '../describe/indicators.js';
import { stateDistribution } from '../describe/state-distribution.js';
import { selectRows } from '../sequences/select.js';
import type { StateSequences } from '../sequences/types.js';

/** The four trajectory groups of study A, in the study's numbering. */
export const STUDY_GROUPS = [
  { id: 1, key: 'quick', label: 'quickly without jobcoach' },
  { id: 2, key: 'longJobcoach', label: 'long-term jobcoaching' },
  { id: 3, key: 'noWork', label: 'ends without work' },
  { id: 4, key: 'switchers', label: 'switchers' },
] as const;

/** Key of a study group. */
export type StudyGroupKey = (typeof STUDY_GROUPS)[number]['key'];

/** The profile a cluster is recognised by. */
export interface ClusterProfile {
  /** Cluster number as the clustering gave it. */
  readonly cluster: number;
  /** Weighted shares (0..1) of work, work_jc and none in the last month of the window, among those observed then. */
  readonly work: number;
  readonly workJc: number;
  readonly none: number;
  /** Weighted mean number of state changes per person-year observed in the window. */
  readonly transitionsPerYear: number;
}

/** A cluster mapped to a study group. */
export interface MappedGroup {
  /** New cluster number: the study's group number 1..4; clusters beyond the four get 5, 6, ... */
  readonly id: number;
  /** Study group key, or null for a cluster that is none of the four (k > 4). */
  readonly key: StudyGroupKey | null;
  /** English label of the study group, or `other <id>`. */
  readonly label: string;
  readonly profile: ClusterProfile;
}

/** Result of `mapStudyGroups`. */
export interface StudyGroupMapping {
  /** New cluster number per row. */
  readonly ids: Int32Array;
  /** One entry per cluster, ordered by new id. */
  readonly groups: readonly MappedGroup[];
}

/**
 * Name the clusters of a jobcoach typology after the four groups of study A by
 * their profile, not by their number (which depends on the data order):
 * "quickly without jobcoach" has the highest share in `work` at the end of
 * the window, "long-term jobcoaching" the highest in `work_jc`, "ends without
 * work" the highest in `none`, and "switchers" the most state changes per
 * year. Each feature is standardised over the clusters (z = (x - mean) / sd),
 * and the one-to-one assignment of groups to clusters with the largest sum of
 * z-scores is chosen (all assignments are tried; k is small). Clusters left
 * over when k > 4 are numbered 5, 6, ... by size.
 *
 * @param seqs the clustered sequences (the window, e.g. months 0..35), with states work, work_jc and none
 * @param labels cluster 1..k per row (k >= 4)
 * @returns new ids per row (the study's numbers) and each cluster's group and profile
 * @example
 * const { ids, groups } = mapStudyGroups(window, typology.labels);
 * groups.map((g) => `${g.id} ${g.label}`); // ['1 quickly without jobcoach', '2 long-term jobcoaching', ...]
 */
export function mapStudyGroups(seqs: StateSequences, labels: ArrayLike<number>): StudyGroupMapping {
  const codes = ['work', 'work_jc', 'none'].map((s) => seqs.alphabet.codes.indexOf(s));
  if (codes.some((c) => c < 0)) {
    throw new Error(`mapStudyGroups: the states work, work_jc and none are needed; the alphabet is ${seqs.alphabet.codes.join(', ')}.`);
  }
  let k = 0;
  for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i]);
  if (k < STUDY_GROUPS.length) throw new Error(`mapStudyGroups: ${k} clusters; the study has ${STUDY_GROUPS.length} groups.`);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) members[labels[i] - 1].push(i);
  const profiles = members.map((rows, c) => clusterProfile(selectRows(seqs, rows), c + 1, codes));
  const size = members.map((rows) => rows.reduce((s, i) => s + seqs.weights[i], 0));

  // z-scores of each group's feature over the clusters: score[g][c]
  const features: ((p: ClusterProfile) => number)[] = [(p) => p.work, (p) => p.workJc, (p) => p.none, (p) => p.transitionsPerYear];
  const score = features.map((f) => standardise(profiles.map(f)));
  let best: number[] = [];
  let bestScore = -Infinity;
  for (const pick of arrangements(k, STUDY_GROUPS.length)) {
    const total = pick.reduce((s, c, g) => s + score[g][c], 0);
    if (total > bestScore + 1e-12) {
      bestScore = total;
      best = pick;
    }
  }
  const newId = new Int32Array(k);
  best.forEach((c, g) => (newId[c] = STUDY_GROUPS[g].id));
  const rest = Array.from({ length: k }, (_, c) => c).filter((c) => !best.includes(c)).sort((a, b) => size[b] - size[a] || a - b);
  rest.forEach((c, r) => (newId[c] = STUDY_GROUPS.length + 1 + r));
  const groups = profiles
    .map((profile, c): MappedGroup => {
      const g = best.indexOf(c);
      const study = g >= 0 ? STUDY_GROUPS[g] : undefined;
      return { id: newId[c], key: study?.key ?? null, label: study?.label ?? `other ${newId[c]}`, profile };
    })
    .sort((a, b) => a.id - b.id);
  return { ids: Int32Array.from(labels, (c) => newId[c - 1]), groups };
}

function clusterProfile(sub: StateSequences, cluster: number, [work, workJc, none]: number[]): ClusterProfile {
  const d = stateDistribution(sub);
  const last = sub.t - 1;
  const changes = transitionCount(sub);
  // transitions per year = 12 Σ w_i changes_i / Σ w_i length_i
  let wc = 0;
  let wl = 0;
  for (let i = 0; i < sub.n; i++) {
    wc += sub.weights[i] * changes[i];
    wl += sub.weights[i] * sub.lengths[i];
  }
  const share = (s: number) => d.frequencies[s * d.t + last] || 0;
  return { cluster, work: share(work), workJc: share(workJc), none: share(none), transitionsPerYear: wl > 0 ? (12 * wc) / wl : 0 };
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
