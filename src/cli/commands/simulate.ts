import { stderrProgress } from '../../progress.js';
import { writeJobcoachPanel } from '../../simulate/write.js';
import { integerOption, parseOptions, stringOption } from '../args.js';
import { OptionsError } from '../../errors.js';
import { checkOutputs } from '../output.js';
import type { Command } from '../main.js';

const USAGE = `usage: loopbaan simulate jobcoach --out DIR [--n 25000] [--seed 1] [--quiet]

Writes the synthetic jobcoach panel (calibrated to the published figures of the
jobcoach study) as DIR/persons.csv and DIR/months.csv, the long person-month
format that every loopbaan command reads. The same --n and --seed always give
the same files.

  --out DIR    output directory (created when missing)
  --n N        number of persons (default 25000; 1000000 streams about 2.5 GB)
  --seed S     random seed (default 1)
  --quiet      no progress on stderr

example: loopbaan simulate jobcoach --n 25000 --seed 1 --out data/jobcoach
`;

export const command: Command = {
  summary: 'write the synthetic jobcoach panel (persons.csv, months.csv)',
  usage: USAGE,
  async run(args) {
    const [model, ...rest] = args;
    if (model !== 'jobcoach') throw new OptionsError(undefined, `expected a model name: "loopbaan simulate jobcoach ..."; got ${model ? `"${model}"` : 'none'}`);
    const o = parseOptions(rest, { out: { type: 'string' }, n: { type: 'string' }, seed: { type: 'string' }, quiet: { type: 'boolean' } }, ['out']);
    const n = integerOption(o, 'n', 25_000, 1);
    const seed = integerOption(o, 'seed', 1);
    const out = stringOption(o, 'out') as string;
    await checkOutputs(o, ['out'], [], 'folder');
    const written = await writeJobcoachPanel(out, { n, seed, progress: o.quiet ? undefined : stderrProgress() });
    process.stdout.write(`${written.persons}: ${written.personRows} persons\n${written.months}: ${written.monthRows} person-months\n`);
    return 0;
  },
};
