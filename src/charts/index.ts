// Public API of src/charts (re-exported from src/index.ts).
export * from './i18n.js';
export * from './theme.js';
export * from './render.js';
export * from './rows.js';
export * from './indexPlot.js';
export * from './stateDistributionPlot.js';
export * from './panels.js';
export * from './frequencyPlot.js';
export * from './modalStatePlot.js';
export * from './meanTimePlot.js';
export * from './transitionRatePlot.js';
export * from './entropyHistogram.js';
export * from './survivalPlot.js';
export * from './indexNumberPlot.js';
export * from './clusterQualityPlot.js';
export * from './dendrogram.js';
export * from './clusterPanels.js';
