/**
 * The distance options shared by `loopbaan dist` and `loopbaan cluster`, and
 * the reader of distance matrices written by `dist`.
 *
 *   import { DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions } from '../distance-options.js';
 *   const values = parseOptions(args, { ...INPUT_OPTIONS, ...DISTANCE_OPTIONS }, ['input']);
 *   const options = distanceOptions(values, sequences); // DistanceOptions for distances()
 */
import { createReadStream } from 'node:fs';
import { isCondensedFile, readDistanceCondensed } from '../distance/condensed-file.js';
import { readCostMatrix } from '../distance/cost-file.js';
import type { DistanceMatrix } from '../distance/matrix.js';
import { costStates } from '../distance/setup.js';
import { readStateFeatures } from '../distance/state-features-file.js';
import type { CostMethod, DistanceMethod, DistanceOptions, FeatureType, Normalization, StateFeatures } from '../distance/types.js';
import { InputError, OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { numberOption, stringOption, type OptionValues } from './args.js';
import { memoryBudget } from './input-options.js';

const METHODS: readonly DistanceMethod[] = [
  'OM', 'HAM', 'DHD', 'LCS', 'LCP', 'RLCP', 'OMspell', 'CHI2', 'EUCLID', 'TWED',
  'OMloc', 'OMslen', 'OMstran', 'NMS', 'NMSMST', 'SVRspell',
];
const COSTS: readonly CostMethod[] = ['TRATE', 'CONSTANT', 'INDELS', 'INDELSLOG', 'FUTURE', 'FEATURES'];
/** Methods whose `--sm` defaults to TRATE. */
const SM_DEFAULT: readonly DistanceMethod[] = ['OM', 'OMspell', 'TWED', 'OMloc', 'OMslen', 'OMstran'];
const FEATURE_TYPES: readonly FeatureType[] = ['interval', 'nominal', 'ordratio', 'logratio', 'asymm', 'symm'];
const NORMS: readonly Normalization[] = ['none', 'auto', 'maxlength', 'gmean', 'maxdist', 'YujianBo'];

/** The distance options that can name files the command reads (cost and proximity matrices, state features). */
export const DISTANCE_FILES = ['sm', 'prox', 'state-features'] as const;

/** `parseOptions` spec of the distance options; spread it into a command's own spec. */
export const DISTANCE_OPTIONS = {
  method: { type: 'string' },
  sm: { type: 'string' },
  indel: { type: 'string' },
  norm: { type: 'string' },
  'with-missing': { type: 'boolean' },
  unweighted: { type: 'boolean' },
  expcost: { type: 'string' },
  tpow: { type: 'string' },
  nu: { type: 'string' },
  lambda: { type: 'string' },
  step: { type: 'string' },
  overlap: { type: 'boolean' },
  otto: { type: 'string' },
  previous: { type: 'boolean' },
  'add-column': { type: 'string' },
  transindel: { type: 'string' },
  context: { type: 'string' },
  link: { type: 'string' },
  h: { type: 'string' },
  prox: { type: 'string' },
  kweights: { type: 'string' },
  lag: { type: 'string' },
  'state-features': { type: 'string' },
  'feature-type': { type: 'string' },
  'feature-weights': { type: 'string' },
  threads: { type: 'string' },
} as const;

/** Usage lines of the distance options, for a command's `usage` text. */
export const DISTANCE_USAGE = `distance options (as TraMineR's seqdist):
  --method M                OM (default), HAM, DHD, LCS, LCP, RLCP, OMspell, CHI2, EUCLID, TWED,
                            OMloc, OMslen, OMstran, NMS, NMSMST, SVRspell
  --sm COSTS                TRATE (default for the OM family and TWED), CONSTANT, INDELS, INDELSLOG,
                            FUTURE, FEATURES (with --state-features),
                            or FILE.csv: a states x states cost matrix (bare, alphabet order, or labelled as R writes it)
  --lag N                   TRATE and FUTURE costs: transitions N months apart (default 1; back: --lag=-1)
  --state-features FILE     FEATURES costs: CSV of state,feature1,feature2,... (numbers: interval, text: nominal)
  --feature-type F=T,...    a feature's type: interval, nominal, ordratio, logratio, asymm, symm
  --feature-weights w,...   weights of the features, in file order (default 1)
  --indel X                 indel cost: a number, one per state (a,b,c) or auto (default)
  --norm N                  none (default), auto, maxlength, gmean, maxdist, YujianBo
  --with-missing            treat missing months as an extra state
  --unweighted              derive costs without the case weights
  --expcost X --tpow X      OMspell parameters (default 0.5 and 1); tpow also for NMSMST, SVRspell
  --nu X --lambda X         TWED stiffness (required) and gap penalty (default 0.5; --h too)
  --otto X                  OMstran: weight of the state in a transition, 0..1 (required)
  --previous                OMstran: transitions also carry the previous state
  --add-column true|false   OMstran: keep the last month as a transition to itself (default true)
  --transindel T            OMstran: constant (default), prob or subcost
  --expcost X --context X   OMloc: indel cost (default 0.5) and weight of the neighbours (default 1 - 2 expcost)
  --link mean|gmean --h X   OMslen: combine spell weights by mean (default) or gmean; exponent h (default 0.5)
  --prox FILE.csv           NMS, SVRspell: states x states proximities (SVRspell default: identity)
  --kweights w | w1,w2,...  NMS, NMSMST, SVRspell: weight per subsequence length (default 1)
  --step N --overlap        CHI2/EUCLID intervals
  --threads N               worker threads (default: all cores)
`;

/**
 * Turn parsed distance options into `DistanceOptions`; wrong values are usage
 * errors, a bad cost file an input error. A cost file (`--sm FILE.csv`) is read
 * by `readCostMatrix` over the states of `seqs` (bare square or R's labelled layout).
 *
 * @example
 * distanceOptions({ method: 'OM', sm: 'TRATE', indel: '1' }, seqs);
 * // { method: 'OM', sm: 'TRATE', indel: 1, norm: 'none', ... }
 */
export function distanceOptions(values: OptionValues, seqs: StateSequences): DistanceOptions {
  const method = (stringOption(values, 'method') ?? 'OM') as DistanceMethod;
  if (!METHODS.includes(method)) throw new OptionsError('--method', `must be one of ${METHODS.join(', ')}; got "${method}"`);
  const norm = (stringOption(values, 'norm') ?? 'none') as Normalization;
  if (!NORMS.includes(norm)) throw new OptionsError('--norm', `must be one of ${NORMS.join(', ')}; got "${norm}"`);
  const withMissing = values['with-missing'] === true;
  const smText = stringOption(values, 'sm') ?? (SM_DEFAULT.includes(method) ? 'TRATE' : undefined);
  let sm: DistanceOptions['sm'];
  if (smText === undefined) sm = undefined;
  else if ((COSTS as readonly string[]).includes(smText)) sm = smText as CostMethod;
  else if (/\.csv$/i.test(smText)) sm = readCostMatrix(smText, costStates(seqs, withMissing));
  else throw new OptionsError('--sm', `must be ${COSTS.join(', ')} or a .csv cost matrix; got "${smText}"`);
  const indelText = stringOption(values, 'indel');
  let indel: DistanceOptions['indel'];
  if (indelText === undefined || indelText === 'auto') indel = 'auto';
  else {
    const parts = indelText.split(',').map(Number);
    if (parts.some((x) => !(x > 0) || !Number.isFinite(x))) throw new OptionsError('--indel', `must be a positive number, a list a,b,c or auto; got "${indelText}"`);
    indel = parts.length === 1 ? parts[0] : parts;
  }
  const optional = (name: string) => (stringOption(values, name) === undefined ? undefined : numberOption(values, name, NaN));
  const threads = optional('threads');
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new OptionsError('--threads', `must be a whole number >= 1; got ${threads}`);
  const prox = stringOption(values, 'prox');
  return {
    method,
    sm,
    indel,
    norm,
    withMissing,
    weighted: values.unweighted !== true,
    expcost: optional('expcost'),
    tpow: optional('tpow'),
    nu: optional('nu'),
    lambda: optional('lambda'),
    step: optional('step'),
    overlap: values.overlap === true,
    otto: optional('otto'),
    previous: values.previous === true,
    addColumn: booleanText(values, 'add-column'),
    transindel: oneOf(values, 'transindel', ['constant', 'prob', 'subcost'] as const),
    context: optional('context'),
    link: oneOf(values, 'link', ['mean', 'gmean'] as const),
    h: optional('h'),
    prox: prox === undefined ? undefined : readCostMatrix(prox, costStates(seqs, withMissing)),
    kweights: numberList(values, 'kweights'),
    lag: optional('lag'),
    stateFeatures: stateFeaturesOption(values),
    threads,
    memoryBudgetBytes: memoryBudget(values),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  };
}

function oneOf<T extends string>(values: OptionValues, name: string, allowed: readonly T[]): T | undefined {
  const v = stringOption(values, name);
  if (v !== undefined && !allowed.includes(v as T)) throw new OptionsError(`--${name}`, `must be ${allowed.join(', ')}; got "${v}"`);
  return v as T | undefined;
}

function booleanText(values: OptionValues, name: string): boolean | undefined {
  const v = oneOf(values, name, ['true', 'false', 'TRUE', 'FALSE'] as const);
  return v === undefined ? undefined : v.toLowerCase() === 'true';
}

/** A number or a comma-separated list of numbers. */
function numberList(values: OptionValues, name: string): number | number[] | undefined {
  const v = stringOption(values, name);
  if (v === undefined) return undefined;
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.some((x) => !Number.isFinite(x))) throw new OptionsError(`--${name}`, `must be a number or a list a,b,c; got "${v}"`);
  return parts.length === 1 ? parts[0] : parts;
}

