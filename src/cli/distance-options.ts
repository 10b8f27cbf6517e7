/**
 * The distance options shared by `loopbaan dist` and `loopbaan cluster`, and
 * the reader of distance matrices written by `dist`.
 *
 *   import { DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions } from '../distance-options.js';
 *   const values = parseOptions(args, { ...INPUT_OPTIONS, ...DISTANCE_OPTIONS }, ['input']);
 *   const options = distanceOptions(values, sequences); // DistanceOptions for distances()
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readCostMatrix } from '../distance/cost-file.js';
import type { DistanceMatrix } from '../distance/matrix.js';
import { costStates } from '../distance/setup.js';
import type { CostMethod, DistanceMethod, DistanceOptions, Normalization } from '../distance/types.js';
import { InputError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { numberOption, stringOption, type OptionValues } from './args.js';
import { UsageError } from './main.js';

const METHODS: readonly DistanceMethod[] = ['OM', 'HAM', 'DHD', 'LCS', 'LCP', 'RLCP', 'OMspell', 'CHI2', 'EUCLID', 'TWED'];
const COSTS: readonly CostMethod[] = ['TRATE', 'CONSTANT', 'INDELS', 'INDELSLOG'];
const NORMS: readonly Normalization[] = ['none', 'auto', 'maxlength', 'gmean', 'maxdist', 'YujianBo'];

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
  threads: { type: 'string' },
  'memory-budget': { type: 'string' },
} as const;

/** Usage lines of the distance options, for a command's `usage` text. */
export const DISTANCE_USAGE = `distance options (as TraMineR's seqdist):
  --method M                OM (default), HAM, DHD, LCS, LCP, RLCP, OMspell, CHI2, EUCLID, TWED
  --sm COSTS                TRATE (default for OM, OMspell, TWED), CONSTANT, INDELS, INDELSLOG,
                            or FILE.csv: a states x states cost matrix (bare, alphabet order, or labelled as R writes it)
  --indel X                 indel cost: a number, one per state (a,b,c) or auto (default)
  --norm N                  none (default), auto, maxlength, gmean, maxdist, YujianBo
  --with-missing            treat missing months as an extra state
  --unweighted              derive costs without the case weights
  --expcost X --tpow X      OMspell parameters (default 0.5 and 1)
  --nu X --lambda X         TWED stiffness (required) and gap penalty (default 0.5)
  --step N --overlap        CHI2/EUCLID intervals
  --threads N               worker threads (default: all cores)
  --memory-budget GB        refuse a full matrix above this size (default 8)
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
  if (!METHODS.includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}; got "${method}"`);
  const norm = (stringOption(values, 'norm') ?? 'none') as Normalization;
  if (!NORMS.includes(norm)) throw new UsageError(`--norm must be one of ${NORMS.join(', ')}; got "${norm}"`);
  const smText = stringOption(values, 'sm') ?? (method === 'OM' || method === 'OMspell' || method === 'TWED' ? 'TRATE' : undefined);
  let sm: DistanceOptions['sm'];
  if (smText === undefined) sm = undefined;
  else if ((COSTS as readonly string[]).includes(smText)) sm = smText as CostMethod;
  else if (/\.csv$/i.test(smText)) sm = readCostMatrix(smText, costStates(seqs, values['with-missing'] === true));
  else throw new UsageError(`--sm must be ${COSTS.join(', ')} or a .csv cost matrix; got "${smText}"`);
  const indelText = stringOption(values, 'indel');
  let indel: DistanceOptions['indel'];
  if (indelText === undefined || indelText === 'auto') indel = 'auto';
  else {
    const parts = indelText.split(',').map(Number);
    if (parts.some((x) => !(x > 0) || !Number.isFinite(x))) throw new UsageError(`--indel must be a positive number, a list a,b,c or auto; got "${indelText}"`);
    indel = parts.length === 1 ? parts[0] : parts;
  }
  const optional = (name: string) => (stringOption(values, name) === undefined ? undefined : numberOption(values, name, NaN));
  const threads = optional('threads');
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads must be a positive integer; got ${threads}`);
  const budget = optional('memory-budget');
  if (budget !== undefined && !(budget > 0)) throw new UsageError(`--memory-budget must be a positive number of GB; got ${budget}`);
  return {
    method,
    sm,
    indel,
    norm,
    withMissing: values['with-missing'] === true,
    weighted: values.unweighted !== true,
    expcost: optional('expcost'),
    tpow: optional('tpow'),
    nu: optional('nu'),
    lambda: optional('lambda'),
    step: optional('step'),
    overlap: values.overlap === true,
    threads,
    memoryBudgetBytes: budget === undefined ? undefined : budget * 2 ** 30,
  };
}

/**
 * Read a distance matrix CSV as `loopbaan dist` writes it: N lines of N numbers,
 * no header, symmetric with a zero diagonal. Streams the file into the condensed
 * layout, so only the lower triangle is held.
 *
 * @param file path of the CSV
 * @returns the condensed matrix
 * @throws InputError naming line and column for a bad cell, a ragged row or asymmetry
 * @example
 * const m = await readDistanceMatrix('om.csv');
 */
export async function readDistanceMatrix(file: string): Promise<DistanceMatrix> {
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

/** A headerless numeric CSV as rows of numbers. */
function parseCell(file: string, line: number, j: number, cell: string): number {
  const x = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(x)) {
    throw new InputError(file, line, j + 1, `"${cell}" is not a number; expected a distance (a headerless numeric matrix)`);
  }
  return x;
}

/** Call `onLine` with the comma-separated cells of every non-empty line (1-based line numbers). */
async function eachCsvLine(file: string, onLine: (cells: string[], line: number) => void): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lineError = new Promise<never>((_, reject) => stream.on('error', (err) => reject(new InputError(file, undefined, undefined, `cannot read the file (${err.message})`))));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  const read = (async () => {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      onLine(text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')), line);
    }
  })();
  await Promise.race([read, lineError]);
}
