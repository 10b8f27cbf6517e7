import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkStudyFile, parseStudyFile } from '../../src/studies/validate.js';

const minimal = { title: 'Careers', states: [{ code: 'emp', role: 'paid' }, { code: 'unemp', role: 'none' }] };
const problem = (value: unknown) => {
  try {
    checkStudyFile(value, 'study.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  return 'valid';
};

describe('study files', () => {
  it('accept a minimal study and a full one', () => {
    expect(checkStudyFile(minimal).title).toBe('Careers');
    const full = {
      ...minimal, lang: 'nl', source: { en: 'register', nl: 'register' }, time: { align: 'start', startColumn: 'start', window: 24 },
      groupBy: 'region', covariates: ['sex', { name: 'age', kind: 'numeric' }, { name: 'regime', within: { benefit: 'Wajong' }, levels: ['a'] }],
      distance: { method: 'OM', sm: 'TRATE', indel: 'auto' }, clusters: { k: 4, range: [2, 8], algorithm: 'auto' },
      analyses: ['stateShares', 'profiles'], disclosure: { minCell: 10 },
      discrepancy: { covariates: ['sex', 'age'], permutations: 1000, seed: 1 },
      tree: { covariates: ['sex'], maxDepth: 3, minSize: 0.05, permutations: 1000, pval: 0.05, seed: 2 },
      notes: { discrepancy: 'a note', tree: { en: 'a note' } },
      published: { figures: [{ key: 'a', label: 'A', path: 'n_persons', value: 1 }] },
    };
    expect(problem(full)).toBe('valid');
  });

  it('name the key and what was expected', () => {
    expect(problem({ ...minimal, clusters: { kk: 4 } })).toBe(
      'study.json: key clusters.kk: unknown key; expected one of k, range, algorithm, aggregate, refine, truth, personLabels, names',
    );
    expect(problem({ ...minimal, colour: 'red' })).toMatch(/^study\.json: key colour: unknown key; expected one of title, source, lang, states, /);
    expect(problem({ states: minimal.states })).toBe('study.json: key title: missing; it is required');
    expect(problem({ ...minimal, states: [{ code: 'emp', role: 'job' }, { code: 'x' }] })).toBe(
      'study.json: key states[0].role: expected one of "paid", "unpaid", "sheltered", "none", "exit", "other"; got "job"',
    );
    expect(problem({ ...minimal, clusters: { k: 'four' } })).toBe('study.json: key clusters.k: expected an integer; got "four"');
    expect(problem({ ...minimal, title: 5 })).toBe('study.json: key title: expected a text ("..." or {"en": "...", "nl": "..."}); got 5');
    expect(problem({ ...minimal, analyses: ['jobLoss', 'typology'] })).toMatch(/^study\.json: key analyses\[1\]: expected one of "stateShares", /);
  });

  it('name the key of a bad discrepancy or tree option', () => {
    expect(problem({ ...minimal, discrepancy: {} })).toBe('valid');
    expect(problem({ ...minimal, discrepancy: { covariate: ['sex'] } })).toBe(
      'study.json: key discrepancy.covariate: unknown key; expected one of covariates, permutations, seed',
    );
    expect(problem({ ...minimal, discrepancy: { permutations: 'many' } })).toBe('study.json: key discrepancy.permutations: expected an integer; got "many"');
    expect(problem({ ...minimal, discrepancy: { permutations: 0 } })).toBe('study.json: key discrepancy.permutations: must be >= 1; got 0');
    expect(problem({ ...minimal, discrepancy: { covariates: [] } })).toBe('study.json: key discrepancy.covariates: must NOT have fewer than 1 items; got []');
    expect(problem({ ...minimal, tree: { maxDepth: 0 } })).toBe('study.json: key tree.maxDepth: must be >= 1; got 0');
    expect(problem({ ...minimal, tree: { pval: 2 } })).toBe('study.json: key tree.pval: must be <= 1; got 2');
    expect(problem({ ...minimal, tree: { minSize: -1 } })).toBe('study.json: key tree.minSize: must be > 0; got -1');
    expect(problem({ ...minimal, tree: { covariates: ['a', 5] } })).toBe('study.json: key tree.covariates[1]: expected a string; got 5');
    expect(problem({ ...minimal, tree: { depth: 3 } })).toBe(
      'study.json: key tree.depth: unknown key; expected one of covariates, maxDepth, minSize, permutations, pval, seed',
    );
    for (const message of [problem({ ...minimal, tree: { pval: 2 } }), problem({ ...minimal, discrepancy: { seed: 1.5 } })]) expect(message.split('\n')).toHaveLength(1);
  });

  it('say where a file is not JSON', () => {
    expect(() => parseStudyFile('{\n  "title": "x",\n  oops\n}', 'bad.json')).toThrow(/^bad\.json, line 3: not valid JSON/);
  });
});
