import { stateDistribution } from '../describe/state-distribution.js';
import { transitionRatesByMonth } from '../describe/transitions.js';
import { condensedIndex } from '../distance/matrix.js';
import { OptionsError } from '../errors.js';
import { distinctSequences } from '../sequences/distinct.js';
import type { StateSequences } from '../sequences/types.js';
import { caseWeights } from '../weights.js';
import { resolveCases, type CaseDissimilarities } from './cases.js';

/** Criteria of {@link representatives}, named as in TraMineR's `seqrep`. */
export type RepresentativeCriterion = 'density' | 'freq' | 'dist' | 'mscore' | 'prob';

/** Options of {@link representatives}. */
export interface RepresentativeOptions {
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /** How candidates are ranked (default `density`); `mscore` and `prob` need `score` (or {@link sequenceRepresentatives}). */
  criterion?: RepresentativeCriterion;
  /** A score per case for `mscore`, `prob` or one's own ranking. */
  score?: ArrayLike<number>;
  /** Rank by decreasing score (default: true, false for `dist` and `prob`). */
  decreasing?: boolean;
  /** Stop when this share of the weight lies within the radius of a representative (default 0.25). */
  coverage?: number;
  /** Instead of coverage: this many representatives. */
  nrep?: number;
  /** Neighbourhood radius as a share of dmax (default 0.1). */
  pradius?: number;
  /** Largest distance (default: the largest in the matrix). */
  dmax?: number;
}

/** Quality statistics of one representative (or the total), as TraMineR's `Statistics` table. */
export interface RepresentativeStatistics {
  /** Weight of the cases nearest to it. */
  readonly na: number;
  readonly naPct: number;
  /** Weight of those within the radius. */
  readonly nb: number;
  readonly nbPct: number;
  /** Sum of weighted distances of its cases to it. */
  readonly SD: number;
  /** Mean distance (SD / na). */
  readonly MD: number;
  /** Sum of weighted distances of its cases to the centre of all cases. */
  readonly DC: number;
  /** Discrepancy of its cases. */
  readonly V: number;
  /** Quality gain (DC - SD) / DC, in %. */
  readonly Q: number;
}

/** Result of {@link representatives} (TraMineR's `dissrep`). */
export interface Representatives {
  /** Case (0-based) of each representative, in selection order. */
  readonly rows: Int32Array;
  /** Statistics per representative, then the total. */
  readonly statistics: readonly RepresentativeStatistics[];
  /** Overall quality (DC - SD) / DC of the set. */
  readonly quality: number;
  /** Index (0-based) of the nearest representative of every case. */
  readonly assignment: Int32Array;
  /** Distance of every case to that representative. */
  readonly caseDistance: Float64Array;
  readonly criterion: RepresentativeCriterion | 'score';
  readonly dmax: number;
  /** Neighbourhood radius (pradius x dmax). */
  readonly radius: number;
  /** Share of the weight within the radius of a representative. */
  readonly coverage: number;
  /** Total weight. */
  readonly n: number;
}

/**
 * Representative sequences (TraMineR's `dissrep`; Gabadinho, Ritschard,
 * Studer & Müller 2011, "Extracting and rendering representative sequences").
 * Candidates are ranked by a criterion: `density` (weight of the cases closer
 * than the radius r = pradius x dmax), `freq` (weight of identical cases),
 * `dist` (sum of weighted distances, ascending), or a given score; ties keep
 * row order. The next candidate farther than r from all those chosen joins
 * the set, until `coverage` of the weight lies within r of one of them (or
 * `nrep` are chosen). Per representative: na (weight of the cases nearest to
 * it), nb (of those within r), SD and MD (sum and mean of their distances to
 * it), DC (sum of their distances to the overall centre), V (their
 * discrepancy: the unweighted mean of their distances to their own weighted
 * centre, as TraMineR) and Q = (DC - SD) / DC in %.
 *
 * @param diss an N x N matrix, or a distinct-sequence matrix with its map
 * @param options criterion, coverage or nrep, pradius, dmax, weights, score
 * @returns the representatives' rows and statistics
 * @example
 * const r = representatives(om, { criterion: 'density', coverage: 0.25 });
 * r.rows; // Int32Array [146, 286, 456] on mvad (R's rows 147, 287, 457)
 */
