import type { CellAttribute } from '../sequences/types.js';
import { isAbsent, Levels, parseNumber } from './values.js';

/**
 * A column of cell values read from text: numeric while every value is a
 * number (NaN when absent), switched to categories at the first value that is
 * not (numbers seen before become their decimal text). Used for person-month
 * attributes (one slot per grid cell) and person covariates (one per person).
 *
 * @example
 * const c = new ValueColumn('hours_week', 3, false);
 * c.set(0, '24'); c.set(1, ''); c.set(2, '32');
 * c.toCellAttribute(); // { kind: 'number', values: Float64Array [24, NaN, 32] }
 */
export class ValueColumn {
  readonly name: string;
  readonly levels = new Levels();
  numbers: Float64Array | undefined;
  categories: Int32Array | undefined;

  /**
   * @param name column name
   * @param size number of slots
   * @param category true to keep every value as a category (ids, employer_id)
   */
  constructor(name: string, size: number, category: boolean) {
    this.name = name;
    if (category) this.categories = new Int32Array(size).fill(-1);
    else this.numbers = new Float64Array(size).fill(NaN);
  }

  /** Store the text of slot `k`. */
  set(k: number, text: string): void {
    const numbers = this.numbers;
    if (numbers) {
      const x = parseNumber(text);
      if (x === x || isAbsent(text)) {
        numbers[k] = x;
        return;
      }
      this.toCategories();
    }
    this.categories![k] = isAbsent(text) ? -1 : this.levels.code(text);
  }

  /** The backing array (numbers or category codes). */
  get array(): Float64Array | Int32Array {
    return this.numbers ?? this.categories!;
  }

  set array(values: Float64Array | Int32Array) {
    if (values instanceof Float64Array) this.numbers = values;
    else this.categories = values;
  }

  /** Grow (or shrink) to `size` slots, keeping the values in the first ones. */
  resize(size: number): void {
    const old = this.array;
    const fresh = old instanceof Float64Array ? new Float64Array(size).fill(NaN) : new Int32Array(size).fill(-1);
    fresh.set(old.subarray(0, Math.min(size, old.length)));
    this.array = fresh;
  }

  /** The values as a `CellAttribute` (for a finished grid). */
  toCellAttribute(): CellAttribute {
    return this.numbers
      ? { kind: 'number', values: this.numbers }
      : { kind: 'category', values: this.categories!, levels: this.levels.values };
  }

  /** Values of the given slots for an arquero column: numbers (NaN when absent) or texts (null when absent). */
  take(slots: Int32Array): Float64Array | (string | null)[] {
    if (this.numbers) {
      const numbers = this.numbers;
      return Float64Array.from(slots, (k) => numbers[k]);
    }
    const { categories, levels } = this;
    return Array.from(slots, (k) => (categories![k] < 0 ? null : levels.values[categories![k]]));
  }

  private toCategories(): void {
    const numbers = this.numbers!;
    const categories = new Int32Array(numbers.length);
    for (let k = 0; k < numbers.length; k++) {
      const x = numbers[k];
      categories[k] = x === x ? this.levels.code(String(x)) : -1;
    }
    this.numbers = undefined;
    this.categories = categories;
  }
}

/**
 * Columns of person rows read from a CSV file, growing as rows are appended.
 *
 * @example
 * const set = new ColumnSet(['id', 'sex', 'birth_year'], [0, 1, 2], new Set([0]));
 * set.append(['7', 'f', '1990']);
 * set.columns[2].numbers; // Float64Array [1990, ...]
 */
export class ColumnSet {
  /** One column per selected header field. */
  readonly columns: ValueColumn[];
  /** Rows appended. */
  n = 0;
  private readonly fields: readonly number[];
  private capacity = 1024;

  /**
   * @param header the file's column names
   * @param fields indexes of the header fields to keep
   * @param categorical indexes kept as categories even when numeric (ids)
   */
  constructor(header: readonly string[], fields: readonly number[], categorical: ReadonlySet<number>) {
    this.fields = fields;
    this.columns = fields.map((k) => new ValueColumn(header[k], this.capacity, categorical.has(k)));
  }

  /** Append one record (the full row of fields). */
  append(record: readonly string[]): void {
    if (this.n === this.capacity) {
      this.capacity *= 2;
      for (const c of this.columns) c.resize(this.capacity);
    }
    for (let c = 0; c < this.fields.length; c++) this.columns[c].set(this.n, record[this.fields[c]]);
    this.n++;
  }

  /** Trim the columns to the rows appended. */
  finish(): ValueColumn[] {
    for (const c of this.columns) c.resize(this.n);
    return this.columns;
  }
}