/** `--state-features FILE` with `--feature-type name=type,...` and `--feature-weights w1,w2,...`. */
function stateFeaturesOption(values: OptionValues): StateFeatures | undefined {
  const file = stringOption(values, 'state-features');
  const typeText = stringOption(values, 'feature-type');
  const weights = numberList(values, 'feature-weights');
  if (file === undefined) {
    if (typeText !== undefined || weights !== undefined) throw new OptionsError('--state-features', 'FILE is required with --feature-type and --feature-weights');
    return undefined;
  }
  const table = readStateFeatures(file);
  const types = new Map<string, FeatureType>();
  for (const part of typeText?.split(',') ?? []) {
    const [name, type] = part.split('=').map((x) => x.trim());
    if (!table.features.some((f) => f.name === name)) throw new OptionsError('--feature-type', `"${name}" is not a column of ${file} (${table.features.map((f) => f.name).join(', ')})`);
    if (!FEATURE_TYPES.includes(type as FeatureType)) throw new OptionsError('--feature-type', `${name}: the type must be ${FEATURE_TYPES.join(', ')}; got "${type}"`);
    types.set(name, type as FeatureType);
  }
  const w = weights === undefined ? undefined : typeof weights === 'number' ? [weights] : weights;
  if (w && w.length !== table.features.length) throw new OptionsError('--feature-weights', `needs one weight per feature of ${file} (${table.features.length}); got ${w.length}`);
  return { states: table.states, features: table.features.map((f, c) => ({ ...f, type: types.get(f.name), weight: w?.[c] })) };
}

