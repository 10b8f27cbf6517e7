import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.js';
import { pngRenderOptions } from '../../src/charts/render.js';
import { makeAlphabet } from '../../src/sequences/alphabet.js';
import { createSequences } from '../../src/sequences/create.js';
import { aalenJohansen, kaplanMeier } from '../../src/stats/survival.js';
import { syntheticSequences } from './data.js';

const { seqs, groups } = syntheticSequences(120, 30, 3);
const time = [1, 2, 2, 3, 5, 8, 8, 9];
const tree = { n: 5, merge: Int32Array.from([-1, -2, -4, -5, -3, 2, 1, 3]), height: Float64Array.from([1, 2, 3, 10]) };

const specs: Record<string, () => ReturnType<typeof charts.indexPlot>> = {
  stateDistribution: () => charts.stateDistributionPlot(seqs, { groups }),
  indexPlot: () => charts.indexPlot(seqs, { groups, maxRows: 20 }),
  frequency: () => charts.frequencyPlot(seqs),
  meanTime: () => charts.meanTimePlot(seqs, { lang: 'nl' }),
  transitionRates: () => charts.transitionRatePlot(seqs),
  modalState: () => charts.modalStatePlot(seqs),
  entropy: () => charts.entropyHistogram(seqs, { groups }),
  kaplanMeier: () => charts.kaplanMeierPlot([{ name: 'all', curve: kaplanMeier(time, [1, 0, 1, 1, 0, 1, 1, 0]) }]),
  incidence: () => charts.cumulativeIncidencePlot([{ name: 'a', curve: aalenJohansen(time, [1, 0, 2, 1, 0, 1, 2, 0], 2) }, { name: 'b', curve: aalenJohansen(time, [2, 1, 0, 1, 1, 0, 0, 1], 2) }]),
  indexNumbers: () => charts.indexNumberPlot([{ measure: 'wage', group: 'Wajong', time: [0, 12, 24], index: [100, 104, 109], lower: [100, 101, 104], upper: [100, 107, 114] }]),
  clusterQuality: () => charts.clusterQualityPlot({ ks: [2, 3, 4], quality: [{ ASW: 0.3 }, { ASW: 0.5 }, { ASW: 0.4 }] }, { highlightK: 3 }),
  clusterPanels: () => charts.clusterPanels(seqs, groups),
  dendrogram: () => charts.dendrogram(tree, { k: 2 }),
};

describe('rendering', () => {
  it.each(Object.keys(specs))('%s renders to a non-empty SVG without errors', async (name) => {
    const svg = await charts.renderSvg(specs[name]());
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path|<line|<rect/);
    expect(svg).toContain('<text');
  });

  it('writes name.svg and name.png', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loopbaan-charts-'));
    try {
      const out = await charts.writeFigure(specs.meanTime(), dir, 'mean-time', { scale: 1 });
      const png = await readFile(out.pngPath);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect((await readFile(out.svgPath, 'utf8')).startsWith('<svg')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws text in PNGs (a font is found)', async () => {
    const text = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [{}] }, mark: { type: 'text', fontSize: 30, text: 'loopbaan' } } as const;
    const svg = await charts.renderSvg(text as unknown as Parameters<typeof charts.renderSvg>[0]);
    const pixels = new Resvg(svg, pngRenderOptions({ scale: 1 })).render().pixels;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++;
    expect(dark).toBeGreaterThan(50);
  });

  it('shows hostile state labels as text, never as markup', async () => {
    const ab = makeAlphabet(['x', 'y'], { labels: { x: '<script>alert(1)</script>', y: 'a & "b"' } });
    const s = createSequences({ alphabet: ab, n: 2, t: 2, codes: Uint8Array.from([0, 1, 1, 0]) });
    const svg = await charts.renderSvg(charts.stateDistributionPlot(s));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
