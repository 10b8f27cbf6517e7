// Public API of src/ingest (re-exported from src/index.ts).
export { openCsv, detectDelimiter, type CsvSource, type CsvBatch } from './csv.js';
export { parseMonth, formatMonth, MONTH_PATTERN } from './month.js';
export { ProblemLog, type IngestMode, type IngestProblem, type ProblemReason, type FileCounts } from './problems.js';
export { formatIngestReport, type IngestReport, type StateCount } from './report.js';
export { defaultStateOrder } from './states.js';
export { readPersons, personCovariates, type PersonTable, type ReadPersonsOptions } from './persons.js';
export { readLongPanel, readSpells } from './long.js';
export type { PanelOptions, TimeAxis, GapOptions, InputLimits } from './options.js';
export type { LoadedPanel } from './assemble.js';
export { readWide, parseColumnRange } from './wide.js';
export { loadPanel, fileColumns, type LoadPanelOptions } from './load.js';
export { storeCellAttributes } from './cell-spill.js';
export { checkRow, checkCsvFile, readDataSchema, type RowSchema, type DataSchemaName } from './schema.js';
export { joinLabels, type JoinedLabels } from './labels.js';
