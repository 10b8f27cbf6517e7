import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixturePath, hasFixtures } from '../helpers/fixtures.js';
import { captureOutput } from '../helpers/cli.js';

// `report jobcoach` and `report mvad`, now built-in study files on the generic
// report, give the numbers they gave before (test/snapshots/README.md says how
// the snapshots were made). The results.json of a study file keeps the keys of
// the jobcoach report; the cluster profiles moved under `profiles`, the series
// per group to `index_numbers_by_group`, and a few keys were added (among
// them `discrepancy` and `tree`, null unless the study file asks). These
// functions map the new keys back onto the old ones.

type Json = Record<string, unknown>;
const snapshot = (name: string) => JSON.parse(readFileSync(new URL(`../snapshots/${name}`, import.meta.url), 'utf8')) as Json;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-snapshots-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function report(args: string[], out: string): Promise<Json> {
  captureOutput(process.stdout);
  captureOutput(process.stderr);
  expect(await main(['report', ...args, '--out', join(dir, out), '--quiet', '--threads', '1'])).toBe(0);
  return JSON.parse(await readFile(join(dir, out, 'results.json'), 'utf8')) as Json;
}

/** The ingest report's file names without their folders (they depend on the output folder). */
function shortFiles(r: Json, keep: (file: string) => string): void {
  const ingest = r.ingest as { files: { file: string }[] } | null;
  for (const f of ingest?.files ?? []) f.file = keep(f.file);
}

/** The jobcoach report's results.json of before, from a study report's. */
function asJobcoachBefore(r: Json): Json {
  const { profiles, index_numbers_by_group, analyses, discrepancy, tree, ...rest } = r as Json & { profiles: { categorical: Record<string, Json>; numeric: Json } };
  void analyses;
  expect([discrepancy, tree]).toEqual([null, null]); // studies/jobcoach.json does not ask for them
  const { regime, ...categorical } = profiles.categorical;
  const drop = (x: Json) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'within'));
  const clusters = rest.clusters as Json & { groups: Json[] };
  const { algorithm, quality_sample, ...clusterRest } = clusters;
  void algorithm;
  void quality_sample;
  return {
    ...rest,
    study: 'jobcoach',
    clusters: { ...clusterRest, groups: clusters.groups.map(({ medoid_id, mean_time, ...g }) => (void medoid_id, void mean_time, g)) },
    regime_by_cluster: regime.by_cluster,
    regime_test: regime.test,
    group_profiles: { categorical: Object.fromEntries(Object.entries(categorical).map(([k, v]) => [k, drop(v)])), numeric: profiles.numeric },
    index_numbers_by_benefit: index_numbers_by_group,
  };
}

/** The mvad report's results.json of before, from a study report's. */
function asMvadBefore(r: Json): Json {
  const clusters = r.clusters as { k: number; method: string; groups: Json[] };
  const ids = (r.labels as { id: string }[]).map((l) => l.id);
  return {
    study: 'mvad',
    n_persons: r.n_persons,
    k: clusters.k,
    method: clusters.method,
    clusters: clusters.groups.map((g) => ({
      id: g.id, n: g.n, share: g.share_total, medoid_row: ids.indexOf(g.medoid_id as string), medoid_id: g.medoid_id, mean_time: g.mean_time,
    })),
    labels: r.labels,
    cluster_quality: r.cluster_quality,
    best_k: r.best_k,
    ingest: r.ingest,
  };
}

/** Rounded as results.json rounds (6 decimals), for values the snapshot kept at full precision. */
function rounded(x: unknown): unknown {
  if (typeof x === 'number') return Math.round(x * 1e6) / 1e6;
  if (Array.isArray(x)) return x.map(rounded);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, rounded(v)]));
  return x;
}

describe('report jobcoach (synthetic panel, n = 600, seed 1)', () => {
  it('gives the numbers of the snapshot', async () => {
    const r = await report(['jobcoach', '--n', '600', '--seed', '1'], 'jobcoach');
    const source = r.source as Json;
    delete source.persons;
    delete source.months;
    shortFiles(r, (f) => `data/${basename(f)}`);
    expect(asJobcoachBefore(r)).toEqual(snapshot('report-jobcoach-n600-seed1.json'));
  }, 60_000);
});

describe.skipIf(!hasFixtures)('report mvad', () => {
  it('gives the numbers of the snapshot', async () => {
    // the snapshot predates the discrepancy analysis and tree: no permutation tests needed here
    const r = await report(['mvad', '--input', fixturePath('mvad.csv'), '--permutations', '1'], 'mvad');
    shortFiles(r, basename);
    // the medoid's spell text now follows one rule for every study (spells of 2 months and more); the snapshot's came from describeClusters
    const before = snapshot('report-mvad.json') as { clusters: Json[] };
    for (const c of before.clusters) delete c.medoid;
    expect(rounded(asMvadBefore(r))).toEqual(rounded(before));
  }, 60_000);
});
