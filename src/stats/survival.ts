import { confidenceZ } from './distributions.js';
import { OptionsError } from '../errors.js';
import { caseWeights } from '../weights.js';

/** How a pointwise confidence interval for a survival-type probability S is formed. */
export type ConfidenceType = 'log-log' | 'log' | 'plain';

/** Options shared by the survival estimators. */
export interface SurvivalOptions {
  /** Case weights, one per observation (default 1). */
  weights?: ArrayLike<number>;
  /** Confidence level of the pointwise intervals (default 0.95). */
  level?: number;
  /**
   * Interval scale (default 'log-log'): 'log-log' is S^exp(±z se(log(-log S))),
   * Kalbfleisch & Prentice (2002) 1.4; 'log' is S exp(±z se(log S)) capped at 1;
   * 'plain' is S ± z se(S) clipped to [0, 1].
   */
  confType?: ConfidenceType;
}

/** The risk table at each distinct observed time, sorted ascending. */
export interface RiskTable {
  /** Distinct times at which an event or a censoring occurs. */
  readonly time: number[];
  /** Weighted number at risk just before each time (observations with time >= t). */
  readonly atRisk: number[];
  /** Unweighted number of observations at risk. */
  readonly atRiskCount: number[];
  /** Weighted events of any cause at each time. */
  readonly events: number[];
  /** Unweighted events of any cause at each time (for disclosure control: the observations a step rests on). */
  readonly eventsCount: number[];
  /** Weighted events per cause: `eventsByCause[k - 1][j]` for cause k. */
  readonly eventsByCause: number[][];
  /** Weighted censorings at each time (censored at t means the event time is > t). */
  readonly censored: number[];
}

/** A Kaplan-Meier curve: right-continuous step function S(t) with a pointwise band. */
export interface KaplanMeierCurve extends RiskTable {
  /** S(t_j) = Π_{t_l <= t_j} (1 - d_l / n_l). */
  readonly survival: number[];
  /** Greenwood standard error of S(t_j). */
  readonly se: number[];
  readonly lower: number[];
  readonly upper: number[];
  readonly level: number;
  readonly confType: ConfidenceType;
}

/** Aalen-Johansen cumulative incidence per cause, with the all-cause Kaplan-Meier curve. */
export interface CumulativeIncidence extends RiskTable {
  /** All-cause event-free probability S(t_j). */
  readonly survival: number[];
  /** F_k(t_j) = Σ_{t_l <= t_j} S(t_{l-1}) d_kl / n_l, one array per cause k = 1..K. */
  readonly incidence: number[][];
  /** Delta-method standard error of F_k(t_j), one array per cause. */
  readonly se: number[][];
  readonly lower: number[][];
  readonly upper: number[][];
  readonly level: number;
  readonly confType: ConfidenceType;
}

/**
 * Aggregate observations into the risk table at each distinct time.
 *
 * @param time observed time of each observation (event or censoring time)
 * @param cause 0 = censored, k = 1..causes = event of cause k
 * @param causes number of causes K
 * @param weights case weights (default 1)
 * @example
 * riskTable([1, 2, 2, 3], [1, 0, 1, 1], 1).atRisk; // [4, 3, 1]
 */
export function riskTable(time: ArrayLike<number>, cause: ArrayLike<number>, causes: number, weights?: ArrayLike<number>): RiskTable {
  const n = time.length;
  if (cause.length !== n) throw new OptionsError('cause', `${cause.length} entries; expected ${n} (one per time)`);
  const w = caseWeights(weights, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b]);
  const out: RiskTable = { time: [], atRisk: [], atRiskCount: [], events: [], eventsCount: [], eventsByCause: [], censored: [] };
  for (let k = 0; k < causes; k++) out.eventsByCause.push([]);
  let totalW = 0;
  for (let i = 0; i < n; i++) {
    const k = cause[i];
    if (!Number.isInteger(k) || k < 0 || k > causes) throw new OptionsError('cause', `observation ${i} has cause ${k}; expected 0 (censored) to ${causes}`);
    if (!(time[i] >= 0 && time[i] !== Infinity)) throw new OptionsError('time', `observation ${i} has time ${time[i]}; expected a finite time >= 0`);
    totalW += w[i];
  }
  // walk the sorted times; the risk set at t is every observation with time >= t
  let remainingW = totalW;
  let remainingN = n;
  let p = 0;
  while (p < n) {
    const t = time[order[p]];
    let d = 0;
    let dCount = 0;
    let cens = 0;
    let count = 0;
    const byCause = new Float64Array(causes);
    let q = p;
    for (; q < n && time[order[q]] === t; q++) {
      const i = order[q];
      count++;
      if (cause[i] === 0) cens += w[i];
      else {
        d += w[i];
        dCount++;
        byCause[cause[i] - 1] += w[i];
      }
    }
    out.time.push(t);
    out.atRisk.push(remainingW);
    out.atRiskCount.push(remainingN);
    out.events.push(d);
    out.eventsCount.push(dCount);
    out.censored.push(cens);
    for (let k = 0; k < causes; k++) out.eventsByCause[k].push(byCause[k]);
    remainingW -= d + cens;
    remainingN -= count;
    p = q;
  }
  return out;
}

