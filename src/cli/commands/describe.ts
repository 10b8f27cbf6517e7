import { OptionsError } from '../../errors.js';
import type { Command } from '../main.js';
import { numberOption, parseOptions, stringOption, type OptionValues } from '../args.js';
import { INPUT_FILES, INPUT_OPTIONS, INPUT_USAGE, loadInput } from '../input-options.js';
import { DISCLOSURE_OPTIONS, DISCLOSURE_USAGE, disclosureOptions, writeDisclosureLog } from '../disclosure-options.js';
import { checkOutputs, writeOutput } from '../output.js';
import { controlDescribeTable } from '../../describe/disclosure.js';
import { DESCRIBE_TABLES, type DescribeTable } from '../../describe/table.js';
import type { IndicatorTableOptions } from '../../describe/indicator-table.js';
import { csvText } from '../../disclosure/csv.js';

export const command: Command = {
  summary: 'descriptive statistics equal to TraMineR: seqstatd, seqtrate, seqmeant, per-sequence indicators (seqindic)',
  usage: `usage: loopbaan describe --input FILE [--format wide|long|spell] [--cols FIRST..LAST] [--id COL]
         [--weight COL] [--states a,b,c] --what statd|trate|meant|indicators [--with-missing]
         [--indic a,b,c] [--pos-states a,b] [--neg-states a,b] [--state-order a,b,c] [--state-equiv a,b;c,d]
         [--w X] [--min-cell 10] [--round N] [--out FILE.csv] [--log FILE]

  --what statd       state,<months...>: share of each state per month, then rows N (valid weighted N) and entropy
  --what trate       from,<states...>: transition rates between consecutive months
  --what meant       state,mean: mean number of months in each state
  --what indicators  one row per sequence, input order: id,entropy,turbulence,complexity,transitions,
                     or with --indic the columns of TraMineR's seqindic (Lgth, NonM, ..., Prec, Insec)
  --with-missing     count missing months as the state * (TraMineR with.missing = TRUE)
  --out FILE.csv     write the CSV there (default: stdout)

disclosure control (on by default; --min-cell 1 turns it off, for work inside the secure environment):
  statd: a share resting on fewer than --min-cell persons (in that state, or observed that month) is
  empty, and so is another share of the month that would give it away (they add up to 1), and the
  month's entropy; trate: a rate resting on fewer persons with that move, or with a move from that
  state; meant: a mean resting on fewer persons with a month in that state, or dominated by one
  person's months; indicators: one row per person (microdata), not for publication.
${DISCLOSURE_USAGE}
indicators (--what indicators, names as TraMineR's seqindic):
  --indic a,b,c      lgth, nonm, dlgth, visited, visitp, recu, trans, transp, entr, meand, dustd, meand2,
                     dustd2, nsubs, volat, cplx, turb, turbn, turb2, turb2n, ppos, nvolat, vpos, integr,
                     degrad, bad, prec, insec, or groups all, basic, diversity, complexity, binary, ranked
  --pos-states a,b   positive states for ppos, nvolat, vpos, integr (or --neg-states; one is required)
  --state-order a,b  states from best to worst for degrad, bad, prec, insec (default: the alphabet)
  --state-equiv a,b;c,d   classes of equivalent states, separated by ;
  --w X              weight of the visited states in volat (default 0.5)

Weights are used when --weight is given (by the transition rates of prec). Missing months are
skipped unless --with-missing; censored months never count.

${INPUT_USAGE}
examples:
  loopbaan describe --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 --what meant
  loopbaan describe --input ../shared/fixtures/traminer/mvad.csv --cols Sep.93..Jun.99 --what indicators \\
    --indic visited,turb2n,binary,prec --pos-states employment,HE \\
    --state-order employment,HE,FE,school,training,joblessness --out indicators.csv
`,
  async run(args) {
    const values = parseOptions(args, {
      ...INPUT_OPTIONS, ...DISCLOSURE_OPTIONS, what: { type: 'string' }, out: { type: 'string' }, 'with-missing': { type: 'boolean' },
      indic: { type: 'string' }, 'pos-states': { type: 'string' }, 'neg-states': { type: 'string' },
      'state-order': { type: 'string' }, 'state-equiv': { type: 'string' }, w: { type: 'string' },
    }, ['input', 'what']);
    const what = stringOption(values, 'what') as DescribeTable;
    if (!DESCRIBE_TABLES.includes(what)) throw new OptionsError('--what', `must be one of ${DESCRIBE_TABLES.join(', ')}; got "${what}"`);
    const indicators = indicatorOptions(values);
    if (indicators && what !== 'indicators') throw new OptionsError('--indic', 'the indicator options need --what indicators');
    await checkOutputs(values, ['out', 'log'], INPUT_FILES);
    const { sequences } = await loadInput(values);
    const { minCell, round } = disclosureOptions(values);
    const { rows, log } = controlDescribeTable(sequences, what, { withMissing: values['with-missing'] === true, indicators }, { minCell, round, dominance: minCell <= 1 ? 1 : undefined });
    await writeOutput(stringOption(values, 'out'), csvText(rows));
    await writeDisclosureLog(values, log);
    return 0;
  },
};

// The seqindic options, or undefined when none is given.
function indicatorOptions(values: OptionValues): IndicatorTableOptions | undefined {
  const list = (name: string) => stringOption(values, name)?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const indic = list('indic');
  const posStates = list('pos-states');
  const negStates = list('neg-states');
  const stateOrder = list('state-order');
  const stateEquiv = stringOption(values, 'state-equiv')?.split(';').map((c) => c.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const w = stringOption(values, 'w') === undefined ? undefined : numberOption(values, 'w', 0.5);
  if (!indic) {
    const given = ['pos-states', 'neg-states', 'state-order', 'state-equiv', 'w'].filter((k) => values[k] !== undefined);
    if (given.length > 0) throw new OptionsError(`--${given[0]}`, `needs --indic (the indicators to compute)`);
    return undefined;
  }
  return { indic, w, positive: { posStates, negStates }, ranked: { stateOrder, stateEquiv } };
}
