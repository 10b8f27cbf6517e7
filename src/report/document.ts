import type { TopLevelSpec } from 'vega-lite';
import type { DisclosureLogRow } from '../disclosure/control.js';
import type { Lang, TextKey, TextParam } from '../i18n/index.js';

/**
 * A text of a report: a catalogue key with its parameters (translated when
 * the page is written), or literal text (a user's label, a file name, a
 * number already formatted). Parameters may themselves be texts.
 */
export type Text =
  | { readonly key: TextKey; readonly params?: Readonly<Record<string, TextParam | Text>> }
  | { readonly literal: string };

/**
 * A catalogue text with parameters.
 *
 * @example
 * text('nPersons', { n: 25000 }); // { key: 'nPersons', params: { n: 25000 } }
 */
export function text(key: TextKey, params?: Readonly<Record<string, TextParam | Text>>): Text {
  return params ? { key, params } : { key };
}

/**
 * Literal text, shown as it is (escaped on the page).
 *
 * @example
 * literal('months.csv'); // { literal: 'months.csv' }
 */
export function literal(value: string): Text {
  return { literal: value };
}

/** How the numbers of a table column are shown on the page (CSV files keep the raw value). */
export interface CellFormat {
  /** Decimals shown (default 0). */
  readonly digits?: number;
  /** Multiply before showing (100: a share 0..1 shown as a percentage). */
  readonly scale?: number;
  /** Text after the number, e.g. `%`. */
  readonly suffix?: string;
  /** `p`: a p-value (four decimals, `< 0.0001` below that). */
  readonly kind?: 'number' | 'p';
}

/** A value in a table: numbers (null = suppressed or not defined), text, a flag, or a text to translate. */
export type Cell = number | string | boolean | null | Text;

/** One column of a table. */
export interface Column {
  /** Header in the CSV file (a stable machine name). */
  readonly key: string;
  /** Header on the page. */
  readonly header: Text;
  /** One value per row: raw numbers for the CSV, formatted for the page by `format`. */
  readonly values: readonly Cell[];
  /** Number format on the page; a column with a format is aligned right. */
  readonly format?: CellFormat;
  /** A mark after a cell on the page (e.g. `*` = significant), or null. */
  readonly marks?: readonly (string | null)[];
  /**
   * Persons behind each cell (unweighted), for disclosure control: every
   * published number keeps the count of persons it rests on; null where a
   * cell rests on no person count (labels, tests).
   */
  readonly persons?: readonly (number | null)[];
  /** Where the column appears (default both): `csv` only in the file, `page` only on the page. */
  readonly show?: 'both' | 'csv' | 'page';
}

/** A table: its CSV file `tables/NAME.csv` and its place on the page. */
export interface Table {
  /** File name without `.csv`. */
  readonly name: string;
  readonly caption: Text;
  readonly columns: readonly Column[];
  /** Notes printed under the table. */
  readonly notes?: readonly Text[];
}

/** A figure: a chart written as `figures/NAME.svg` and `.png` and shown inline. */
export interface Figure {
  /** File name without extension. */
  readonly name: string;
  readonly spec: TopLevelSpec;
  readonly caption: Text;
  /**
   * The chart with its panels `scale` times as wide: lets the renderer fit a
   * figure to a print width exactly, so that its text keeps its size.
   */
  readonly resize?: (scale: number) => TopLevelSpec;
}

/** A part of a section, in page order. */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: Text }
  | { readonly kind: 'list'; readonly items: readonly Text[] }
  | { readonly kind: 'preformatted'; readonly text: string }
  | { readonly kind: 'figure'; readonly figure: Figure }
  | { readonly kind: 'table'; readonly table: Table };

/** A section of the page: a heading and its blocks. */
export interface Section {
  /** Anchor id (letters, digits, dashes). */
  readonly id: string;
  readonly title: Text;
  readonly blocks: readonly Block[];
}

/**
 * A report as data: what a study computed, laid out as sections of figures,
 * tables and texts, plus the machine-readable results. Built by pure
 * functions; `renderReport` writes it.
 */
export interface ReportDocument {
  readonly lang: Lang;
  readonly title: Text;
  readonly subtitle?: Text;
  readonly sections: readonly Section[];
  /** What `results.json` holds. */
  readonly results: unknown;
  /** The output-check log, written as `disclosure.csv` (one line per cell: table, cell, kind, persons, rule). */
  readonly disclosureLog?: readonly DisclosureLogRow[];
}

/**
 * A paragraph block.
 * @example
 * paragraph(text('methodsOm')); // { kind: 'paragraph', text: { key: 'methodsOm' } }
 */
export function paragraph(t: Text): Block {
  return { kind: 'paragraph', text: t };
}

/**
 * A bulleted list block.
 * @example
 * list([literal('n = 25,000'), literal('k = 4')]);
 */
export function list(items: readonly Text[]): Block {
  return { kind: 'list', items };
}

/**
 * A figure block: a spec, or a function of the panels' width scale (1 as
 * built) that the renderer can use to fit the figure to a print width.
 * @example
 * figure('state-shares', spec, text('figStateShares'));
 * figure('state-shares', (s) => stateSharesPlot(alphabet, shares, { width: 200 * s }), text('figStateShares'));
 */
export function figure(name: string, spec: TopLevelSpec | ((scale: number) => TopLevelSpec), caption: Text): Block {
  return typeof spec === 'function'
    ? { kind: 'figure', figure: { name, spec: spec(1), caption, resize: spec } }
    : { kind: 'figure', figure: { name, spec, caption } };
}

/**
 * A table block.
 * @example
 * table({ name: 'groups', caption: text('groupsCaption'), columns });
 */
export function table(t: Table): Block {
  return { kind: 'table', table: t };
}

/**
 * A block of preformatted text (e.g. an ingest report).
 * @example
 * preformatted(formatIngestReport(report));
 */
export function preformatted(value: string): Block {
  return { kind: 'preformatted', text: value };
}

/**
 * Every figure of a document, in page order.
 * @example
 * documentFigures(doc).map((f) => f.name); // ['fig1-state-shares', ...]
 */
export function documentFigures(doc: Pick<ReportDocument, 'sections'>): Figure[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b.figure] : [])));
}

/**
 * Every table of a document, in page order.
 * @example
 * documentTables(doc).map((t) => t.name); // ['state-shares', 'job-endings', ...]
 */
export function documentTables(doc: Pick<ReportDocument, 'sections'>): Table[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
