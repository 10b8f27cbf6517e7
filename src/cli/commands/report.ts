import { join } from 'node:path';
import type { Lang } from '../../charts/i18n.js';
import { silentProgress, stderrProgress } from '../../progress.js';
import { runJobcoachStudy } from '../../report/jobcoach-study.js';
import { writeJobcoachReport } from '../../report/jobcoach-report.js';
import { runMvadStudy, writeMvadReport } from '../../report/mvad.js';
import { numberOption, parseOptions, stringOption, type OptionValues } from '../args.js';
import { UsageError, type Command } from '../main.js';

const USAGE = `usage: loopbaan report jobcoach [--persons persons.csv --months months.csv] [options]
       loopbaan report mvad --input mvad.csv [options]

jobcoach: study A (labour-market patterns after the start of jobcoaching) from a
monthly panel, or from the synthetic panel (25,000 persons, seed 1) when no files
are given: that panel is written as DIR/data/persons.csv and DIR/data/months.csv
and read back like an extract. Writes DIR/index.html (a self-contained page),
DIR/results.json, DIR/figures/*.svg and *.png, DIR/tables/*.csv.

  --persons FILE    person file: person_id, benefit, start_month, regime, sex, ... (weight)
  --months FILE     long months file: person_id, month (YYYY-MM), state, employer_id,
                    hours_week, hourly_wage, permanent
  --start COL       person column with the start month = month 0 (default start_month)
  --weight COL      case-weight column of the person file (default: weight when present)
  --lenient         drop bad rows and count them instead of failing on the first
  --n N, --seed S   size and seed of the synthetic panel (default 25000 and 1)
  --window M        months since the start that are clustered (default 36)
  --indel X         indel cost of the typology's OM (default auto: max TRATE cost / 2)
  --k K             number of groups (default 4); quality table for k = 2..max(8, K)
  --distance D      OM (default, the study's) or OMspell (spells and their lengths); TRATE costs
  --refine pam      refine the Ward groups with weighted k-medoids (default: none)
  --exit-states S   comma-separated states that end the search for a new job (e.g. retired):
                    time to a new job becomes a competing-risks curve (default: none)
  --min-cell N      disclosure control: suppress cells of fewer than N persons (default 10)
  --out DIR         output folder (default reports/out/jobcoach)

mvad: the standard TraMineR typology of the mvad data (OM/TRATE, indel 1, Ward, k = 4).

  --input FILE      mvad in wide format (id, weight, covariates, Jul.93 .. Jun.99)
  --cols A..B       month columns (default Sep.93..Jun.99)
  --id COL          id column (default id)
  --weight COL      case weights (default none, as the standard example)
  --k K             number of clusters (default 4)
  --out DIR         output folder (default reports/out/mvad)

both:
  --lang en|nl      language of the page, figures and tables (default en)
  --threads N       worker threads for the distances (default all cores)
  --quiet           no progress on stderr

examples:
  loopbaan report jobcoach                         # synthetic panel -> reports/out/jobcoach
  loopbaan report jobcoach --persons data/persons.csv --months data/months.csv --out out/a --lang nl
  loopbaan report mvad --input mvad.csv --out out/mvad
`;

const COMMON = { out: { type: 'string' }, lang: { type: 'string' }, threads: { type: 'string' }, quiet: { type: 'boolean' }, k: { type: 'string' }, weight: { type: 'string' } } as const;

export const command: Command = {
  summary: 'the study report: HTML page, figures, tables and results.json (jobcoach, mvad)',
  usage: USAGE,
  async run(args) {
    const [study, ...rest] = args;
    if (study === 'jobcoach') return jobcoach(rest);
    if (study === 'mvad') return mvad(rest);
    throw new UsageError(`expected a study: "loopbaan report jobcoach ..." or "loopbaan report mvad ..."; got ${study ? `"${study}"` : 'none'}`);
  },
};