export function representatives(diss: CaseDissimilarities, options: RepresentativeOptions = {}): Representatives {
  const cases = resolveCases(diss);
  const w = caseWeights(options.weights, cases.n);
  const criterion = options.criterion ?? 'density';
  if (options.score === undefined && (criterion === 'mscore' || criterion === 'prob')) {
    throw new OptionsError('criterion', `${criterion} needs a score per sequence; use sequenceRepresentatives`);
  }
  const pradius = options.pradius ?? 0.1;
  if (!(pradius >= 0 && pradius <= 1)) throw new OptionsError('pradius', `must be between 0 and 1; got ${pradius}`);
  const coverage = options.coverage ?? 0.25;
  if (options.nrep !== undefined && !(Number.isInteger(options.nrep) && options.nrep >= 1)) throw new OptionsError('nrep', `must be a whole number >= 1; got ${options.nrep}`);
  if (options.nrep === undefined && !(coverage > 0 && coverage <= 1)) throw new OptionsError('coverage', `must be in (0, 1]; got ${coverage}`);

  // items present, with their weights, case counts and first case
  const { matrix } = cases;
  const local = new Int32Array(matrix.n).fill(-1);
  const items: number[] = [];
  const firstCase: number[] = [];
  for (let i = 0; i < cases.n; i++) {
    const a = cases.item[i];
    if (local[a] < 0) {
      local[a] = items.length;
      items.push(a);
      firstCase.push(i);
    }
  }
  const m = items.length;
  const W = new Float64Array(m);
  const count = new Float64Array(m);
  for (let i = 0; i < cases.n; i++) {
    W[local[cases.item[i]]] += w[i];
    count[local[cases.item[i]]]++;
  }
  const total = W.reduce((s, x) => s + x, 0);
  const d = (x: number, y: number) => (x === y ? 0 : matrix.values[condensedIndex(matrix.n, items[x], items[y])]);
  const row = (x: number, out: Float64Array) => {
    for (let y = 0; y < m; y++) out[y] = d(x, y);
    return out;
  };
  let dmax = options.dmax ?? 0;
  if (options.dmax === undefined) for (let x = 0; x < m; x++) for (let y = x + 1; y < m; y++) dmax = Math.max(dmax, d(x, y));
  const radius = dmax * pradius;

  // scores per item
  const buf = new Float64Array(m);
  const score = new Float64Array(m);
  let decreasing = options.decreasing ?? true;
  if (options.score !== undefined) {
    if (options.score.length !== cases.n) throw new OptionsError('score', `${options.score.length} scores for ${cases.n} cases`);
    for (let x = 0; x < m; x++) score[x] = options.score[firstCase[x]];
    if (criterion === 'prob' && options.decreasing === undefined) decreasing = false;
  } else {
    for (let x = 0; x < m; x++) {
      row(x, buf);
      let s = 0;
      // density: weight closer than r; freq: weight at distance 0; dist: weighted distance sum
      for (let y = 0; y < m; y++) s += criterion === 'density' ? (buf[y] < radius ? W[y] : 0) : criterion === 'freq' ? (buf[y] === 0 ? W[y] : 0) : buf[y] * W[y];
      score[x] = s;
    }
    if (criterion === 'dist') decreasing = false;
  }
  const order = [...Array(m).keys()].sort((x, y) => (decreasing ? score[y] - score[x] : score[x] - score[y]) || firstCase[x] - firstCase[y]);

  // selection
  const chosen: number[] = [];
  const nearest = new Float64Array(m).fill(Infinity); // distance to the nearest chosen
  let covered = 0;
  for (const x of order) {
    if (options.nrep !== undefined ? chosen.length >= options.nrep : chosen.length > 0 && covered / total >= coverage) break;
    row(x, buf);
    if (chosen.length > 0 && !chosen.every((c) => buf[c] > radius)) continue;
    chosen.push(x);
    covered = 0;
    for (let y = 0; y < m; y++) {
      nearest[y] = Math.min(nearest[y], buf[y]);
      if (nearest[y] < radius) covered += W[y];
    }
  }

  // statistics
  const k = chosen.length;
  const toRep = chosen.map((c) => row(c, new Float64Array(m)));
  const assign = new Int32Array(m);
  for (let y = 0; y < m; y++) {
    let best = 0;
    for (let r = 1; r < k; r++) if (toRep[r][y] < toRep[best][y]) best = r;
    assign[y] = best;
  }
  const centre = centreDistances(m, W, d, () => true);
  const stats: RepresentativeStatistics[] = [];
  let sumNa = 0;
  let sumNb = 0;
  let sumSD = 0;
  let sumDC = 0;
  for (let r = 0; r < k; r++) {
    let na = 0;
    let nb = 0;
    let SD = 0;
    let DC = 0;
    for (let y = 0; y < m; y++) {
      if (k > 1 && assign[y] !== r) continue;
      na += W[y];
      if (toRep[r][y] < radius) nb += W[y];
      SD += W[y] * toRep[r][y];
      DC += W[y] * centre[y];
    }
    let V: number;
    if (k > 1) {
      const own = centreDistances(m, W, d, (y) => assign[y] === r);
      let s = 0;
      let c = 0;
      for (let y = 0; y < m; y++) if (assign[y] === r) {
        s += count[y] * own[y];
        c += count[y];
      }
      V = s / c;
    } else V = DC / total;
    stats.push({ na, naPct: (100 * na) / total, nb, nbPct: (100 * nb) / total, SD, MD: k > 1 ? SD / na : SD / total, DC, V, Q: ((DC - SD) / DC) * 100 });
    sumNa += na;
    sumNb += nb;
    sumSD += SD;
    sumDC += DC;
  }
  if (dmax === 0) {
    // all cases identical: every case is within the radius
    stats.forEach((s, r) => (stats[r] = { ...s, nb: total, nbPct: 100 }));
    sumNb = total * k;
  }
  stats.push({
    na: sumNa, naPct: (100 * sumNa) / total, nb: sumNb, nbPct: (100 * sumNb) / total,
    SD: sumSD, MD: sumSD / total, DC: sumDC, V: sumDC / total, Q: ((sumDC - sumSD) / sumDC) * 100,
  });
  return {
    rows: Int32Array.from(chosen, (x) => firstCase[x]),
    statistics: stats,
    quality: (sumDC - sumSD) / sumDC,
    assignment: Int32Array.from(cases.item, (a) => assign[local[a]]),
    caseDistance: Float64Array.from(cases.item, (a) => toRep[assign[local[a]]][local[a]]),
    criterion: options.score !== undefined && criterion !== 'mscore' && criterion !== 'prob' ? 'score' : criterion,
    dmax, radius, coverage: covered / total, n: total,
  };
}

