import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../../src/index.js';

// A study that is neither jobcoach nor mvad, for the generic-study tests:
// calendar months 2018-01..2021-12, states employed / unemployed / education /
// inactive, no benefit column, covariates gender, region and age, employers
// and wages per month.

const STATES = ['employed', 'unemployed', 'education', 'inactive'] as const;
const MONTHS = Array.from({ length: 48 }, (_, j) => `${2018 + Math.floor(j / 12)}-${String((j % 12) + 1).padStart(2, '0')}`);

/** 400 persons in four patterns: school then work, steady work, switching, mostly inactive; some leave the panel early. */
export async function writePanel(dir: string): Promise<{ persons: string; months: string }> {
  const rnd = seededRandom(13);
  const persons = ['person_id,gender,region,age'];
  const months = ['person_id,month,state,employer,wage'];
  for (let i = 0; i < 400; i++) {
    const id = `R${String(i + 1).padStart(4, '0')}`;
    const pattern = i % 4;
    const region = ['north', 'south', 'east'][Math.floor(rnd() * 3)];
    persons.push(`${id},${rnd() < 0.5 ? 'f' : 'm'},${region},${pattern === 0 ? 18 + Math.floor(rnd() * 4) : 25 + Math.floor(rnd() * 30)}`);
    const end = rnd() < 0.2 ? 30 + Math.floor(rnd() * 18) : 48;
    const school = 6 + Math.floor(rnd() * 18);
    let employer = 1 + Math.floor(rnd() * 50);
    let state: string = STATES[0];
    for (let j = 0; j < end; j++) {
      if (pattern === 0) state = j < school ? 'education' : rnd() < 0.05 ? 'unemployed' : 'employed';
      else if (pattern === 1) state = rnd() < 0.03 ? 'unemployed' : 'employed';
      else if (pattern === 2) state = rnd() < 0.25 ? (state === 'employed' ? 'unemployed' : 'employed') : state;
      else state = rnd() < 0.85 ? 'inactive' : 'unemployed';
      if (state === 'unemployed' && rnd() < 0.5) employer = 1 + Math.floor(rnd() * 50);
      const working = state === 'employed';
      months.push(`${id},${MONTHS[j]},${state},${working ? `E${employer}` : ''},${working ? (12 + 0.05 * j + rnd()).toFixed(2) : ''}`);
    }
  }
  await writeFile(join(dir, 'persons.csv'), persons.join('\n') + '\n');
  await writeFile(join(dir, 'months.csv'), months.join('\n') + '\n');
  return { persons: join(dir, 'persons.csv'), months: join(dir, 'months.csv') };
}

/** The study file of the generic panel. */
export const study = {
  title: { en: 'Careers 2018-2021', nl: 'Loopbanen 2018-2021' },
  source: 'A synthetic test panel.',
  states: [
    { code: 'employed', label: { en: 'employed', nl: 'werkend' }, role: 'paid' },
    { code: 'unemployed', label: { en: 'unemployed', nl: 'werkloos' }, role: 'none' },
    { code: 'education', label: { en: 'in education', nl: 'in opleiding' }, role: 'other' },
    { code: 'inactive', label: { en: 'inactive', nl: 'inactief' }, role: 'other' },
  ],
  time: { align: 'calendar', studyMonths: 36 },
  covariates: ['gender', 'region', { name: 'age', kind: 'numeric' }],
  attributes: { employer: 'employer', outcomes: ['wage'] },
  clusters: { k: 4, range: [2, 6] },
  disclosure: { minCell: 5 },
  labels: { nl: { gender: 'geslacht', region: 'regio', age: 'leeftijd', wage: 'uurloon' } },
};