async function jobcoach(args: string[]): Promise<number> {
  const o = parseOptions(args, {
    ...COMMON, persons: { type: 'string' }, months: { type: 'string' }, start: { type: 'string' }, lenient: { type: 'boolean' },
    n: { type: 'string' }, seed: { type: 'string' }, window: { type: 'string' }, refine: { type: 'string' }, 'min-cell': { type: 'string' },
    distance: { type: 'string' }, 'exit-states': { type: 'string' }, indel: { type: 'string' },
  });
  const persons = stringOption(o, 'persons');
  const months = stringOption(o, 'months');
  if ((persons === undefined) !== (months === undefined)) throw new UsageError('give both --persons and --months, or neither (synthetic panel)');
  if (persons && (o.n !== undefined || o.seed !== undefined)) throw new UsageError('--n and --seed are for the synthetic panel; leave them out with --persons/--months');
  const refine = stringOption(o, 'refine') ?? 'none';
  if (refine !== 'none' && refine !== 'pam') throw new UsageError(`--refine must be none or pam; got "${refine}"`);
  const distance = stringOption(o, 'distance') ?? 'OM';
  if (distance !== 'OM' && distance !== 'OMspell') throw new UsageError(`--distance must be OM or OMspell; got "${distance}"`);
  const indelText = stringOption(o, 'indel') ?? 'auto';
  const indel = indelText === 'auto' ? 'auto' : Number(indelText);
  if (indel !== 'auto' && !(indel > 0)) throw new UsageError(`--indel must be auto or a number > 0; got "${indelText}"`);
  const language = lang(o);
  const progress = o.quiet === true ? silentProgress : stderrProgress();
  const started = Date.now();
  const out = stringOption(o, 'out') ?? 'reports/out/jobcoach';
  const result = await runJobcoachStudy({
    persons, months, panelDir: persons ? undefined : join(out, 'data'), startColumn: stringOption(o, 'start'), weight: stringOption(o, 'weight'), lenient: o.lenient === true,
    n: whole(o, 'n', 25_000, 1), seed: whole(o, 'seed', 1, -Infinity), window: whole(o, 'window', 36, 2), k: whole(o, 'k', 4, 4),
    distance, indel, refine, minCell: whole(o, 'min-cell', 10, 1), threads: threads(o), progress,
    exitStates: stringOption(o, 'exit-states')?.split(',').map((x) => x.trim()).filter((x) => x !== ''),
  }).catch(usageRange);
  const written = await writeJobcoachReport(result, { out, lang: language, progress });
  const r = result.results;
  process.stdout.write(
    `${written.index}: ${r.n_persons} persons, ${r.clusters.k} groups (${r.clusters.groups.map((g) => `${g.id} ${g.label} ${Math.round(100 * (g.share_total ?? 0))}%`).join(', ')})` +
      `${r.clusters.ari_vs_true_group !== null ? `, ARI vs true_group ${r.clusters.ari_vs_true_group.toFixed(3)}` : ''}; ${written.files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

async function mvad(args: string[]): Promise<number> {
  const o = parseOptions(args, { ...COMMON, input: { type: 'string' }, cols: { type: 'string' }, id: { type: 'string' } }, ['input']);
  const language = lang(o);
  const progress = o.quiet === true ? silentProgress : stderrProgress();
  const result = await runMvadStudy({
    input: stringOption(o, 'input'), cols: stringOption(o, 'cols'), id: stringOption(o, 'id'), weight: stringOption(o, 'weight'),
    k: whole(o, 'k', 4, 2), threads: threads(o), progress,
  });
  const written = await writeMvadReport(result, { out: stringOption(o, 'out') ?? 'reports/out/mvad', lang: language, progress });
  process.stdout.write(`${written.index}: ${result.results.n_persons} sequences, k = ${result.results.k}, sizes ${result.results.clusters.map((c) => c.n).join(', ')}\n`);
  return 0;
}

function lang(o: OptionValues): Lang {
  const l = stringOption(o, 'lang') ?? 'en';
  if (l !== 'en' && l !== 'nl') throw new UsageError(`--lang must be en or nl; got "${l}"`);
  return l;
}

function threads(o: OptionValues): number | undefined {
  return o.threads === undefined ? undefined : whole(o, 'threads', 1, 1);
}

/** A whole-number option of at least `min`, or a usage error naming it. */
function whole(o: OptionValues, name: string, fallback: number, min: number): number {
  const x = numberOption(o, name, fallback);
  if (!Number.isInteger(x) || x < min) throw new UsageError(`--${name} must be a whole number${Number.isFinite(min) ? ` >= ${min}` : ''}; got "${stringOption(o, name)}"`);
  return x;
}

/** Options out of range for the data (e.g. a window longer than the follow-up) are usage errors (exit 2). */
function usageRange(err: unknown): never {
  throw err instanceof RangeError ? new UsageError(err.message) : err;
}
