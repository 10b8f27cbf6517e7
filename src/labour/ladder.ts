import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';
import { GroupSums } from './accumulate.js';
import { monthIndex, type PanelMonth } from './dates.js';
import { resolveGroups, type TableGroupOptions } from './options.js';
import { roleMask, type StateRoles } from './roles.js';

/** How a person moved on the ladder between the two dates. */
export const LADDER_MOVES = ['same', 'up', 'down', 'left'] as const;
export type LadderMove = (typeof LADDER_MOVES)[number];

/** Options of `participationLadder`. */
export interface LadderOptions extends TableGroupOptions {
  /**
   * The rungs from the lowest to the highest: a state, or several states that
   * share a rung (e.g. `['none', 'sheltered', 'trial', ['work_jc', 'work']]`).
   * Every state of the alphabet must be on a rung, except exit states.
   */
  rungs: readonly (string | readonly string[])[];
  /** The two dates (date 1 before date 2): column indices or time labels such as `2019-12`. */
  dates: readonly [PanelMonth, PanelMonth];
  /** Roles of the states: a person in an `exit` state at date 2 has left (exit states need no rung). */
  roles?: StateRoles;
}

/** Movements within one group. Counts are persons (unweighted); percentages 0..100 of the weighted persons. */
export interface LadderRow {
  readonly group: string;
  /** Persons on the ladder at date 1 (unweighted, weighted). */
  readonly persons: number;
  readonly personsWeighted: number;
  /** Persons of the group not on the ladder at date 1 (not observed then, or in an exit state): left out. */
  readonly notObserved: number;
  /** Persons per move, in `LADDER_MOVES` order. */
  readonly same: number;
  readonly up: number;
  readonly down: number;
  readonly left: number;
  readonly samePct: number;
  readonly upPct: number;
  readonly downPct: number;
  readonly leftPct: number;
}

/** Rung at date 1 against rung at date 2 (or left), over every grouped person. */
export interface LadderTransitions {
  /** Rows: the rungs; columns: the rungs and `left`. */
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** persons[r][c]: persons (unweighted) on rung r at date 1 and in column c at date 2. */
  readonly persons: number[][];
  /** pct[r][c]: weighted % of rung r's persons (row percentages; NaN for an empty rung). */
  readonly pct: number[][];
  /** Persons on each rung at date 1 (the row totals). */
  readonly fromPersons: number[];
}

/** The participation ladder at two dates, per group and in total. */
export interface Ladder {
  readonly kind: 'ladder';
  readonly by: string;
  /** Time labels and column indices of the two dates. */
  readonly dates: readonly [string, string];
  readonly months: readonly [number, number];
  /** Rung names, lowest first (a rung of several states is named `a+b`). */
  readonly rungs: readonly string[];
  readonly groups: LadderRow[];
  readonly total: LadderRow;
  readonly transitions: LadderTransitions;
}

// sums per group: persons, weight, not observed, then persons and weight per move
const PERSONS = 0, WEIGHT = 1, NOT_OBSERVED = 2, MOVE_N = 3, MOVE_W = 3 + LADDER_MOVES.length, SLOTS = 3 + 2 * LADDER_MOVES.length;

/**
 * Participation ladder at two dates (study B: "same / up / down / left").
 * Each person observed at date 1 in a state on the ladder stands on that
 * state's rung r1. At date 2 the person stands on rung r2 when observed in
 * a state on the ladder, and has `left` otherwise: follow-up ended before
 * date 2, the month is missing, or the state is an exit state (`roles.exit`).
 * The move is `same` (r2 = r1), `up` (r2 above r1), `down` (r2 below r1) or
 * `left`. Persons not observed at date 1 (or in an exit state then) are left
 * out and counted (`notObserved`). Shares are weighted (Σ w over the move /
 * Σ w over the persons on the ladder at date 1), counts are persons. The
 * transition table crosses rung at date 1 with rung (or left) at date 2 for
 * every grouped person, with weighted row percentages.
 *
 * @param seqs monthly sequences (calendar time for dates such as `2019-12`)
 * @param options `rungs` (lowest first), `dates`, `roles` (exit states), `by`, `levels`
 * @returns moves per group and in total, and the transition table
 * @example
 * const l = participationLadder(seqs, { rungs: ['none', 'sheltered', ['work_jc', 'work']], dates: ['2019-12', '2022-12'],
 *   roles: { exit: ['retired'] }, by: 'sex' });
 * l.total.upPct;                 // weighted % of persons one or more rungs higher at date 2
 * l.transitions.pct[0][2];       // % of those without work at date 1 in regular work at date 2
 */
