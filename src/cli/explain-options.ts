/**
 * What `loopbaan discrepancy`, `tree`, `representatives` and `validate` share:
 * the sequences, their dissimilarities (distinct sequences, or `--dist FILE`),
 * covariates by name, permutations and JSON output.
 */
import { distinctDistances } from '../distance/compute.js';
import { OptionsError } from '../errors.js';
import type { CaseDissimilarities } from '../explain/cases.js';
import { silentProgress, stderrProgress, type ProgressReporter } from '../progress.js';
import type { StateSequences } from '../sequences/types.js';
import { integerOption, stringOption, type OptionValues } from './args.js';
import { DISTANCE_FILES, DISTANCE_OPTIONS, distanceOptions, readDistanceMatrix } from './distance-options.js';
import { INPUT_FILES, INPUT_OPTIONS, loadInput } from './input-options.js';
import { checkOutputs, writeOutput } from './output.js';
import { writeFileAtomic } from '../output/atomic.js';

/** `parseOptions` spec shared by the explain commands (input, distance and output options). */
export const EXPLAIN_OPTIONS = {
  ...INPUT_OPTIONS,
  ...DISTANCE_OPTIONS,
  dist: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/** Usage lines of the options in EXPLAIN_OPTIONS beyond the input and distance ones. */
export const EXPLAIN_USAGE = `output and distance source:
  --dist FILE.csv           a headerless N x N matrix as \`loopbaan dist\` writes it, in input row order
                            (default: the distance options below, computed on the distinct sequences)
  --json                    write JSON instead of CSV
  --out FILE                write there (default: standard output)
`;

/**
 * Check, before any work, that `--out` and `--figure` can be written and are
 * none of the inputs (`checkOutputs`).
 *
 * @example
 * await checkExplainOutputs(values);
 */
export function checkExplainOutputs(values: OptionValues): Promise<void> {
  return checkOutputs(values, ['out', 'figure', 'log'], [...INPUT_FILES, ...DISTANCE_FILES, 'dist', 'groups']);
}

/** The sequences, their dissimilarities and a progress reporter. */
export interface ExplainInput {
  readonly seqs: StateSequences;
  readonly diss: CaseDissimilarities;
  readonly progress: ProgressReporter;
}

/**
 * Load the panel and its dissimilarities: `--dist FILE` (N x N, input order),
 * or the distance options computed on the distinct sequences.
 *
 * @example
 * const { seqs, diss } = await loadExplainInput(values);
 */
export async function loadExplainInput(values: OptionValues): Promise<ExplainInput> {
  await checkExplainOutputs(values);
  const progress = values.quiet === true ? silentProgress : stderrProgress();
  const { sequences: seqs } = await loadInput(values);
  const file = stringOption(values, 'dist');
  if (file !== undefined) {
    const matrix = await readDistanceMatrix(file);
    if (matrix.n !== seqs.n) throw new OptionsError('--dist', `has ${matrix.n} rows but --input has ${seqs.n} sequences`);
    return { seqs, diss: matrix, progress };
  }
  const diss = await distinctDistances(seqs, { ...distanceOptions(values, seqs), progress });
  return { seqs, diss, progress };
}

/**
 * A person covariate by name (a column of the person file or of a wide file).
 *
 * @throws OptionsError naming the option and the covariates there are
 * @example
 * covariateValues(seqs, 'gcse5eq', '--by'); // ['no', 'yes', ...]
 */
export function covariateValues(seqs: StateSequences, name: string, option: string): unknown[] {
  const names = seqs.covariates.columnNames();
  if (!names.includes(name)) {
    throw new OptionsError(option, `no covariate "${name}"; the covariates are ${names.length ? names.join(', ') : '(none: give --persons FILE or a wide file)'}`);
  }
  return Array.from(seqs.covariates.array(name) as ArrayLike<unknown>);
}

/** `--permutations R` (default 1000, at least 1) and `--seed S` (default 1). */
export function permutationOptions(values: OptionValues): { permutations: number; seed: number } {
  return { permutations: integerOption(values, 'permutations', 1000, 1), seed: integerOption(values, 'seed', 1) };
}

/** Write a result as JSON (`--json`) or CSV rows to `--out` or stdout. */
export async function writeResult(values: OptionValues, json: unknown, csv: () => string): Promise<void> {
  const text = values.json === true ? JSON.stringify(json, jsonNumbers, 2) + '\n' : csv();
  await writeOutput(stringOption(values, 'out'), text);
}

/** JSON has no NaN or Infinity: write null, as results.json does. */
function jsonNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Float64Array || value instanceof Int32Array) return Array.from(value);
  return value;
}

/**
 * Write a chart to `FILE.svg` or `FILE.png` (`--figure`); the format follows the extension.
 *
 * @example
 * await writeChart(treePlot(seqs, tree), 'tree.svg');
 */
export async function writeChart(spec: import('vega-lite').TopLevelSpec, file: string): Promise<void> {
  if (!file.endsWith('.svg') && !file.endsWith('.png')) throw new OptionsError('--figure', `must end in .svg or .png; got "${file}"`);
  const { renderSvg, svgToPng } = await import('../charts/render.js');
  const svg = await renderSvg(spec);
  await writeFileAtomic(file, file.endsWith('.svg') ? svg : svgToPng(svg, { scale: 2 }));
}
