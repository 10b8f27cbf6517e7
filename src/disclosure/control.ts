import { OptionsError } from '../errors.js';
import type { CellKind, DisclosureCell, DisclosureTable } from './model.js';
import { primaryRule, roundCount, type DisclosureRule, type PrimaryRules } from './primary.js';
import { RelationGraph, type IndexedRelation } from './recover.js';
import { withUnsafeRaw, type WithUnsafeRaw } from './safe.js';
import { suppressSecondary } from './secondary.js';

/** Options of `controlTables`. */
export interface DisclosureOptions {
  /** Smallest number of persons a published cell may rest on (default 10, the CBS Remote Access rule). */
  minCell?: number;
  /** Dominance rule: a mean is suppressed when one person's contribution exceeds this share of its sum (default 0.5; 1 turns it off). */
  dominance?: number;
  /** Round counts to a multiple of this base (e.g. 5 or 10) instead of suppressing them (default: suppress). */
  round?: number;
}

/** A published cell after disclosure control. */
export interface ControlledCell {
  readonly id: string;
  readonly kind: CellKind;
  /** The value to publish: null when suppressed (or not a number), the rounded count when rounded. */
  readonly value: number | null;
  readonly rule: DisclosureRule;
}

/** A table after disclosure control: its published cells, in the order given. */
export interface ControlledTable {
  readonly name: string;
  readonly cells: readonly ControlledCell[];
}

/**
 * One line of the output-check log (disclosure.csv). `persons` is the
 * number behind a published cell (rounded like the counts when counts are
 * rounded), `<minCell` for a cell suppressed by the minimum-frequency rule,
 * and empty for other suppressed cells: the log itself discloses nothing.
 */
export interface DisclosureLogRow {
  readonly table: string;
  readonly cell: string;
  readonly kind: CellKind;
  readonly persons: number | string;
  /** The rule applied; `microdata` for a file of one row per person (`microdataLog`), which no rule makes publishable. */
  readonly rule: DisclosureRule | 'microdata';
}

/**
 * The output-check line of a file that holds one row per person (cluster
 * labels, per-sequence indicators): microdata, for work inside the secure
 * environment only; no disclosure rule makes it publishable.
 *
 * @param table the file's table name
 * @param persons the rows (persons) it holds
 * @returns one log line: cell `*`, rule `microdata`
 * @example
 * disclosureCsv([microdataLog('labels', 712)]); // 'table,cell,kind,persons,rule\nlabels,*,count,712,microdata\n'
 */
export function microdataLog(table: string, persons: number): DisclosureLogRow {
  return { table, cell: '*', kind: 'count', persons, rule: 'microdata' };
}

/** The result of `controlTables`. */
export interface ControlledTables {
  readonly minCell: number;
  readonly dominance: number;
  readonly round: number | null;
  readonly tables: readonly ControlledTable[];
  /** Every published cell, and every unpublished one that had to be protected. */
  readonly log: readonly DisclosureLogRow[];
  /** Number of published cells per rule. */
  readonly cellsPerRule: Readonly<Record<DisclosureRule, number>>;
}

/**
 * Statistical disclosure control over a set of tables described by the
 * disclosure model (cells with the persons behind them, and the relations
 * between cells that a reader knows):
 *
 * 1. primary rules (`primaryRule`): cells resting on 1..minCell-1 persons are
 *    suppressed (counts are rounded instead with `round`), and means where one
 *    person dominates;
 * 2. secondary suppression (`suppressSecondary`): further cells, the
 *    smallest first, until no suppressed cell, and no unpublished cell resting
 *    on too few persons, can be computed exactly from the published cells
 *    through the relations (rows, columns, totals, shares summing to 100,
 *    complements). Rounded counts count as unknown to the reader. Cells with
 *    the same `key` in several tables are one unknown, so linked tables are
 *    protected together as far as their links are declared.
 *
 * The guarantee covers exact recovery through the declared linear
 * relations; bounds from non-negativity (a suppressed count lies between 0
 * and its row total) and relations not declared are not covered.
 *
 * @param tables the tables to publish together
 * @param options minCell (10), dominance (0.5), round (none: suppress)
 * @returns the published values per table, the log, cells per rule, and `unsafeRaw()` for the input
 * @example
 * const t = { name: 'retention', cells: [
 *   { id: 'same', value: 62, persons: 31, base: 50, kind: 'share' },
 *   { id: 'other', value: 30, persons: 15, base: 50, kind: 'share' },
 *   { id: 'none', value: 8, persons: 4, base: 50, kind: 'share' },
 * ], relations: [sumsTo(['same', 'other', 'none'], 100)] };
 * const safe = controlTables([t]);
 * safe.tables[0].cells.map((c) => [c.id, c.value, c.rule]);
 * // [['same', 62, 'none'], ['other', null, 'secondary'], ['none', null, 'primary']]
 */
