// Shared helpers of the explain tests: mvad's OM/TRATE distances as the
// references of ../shared/fixtures/traminer2 computed them.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createSequences, discrepancyTree, distances, distinctDistances, makeAlphabet, type DiscrepancyTree, type StateSequences } from '../../src/index.js';
import { fixture2Path, loadMvad } from '../helpers/fixtures.js';

export { hasFixtures2, readFixture2Rows } from '../helpers/fixtures.js';

/** A second-set fixture as text. */
export function readFixture2(name: string): string {
  return readFileSync(fixture2Path(name), 'utf8');
}

/** mvad and its OM distances (TRATE costs, indel 1) over the distinct sequences, as the references use. */
export async function mvadOm(): Promise<{ seqs: StateSequences; diss: Awaited<ReturnType<typeof distinctDistances>> }> {
  const seqs = loadMvad();
  const diss = await distinctDistances(seqs, { method: 'OM', sm: 'TRATE', indel: 1, threads: 1 });
  return { seqs, diss };
}

/** Relative difference |a - b| / |b| (absolute when b = 0). */
export function relativeError(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}

/** Folder of the R references made for these tests (test/fixtures-r/explain/make.R). */
export const R_DIR = new URL('../fixtures-r/explain/', import.meta.url);

/** One of those references as rows of strings, header included. */
export function readRRows(name: string): string[][] {
  return parse(readFileSync(new URL(name, R_DIR), 'utf8')) as string[][];
}

/** mvad with the extra covariates of make.R: a 5-level region and a numeric x5 (id mod 5, missing in rows 1-30). */
export function mvadExtra(seqs: StateSequences): Record<string, unknown[]> {
  const [, ...rows] = readRRows('mvad_extra_covariates.csv');
  const base = (v: string) => Array.from(seqs.covariates.array(v) as ArrayLike<unknown>);
  return {
    region: rows.map((r) => r[1]),
    x5: rows.map((r) => (r[2] === '' ? null : Number(r[2]))),
    ...Object.fromEntries(['male', 'funemp', 'gcse5eq', 'Grammar', 'fmpr'].map((v) => [v, base(v)])),
  };
}

/**
 * 15 persons over 3 months: 10 with x x x and 2 with x x y (group big), 3 with
 * y y y (group small); the tree splits them by group (Hamming distances, no test).
 */
export async function smallTree(): Promise<{ seqs: StateSequences; tree: DiscrepancyTree }> {
  const rows = [...Array(10).fill([0, 0, 0]), [0, 0, 1], [0, 0, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]] as number[][];
  const seqs = createSequences({ alphabet: makeAlphabet(['x', 'y']), codes: Uint8Array.from(rows.flat()), n: rows.length, t: 3 });
  const g = rows.map((r) => (r[0] === 1 ? 'small' : 'big'));
  const tree = await discrepancyTree(await distances(seqs, { method: 'HAM' }), { g }, { permutations: 1, maxDepth: 2, minSize: 1 });
  return { seqs, tree };
}
