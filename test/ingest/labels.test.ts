import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, joinLabels } from '../../src/index.js';
import { panel } from '../labour/panel.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopbaan-labels-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('joinLabels', () => {
  const seqs = panel([{ states: 'WW' }, { states: 'NN' }, { states: 'TW' }]); // ids p1, p2, p3

  it('adds every column but the id as covariates, in the panel order; persons without a row get empty labels', async () => {
    const file = join(dir, 'labels.csv');
    await writeFile(file, 'id,cluster,k3\np3,2,c\np1,1,a\n');
    const joined = await joinLabels(seqs, file);
    expect(joined).toMatchObject({ columns: ['cluster', 'k3'], rows: 2, unlabelled: 1 });
    expect(Array.from(joined.sequences.covariates.array('cluster') as ArrayLike<unknown>)).toEqual([1, null, 2]);
    expect(Array.from(joined.sequences.covariates.array('k3') as ArrayLike<unknown>)).toEqual(['a', null, 'c']);
  });

  it('refuses ids that are not in the panel and columns the panel already has, naming line and column', async () => {
    const unknown = join(dir, 'unknown.csv');
    await writeFile(unknown, 'id,cluster\np1,1\np9,2\n');
    await expect(joinLabels(seqs, unknown)).rejects.toThrow(InputError);
    await expect(joinLabels(seqs, unknown)).rejects.toThrow(/unknown\.csv, line 3, column id: person "p9" is not in the panel/);
    const clash = join(dir, 'clash.csv');
    await writeFile(clash, 'person,id\np1,x\n');
    await expect(joinLabels(seqs, clash, { id: 'person' })).rejects.toThrow(/clash\.csv, line 1, column id: "id" is already a covariate/);
  });
});