export function controlTables(tables: readonly DisclosureTable[], options: DisclosureOptions = {}): WithUnsafeRaw<ControlledTables, readonly DisclosureTable[]> {
  const rules = checkOptions(options);
  // one entry per distinct quantity (cells sharing a key are one)
  const index = new Map<string, number>();
  const first: DisclosureCell[] = [];
  const names: string[] = [];
  const cellIndex = tables.map((t) => {
    const ids = new Set<string>();
    return t.cells.map((c) => {
      if (ids.has(c.id)) throw new OptionsError('tables', `table "${t.name}" has two cells named "${c.id}"`);
      ids.add(c.id);
      const identity = c.key !== undefined ? `key\u0000${c.key}` : `${t.name}\u0000${c.id}`;
      let k = index.get(identity);
      if (k === undefined) {
        index.set(identity, (k = first.length));
        first.push(c);
        names.push(`${t.name}: ${c.id}`);
      }
      return k;
    });
  });
  const n = first.length;
  const values = Float64Array.from(first, (c) => c.value);
  const published = new Uint8Array(n);
  tables.forEach((t, ti) => t.cells.forEach((c, ci) => (published[cellIndex[ti][ci]] ||= c.published === false ? 0 : 1)));

  const rule: DisclosureRule[] = first.map((c) => primaryRule(c, rules));
  const hidden = new Uint8Array(n);
  const protect = new Uint8Array(n);
  rule.forEach((r, k) => {
    const suppressed = r === 'primary' || r === 'dominance';
    protect[k] = suppressed ? 1 : 0;
    hidden[k] = suppressed || r === 'rounded' || !published[k] ? 1 : 0;
  });
  const graph = new RelationGraph(n, indexRelations(tables, cellIndex, values));
  const cost = Float64Array.from(first, (c) => c.persons);
  const twins = twinLists(tables, cellIndex, n);
  for (const k of suppressSecondary(graph, { hidden, protect, cost, names, twins }, values)) if (rule[k] === 'none') rule[k] = 'secondary';

  const cellsPerRule: Record<DisclosureRule, number> = { none: 0, primary: 0, secondary: 0, dominance: 0, rounded: 0 };
  const log: DisclosureLogRow[] = [];
  const controlled = tables.map((t, ti): ControlledTable => {
    const cells: ControlledCell[] = [];
    t.cells.forEach((c, ci) => {
      const k = cellIndex[ti][ci];
      const r = rule[k];
      const shown = c.published !== false;
      if (shown || r === 'primary' || r === 'dominance') log.push({ table: t.name, cell: c.id, kind: c.kind, persons: loggedPersons(c.persons, r, rules), rule: r });
      if (!shown) return;
      cellsPerRule[r]++;
      const value = r === 'none' ? c.value : r === 'rounded' ? roundCount(c.value, rules.round!) : NaN;
      cells.push({ id: c.id, kind: c.kind, value: Number.isFinite(value) ? value : null, rule: r });
    });
    return { name: t.name, cells };
  });
  return withUnsafeRaw({ ...rules, tables: controlled, log, cellsPerRule }, tables);
}