/**
 * Read a distance matrix CSV as `loopbaan dist` writes it: N lines of N numbers,
 * no header, symmetric with a zero diagonal. Streams the file into the condensed
 * layout, so only the lower triangle is held. A file in the binary condensed
 * layout (`dist --out-format condensed`) is recognised by its first bytes.
 *
 * @param file path of the CSV (or condensed file)
 * @returns the condensed matrix
 * @throws InputError naming line and column for a bad cell, a ragged row or asymmetry
 * @example
 * const m = await readDistanceMatrix('om.csv');
 */
export async function readDistanceMatrix(file: string): Promise<DistanceMatrix> {
  if (await isCondensedFile(file)) return readDistanceCondensed(file);
  let n = -1;
  let values = new Float64Array(0);
  let i = 0;
  await eachCsvLine(file, (cells, line) => {
    if (n < 0) {
      n = cells.length;
      values = new Float64Array((n * (n - 1)) / 2);
    }
    if (i >= n) throw new InputError(file, line, undefined, `more than ${n} rows; expected a square ${n} x ${n} matrix`);
    if (cells.length !== n) throw new InputError(file, line, undefined, `${cells.length} values; expected ${n} (a square matrix)`);
    const base = n * i - (i * (i + 1)) / 2 - i - 1; // (i, j > i) sits at base + j
    for (let j = 0; j < n; j++) {
      const x = parseCell(file, line, j, cells[j]);
      if (j === i) {
        if (x !== 0) throw new InputError(file, line, j + 1, `diagonal value ${cells[j]}; expected 0`);
      } else if (j > i) values[base + j] = x;
      else {
        const above = values[n * j - (j * (j + 1)) / 2 + i - j - 1];
        if (Math.abs(above - x) > 1e-9 * Math.max(1, Math.abs(x))) {
          throw new InputError(file, line, j + 1, `${cells[j]} differs from ${above} at row ${j + 1}, column ${i + 1}; expected a symmetric matrix`);
        }
      }
    }
    i++;
  });
  if (n < 0) throw new InputError(file, undefined, undefined, 'the file is empty; expected a headerless N x N distance matrix');
  if (i !== n) throw new InputError(file, undefined, undefined, `${i} rows; expected ${n} (a square matrix)`);
  return { n, values };
}

