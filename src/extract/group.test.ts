import { describe, expect, it } from 'vitest';
import { anAssignmentEntry } from '../testing/builders.js';
import { groupAssignments } from './group.js';
import type { NamedAssignment } from './name.js';

const g = (principal: string, account: string, permissionSet = 'ReadOnly'): NamedAssignment => ({
  permissionSet,
  principalType: 'GROUP',
  principal,
  account,
});
const u = (principal: string, account: string, permissionSet = 'ReadOnly'): NamedAssignment => ({
  permissionSet,
  principalType: 'USER',
  principal,
  account,
});

describe('groupAssignments', () => {
  it('lists every principal with the same set on the same accounts in one entry', () => {
    const entries = groupAssignments([g('Devs', 'prod'), g('Devs', 'dev'), u('bob', 'dev'), u('bob', 'prod'), g('Ops', 'dev')]);
    expect(entries).toEqual([
      anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], accounts: ['dev'] }),
      anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Devs'], users: ['bob'], accounts: ['dev', 'prod'] }),
    ]);
  });

  it('gives the same entries whatever order the triples come in', () => {
    const triples = [
      g('Devs', 'prod'),
      u('amy', '111111111111', 'Admin'),
      g('Devs', 'dev'),
      g('Ops', 'dev'),
      u('bob', 'dev'),
      u('bob', 'prod'),
    ];
    expect(groupAssignments([...triples].reverse())).toEqual(groupAssignments(triples));
  });

  it('orders entries by permission set, then by their accounts', () => {
    const entries = groupAssignments([g('A', 'b-account', 'Zeta'), g('B', 'a-account', 'Zeta'), g('C', 'x', 'Alpha')]);
    expect(entries.map((e) => [e.permissionSet, e.accounts])).toEqual([
      ['Alpha', ['x']],
      ['Zeta', ['a-account']],
      ['Zeta', ['b-account']],
    ]);
  });

  it('counts one account twice only once (an emulator may repeat an assignment)', () => {
    expect(groupAssignments([g('Devs', 'prod'), g('Devs', 'prod')])).toEqual([anAssignmentEntry({ groups: ['Devs'], accounts: ['prod'] })]);
  });
});