/**
 * The published values of one controlled table by cell id.
 *
 * @param result a result of `controlTables`
 * @param table the table's name
 * @returns id -> value (null when suppressed)
 * @example
 * publishedValues(safe, 'retention').get('same'); // 62
 */
export function publishedValues(result: ControlledTables, table: string): Map<string, number | null> {
  const t = result.tables.find((x) => x.name === table);
  if (!t) throw new OptionsError('table', `no table "${table}"; the tables are ${result.tables.map((x) => x.name).join(', ')}`);
  return new Map(t.cells.map((c) => [c.id, c.value]));
}

function checkOptions(options: DisclosureOptions): PrimaryRules {
  const { minCell = 10, dominance = 0.5, round } = options;
  if (!(Number.isInteger(minCell) && minCell >= 1)) throw new OptionsError('minCell', `expected a whole number >= 1; got ${minCell}`);
  if (!(dominance > 0 && dominance <= 1)) throw new OptionsError('dominance', `expected a share above 0 and at most 1; got ${dominance}`);
  if (round !== undefined && !(Number.isInteger(round) && round >= 2)) throw new OptionsError('round', `expected a whole number >= 2 (e.g. 5 or 10); got ${round}`);
  return { minCell, dominance, round: round ?? null };
}

/** The persons column of the log: never a number a reader could not already see. */
function loggedPersons(persons: number, rule: DisclosureRule, rules: PrimaryRules): number | string {
  if (rule === 'primary') return `<${rules.minCell}`;
  if (rule === 'secondary' || rule === 'dominance') return '';
  return rules.round !== null ? roundCount(persons, rules.round) : persons;
}

/** For each cell, the cells named as its twin or naming it as theirs. */
function twinLists(tables: readonly DisclosureTable[], cellIndex: number[][], n: number): number[][] {
  const twins: number[][] = Array.from({ length: n }, () => []);
  tables.forEach((t, ti) => {
    const byId = new Map(t.cells.map((c, ci) => [c.id, cellIndex[ti][ci]]));
    t.cells.forEach((c, ci) => {
      const a = cellIndex[ti][ci];
      for (const twin of c.twin === undefined ? [] : typeof c.twin === 'string' ? [c.twin] : c.twin) {
        const b = byId.get(twin);
        if (b === undefined) throw new OptionsError('tables', `cell "${c.id}" of table "${t.name}" names a twin "${twin}" the table does not have`);
        twins[a].push(b);
        twins[b].push(a);
      }
    });
  });
  return twins;
}

/** Relations with cells as global indexes; checks that each holds on the values as computed. */
function indexRelations(tables: readonly DisclosureTable[], cellIndex: number[][], values: Float64Array): IndexedRelation[] {
  const out: IndexedRelation[] = [];
  tables.forEach((t, ti) => {
    const byId = new Map(t.cells.map((c, ci) => [c.id, cellIndex[ti][ci]]));
    t.relations.forEach((r, ri) => {
      const cells = Int32Array.from(r.terms, ([id]) => {
        const k = byId.get(id);
        if (k === undefined) throw new OptionsError('relations', `relation ${ri + 1} of table "${t.name}" names a cell "${id}" the table does not have`);
        return k;
      });
      const coefficients = Float64Array.from(r.terms, ([, a]) => a);
      let sum = -(r.constant ?? 0);
      let scale = Math.abs(r.constant ?? 0);
      cells.forEach((k, j) => {
        sum += coefficients[j] * values[k];
        scale += Math.abs(coefficients[j] * values[k]);
      });
      // relations are checked where every value is defined (a share of an empty group is NaN)
      if (Number.isFinite(sum) && Math.abs(sum) > 1e-6 * Math.max(1, scale)) {
        throw new OptionsError('relations', `relation ${ri + 1} of table "${t.name}" (${r.terms.map(([id, a]) => `${a} × ${id}`).join(' + ')} = ${r.constant ?? 0}) does not hold: off by ${sum}`);
      }
      out.push({ cells, coefficients });
    });
  });
  return out;
}
