/**
 * The disclosure model: every number a table publishes is a cell that knows
 * the persons behind it, and a table lists the linear relations between its
 * cells that a reader knows (shares summing to 100, parts summing to a total,
 * a complement such as "not working" = 100 - work retention). Suppression
 * works on this model, whatever kind of table it came from.
 */

/**
 * What a cell holds, which decides the rules that apply to it:
 * - `count`: a number of persons (or starts, endings): suppressed below
 *   `minCell`, or rounded when the user prefers rounding;
 * - `share`: a percentage or proportion: suppressed when its numerator or
 *   its base rests on fewer than `minCell` persons;
 * - `mean`: a mean or other statistic of a group (wages, hours, an index
 *   number, a test): suppressed when it rests on fewer than `minCell`
 *   persons, and when one person dominates it (see `contributions`).
 */
export type CellKind = 'count' | 'share' | 'mean';

/** One number of a table, with the persons behind it. */
export interface DisclosureCell {
  /** Name of the cell, unique within its table, e.g. `Wajong.direct_pct`. */
  readonly id: string;
  readonly value: number;
  /** Persons (unweighted) the cell rests on: the persons counted, or a share's numerator. */
  readonly persons: number;
  /** Persons of the base (denominator) of a share or the group of a mean (default: no separate base). */
  readonly base?: number;
  readonly kind: CellKind;
  /**
   * For means of magnitudes (wages, hours): the largest single person's
   * contribution to the sum behind the mean, and that sum (both weighted as
   * the mean is). Used by the dominance rule.
   */
  readonly contributions?: { readonly largest: number; readonly total: number };
  /**
   * True when the cell rests on fewer than `minCell` persons by a count the
   * model does not hold (e.g. the events of a survival-curve step,
   * `curvePlan`): it is suppressed as primary.
   */
  readonly tooFew?: boolean;
  /**
   * `false` for a number the table does not show but a reader can derive
   * (e.g. the share not listed because the shown ones and 100 give it): it
   * takes part in the relations, and when it rests on too few persons the
   * cells around it are suppressed so that it cannot be derived. Default true.
   */
  readonly published?: boolean;
  /**
   * Id (or ids) of cells of the same table that carry the same information in
   * another form (a count and its share of a shown base; a sum, its mean and
   * its count, any two of which give the third): they are suppressed
   * together, and with their own twins in turn, so one cannot be computed
   * from the others.
   */
  readonly twin?: string | readonly string[];
  /**
   * The same quantity published in several tables (e.g. a group's persons in
   * Table 1 and in the panel summary) carries one key: the copies are one
   * unknown to a reader and are suppressed together.
   */
  readonly key?: string;
}

/**
 * A linear relation between cells that a reader knows:
 * Σ coefficient × value(cell) = constant. A reader who sees all but one of
 * its cells can compute the last one.
 */
export interface Relation {
  /** [cell id, coefficient] pairs (coefficients non-zero). */
  readonly terms: readonly (readonly [string, number])[];
  /** The known right-hand side (default 0). */
  readonly constant?: number;
}

/** A published table: its cells and the relations between them. */
export interface DisclosureTable {
  /** Name of the table (its CSV file or results.json key), e.g. `job-loss`. */
  readonly name: string;
  readonly cells: readonly DisclosureCell[];
  readonly relations: readonly Relation[];
}

/**
 * A user's label (a state, a month, a group) as a part of a cell id: quoted
 * (as JSON) when it could be read otherwise: empty, starting with a quote,
 * holding the id's separator, or one of the table's own row names (`N`,
 * `entropy`). Ids made of such parts are distinct for distinct labels, so a
 * state named `N` or `a.x` neither clashes with a row nor misleads the
 * control.
 *
 * @param label the label
 * @param reserved names the table's own cells use in this place
 * @param separator what joins the parts of the id (default `.`)
 * @example
 * labelPart('work'); // 'work'
 * labelPart('a.x'); // '"a.x"'
 * labelPart('N', ['N', 'entropy']); // '"N"'
 */
export function labelPart(label: string, reserved: readonly string[] = [], separator = '.'): string {
  const quoted = label === '' || label.startsWith('"') || label.includes(separator) || reserved.includes(label);
  return quoted ? JSON.stringify(label) : label;
}

/**
 * The relation "these parts add up to that total": Σ parts - total = 0, or
 * Σ parts = a known constant (shares summing to 100).
 *
 * @param parts ids of the cells that add up
 * @param total id of the total cell, or the known total (e.g. 100 or 1)
 * @returns the relation
 * @example
 * sumsTo(['Wajong.direct_pct', 'Wajong.after_gap_pct', 'Wajong.no_new_job_pct'], 100);
 * sumsTo(['Wajong.persons', 'WGA.persons'], 'total.persons');
 * sumsTo(['same_pct', 'other_pct'], 'work_retention_pct');   // a complement: work retention = same + other
 */
export function sumsTo(parts: readonly string[], total: string | number): Relation {
  const terms = parts.map((p): [string, number] => [p, 1]);
  return typeof total === 'number' ? { terms, constant: total } : { terms: [...terms, [total, -1]], constant: 0 };
}

/**
 * The relation of a total mean (or share) to the group means it pools with
 * known weights: Σ_g w_g × mean_g - (Σ_g w_g) × mean_total = 0. A reader who
 * knows the group sizes can solve it for one missing mean.
 *
 * @param parts [cell id, weight] per group (weights: the group's weighted persons)
 * @param total id of the pooled cell
 * @returns the relation
 * @example
 * pooledMean([['Wajong.hours', 1200], ['WGA.hours', 800]], 'total.hours');
 */
export function pooledMean(parts: readonly (readonly [string, number])[], total: string): Relation {
  const sum = parts.reduce((s, [, w]) => s + w, 0);
  return { terms: [...parts.filter(([, w]) => w !== 0).map(([id, w]): [string, number] => [id, w]), [total, -sum]], constant: 0 };
}
