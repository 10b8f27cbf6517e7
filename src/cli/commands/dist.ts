import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { distances } from '../../distance/compute.js';
import { writeDistanceCsv } from '../../distance/csv.js';
import { silentProgress, stderrProgress } from '../../progress.js';
import { parseOptions, stringOption } from '../args.js';
import { DISTANCE_OPTIONS, DISTANCE_USAGE, distanceOptions } from '../distance-options.js';
import { INPUT_OPTIONS, INPUT_USAGE, loadInput } from '../input-options.js';
import { UsageError, type Command } from '../main.js';

export const command: Command = {
  summary: 'pairwise distances equal to TraMineR seqdist (OM, HAM, DHD, LCS, LCP, RLCP, OMspell, CHI2, EUCLID, TWED) as an N x N CSV',
  usage: `usage: loopbaan dist --input FILE [input options] --method M [--sm TRATE|CONSTANT|INDELS|INDELSLOG|FILE.csv]
         [--indel X|auto] [--norm none|auto|maxlength|gmean|maxdist|YujianBo] [--expcost E] [--tpow P]
         [--step S] [--threads N] [--out FILE.csv]

Writes the full N x N distance matrix as a headerless CSV, rows and columns in input row
order, every value with full double precision. Progress goes to stderr (not with --quiet).

  --out FILE.csv            write the matrix there (default: stdout)

${DISTANCE_USAGE}
${INPUT_USAGE}
example:
  loopbaan dist --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 \\
    --method OM --sm TRATE --indel 1 --out om.csv
`,
  async run(args) {
    const values = parseOptions(args, { ...INPUT_OPTIONS, ...DISTANCE_OPTIONS, out: { type: 'string' } }, ['input']);
    const { sequences } = await loadInput(values);
    const options = distanceOptions(values, sequences);
    const file = stringOption(values, 'out');
    const out: Writable = file === undefined ? process.stdout : await openOutput(file);
    const progress = values.quiet === true ? silentProgress : stderrProgress();
    const matrix = await distances(sequences, { ...options, progress });
    try {
      await writeDistanceCsv(matrix, out);
    } catch (err) {
      // a reader that stops early (loopbaan dist ... | head) is not an error
      if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
      throw err;
    }
    if (file !== undefined) {
      out.end();
      await once(out, 'finish');
    }
    return 0;
  },
};

async function openOutput(file: string): Promise<Writable> {
  const stream = createWriteStream(file);
  await once(stream, 'open').catch((err: Error) => {
    throw new UsageError(`cannot write --out ${file}: ${err.message}`);
  });
  return stream;
}
