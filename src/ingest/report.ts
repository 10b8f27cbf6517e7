import type { FileCounts, IngestMode, IngestProblem, ProblemReason } from './problems.js';

/** Cells of one state in the loaded sequences. */
export interface StateCount {
  readonly state: string;
  readonly label: string;
  /** Person-months in this state (unweighted). */
  readonly cells: number;
}

/**
 * What ingestion read, kept and rejected: always produced, so nothing is lost silently.
 */
export interface IngestReport {
  readonly format: 'long' | 'spell' | 'wide';
  readonly mode: IngestMode;
  /** Rows read / kept / rejected by reason, per input file. */
  readonly files: readonly FileCounts[];
  /** Rejected rows by reason, over all files. */
  readonly rejected: Readonly<Partial<Record<ProblemReason, number>>>;
  /** The first few problems (lenient mode), located by file, line and column. */
  readonly examples: readonly IngestProblem[];
  /** What the time alignment left out on purpose (e.g. months before the aligned state); not errors. */
  readonly excluded: Readonly<Record<string, number>>;
  /** Sequences (persons) loaded. */
  readonly persons: number;
  /** Months on the time axis (t). */
  readonly months: number;
  /** `calendar` (labels are months or wide headers) or `process` (labels 0, 1, ...). */
  readonly timeAxis: 'calendar' | 'process';
  /** First and last time label. */
  readonly firstMonth: string;
  readonly lastMonth: string;
  /** Cells per state, in alphabet order. */
  readonly states: readonly StateCount[];
  /** Missing cells inside the sequences (gaps and missing states). */
  readonly missingCells: number;
  /** Cells inside the sequences (sum of lengths); the rest is after censoring. */
  readonly observedCells: number;
  /** Things that look wrong but did not stop the reading (e.g. months far from the rest). */
  readonly warnings: readonly string[];
}

/** Total rows rejected in one file. */
export function rejectedRows(counts: FileCounts): number {
  let total = 0;
  for (const v of Object.values(counts.rejected)) total += v ?? 0;
  return total;
}

/**
 * The report as plain text, a few lines, for the terminal or a log.
 *
 * @example
 * process.stderr.write(formatIngestReport(report));
 * // months.csv (months): 1344990 rows read, 1344990 kept, 0 rejected
 * // 25000 persons x 84 months (calendar, 2013-01 .. 2019-12); 4 states: trial 61234, ...
 */
export function formatIngestReport(report: IngestReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const rejected = rejectedRows(f);
    const reasons = Object.entries(f.rejected).map(([reason, k]) => `${reason} ${k}`).join(', ');
    lines.push(`${f.file} (${f.role}): ${f.rowsRead} rows read, ${f.rowsKept} kept, ${rejected} rejected${reasons ? ` (${reasons})` : ''}`);
  }
  lines.push(
    `${report.persons} persons x ${report.months} months (${report.timeAxis}, ${report.firstMonth} .. ${report.lastMonth}); ` +
      `${report.observedCells} observed cells, ${report.missingCells} missing`,
  );
  lines.push(`${report.states.length} states: ${report.states.map((s) => `${s.state} ${s.cells}`).join(', ')}`);
  const excluded = Object.entries(report.excluded);
  if (excluded.length > 0) lines.push(`excluded by the time alignment: ${excluded.map(([what, k]) => `${k} ${what}`).join(', ')}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  if (report.examples.length > 0) {
    lines.push(`first problems (${report.mode} mode):`);
    for (const p of report.examples) {
      lines.push(`  ${p.file}, ${p.unit ?? 'line'} ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}: ${p.message}`);
    }
  }
  return lines.join('\n') + '\n';
}
