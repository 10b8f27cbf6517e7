import { controlTables, type DisclosureLogRow, type DisclosureOptions } from './control.js';
import type { DisclosureCell, Relation } from './model.js';

/** A state distribution by month, state-major as `stateDistribution` returns it. */
export interface DistributionCells {
  readonly states: readonly string[];
  readonly t: number;
  /** Shares (0..1), `frequencies[s * t + j]`; NaN in a month without valid states. */
  readonly frequencies: ArrayLike<number>;
  /** (Weighted) number of sequences with a valid state in each month. */
  readonly validN: ArrayLike<number>;
}

/** A distribution after disclosure control. */
export interface ProtectedDistribution {
  /** Shares to publish: NaN where suppressed (and where nobody is observed). */
  readonly frequencies: Float64Array;
  /** Valid N to publish: NaN where it rests on 1..minCell-1 persons (rounded with `round`). */
  readonly validN: Float64Array;
  /** The output-check lines of this distribution. */
  readonly log: readonly DisclosureLogRow[];
}

/**
 * Disclosure control of a state distribution by month (a chronogram, the
 * `statd` table): each month's shares sum to 1 and rest on the persons in
 * that state (numerator) and the persons observed that month (base); the
 * month's N rests on the persons observed. `controlTables` suppresses shares
 * and Ns on 1..minCell-1 persons and, within the month, further shares so
 * that none of them is 1 minus the others. Weighted shares and N stay
 * weighted; the persons behind them are the unweighted counts.
 *
 * @param d the distribution to publish (weighted or not)
 * @param persons the same distribution unweighted: `counts[s * t + j]` and `validN[j]` in persons
 * @param options minCell (10), round; `table` names the table in the log (default 'distribution')
 * @returns shares and N with suppressed cells NaN, and the log
 * @example
 * const d = stateDistribution(seqs);
 * const p = stateDistribution(seqs, { weighted: false });
 * protectDistribution(d, p).frequencies; // d.frequencies with small cells (and their partners) NaN
 */
export function protectDistribution(
  d: DistributionCells,
  persons: { readonly counts: ArrayLike<number>; readonly validN: ArrayLike<number> },
  options: DisclosureOptions & { table?: string } = {},
): ProtectedDistribution {
  const { t, states } = d;
  const cells: DisclosureCell[] = [];
  const relations: Relation[] = [];
  for (let j = 0; j < t; j++) {
    const base = persons.validN[j];
    cells.push({ id: `${j}.N`, value: d.validN[j], persons: base, kind: 'count' });
    if (!(base > 0)) continue;
    const ids = states.map((s) => `${j}.${s}`);
    states.forEach((_, s) => cells.push({ id: ids[s], value: d.frequencies[s * t + j], persons: persons.counts[s * t + j], base, kind: 'share' }));
    relations.push({ terms: ids.map((id): [string, number] => [id, 1]), constant: 1 });
  }
  const { minCell, dominance, round } = options;
  const safe = controlTables([{ name: options.table ?? 'distribution', cells, relations }], { minCell, dominance, round });
  const value = new Map(safe.tables[0].cells.map((c) => [c.id, c.value ?? NaN]));
  const frequencies = new Float64Array(states.length * t).fill(NaN);
  const validN = new Float64Array(t);
  for (let j = 0; j < t; j++) {
    validN[j] = value.get(`${j}.N`)!;
    states.forEach((s, k) => (frequencies[k * t + j] = value.get(`${j}.${s}`) ?? NaN));
  }
  return { frequencies, validN, log: safe.log };
}