export function participationLadder(seqs: StateSequences, options: LadderOptions): Ladder {
  const [j1, j2] = [monthIndex(seqs, options.dates[0], 'dates'), monthIndex(seqs, options.dates[1], 'dates')];
  if (!(j1 < j2)) throw new OptionsError('dates', `date 2 (${seqs.timeLabels[j2]}) must come after date 1 (${seqs.timeLabels[j1]})`);
  const exit = options.roles ? roleMask(seqs, options.roles, 'exit') : new Uint8Array(256);
  const { rungOf, names } = ladderRungs(seqs, options.rungs, exit);
  const groups = resolveGroups(seqs, options.by, options.levels);
  const acc = new GroupSums(groups.levels.length, SLOTS);
  const nRungs = names.length;
  // transitions: rung at date 1 x (rung at date 2, or left in the last column)
  const transN = Array.from({ length: nRungs }, () => new Array<number>(nRungs + 1).fill(0));
  const transW = Array.from({ length: nRungs }, () => new Array<number>(nRungs + 1).fill(0));
  const { t, codes, lengths } = seqs;
  const rungAt = (i: number, j: number): number => {
    const c = j < lengths[i] ? codes[i * t + j] : MISSING;
    return c === MISSING ? -1 : rungOf[c];
  };
  for (let i = 0; i < seqs.n; i++) {
    const gi = groups.index[i];
    if (gi < 0) continue;
    const r1 = rungAt(i, j1);
    if (r1 < 0) {
      acc.add(gi, NOT_OBSERVED, 1);
      continue;
    }
    const r2 = rungAt(i, j2);
    const w = seqs.weights[i];
    // move index: 0 same, 1 up, 2 down, 3 left
    const move = r2 < 0 ? 3 : r2 === r1 ? 0 : r2 > r1 ? 1 : 2;
    acc.add(gi, PERSONS, 1);
    acc.add(gi, WEIGHT, w);
    acc.add(gi, MOVE_N + move, 1);
    acc.add(gi, MOVE_W + move, w);
    const column = r2 < 0 ? nRungs : r2;
    transN[r1][column]++;
    transW[r1][column] += w;
  }
  const row = (g: number, name: string): LadderRow => {
    const weight = acc.get(g, WEIGHT);
    const pct = (k: number) => (weight > 0 ? (100 * acc.get(g, MOVE_W + k)) / weight : NaN);
    return {
      group: name,
      persons: acc.get(g, PERSONS),
      personsWeighted: weight,
      notObserved: acc.get(g, NOT_OBSERVED),
      same: acc.get(g, MOVE_N), up: acc.get(g, MOVE_N + 1), down: acc.get(g, MOVE_N + 2), left: acc.get(g, MOVE_N + 3),
      samePct: pct(0), upPct: pct(1), downPct: pct(2), leftPct: pct(3),
    };
  };
  const rowWeight = transW.map((r) => r.reduce((a, b) => a + b, 0));
  return {
    kind: 'ladder',
    by: groups.name,
    dates: [seqs.timeLabels[j1], seqs.timeLabels[j2]],
    months: [j1, j2],
    rungs: names,
    groups: groups.levels.map((name, k) => row(k, name)),
    total: row(acc.total, 'total'),
    transitions: {
      from: names,
      to: [...names, 'left'],
      persons: transN,
      pct: transW.map((r, k) => r.map((w) => (rowWeight[k] > 0 ? (100 * w) / rowWeight[k] : NaN))),
      fromPersons: transN.map((r) => r.reduce((a, b) => a + b, 0)),
    },
  };
}

/** Rung of each cell code (-1: exit state or not on the ladder) and the rung names; checks that the ladder covers the alphabet. */
function ladderRungs(seqs: StateSequences, rungs: LadderOptions['rungs'], exit: Uint8Array): { rungOf: Int8Array; names: string[] } {
  const codes = seqs.alphabet.codes;
  const rungOf = new Int8Array(256).fill(-1);
  if (rungs.length === 0) throw new OptionsError('rungs', 'expected at least one rung, lowest first');
  const names = rungs.map((rung, r) => {
    const states = typeof rung === 'string' ? [rung] : [...rung];
    if (states.length === 0) throw new OptionsError('rungs', `rung ${r + 1} has no states`);
    for (const s of states) {
      const c = codes.indexOf(s);
      if (c < 0) throw new OptionsError('rungs', `"${s}" is not a state of the alphabet (${codes.join(', ')})`);
      if (rungOf[c] >= 0) throw new OptionsError('rungs', `"${s}" is on two rungs`);
      if (exit[c]) throw new OptionsError('rungs', `"${s}" is an exit state (a person in it has left); take it off the ladder`);
      rungOf[c] = r;
    }
    return states.join('+');
  });
  const missing = codes.filter((_, c) => rungOf[c] < 0 && !exit[c]);
  if (missing.length > 0) {
    throw new OptionsError('rungs', `the ladder misses the state${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; put every state on a rung (exit states count as left)`);
  }
  return { rungOf, names };
}
