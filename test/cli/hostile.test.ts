// The hostile-input suite (issue 14). A corpus of small bad files is built here
// and every CLI command is run over every class of bad input, in-process through
// main(): each run must end with exit code 2, one line on stderr that names what
// is wrong, no stack trace, and the input files unchanged; the test timeout
// bounds its time, so a hang fails. A few real processes prove the exit codes
// and the absence of stack traces end to end. The DuckDB reader (Parquet,
// databases, big CSV files) must refuse the same files with the same line, and
// Parquet and database files of their own faults with one line too.
//
// Data-driven: a command added to the CLI gets its line in INPUT_COMMANDS (how
// it reads a panel), and every input class then runs through it.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DuckDb } from '../../src/ingest/duckdb/engine.js';
import { readManifest } from '../../src/output/folder.js';
import { captureOutput } from '../helpers/cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'loopbaan-hostile-'));
const corpus = join(dir, 'corpus');
const out = join(dir, 'out');
mkdirSync(corpus);
mkdirSync(out);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

// ---------------------------------------------------------------------------
// The corpus: a good panel (long months, persons with the jobcoach study's
// columns, the same panel wide), and bad variants of it, each with one fault.

const STATES = ['trial', 'work_jc', 'work', 'none'];
const PERSONS = 24;
const MONTHS = 12;
const month = (m: number) => `2015-${String(m + 1).padStart(2, '0')}`;
const stateOf = (p: number, m: number) => STATES[(p * 7 + m * (p % 3 + 1) + (m > p % 5 ? 1 : 0)) % 4];

function goodLong(): string[] {
  const rows = ['person_id,month,state,employer_id,hours_week,hourly_wage,permanent'];
  for (let p = 0; p < PERSONS; p++) {
    for (let m = 0; m < MONTHS; m++) {
      const s = stateOf(p, m);
      const paid = s === 'work' || s === 'work_jc';
      rows.push(`P${p + 1},${month(m)},${s},${paid ? `E${p % 4}` : ''},${paid ? 24 : ''},${paid ? '12.50' : ''},${paid ? 0 : ''}`);
    }
  }
  return rows;
}

function goodPersons(): string[] {
  const rows = ['person_id,benefit,sex,birth_year,regime,start_month,weight'];
  for (let p = 0; p < PERSONS; p++) rows.push(`P${p + 1},${p % 4 === 0 ? 'WGA' : 'Wajong'},${p % 2 ? 'f' : 'm'},${1980 + p},${['study', 'work', 'none'][p % 3]},${month(0)},1`);
  return rows;
}

function goodWide(): string[] {
  const rows = [['id', ...Array.from({ length: MONTHS }, (_, m) => month(m))].join(',')];
  for (let p = 0; p < PERSONS; p++) rows.push([`P${p + 1}`, ...Array.from({ length: MONTHS }, (_, m) => stateOf(p, m))].join(','));
  return rows;
}

const text = (rows: string[]) => rows.join('\n') + '\n';
/** Replace line `k` (1-based, the header is line 1) of a file's rows. */
const withLine = (rows: string[], k: number, line: string) => rows.map((r, i) => (i === k - 1 ? line : r));

/**
 * A fault of a file: how to apply it to the long months file and to the wide
 * file (same fault, same line), and what the one line of stderr must say.
 */
interface FileFault {
  readonly name: string;
  readonly long: () => string | Buffer;
  readonly wide: () => string | Buffer;
  /** The same fault in the person file. */
  readonly persons: () => string | Buffer;
  readonly expect: RegExp;
}

