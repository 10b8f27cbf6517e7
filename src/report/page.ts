import { formatNumber, formatPValue, tr, type Lang, type TextParam } from '../i18n/index.js';
import type { Block, Cell, Column, ReportDocument, Table, Text } from './document.js';
import { csvText, type CsvValue } from '../disclosure/csv.js';
import { escapeHtml, pageHtml } from './html.js';

/**
 * A text in the document's language: the catalogue text with its parameters
 * filled (parameters that are texts resolved first), or the literal.
 *
 * @example
 * resolveText(text('nPersons', { n: 25000 }), 'nl'); // '25.000 personen'
 */
export function resolveText(t: Text, lang: Lang): string {
  if ('literal' in t) return t.literal;
  const params: Record<string, TextParam> = {};
  for (const [name, v] of Object.entries(t.params ?? {})) params[name] = typeof v === 'object' ? resolveText(v, lang) : v;
  return tr(lang, t.key, params);
}

/**
 * A table cell as shown on the page: numbers formatted by the column's
 * format in the language (– when suppressed or not defined), texts
 * translated, the cell's mark appended.
 *
 * @example
 * cellText({ key: 'p', header: literal('%'), values: [0.592], format: { scale: 100 } }, 0, 'en'); // '59'
 */
export function cellText(column: Column, row: number, lang: Lang): string {
  const v = column.values[row];
  const mark = column.marks?.[row] ?? '';
  const f = column.format ?? {};
  let shown: string;
  if (v === null || typeof v === 'number') {
    shown = f.kind === 'p' ? formatPValue(v, lang) : formatNumber(v === null ? null : v * (f.scale ?? 1), lang, f.digits ?? 0);
    if (v !== null && Number.isFinite(v) && f.suffix) shown += f.suffix;
  } else if (typeof v === 'boolean') shown = v ? '✓' : '';
  else if (typeof v === 'string') shown = v;
  else shown = resolveText(v, lang);
  return shown + mark;
}

/**
 * A table as CSV text (`csvText` of src/disclosure: one writer for every CSV):
 * the columns shown in the file (`show` both or csv) with their raw values;
 * suppressed or undefined numbers empty, texts translated, text a
 * spreadsheet would read as a formula prefixed with a quote.
 *
 * @example
 * tableCsv(table, 'en'); // 'group,n\n1,120\n2,95\n'
 */
export function tableCsv(t: Table, lang: Lang): string {
  const columns = t.columns.filter((c) => (c.show ?? 'both') !== 'page');
  const rows: CsvValue[][] = [columns.map((c) => c.key)];
  for (let r = 0; r < rowCount(t); r++) rows.push(columns.map((c) => csvValue(c.values[r], lang)));
  return csvText(rows);
}

function csvValue(v: Cell | undefined, lang: Lang): CsvValue {
  return v === null || v === undefined || typeof v !== 'object' ? v : resolveText(v, lang);
}

function rowCount(t: Table): number {
  return Math.max(0, ...t.columns.map((c) => c.values.length));
}

/**
 * A table as HTML: caption with a link to its CSV file, header, rows (number
 * columns aligned right) and notes, every text escaped.
 *
 * @example
 * tableHtml(table, 'en'); // '<div class="table"><div class="caption">...</div><table>...</table></div>'
 */
export function tableHtml(t: Table, lang: Lang): string {
  const columns = t.columns.filter((c) => (c.show ?? 'both') !== 'csv');
  const align = (c: Column) => (c.format ? ' class="num"' : '');
  const head = columns.map((c) => `<th${align(c)}>${escapeHtml(resolveText(c.header, lang))}</th>`).join('');
  const body: string[] = [];
  for (let r = 0; r < rowCount(t); r++) {
    body.push(`<tr>${columns.map((c) => `<td${align(c)}>${escapeHtml(cellText(c, r, lang))}</td>`).join('')}</tr>`);
  }
  const notes = (t.notes ?? []).map((n) => `<p class="note">${escapeHtml(resolveText(n, lang))}</p>`).join('');
  return (
    `<div class="table"><div class="caption">${escapeHtml(resolveText(t.caption, lang))} ` +
    `<span class="files">(<a href="tables/${escapeHtml(t.name)}.csv">CSV</a>)</span></div>` +
    `<table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${notes}</div>`
  );
}

/**
 * The report page (self-contained HTML) of a document, with each figure's
 * SVG inlined as given (rendered by `renderReport`, or in memory for a test)
 * and the figures numbered in page order (`Figure 1.`).
 *
 * @param doc the report document
 * @param svgs SVG text by figure name
 * @example
 * const html = reportHtml(doc, new Map([['fig1-state-shares', svg]]));
 */
export function reportHtml(doc: ReportDocument, svgs: ReadonlyMap<string, string>): string {
  const lang = doc.lang;
  let figures = 0;
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return `<p>${escapeHtml(resolveText(b.text, lang))}</p>`;
      case 'list':
        return `<ul>${b.items.map((i) => `<li>${escapeHtml(resolveText(i, lang))}</li>`).join('')}</ul>`;
      case 'preformatted':
        return `<pre>${escapeHtml(b.text)}</pre>`;
      case 'table':
        return tableHtml(b.table, lang);
      case 'figure': {
        const f = b.figure;
        const svg = scopeSvgIds(svgs.get(f.name) ?? '', `f${++figures}-`);
        const files = `<span class="files">(<a href="figures/${escapeHtml(f.name)}.svg">SVG</a>, <a href="figures/${escapeHtml(f.name)}.png">PNG</a>)</span>`;
        const caption = `${tr(lang, 'figureLabel', { n: figures })} ${resolveText(f.caption, lang)}`;
        return `<figure id="${escapeHtml(f.name)}">${svg}<figcaption>${escapeHtml(caption)} ${files}</figcaption></figure>`;
      }
    }
  };
  return pageHtml({
    lang,
    title: resolveText(doc.title, lang),
    subtitle: doc.subtitle ? resolveText(doc.subtitle, lang) : undefined,
    sections: doc.sections.map((s) => ({ id: s.id, title: resolveText(s.title, lang), html: s.blocks.map(block).join('') })),
  });
}

/**
 * Prefix the ids of an SVG (and the `url(#...)` / `href="#..."` references to
 * them), so that several SVGs inlined in one page cannot resolve each
 * other's clip paths or gradients.
 *
 * @example
 * scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'f2-');
 * // '<clipPath id="f2-clip1"/><g clip-path="url(#f2-clip1)"/>'
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`);
}
