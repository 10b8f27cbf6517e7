/**
 * Sums per group plus a total row: `add(g, slot, v)` adds v to group g and to
 * the total (row `groups`). Tables with a row per group and a total use it.
 */
export class GroupSums {
  readonly total: number;
  private readonly sums: Float64Array;

  constructor(groups: number, private readonly slots: number) {
    this.total = groups;
    this.sums = new Float64Array((groups + 1) * slots);
  }

  add(group: number, slot: number, v: number): void {
    this.sums[group * this.slots + slot] += v;
    this.sums[this.total * this.slots + slot] += v;
  }

  /** Sum of `slot` in row `row` (a group, or `total`). */
  get(row: number, slot: number): number {
    return this.sums[row * this.slots + slot];
  }
}
