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

  it('say where a file is not JSON', () => {
    expect(() => parseStudyFile('{\n  "title": "x",\n  oops\n}', 'bad.json')).toThrow(/^bad\.json, line 3: not valid JSON/);
  });
});
