import { join } from 'node:path';
import { LANGS, type Lang } from '../../i18n/index.js';
import { silentProgress, stderrProgress } from '../../progress.js';
import type { StudyFile } from '../../studies/study-file.js';
import { builtinStudy, readStudyFile, studyReport, type StudyReportOptions } from '../../workflows/study-report.js';
import { integerOption, parseOptions, stringOption, type OptionValues } from '../args.js';
import type { Command } from '../main.js';
import { OptionsError } from '../../errors.js';
import { checkOutputFolder } from '../../output/paths.js';
import { inputFiles } from '../output.js';
import { inputLimits, LIMITS_OPTIONS } from '../input-options.js';

const USAGE = `usage: loopbaan report --study STUDY.json --months months.csv [--persons persons.csv] [options]
       loopbaan report --study STUDY.json --input FILE --format wide|spell|long [--cols A..B] [--persons FILE] [options]
       loopbaan report jobcoach [--persons persons.csv --months months.csv] [options]
       loopbaan report mvad --input mvad.csv [options]

A study report: DIR/index.html (a self-contained page), DIR/results.json,
DIR/figures/*.svg and *.png, DIR/tables/*.csv, and DIR/disclosure.csv (the
output-check log: every cell with the persons behind it and the disclosure
rule applied, for the output check of a secure environment). The study file (JSON, schema
data-schemas/study.schema.json) names the states and their roles, the time
axis, the grouping, the covariates, the typology and the analyses.
\`report jobcoach\` is the built-in study file studies/jobcoach.json, on the
synthetic panel when no files are given (written as DIR/data/*.csv and read
back); \`report mvad\` is studies/mvad.json (TraMineR's standard typology).

panel:
  --study FILE      the study file
  --months FILE     long months file: person_id, month (YYYY-MM), state, person-month columns
  --persons FILE    person file: person_id, covariates, start month, weight
  --input FILE      the panel in another format, with --format wide|spell|long (--cols A..B, --id COL)
  --weight COL      case-weight column (default: weight when the person file has it)
  --lenient         drop bad rows and count them instead of failing on the first
  --n N, --seed S   jobcoach without files: size and seed of the synthetic panel (default 25000, 1)
study settings (override the study file):
  --k K             number of groups (quality table for k = 2..max(8, K))
  --window M        months the typology clusters
  --min-cell N      disclosure control: suppress cells of fewer than N persons (default 10; 1: off)
  --round B         publish counts rounded to a multiple of B (e.g. 5 or 10) instead of suppressing
                    small counts; shares and means of fewer than N persons are still suppressed
  --distance D      OM or OMspell; --indel X (auto: max cost / 2); --refine none|pam
  --start COL       person column with month 0
  --exit-states S   comma-separated states that end the search for a new job (role exit)
  --permutations R  permutations of the discrepancy analysis and the tree (1: no tests, a quick draft)
output:
  --out DIR         output folder (default reports/out/NAME)
  --lang en|nl      language of the page, figures and tables (default: the study's, else en)
  --figure-width W  print size of the figures: 8.5cm (one column) or 17cm (full page); text >= 8 pt
  --dpi N           PNG resolution at that size (default 300)
  --memory-budget GB  largest distance matrix and month grid (default 8): beyond it the typology runs CLARA
reading the panel:
  --encoding E      utf8 (default), or latin1 / windows-1252 for files of older Windows programs
  --max-line-size N, --max-field-size N, --max-months N
                    limits of the files (default 1M bytes a line, 64K characters a field, 1200 months):
                    raise them when your data really need it
  --threads N       worker threads for the distances (default all cores)
  --quiet           no progress on stderr

examples:
  loopbaan report --study my-study.json --months months.csv --persons persons.csv --out out/careers
  loopbaan report jobcoach                          # synthetic panel -> reports/out/jobcoach
  loopbaan report jobcoach --persons data/persons.csv --months data/months.csv --lang nl --figure-width 17cm
  loopbaan report mvad --input mvad.csv --out out/mvad
  loopbaan report --study my-study.json --months months.csv --persons persons.csv --round 5
`;

