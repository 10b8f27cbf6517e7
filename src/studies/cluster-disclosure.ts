import { controlTables, type DisclosureLogRow, type DisclosureOptions } from '../disclosure/control.js';
import { sumsTo, type DisclosureCell, type Relation } from '../disclosure/model.js';
import type { DisclosureRule } from '../disclosure/primary.js';
import { meanTimeCells } from '../describe/disclosure.js';
import { transitionCount } from '../describe/indicators.js';
import { selectRows } from '../sequences/select.js';
import { MISSING, VOID, type StateSequences } from '../sequences/types.js';
import type { ClusterNaming } from './cluster-names.js';

/** The numbers of the cluster table after disclosure control, per cluster (report number). */
export interface ControlledClusters {
  /** The cluster's profile (`<state>_at_end` shares, `transitions_per_year`), NaN where suppressed. */
  readonly profiles: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** Mean months in each state over the window (alphabet order), NaN where suppressed. */
  readonly meanTimes: Readonly<Record<number, Float64Array>>;
  /** Persons, their weight and share of all weight: NaN where suppressed. */
  readonly sizes: Readonly<Record<number, { readonly persons: number; readonly weight: number; readonly share: number }>>;
  readonly log: readonly DisclosureLogRow[];
  readonly cellsPerRule: Readonly<Record<DisclosureRule, number>>;
}

/**
 * Disclosure control of what the report says of each cluster beyond its
 * profile tables (`controlTables`):
 * - size: persons (a count), weight and share of all (its twins); the
 *   sizes add up to the persons of the panel, which is published;
 * - the share in each state in the last month of the window among the
 *   persons observed then (only the name rules' states are published; the
 *   others take part in "the shares add up to 1", so none can be derived;
 *   a state nobody ends in counts as known to be empty);
 * - mean months in each state (TraMineR `seqmeant`): a mean resting on the
 *   persons with a month in that state, with the dominance rule on one
 *   person's months; the means add up to the mean observed length, which a
 *   reader may know (a complete window);
 * - state changes per year: a mean over the cluster, with the dominance rule.
 *
 * @param window the clustered sequences
 * @param naming the report number per row and each cluster's profile
 * @param meanTimes mean months per state per cluster (as computed)
 * @param options minCell, dominance, round
 * @returns the published numbers, the log and the cells per rule
 * @example
 * const safe = controlClusters(window, naming, meanTimes, { minCell: 10 });
 * safe.profiles[1].work_at_end; // NaN when fewer than 10 persons of cluster 1 work at the end
 */
export function controlClusters(
  window: StateSequences, naming: ClusterNaming, meanTimes: Readonly<Record<number, Float64Array>>, options: DisclosureOptions,
): ControlledClusters {
  const { n, t, codes, weights } = window;
  const states = window.alphabet.codes;
  const S = states.length;
  const ids = naming.groups.map((g) => g.id);
  const at = new Map(ids.map((id, k) => [id, k]));
  const k = ids.length;
  // per cluster: persons, weight, its rows; persons and weight per state in the last month
  const persons = new Float64Array(k);
  const weight = new Float64Array(k);
  const rows: number[][] = Array.from({ length: k }, () => []);
  const endPersons = new Float64Array(k * S);
  const endWeight = new Float64Array(k * S);
  const changes = transitionCount(window);
  const changesTotal = new Float64Array(k);
  const changesLargest = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const g = at.get(naming.ids[i])!;
    const w = weights[i];
    persons[g]++;
    weight[g] += w;
    rows[g].push(i);
    const last = codes[i * t + t - 1];
    if (last !== MISSING && last !== VOID) {
      endPersons[g * S + last]++;
      endWeight[g * S + last] += w;
    }
    changesTotal[g] += w * changes[i];
    changesLargest[g] = Math.max(changesLargest[g], w * changes[i]);
  }
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const cells: DisclosureCell[] = [{ id: 'total.n', value: n, persons: n, kind: 'count' }];
  const relations: Relation[] = [sumsTo(ids.map((id) => `${id}.n`), 'total.n'), sumsTo(ids.map((id) => `${id}.share`), 1)];
  naming.groups.forEach((group, g) => {
    const id = group.id;
    cells.push(
      { id: `${id}.n`, value: persons[g], persons: persons[g], kind: 'count' },
      { id: `${id}.weight`, value: weight[g], persons: persons[g], kind: 'share', twin: `${id}.n` },
      { id: `${id}.share`, value: weight[g] / totalWeight, persons: persons[g], base: n, kind: 'share', twin: `${id}.n` },
    );
    let observedEnd = 0;
    for (let s = 0; s < S; s++) observedEnd += endWeight[g * S + s];
    const shown = new Set(Object.keys(group.profile));
    const endIds: string[] = [];
    const base = endPersons.subarray(g * S, g * S + S).reduce((a, b) => a + b, 0);
    // an unpublished state nobody ends in is left out (a reader may know it is empty, so it hides nothing),
    // unless the shares would then fix each other: a relation needs two cells that can be hidden
    const kept = states.filter((state, s) => shown.has(`${state}_at_end`) || endPersons[g * S + s] > 0);
    states.forEach((state, s) => {
      const published = shown.has(`${state}_at_end`);
      if (kept.length > 1 && !kept.includes(state)) return;
      const cell = `${id}.${state}_at_end`;
      endIds.push(cell);
      cells.push({ id: cell, value: observedEnd > 0 ? endWeight[g * S + s] / observedEnd : NaN, persons: endPersons[g * S + s], base, kind: 'share', published });
    });
    if (observedEnd > 0) relations.push(sumsTo(endIds, 1));
    const months = meanTimeCells(selectRows(window, rows[g]), meanTimes[id], `${id}.months_`);
    cells.push(...months.cells);
    relations.push(months.relation);
    cells.push({
      id: `${id}.transitions_per_year`, value: group.profile.transitions_per_year, persons: persons[g], kind: 'mean',
      contributions: { largest: changesLargest[g], total: changesTotal[g] },
    });
  });
  const safe = controlTables([{ name: 'clusters', cells, relations }], options);
  const value = new Map(safe.tables[0].cells.map((c) => [c.id, c.value ?? NaN]));
  const out = { profiles: {} as Record<number, Record<string, number>>, meanTimes: {} as Record<number, Float64Array>, sizes: {} as Record<number, { persons: number; weight: number; share: number }> };
  for (const group of naming.groups) {
    const id = group.id;
    out.profiles[id] = Object.fromEntries(Object.keys(group.profile).map((key) => [key, value.get(`${id}.${key}`) ?? NaN]));
    out.meanTimes[id] = Float64Array.from(states, (state) => value.get(`${id}.months_${state}`) ?? NaN);
    out.sizes[id] = { persons: value.get(`${id}.n`)!, weight: value.get(`${id}.weight`)!, share: value.get(`${id}.share`)! };
  }
  return { ...out, log: safe.log, cellsPerRule: safe.cellsPerRule };
}
