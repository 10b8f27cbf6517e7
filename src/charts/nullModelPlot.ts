import type { TopLevelSpec } from 'vega-lite';
import type { NullModelQuality } from '../cluster/validation.js';
import type { QualityIndex } from '../cluster/quality.js';
import { tr } from '../i18n/index.js';
import { chartTitle, roundTo, SERIES_PALETTE, topLevel, type ChartOptions } from './theme.js';

/** Options of {@link nullModelPlot}. */
export interface NullModelPlotOptions extends ChartOptions {
  /** Indices to draw, one panel each (default ASW, PBC, HG, R2, CH, HC). */
  indices?: readonly QualityIndex[];
}

/**
 * Standardised cluster quality against a null model (WeightedCluster's
 * `plot.seqnullcqi`): per index a panel with the standardised observed value
 * for each k (line and points) and the max-T interval of the null data
 * (grey band); values above the band are better than chance clustering of
 * sequences without structure.
 *
 * @param result a `nullModelQuality` result
 * @param options indices, lang, title, width, height
 * @returns a Vega-Lite spec with inline data
 * @example
 * await writeFigure(nullModelPlot(await nullModelQuality(seqs, opts)), 'out', 'null-model');
 */
export function nullModelPlot(result: NullModelQuality, options: NullModelPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const indices = options.indices ?? (['ASW', 'PBC', 'HG', 'R2', 'CH', 'HC'] as const);
  const width = options.width ?? 200;
  const height = options.height ?? 150;
  const views = indices.map((index) => {
    const points = result.ks.map((k, c) => ({ k, z: roundTo(result.standardized[index][c]) }));
    const [lo, hi] = result.maxT[index];
    const band = [{ k: result.ks[0], lo: roundTo(lo), hi: roundTo(hi) }, { k: result.ks[result.ks.length - 1], lo: roundTo(lo), hi: roundTo(hi) }];
    const x = { field: 'k', type: 'quantitative', title: tr(lang, 'numberOfClusters'), axis: { tickMinStep: 1 } };
    return {
      title: index,
      width,
      height,
      layer: [
        { data: { values: band }, mark: { type: 'area', color: '#DDDDDD' }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: tr(lang, 'standardized') }, y2: { field: 'hi' } } },
        { data: { values: points }, mark: { type: 'line', point: true, color: SERIES_PALETTE[0] }, encoding: { x, y: { field: 'z', type: 'quantitative' } } },
      ],
    };
  });
  const title = chartTitle(options, 'nullModel', { model: result.model });
  return topLevel(lang, title, tr(lang, 'nullInterval', { pct: roundTo(100 * result.level, 1) }), { concat: views, columns: 3 });
}
