// readCostMatrix: R's write.csv layout, TraMineR labels, any order, bare squares, located errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError, readCostMatrix } from '../../src/index.js';
import { fixturePath, hasFixtures, MVAD_STATES } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-sm-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readCostMatrix', () => {
  test('labelled rows and columns in any order, TraMineR labels', () => {
    const path = file('labelled.csv', '"","[-> B]","[-> A]"\n"[A ->]",3,0\n"[B ->]",0,3\n');
    expect(readCostMatrix(path, ['A', 'B'])).toEqual([[0, 3], [3, 0]]);
    expect(readCostMatrix(file('arrows.csv', ',A->,B->\nB->,2,0\nA->,0,2\n'), ['A', 'B'])).toEqual([[0, 2], [2, 0]]);
  });

  test('a bare square in state order', () => {
    expect(readCostMatrix(file('bare.csv', '0,1.5\n1.5,0\n'), ['A', 'B'])).toEqual([[0, 1.5], [1.5, 0]]);
  });

  test('errors name the file, line and column', () => {
    expect(() => readCostMatrix(file('size.csv', '0,1\n1,0\n'), ['A', 'B', 'C'])).toThrow(/3 x 3/);
    const bad = file('bad.csv', ',A,B\nA,0,x\nB,1,0\n');
    expect(() => readCostMatrix(bad, ['A', 'B'])).toThrow(InputError);
    expect(() => readCostMatrix(bad, ['A', 'B'])).toThrow(/line 2, column 3: "x" is not a number/);
    expect(() => readCostMatrix(file('unknown.csv', ',A,Z\nA,0,1\nZ,1,0\n'), ['A', 'B'])).toThrow(/"Z" is not a state/);
  });

  test.skipIf(!hasFixtures)('reads seqsubm output for mvad', () => {
    const sm = readCostMatrix(fixturePath('mvad_sm_trate.csv'), MVAD_STATES);
    expect(sm[0][1]).toBe(1.970077643863);
    expect(sm[5][5]).toBe(0);
  });
});