/** One cell of a distance matrix: a finite number >= 0. */
function parseCell(file: string, line: number, j: number, cell: string): number {
  const x = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(x)) {
    throw new InputError(file, line, j + 1, `"${cell}" is not a number; expected a distance (a headerless numeric matrix)`);
  }
  if (x < 0) throw new InputError(file, line, j + 1, `${cell} is negative; expected a distance >= 0`);
  return x;
}

/** Longest line of a distance matrix file: 64 MiB (a row of several million distances). */
const MAX_LINE_BYTES = 64 * 2 ** 20;

/**
 * Call `onLine` with the comma-separated cells of every non-empty line
 * (1-based line numbers). A NUL byte (a binary file) or a line above 64 MiB
 * (/dev/zero) is an InputError rather than endless reading.
 */
async function eachCsvLine(file: string, onLine: (cells: string[], line: number) => void): Promise<void> {
  let carry = '';
  let line = 0;
  const decoder = new TextDecoder('utf-8');
  const take = (text: string) => {
    line++;
    if (text.trim() !== '') onLine(text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')), line);
  };
  try {
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) throw new InputError(file, line + 1, undefined, 'holds a NUL byte, so it is not a text file; expected a headerless CSV of distances');
      const parts = (carry + decoder.decode(bytes, { stream: true })).split('\n');
      carry = parts.pop()!;
      if (carry.length > MAX_LINE_BYTES) throw new InputError(file, line + 1, undefined, `a line longer than ${MAX_LINE_BYTES / 2 ** 20} MiB; expected a headerless CSV of distances`);
      for (const text of parts) take(text.endsWith('\r') ? text.slice(0, -1) : text);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, undefined, undefined, `cannot read the file (${(err as Error).message})`);
  }
  if (carry !== '') take(carry);
}
