import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { distances, distancesToReferences } from '../../distance/compute.js';
import { writeDistanceCondensed } from '../../distance/condensed-file.js';
import { writeDistanceCsv, writeReferenceCsv } from '../../distance/csv.js';
import type { DistanceMatrix } from '../../distance/matrix.js';
import { loadPanel } from '../../ingest/load.js';
import type { StateSequences } from '../../sequences/types.js';
import { silentProgress, stderrProgress } from '../../progress.js';
import { parseOptions, stringOption, type OptionValues } from '../args.js';
import { DISTANCE_FILES, DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions } from '../distance-options.js';
import { INPUT_FILES, INPUT_OPTIONS, INPUT_USAGE, inputPanelOptions, loadInput } from '../input-options.js';
import { checkOutputs } from '../output.js';
import { CHANNEL_OPTIONS, CHANNEL_USAGE, channelDistanceOptions, isMultichannel, loadChannels } from '../channel-options.js';
import { channelDistances } from '../../distance/multichannel.js';
import type { Command } from '../main.js';
import { OptionsError } from '../../errors.js';
import { openAtomicStream } from '../../output/atomic.js';
import { outputError } from '../../output/paths.js';

export const command: Command = {
  summary: 'distances equal to TraMineR seqdist (OM and its variants, HAM, DHD, LCS, NMS, CHI2, TWED, ...) as an N x N CSV, or to reference sequences; multichannel (seqMD) with --channels',
  usage: `usage: loopbaan dist --input FILE [input options] --method M [--sm TRATE|CONSTANT|INDELS|INDELSLOG|FUTURE|FEATURES|FILE.csv]
         [--indel X|auto] [--norm none|auto|maxlength|gmean|maxdist|YujianBo] [method options]
         [--refseq ROWS|FILE] [--threads N] [--out FILE.csv|FILE.dist] [--out-format csv|condensed]

Writes the full N x N distance matrix as a headerless CSV, rows and columns in input row
order, every value with full double precision (rows formatted on all cores). With --refseq,
writes N rows of k columns: the distance of every sequence to each of k reference sequences
(TraMineR's refseq). Progress goes to stderr (not with --quiet).

  --out FILE                write the matrix there (default: stdout); the file appears complete
                            or not at all
  --out-format condensed    the binary condensed layout instead of CSV (default for FILE.dist):
                            LOOPDIST, n as float64, then the n(n-1)/2 distances as little-endian
                            float64 in R's dist order; 8 bytes a pair, readable from R and Python
                            (see the README), and by loopbaan cluster --dist
  --refseq ROWS             references: rows of the input, 1-based (e.g. 1 or 12,40,77)
  --refseq FILE             references: the sequences of FILE, read with the input options
                            (same format and --cols; states of the input's alphabet)

${DISTANCE_USAGE}
${CHANNEL_USAGE}
${INPUT_USAGE}
examples:
  loopbaan dist --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 \\
    --method OM --sm TRATE --indel 1 --out om.csv
  loopbaan dist --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 \\
    --method OMstran --otto 0.1 --indel 1 --refseq 1,2,3 --out to-first-three.csv
  loopbaan dist --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 \\
    --method OM --sm FEATURES --state-features features.csv --out om-features.csv
  loopbaan dist --format wide --channels edu.csv,work.csv --cols Sep.93..Jun.99 \\
    --method OM --sm TRATE,CONSTANT --cweight 1,1 --link sum --out om-md.csv
  loopbaan dist --input months.parquet --method OM --sm TRATE --out om.dist
`,
  async run(args) {
    const values = parseOptions(args, { ...INPUT_OPTIONS, ...DISTANCE_OPTIONS, ...CHANNEL_OPTIONS, out: { type: 'string' }, 'out-format': { type: 'string' }, refseq: { type: 'string' } });
    const file = stringOption(values, 'out');
    const format = outFormat(values, file);
    const refText = stringOption(values, 'refseq');
    if (format === 'condensed' && refText !== undefined) throw new OptionsError('--refseq', 'writes N x k distances, which are not a condensed matrix; use --out-format csv');
    // --channels names several files: each is an input too
    const channels = (stringOption(values, 'channels') ?? '').split(',').filter((f) => f.trim() !== '').map((path) => ({ path: path.trim(), option: '--channels' }));
    await checkOutputs(values, ['out'], [...INPUT_FILES, ...DISTANCE_FILES, 'refseq'], 'file', channels);
    if (isMultichannel(values)) return multichannel(values, format);
    const { sequences } = await loadInput(values);
    const options = distanceOptions(values, sequences);
    const refs = refText === undefined ? undefined : await references(refText, values, sequences);
    const progress = progressOf(values);
    if (refs !== undefined) {
      const k = Array.isArray(refs) ? refs.length : (refs as StateSequences).n;
      const matrix = await distancesToReferences(sequences, refs, { ...options, progress });
      return writeTo(file, (out) => writeReferenceCsv(matrix, k, out));
    }
    const matrix = await distances(sequences, { ...options, progress });
    return writeTo(file, (out) => writeMatrix(matrix, format, out, options.threads));
  },
};

