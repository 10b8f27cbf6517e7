import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCsvFile, checkRow, MONTH_PATTERN, readDataSchema, readLongPanel, readPersons, readSpells } from '../../src/index.js';
import { fixturePath, hasFixtures } from '../helpers/fixtures.js';
import { tmpFiles } from './helpers.js';

const SCHEMA_DIR = resolve(import.meta.dirname, '../../data-schemas');

describe('data-schemas', () => {
  it('are draft 2020-12 JSON Schemas with a title and description', () => {
    const names = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    expect(names).toEqual(['months.schema.json', 'persons.schema.json', 'spells.schema.json', 'study.schema.json', 'wide.schema.json']);
    for (const name of names) {
      const schema = JSON.parse(readFileSync(resolve(SCHEMA_DIR, name), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toBeTruthy();
      expect(schema.description).toBeTruthy();
    }
  });

  it('use the month pattern of the readers', async () => {
    const months = await readDataSchema('months');
    expect(months.$defs!.month.pattern).toBe(MONTH_PATTERN.source);
  });

  it('accept good sample rows and name the fields of bad ones', async () => {
    const months = await readDataSchema('months');
    const good = [
      { person_id: 'p1', month: '2013-01', state: 'trial', employer_id: 'E1', hours_week: '24', hourly_wage: '0', permanent: '0' },
      { person_id: 'p1', month: '2013-02', state: 'none', employer_id: '', hours_week: '', hourly_wage: 'NA', permanent: '' },
      { person_id: 'p2', month: '2019-12', state: '*', extra: 'anything' },
    ];
    for (const row of good) expect(checkRow(months, row)).toEqual([]);
    expect(checkRow(months, { person_id: 'p1', month: '2013-13', state: 'work', hours_week: 'many' })).toEqual([
      'month: "2013-13" does not match ^\\d{4}-(0[1-9]|1[0-2])$',
      'hours_week: "many" does not match ^(|NA|-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?)$',
    ]);
    expect(checkRow(months, { person_id: '', month: '2013-01' })).toEqual([
      'missing required field "state"',
      'person_id: "" is shorter than 1',
      'person_id: "" does not match \\S',
    ]);

    const persons = await readDataSchema('persons');
    expect(checkRow(persons, { person_id: 'p1', benefit: 'Wajong', birth_year: '1990', start_month: '2014-03', weight: '1', true_group: '2' })).toEqual([]);
    expect(checkRow(persons, { person_id: 'p1', weight: '-1', start_month: '2014' })).toHaveLength(2);

    const spells = await readDataSchema('spells');
    expect(checkRow(spells, { person_id: 'a', start: '2013-01', end: '2013-04', state: 'work' })).toEqual([]);
    expect(checkRow(spells, { person_id: 'a', start: '2013-01', state: 'work' })).toEqual(['missing required field "end"']);

    const wide = await readDataSchema('wide');
    expect(checkRow(wide, { id: '1', weight: '0.5', '2013-01': 'work', 'Sep.93': 'school' })).toEqual([]);
    expect(checkRow(wide, { id: '1', weight: 'x' })).toEqual(['weight: "x" does not match ^[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$']);
  });

  it('agree with the readers: files that validate load, files that do not are rejected', async () => {
    const t = tmpFiles({
      'months.csv': 'person_id,month,state,hours_week\np1,2013-01,work,24\np1,2013-02,none,\n',
      'bad.csv': 'person_id,month,state\np1,2013-1,work\n',
      'persons.csv': 'person_id,start_month,weight\np1,2013-01,2\n',
      'spells.csv': 'person_id,start,end,state\np1,2013-01,2013-03,work\n',
    });
    expect(await checkCsvFile(t.path('months.csv'), 'months')).toEqual([]);
    expect(await checkCsvFile(t.path('persons.csv'), 'persons')).toEqual([]);
    expect(await checkCsvFile(t.path('spells.csv'), 'spells')).toEqual([]);
    await expect(readLongPanel(t.path('months.csv'), { persons: t.path('persons.csv'), weight: 'weight' })).resolves.toBeTruthy();
    await expect(readPersons(t.path('persons.csv'), { start: 'start_month', weight: 'weight' })).resolves.toBeTruthy();
    await expect(readSpells(t.path('spells.csv'))).resolves.toBeTruthy();
    expect(await checkCsvFile(t.path('bad.csv'), 'months')).toEqual([{ line: 2, problem: 'month: "2013-1" does not match ^\\d{4}-(0[1-9]|1[0-2])$' }]);
    await expect(readLongPanel(t.path('bad.csv'))).rejects.toThrow(/line 2, column month/);
  });

  it.skipIf(!hasFixtures)('accept the mvad wide file', async () => {
    expect(await checkCsvFile(fixturePath('mvad.csv'), 'wide')).toEqual([]);
  });
});
