import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressReporter } from '../progress.js';
import { formatMonth } from '../ingest/month.js';
import { createJobcoachGenerator, type JobcoachOptions } from './generator.js';
import { BENEFITS, DISABILITIES, JOBCOACH_STATES, REGIMES, SEXES } from './jobcoach-params.js';
import { employerId, personId, personIdWidth } from './jobcoach.js';

/** Options of `writeJobcoachPanel`. */
export interface WriteJobcoachOptions extends JobcoachOptions {
  progress?: ProgressReporter;
}

/** What `writeJobcoachPanel` wrote. */
export interface WrittenPanel {
  /** Paths of persons.csv and months.csv. */
  persons: string;
  months: string;
  /** Persons and person-month rows written (headers excluded). */
  personRows: number;
  monthRows: number;
}

/** Header of persons.csv. */
export const PERSON_COLUMNS = ['person_id', 'benefit', 'sex', 'birth_year', 'disability', 'incapacity_pct', 'regime', 'start_month', 'weight', 'true_group'] as const;
/** Header of months.csv (long format, one row per person-month). */
export const MONTH_COLUMNS = ['person_id', 'month', 'state', 'employer_id', 'hours_week', 'hourly_wage', 'permanent'] as const;

const CHUNK = 1 << 20; // characters buffered before a write

/**
 * Write the synthetic jobcoach panel as `dir/persons.csv` and `dir/months.csv`
 * (the long person-month format the ingest reads), streaming: memory stays
 * flat for any `n` (a million persons are about 55 million month rows, 2.5 GB).
 *
 * Months run from each person's `start_month` to the end month (2019-12) in
 * calendar time. Cells without a value are empty: employer_id, hours_week,
 * hourly_wage and permanent in months without work; hours_week, hourly_wage
 * and permanent in trial placements (no wage, no contract). hourly_wage has
 * two decimals (real euros). The same options give the same panel as
 * `simulateJobcoach`.
 *
 * @param dir output directory (created when missing)
 * @param options `n` (default 25,000), `seed` (default 1), `parameters`, `progress`
 * @returns the paths and row counts
 * @example
 * await writeJobcoachPanel('out/jobcoach', { n: 25_000, seed: 1 });
 * // out/jobcoach/persons.csv: person_id,benefit,sex,...
 * // out/jobcoach/months.csv:  P00001,2015-03,trial,E01234,,,
 */
export async function writeJobcoachPanel(dir: string, options: WriteJobcoachOptions = {}): Promise<WrittenPanel> {
  const gen = createJobcoachGenerator(options);
  await mkdir(dir, { recursive: true });
  const paths = { persons: join(dir, 'persons.csv'), months: join(dir, 'months.csv') };
  const personsOut = createWriteStream(paths.persons);
  const monthsOut = createWriteStream(paths.months);
  const failed = new Promise<never>((_, reject) => {
    personsOut.on('error', reject);
    monthsOut.on('error', reject);
  });
  failed.catch(() => {}); // observed below through Promise.race

  const width = personIdWidth(gen.n);
  const employers = Array.from({ length: gen.employers }, (_, e) => employerId(e + 1, gen.employers));
  const monthLabels = Array.from({ length: gen.maxLength }, (_, j) => formatMonth(gen.firstStart + j));
  let personText = PERSON_COLUMNS.join(',') + '\n';
  let monthText = MONTH_COLUMNS.join(',') + '\n';
  let monthRows = 0;

  for (let i = 0; i < gen.n; i++) {
    const p = gen.next();
    const id = personId(i, width);
    personText += `${id},${BENEFITS[p.benefit]},${SEXES[p.sex]},${p.birthYear},${DISABILITIES[p.disability]},${p.incapacity},${REGIMES[p.regime]},${monthLabels[p.start - gen.firstStart]},${p.weight},${p.group}\n`;
    const offset = p.start - gen.firstStart;
    for (let j = 0; j < p.length; j++) {
      const prefix = `${id},${monthLabels[offset + j]},${JOBCOACH_STATES[p.state[j]]},`;
      const e = p.employer[j];
      if (p.permanent[j] < 0) monthText += e > 0 ? `${prefix}${employers[e - 1]},,,\n` : `${prefix},,,\n`;
      else monthText += `${prefix}${employers[e - 1]},${p.hours[j]},${euros(p.wageCents[j])},${p.permanent[j]}\n`;
    }
    monthRows += p.length;
    if (monthText.length >= CHUNK) {
      await Promise.race([write(monthsOut, monthText), failed]);
      monthText = '';
    }
    if (personText.length >= CHUNK) {
      await Promise.race([write(personsOut, personText), failed]);
      personText = '';
    }
    if (options.progress && (i % 10_000 === 9_999 || i === gen.n - 1)) options.progress('simulate', i + 1, gen.n);
  }
  await Promise.race([write(monthsOut, monthText), failed]);
  await Promise.race([write(personsOut, personText), failed]);
  await Promise.race([Promise.all([close(personsOut), close(monthsOut)]), failed]);
  return { ...paths, personRows: gen.n, monthRows };
}

/** Cents as euros with two decimals (`668` -> `6.68`), without float formatting. */
function euros(cents: number): string {
  const c = cents % 100;
  return `${(cents - c) / 100}.${c < 10 ? '0' : ''}${c}`;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (text.length > 0 && !out.write(text)) await once(out, 'drain');
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}
