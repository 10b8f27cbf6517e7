import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError, OptionsError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { fileColumns, loadPanel } from '../ingest/load.js';
import type { InputLimits, TimeAxis } from '../ingest/options.js';
import type { IngestReport } from '../ingest/report.js';
import { openOutputFolder, type NamedInput, type OutputFolder } from '../output/index.js';
import type { ProgressReporter } from '../progress.js';
import type { ReportDocument } from '../report/document.js';
import { renderReport, type FigureOutput, type WrittenReport } from '../report/render.js';
import type { StateSequences } from '../sequences/types.js';
import { checkReplaceablePanel, writeJobcoachPanel } from '../simulate/write.js';
import { computeStudy, type StudyComputation } from '../studies/compute.js';
import { studyDocument } from '../studies/document.js';
import type { PanelSource } from '../studies/results.js';
import type { StudyFile } from '../studies/study-file.js';
import { parseStudyFile } from '../studies/validate.js';

/** The study files that ship with loopbaan (`studies/NAME.json`). */
export const BUILTIN_STUDIES = ['jobcoach', 'mvad'] as const;

/**
 * A built-in study file: `jobcoach` (study A of the project's studies) or
 * `mvad` (TraMineR's standard typology), as shipped in `studies/`.
 *
 * @example
 * (await builtinStudy('mvad')).clusters?.k; // 4
 */
export async function builtinStudy(name: (typeof BUILTIN_STUDIES)[number]): Promise<StudyFile> {
  // src/workflows and dist/workflows are both two levels below the package root
  const url = new URL(`../../studies/${name}.json`, import.meta.url);
  return parseStudyFile(await readFile(url, 'utf8'), `studies/${name}.json`);
}

/**
 * Read and check a study file.
 *
 * @example
 * const study = await readStudyFile('my-study.json'); // InputError naming the key when it is wrong
 */
