import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';

/**
 * What a state means to the labour-market analyses:
 * - `paid`: a paid job at an employer (e.g. `work`, `work_jc`, `employed`);
 * - `unpaid`: work without a wage, e.g. a trial placement: a job for job
 *   episodes and retention, left out of wage outcomes;
 * - `sheltered`: sheltered employment (not a job at a regular employer);
 * - `none`: not working;
 * - `exit`: out of the population (retired, deceased, emigrated): a competing
 *   exit when waiting for a new job;
 * - `other`: anything else (education, training, ...).
 */
export const STATE_ROLES = ['paid', 'unpaid', 'sheltered', 'none', 'exit', 'other'] as const;

/** One of `STATE_ROLES`. */
export type StateRole = (typeof STATE_ROLES)[number];

/**
 * The states of each role. A state belongs to at most one role; states not
 * named have no role (they count as `other`). The library has no default:
 * every analysis that needs to know what a job is takes the roles from its
 * caller (a study file, the `--paid`/`--unpaid`/... options, or code).
 *
 * @example
 * const roles: StateRoles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };
 */
export type StateRoles = Readonly<Partial<Record<StateRole, readonly string[]>>>;

/**
 * Check roles against the alphabet: known role names, states of the
 * alphabet, each state in one role at most. Throws `OptionsError` naming the
 * role (`roles.paid`).
 *
 * @example
 * checkStateRoles(seqs, { paid: ['work'], none: ['none'] }); // ok
 * checkStateRoles(seqs, { paid: ['wrk'] }); // OptionsError: roles.paid: "wrk" is not a state of the alphabet (...)
 */
export function checkStateRoles(seqs: StateSequences, roles: StateRoles): void {
  const owner = new Map<string, string>();
  for (const [role, states] of Object.entries(roles)) {
    if (!(STATE_ROLES as readonly string[]).includes(role)) {
      throw new OptionsError(`roles.${role}`, `unknown role; expected one of ${STATE_ROLES.join(', ')}`);
    }
    for (const s of states ?? []) {
      if (!seqs.alphabet.codes.includes(s)) {
        throw new OptionsError(`roles.${role}`, `"${s}" is not a state of the alphabet (${seqs.alphabet.codes.join(', ')})`);
      }
      const before = owner.get(s);
      if (before !== undefined) throw new OptionsError(`roles.${role}`, `"${s}" already has role ${before}; a state has one role`);
      owner.set(s, role);
    }
  }
}

/**
 * The states that have any of the given roles, in the roles' order.
 *
 * @example
 * roleStates({ paid: ['work_jc', 'work'], unpaid: ['trial'] }, 'paid', 'unpaid'); // ['work_jc', 'work', 'trial']
 */
export function roleStates(roles: StateRoles, ...which: StateRole[]): string[] {
  return which.flatMap((role) => [...(roles[role] ?? [])]);
}

/**
 * A 256-entry lookup over cell codes: 1 for states with any of the given
 * roles, 0 otherwise (missing and void cells included). The roles are checked
 * against the alphabet first.
 *
 * @example
 * const working = roleMask(seqs, roles, 'paid', 'unpaid');
 * working[seqs.codes[i * seqs.t + j]]; // 1 when person i holds a job in month j
 */
export function roleMask(seqs: StateSequences, roles: StateRoles, ...which: StateRole[]): Uint8Array {
  checkStateRoles(seqs, roles);
  const mask = new Uint8Array(256);
  for (const s of roleStates(roles, ...which)) mask[seqs.alphabet.codes.indexOf(s)] = 1;
  return mask;
}

/**
 * The states of the given roles, or an `OptionsError` when there are none:
 * for analyses that cannot run without them (a job-loss table needs paid work).
 *
 * @param analysis the analysis that needs the role, in words (`job loss`), named in the message
 * @example
 * requireRole(roles, 'job loss', 'paid', 'unpaid'); // ['work_jc', 'work', 'trial']
 * requireRole({}, 'job loss', 'paid'); // OptionsError: roles.paid: the job loss analysis needs at least one state with role paid
 */
export function requireRole(roles: StateRoles, analysis: string, ...which: StateRole[]): string[] {
  const states = roleStates(roles, ...which);
  if (states.length === 0) {
    throw new OptionsError(`roles.${which[0]}`, `the ${analysis} analysis needs at least one state with role ${which.join(' or ')}`);
  }
  return states;
}
