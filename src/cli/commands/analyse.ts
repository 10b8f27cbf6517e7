import { OptionsError } from '../../errors.js';
import { jobEpisodes, type JobEpisodes } from '../../labour/episodes.js';
import { fixedEffectsIndex } from '../../labour/indexNumbers.js';
import { jobLossTable } from '../../labour/jobLoss.js';
import { participationLadder } from '../../labour/ladder.js';
import { groupProfiles } from '../../labour/profiles.js';
import { timeToNewJob } from '../../labour/reemployment.js';
import { retention } from '../../labour/retention.js';
import type { StateRoles } from '../../labour/roles.js';
import { stateSharesByMonth } from '../../labour/shares.js';
import { stockOnDate } from '../../labour/stock.js';
import type { TableResult } from '../../labour/tables.js';
import { ruleTypology } from '../../labour/typology.js';
import { monthIndex } from '../../labour/dates.js';
import type { StateSequences } from '../../sequences/types.js';
import { integerOption, listOption, numberOption, parseOptions, stringOption, type OptionValues } from '../args.js';
import {
  ANALYSE_OPTIONS, ANALYSE_USAGE, checkSharedOptions, groupOption, integerListOption, loadAnalysisInput, rolesOption, withCliOptionNames, writeAnalysis,
} from '../analyse-options.js';
import { INPUT_USAGE } from '../input-options.js';
import type { Command } from '../main.js';

type Spec = Record<string, { type: 'string' | 'boolean' }>;

/** One analysis: its own options, the person-month columns it reads, and the call into src/labour. */
interface Analysis {
  readonly summary: string;
  /** Usage lines of its own options, and its examples. */
  readonly options: string;
  readonly examples: string;
  readonly spec: Spec;
  readonly required?: readonly string[];
  /** Command-line names of library options whose name differs (e.g. states -> --outcome-states). */
  readonly renames?: Readonly<Record<string, string>>;
  attributes?(values: OptionValues): (string | undefined)[];
  run(seqs: StateSequences, values: OptionValues): TableResult;
}

// the example panel every example reads: `loopbaan simulate jobcoach --n 2000 --out panel`
const PANEL = '--input panel/months.csv --persons panel/persons.csv --weight weight';
const ROLES = '--paid work_jc,work --unpaid trial --none none';

const JOB_SPEC: Spec = { 'unpaid-only-jobs': { type: 'string' } };
const JOB_USAGE = `  --unpaid-only-jobs exclude|count
                            a job whose months are all unpaid (a trial placement that never turns into paid
                            work): no job, its months count as months without work (exclude, the default), or a job
`;

/** The roles and employer of a job analysis, and its jobs (unpaid-only jobs excluded unless `count`). */
function jobs(seqs: StateSequences, values: OptionValues): { roles: StateRoles; employer: string | undefined; episodes: JobEpisodes } {
  const roles = rolesOption(values);
  const employer = stringOption(values, 'employer');
  const mode = stringOption(values, 'unpaid-only-jobs') ?? 'exclude';
  if (mode !== 'exclude' && mode !== 'count') throw new OptionsError('--unpaid-only-jobs', `expected exclude or count; got "${mode}"`);
  return { roles, employer, episodes: jobEpisodes(seqs, { roles, employer, unpaidOnlyJobs: mode }) };
}

/** A month given as a time label, as its column index. */
function monthOption(seqs: StateSequences, values: OptionValues, name: string): number | undefined {
  const label = stringOption(values, name);
  return label === undefined ? undefined : monthIndex(seqs, label, `--${name}`);
}

