import type { Command } from '../main.js';
import { UsageError } from '../main.js';
import { parseOptions, stringOption } from '../args.js';
import { INPUT_OPTIONS, INPUT_USAGE, loadInput } from '../input-options.js';
import { writeOutput } from '../output.js';
import { DESCRIBE_TABLES, describeTable, type DescribeTable } from '../../describe/table.js';
import { csvText } from '../../disclosure/csv.js';

export const command: Command = {
  summary: 'descriptive statistics equal to TraMineR: seqstatd, seqtrate, seqmeant, per-sequence indicators',
  usage: `usage: loopbaan describe --input FILE [--format wide|long|spell] [--cols FIRST..LAST] [--id COL]
         [--weight COL] [--states a,b,c] --what statd|trate|meant|indicators [--out FILE.csv]

  --what statd       state,<months...>: share of each state per month, then rows N (valid weighted N) and entropy
  --what trate       from,<states...>: transition rates between consecutive months
  --what meant       state,mean: mean number of months in each state
  --what indicators  id,entropy,turbulence,complexity,transitions: one row per sequence, input order
  --out FILE.csv     write the CSV there (default: stdout)

Weights are used when --weight is given. Missing months are skipped, censored months never count.

${INPUT_USAGE}
example:
  loopbaan describe --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 --what meant
`,
  async run(args) {
    const values = parseOptions(args, { ...INPUT_OPTIONS, what: { type: 'string' }, out: { type: 'string' } }, ['input', 'what']);
    const what = stringOption(values, 'what') as DescribeTable;
    if (!DESCRIBE_TABLES.includes(what)) throw new UsageError(`--what must be one of ${DESCRIBE_TABLES.join(', ')}; got "${what}"`);
    const { sequences } = await loadInput(values);
    await writeOutput(stringOption(values, 'out'), csvText(describeTable(sequences, what)));
    return 0;
  },
};
