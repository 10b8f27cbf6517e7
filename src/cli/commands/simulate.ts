import { stderrProgress } from '../../progress.js';
import { writeJobcoachPanel } from '../../simulate/write.js';
import { integerOption, parseOptions, stringOption } from '../args.js';
import { OptionsError } from '../../errors.js';
import { checkOutputs } from '../output.js';
import type { Command } from '../main.js';

const USAGE = `usage: loopbaan simulate jobcoach --out DIR [--n 25000] [--seed 1] [--months 84] [--format csv|parquet] [--quiet]

Writes the synthetic jobcoach panel (calibrated to the published figures of the
jobcoach study) as DIR/persons.csv and DIR/months.csv, the long person-month
format that every loopbaan command reads. The same --n and --seed always give
the same files.

  --out DIR          output directory (created when missing)
  --n N              number of persons (default 25000; 1000000 streams about 2.5 GB of CSV)
  --seed S           random seed (default 1)
  --months M         months of the extract from the first start (2013-01): default 84 (to 2019-12);
                     120 follows everyone to 2022-12 (61 to 120 months each); at least 60
  --format parquet   write DIR/persons.parquet and DIR/months.parquet instead (typed columns,
                     the same panel; 1000000 persons take about 0.4 GB)
  --quiet            no progress on stderr

examples:
  loopbaan simulate jobcoach --n 25000 --seed 1 --out data/jobcoach
  loopbaan simulate jobcoach --n 1000000 --months 120 --format parquet --out data/register
`;

export const command: Command = {
  summary: 'write the synthetic jobcoach panel (persons and months, CSV or Parquet)',
  usage: USAGE,
  async run(args) {
    const [model, ...rest] = args;
    if (model !== 'jobcoach') throw new OptionsError(undefined, `expected a model name: "loopbaan simulate jobcoach ..."; got ${model ? `"${model}"` : 'none'}`);
    const o = parseOptions(rest, { out: { type: 'string' }, n: { type: 'string' }, seed: { type: 'string' }, months: { type: 'string' }, format: { type: 'string' }, quiet: { type: 'boolean' } }, ['out']);
    const n = integerOption(o, 'n', 25_000, 1);
    const seed = integerOption(o, 'seed', 1);
    const months = stringOption(o, 'months') === undefined ? undefined : integerOption(o, 'months', 84, 60);
    const out = stringOption(o, 'out') as string;
    const format = stringOption(o, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'parquet') throw new OptionsError('--format', `must be csv or parquet; got "${format}"`);
    await checkOutputs(o, ['out'], [], 'folder');
    const written = await writeJobcoachPanel(out, { n, seed, months, format, progress: o.quiet ? undefined : stderrProgress() });
    process.stdout.write(`${written.persons}: ${written.personRows} persons\n${written.months}: ${written.monthRows} person-months\n`);
    return 0;
  },
};
