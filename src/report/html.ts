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

/** A part of a report page. `html` is markup whose user-provided text its builder escaped (`escapeHtml`). */
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
function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
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
