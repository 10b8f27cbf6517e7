// CLARA's assignment on its own (assignToMedoidSequences, loopbaan cluster --assign),
// and the partitioned path: a panel split into Parquet parts by person hash,
// each part assigned in its own process, gives the labels of one CLARA run
// on the whole panel.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignToMedoidSequences } from '../../src/cluster/assign.js';
import { DuckDb, sqlString } from '../../src/ingest/duckdb/engine.js';
import { createSequences, makeAlphabet } from '../../src/sequences/index.js';
import { writeJobcoachPanel } from '../../src/simulate/write.js';
import { scratchDir } from '../output/helpers.js';

const alphabet = makeAlphabet(['a', 'b', 'c']);
const sequences = (rows: number[][]) => createSequences({ alphabet, n: rows.length, t: rows[0].length, codes: Uint8Array.from(rows.flat()) });

describe('assignToMedoidSequences', () => {
  it('puts each sequence with its nearest medoid (Hamming distances by hand), the first medoid on ties', async () => {
    const seqs = sequences([[0, 0, 0], [0, 1, 1], [2, 2, 2], [0, 0, 2], [1, 1, 0]]);
    const medoids = sequences([[0, 0, 1], [1, 1, 1]]);
    // distances to aab and bbb: aaa 1, 3; abb 1, 1 (tie: the first); ccc 3, 3 (tie); aac 1, 3; bba 3, 1
    const { labels, distances } = await assignToMedoidSequences(seqs, medoids, { distance: { method: 'HAM' }, clusters: [7, 9] });
    expect(Array.from(labels)).toEqual([7, 7, 7, 7, 9]);
    expect(Array.from(distances)).toEqual([1, 1, 3, 1, 1]);
    await expect(assignToMedoidSequences(seqs, medoids, { distance: { method: 'HAM' }, clusters: [1] })).rejects.toThrow(/^clusters: 1 cluster numbers for 2 medoids/);
  });
});

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/loopbaan.js');
const built = existsSync(resolve(dirname(bin), '../dist/cli/main.js'));
if (!built) console.warn('test/cluster/assign.test.ts: the partitioned path is skipped: dist/ is not built (npm ci builds it)');

/** id -> cluster of a labels file. */
const labelsOf = (file: string) => new Map(readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',') as [string, string]));

/** Run loopbaan in its own process; resolves with the exit code and stderr. */
function loopbaan(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe.skipIf(!built)('the partitioned path', () => {
  it('CLARA on the whole panel, then its assignment on three Parquet parts in three processes: the same labels', async () => {
    const dir = scratchDir();
    const panel = await writeJobcoachPanel(join(dir, 'panel'), { n: 1200, seed: 2, format: 'parquet' });
    const input = ['--align', 'start:start_month', '--states', 'trial,work_jc,work,none', '--method', 'OM', '--quiet'];
    const whole = spawnSync(process.execPath, [
      bin, 'cluster', '--input', panel.months, '--persons', panel.persons, ...input, '--sm', 'TRATE', '--algo', 'clara', '--k', '4',
      '--out', join(dir, 'labels.csv'), '--medoids', join(dir, 'medoids.csv'), '--costs', join(dir, 'costs.csv'),
    ], { encoding: 'utf8' });
    expect(whole.stderr).toBe('');
    // the costs come from the data: the output check sees them as microdata
    expect(readFileSync(join(dir, 'labels.disclosure.csv'), 'utf8')).toMatch(/^costs,\*,count,1200,microdata$/m);
    // parts by a hash of the person id, persons and months alike
    const parts = [0, 1, 2];
    const db = await DuckDb.open();
    try {
      for (const p of parts) {
        for (const [file, name] of [[panel.months, 'months'], [panel.persons, 'persons']]) {
          await db.run(`COPY (SELECT * FROM read_parquet(${sqlString(file)}) WHERE hash(person_id) % 3 = ${p}) TO ${sqlString(join(dir, `${name}-${p}.parquet`))} (FORMAT parquet)`);
        }
      }
    } finally {
      db.close();
    }
    const runs = await Promise.all(parts.map((p) => loopbaan([
      'cluster', '--input', join(dir, `months-${p}.parquet`), '--persons', join(dir, `persons-${p}.parquet`), ...input,
      '--sm', join(dir, 'costs.csv'), '--assign', join(dir, 'medoids.csv'), '--out', join(dir, `labels-${p}.csv`),
    ])));
    expect(runs).toEqual(parts.map(() => ({ code: 0, stderr: '' })));
    const combined = new Map(parts.flatMap((p) => [...labelsOf(join(dir, `labels-${p}.csv`))]));
    const single = labelsOf(join(dir, 'labels.csv'));
    expect(combined.size).toBe(1200);
    expect(Math.min(...parts.map((p) => labelsOf(join(dir, `labels-${p}.csv`)).size))).toBeGreaterThan(300);
    expect(new Map([...combined].sort())).toEqual(new Map([...single].sort()));
  });
});
