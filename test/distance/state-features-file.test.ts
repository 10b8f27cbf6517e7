// Reading the features of the states from CSV.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError, readStateFeatures } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'loopbaan-features-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readStateFeatures', () => {
  test('numbers make interval features, text nominal ones; empty and NA are unknown', () => {
    const f = readStateFeatures(file('ok.csv', 'state,paid,hours,contract\nemployment,1,38,permanent\ntraining,0,,NA\n'));
    expect(f.states).toEqual(['employment', 'training']);
    expect(f.features.map((x) => x.name)).toEqual(['paid', 'hours', 'contract']);
    expect(f.features[1].values).toEqual([38, null]);
    expect(f.features[2].values).toEqual(['permanent', null]);
  });

  test('ragged rows, repeated states and empty tables name the line', () => {
    expect(() => readStateFeatures(file('ragged.csv', 'state,a\nx,1\ny\n'))).toThrow(/line 3/);
    expect(() => readStateFeatures(file('twice.csv', 'state,a\nx,1\nx,2\n'))).toThrow(/line 3, column 1: state "x" appears twice/);
    expect(() => readStateFeatures(file('empty.csv', 'state\n'))).toThrow(InputError);
  });
});
