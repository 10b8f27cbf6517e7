// Access to the TraMineR reference outputs in ../shared/fixtures/traminer.
// They are never copied into the project: suites that need them skip when absent.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import * as aq from 'arquero';
import { createSequences, makeAlphabet, MISSING, VOID, type StateSequences } from '../../src/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Folder of the TraMineR fixtures. */
export const FIXTURE_DIR = resolve(repoRoot, '../shared/fixtures/traminer');

/** True when the fixtures are present; suites use `describe.skipIf(!hasFixtures)`. */
export const hasFixtures = existsSync(resolve(FIXTURE_DIR, 'mvad.csv'));

if (!hasFixtures) {
  console.warn(`TraMineR parity tests skipped: fixtures not found at ${FIXTURE_DIR}`);
}

/** Absolute path of one fixture file. */
export function fixturePath(name: string): string {
  return resolve(FIXTURE_DIR, name);
}

/** Folder of the second set of TraMineR fixtures (issue 17: more methods, costs, indicators). */
export const FIXTURE2_DIR = resolve(repoRoot, '../shared/fixtures/traminer2');

/** True when the second set is present; suites use `describe.skipIf(!hasFixtures2)`. */
export const hasFixtures2 = hasFixtures && existsSync(resolve(FIXTURE2_DIR, 'README.md'));

if (hasFixtures && !hasFixtures2) {
  console.warn(`TraMineR parity tests of the second set skipped: fixtures not found at ${FIXTURE2_DIR}`);
}

/** Absolute path of one file of the second set. */
export function fixture2Path(name: string): string {
  return resolve(FIXTURE2_DIR, name);
}

/** A CSV of the second set as rows of strings (gunzipped when the name ends in .gz). */
export function readFixture2Rows(name: string): string[][] {
  const bytes = readFileSync(fixture2Path(name));
  const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return parse(text, { relax_column_count: false }) as string[][];
}

/** A headerless numeric matrix of the second set (the first 200 rows of a 712 x 712 matrix). */
export function readMatrix2(name: string): number[][] {
  return readFixture2Rows(name).map((row) => row.map(Number));
}

/** A fixture CSV as rows of strings (header row included). */
export function readFixtureRows(name: string): string[][] {
  return parse(readFileSync(fixturePath(name), 'utf8'), { relax_column_count: false }) as string[][];
}

/** A headerless numeric matrix fixture (e.g. the 712 x 712 distances). */
export function readMatrix(name: string): number[][] {
  return readFixtureRows(name).map((row) => row.map(Number));
}

/** The mvad months every reference uses: Sep.93 .. Jun.99 (70 months). */
export const MVAD_FIRST = 'Sep.93';
export const MVAD_LAST = 'Jun.99';
/** The mvad alphabet in TraMineR's (alphabetical) order. */
export const MVAD_STATES = ['employment', 'FE', 'HE', 'joblessness', 'school', 'training'];

/**
 * mvad as TraMineR's references define it: 70 months, unweighted, alphabetical states.
 * A minimal reader independent of src/ingest, so parity suites test one thing each.
 */
export function loadMvad(): StateSequences {
  const [header, ...rows] = readFixtureRows('mvad.csv');
  const from = header.indexOf(MVAD_FIRST);
  const to = header.indexOf(MVAD_LAST);
  const t = to - from + 1;
  const n = rows.length;
  const codes = new Uint8Array(n * t);
  rows.forEach((row, i) => {
    for (let j = 0; j < t; j++) codes[i * t + j] = MVAD_STATES.indexOf(row[from + j]);
  });
  const covariates = aq.table(Object.fromEntries(header.slice(0, from).map((h, c) => [h, rows.map((r) => r[c])])));
  return createSequences({
    alphabet: makeAlphabet(MVAD_STATES),
    n, t, codes,
    ids: rows.map((r) => r[0]),
    timeLabels: header.slice(from, to + 1),
    covariates,
  });
}

/**
 * A wide file of the second set (`mvad_missing.csv`, `mvad_channel_*.csv`): its
 * months Sep.93..Jun.99 as TraMineR's `seqdef` reads them (see `wideSequences`).
 */
export function loadWide2(name: string, states?: readonly string[]): StateSequences {
  return wideSequences(readFixture2Rows(name), { first: MVAD_FIRST, last: MVAD_LAST, states });
}

/**
 * Sequences from wide CSV rows (header first, ids in the first column) as
 * TraMineR's `seqdef` reads the columns first..last: `NA` before the last
 * state is missing, after it the sequence ends (right = "DEL"); states in
 * TraMineR's default order unless `states` is given; weights from the column
 * `weight` when named. A minimal reader independent of src/ingest.
 */
export function wideSequences(
  [header, ...rows]: string[][],
  options: { first: string; last: string; states?: readonly string[]; weight?: string },
): StateSequences {
  const from = header.indexOf(options.first);
  const t = header.indexOf(options.last) - from + 1;
  const seen = new Set<string>();
  for (const row of rows) for (let j = 0; j < t; j++) if (row[from + j] !== 'NA') seen.add(row[from + j]);
  const collator = new Intl.Collator('en');
  const alphabet = options.states ?? [...seen].sort((a, b) => collator.compare(a, b));
  const codes = new Uint8Array(rows.length * t).fill(VOID);
  rows.forEach((row, i) => {
    let last = t - 1;
    while (last >= 0 && row[from + last] === 'NA') last--;
    for (let j = 0; j <= last; j++) codes[i * t + j] = row[from + j] === 'NA' ? MISSING : alphabet.indexOf(row[from + j]);
  });
  const w = options.weight === undefined ? -1 : header.indexOf(options.weight);
  return createSequences({
    alphabet: makeAlphabet(alphabet),
    n: rows.length, t, codes,
    ids: rows.map((r) => r[0]),
    weights: w < 0 ? undefined : Float64Array.from(rows, (r) => Number(r[w])),
    timeLabels: header.slice(from, from + t),
  });
}
