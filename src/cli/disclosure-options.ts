/**
 * Disclosure control options shared by the commands that write tables
 * (`--min-cell`, `--round`, `--log`) and the output-check log they write.
 */
import { disclosureCsv } from '../disclosure/csv.js';
import type { DisclosureLogRow } from '../disclosure/control.js';
import { OptionsError } from '../errors.js';
import { integerOption, stringOption, type OptionValues } from './args.js';
import { writeOutput } from './output.js';

/** `parseOptions` spec of the disclosure options. */
export const DISCLOSURE_OPTIONS = {
  'min-cell': { type: 'string' },
  round: { type: 'string' },
  log: { type: 'string' },
} as const;

/** Usage lines of the disclosure options. */
export const DISCLOSURE_USAGE = `  --min-cell N              suppress every cell resting on fewer than N persons, and the cells that would
                            give it away (default 10; 1 turns suppression off)
  --round N                 round counts to a multiple of N instead of suppressing them
  --log FILE                the output-check log (table,cell,kind,persons,rule); default FILE.disclosure.csv
                            beside --out
`;

/**
 * `--min-cell N` (default 10, at least 1) and `--round N` (at least 2; undefined: suppress).
 *
 * @example
 * disclosureOptions(values); // { minCell: 10, round: undefined }
 */
export function disclosureOptions(values: OptionValues): { minCell: number; round: number | undefined } {
  return {
    minCell: integerOption(values, 'min-cell', 10, 1),
    round: values.round === undefined ? undefined : integerOption(values, 'round', 5, 2),
  };
}

/**
 * Where the output-check log goes: `--log FILE`, else beside `--out X.csv` as
 * `X.disclosure.csv`; undefined when the result goes to standard output
 * without `--log`.
 *
 * @example
 * logPath({ out: 'labels.csv' }); // 'labels.disclosure.csv'
 */
function logPath(values: OptionValues): string | undefined {
  const out = stringOption(values, 'out');
  return stringOption(values, 'log') ?? (out !== undefined ? `${out.replace(/\.(csv|json|txt)$/i, '')}.disclosure.csv` : undefined);
}

/**
 * Write the output-check log (`disclosureCsv`) where `logPath` says.
 *
 * @example
 * await writeDisclosureLog(values, controlled.log);
 */
export async function writeDisclosureLog(values: OptionValues, log: readonly DisclosureLogRow[]): Promise<void> {
  const file = logPath(values);
  if (file !== undefined) await writeOutput(file, disclosureCsv(log));
}

/**
 * Statistics of the whole panel (cluster quality, validation, tests) rest on
 * every person: with fewer than `--min-cell` persons none may be published,
 * so the command stops before any work.
 *
 * @param persons the persons of the panel
 * @param minCell the threshold
 * @throws OptionsError naming --min-cell when 0 < persons < minCell
 * @example
 * requirePanelSize(seqs.n, minCell);
 */
export function requirePanelSize(persons: number, minCell: number): void {
  if (persons > 0 && persons < minCell) {
    throw new OptionsError('--min-cell', `the panel has ${persons} persons, fewer than ${minCell}: every statistic of it rests on too few persons to publish (--min-cell 1 turns disclosure control off, for work inside the secure environment only)`);
  }
}

/**
 * Output-check lines of statistics that rest on the whole panel: one line per
 * published number, kind `mean`, the panel's persons, rule `none`.
 *
 * @param table the table's name
 * @param cells the ids of its numbers, e.g. `ward.4.ASW`
 * @param persons the persons of the panel
 * @example
 * wholePanelLog('quality', ['2.ASW', '3.ASW'], 712);
 */
export function wholePanelLog(table: string, cells: readonly string[], persons: number): DisclosureLogRow[] {
  return cells.map((cell) => ({ table, cell, kind: 'mean', persons, rule: 'none' }));
}
