import type { DisclosureCell } from './model.js';

/**
 * What disclosure control did to a cell:
 * - `none`: published as computed;
 * - `primary`: suppressed, it rests on 1 to minCell - 1 persons;
 * - `dominance`: suppressed, one person's contribution dominates the mean;
 * - `secondary`: suppressed so that a primary cell cannot be computed from the published ones;
 * - `rounded`: a count published rounded to a multiple of the rounding base.
 */
export type DisclosureRule = 'none' | 'primary' | 'secondary' | 'dominance' | 'rounded';

/** The thresholds of the primary rules. */
export interface PrimaryRules {
  /** Smallest number of persons a published cell may rest on. */
  readonly minCell: number;
  /** A mean is suppressed when one contribution exceeds this share of the sum behind it. */
  readonly dominance: number;
  /** Rounding base for counts (null: counts are suppressed instead). */
  readonly round: number | null;
}

/**
 * The primary rule a cell falls under (before secondary suppression).
 *
 * - Minimum frequency: a cell resting on 1 to minCell - 1 persons (its
 *   `persons`, or a share's or mean's `base`, or marked `tooFew`) is
 *   suppressed; cells of 0 persons disclose no one and stay. Counts are rounded instead when
 *   `round` is set (rounding hides the exact small count).
 * - Dominance ((1, p) rule): a mean with `contributions` whose largest
 *   single contribution exceeds `dominance` × the sum is suppressed, however
 *   many persons it rests on (one high earner among ten would be
 *   recognisable from the mean).
 *
 * Reference: Hundepool et al. (2012), Statistical Disclosure Control,
 * Wiley, sections 4.2 (minimum frequency) and 4.2.2 (dominance rules).
 *
 * @param cell the cell
 * @param rules minCell, dominance, round
 * @returns 'none', 'primary', 'dominance' or 'rounded'
 * @example
 * primaryRule({ id: 'n', value: 7, persons: 7, kind: 'count' }, { minCell: 10, dominance: 0.5, round: null }); // 'primary'
 * primaryRule({ id: 'n', value: 7, persons: 7, kind: 'count' }, { minCell: 10, dominance: 0.5, round: 5 });    // 'rounded'
 * primaryRule({ id: 'wage', value: 40, persons: 12, kind: 'mean', contributions: { largest: 300, total: 480 } },
 *   { minCell: 10, dominance: 0.5, round: null }); // 'dominance'
 */
export function primaryRule(cell: DisclosureCell, rules: PrimaryRules): Exclude<DisclosureRule, 'secondary'> {
  const small = (n: number | undefined) => n !== undefined && n > 0 && n < rules.minCell;
  if (cell.kind === 'count' && rules.round !== null) return 'rounded';
  if (cell.tooFew || small(cell.persons) || (cell.kind !== 'count' && small(cell.base))) return 'primary';
  const c = cell.contributions;
  if (cell.kind === 'mean' && c && c.total > 0 && c.largest > rules.dominance * c.total) return 'dominance';
  return 'none';
}

/**
 * A count rounded to the nearest multiple of `base` (halves up).
 *
 * @example
 * roundCount(7, 5);  // 5
 * roundCount(8, 5);  // 10
 * roundCount(2, 5);  // 0
 * roundCount(15, 10); // 20
 */
export function roundCount(value: number, base: number): number {
  return Number.isFinite(value) ? Math.floor(value / base + 0.5) * base : value;
}
