import type { JobLossTable } from './jobLoss.js';
import type { IndexNumbers } from './indexNumbers.js';
import type { GroupProfiles } from './profiles.js';
import type { TimeToNewJob } from './reemployment.js';
import type { Retention } from './retention.js';
import type { CellMeans, StateShares } from './shares.js';
import type { Typology } from './typology.js';

/** Every table result of src/labour that `disclosureControl` handles. */
export type LabourTable = JobLossTable | TimeToNewJob | Retention | Typology | StateShares | CellMeans | GroupProfiles | IndexNumbers;

/** Options of `disclosureControl`. */
export interface LabourDisclosureOptions {
  /** Smallest number of persons a published cell may rest on (default 10). */
  minPersons?: number;
  /** 'suppress' (default): unsafe values become NaN (null in JSON); 'flag': values stay, cells are only marked. */
  mode?: 'suppress' | 'flag';
}

/** What disclosure control did. */
export interface DisclosureSummary {
  readonly minPersons: number;
  readonly mode: 'suppress' | 'flag';
  /** Number of cells marked unsafe. */
  readonly flaggedCells: number;
}

/**
 * Statistical disclosure control for a table result, so it can leave a
 * secure remote-access environment: every cell that rests on fewer than
 * `minPersons` persons (default 10) is marked and, in 'suppress' mode,
 * replaced by NaN (null in JSON). Empty cells (0 persons) disclose no one and
 * are kept. A cell rests on the persons it counts: the persons of a row for
 * row totals and means, the persons with that outcome for a percentage (e.g.
 * B of Table 1 rests on the persons with a direct new job), the persons in a
 * state for a state share, the persons still at risk for a survival share,
 * the persons in a bin for an index number. Person-level output (the
 * typology's assignment) is removed. Rule of thumb of the minimum-frequency
 * rule in Hundepool et al. (2012), Statistical Disclosure Control, 4.2.
 *
 * Marks: `flagged` on a row lists its unsafe fields; array results
 * (state shares, cell means, profiles, index numbers) get `flagged` arrays of
 * the same shape as their values.
 *
 * @param result a table from jobLossTable, timeToNewJob, retention, ruleTypology,
 *   stateSharesByMonth, cellMeansByMonth, groupProfiles or fixedEffectsIndex
 * @param options `minPersons` (10), `mode` ('suppress')
 * @returns a copy with unsafe cells marked (and suppressed), plus a summary
 * @example
 * const safe = disclosureControl(jobLossTable(seqs, { roles, by: 'benefit' }), { minPersons: 10 });
 * safe.groups[1].flagged;          // e.g. ['exitPct'] when fewer than 10 persons exited
 * safe.disclosure.flaggedCells;    // 1
 */