/**
 * Distance of each item to the weighted centre of a subset (TraMineR's
 * `disscenter`): sum_{b in S} W_b d_ab / W_S - (the weighted mean of that over S) / 2.
 */
function centreDistances(m: number, W: Float64Array, d: (x: number, y: number) => number, inSet: (y: number) => boolean): Float64Array {
  const out = new Float64Array(m);
  let ws = 0;
  for (let y = 0; y < m; y++) if (inSet(y)) ws += W[y];
  for (let x = 0; x < m; x++) {
    if (!inSet(x)) continue;
    let s = 0;
    for (let y = 0; y < m; y++) if (inSet(y)) s += W[y] * d(x, y);
    out[x] = s / ws;
  }
  let mean = 0;
  for (let x = 0; x < m; x++) if (inSet(x)) mean += (W[x] * out[x]) / ws;
  for (let x = 0; x < m; x++) if (inSet(x)) out[x] -= mean / 2;
  return out;
}

/** A representative with the disclosure check of {@link sequenceRepresentatives}. */
export interface SequenceRepresentative {
  /** Case (0-based) of the representative. */
  readonly row: number;
  /** Persons whose sequence is exactly this one. */
  readonly persons: number;
  /** True when at least `minCell` persons share it, so it may be shown. */
  readonly disclosable: boolean;
}

