import { OptionsError } from '../errors.js';
import { cellAttributeKind } from '../sequences/cell-store.js';
import { roleStates } from '../labour/roles.js';
import type { StateSequences } from '../sequences/types.js';
import type { ResolvedStudy } from './resolve.js';
import type { StudyAnalysis, StudyExplainAnalysis } from './study-file.js';

/** An analysis that could not run and why. */
export interface SkippedAnalysis {
  readonly analysis: StudyAnalysis | StudyExplainAnalysis;
  /** Why, in English, naming the study file key that would make it run. */
  readonly reason: string;
}

/** What `checkPanel` found. */
export interface PanelCheck {
  /** The analyses that run, in the study's order. */
  readonly ran: StudyAnalysis[];
  /** Analyses left to the default that cannot run on this panel. */
  readonly skipped: SkippedAnalysis[];
  /** States the study lists that the data do not have. */
  readonly warnings: string[];
  /** Parts left out (a missing covariate or column), for the page. */
  readonly notes: string[];
  /** Levels of the groupBy column: the study's order first, then the others sorted. */
  readonly groupLevels: string[];
}

/**
 * Check a panel against a study before computing: every state of the data
 * must be in `states` (an error naming `states`), a state of `states` absent
 * from the data is a warning, the `groupBy` column must exist, and each
 * analysis needs its roles and columns: job loss, time to a new job,
 * retention and the rule typology a state with role paid or unpaid, index
 * numbers numeric outcome columns, profiles covariates; the discrepancy
 * analysis and the tree need covariates that are person columns (or derived
 * ones of `covariates`), an error naming the key. An analysis the
 * file names that cannot run is an error naming the key; one left to the
 * default is skipped with the reason.
 *
 * @param seqs the panel
 * @param study the resolved study file
 * @returns the analyses that run, those skipped, warnings, notes and the group levels
 * @example
 * checkPanel(seqs, resolveStudy(file)).skipped; // [{ analysis: 'jobLoss', reason: 'no state has role paid or unpaid (states[].role)' }]
 */
export function checkPanel(seqs: StateSequences, study: ResolvedStudy): PanelCheck {
  const data = seqs.alphabet.codes;
  const unknown = data.filter((s) => !study.states.includes(s));
  if (unknown.length > 0) {
    throw new OptionsError('states', `the data have the state${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s}"`).join(', ')}, which the study file does not list; expected every state of the data in states (with its role)`);
  }
  const warnings = study.states.filter((s) => !data.includes(s)).map((s) => `states: "${s}" does not occur in the data`);
  if (study.window !== undefined && study.window > seqs.t) {
    throw new OptionsError('time.window', `expected 2..${seqs.t} months (the panel's months); got ${study.window}`);
  }
  if (study.studyMonths !== undefined && study.studyMonths > seqs.t) {
    throw new OptionsError('time.studyMonths', `expected 1..${seqs.t} months (the panel's months); got ${study.studyMonths}`);
  }
  const columns = seqs.covariates.columnNames();
  const notes: string[] = [];
  let groupLevels: string[] = [];
  if (study.groupBy) {
    if (!columns.includes(study.groupBy)) {
      throw new OptionsError('groupBy', `the person data have no column "${study.groupBy}"; expected one of ${columns.join(', ') || '(none)'}`);
    }
    const seen = new Set<string>();
    for (const v of Array.from(seqs.covariates.array(study.groupBy) as ArrayLike<unknown>)) if (v !== null && v !== undefined && v !== '') seen.add(String(v));
    groupLevels = [...study.groupLevels.filter((l) => seen.has(l)), ...[...seen].filter((l) => !study.groupLevels.includes(l)).sort()];
  }
  study.covariates.forEach((c, i) => {
    if (c.derive) return;
    if (!columns.includes(c.name)) {
      throw new OptionsError(`covariates[${i}]`, `the person data have no column "${c.name}"; expected one of ${columns.join(', ') || '(none)'}`);
    }
    for (const column of Object.keys(c.within ?? {})) {
      if (!columns.includes(column)) throw new OptionsError(`covariates[${i}].within`, `the person data have no column "${column}"`);
    }
  });
  for (const key of ['discrepancy', 'tree'] as const) {
    const spec = study[key];
    if (!spec) continue;
    if (spec.covariates.length === 0) {
      throw new OptionsError(key, 'needs covariates; name person columns in its covariates, or list them in covariates');
    }
    if (spec.covariatesKey === 'covariates') continue; // checked above
    const derived = study.covariates.filter((c) => c.derive).map((c) => c.name);
    spec.covariates.forEach((name, i) => {
      if (!columns.includes(name) && !derived.includes(name)) {
        throw new OptionsError(`${key}.covariates[${i}]`, `the person data have no column "${name}"; expected one of ${columns.join(', ') || '(none)'}`);
      }
    });
  }
  if (study.truth && !columns.includes(study.truth)) notes.push(`No agreement with known groups: the person data have no column ${study.truth} (clusters.truth).`);
  if (study.employer && !cellAttributeKind(seqs, study.employer)) {
    notes.push(`Jobs without employers: the months data have no column ${study.employer} (attributes.employer), so a job is a run of working months.`);
  }
  for (const s of roleStates(study.roles, 'exit')) {
    if (roleStates(study.roles, 'paid', 'unpaid').includes(s)) throw new OptionsError('states', `"${s}" cannot be both a job and an exit`);
  }

  const reasons: Partial<Record<StudyAnalysis, string>> = {};
  const jobs = roleStates(study.roles, 'paid', 'unpaid').filter((s) => data.includes(s));
  for (const a of ['jobLoss', 'timeToNewJob', 'retention', 'ruleTypology'] as const) {
    if (jobs.length === 0) reasons[a] = 'needs a state with role paid or unpaid (states[].role) that occurs in the data';
  }
  if (study.outcomes.length === 0) reasons.indexNumbers = 'needs numeric person-month columns (attributes.outcomes)';
  else if (!study.outcomes.some((o) => cellAttributeKind(seqs, o.name)?.kind === 'number')) {
    reasons.indexNumbers = `needs a numeric person-month column; the data have none of ${study.outcomes.map((o) => o.name).join(', ')} (attributes.outcomes)`;
  } else if (jobs.length === 0) reasons.indexNumbers = 'needs a state with role paid or unpaid (states[].role)';
  if (study.covariates.length === 0) reasons.profiles = 'needs covariates to profile (covariates)';

  const ran: StudyAnalysis[] = [];
  const skipped: SkippedAnalysis[] = [];
  for (const a of study.analyses) {
    const reason = reasons[a];
    if (!reason) ran.push(a);
    else if (study.analysesNamed) throw new OptionsError('analyses', `${a} ${reason}; remove it from analyses or give what it needs`);
    else skipped.push({ analysis: a, reason });
  }
  return { ran, skipped, warnings, notes, groupLevels };
}