const LATIN1_E = Buffer.from([0xe9]);
const FILE_FAULTS: FileFault[] = [
  {
    name: 'a quote inside an unquoted field (exit 13, no message before)',
    long: () => text(withLine(goodLong(), 6, 'P1,2015-05,wo"rk,,,,')),
    wide: () => text(withLine(goodWide(), 6, 'P5,wo"rk' + ',none'.repeat(MONTHS - 1))),
    persons: () => text(withLine(goodPersons(), 6, 'P5,wo"rk,f,1984,study,2015-01,1')),
    expect: /line 6, column (state|2015-01|benefit): a quote inside an unquoted field \(after "wo"\)/,
  },
  {
    name: 'a quote that never closes (named where it opens, not at the end of the file)',
    long: () => text(withLine(goodLong(), 9, 'P1,2015-08,"work,,,,')),
    wide: () => text(withLine(goodWide(), 9, 'P8,"work' + ',none'.repeat(MONTHS - 1))),
    persons: () => text(withLine(goodPersons(), 9, 'P8,"work,f,1987,study,2015-01,1')),
    expect: /line 9, column (state|2015-01|benefit): a quoted field opens here and is never closed/,
  },
  {
    name: 'an endless line (no maximum line size before)',
    long: () => text(goodLong().slice(0, 3)) + 'P9,' + 'x'.repeat(1.5 * 2 ** 20),
    wide: () => text(goodWide().slice(0, 3)) + 'P9,' + 'x'.repeat(1.5 * 2 ** 20),
    persons: () => text(goodPersons().slice(0, 3)) + 'P9,' + 'x'.repeat(1.5 * 2 ** 20),
    expect: /line 4: a line longer than the limit of 1 MiB; .*--max-line-size/,
  },
  {
    name: 'NUL bytes (a binary file, as /dev/zero)',
    long: () => Buffer.concat([Buffer.from(text(goodLong().slice(0, 4))), Buffer.alloc(100)]),
    wide: () => Buffer.concat([Buffer.from(text(goodWide().slice(0, 4))), Buffer.alloc(100)]),
    persons: () => Buffer.concat([Buffer.from(text(goodPersons().slice(0, 4))), Buffer.alloc(100)]),
    expect: /line 5: holds a NUL byte, so it is not a text file/,
  },
  {
    name: 'Latin-1 bytes (silently U+FFFD before, merging José and Josè)',
    long: () => Buffer.concat([Buffer.from(text(goodLong().slice(0, 6)) + 'Jos'), LATIN1_E, Buffer.from(',2015-01,work,,,,\n')]),
    wide: () => Buffer.concat([Buffer.from(text(goodWide().slice(0, 6)) + 'Jos'), LATIN1_E, Buffer.from(',work' + ',none'.repeat(MONTHS - 1) + '\n')]),
    persons: () => Buffer.concat([Buffer.from(text(goodPersons().slice(0, 6)) + 'Jos'), LATIN1_E, Buffer.from(',Wajong,f,1985,work,2015-01,1\n')]),
    expect: /line 7: byte 0xE9 is not UTF-8 text; .*--encoding latin1/,
  },
  {
    name: 'a header naming a column twice (the first one was used silently)',
    long: () => text(withLine(goodLong(), 1, 'person_id,month,state,employer_id,hours_week,state,permanent')),
    wide: () => text(withLine(goodWide(), 1, goodWide()[0] + ',id')),
    persons: () => text(withLine(goodPersons(), 1, 'person_id,benefit,sex,birth_year,regime,benefit,weight')),
    expect: /line 1, column (state|id|benefit): column "(state|id|benefit)" appears twice in the header/,
  },
];

// ---------------------------------------------------------------------------
// The commands: how each reads a panel. `long` gets the months file and the
// person file, `wide` the wide file; a command without a way returns undefined.

interface Panel {
  readonly months: string;
  readonly persons: string;
  readonly wide: string;
}

const q = ['--quiet'];
const lcp = ['--method', 'LCP'];
const INPUT_COMMANDS: Record<string, { long?: (p: Panel) => string[]; wide?: (p: Panel) => string[] }> = {
  describe: {
    long: (p) => ['describe', '--input', p.months, '--persons', p.persons, '--what', 'statd', ...q],
    wide: (p) => ['describe', '--input', p.wide, '--cols', `${month(0)}..${month(MONTHS - 1)}`, '--what', 'meant', ...q],
  },
  dist: { long: (p) => ['dist', '--input', p.months, ...lcp, '--out', join(out, 'd.csv'), ...q] },
  cluster: { long: (p) => ['cluster', '--input', p.months, ...lcp, '--algo', 'ward.D', '--k', '3', '--out', join(out, 'c.csv'), ...q] },
  discrepancy: { long: (p) => ['discrepancy', '--input', p.months, '--persons', p.persons, '--by', 'benefit', ...lcp, '--permutations', '9', ...q] },
  tree: { long: (p) => ['tree', '--input', p.months, '--persons', p.persons, '--by', 'benefit,sex', ...lcp, '--permutations', '9', ...q] },
  representatives: { long: (p) => ['representatives', '--input', p.months, ...lcp, '--out', join(out, 'r.csv'), ...q] },
  validate: { long: (p) => ['validate', '--input', p.months, ...lcp, '--what', 'compare', '--kmax', '3', ...q] },
  ...analyseCommands(),
  'report jobcoach': { long: (p) => ['report', 'jobcoach', '--persons', p.persons, '--months', p.months, '--out', join(out, 'report'), ...q] },
  'report mvad': { wide: (p) => ['report', 'mvad', '--input', p.wide, '--cols', `${month(0)}..${month(MONTHS - 1)}`, '--id', 'id', '--out', join(out, 'mvad'), ...q] },
};

/**
 * `loopbaan analyse ANALYSIS` for every analysis, on the long panel (roles,
 * employer and start column of the corpus) and, for those that need no
 * person-month column, on the wide file.
 */
function analyseCommands(): typeof INPUT_COMMANDS {
  const roles = ['--paid', 'work_jc,work', '--unpaid', 'trial', '--none', 'none'];
  const employer = ['--employer', 'employer_id'];
  // name, options for both formats, options of the long panel only (undefined: no wide run)
  const analyses: [string, string[], string[] | undefined][] = [
    ['shares', ['--by', 'benefit'], []],
    ['job-loss', [...roles, '--window', '12'], [...employer, '--align', 'start:start_month']],
    ['new-job', [...roles, '--at', '0,3'], employer],
    ['retention', [...roles, ...employer, '--horizon', '3'], undefined],
    ['rule-typology', [...roles, '--min-months', '6', '--long-run', '3'], []],
    ['profiles', ['--by', 'benefit'], undefined],
    ['index-numbers', [...roles, '--outcome', 'hourly_wage', '--outcome-states', 'work_jc,work'], undefined],
    ['ladder', ['--rungs', 'none,trial,work_jc+work', '--dates', `${month(2)},${month(MONTHS - 1)}`], []],
    ['stock', ['--date', month(5), '--by', 'sex'], undefined],
  ];
  return Object.fromEntries(analyses.map(([name, options, longOnly]) => [`analyse ${name}`, {
    long: (p: Panel) => ['analyse', name, '--input', p.months, '--persons', p.persons, ...options, ...(longOnly ?? []), '--out', join(out, `${name}.csv`), ...q],
    wide: longOnly && ((p: Panel) => ['analyse', name, '--input', p.wide, '--cols', `${month(0)}..${month(MONTHS - 1)}`, '--id', 'id', ...options, '--out', join(out, `${name}.csv`), ...q]),
  }]));
}