const ANALYSES: Record<string, Analysis> = {
  shares: {
    summary: 'state shares by month (figure 1; TraMineR seqstatd per group), with the persons observed',
    options: `  --months M,...            months to report, as time labels (default every month)
`,
    examples: `  loopbaan analyse shares ${PANEL} --align start:start_month --by benefit --months 0,6,12,24,36`,
    spec: { months: { type: 'string' } },
    run: (seqs, values) => stateSharesByMonth(seqs, {
      ...groupOption(values), months: listOption(values, 'months')?.map((m) => monthIndex(seqs, m, '--months')),
    }),
  },
  'job-loss': {
    summary: 'job endings and what follows them (study A, Table 1: A, B, C, D)',
    options: `  --window M                count endings in months 0..M-1 since the start (default 36)
  --incomplete exclude|rate persons followed less than the window: left out (default) or A per window of follow-up
${JOB_USAGE}`,
    examples: `  loopbaan analyse job-loss ${PANEL} --align start:start_month ${ROLES} --employer employer_id --by benefit`,
    spec: { ...JOB_SPEC, window: { type: 'string' }, incomplete: { type: 'string' } },
    attributes: (values) => [stringOption(values, 'employer')],
    run: (seqs, values) => {
      const incomplete = stringOption(values, 'incomplete') ?? 'exclude';
      if (incomplete !== 'exclude' && incomplete !== 'rate') throw new OptionsError('--incomplete', `expected exclude or rate; got "${incomplete}"`);
      const { roles, employer, episodes } = jobs(seqs, values);
      return jobLossTable(seqs, {
        ...groupOption(values), roles, employer, episodes, unpaidOnlyJobs: episodes.unpaidOnlyJobs,
        window: integerOption(values, 'window', 36, 1), incomplete,
      });
    },
  },
  'new-job': {
    summary: 'time to a new job after a job ends: Kaplan-Meier, or Aalen-Johansen with --exit states',
    options: `  --at M,...                months without work at which to report the share with a new job (default 0,6,12,48)
${JOB_USAGE}`,
    examples: `  loopbaan analyse new-job ${PANEL} --align start:start_month ${ROLES} --employer employer_id --by benefit --at 0,6,12`,
    spec: { ...JOB_SPEC, at: { type: 'string' } },
    attributes: (values) => [stringOption(values, 'employer')],
    run: (seqs, values) => {
      const { roles, employer, episodes } = jobs(seqs, values);
      return timeToNewJob(seqs, { ...groupOption(values), roles, employer, episodes, at: integerListOption(values, 'at') });
    },
  },
  retention: {
    summary: 'one-year retention of job starts after not working: same employer, other employer, not working (study B)',
    options: `  --horizon M               months after the start at which the status is read (default 12)
  --start-states S,...      only jobs starting in these states (default every job state), e.g. the paid ones
  --include-month-zero      also the jobs that start in month 0 (the month before is not observed)
${JOB_USAGE}`,
    examples: `  loopbaan analyse retention ${PANEL} --align start:start_month ${ROLES} --employer employer_id --by benefit --include-month-zero`,
    spec: { ...JOB_SPEC, horizon: { type: 'string' }, 'start-states': { type: 'string' }, 'include-month-zero': { type: 'boolean' } },
    attributes: (values) => [stringOption(values, 'employer')],
    run: (seqs, values) => {
      const { roles, employer, episodes } = jobs(seqs, values);
      return retention(seqs, {
        ...groupOption(values), roles, employer, episodes, horizon: integerOption(values, 'horizon', 12, 1),
        startStates: listOption(values, 'start-states'), includeMonthZero: values['include-month-zero'] === true,
      });
    },
  },
  'rule-typology': {
    summary: 'study B\'s rule-based patterns: long job, switcher, short spells, never worked',
    options: `  --from M --to M           the window, first and last month as time labels (default the whole panel)
  --long-run N              type 1: more than N consecutive working months (default 12)
  --switches-per-year X     type 2: more than X work/no-work switches per observed year (default 1)
  --min-months N            persons observed fewer months are left out and counted (default 12)
  --exclude-always-in S,... persons in these states all the window are left out (e.g. sheltered)
  --permanent COL           person-month 0/1 column of a permanent contract (for pct_permanent)
${JOB_USAGE}`,
    examples: `  loopbaan analyse rule-typology ${PANEL} --align start:start_month ${ROLES} --employer employer_id --from 0 --to 35 --permanent permanent`,
    spec: {
      ...JOB_SPEC, from: { type: 'string' }, to: { type: 'string' }, 'long-run': { type: 'string' }, 'switches-per-year': { type: 'string' },
      'min-months': { type: 'string' }, 'exclude-always-in': { type: 'string' }, permanent: { type: 'string' },
    },
    attributes: (values) => [stringOption(values, 'employer'), stringOption(values, 'permanent')],
    run: (seqs, values) => {
      const { roles, employer, episodes } = jobs(seqs, values);
      const to = monthOption(seqs, values, 'to');
      return ruleTypology(seqs, {
        ...groupOption(values), roles, employer, episodes, from: monthOption(seqs, values, 'from'), to: to === undefined ? undefined : to + 1,
        longRun: integerOption(values, 'long-run', 12, 0), switchesPerYear: numberOption(values, 'switches-per-year', 1),
        minMonths: integerOption(values, 'min-months', 12, 1), excludeAlwaysIn: listOption(values, 'exclude-always-in'),
        permanent: stringOption(values, 'permanent'),
      });
    },
  },
  profiles: {
    summary: 'group profiles (clusters or any grouping): sizes, time working, covariates with tests (study A, Table 2)',
    options: `  --by COV                  the groups (required): a covariate, or a --labels column such as cluster
  --categorical C,...       covariates profiled by their levels, with cell tests and a chi-square test
                            (default every text covariate with at most 20 levels)
  --numeric C,...           covariates profiled by their mean, with a Welch test
  --share-by COV            each group's share of every level of COV (e.g. benefit)
  --level P                 confidence level of the tests (default 0.95)
  tables: profiles (one row per group), profile-covariates (--table profile-covariates)
  The roles are optional here: with them, pct_time_working is the % of observed months in a job.
`,
    examples: `  loopbaan cluster ${PANEL} --align start:start_month --method OM --sm TRATE --indel auto --algo ward.D --k 4 --out labels.csv
  loopbaan analyse profiles ${PANEL} --align start:start_month ${ROLES} --labels labels.csv --by cluster --share-by benefit --categorical sex,regime`,
    spec: { categorical: { type: 'string' }, numeric: { type: 'string' }, 'share-by': { type: 'string' }, level: { type: 'string' } },
    required: ['by'],
    run: (seqs, values) => {
      const roles = rolesOption(values);
      return groupProfiles(seqs, {
        by: stringOption(values, 'by')!, levels: listOption(values, 'levels'), roles: Object.keys(roles).length > 0 ? roles : undefined,
        categorical: listOption(values, 'categorical'), numeric: listOption(values, 'numeric'), shareBy: stringOption(values, 'share-by'),
        level: numberOption(values, 'level', 0.95),
      });
    },
  },
  'index-numbers': {
    summary: 'fixed-effects index numbers of a person-month outcome over months since start (figure 2)',
    options: `  --outcome COL             numeric person-month column, e.g. hourly_wage (required)
  --bins M,...              first month of each bin, from 0 (default one bin per month)
  --outcome-states S,...    months in these states are observations (default the job states of the roles;
                            for a wage give the paid states: a trial placement pays none)
  --scale level|log         index 100 (1 + b / mean) (default) or 100 exp(b) on log y
  --se cluster|classical    standard errors clustered by person (default) or iid
  --level P                 confidence level (default 0.95)
`,
    examples: `  loopbaan analyse index-numbers ${PANEL} --align start:start_month --outcome hourly_wage --outcome-states work_jc,work --bins 0,6,12,18,24,30,36`,
    spec: { outcome: { type: 'string' }, bins: { type: 'string' }, 'outcome-states': { type: 'string' }, scale: { type: 'string' }, se: { type: 'string' }, level: { type: 'string' } },
    required: ['outcome'],
    renames: { states: '--outcome-states' },
    attributes: (values) => [stringOption(values, 'outcome')],
    run: (seqs, values) => {
      const scale = stringOption(values, 'scale') ?? 'level';
      if (scale !== 'level' && scale !== 'log') throw new OptionsError('--scale', `expected level or log; got "${scale}"`);
      const se = stringOption(values, 'se') ?? 'cluster';
      if (se !== 'cluster' && se !== 'classical') throw new OptionsError('--se', `expected cluster or classical; got "${se}"`);
      const roles = rolesOption(values);
      return fixedEffectsIndex(seqs, {
        outcome: stringOption(values, 'outcome')!, bins: integerListOption(values, 'bins'), states: listOption(values, 'outcome-states'),
        roles: Object.keys(roles).length > 0 ? roles : undefined, scale, se, level: numberOption(values, 'level', 0.95),
      });
    },
  },
  ladder: {
    summary: 'participation ladder at two dates: same / up / down / left, and the transitions between rungs (study B)',
    options: `  --rungs R,...             the rungs, lowest first; states sharing a rung joined by + (required), e.g.
                            none,trial,work_jc+work; every state needs a rung, except --exit states
  --dates D1,D2             the two dates as time labels (required), e.g. 2016-12,2018-12
  Persons not observed at date 1 are left out (not_observed); at date 2 a person not observed, or in an
  --exit state, has left. tables: ladder (one row per group), ladder-transitions (--table ladder-transitions)
`,
    examples: `  loopbaan analyse ladder ${PANEL} --rungs none,trial,work_jc+work --dates 2016-12,2018-12 --by sex`,
    spec: { rungs: { type: 'string' }, dates: { type: 'string' } },
    required: ['rungs', 'dates'],
    run: (seqs, values) => {
      const dates = listOption(values, 'dates')!;
      if (dates.length !== 2) throw new OptionsError('--dates', `expected two dates, D1,D2; got ${dates.length}`);
      return participationLadder(seqs, {
        ...groupOption(values), rungs: listOption(values, 'rungs')!.map((r) => r.split('+')), dates: [dates[0], dates[1]], roles: rolesOption(values),
      });
    },
  },
  stock: {
    summary: 'counts and shares per state (or role) on a reference date, by up to two covariates, with totals (study B)',
    options: `  --date D                  the reference month as a time label (required), e.g. 2018-12
  --of state|role           a column per state (default) or per role (needs the roles)
  --by C1[,C2]              up to two covariates; age_band is the age band at the reference date
  --birth COL               person column with the birth date (YYYY-MM-DD, YYYY-MM) or year (YYYY), for age_band
  --age-bands A,...         lower bounds of the age bands (default 18,25,35,45,55,65)
  --levels a,b,...          with one --by covariate: the order of its levels
  Persons without a value of a covariate are in its level unknown; persons not observed that month are counted
  in not_observed.
`,
    examples: `  loopbaan analyse stock ${PANEL} --date 2018-12 --of role ${ROLES} --by sex,age_band --birth birth_year`,
    spec: { date: { type: 'string' }, of: { type: 'string' }, birth: { type: 'string' }, 'age-bands': { type: 'string' } },
    required: ['date'],
    run: (seqs, values) => {
      const of = stringOption(values, 'of') ?? 'state';
      if (of !== 'state' && of !== 'role') throw new OptionsError('--of', `expected state or role; got "${of}"`);
      const by = listOption(values, 'by') ?? [];
      const levels = listOption(values, 'levels');
      if (levels && by.length !== 1) throw new OptionsError('--levels', 'orders the levels of a single --by covariate');
      return stockOnDate(seqs, {
        date: stringOption(values, 'date')!, of, roles: rolesOption(values), by, birth: stringOption(values, 'birth'),
        ageBands: integerListOption(values, 'age-bands'), levels: levels ? { [by[0]]: levels } : undefined,
      });
    },
  },
};

