// Shared helpers of the explain tests: the second set of TraMineR references
// (../shared/fixtures/traminer2) and mvad's OM/TRATE distances as R computed them.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { distinctDistances, type StateSequences } from '../../src/index.js';
import { FIXTURE_DIR, hasFixtures, loadMvad } from '../helpers/fixtures.js';

/** Folder of the second set of TraMineR references. */
export const FIXTURE2_DIR = resolve(FIXTURE_DIR, '../traminer2');

/** True when both fixture sets are present. */
export const hasFixtures2 = hasFixtures && existsSync(resolve(FIXTURE2_DIR, 'mvad_dissassoc.csv'));

if (!hasFixtures2) console.warn(`explain parity tests skipped: fixtures not found at ${FIXTURE2_DIR}`);

/** A traminer2 fixture as text. */
export function readFixture2(name: string): string {
  return readFileSync(resolve(FIXTURE2_DIR, name), 'utf8');
}

/** A traminer2 CSV fixture as rows of strings, header included. */
export function readFixture2Rows(name: string): string[][] {
  return parse(readFixture2(name)) as string[][];
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
