import { describe, expect, it } from 'vitest';
import { readWide, MISSING, VOID } from '../../src/index.js';
import { fixturePath, hasFixtures, loadMvad, MVAD_STATES } from '../helpers/fixtures.js';
import { tmpFiles } from './helpers.js';

describe.skipIf(!hasFixtures)('readWide on mvad', () => {
  it('gives exactly the codes of loadMvad()', async () => {
    const ref = loadMvad();
    const { sequences, report } = await readWide(fixturePath('mvad.csv'), { cols: 'Sep.93..Jun.99', id: 'id' });
    expect(sequences.alphabet.codes).toEqual(MVAD_STATES);
    expect(sequences.n).toBe(ref.n);
    expect(sequences.t).toBe(ref.t);
    expect(sequences.timeLabels).toEqual(ref.timeLabels);
    expect(sequences.ids).toEqual(ref.ids);
    expect(Array.from(sequences.lengths)).toEqual(Array.from(ref.lengths));
    expect(Buffer.from(sequences.codes).equals(Buffer.from(ref.codes))).toBe(true);
    expect(report.rejected).toEqual({});
    expect(report.persons).toBe(712);
    // Non-sequence columns become covariates; weights only when asked for.
    expect(sequences.covariates.columnNames()).toContain('male');
    expect(sequences.covariates.columnNames()).toContain('Jul.93');
    expect(sequences.weights[0]).toBe(1);
  });

  it('reads the weight column when named', async () => {
    const { sequences } = await readWide(fixturePath('mvad.csv'), { cols: 'Sep.93..Jun.99', id: 'id', weight: 'weight' });
    expect(sequences.weights[0]).toBeCloseTo(0.33, 12);
    expect(sequences.covariates.array('weight')[0]).toBeCloseTo(0.33, 12);
  });
});

describe('readWide', () => {
  it('treats empty, NA and * as missing; trailing missing ends the sequence', async () => {
    const files = tmpFiles({
      'w.csv': 'id,sex,m1,m2,m3,m4\n' + 'a,f,x,,y,NA\n' + 'b,m,*,y,y,y\n' + 'c,f,NA,NA,NA,NA\n',
    });
    const { sequences, report } = await readWide(files.path('w.csv'), { cols: 'm1..m4' });
    expect(sequences.alphabet.codes).toEqual(['x', 'y']);
    expect(Array.from(sequences.codes)).toEqual([0, MISSING, 1, VOID, MISSING, 1, 1, 1, VOID, VOID, VOID, VOID]);
    expect(Array.from(sequences.lengths)).toEqual([3, 4, 0]);
    expect(sequences.timeLabels).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(sequences.covariates.columnNames()).toEqual(['id', 'sex']);
    expect(report.missingCells).toBe(2);
    expect(report.states).toEqual([
      { state: 'x', label: 'x', cells: 1 },
      { state: 'y', label: 'y', cells: 4 },
    ]);
  });

  it('uses row numbers as ids when there is no id column', async () => {
    const files = tmpFiles({ 'w.csv': 'g,m1,m2\n1,a,b\n2,b,b\n' });
    const { sequences } = await readWide(files.path('w.csv'), { cols: 'm1..m2' });
    expect(sequences.ids).toEqual(['1', '2']);
    expect(Array.from(sequences.covariates.array('g'))).toEqual([1, 2]);
  });
});
