import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartMimeBundle, meanTimePlot, svgToPng, renderSvg } from '../../src/charts/index.js';
import { makeAlphabet } from '../../src/sequences/alphabet.js';
import { createSequences } from '../../src/sequences/create.js';

const alphabet = makeAlphabet(['a', 'b']);
const seqs = createSequences({ alphabet, codes: Uint8Array.from([0, 0, 1, 1, 1, 0]), n: 2, t: 3 });
const bar = (title?: TopLevelSpec['title'], schema?: string): TopLevelSpec => ({
  ...(schema ? { $schema: schema } : {}),
  ...(title !== undefined ? { title } : {}),
  data: { values: [{ x: 'a', y: 1 }, { x: 'b', y: 2 }] },
  mark: 'bar',
  encoding: { x: { field: 'x', type: 'nominal' }, y: { field: 'y', type: 'quantitative' } },
}) as TopLevelSpec;

describe('chartMimeBundle', () => {
  it('holds the spec under the Vega-Lite MIME type of its $schema, a PNG and a text line', async () => {
    const spec = meanTimePlot(seqs);
    const { data, metadata } = await chartMimeBundle(spec);
    expect(Object.keys(data).sort()).toEqual(['application/vnd.vegalite.v6+json', 'image/png', 'text/plain']);
    expect(data['application/vnd.vegalite.v6+json']).toBe(spec);
    expect(data['text/plain']).toMatch(/^<Vega-Lite chart: .+>$/);
    const png = Buffer.from(data['image/png'] as string, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // CSS size = pixel size / scale (2 by default)
    const img = new Resvg(await renderSvg(spec), { fitTo: { mode: 'zoom', value: 2 } }).render();
    expect(metadata['image/png']).toEqual({ width: img.width / 2, height: img.height / 2 });
  });

  it('PNG at another scale, or none', async () => {
    const spec = bar('A title');
    const one = await chartMimeBundle(spec, { scale: 1 });
    const png = svgToPng(await renderSvg(spec), { scale: 1 });
    expect(one.data['image/png']).toBe(png.toString('base64'));
    expect(one.metadata['image/png']).toEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    const none = await chartMimeBundle(spec, { png: false });
    expect(Object.keys(none.data).sort()).toEqual(['application/vnd.vegalite.v6+json', 'text/plain']);
    expect(none.metadata).toEqual({});
  });

  it('MIME version from $schema; titles as text, lines or objects', async () => {
    const v5 = await chartMimeBundle(bar(undefined, 'https://vega.github.io/schema/vega-lite/v5.json'), { png: false });
    expect(Object.keys(v5.data)).toContain('application/vnd.vegalite.v5+json');
    expect(v5.data['text/plain']).toBe('<Vega-Lite chart>');
    const lines = await chartMimeBundle(bar(['Two', 'lines']), { png: false });
    expect(lines.data['text/plain']).toBe('<Vega-Lite chart: Two lines>');
    const object = await chartMimeBundle(bar({ text: 'Shares', subtitle: 'by month' }), { png: false });
    expect(object.data['text/plain']).toBe('<Vega-Lite chart: Shares>');
  });
});