export async function readStudyFile(path: string): Promise<StudyFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(path, undefined, undefined, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}); expected a study file (JSON)`);
  }
  return parseStudyFile(text, path);
}

/** Options of `studyReport`. */
export interface StudyReportOptions {
  /** The study file (checked), and its name for messages. */
  study: StudyFile;
  studyName?: string;
  /** The panel: in memory, ... */
  sequences?: StateSequences;
  /** ... a long months file (with an optional person file), ... */
  months?: string;
  persons?: string;
  /** ... or any input file with its format (`wide` with `cols`, `spell`, `long`). */
  input?: string;
  format?: 'long' | 'wide' | 'spell';
  cols?: string;
  id?: string;
  /**
   * ... or the synthetic jobcoach panel, written as CSV and read back like an
   * extract: into `dir` when given, else as the report's `data/persons.csv`
   * and `data/months.csv` (staged with the report, listed in its manifest).
   */
  simulate?: { n: number; seed: number; dir?: string };
  /** Case-weight column (default `weight` when the person file has one; null: unweighted). */
  weight?: string | null;
  lenient?: boolean;
  /** Output folder, language (default the study's, else English) and figure size. */
  out: string;
  lang?: Lang;
  figures?: FigureOutput;
  memoryBudgetBytes?: number;
  /** Encoding and limits of the files read (`loadPanel`'s `encoding`, `maxLineBytes`, `maxFieldChars`, `maxMonths`, `memoryBudgetBytes`). */
  limits?: InputLimits;
  threads?: number;
  progress?: ProgressReporter;
}

/** What `studyReport` computed and wrote. */
export interface StudyReport {
  readonly computation: StudyComputation;
  readonly document: ReportDocument;
  readonly written: WrittenReport;
}

/**
 * A study report from raw files to a finished folder: read the panel on the
 * study's time axis (or write the synthetic panel and read it back), compute
 * the study (`computeStudy`), build its document (`studyDocument`) and write
 * it (`renderReport`). Problems of the study file against the data are
 * `InputError`s naming the study file and the key.
 *
 * @param options the study, the panel's files, output folder, language, figure size
 * @returns the computation, the document and the files written
 * @example
 * const study = await readStudyFile('careers.json');
 * const { written } = await studyReport({ study, months: 'months.csv', persons: 'persons.csv', out: 'out/careers' });
 */
export async function studyReport(options: StudyReportOptions): Promise<StudyReport> {
  const { study, progress } = options;
  const name = options.studyName ?? 'study file';
  // opened first: a synthetic panel is staged in it with the report, so an interrupted run leaves the earlier report and its data
  const folder = await openOutputFolder(options.out, { inputs: panelInputs(options) });
  try {
    const { sequences, source, ingest } = await studyPanel(options, folder);
    const computation = await computeStudy(sequences, study, {
      source, ingest, memoryBudgetBytes: options.memoryBudgetBytes, threads: options.threads, progress,
    }).catch((err: unknown) => {
      throw studyKeyError(err, name);
    });
    const document = studyDocument(computation, { lang: options.lang ?? study.lang ?? 'en', figureWidthCm: options.figures?.widthCm, out: options.out });
    const written = await renderReport(document, options.out, { figures: options.figures, folder, progress });
    return { computation, document, written };
  } catch (err) {
    await folder.abort();
    throw err;
  }
}

/** The files the report reads, never overwritten nor removed by it. */
function panelInputs(options: StudyReportOptions): NamedInput[] {
  if (options.sequences || options.simulate) return [];
  const main = options.input ?? options.months;
  return [
    ...(main ? [{ path: main, option: options.input ? '--input' : '--months' }] : []),
    ...(options.persons ? [{ path: options.persons, option: '--persons' }] : []),
  ];
}

/** The panel on the study's time axis, where it came from and its ingest report. */
async function studyPanel(options: StudyReportOptions, folder: OutputFolder): Promise<{ sequences: StateSequences; source: PanelSource; ingest?: IngestReport }> {
  if (options.sequences) return { sequences: options.sequences, source: { kind: 'sequences' } };
  let { months, persons } = options;
  let source: PanelSource;
  if (options.simulate) {
    const { n, seed, dir } = options.simulate;
    if (dir !== undefined) {
      ({ persons, months } = await writeJobcoachPanel(dir, { n, seed, progress: options.progress }));
      source = { kind: 'simulated', n, seed, persons, months };
    } else {
      const final = { persons: join(options.out, 'data', 'persons.csv'), months: join(options.out, 'data', 'months.csv') };
      await checkReplaceablePanel(final);
      persons = await folder.path('data/persons.csv');
      months = await folder.path('data/months.csv');
      await writeJobcoachPanel(dirname(persons), { n, seed, progress: options.progress });
      source = { kind: 'simulated', n, seed, ...final };
    }
  } else {
    const main = options.input ?? months;
    if (!main) throw new OptionsError('--months', 'give the panel: --months FILE (long format), or --input FILE with --format');
    source = persons ? { kind: 'files', persons, months: main } : { kind: 'files', months: main };
    months = main;
  }
  const time = timeAxis(options.study);
  const weight = options.weight === undefined ? (persons && (await fileColumns(persons, options.limits)).includes('weight') ? 'weight' : undefined) : options.weight ?? undefined;
  const format = options.input ? (options.format ?? (options.cols ? 'wide' : 'long')) : 'long';
  const { sequences, report } = await loadPanel({
    ...options.limits, format, input: months!, persons, weight, time, cols: options.cols, id: options.id,
    mode: options.lenient ? 'lenient' : 'strict', progress: options.progress,
  });
  return { sequences, source, ingest: report };
}

/** The ingest time axis of a study: calendar months, months since a start column, or since the first month in a state. */
function timeAxis(study: StudyFile): TimeAxis | undefined {
  const t = study.time;
  if (!t || t.align === 'calendar') return undefined;
  if (t.align === 'start') return { align: 'start', column: t.startColumn ?? 'start_month' };
  if (!t.state) throw new InputError('study file', undefined, undefined, 'key time.state: missing; align "state" needs the state whose first month is month 0');
  return { align: 'state', state: t.state };
}

/** Option names of the computation that are keys of the study file. */
const STUDY_KEYS: Readonly<Record<string, string>> = { k: 'clusters.k', refine: 'clusters.refine', algorithm: 'clusters.algorithm', matrix: 'clusters' };

/** An `OptionsError` about a study key as an `InputError` naming the study file and the key; other errors as they are. */
function studyKeyError(err: unknown, file: string): unknown {
  if (!(err instanceof OptionsError) || err.option === undefined) return err;
  const key = err.option.startsWith('roles.') ? 'states' : STUDY_KEYS[err.option] ?? err.option;
  const problem = err.message.slice(err.option.length + 2);
  return new InputError(file, undefined, undefined, `key ${key}: ${problem}`);
}

