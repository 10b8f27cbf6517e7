import { OptionsError } from '../errors.js';
import type { RelationGraph } from './recover.js';

/** The state secondary suppression works on, one entry per cell. */
export interface SuppressionState {
  /** 1 when a reader does not see the cell's exact value (suppressed, rounded or not published). Updated in place. */
  readonly hidden: Uint8Array;
  /** 1 when the cell must not be computable exactly (suppressed cells, unpublished cells resting on too few persons). Updated in place. */
  readonly protect: Uint8Array;
  /** Cost of suppressing a shown cell: the persons behind it (smaller is cheaper). */
  readonly cost: Float64Array;
  /** Name of each cell, for the message when a cell cannot be protected. */
  readonly names: readonly string[];
  /** Cells hidden together with each cell (a count and its share), and with their own twins in turn. */
  readonly twins: readonly (readonly number[])[];
}

/**
 * Secondary suppression: hide further shown cells until no protected cell
 * can be computed exactly from the shown cells through the relations
 * (`RelationGraph.determined`).
 *
 * Heuristic, in the spirit of tau-Argus' and sdcTable's simple heuristics:
 * component by component (hidden cells linked by relations), take the first
 * protected cell a reader can compute; among the shown cells of the
 * relations around it (and one relation further), try them from the
 * cheapest (fewest persons, then smallest absolute value, then table order;
 * empty cells last, since a reader may know a cell is structurally empty)
 * and hide the first whose hiding leaves that cell with more than one possible value; when no single
 * cell does, the first such pair (by the sum of their ranks), and failing
 * that the cheapest cell, then look again; repeat until no protected cell is
 * computable. Hidden partners are protected too, so a
 * partner cannot be computed and then used to compute the first cell.
 * Cells are added one at a time and never removed, so the result is
 * safe but not minimal: an optimal pattern (fewest persons hidden) is an
 * integer programme, which tau-Argus solves with a commercial solver.
 *
 * @param graph relations between the cells
 * @param state hidden and protected cells (updated in place) and the costs
 * @param values cell values (for the tie-break on size)
 * @returns the cells hidden, in the order chosen
 * @example
 * const added = suppressSecondary(graph, { hidden, protect, cost, names }, values);
 */
export function suppressSecondary(graph: RelationGraph, state: SuppressionState, values: ArrayLike<number>): number[] {
  const { hidden, protect, cost, names, twins } = state;
  // empty cells last: a reader may know a cell is empty (a state nobody can be in at that month)
  const empty = (c: number) => (cost[c] === 0 ? 1 : 0);
  const cheaper = (a: number, b: number) => empty(a) - empty(b) || cost[a] - cost[b] || Math.abs(values[a]) - Math.abs(values[b]) || a - b;
  const added: number[] = [];
  // a cell, its twins, and theirs in turn
  const hide = (c: number) => {
    const next = [c, ...twins[c]];
    for (let x = next.shift(); x !== undefined; x = next.shift()) {
      if (hidden[x] && protect[x]) continue;
      hidden[x] = 1;
      protect[x] = 1;
      added.push(x);
      next.push(...twins[x]);
    }
  };
  // a protected cell's twins go with it
  for (let c = 0; c < graph.n; c++) if (protect[c]) for (const x of twins[c]) if (!protect[x]) hide(x);
  // Components are made safe one at a time: hiding a cell changes only the component it joins, but its twin
  // may join a component already found safe, so passes repeat until one hides nothing.
  for (let before = -1; before !== added.length; ) {
    before = added.length;
    const done = new Uint8Array(graph.n);
    for (let start = 0; start < graph.n; start++) {
      if (!protect[start] || done[start]) continue;
      for (;;) {
        const comp = graph.component(start, hidden);
        const det = graph.determinedIn(comp, hidden);
        const k = comp.cells.findIndex((c, i) => protect[c] && det[i]);
        if (k < 0) {
          for (const c of comp.cells) done[c] = 1;
          break;
        }
        const target = comp.cells[k];
        const candidates = shownNeighbours(graph, target, hidden).sort(cheaper);
        if (candidates.length === 0) {
          throw new OptionsError('relations', `the relations fix the value of "${names[target]}" whatever else is hidden; a relation must link at least two cells that are not fixed`);
        }
        for (const c of cheapestProtection(graph, target, hidden, candidates) ?? [candidates[0]]) hide(c);
      }
    }
  }
  return added;
}

/**
 * The cheapest shown cell whose hiding leaves `target` with more than one
 * possible value, else the cheapest such pair (by summed cost order), else
 * undefined. `candidates` come cheapest first.
 */
function cheapestProtection(graph: RelationGraph, target: number, hidden: Uint8Array, candidates: readonly number[]): number[] | undefined {
  const protects = (cells: readonly number[]) => {
    for (const c of cells) hidden[c] = 1;
    const safe = !graph.isDetermined(target, hidden);
    for (const c of cells) hidden[c] = 0;
    return safe;
  };
  for (const c of candidates) if (protects([c])) return [c];
  // pairs by the sum of their ranks: a complement (work = same + other) needs two partners at once
  const m = candidates.length;
  for (let sum = 1; sum <= 2 * m - 3; sum++) {
    for (let i = Math.max(0, sum - m + 1); i < sum - i; i++) {
      const pair = [candidates[i], candidates[sum - i]];
      if (protects(pair)) return pair;
    }
  }
  return undefined;
}

/**
 * Shown cells near `target`: those in the relations of its hidden component,
 * and those one relation further (a complement such as work = same + other
 * links "not working" to "work" only through "same" and "other").
 */
function shownNeighbours(graph: RelationGraph, target: number, hidden: Uint8Array): number[] {
  const near = new Set<number>();
  for (const r of graph.component(target, hidden).relations) for (const c of graph.relations[r].cells) if (!hidden[c]) near.add(c);
  const out = new Set(near);
  for (const c of near) for (const r of graph.relationsOfCell(c)) for (const x of graph.relations[r].cells) if (!hidden[x]) out.add(x);
  return [...out];
}
