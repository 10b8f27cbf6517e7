import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figure, literal, printSize, renderReport, renderReportPage, table, text, type ReportDocument } from '../../src/index.js';

const spec = {
  width: 200, height: 100, data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: 'point',
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
} as never;
const doc: ReportDocument = {
  lang: 'nl',
  title: literal('A study'),
  results: { n_persons: 2 },
  sections: [{
    id: 'one', title: text('month'),
    blocks: [figure('fig1', spec, literal('Figure 1')), table({ name: 't1', caption: literal('T'), columns: [{ key: 'x', header: literal('x'), values: [1.5, null] }] })],
  }],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-render-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderReport', () => {
  it('writes the page, figures, tables and results, and removes what the earlier report had and this one has not', async () => {
    await mkdir(join(dir, 'figures'), { recursive: true });
    await writeFile(join(dir, 'figures', 'keep.txt'), 'mine');
    const more = { ...doc, sections: [...doc.sections, { id: 'two', title: literal('x'), blocks: [figure('old', spec, literal('old'))] }] };
    await renderReport(more, dir);
    expect(existsSync(join(dir, 'figures', 'old.svg'))).toBe(true);
    const written = await renderReport(doc, dir);
    expect(written.files).toEqual(['figures/fig1.svg', 'figures/fig1.png', 'tables/t1.csv', 'results.json', 'index.html']);
    expect(existsSync(join(dir, 'figures', 'old.svg'))).toBe(false);
    expect(existsSync(join(dir, 'figures', 'keep.txt'))).toBe(true);
    expect(await readFile(join(dir, 'tables', 't1.csv'), 'utf8')).toBe('x\n1.5\n\n');
    expect(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'))).toEqual({ n_persons: 2 });
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<h2>Maand</h2>');
    expect(html).toBe(await renderReportPage(doc));
  });

  it('gives figures a print size in cm and PNGs of the asked resolution', async () => {
    await renderReport(doc, dir, { figures: { widthCm: 8.5, dpi: 300 } });
    const svg = await readFile(join(dir, 'figures', 'fig1.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]* width="8.5cm" height="[\d.]+cm"/);
    const png = await readFile(join(dir, 'figures', 'fig1.png'));
    // 8.5 cm at 300 dpi = 1004 pixels
    expect(Math.abs(png.readUInt32BE(16) - 8.5 / 2.54 * 300)).toBeLessThanOrEqual(1);
  });

  it('computes the PNG zoom from the print width', () => {
    const { file, zoom } = printSize('<svg class="marks" width="482" height="241" viewBox="0 0 482 241">', { widthCm: 17, dpi: 300 });
    expect(file).toBe('<svg class="marks" width="17cm" height="8.5cm" viewBox="0 0 482 241">');
    expect(zoom).toBeCloseTo((17 / 2.54 * 300) / 482, 12);
    expect(printSize('<svg width="10" height="10">').zoom).toBe(2);
  });
});
