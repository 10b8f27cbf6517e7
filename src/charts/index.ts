// Public API of src/charts (re-exported from src/index.ts): the chart
// builders, rendering and their option types. The spec helpers the builders
// share (theme.ts, rows.ts, panels.ts) stay internal; texts live in src/i18n.
export type { Lang } from '../i18n/index.js';
export { chartConfig, MISSING_COLOR, SERIES_PALETTE, type ChartConfig, type ChartOptions } from './theme.js';
export type { SequenceSort } from './rows.js';
export type { GroupOptions } from './panels.js';
export { chartFont, renderPng, renderSvg, svgToPng, writeFigure, type ChartFont, type PngOptions } from './render.js';
export { indexPlot, type IndexPlotOptions } from './indexPlot.js';
export { stateDistributionPlot, stateDistributionPlotFrom, stateSharesPlot, type DistributionPlotOptions } from './stateDistributionPlot.js';
export { channelDistributionPlot, type ChannelPlotOptions } from './channelDistributionPlot.js';
export { frequencyPlot, type FrequencyPlotOptions } from './frequencyPlot.js';
export { modalStatePlot, type ModalStatePlotOptions } from './modalStatePlot.js';
export { meanTimePlot, type MeanTimePlotOptions } from './meanTimePlot.js';
export { transitionRatePlot, transitionRatePlotFrom } from './transitionRatePlot.js';
export { entropyHistogram, type EntropyHistogramOptions } from './entropyHistogram.js';
export {
  cumulativeIncidencePlot, kaplanMeierPlot, type IncidencePlotOptions, type NamedIncidence, type NamedSurvivalCurve, type SurvivalPlotOptions,
} from './survivalPlot.js';
export { indexNumberPlot, indexSeriesFrom, type IndexNumberPlotOptions, type IndexSeries } from './indexNumberPlot.js';
export { clusterQualityPlot, type ClusterQualityPlotOptions, type ClusterRangeLike } from './clusterQualityPlot.js';
export { dendrogram, type DendrogramOptions, type DendrogramTree } from './dendrogram.js';
export { clusterPanels, type ClusterPanelsOptions } from './clusterPanels.js';
export { chartMimeBundle, type ChartMimeBundle, type ChartMimeOptions } from './mime.js';
export { treePlot, type TreePlotOptions } from './treePlot.js';
export { representativePlot, type RepresentativePanel, type RepresentativePlotOptions } from './representativePlot.js';
export { nullModelPlot, type NullModelPlotOptions } from './nullModelPlot.js';