/**
 * Kaplan-Meier estimate of the survival function with Greenwood standard
 * errors and a pointwise confidence band.
 *
 * S(t) = Π_{t_j <= t} (1 - d_j / n_j), Var S(t) = S(t)² Σ_{t_j <= t} d_j / (n_j (n_j - d_j))
 * (Kaplan & Meier 1958; Greenwood 1926). Censored at t means known to survive
 * past t (censorings tied with events stay in the risk set at t). Weights enter
 * d_j and n_j as frequency weights.
 *
 * @param time event or censoring time per observation
 * @param event 1 = event, 0 = censored
 * @param options weights, level (0.95), confType ('log-log')
 * @example
 * const km = kaplanMeier([1, 2, 2, 3], [1, 0, 1, 1]);
 * km.survival; // [0.75, 0.5, 0]
 */
export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>, options: SurvivalOptions = {}): KaplanMeierCurve {
  const { level = 0.95, confType = 'log-log' } = options;
  const table = riskTable(time, event, 1, options.weights);
  const z = confidenceZ(level);
  const m = table.time.length;
  const survival: number[] = new Array(m);
  const se: number[] = new Array(m);
  const lower: number[] = new Array(m);
  const upper: number[] = new Array(m);
  let s = 1;
  let greenwood = 0; // Σ d/(n(n-d))
  for (let j = 0; j < m; j++) {
    const d = table.events[j];
    const nj = table.atRisk[j];
    if (d > 0) {
      s *= 1 - d / nj;
      greenwood += nj > d ? d / (nj * (nj - d)) : Infinity;
    }
    survival[j] = s;
    se[j] = s > 0 ? s * Math.sqrt(greenwood) : 0;
    [lower[j], upper[j]] = survivalInterval(s, greenwood, z, confType);
  }
  return { ...table, survival, se, lower, upper, level, confType };
}

/**
 * Pointwise interval for a survival-type probability s with relative
 * variance v = Var(s) / s² (Greenwood's sum for Kaplan-Meier).
 */
function survivalInterval(s: number, v: number, z: number, confType: ConfidenceType): [number, number] {
  if (s <= 0) return [0, 0];
  if (v === 0) return [s, s];
  const sdLog = Math.sqrt(v); // se(log S)
  if (confType === 'plain') return [Math.max(0, s - z * s * sdLog), Math.min(1, s + z * s * sdLog)];
  if (confType === 'log') return [s * Math.exp(-z * sdLog), Math.min(1, s * Math.exp(z * sdLog))];
  if (s >= 1) return [1, 1];
  // se(log(-log S)) = se(log S) / |log S|; S^exp(+a) is the lower bound
  const a = (z * sdLog) / Math.abs(Math.log(s));
  return [Math.pow(s, Math.exp(a)), Math.pow(s, Math.exp(-a))];
}

