import { stringify } from 'csv-stringify/sync';
import type { DisclosureLogRow } from './control.js';

/** A value of a CSV cell: numbers as numbers, text as text; null, undefined and non-finite numbers are empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** A plain decimal number, as a spreadsheet reads it (not a formula). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets (CSV injection, OWASP): text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a
 * number gets a leading `'`, so Excel, LibreOffice and Google Sheets show it
 * as text instead of running it as a formula.
 *
 * @param text the cell's text
 * @returns the text, or `'` + the text
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula('-3.5');                   // '-3.5' (a number)
 * neutraliseFormula('-');                      // "'-"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * CSV text of a table given as rows (the first usually the header), every
 * cell through `neutraliseFormula`, quoted where needed (RFC 4180: commas,
 * quotes, line breaks). Numbers are written as JavaScript prints them (the
 * shortest text that reads back as the same double); NaN, infinities, null
 * and undefined as empty cells. Lines end in `\n`.
 *
 * @param rows the rows, each an array of cells
 * @returns the CSV text
 * @example
 * csvText([['group', 'n'], ['=cmd|"/c calc"!A1', 12], ['WGA', NaN]]);
 * // 'group,n\n"\'=cmd|""/c calc""!A1",12\nWGA,\n'
 */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  const clean = rows.map((row) => row.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
  return stringify(clean, { cast: { string: neutraliseFormula, boolean: (b) => String(b) } });
}

/**
 * CSV text of a table given as columns (name -> values), header first.
 *
 * @param columns equal-length columns in output order
 * @returns the CSV text
 * @example
 * csvColumns({ benefit: ['Wajong', 'WGA'], persons: [120, null] }); // 'benefit,persons\nWajong,120\nWGA,\n'
 */
export function csvColumns(columns: Readonly<Record<string, readonly CsvValue[]>>): string {
  const names = Object.keys(columns);
  const length = names.length ? columns[names[0]].length : 0;
  const rows: CsvValue[][] = [names];
  for (let i = 0; i < length; i++) rows.push(names.map((c) => columns[c][i]));
  return csvText(rows);
}

/**
 * The output-check log as CSV (disclosure.csv): table, cell, kind, persons, rule.
 *
 * @param log the log of `controlTables` (several logs may be concatenated)
 * @example
 * disclosureCsv(controlTables(tables).log);
 * // 'table,cell,kind,persons,rule\nretention,same,share,31,none\nretention,other,share,,secondary\n...'
 */
export function disclosureCsv(log: readonly DisclosureLogRow[]): string {
  return csvText([['table', 'cell', 'kind', 'persons', 'rule'], ...log.map((r) => [r.table, r.cell, r.kind, r.persons, r.rule])]);
}