const SPEC = {
  study: { type: 'string' }, months: { type: 'string' }, persons: { type: 'string' }, input: { type: 'string' }, format: { type: 'string' },
  cols: { type: 'string' }, id: { type: 'string' }, weight: { type: 'string' }, lenient: { type: 'boolean' }, n: { type: 'string' }, seed: { type: 'string' },
  k: { type: 'string' }, window: { type: 'string' }, 'min-cell': { type: 'string' }, round: { type: 'string' }, distance: { type: 'string' }, indel: { type: 'string' },
  refine: { type: 'string' }, start: { type: 'string' }, 'exit-states': { type: 'string' }, permutations: { type: 'string' },
  out: { type: 'string' }, lang: { type: 'string' }, 'figure-width': { type: 'string' }, dpi: { type: 'string' },
  threads: { type: 'string' }, quiet: { type: 'boolean' }, ...LIMITS_OPTIONS,
} as const;

export const command: Command = {
  summary: 'a study report from a study file (or the built-in jobcoach and mvad studies): HTML page, figures, tables, results.json',
  usage: USAGE,
  async run(args) {
    const builtin = args[0] === 'jobcoach' || args[0] === 'mvad' ? args[0] : undefined;
    if (!builtin && args[0] !== undefined && !args[0].startsWith('-')) {
      throw new OptionsError(undefined, `expected --study FILE, or a built-in study: "jobcoach" or "mvad"; got "${args[0]}"`);
    }
    const o = parseOptions(builtin ? args.slice(1) : args, SPEC);
    const studyPath = stringOption(o, 'study');
    if (builtin && studyPath) throw new OptionsError(undefined, `give either --study FILE or "${builtin}", not both`);
    if (!builtin && !studyPath) throw new OptionsError(undefined, 'give --study FILE (a study file), or a built-in study: loopbaan report jobcoach | mvad');
    const base = builtin ? await builtinStudy(builtin) : await readStudyFile(studyPath!);
    const study = withOverrides(base, o);
    const name = builtin ? `studies/${builtin}.json` : studyPath!;
    const out = stringOption(o, 'out') ?? join('reports', 'out', builtin ?? 'study');
    await checkOutputFolder(out, '--out', inputFiles(o, ['months', 'persons', 'input', 'study']));
    const progress = o.quiet === true ? silentProgress : stderrProgress();
    const limits = inputLimits(o);
    const options: StudyReportOptions = {
      study, studyName: name, out, lang: lang(o) ?? study.lang, figures: figures(o), progress,
      months: stringOption(o, 'months'), persons: stringOption(o, 'persons'), input: stringOption(o, 'input'), cols: stringOption(o, 'cols'), id: stringOption(o, 'id'),
      format: format(o), weight: stringOption(o, 'weight'), lenient: o.lenient === true,
      threads: o.threads === undefined ? undefined : integerOption(o, 'threads', 1, 1),
      limits,
      memoryBudgetBytes: limits.memoryBudgetBytes,
    };
    const hasPanel = options.months !== undefined || options.input !== undefined;
    if (builtin === 'jobcoach' && !hasPanel) {
      if (options.persons) throw new OptionsError('--months', 'is required with --persons (or leave out both for the synthetic panel)');
      options.simulate = { n: integerOption(o, 'n', 25_000, 1), seed: integerOption(o, 'seed', 1) };
    } else if (o.n !== undefined || o.seed !== undefined) {
      throw new OptionsError(o.n !== undefined ? '--n' : '--seed', 'is for the synthetic jobcoach panel; leave it out with your own files');
    }
    if (builtin === 'mvad') Object.assign(options, { format: options.format ?? 'wide', cols: options.cols ?? 'Sep.93..Jun.99', id: options.id ?? 'id', weight: options.weight ?? null });
    if (!options.simulate && !hasPanel) throw new OptionsError(undefined, 'give the panel: --months FILE (long format) or --input FILE with --format');
    const started = Date.now();
    const { computation, written } = await studyReport(options);
    if (o.quiet !== true) for (const w of computation.warnings) process.stderr.write(`warning: ${w}\n`);
    const r = computation.results;
    const groups = r.clusters.groups.map((g) => `${g.id} ${g.label} ${Math.round(100 * (g.share_total ?? 0))}%`).join(', ');
    process.stdout.write(
      `${written.index}: ${r.n_persons} persons, ${r.clusters.k} groups (${groups})` +
        `${r.clusters.ari_vs_true_group !== null ? `, ARI vs ${study.clusters?.truth} ${r.clusters.ari_vs_true_group.toFixed(3)}` : ''}` +
        `; ${written.files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  },
};

/** The study file with the command line's settings in place of its own. */
function withOverrides(study: StudyFile, o: OptionValues): StudyFile {
  const out: { -readonly [K in keyof StudyFile]: StudyFile[K] } = { ...study };
  if (o.k !== undefined) {
    const k = integerOption(o, 'k', 4, 2);
    out.clusters = { ...out.clusters, k, range: [Math.min(2, k), Math.max(8, k)] };
  }
  if (o.window !== undefined) out.time = { align: 'calendar', ...out.time, window: integerOption(o, 'window', 36, 2) };
  if (o.start !== undefined) out.time = { ...out.time, align: 'start', startColumn: stringOption(o, 'start') };
  if (o['min-cell'] !== undefined) out.disclosure = { ...out.disclosure, minCell: integerOption(o, 'min-cell', 10, 1) };
  if (o.round !== undefined) out.disclosure = { ...out.disclosure, round: integerOption(o, 'round', 5, 2) };
  const distance = stringOption(o, 'distance');
  if (distance !== undefined && distance !== 'OM' && distance !== 'OMspell') throw new OptionsError('--distance', `must be OM or OMspell; got "${distance}"`);
  const indelText = stringOption(o, 'indel');
  const indel = indelText === undefined || indelText === 'auto' ? indelText : Number(indelText);
  if (typeof indel === 'number' && !(indel > 0)) throw new OptionsError('--indel', `must be auto or a number > 0; got "${indelText}"`);
  if (distance !== undefined || indel !== undefined) out.distance = { ...out.distance, ...(distance ? { method: distance } : {}), ...(indel !== undefined ? { indel: indel as number | 'auto' } : {}) };
  const refine = stringOption(o, 'refine');
  if (refine !== undefined) {
    if (refine !== 'none' && refine !== 'pam') throw new OptionsError('--refine', `must be none or pam; got "${refine}"`);
    out.clusters = { ...out.clusters, refine };
  }
  if (o.permutations !== undefined) {
    if (!out.discrepancy && !out.tree) throw new OptionsError('--permutations', 'the study file asks for no discrepancy analysis or tree (keys discrepancy, tree)');
    const permutations = integerOption(o, 'permutations', 1000, 1);
    if (out.discrepancy) out.discrepancy = { ...out.discrepancy, permutations };
    if (out.tree) out.tree = { ...out.tree, permutations };
  }
  const exits = stringOption(o, 'exit-states')?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (exits?.length) {
    const known = out.states.map((s) => s.code);
    for (const s of exits) {
      const state = out.states.find((x) => x.code === s);
      if (state && (state.role === 'paid' || state.role === 'unpaid')) throw new OptionsError('--exit-states', `"${s}" is a job state; an exit state must be a state without work`);
    }
    out.states = [...out.states.map((s) => (exits.includes(s.code) ? { ...s, role: 'exit' as const } : s)), ...exits.filter((s) => !known.includes(s)).map((code) => ({ code, role: 'exit' as const }))];
  }
  return out;
}

function lang(o: OptionValues): Lang | undefined {
  const l = stringOption(o, 'lang');
  if (l !== undefined && !(LANGS as readonly string[]).includes(l)) throw new OptionsError('--lang', `must be ${LANGS.join(' or ')}; got "${l}"`);
  return l as Lang | undefined;
}

function format(o: OptionValues): 'long' | 'wide' | 'spell' | undefined {
  const f = stringOption(o, 'format');
  if (f !== undefined && f !== 'long' && f !== 'wide' && f !== 'spell') throw new OptionsError('--format', `must be long, wide or spell; got "${f}"`);
  return f as 'long' | 'wide' | 'spell' | undefined;
}

/** --figure-width 8.5cm|17cm (a number of cm, with or without the unit) and --dpi. */
function figures(o: OptionValues): StudyReportOptions['figures'] {
  const w = stringOption(o, 'figure-width');
  const dpi = o.dpi === undefined ? undefined : integerOption(o, 'dpi', 300, 72);
  if (w === undefined) {
    if (dpi !== undefined) throw new OptionsError('--dpi', 'needs --figure-width (8.5cm or 17cm)');
    return undefined;
  }
  const m = /^(\d+(?:\.\d+)?)\s*(cm)?$/.exec(w);
  const cm = m ? Number(m[1]) : NaN;
  if (!(cm >= 5 && cm <= 30)) throw new OptionsError('--figure-width', `must be a width in cm, e.g. 8.5cm (one column) or 17cm (full page); got "${w}"`);
  return { widthCm: cm, dpi: dpi ?? 300 };
}
