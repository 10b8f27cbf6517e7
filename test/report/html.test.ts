import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { escapeHtml, figureHtml, listHtml, preHtml, renderPage, scopeSvgIds, tableHtml } from '../../src/index.js';

const EVIL = '<script>alert(1)</script>';

describe('HTML building blocks', () => {
  it('escape text everywhere user data can appear', () => {
    expect(escapeHtml(`${EVIL}&"'`)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;');
    expect(listHtml([EVIL])).not.toContain('<script');
    expect(preHtml(EVIL)).not.toContain('<script');
    expect(figureHtml('<svg></svg>', EVIL, { svg: 'a.svg', png: 'a.png' })).not.toContain('<script');
    expect(renderPage({ title: EVIL, lang: 'en', sections: [{ id: 's', title: EVIL, html: '' }] })).not.toContain('<script');
  });

  it('escape column names and cells of a table, keeping alignment and formats by name', () => {
    const html = tableHtml(aq.table({ [EVIL]: [1.5], state: [EVIL] }), 'caption', { csv: 't.csv' }, { [EVIL]: (v) => `${v}!` }, { [EVIL]: 'r' });
    expect(html).not.toContain('<script');
    expect(html).toContain('<th style="text-align: right;">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(html).toContain('>1.5!</td>');
  });

  it('scope SVG ids so inlined figures cannot use each other\'s clip paths', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    expect(scopeSvgIds(svg, 'f2-')).toBe('<svg><defs><clipPath id="f2-clip1"><rect/></clipPath></defs><g clip-path="url(#f2-clip1)"><use href="#f2-clip1"/></g></svg>');
  });
});
