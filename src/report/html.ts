import type { ColumnTable } from 'arquero';

/**
 * Escape text for HTML element content and attribute values, so that
 * user-provided labels (state names, group labels, file names) never become markup.
 *
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A part of a report page. `html` is markup built by this module's helpers. */
export interface ReportSection {
  /** Anchor id (letters, digits, dashes). */
  readonly id: string;
  /** Heading text (escaped on output). */
  readonly title: string;
  readonly html: string;
}

/**
 * A paragraph of plain text (escaped).
 * @example
 * paragraph('Follow-up ends in 2019-12.'); // '<p>Follow-up ends in 2019-12.</p>'
 */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/**
 * A figure with an inline SVG (as the renderer produced it), a caption and links
 * to the SVG and PNG files.
 *
 * @example
 * figureHtml(svg, 'State shares by month', { svg: 'figures/fig1.svg', png: 'figures/fig1.png' });
 */
export function figureHtml(svg: string, caption: string, files: { svg: string; png: string }): string {
  return (
    `<figure>${svg}<figcaption>${escapeHtml(caption)} ` +
    `<span class="files">(<a href="${escapeHtml(files.svg)}">SVG</a>, <a href="${escapeHtml(files.png)}">PNG</a>)</span>` +
    `</figcaption></figure>`
  );
}

/**
 * An arquero table as an HTML table with an escaped caption. Arquero escapes
 * cell text but not column names, so the names are escaped here (a state
 * label from the data may be a column name). `align` sets a column's
 * alignment (`l`, `c`, `r`), e.g. right for numbers formatted as text.
 *
 * @example
 * tableHtml(aq.table({ state: ['work'], pct: [61.2] }), 'Shares', { csv: 'tables/shares.csv' });
 */
export function tableHtml(
  table: ColumnTable,
  caption: string,
  files: { csv: string },
  format: Record<string, (v: unknown) => string> = {},
  align: Record<string, 'l' | 'c' | 'r'> = {},
): string {
  const escaped = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [escapeHtml(k), v]));
  const names = table.columnNames();
  const safe = table.rename(Object.fromEntries(names.map((n) => [n, escapeHtml(n)])));
  const body = safe.toHTML({ format: escaped(format) as never, align: escaped(align) as never });
  return (
    `<div class="table"><div class="caption">${escapeHtml(caption)} ` +
    `<span class="files">(<a href="${escapeHtml(files.csv)}">CSV</a>)</span></div>${body}</div>`
  );
}

/**
 * A bulleted list of plain-text items (escaped).
 * @example
 * listHtml(['n = 25,000', 'k = 4']); // '<ul><li>n = 25,000</li><li>k = 4</li></ul>'
 */
export function listHtml(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/**
 * Preformatted plain text (escaped), e.g. an ingest report.
 * @example
 * preHtml('months.csv: 1364609 rows read'); // '<pre>months.csv: 1364609 rows read</pre>'
 */
export function preHtml(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1d1d1d;background:#fff;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:1.5rem 2rem 4rem}
nav{background:#f4f4f4;padding:.6rem 2rem;font-size:.9rem;border-bottom:1px solid #ddd}
nav a{margin-right:1rem;color:#0b5394;text-decoration:none}
h1{font-size:1.7rem;margin-bottom:.2rem} h2{margin-top:2.4rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
figure{margin:1rem 0} figure svg{max-width:100%;height:auto}
figcaption,.caption{font-size:.9rem;color:#444;margin:.3rem 0}
.files{font-size:.8rem;color:#777} .files a{color:#777}
table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0 1rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #e3e3e3} th{background:#f7f7f7}
pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.85rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
.note{font-size:.85rem;color:#555;margin:.1rem 0 .6rem}
.table{overflow-x:auto} .num{text-align:right}
`;

/**
 * A complete, self-contained HTML page (inline CSS and SVG; no scripts, fonts or
 * other external resources), so a report works offline and can leave a secure
 * environment as one folder.
 *
 * @example
 * const html = pageHtml({ title: 'Jobcoach study', lang: 'en', sections: [{ id: 'intro', title: 'Intro', html: paragraph('...') }] });
 */
export function pageHtml(page: { title: string; subtitle?: string; lang: string; sections: readonly ReportSection[] }): string {
  const nav = page.sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join('');
  const body = page.sections
    .map((s) => `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${s.html}</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav>${nav}</nav>
<main>
<h1>${escapeHtml(page.title)}</h1>
${page.subtitle ? paragraph(page.subtitle) : ''}
${body}
</main>
</body>
</html>
`;
}
