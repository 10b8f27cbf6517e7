import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as loopbaan from '../src/index.js';

const src = join(import.meta.dirname, '..', 'src');

describe('the package entry (src/index.ts)', () => {
  it('re-exports by name only: no `export *` in any index file', () => {
    const indexes = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.ts'));
    expect(indexes.length).toBeGreaterThan(10);
    for (const f of indexes) expect({ f, star: /export \*/.test(readFileSync(join(src, f), 'utf8')) }).toEqual({ f, star: false });
  });

  it('exports every layer\'s main functions', () => {
    for (const name of ['createSequences', 'loadPanel', 'distances', 'hclust', 'clara', 'discrepancyAssociation', 'jobLossTable', 'controlTables', 'caseWeights', 'studyReport', 'renderReport', 'tr', 'OptionsError']) {
      expect(typeof (loopbaan as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
