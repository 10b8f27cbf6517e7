import type { StateSequences } from '../sequences/types.js';
import { stateDistribution } from './state-distribution.js';
import { transitionRates } from './transitions.js';
import { meanTime } from './mean-time.js';
import { sequenceIndicators } from './indicators.js';
import { indicatorTable, type IndicatorTableOptions } from './indicator-table.js';
import type { DescribeOptions } from './states.js';

/** The tables of `loopbaan describe --what ...`. */
export const DESCRIBE_TABLES = ['statd', 'trate', 'meant', 'indicators'] as const;
export type DescribeTable = (typeof DESCRIBE_TABLES)[number];

/**
 * One descriptive statistic as a table of strings, header first, numbers at
 * full precision (`String(x)`); the stable output of `loopbaan describe`:
 * - `statd`: `state,<months...>`, a row of frequencies per state, then `N` (valid weighted N) and `entropy`;
 * - `trate`: `from,<states...>`, one row of transition rates per state;
 * - `meant`: `state,mean`;
 * - `indicators`: `id,entropy,turbulence,complexity,transitions`, one row per sequence in input order;
 *   with `indicators.indic`, `id` then TraMineR's `seqindic` columns (`indicatorTable`).
 *
 * @param seqs the sequences
 * @param what which table
 * @param options `weighted` (true), `withMissing` (false), `indicators` (the `indicatorTable` options)
 * @returns rows of cells, header first
 * @example
 * csvText(describeTable(seqs, 'meant')); // "state,mean\nemployment,31.72...\n..."
 */
export function describeTable(
  seqs: StateSequences,
  what: DescribeTable,
  options: DescribeOptions & { indicators?: IndicatorTableOptions } = {},
): string[][] {
  switch (what) {
    case 'statd': {
      const d = stateDistribution(seqs, options);
      const month = (values: Float64Array, from: number) => Array.from(values.subarray(from, from + d.t), String);
      return [
        ['state', ...d.timeLabels],
        ...d.states.map((s, k) => [s, ...month(d.frequencies, k * d.t)]),
        ['N', ...month(d.validN, 0)],
        ['entropy', ...month(d.entropy, 0)],
      ];
    }
    case 'trate': {
      const tr = transitionRates(seqs, options);
      const S = tr.states.length;
      return [['from', ...tr.states], ...tr.states.map((s, a) => [s, ...Array.from(tr.rates.subarray(a * S, (a + 1) * S), String)])];
    }
    case 'meant': {
      const m = meanTime(seqs, options);
      return [['state', 'mean'], ...m.states.map((s, k) => [s, String(m.mean[k])])];
    }
    case 'indicators': {
      if (options.indicators?.indic) {
        const table = indicatorTable(seqs, { withMissing: options.withMissing, ...options.indicators });
        return [['id', ...table.columns], ...seqs.ids.map((id, i) => [id, ...table.columns.map((c) => String(table.values[c]![i]))])];
      }
      const ind = sequenceIndicators(seqs, options);
      return [
        ['id', 'entropy', 'turbulence', 'complexity', 'transitions'],
        ...seqs.ids.map((id, i) => [id, String(ind.entropy[i]), String(ind.turbulence[i]), String(ind.complexity[i]), String(ind.transitions[i])]),
      ];
    }
  }
}