function analysisUsage(name: string, a: Analysis): string {
  return `usage: loopbaan analyse ${name} --input FILE [input options] [roles] [--by COV] [options] [--json] [--out FILE]

${a.summary}.

${name} options:
${a.options}
${ANALYSE_USAGE}
${INPUT_USAGE}
example (the panel from \`loopbaan simulate jobcoach --n 2000 --out panel\`):
${a.examples}
`;
}

const USAGE = `usage: loopbaan analyse ANALYSIS --input FILE [input options] [roles] [options]

Runs one labour-market analysis of src/labour on a panel and writes its table as CSV (default) or JSON
(--json), after disclosure control (--min-cell, default 10): suppressed cells are empty (null in JSON), and
the output-check log (table,cell,kind,persons,rule) goes to --log or beside --out. The roles of the states
(--paid, --unpaid, --sheltered, --none, --exit, --other) say what a job is: no state names are built in.

analyses:
${Object.entries(ANALYSES).map(([name, a]) => `  ${name.padEnd(15)} ${a.summary}`).join('\n')}

loopbaan help analyse ANALYSIS (or loopbaan analyse ANALYSIS --help) shows its options.

examples:
  loopbaan simulate jobcoach --n 2000 --out panel
  loopbaan analyse job-loss ${PANEL} --align start:start_month ${ROLES} --employer employer_id --by benefit
  loopbaan analyse stock ${PANEL} --date 2018-12 --of role ${ROLES} --by sex --json
`;

export const command: Command = {
  summary: 'labour-market analyses: shares, job-loss, new-job, retention, rule-typology, profiles, index-numbers, ladder, stock',
  usage: USAGE,
  help(args) {
    const name = args.find((a) => !a.startsWith('-'));
    return name && ANALYSES[name] ? analysisUsage(name, ANALYSES[name]) : USAGE;
  },
  async run(args) {
    const [name, ...rest] = args;
    const analysis = name ? ANALYSES[name] : undefined;
    if (!analysis) {
      throw new OptionsError(undefined, `expected an analysis: loopbaan analyse ${Object.keys(ANALYSES).join('|')} ...; got ${name ? `"${name}"` : 'none'}`);
    }
    const values = parseOptions(rest, { ...ANALYSE_OPTIONS, ...analysis.spec }, ['input', ...(analysis.required ?? [])]);
    await withCliOptionNames(async () => {
      const attributes = (analysis.attributes?.(values) ?? []).filter((a): a is string => a !== undefined);
      const seqs = await loadAnalysisInput(values, attributes);
      checkSharedOptions(seqs, values);
      await writeAnalysis(values, analysis.run(seqs, values), seqs);
    }, analysis.renames);
    return 0;
  },
};