export function disclosureControl<T extends LabourTable>(result: T, options: LabourDisclosureOptions = {}): T & { readonly disclosure: DisclosureSummary } {
  const { minPersons = 10, mode = 'suppress' } = options;
  if (!(minPersons >= 1)) throw new Error(`minPersons: expected a number >= 1; got ${minPersons}.`);
  const copy = structuredClone(result) as LabourTable;
  const unsafe = (persons: number) => persons > 0 && persons < minPersons;
  let flaggedCells = 0;
  const suppress = mode === 'suppress';

  /** Mark the fields of a row whose person count is unsafe; a row resting on too few persons is unsafe throughout. */
  const row = (r: object, persons: number, cells: [string, number][], totals: string[]) => {
    const fields = r as Record<string, unknown>;
    const flagged: string[] = [];
    const whole = unsafe(persons);
    for (const [field, n] of cells) if (whole || unsafe(n)) flagged.push(field);
    if (whole) flagged.push(...totals);
    for (const f of flagged) if (suppress) fields[f] = NaN;
    flaggedCells += flagged.length;
    fields.flagged = flagged;
  };
  /** Mark entries of `values` whose count is unsafe; returns the flags. */
  const cells = (values: number[], counts: number[], extra?: (k: number) => boolean): boolean[] =>
    values.map((_, k) => {
      const bad = unsafe(counts[k]) || (extra?.(k) ?? false);
      if (bad) {
        flaggedCells++;
        if (suppress) values[k] = NaN;
      }
      return bad;
    });

  switch (copy.kind) {
    case 'jobLoss':
      for (const r of [...copy.groups, copy.total]) {
        row(r, r.persons, [
          ['endingsPerPerson', r.personsWithEnding],
          ['directPct', r.personsDirect],
          ['afterGapPct', r.personsAfterGap],
          ['gapMonthsMean', r.personsAfterGap],
          ['noNewJobPct', r.personsNoNewJob],
          ['exitPct', r.personsExit],
        ], ['persons', 'personsWeighted', 'exposureMonths', 'endings', 'endingsWeighted']);
      }
      break;
    case 'timeToNewJob':
      for (const g of [...copy.groups, copy.total]) {
        for (const s of g.shares) {
          row(s, g.persons, [
            ['newJob', s.personsAtRisk], ['lower', s.personsAtRisk], ['upper', s.personsAtRisk], ['exit', s.personsAtRisk],
          ], []);
        }
        if (suppress) {
          // curve points resting on fewer than minPersons endings at risk
          const km = g.kaplanMeier;
          km.atRiskCount.forEach((n, j) => {
            if (!unsafe(n)) return;
            km.survival[j] = km.se[j] = km.lower[j] = km.upper[j] = NaN;
            if (g.incidence) {
              for (const a of [g.incidence.incidence, g.incidence.se, g.incidence.lower, g.incidence.upper]) for (const c of a) c[j] = NaN;
              g.incidence.survival[j] = NaN;
            }
          });
        }
      }
      break;
    case 'retention':
      for (const r of [...copy.groups, copy.total]) {
        row(r, r.persons, [
          ['sameEmployerPct', r.personsSame],
          ['otherEmployerPct', r.personsOther],
          ['notWorkingPct', r.personsNotWorking],
          ['workRetentionPct', r.personsSame + r.personsOther],
        ], ['starts', 'startsWeighted']);
      }
      break;
    case 'typology':
      for (const g of [...copy.groups, copy.total]) {
        for (const r of g.rows) {
          row(r, r.persons, [], [
            'persons', 'personsWeighted', 'sharePct', 'pctTimeWorking', 'pctPermanent', 'jobChangesPerWorkedYear',
          ]);
        }
      }
      (copy as { assignment: Int8Array }).assignment = new Int8Array(0);
      break;
    case 'stateShares':
      for (const g of [...copy.groups, copy.total]) {
        (g as { flagged?: boolean[][] }).flagged = g.shares.map((shares, k) => cells(shares, g.counts[k], () => unsafe(g.atRisk[k])));
      }
      break;
    case 'cellMeans':
      for (const g of [...copy.groups, copy.total]) (g as { flagged?: boolean[] }).flagged = cells(g.mean, g.persons);
      break;
    case 'groupProfiles':
      for (const g of [...copy.groups, copy.total]) {
        const shares = Object.keys(g.shareByPct).map((l): [string, number] => [l, g.shareByPersons[l]]);
        row(g, g.persons, [], ['persons', 'personsWeighted', 'sharePct', 'pctTimeWorking']);
        const bad = shares.filter(([, n]) => unsafe(n) || unsafe(g.persons)).map(([l]) => l);
        for (const l of bad) if (suppress) g.shareByPct[l] = NaN;
        flaggedCells += bad.length;
        (g as { flagged?: string[] }).flagged = [...(g.flagged ?? []), ...bad.map((l) => `shareByPct.${l}`)];
      }
      for (const c of copy.categorical) {
        const flagged = c.pct.map((pct, gi) => cells(pct, c.count[gi]));
        flagged.forEach((f, gi) => f.forEach((bad, l) => {
          if (!bad) return;
          c.significant[gi][l] = false;
          if (suppress) c.residual[gi][l] = c.pValue[gi][l] = NaN;
        }));
        (c as { flagged?: boolean[][] }).flagged = flagged;
        cells(c.totalPct, c.totalCount);
      }
      for (const c of copy.numeric) {
        const flagged = cells(c.mean, c.persons);
        flagged.forEach((bad, gi) => {
          if (!bad) return;
          c.significant[gi] = false;
          if (suppress) c.sd[gi] = c.t[gi] = c.pValue[gi] = NaN;
        });
        (c as { flagged?: boolean[] }).flagged = flagged;
      }
      break;
    case 'indexNumbers': {
      const flagged = cells(copy.index, copy.persons);
      flagged.forEach((bad, b) => {
        if (bad && suppress) copy.lower[b] = copy.upper[b] = copy.coef[b] = copy.se[b] = NaN;
      });
      (copy as { flagged?: boolean[] }).flagged = flagged;
      break;
    }
  }
  const disclosure: DisclosureSummary = { minPersons, mode, flaggedCells };
  return Object.assign(copy, { disclosure }) as unknown as T & { readonly disclosure: DisclosureSummary };
}
