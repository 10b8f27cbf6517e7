import { describe, expect, it } from 'vitest';
import { checkStateRoles, OptionsError, requireRole, roleMask, roleStates } from '../../src/index.js';
import { panel } from './panel.js';

const seqs = panel([{ states: 'TJWN' }]);
const roles = { paid: ['work_jc', 'work'], unpaid: ['trial'], none: ['none'] };

describe('state roles', () => {
  it('lists the states of the given roles in the roles order', () => {
    expect(roleStates(roles, 'paid', 'unpaid')).toEqual(['work_jc', 'work', 'trial']);
    expect(roleStates(roles, 'exit')).toEqual([]);
  });

  it('masks the cell codes of the given roles', () => {
    const mask = roleMask(seqs, roles, 'paid');
    expect(Array.from(seqs.codes, (c) => mask[c])).toEqual([0, 1, 1, 0]);
  });

  it('refuses unknown roles, unknown states and a state in two roles, naming the role', () => {
    expect(() => checkStateRoles(seqs, { job: ['work'] } as never)).toThrow(/^roles\.job: unknown role/);
    expect(() => checkStateRoles(seqs, { paid: ['wrk'] })).toThrow(/^roles\.paid: "wrk" is not a state/);
    expect(() => checkStateRoles(seqs, { paid: ['work'], none: ['work'] })).toThrow(OptionsError);
  });

  it('names the analysis and the role when a needed role is empty', () => {
    expect(() => requireRole({ none: ['none'] }, 'job loss', 'paid')).toThrow('roles.paid: the job loss analysis needs at least one state with role paid');
  });
});
