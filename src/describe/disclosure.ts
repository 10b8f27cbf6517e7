import { controlTables, microdataLog, type DisclosureLogRow, type DisclosureOptions } from '../disclosure/control.js';
import { labelPart, sumsTo, type DisclosureCell, type Relation } from '../disclosure/model.js';
import type { StateSequences } from '../sequences/types.js';
import type { IndicatorTableOptions } from './indicator-table.js';
import { stateDistribution } from './state-distribution.js';
import { rowWeights, stateIndex, type DescribeOptions } from './states.js';
import { describeTable, type DescribeTable } from './table.js';

/**
 * Mean months per state (TraMineR `seqmeant`) as cells of the disclosure
 * model: each mean rests on the persons with a month in that state (its base:
 * every person), with the dominance rule on one person's (weighted) months;
 * the means add up to the mean observed length, which a reader may know (a
 * complete panel), so one suppressed mean is also hidden in another.
 *
 * @param seqs the sequences the means are of
 * @param mean the means, one per state of `stateIndex(seqs, withMissing)`
 * @param prefix cell ids are `<prefix><state>`
 * @param options weighted (true), withMissing (false)
 * @returns the cells and the relation between them
 * @example
 * const { cells, relation } = meanTimeCells(seqs, meanTime(seqs).mean, 'months_');
 */
export function meanTimeCells(seqs: StateSequences, mean: ArrayLike<number>, prefix: string, options: DescribeOptions = {}): { cells: DisclosureCell[]; relation: Relation } {
  const { n, t, codes, lengths } = seqs;
  const { states, lut } = stateIndex(seqs, options.withMissing);
  const w = rowWeights(seqs, options.weighted);
  const S = states.length;
  const persons = new Float64Array(S);
  const largest = new Float64Array(S);
  const months = new Float64Array(S);
  let weight = 0;
  for (let i = 0; i < n; i++) {
    weight += w[i];
    months.fill(0);
    for (let j = i * t, end = i * t + lengths[i]; j < end; j++) {
      const s = lut[codes[j]];
      if (s >= 0) months[s]++;
    }
    for (let s = 0; s < S; s++) {
      if (months[s] === 0) continue;
      persons[s]++;
      largest[s] = Math.max(largest[s], w[i] * months[s]);
    }
  }
  const cells = states.map((state, s): DisclosureCell => ({
    id: `${prefix}${state}`, value: mean[s], persons: persons[s], base: n, kind: 'mean', contributions: { largest: largest[s], total: mean[s] * weight },
  }));
  let length = 0;
  for (let s = 0; s < S; s++) length += mean[s];
  return { cells, relation: sumsTo(cells.map((c) => c.id), length) };
}

/**
 * A table of `loopbaan describe` (`describeTable`) under disclosure control:
 * - `statd`: each state's share of a month rests on the persons in that
 *   state and those observed (the shares of a month add up to 1); `N` is a
 *   count; a month's entropy is hidden with any of its shares (with the
 *   others it would pin the hidden ones down);
 * - `trate`: a rate from a to b rests on the persons with such a move and
 *   those with any move from a (a row adds up to 1);
 * - `meant`: `meanTimeCells`;
 * - `indicators`: one row per person: microdata, written as computed and
 *   logged as such (for work inside the secure environment only).
 * Suppressed cells are empty.
 *
 * @param seqs the sequences
 * @param what which table
 * @param options of `describeTable` (weighted, withMissing, indicators)
 * @param disclosure minCell (10), dominance, round
 * @returns the rows (header first) and the output-check log
 * @example
 * const { rows, log } = controlDescribeTable(seqs, 'statd', {}, { minCell: 10 });
 */
