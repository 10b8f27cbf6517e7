// Person-month attributes on disk, read a block of persons at a time, give
// what the same attributes in memory give: every labour analysis and the
// whole study computation, with blocks of a few persons.
import { describe, expect, it } from 'vitest';
import { storeCellAttributes } from '../../src/ingest/cell-spill.js';
import { cellMeansByMonth, fixedEffectsIndex, jobEpisodes, jobLossTable, retention, ruleTypology, timeToNewJob } from '../../src/labour/index.js';
import { simulateJobcoach, JOBCOACH_ROLES as roles } from '../../src/simulate/jobcoach.js';
import { computeStudy } from '../../src/studies/compute.js';
import { builtinStudy } from '../../src/workflows/study-report.js';

const memory = simulateJobcoach({ n: 300, seed: 3 });
// about 7 persons a block (84 months x 8 bytes a person)
const disk = storeCellAttributes(memory, { blockBytes: 5000 });
const work = { roles, employer: 'employer_id', by: 'benefit' };

describe('attributes on disk, in blocks of persons', () => {
  it('give the same labour tables', () => {
    const both = <T>(f: (s: typeof memory) => T) => expect(f(disk)).toEqual(f(memory));
    both((s) => jobEpisodes(s, work));
    both((s) => jobLossTable(s, { ...work, window: 36 }));
    both((s) => timeToNewJob(s, { ...work, at: [0, 6, 12] }));
    both((s) => retention(s, { ...work, horizon: 12 }));
    both((s) => ruleTypology(s, { ...work, to: 36, permanent: 'permanent' }));
    both((s) => cellMeansByMonth(s, { attribute: 'hourly_wage', states: roles.paid, by: 'benefit', months: [0, 12, 36] }));
    both((s) => fixedEffectsIndex(s, { outcome: 'hourly_wage', states: roles.paid, bins: [0, 6, 12, 24, 36] }));
    both((s) => fixedEffectsIndex(s, { outcome: 'hours_week', roles, scale: 'log', se: 'classical' }));
  });

  it('give the same study results', async () => {
    const study = await builtinStudy('jobcoach');
    const [a, b] = [await computeStudy(memory, study, { threads: 1 }), await computeStudy(disk, study, { threads: 1 })];
    expect(b.results).toEqual(a.results);
  });
});