const progressOf = (values: OptionValues) => (values.quiet === true ? silentProgress : stderrProgress());

/** `--out-format`, or by the file's extension: condensed for `.dist`, else CSV. */
function outFormat(values: OptionValues, file: string | undefined): 'csv' | 'condensed' {
  const format = stringOption(values, 'out-format') ?? (file !== undefined && /\.dist$/i.test(file) ? 'condensed' : 'csv');
  if (format !== 'csv' && format !== 'condensed') throw new OptionsError('--out-format', `must be csv or condensed; got "${format}"`);
  return format;
}

function writeMatrix(matrix: DistanceMatrix, format: 'csv' | 'condensed', out: Writable, threads?: number): Promise<void> {
  return format === 'condensed' ? writeDistanceCondensed(matrix, out) : writeDistanceCsv(matrix, out, { threads });
}

/** `--channels` / `--channel-columns`: the N x N distances of the combined channels (TraMineR seqMD). */
async function multichannel(values: OptionValues, format: 'csv' | 'condensed'): Promise<number> {
  if (values.refseq !== undefined) throw new OptionsError('--refseq', 'does not apply to several channels');
  const channels = await loadChannels(values);
  const options = channelDistanceOptions(values, channels);
  const matrix = await channelDistances(channels, { ...options, progress: progressOf(values) });
  return writeTo(stringOption(values, 'out'), (o) => writeMatrix(matrix, format, o, options.threads));
}

/** Write to `--out` atomically (a temporary file renamed when complete), or to stdout, where a reader that stops early (`| head`) is not an error. */
async function writeTo(file: string | undefined, write: (out: Writable) => Promise<void>): Promise<number> {
  if (file === undefined) {
    try {
      await write(process.stdout);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
    }
    return 0;
  }
  const out = await openAtomicStream(file);
  try {
    await write(out.stream);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw outputError(file, err);
  }
  return 0;
}

/**
 * The reference sequences of `--refseq`: 1-based row numbers of the input, or a
 * file read with the input options over the input's alphabet.
 */
async function references(text: string, values: OptionValues, seqs: StateSequences): Promise<number[] | StateSequences> {
  if (/^\s*\d+(\s*,\s*\d+)*\s*$/.test(text)) {
    return text.split(',').map((x) => {
      const row = Number(x);
      if (row < 1 || row > seqs.n) throw new OptionsError('--refseq', `row ${row} does not exist: rows are numbered 1..${seqs.n}`);
      return row - 1;
    });
  }
  if (!existsSync(text)) throw new OptionsError('--refseq', `must be row numbers (1-based, e.g. 1,5) or a file of sequences; "${text}" is neither`);
  const { sequences } = await loadPanel({
    ...inputPanelOptions({ ...values, input: text, persons: undefined, weight: undefined, align: undefined }),
    states: seqs.alphabet.codes,
  });
  return sequences;
}
