/**
 * What every `loopbaan analyse` analysis shares: the panel (the input
 * options, plus `--labels FILE` joined as covariates), the roles of the
 * states, the grouping, disclosure control and the output (CSV, or JSON with
 * `--json`, and the output-check log).
 */
import { csvText } from '../disclosure/csv.js';
import { OptionsError } from '../errors.js';
import { joinLabels } from '../ingest/labels.js';
import type { LoadPanelOptions } from '../ingest/load.js';
import type { TableGroupOptions } from '../labour/options.js';
import { checkStateRoles, STATE_ROLES, type StateRoles } from '../labour/roles.js';
import { labourTables, publishTables, type TableResult } from '../labour/tables.js';
import type { StateSequences } from '../sequences/types.js';
import { listOption, stringOption, type OptionValues } from './args.js';
import { INPUT_FILES, INPUT_OPTIONS, loadInput } from './input-options.js';
import { DISCLOSURE_OPTIONS, DISCLOSURE_USAGE, disclosureOptions, writeDisclosureLog } from './disclosure-options.js';
import { checkOutputs, writeOutput } from './output.js';

/** `parseOptions` spec shared by the analyses; spread it into an analysis' own spec. */
export const ANALYSE_OPTIONS = {
  ...INPUT_OPTIONS,
  labels: { type: 'string' },
  'labels-id': { type: 'string' },
  ...Object.fromEntries(STATE_ROLES.map((role) => [role, { type: 'string' }])) as Record<(typeof STATE_ROLES)[number], { type: 'string' }>,
  employer: { type: 'string' },
  by: { type: 'string' },
  levels: { type: 'string' },
  ...DISCLOSURE_OPTIONS,
  table: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/** Usage lines of the shared options. */
export const ANALYSE_USAGE = `roles of the states (comma-separated states; a state has one role, states named nowhere count as other):
  --paid S,...              paid work at an employer (e.g. work_jc,work or employed)
  --unpaid S,...            work without a wage, e.g. a trial placement (a job, but no wage)
  --sheltered S,...         sheltered employment
  --none S,...              not working
  --exit S,...              out of the population (retired, deceased): a competing exit / "left"
  --other S,...             anything else (education, ...)
  --employer COL            person-month column with the employer id (default none: a job is then a run of working months)

groups, disclosure control and output:
  --by COV                  rows per level of a person covariate (person file, wide file or --labels)
  --levels a,b,...          order (and selection) of the levels of --by
  --labels FILE             CSV with an id column and label columns (e.g. id,cluster from \`loopbaan cluster\`),
                            joined to the persons as covariates: --by cluster
  --labels-id COL           the id column of --labels (default id)
${DISCLOSURE_USAGE}  --table NAME              for analyses with two tables: which one to write as CSV
  --json                    write JSON: every table, the disclosure summary (default CSV)
  --out FILE                write there (default standard output)
`;

/**
 * The roles of the states from `--paid`, `--unpaid`, `--sheltered`, `--none`,
 * `--exit` and `--other` (only the roles given).
 *
 * @example
 * rolesOption({ paid: 'work_jc,work', unpaid: 'trial' }); // { paid: ['work_jc', 'work'], unpaid: ['trial'] }
 */
export function rolesOption(values: OptionValues): StateRoles {
  const roles: Partial<Record<(typeof STATE_ROLES)[number], string[]>> = {};
  for (const role of STATE_ROLES) {
    const states = listOption(values, role);
    if (states) roles[role] = states;
  }
  return roles;
}

/**
 * Check the options every analysis shares against the panel before it runs:
 * the roles name states of the alphabet, each state once (also for an
 * analysis that does not use them, so a typo never passes unnoticed), and a
 * warning on stderr for each `--levels` level that no person has (its row
 * stays empty).
 *
 * @example
 * checkSharedOptions(seqs, values); // OptionsError: roles.paid: "wrok" is not a state of the alphabet (...)
 */
export function checkSharedOptions(seqs: StateSequences, values: OptionValues): void {
  checkStateRoles(seqs, rolesOption(values));
  const by = stringOption(values, 'by');
  const levels = listOption(values, 'levels');
  if (by === undefined || levels === undefined || !seqs.covariates.columnNames().includes(by)) return;
  const seen = new Set(Array.from(seqs.covariates.array(by) as ArrayLike<unknown>, (v) => String(v)));
  for (const level of levels) {
    if (!seen.has(level)) process.stderr.write(`warning: --levels: no person has ${by} "${level}"; its row stays empty (the levels of ${by}: ${[...seen].sort().join(', ')})\n`);
  }
}

/** The grouping options `--by` and `--levels`. */
export function groupOption(values: OptionValues): TableGroupOptions {
  return { by: stringOption(values, 'by'), levels: listOption(values, 'levels') };
}

/**
 * Load the panel (with the person-month `attributes` an analysis needs) and
 * join `--labels FILE`; a note on stderr says how many persons have no label.
 *
 * @example
 * const seqs = await loadAnalysisInput(values, ['employer_id']);
 */
export async function loadAnalysisInput(values: OptionValues, attributes: readonly string[] = []): Promise<StateSequences> {
  const overrides: Partial<LoadPanelOptions> = { attributes: [...new Set(attributes)] };
  await checkOutputs(values, ['out', 'log'], [...INPUT_FILES, 'labels']);
  const { sequences } = await loadInput(values, overrides);
  const file = stringOption(values, 'labels');
  if (file === undefined) return sequences;
  const joined = await joinLabels(sequences, file, { id: stringOption(values, 'labels-id') });
  if (values.quiet !== true) {
    process.stderr.write(`${file}: ${joined.rows} rows, columns ${joined.columns.join(', ')}; ${joined.unlabelled} persons of the panel without a label (left out of groups by them)\n`);
  }
  return joined.sequences;
}

/** A comma-separated list of whole numbers. */
export function integerListOption(values: OptionValues, name: string): number[] | undefined {
  return listOption(values, name)?.map((x) => {
    const v = Number(x);
    if (!Number.isInteger(v)) throw new OptionsError(`--${name}`, `expected whole numbers separated by commas; got "${x}"`);
    return v;
  });
}

/**
 * Disclosure control over the result's tables and the output: the chosen
 * table as CSV (`--table`, default the first), or every table as JSON
 * (`--json`), to `--out` or stdout; the output-check log to `--log`, or
 * beside `--out` as `NAME.disclosure.csv`.
 *
 * @example
 * await writeAnalysis(values, jobLossTable(seqs, { roles, by: 'benefit' }), seqs);
 */
export async function writeAnalysis(values: OptionValues, result: TableResult, seqs: StateSequences): Promise<void> {
  const { minCell, round } = disclosureOptions(values);
  // with unequal case weights, weighted shares do not give the counts away
  const tables = labourTables(result, { weighted: seqs.weights.some((w) => w !== seqs.weights[0]), minCell });
  const published = publishTables(tables, { minCell, round });
  const name = stringOption(values, 'table') ?? tables[0].name;
  const chosen = published.tables.find((t) => t.name === name);
  if (!chosen) throw new OptionsError('--table', `no table "${name}"; this analysis writes ${tables.map((t) => t.name).join(', ')}`);
  const out = stringOption(values, 'out');
  const text = values.json === true
    ? JSON.stringify({
      analysis: tables[0].name,
      disclosure: { min_cell: published.minCell, round: published.round, cells: published.counts },
      tables: published.tables.map((t) => ({ name: t.name, columns: t.header, rows: t.rows.map((r) => Object.fromEntries(t.header.map((h, k) => [h, r[k]]))) })),
    }, null, 2) + '\n'
    : csvText([chosen.header, ...chosen.rows]);
  await writeOutput(out, text);
  await writeDisclosureLog(values, published.log);
}

/**
 * The command-line name of a library option, for error messages:
 * `roles.paid` -> `--paid`, `startStates` -> `--start-states`.
 *
 * @example
 * cliOptionName('ageBands'); // '--age-bands'
 */
function cliOptionName(option: string, renames: Readonly<Record<string, string>> = {}): string {
  if (renames[option]) return renames[option];
  if (option.startsWith('roles.')) return `--${option.slice(6)}`;
  if (option.startsWith('--')) return option;
  if (option === 'roles') return '--paid/--unpaid/--sheltered/--none/--exit/--other';
  if (option === 'from/to') return '--from/--to';
  if (option === 'minCell') return '--min-cell';
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Run an analysis; an `OptionsError` from the library is raised again with
 * the option's command-line name, so the one line the CLI prints names the
 * option as the user typed it.
 *
 * @example
 * return withCliOptionNames(() => runJobLoss(values), { window: '--window' });
 */
export async function withCliOptionNames<T>(run: () => Promise<T>, renames: Readonly<Record<string, string>> = {}): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof OptionsError && err.option !== undefined && !err.option.startsWith('--')) {
      throw new OptionsError(cliOptionName(err.option, renames), err.message.slice(err.option.length + 2));
    }
    throw err;
  }
}
