import { describe, expect, it } from 'vitest';
import {
  cellText, escapeHtml, figure, list, literal, pageHtml, paragraph, preformatted, reportHtml, resolveText, scopeSvgIds, table, tableCsv, tableHtml, text,
  type ReportDocument, type Table,
} from '../../src/index.js';

const EVIL = '<script>alert(1)</script>';

const shares: Table = {
  name: 'shares',
  caption: text('state'),
  columns: [
    { key: 'group', header: text('group'), values: ['Wajong', EVIL, text('month')] },
    { key: 'share', header: literal('%'), values: [0.5912, null, 0.25], format: { scale: 100, digits: 1 }, marks: ['*', null, null], persons: [120, 4, 30] },
    { key: 'p', header: literal('p'), values: [0.17288, 1e-9, null], format: { kind: 'p' } },
    { key: 'note', header: literal('note'), values: ['=1+1', '-A1', 'ok'], show: 'csv' },
  ],
  notes: [literal(EVIL)],
};

describe('report texts', () => {
  it('translate keys with parameters, texts inside parameters too', () => {
    expect(resolveText(text('dendrogram', { k: 25000 }), 'nl')).toBe('Ward-boom (bovenste 25.000 takken)');
    expect(resolveText(text('dendrogram', { k: text('month') }), 'en')).toBe('Ward tree (top Month branches)');
    expect(resolveText(literal('as is {n}'), 'nl')).toBe('as is {n}');
  });
});

describe('tables', () => {
  it('show numbers in the language with the column format and marks; suppressed cells as –', () => {
    const share = shares.columns[1];
    expect([0, 1, 2].map((r) => cellText(share, r, 'en'))).toEqual(['59.1*', '–', '25.0']);
    expect(cellText(share, 0, 'nl')).toBe('59,1*');
    expect([0, 1, 2].map((r) => cellText(shares.columns[2], r, 'en'))).toEqual(['0.1729', '< 0.0001', '–']);
    expect(cellText(shares.columns[0], 2, 'nl')).toBe('Maand');
  });

  it('write raw values to CSV, suppressed cells empty, formulas defused, page-only columns left out', () => {
    expect(tableCsv(shares, 'en')).toBe(
      'group,share,p,note\nWajong,0.5912,0.17288,\'=1+1\n<script>alert(1)</script>,,1e-9,\'-A1\nMonth,0.25,,ok\n',
    );
  });

  it('escape every text on the page and align number columns right', () => {
    const html = tableHtml(shares, 'en');
    expect(html).not.toContain('<script');
    expect(html).toContain('<th class="num">%</th>');
    expect(html).toContain('<a href="tables/shares.csv">CSV</a>');
    expect(html).not.toContain('=1+1');
  });
});

describe('the page', () => {
  const doc: ReportDocument = {
    lang: 'en',
    title: literal(EVIL),
    subtitle: literal('sub'),
    results: {},
    sections: [
      { id: 'a', title: literal(EVIL), blocks: [paragraph(literal(EVIL)), list([literal(EVIL)]), preformatted(EVIL), table(shares)] },
      { id: 'b', title: text('month'), blocks: [figure('fig1', { mark: 'point' } as never, literal(EVIL))] },
    ],
  };

  it('escapes user text everywhere and inlines each figure with scoped ids and links to its files', () => {
    const html = reportHtml(doc, new Map([['fig1', '<svg><clipPath id="c"/><g clip-path="url(#c)"/></svg>']]));
    expect(html).not.toContain('<script');
    expect(html).toContain('<svg><clipPath id="f1-c"/><g clip-path="url(#f1-c)"/></svg>');
    expect(html).toContain('<a href="figures/fig1.svg">SVG</a>');
    expect(html).toContain('<section id="b"><h2>Month</h2>');
    expect(escapeHtml(`${EVIL}&"'`)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;');
    expect(pageHtml({ title: EVIL, lang: 'en', sections: [{ id: 's', title: EVIL, html: '' }] })).not.toContain('<script');
  });

  it('scopes SVG ids so inlined figures cannot use each other\'s clip paths', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    expect(scopeSvgIds(svg, 'f2-')).toBe('<svg><defs><clipPath id="f2-clip1"><rect/></clipPath></defs><g clip-path="url(#f2-clip1)"><use href="#f2-clip1"/></g></svg>');
  });
});