/**
 * Aalen-Johansen estimate of the cumulative incidence of each of K competing
 * causes, with delta-method standard errors and a pointwise band.
 *
 * F_k(t) = Σ_{t_j <= t} S(t_{j-1}) d_kj / n_j with S the all-cause Kaplan-Meier
 * curve (Aalen & Johansen 1978). Variance by the delta method (Marubini &
 * Valsecchi 1995, Analysing Survival Data from Clinical Trials, 10.2):
 * Var F_k(t) = Σ_{t_j <= t} [ (F_k(t) - F_k(t_j))² d_j / (n_j (n_j - d_j))
 *   + S(t_{j-1})² d_kj (n_j - d_kj) / n_j³ - 2 (F_k(t) - F_k(t_j)) S(t_{j-1}) d_kj / n_j² ].
 * The band is formed for 1 - F_k on the chosen scale, so that with a single
 * cause it equals the Kaplan-Meier band of S = 1 - F.
 *
 * @param time event or censoring time per observation
 * @param cause 0 = censored, k = 1..causes
 * @param causes number of causes K (default: the largest cause code)
 * @param options weights, level (0.95), confType ('log-log')
 * @example
 * const aj = aalenJohansen([1, 2, 2, 3], [1, 2, 0, 1], 2);
 * aj.incidence[0]; // [0.25, 0.25, 0.75]
 */
export function aalenJohansen(
  time: ArrayLike<number>,
  cause: ArrayLike<number>,
  causes?: number,
  options: SurvivalOptions = {},
): CumulativeIncidence {
  const { level = 0.95, confType = 'log-log' } = options;
  let k = causes ?? 0;
  if (causes === undefined) for (let i = 0; i < cause.length; i++) k = Math.max(k, cause[i]);
  const table = riskTable(time, cause, k, options.weights);
  const z = confidenceZ(level);
  const m = table.time.length;
  const survival: number[] = new Array(m);
  const sBefore = new Float64Array(m); // S(t_{j-1})
  let s = 1;
  for (let j = 0; j < m; j++) {
    sBefore[j] = s;
    if (table.events[j] > 0) s *= 1 - table.events[j] / table.atRisk[j];
    survival[j] = s;
  }
  const incidence: number[][] = [];
  const se: number[][] = [];
  const lower: number[][] = [];
  const upper: number[][] = [];
  for (let c = 0; c < k; c++) {
    const dk = table.eventsByCause[c];
    const f: number[] = new Array(m);
    let acc = 0;
    for (let j = 0; j < m; j++) {
      acc += dk[j] > 0 ? (sBefore[j] * dk[j]) / table.atRisk[j] : 0;
      f[j] = acc;
    }
    const sd: number[] = new Array(m);
    const lo: number[] = new Array(m);
    const hi: number[] = new Array(m);
    for (let j = 0; j < m; j++) {
      // delta-method variance, summed over event times t_l <= t_j
      let v = 0;
      for (let l = 0; l <= j; l++) {
        const d = table.events[l];
        if (d === 0) continue;
        const nl = table.atRisk[l];
        const dkl = dk[l];
        const gap = f[j] - f[l];
        if (gap !== 0) v += (gap * gap * d) / (nl * (nl - d)) - (2 * gap * sBefore[l] * dkl) / (nl * nl);
        v += (sBefore[l] * sBefore[l] * dkl * (nl - dkl)) / (nl * nl * nl);
      }
      v = Math.max(0, v);
      sd[j] = Math.sqrt(v);
      const comp = 1 - f[j];
      const [l1, u1] = comp > 0 ? survivalInterval(comp, v / (comp * comp), z, confType) : [0, 0];
      lo[j] = 1 - u1;
      hi[j] = 1 - l1;
    }
    incidence.push(f);
    se.push(sd);
    lower.push(lo);
    upper.push(hi);
  }
  return { ...table, survival, incidence, se, lower, upper, level, confType };
}

/**
 * Value of a right-continuous step curve at time t: the value at the last
 * curve time <= t, `before` when t precedes every curve time, and past the
 * last curve time NaN (nothing is known there) unless `extend` says the curve
 * is final (e.g. every observation has had its event, S = 0).
 *
 * @example
 * stepValueAt([1, 2, 3], [0.75, 0.5, 0.25], 2.5, 1); // 0.5
 * stepValueAt([1, 2, 3], [0.75, 0.5, 0.25], 9, 1);   // NaN
 */
export function stepValueAt(times: readonly number[], values: readonly number[], t: number, before: number, extend = false): number {
  if (times.length === 0 || t < times[0]) return before;
  const last = times.length - 1;
  if (t > times[last]) return extend ? values[last] : NaN;
  let lo = 0;
  let hi = last;
  // binary search for the last index with times[idx] <= t
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return values[lo];
}