/** Result of {@link sequenceRepresentatives}: the representatives with their disclosure check. */
export interface SequenceRepresentatives extends Representatives {
  readonly shown: readonly SequenceRepresentative[];
  /** The disclosure threshold used. */
  readonly minCell: number;
}

/** Options of {@link sequenceRepresentatives}. */
export interface SequenceRepresentativeOptions extends Omit<RepresentativeOptions, 'weights' | 'score'> {
  /** Use the sequences' weights (default true). */
  weighted?: boolean;
  /** Disclosure control: a representative is shown only when at least this many persons share its sequence (default 10). */
  minCell?: number;
}

/**
 * Representative sequences of a sequence set (TraMineR's `seqrep`):
 * {@link representatives} with the sequences' weights, the `mscore` and
 * `prob` criteria computed from the sequences, and disclosure control: each
 * representative says how many persons share its exact sequence and whether
 * that reaches `minCell`.
 *
 * - mscore: sum over months of the share of the sequence's state in that month (`seqstatd`), decreasing.
 * - prob: -log of the sequence's probability under the month-to-month
 *   transition rates (`seqlogp`: first-month shares, then time-varying rates), increasing.
 *
 * @param seqs the sequences (one case per row)
 * @param diss their dissimilarities (N x N, or distinct with the map)
 * @param options criterion, coverage or nrep, pradius, dmax, weighted, minCell
 * @example
 * const r = sequenceRepresentatives(seqs, om, { criterion: 'density', coverage: 0.25, minCell: 10 });
 * r.shown.filter((s) => s.disclosable).map((s) => s.row);
 */
export function sequenceRepresentatives(
  seqs: StateSequences,
  diss: CaseDissimilarities,
  options: SequenceRepresentativeOptions = {},
): SequenceRepresentatives {
  const weighted = options.weighted ?? true;
  const criterion = options.criterion ?? 'density';
  const score = criterion === 'mscore' ? modalScore(seqs, weighted) : criterion === 'prob' ? logProbability(seqs, weighted) : undefined;
  const result = representatives(diss, { ...options, weights: weighted ? seqs.weights : undefined, score });
  const { counts, rowToDistinct } = distinctSequences(seqs);
  const minCell = options.minCell ?? 10;
  const shown = Array.from(result.rows, (row) => {
    const persons = counts[rowToDistinct[row]];
    return { row, persons, disclosable: persons >= minCell };
  });
  return { ...result, shown, minCell };
}

/** TraMineR's mscore: per sequence, the sum over months of the share of its state in that month. */
function modalScore(seqs: StateSequences, weighted: boolean): Float64Array {
  const d = stateDistribution(seqs, { weighted });
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) {
    for (let j = 0; j < seqs.lengths[i]; j++) {
      const c = seqs.codes[i * seqs.t + j];
      if (c < seqs.alphabet.codes.length) out[i] += d.frequencies[c * d.t + j];
    }
  }
  return out;
}

/**
 * TraMineR's seqlogp: -log p(first state) - sum_j log p_j(x_j | x_{j-1}), with
 * p the first-month shares and the month-to-month transition rates; zero or
 * undefined probabilities are skipped.
 */
function logProbability(seqs: StateSequences, weighted: boolean): Float64Array {
  const first = stateDistribution(seqs, { weighted });
  const rates = transitionRatesByMonth(seqs, { weighted }).rates;
  const S = seqs.alphabet.codes.length;
  const out = new Float64Array(seqs.n);
  for (let i = 0; i < seqs.n; i++) {
    const row = i * seqs.t;
    const add = (p: number) => {
      if (p > 0) out[i] -= Math.log(p);
    };
    if (seqs.lengths[i] > 0 && seqs.codes[row] < S) add(first.frequencies[seqs.codes[row] * first.t]);
    for (let j = 1; j < seqs.lengths[i]; j++) {
      const a = seqs.codes[row + j - 1];
      const b = seqs.codes[row + j];
      if (a < S && b < S) add(rates[j - 1][a * S + b]);
    }
  }
  return out;
}