export function controlDescribeTable(
  seqs: StateSequences, what: DescribeTable, options: DescribeOptions & { indicators?: IndicatorTableOptions }, disclosure: DisclosureOptions,
): { rows: string[][]; log: DisclosureLogRow[] } {
  const rows = describeTable(seqs, what, options);
  if (what === 'indicators') return { rows, log: [microdataLog('indicators', seqs.n)] };
  const cells: DisclosureCell[] = [];
  const relations: Relation[] = [];
  /** Cell id of each table position [row][column] (rows and columns from 1). */
  const at: (string | undefined)[][] = rows.map(() => []);
  const put = (r: number, c: number, cell: DisclosureCell) => {
    cells.push(cell);
    at[r][c] = cell.id;
  };
  // the entropy cell of each month (statd), blanked when a share of its month is suppressed
  const entropyOf: string[] = [];
  const shareMonth = new Map<string, number>();
  if (what === 'statd') {
    const raw = stateDistribution(seqs, { ...options, weighted: false });
    const S = raw.states.length;
    const states = raw.states.map((state) => labelPart(state, ['N', 'entropy']));
    for (let j = 0; j < raw.t; j++) {
      const month = labelPart(rows[0][j + 1]);
      const observed = raw.validN[j];
      for (let s = 0; s < S; s++) {
        const persons = Math.round(raw.frequencies[s * raw.t + j] * observed) || 0;
        shareMonth.set(`${states[s]}.${month}`, j);
        put(s + 1, j + 1, { id: `${states[s]}.${month}`, value: Number(rows[s + 1][j + 1]), persons, base: observed, kind: 'share' });
      }
      if (observed > 0) relations.push(sumsTo(states.map((state) => `${state}.${month}`), 1));
      put(S + 1, j + 1, { id: `N.${month}`, value: Number(rows[S + 1][j + 1]), persons: observed, kind: 'count' });
      entropyOf[j] = `entropy.${month}`;
      put(S + 2, j + 1, { id: entropyOf[j], value: Number(rows[S + 2][j + 1]), persons: observed, kind: 'mean' });
    }
  } else if (what === 'trate') {
    const { moves, from } = movers(seqs, options.withMissing === true);
    const S = rows.length - 1;
    const fromState = rows.slice(1).map((row) => labelPart(row[0], [], '->'));
    const toState = rows[0].slice(1).map((label) => labelPart(label, [], '->'));
    for (let a = 0; a < S; a++) {
      for (let b = 0; b < S; b++) put(a + 1, b + 1, { id: `${fromState[a]}->${toState[b]}`, value: Number(rows[a + 1][b + 1]), persons: moves[a * S + b], base: from[a], kind: 'share' });
      if (from[a] > 0) relations.push(sumsTo(toState.map((to) => `${fromState[a]}->${to}`), 1));
    }
  } else {
    const { cells: meant, relation } = meanTimeCells(seqs, rows.slice(1).map((r) => Number(r[1])), '', options);
    meant.forEach((cell, s) => put(s + 1, 1, cell));
    relations.push(relation);
  }
  const control = controlTables([{ name: what, cells, relations }], disclosure);
  const value = new Map(control.tables[0].cells.map((c) => [c.id, c.value]));
  const hiddenEntropy = new Set([...shareMonth].filter(([id]) => value.get(id) === null).map(([, j]) => entropyOf[j]));
  const log = control.log.map((l) => (hiddenEntropy.has(l.cell) && l.rule === 'none' ? { ...l, persons: '', rule: 'secondary' as const } : l));
  const out = rows.map((row, r) => row.map((text, c) => {
    const id = at[r][c];
    if (id === undefined) return text;
    if (hiddenEntropy.has(id)) return '';
    const v = value.get(id);
    return v === null || v === undefined ? '' : String(v);
  }));
  return { rows: out, log };
}

/**
 * Whether every move between two different states rests on 0 or at least
 * `minCell` persons: then numbers derived from the transition rates (TRATE
 * substitution costs, 2 - p(a->b) - p(b->a)) may be shown.
 *
 * @example
 * movesDisclosable(seqs, 10); // false when 1..9 persons move from work to none
 */
export function movesDisclosable(seqs: StateSequences, minCell: number): boolean {
  const { moves, from } = movers(seqs, false);
  const S = from.length;
  return moves.every((persons, k) => Math.floor(k / S) === k % S || persons === 0 || persons >= minCell);
}

/**
 * Persons with a move from state a to state b between consecutive months
 * (`moves[a * S + b]`), and with any move from a (`from[a]`), as
 * `transitionRates` counts moves (valid states; missing as a state with `withMissing`).
 */
function movers(seqs: StateSequences, withMissing: boolean): { moves: Float64Array; from: Float64Array } {
  const { n, t, codes, lengths } = seqs;
  const { states, lut } = stateIndex(seqs, withMissing);
  const S = states.length;
  const moves = new Float64Array(S * S);
  const from = new Float64Array(S);
  const seen = new Uint8Array(S * S);
  for (let i = 0; i < n; i++) {
    seen.fill(0);
    for (let j = i * t, end = i * t + lengths[i] - 1; j < end; j++) {
      const a = lut[codes[j]];
      const b = lut[codes[j + 1]];
      if (a >= 0 && b >= 0) seen[a * S + b] = 1;
    }
    for (let a = 0; a < S; a++) {
      let any = 0;
      for (let b = 0; b < S; b++) {
        moves[a * S + b] += seen[a * S + b];
        any |= seen[a * S + b];
      }
      from[a] += any;
    }
  }
  return { moves, from };
}
