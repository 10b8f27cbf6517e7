import { OptionsError } from '../errors.js';
import type { LoadedPanel } from './assemble.js';
import { readLongPanel, readSpells } from './long.js';
import type { PanelOptions } from './options.js';
import { readWide } from './wide.js';

/** Options of `loadPanel`: the file, its format, and the reader options. */
export interface LoadPanelOptions extends PanelOptions {
  /** `long` (person-month rows), `spell` (person, start, end, state) or `wide` (a row per person, a column per month). */
  readonly format: 'long' | 'spell' | 'wide';
  /** Path of the main file (months, spells or wide). */
  readonly input: string;
}

/**
 * Load a panel in any of the three formats into sequences, with the ingest
 * report. One entry point for the CLI and scripts; `readLongPanel`,
 * `readSpells` and `readWide` do the work.
 *
 * @param options the file, its format and the reader options (see `PanelOptions`)
 * @returns `{ sequences, report }`
 * @throws InputError in strict mode at the first problem, naming file, line and column
 * @example
 * const { sequences, report } = await loadPanel({
 *   format: 'long', input: 'months.csv', persons: 'persons.csv', weight: 'weight',
 *   time: { align: 'start', column: 'start_month' }, mode: 'lenient',
 * });
 * console.error(formatIngestReport(report));
 */
export function loadPanel(options: LoadPanelOptions): Promise<LoadedPanel> {
  const { format, input } = options;
  if (format === 'long') return readLongPanel(input, options);
  if (format === 'spell') return readSpells(input, options);
  if (format === 'wide') return readWide(input, options);
  throw new OptionsError('format', `"${String(format)}" is not one of long, spell, wide`);
}
