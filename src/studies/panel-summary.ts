import type { StateCount } from '../ingest/report.js';
import type { StateSequences } from '../sequences/types.js';
import { MISSING } from '../sequences/types.js';

/** What a report says about the panel it ran on, whatever its source. */
export interface PanelSummary {
  /** Sequences (persons). */
  readonly persons: number;
  /** Sum of the case weights. */
  readonly weightSum: number;
  /** Month columns; the shortest and longest follow-up in months. */
  readonly months: number;
  readonly minLength: number;
  readonly maxLength: number;
  /** First and last time label. */
  readonly firstMonth: string;
  readonly lastMonth: string;
  /** Observed cells (sum of lengths) and missing cells inside the sequences. */
  readonly observedCells: number;
  readonly missingCells: number;
  /** Person-months per state, in alphabet order. */
  readonly states: readonly StateCount[];
}

/**
 * Counts of a sequence set for a report's data section: persons, weights,
 * follow-up lengths and cells per state (the part of an ingest report that
 * any panel has, also one generated in memory).
 *
 * @example
 * summarisePanel(simulateJobcoach({ n: 1000 })).states; // [{ state: 'trial', label: 'trial placement', cells: ... }, ...]
 */
export function summarisePanel(seqs: StateSequences): PanelSummary {
  const { n, t, codes, lengths } = seqs;
  const cells = new Float64Array(seqs.alphabet.codes.length);
  let missing = 0;
  let observed = 0;
  let weightSum = 0;
  let minLength = n > 0 ? t : 0;
  let maxLength = 0;
  for (let i = 0; i < n; i++) {
    weightSum += seqs.weights[i];
    minLength = Math.min(minLength, lengths[i]);
    maxLength = Math.max(maxLength, lengths[i]);
    observed += lengths[i];
    for (let j = 0; j < lengths[i]; j++) {
      const c = codes[i * t + j];
      if (c === MISSING) missing++;
      else cells[c]++;
    }
  }
  return {
    persons: n,
    weightSum,
    months: t,
    minLength,
    maxLength,
    firstMonth: seqs.timeLabels[0] ?? '',
    lastMonth: seqs.timeLabels[t - 1] ?? '',
    observedCells: observed,
    missingCells: missing,
    states: seqs.alphabet.codes.map((state, k) => ({ state, label: seqs.alphabet.labels[k], cells: cells[k] })),
  };
}