/** Every command line that reads `panel`, by command name (long files first). */
function commandLines(panel: Panel, formats: readonly ('long' | 'wide')[] = ['long', 'wide']): [string, string[]][] {
  const lines: [string, string[]][] = [];
  for (const [name, ways] of Object.entries(INPUT_COMMANDS)) {
    for (const format of formats) {
      const args = ways[format]?.(panel);
      if (args) lines.push([`${name} (${format})`, args]);
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Running a case.

/** SHA-256 of every file in the corpus: inputs must never change. */
function corpusHashes(): Record<string, string> {
  return Object.fromEntries(readdirSync(corpus).map((f) => [f, createHash('sha256').update(readFileSync(join(corpus, f))).digest('hex')]));
}

let hashes: Record<string, string> = {};
beforeAll(() => {
  writeFileSync(join(corpus, 'months.csv'), text(goodLong()));
  writeFileSync(join(corpus, 'persons.csv'), text(goodPersons()));
  writeFileSync(join(corpus, 'wide.csv'), text(goodWide()));
  FILE_FAULTS.forEach((f, k) => {
    writeFileSync(join(corpus, `fault${k}-long.csv`), f.long());
    writeFileSync(join(corpus, `fault${k}-wide.csv`), f.wide());
    writeFileSync(join(corpus, `fault${k}-persons.csv`), f.persons());
  });
  hashes = corpusHashes();
});

const STACK_FRAME = /\n\s+at .+[:(]\d+/;

/** Run a command line in-process: its exit code and stderr (stdout is discarded). */
async function runInProcess(args: string[]): Promise<{ code: number; text: string }> {
  const stderr = captureOutput();
  captureOutput(process.stdout);
  const code = await main(args);
  const text = stderr();
  vi.restoreAllMocks();
  return { code, text };
}

/**
 * Run a command line in-process and check the refusal: exit 2, one line on
 * stderr starting with `loopbaan <command>:` that matches `expected`, no stack
 * trace, the corpus unchanged.
 */
async function expectRefusal(args: string[], expected: RegExp): Promise<string> {
  const { code, text } = await runInProcess(args);
  const lines = text.trimEnd().split('\n');
  expect({ code, text }).toMatchObject({ code: 2 });
  expect(lines, text).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^loopbaan ${args[0]}: `));
  expect(lines[0]).toMatch(expected);
  expect(text).not.toMatch(STACK_FRAME);
  expect(corpusHashes()).toEqual(hashes);
  return lines[0];
}

/** Run a command line in-process that must succeed; returns stderr. */
async function expectSuccess(args: string[]): Promise<string> {
  const { code, text } = await runInProcess(args);
  expect({ code, text }).toMatchObject({ code: 0 });
  expect(text).not.toMatch(STACK_FRAME);
  expect(corpusHashes()).toEqual(hashes);
  return text;
}

const file = (name: string) => join(corpus, name);
const good: Panel = { months: file('months.csv'), persons: file('persons.csv'), wide: file('wide.csv') };

// ---------------------------------------------------------------------------

describe('bad files: every command refuses each with exit 2 and one line', () => {
  FILE_FAULTS.forEach((fault, k) => {
    const panel: Panel = { ...good, months: file(`fault${k}-long.csv`), wide: file(`fault${k}-wide.csv`) };
    for (const [name, args] of commandLines(panel)) {
      it(`${fault.name}: ${name}`, async () => {
        const line = await expectRefusal(args, fault.expect);
        expect(line).toContain(`fault${k}-`);
      });
    }
  });
});

describe('bad person files: every command that reads one refuses each with exit 2 and one line', () => {
  FILE_FAULTS.forEach((fault, k) => {
    const persons = file(`fault${k}-persons.csv`);
    for (const [name, args] of commandLines({ ...good, persons }, ['long']).filter(([, a]) => a.includes(persons))) {
      it(`${fault.name}: ${name}`, async () => {
        const line = await expectRefusal(args, fault.expect);
        expect(line).toContain(`fault${k}-persons.csv`);
      });
    }
  });
});

describe('the limits each message names are options of every command that reads a panel', () => {
  const raised = ['--encoding', 'utf8', '--max-line-size', '4M', '--max-field-size', '256K', '--max-months', '2400', '--memory-budget', '2'];
  // the command lines are made for the faults: on the good panel some stop at a study key or a covariate
  for (const [name, args] of commandLines(good)) {
    it(name, async () => {
      const { code, text } = await runInProcess([...args, ...raised]);
      expect(text).not.toMatch(/unknown option|--(encoding|max-|memory-budget)/);
      expect([0, 2]).toContain(code);
    });
  }
});

/** A fault of the panel's content or of an input option, refused by every command that reads a long panel. */
interface PanelFault {
  readonly name: string;
  /** Extra files of the corpus this fault needs (written before the runs). */
  readonly files?: Record<string, string>;
  /** The panel, and the options added to a command line (by command name). */
  readonly panel: Panel;
  readonly extra?: (command: string) => string[] | undefined;
  readonly expect: RegExp;
}

const PANEL_FAULTS: PanelFault[] = [
  {
    name: 'implausible months 0001-01 and 9999-12 (a 10 GB grid over 84 s before)',
    files: { 'far.csv': text([...goodLong(), 'P1,9999-12,work,E1,24,12.50,0', 'P2,0001-01,none,,,,']) },
    panel: { ...good, months: file('far.csv') },
    expect: /months run from 2015-01 \(line 2\) to 9999-12 \(line \d+\), \d+ months, above the limit of 1200; .*--max-months/,
  },
  {
    name: 'no persons left after lenient filtering (a table of NaN, exit 0 before)',
    files: { 'nobody.csv': text(goodLong().map((r, i) => (i === 0 ? r : r.replace(/,2015-(\d\d),/, ',2015-$1x,')))) },
    panel: { ...good, months: file('nobody.csv') },
    extra: () => ['--lenient'],
    expect: /no (persons left|month with a state was read) \(\d+ rows rejected\)/,
  },
  {
    name: 'weights that add up to more than the largest number (NaN costs before)',
    files: { 'heavy.csv': text(goodPersons().map((r, i) => (i === 0 ? r : r.replace(/,1$/, ',1e308')))) },
    panel: good,
    // the report reads the weight column of its person file; the other commands are given it
    extra: (command) => (command.startsWith('report') ? ['--persons', file('heavy.csv')] : ['--persons', file('heavy.csv'), '--weight', 'weight']),
    expect: /heavy\.csv, line 3: the weights add up to more than the largest number/,
  },
  {
    name: 'a state that is not in --states',
    panel: good,
    extra: (command) => (command.startsWith('report') ? undefined : ['--states', 'trial,work_jc,work']),
    expect: /unknown state "none"; expected one of trial, work_jc, work/,
  },
];

/** Write the files the panel faults need into the corpus. */
function writePanelFaults(): void {
  for (const f of PANEL_FAULTS) for (const [name, content] of Object.entries(f.files ?? {})) writeFileSync(file(name), content);
  hashes = corpusHashes();
}

describe('bad panels and input options: every command that reads a long panel refuses them', () => {
  beforeAll(writePanelFaults);
  for (const fault of PANEL_FAULTS) {
    for (const [name, args] of commandLines(fault.panel, ['long'])) {
      const extra = fault.extra ? fault.extra(name) : [];
      if (extra === undefined) continue; // an option the command does not have
      it(`${fault.name}: ${name}`, async () => {
        await expectRefusal([...args, ...extra], fault.expect);
      });
    }
  }
  it('duplicate names in --states (a crash before), and --priority with a state that does not exist', async () => {
    for (const [, args] of commandLines(good, ['long']).filter(([n]) => !n.startsWith('report'))) {
      await expectRefusal([...args, '--states', 'trial,work,work,none,work_jc'], /--states: "work" is listed twice/);
    }
    writeFileSync(file('spells.csv'), 'person_id,start,end,state\nP1,2015-01,2015-06,work\nP1,2015-04,2015-09,none\nP2,2015-01,2015-12,trial\n');
    hashes = corpusHashes();
    await expectRefusal(['describe', '--input', file('spells.csv'), '--format', 'spell', '--priority', 'wrok,none', '--what', 'statd', ...q], /priority: "wrok" is not a state of the data/);
    await expectRefusal(['describe', '--input', file('spells.csv'), '--format', 'spell', '--priority', 'work,none', '--align', 'state:retired', '--what', 'statd', ...q], /cannot align on state "retired"/);
  });
});

describe('the DuckDB reader (Parquet, databases, CSV files of 64 MB or more) refuses the same files with the same line', () => {
  const describeLong = (months: string, persons: string, engine: string): string[] => ['describe', '--input', months, '--persons', persons, '--what', 'statd', '--engine', engine, ...q];
  FILE_FAULTS.forEach((fault, k) => {
    it(fault.name, async () => {
      for (const [months, persons] of [[file(`fault${k}-long.csv`), good.persons], [good.months, file(`fault${k}-persons.csv`)]]) {
        const line = await expectRefusal(describeLong(months, persons, 'js'), fault.expect);
        expect(await expectRefusal(describeLong(months, persons, 'duckdb'), fault.expect)).toBe(line);
      }
    });
  });
  beforeAll(writePanelFaults);
  for (const fault of PANEL_FAULTS) {
    const extra = fault.extra?.('describe') ?? [];
    it(fault.name, async () => {
      const line = await expectRefusal([...describeLong(fault.panel.months, fault.panel.persons, 'js'), ...extra], fault.expect);
      expect(await expectRefusal([...describeLong(fault.panel.months, fault.panel.persons, 'duckdb'), ...extra], fault.expect)).toBe(line);
    });
  }
});

describe('Parquet files and DuckDB databases: exit 2 and one line naming the file, the column and what was expected', () => {
  beforeAll(async () => {
    // the good panel as Parquet, and Parquet files with one fault each; a database with another table
    const db = await DuckDb.open();
    const rows = (month: string, state = `'work'`) => `SELECT 'P' || (i // 3) AS person_id, ${month} AS month, ${state} AS state FROM range(30) t(i)`;
    const parquet = { 'good.parquet': rows(`'2015-0' || (i % 3 + 1)`), 'bad-type.parquet': rows('i'), 'bad-month.parquet': rows(`CASE WHEN i = 7 THEN '2015-13' ELSE '2015-0' || (i % 3 + 1) END`) };
    for (const [name, sql] of Object.entries(parquet)) await db.run(`COPY (${sql}) TO '${file(name)}' (FORMAT parquet)`);
    await db.run(`COPY (SELECT person_id, state FROM (${rows("'2015-01'")})) TO '${file('no-month.parquet')}' (FORMAT parquet)`);
    await db.run(`ATTACH '${file('other.duckdb')}' AS other; CREATE TABLE other.spells AS SELECT 1 AS x; DETACH other`);
    db.close();
    writeFileSync(file('fake.parquet'), 'person_id,month,state\n');
    // damaged pages: Parquet's footer is intact, its first page header is not
    writeFileSync(file('damaged.parquet'), Buffer.from(readFileSync(file('good.parquet'))).fill(0xff, 4, 12));
    hashes = corpusHashes();
  });
  const describeOf = (...input: string[]): string[] => ['describe', ...input, '--what', 'statd', ...q];
  it('a wrong column type, a missing column, a month that is not one (by row), a file that is not Parquet or is damaged, a database without the table', async () => {
    await expectRefusal(describeOf('--input', file('bad-type.parquet')), /bad-type\.parquet, column month: column "month" has type BIGINT; expected YYYY-MM text or a DATE$/);
    await expectRefusal(describeOf('--input', file('no-month.parquet')), /no-month\.parquet, column month: missing required column "month" \(the month, YYYY-MM\); the file has person_id, state$/);
    await expectRefusal(describeOf('--input', file('bad-month.parquet')), /bad-month\.parquet, row 8, column month: month "2015-13" is not a YYYY-MM month/);
    await expectRefusal(describeOf('--input', file('fake.parquet')), /fake\.parquet: cannot read the file as Parquet \(/);
    await expectRefusal(describeOf('--input', file('good.parquet'), '--persons', file('fake.parquet')), /fake\.parquet: cannot read the file as Parquet \(/);
    await expectRefusal(describeOf('--input', file('damaged.parquet')), /damaged\.parquet: cannot read the file as Parquet \(/);
    await expectRefusal(describeOf('--input', file('good.parquet'), '--persons', file('damaged.parquet')), /damaged\.parquet: cannot read the file as Parquet \(/);
    await expectRefusal(describeOf('--input', file('other.duckdb'), '--input-table', 'months'), /other\.duckdb: no table "months"; the database has spells$/);
    await expectRefusal(describeOf('--input', file('good.parquet'), '--input-table', 'months'), /--input-table: is for DuckDB database files/);
  });
  it('a file that is not Parquet: every command that reads a long panel', async () => {
    for (const [, args] of commandLines({ ...good, months: file('fake.parquet') }, ['long'])) {
      await expectRefusal(args, /fake\.parquet: cannot read the file as Parquet \(/);
    }
  });
});

// ---------------------------------------------------------------------------

describe('outputs: never over an input, checked before any work', () => {
  it('--out equal to --input (describe, dist, cluster, --quality, the explain commands) is refused and the input kept', async () => {
    const m = good.months;
    await expectRefusal(['describe', '--input', m, '--what', 'statd', '--out', m, ...q], /months\.csv: --out is the input file of --input/);
    await expectRefusal(['dist', '--input', m, ...lcp, '--out', m, ...q], /--out is the input file of --input/);
    await expectRefusal(['cluster', '--input', m, ...lcp, '--algo', 'pam', '--k', '2', '--quality', m, ...q], /--quality is the input file of --input/);
    await expectRefusal(['cluster', '--input', m, '--persons', good.persons, ...lcp, '--algo', 'pam', '--k', '2', '--out', join(corpus, '.', 'persons.csv'), ...q], /--out is the input file of --persons/);
    await expectRefusal(['representatives', '--input', m, ...lcp, '--out', m, ...q], /--out is the input file of --input/);
    await expectRefusal(['validate', '--input', m, ...lcp, '--what', 'compare', '--out', m, ...q], /--out is the input file of --input/);
  });

  it('a missing folder, a read-only file system or a full disk: refused before the work (after all the work before)', async () => {
    const missing = join(out, 'no', 'such', 'folder', 'x.csv');
    await expectRefusal(['describe', '--input', good.months, '--what', 'statd', '--out', missing, ...q], /the folder .* of --out does not exist; create it first/);
    await expectRefusal(['cluster', '--input', good.months, ...lcp, '--algo', 'pam', '--k', '2', '--out', missing, ...q], /of --out does not exist/);
    await expectRefusal(['describe', '--input', good.months, '--what', 'statd', '--out', '/dev/full', ...q], /\/dev\/full: cannot write: no space left on the device/);
    writeFileSync(join(out, 'a-file'), '');
    await expectRefusal(['simulate', 'jobcoach', '--n', '10', '--out', join(out, 'a-file', 'panel'), ...q], /cannot write: a part of the path is a file/);
    await expectRefusal(['report', 'jobcoach', '--persons', good.persons, '--months', good.months, '--out', join(out, 'a-file', 'rep'), ...q], /cannot write|is a file/);
    if (readOnlyFolder()) {
      await expectRefusal(['describe', '--input', good.months, '--what', 'statd', '--out', '/sys/x.csv', ...q], /\/sys\/x\.csv: cannot write: (no permission|the file system is read-only)/);
    }
  });
});

/** /sys refuses new files even for root (the read-only case). */
function readOnlyFolder(): boolean {
  try {
    writeFileSync('/sys/loopbaan-probe', '');
    return false;
  } catch {
    return existsSync('/sys');
  }
}

// ---------------------------------------------------------------------------

describe('options that cannot work with the data: exit 2 naming the option (stack traces before)', () => {
  it('k above the number of (distinct) sequences in cluster (ward, pam, clara), and one person', async () => {
    for (const algo of ['ward.D', 'pam', 'clara']) {
      await expectRefusal(['cluster', '--input', good.months, ...lcp, '--algo', algo, '--k', '1000', ...q], /--k: 1000 clusters need (at least|more than) \d+/);
    }
    writeFileSync(file('one.csv'), 'person_id,month,state\nP1,2015-01,work\nP1,2015-02,none\n');
    hashes = corpusHashes();
    for (const algo of ['ward.D', 'pam', 'clara']) {
      await expectRefusal(['cluster', '--input', file('one.csv'), ...lcp, '--algo', algo, '--k', '2', ...q], /--k: 2 clusters need .* the (input|data) ha(s|ve) 1/);
    }
  });

  it('analyse: roles, covariates, levels and dates that do not fit the panel, named by their option (accepted, or named --p, before)', async () => {
    const a = (name: string, ...extra: string[]) => ['analyse', name, '--input', good.months, '--persons', good.persons, ...extra, '--out', join(out, 'a.csv'), ...q];
    await expectRefusal(a('shares', '--paid', 'work,wrok'), /--paid: "wrok" is not a state of the alphabet \(none, trial, work, work_jc\)/);
    await expectRefusal(a('shares', '--paid', 'work', '--none', 'work'), /--none: "work" already has role paid; a state has one role/);
    await expectRefusal(a('profiles', '--by', 'benefit', '--level', '2'), /--level: must be a confidence level between 0 and 1, e\.g\. 0\.95; got 2/);
    await expectRefusal(a('profiles', '--by', 'benefit', '--numeric', 'sex'), /--numeric: covariate "sex" is not numeric: "m" \(person P1\)/);
    await expectRefusal(a('stock', '--date', month(5), '--by', 'age_band', '--birth', 'sex'), /--birth: "m" \(person P1\) is not a birth date/);
    await expectRefusal(a('ladder', '--rungs', 'none,trial,work_jc+work', '--dates', `${month(2)},2099-12`), /--dates: month "2099-12" is outside the panel/);
    const stderr = await expectSuccess(a('shares', '--by', 'benefit', '--levels', 'WGA,Nope'));
    expect(stderr).toMatch(/^warning: --levels: no person has benefit "Nope"; its row stays empty/);
  });

  it('zero weights in Ward, every weight zero in pam and clara', async () => {
    writeFileSync(file('zero.csv'), text(goodPersons().map((r, i) => (i === 1 ? r.replace(/,1$/, ',0') : r))));
    writeFileSync(file('allzero.csv'), text(goodPersons().map((r, i) => (i === 0 ? r : r.replace(/,1$/, ',0')))));
    hashes = corpusHashes();
    const w = (persons: string) => ['--input', good.months, '--persons', persons, '--weight', 'weight', ...lcp, ...q];
    await expectRefusal(['cluster', ...w(file('zero.csv')), '--algo', 'ward.D', '--k', '2'], /weights: weight \d+ is 0; hierarchical clustering needs positive weights/);
    await expectSuccess(['cluster', ...w(file('zero.csv')), '--algo', 'pam', '--k', '2', '--out', join(out, 'z.csv')]);
    for (const algo of ['ward.D', 'pam', 'clara']) {
      await expectRefusal(['cluster', ...w(file('allzero.csv')), '--algo', algo, '--k', '2'], /allzero\.csv: every weight of the 24 persons is 0/);
    }
  });

  it('a memory budget above the machine\'s memory: what the matrix needs and what there is', async () => {
    // enough persons for a condensed matrix larger than this machine's memory
    const n = Math.ceil(Math.sqrt((2 * totalmem()) / 8)) + 1000;
    const rows = ['person_id,month,state'];
    for (let i = 0; i < n; i++) rows.push(`p${i},2015-01,${STATES[i % 4]}`);
    writeFileSync(file('many.csv'), text(rows));
    hashes = corpusHashes();
    await expectRefusal(['dist', '--input', file('many.csv'), '--method', 'HAM', '--memory-budget', '100000', '--out', join(out, 'm.csv'), ...q],
      /the full \d+ x \d+ distance matrix .* needs [\d.]+ GiB, but this machine has [\d.]+ GiB of memory in all/);
  });

  it('sequences of 4,000 and 10,000 months: refused at the limit, computed when it is raised (WASM out of bounds before)', async () => {
    for (const t of [4000, 10_000]) {
      const rows = ['person_id,month,state'];
      for (let p = 0; p < 3; p++) for (let m = 0; m < t; m++) rows.push(`p${p},${formatMonth(24_000 + m)},${STATES[(p + m * (p + 1)) % 3]}`);
      writeFileSync(file(`long${t}.csv`), text(rows));
    }
    hashes = corpusHashes();
    await expectRefusal(['dist', '--input', file('long4000.csv'), ...q], /above the limit of 1200; .*--max-months/);
    const stderr = await expectSuccess(['dist', '--input', file('long4000.csv'), '--max-months', '4000', '--out', join(out, 'long.csv'), ...q]);
    expect(stderr).toBe('');
    const matrix = readFileSync(join(out, 'long.csv'), 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
    expect(matrix).toHaveLength(3);
    expect(matrix[0][1]).toBeGreaterThan(0);
    await expectSuccess(['dist', '--input', file('long10000.csv'), '--method', 'LCS', '--max-months', '10000', '--out', join(out, 'long.csv'), ...q]);
  });

  it('distance files: negative and NaN distances refused with their line (clustered before)', async () => {
    writeFileSync(file('neg.csv'), '0,1,2\n1,0,-3\n2,-3,0\n');
    writeFileSync(file('nan.csv'), '0,1,2\n1,0,NaN\n2,NaN,0\n');
    hashes = corpusHashes();
    await expectRefusal(['cluster', '--dist', file('neg.csv'), '--algo', 'ward.D', '--k', '2', ...q], /neg\.csv, line 2, column 3: -3 is negative; expected a distance >= 0/);
    await expectRefusal(['cluster', '--dist', file('nan.csv'), '--algo', 'pam', '--k', '2', ...q], /nan\.csv, line 2, column 3: "NaN" is not a number/);
  });

  it('cost files: a non-number named with line, column and value; --sm for a method without costs; the triangle inequality warns', async () => {
    writeFileSync(file('sm-bad.csv'), '0,x,1,1\n1,0,1,1\n1,1,0,1\n1,1,1,0\n');
    writeFileSync(file('sm-tri.csv'), '0,5,1,1\n5,0,1,1\n1,1,0,1\n1,1,1,0\n');
    hashes = corpusHashes();
    await expectRefusal(['dist', '--input', good.months, '--sm', file('sm-bad.csv'), ...q], /sm-bad\.csv, line 1, column 2: "x" is not a number/);
    await expectRefusal(['dist', '--input', good.months, '--method', 'LCP', '--sm', 'TRATE', ...q], /--sm: LCP uses no substitution costs/);
    const stderr = await expectSuccess(['dist', '--input', good.months, '--sm', file('sm-tri.csv'), '--out', join(out, 'tri.csv'), ...q]);
    expect(stderr).toMatch(/^warning: the substitution costs break the triangle inequality: replacing \w+ with \w+ \(1\) and then with \w+ \(1\) costs less than replacing \w+ with \w+ directly \(5\)\n$/);
  });

  it('a column named __proto__ is refused by name (a crash before); a covariate level __proto__ keeps its group (silently dropped before)', async () => {
    writeFileSync(file('proto-wide.csv'), text(goodWide().map((r, i) => `${r},${i === 0 ? '__proto__' : 'x'}`)));
    writeFileSync(file('proto-persons.csv'), text(goodPersons().map((r, i) => `${r},${i === 0 ? 'grp' : i % 2 ? '__proto__' : 'b'}`)));
    hashes = corpusHashes();
    for (const [, args] of commandLines({ ...good, wide: file('proto-wide.csv') }, ['wide'])) {
      await expectRefusal(args, /proto-wide\.csv, line 1, column __proto__: column 14 is named "__proto__", a name JavaScript reserves/);
    }
    const by = ['--input', good.months, '--persons', file('proto-persons.csv'), '--by', 'grp', ...lcp, '--permutations', '9', ...q];
    await expectSuccess(['discrepancy', ...by, '--json', '--out', join(out, 'proto.json')]);
    expect(readFileSync(join(out, 'proto.json'), 'utf8')).toContain('"__proto__"');
    await expectSuccess(['tree', ...by, '--min-size', '2', '--out', join(out, 'tree.txt')]);
    expect(readFileSync(join(out, 'tree.txt'), 'utf8')).toContain('__proto__');
  });
});

/** YYYY-MM of a month index (year * 12 + month - 1). */
function formatMonth(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------

describe('end to end: real processes exit 2 with one line and no stack trace', () => {
  const bin = join(ROOT, 'bin', 'loopbaan.js');
  const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

  it.skipIf(!built)('a stray quote (exit 13 and no message before), /dev/zero (a hang before), k = 1000 and --out = --input', () => {
    const cases: [string[], RegExp][] = [
      [['describe', '--input', file('fault0-long.csv'), '--what', 'statd', ...q], /^loopbaan describe: .*fault0-long\.csv, line 6, column state: a quote inside an unquoted field/],
      [['describe', '--input', '/dev/zero', '--what', 'statd', ...q], /^loopbaan describe: \/dev\/zero, line 1: holds a NUL byte/],
      [['cluster', '--input', good.months, ...lcp, '--algo', 'pam', '--k', '1000', ...q], /^loopbaan cluster: --k: 1000 clusters need at least 1001 sequences; the input has 24\n$/],
      [['dist', '--input', good.months, ...lcp, '--out', good.months, ...q], /--out is the input file of --input/],
    ];
    for (const [args, expected] of cases) {
      const r = run(args);
      expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toMatchObject({ status: 2, signal: null });
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
    expect(corpusHashes()).toEqual(hashes);
  });

  it.skipIf(!built)('--debug adds the stack trace', () => {
    const r = run(['cluster', '--input', good.months, ...lcp, '--algo', 'pam', '--k', '1000', '--debug', ...q]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(STACK_FRAME);
  });

  it.skipIf(!built)('progress into a pipe is plain lines, never \\r', () => {
    const r = run(['dist', '--input', good.months, ...lcp, '--out', join(out, 'p.csv')]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\r/);
    expect(r.stderr).toMatch(/^distances: 100%$/m);
  });
});

describe('output folders end to end: inputs and other files kept, an interrupted run never looks complete', () => {
  const bin = join(ROOT, 'bin', 'loopbaan.js');
  const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
  const panel = join(dir, 'panel'); // a simulated panel, and the report written into the same folder
  const report = (...extra: string[]) => ['report', 'jobcoach', '--months', join(panel, 'months.csv'), '--persons', join(panel, 'persons.csv'), '--out', panel, ...extra];
  const listed = async () => (await readManifest(panel))?.files.map((f) => f.path) ?? [];

  it('simulate: a folder of other data is never written over; a panel larger than the disk is refused before writing (filled the disk before)', async () => {
    writeFileSync(join(out, 'persons.csv'), 'person_id,sex\nP1,f\n');
    await expectRefusal(['simulate', 'jobcoach', '--n', '20', '--out', out, ...q], /persons\.csv: exists and is not a synthetic panel .*; loopbaan never writes over other files/);
    expect(readFileSync(join(out, 'persons.csv'), 'utf8')).toBe('person_id,sex\nP1,f\n');
    await expectRefusal(['simulate', 'jobcoach', '--n', '1e13', '--out', join(out, 'huge'), ...q], /the synthetic panel of 10000000000000 persons needs about [\d.]+ GiB on disk, but .* has [\d.]+ GiB free/);
    expect(readdirSync(join(out, 'huge'))).toEqual([]);
  });

  it('a report whose --out folder holds its input files keeps them and the user\'s files, over two runs (the clean-up deleted them before)', async () => {
    await expectSuccess(['simulate', 'jobcoach', '--n', '120', '--seed', '3', '--out', panel, ...q]);
    writeFileSync(join(panel, 'notes.txt'), 'mine');
    const mine = ['persons.csv', 'months.csv', 'notes.txt'];
    const before = fileHashes(panel, mine);
    await expectSuccess(report(...q));
    expect(fileHashes(panel, mine)).toEqual(before);
    expect(await listed()).toEqual(expect.arrayContaining(['index.html', 'results.json']));
    expect(await listed()).not.toEqual(expect.arrayContaining(['persons.csv']));
    await expectSuccess(report('--lang', 'nl', ...q));
    expect(fileHashes(panel, mine)).toEqual(before);
    expect(readFileSync(join(panel, 'index.html'), 'utf8')).toMatch(/<html lang="nl"/);
    expect(await listed()).not.toEqual(expect.arrayContaining(mine));
  });

  it.skipIf(!built)('an interrupted report (SIGINT while drawing figures) leaves the earlier complete report and no staging folder', async () => {
    const before = treeHashes(panel);
    const r = await interrupt([bin, ...report('--lang', 'en')], /^figure /m);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 130, signal: null });
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(treeHashes(panel)).toEqual(before);
    expect(readdirSync(panel).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it.skipIf(!built)('an interrupted simulate (SIGINT) leaves the earlier panel and no temporary file (a half months.csv before)', async () => {
    const sim = join(dir, 'sim');
    await expectSuccess(['simulate', 'jobcoach', '--n', '20', '--out', sim, ...q]);
    const before = treeHashes(sim);
    const r = await interrupt([bin, 'simulate', 'jobcoach', '--n', '1000000', '--out', sim], /^simulate: /m);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 130, signal: null });
    expect(treeHashes(sim)).toEqual(before);
    expect(readdirSync(sim).sort()).toEqual(['months.csv', 'persons.csv']);
  });
});

/** SHA-256 of the named files of a folder. */
function fileHashes(folder: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]));
}

/** SHA-256 of every file under a folder, by relative path. */
function treeHashes(folder: string): Record<string, string> {
  const files = (readdirSync(folder, { recursive: true }) as string[]).filter((f) => statSync(join(folder, f)).isFile());
  return fileHashes(folder, files.sort());
}

/** Run the CLI as a process and send it SIGINT once its stderr matches `when`. */
function interrupt(args: string[], when: RegExp): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (!when.test(stderr) && when.test(stderr + chunk)) child.kill('SIGINT');
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

describe('the corpus', () => {
  it('is small', () => {
    const bytes = readdirSync(corpus).reduce((sum, f) => sum + statSync(join(corpus, f)).size, 0);
    expect(bytes).toBeLessThan(32 * 2 ** 20);
  });
});
