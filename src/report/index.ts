// Public API of src/report (re-exported from src/index.ts): the generic report kit.
export {
  text, literal, paragraph, list, figure, table, preformatted, documentFigures, documentTables,
  type Text, type Cell, type CellFormat, type Column, type Table, type Figure, type Block, type Section, type ReportDocument,
} from './document.js';
export { resolveText, cellText, tableCsv, tableHtml, reportHtml, scopeSvgIds } from './page.js';
export { renderReport, renderReportPage, printSize, POINTS_PER_CM, type FigureOutput, type RenderOptions, type WrittenReport } from './render.js';
export { escapeHtml, pageHtml } from './html.js';
