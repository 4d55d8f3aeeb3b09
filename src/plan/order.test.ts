import { describe, expect, it } from 'vitest';
import { aPermissionSet, aUser } from '../testing/builders.js';
import { orderChanges } from './order.js';
import type { Change } from './types.js';

const a = { permissionSet: 'S', principalType: 'GROUP' as const, principal: 'G', accountId: '111111111111' };
const every: Change[] = [
  { kind: 'permissionSet', action: 'delete', name: 'OldSet' },
  { kind: 'user', action: 'delete', userName: 'old' },
  { kind: 'group', action: 'delete', name: 'OldGroup' },
  { kind: 'membership', action: 'delete', group: 'G', userName: 'old' },
  { kind: 'assignment', action: 'delete', ...a, accountId: '222222222222' },
  { kind: 'assignment', action: 'create', ...a },
  { kind: 'permissionSet', action: 'reprovision', name: 'S', staleAccounts: [], reason: 'updated' },
  { kind: 'permissionSet', action: 'update', name: 'S', attributes: [], after: aPermissionSet({ name: 'S' }) },
  { kind: 'membership', action: 'create', group: 'G', userName: 'new' },
  { kind: 'group', action: 'create', name: 'G' },
  { kind: 'group', action: 'rename', name: 'New', previousName: 'Old' },
  { kind: 'user', action: 'create', userName: 'new', after: aUser({ userName: 'new' }) },
];

const label = (c: Change) => `${c.kind} ${c.action}`;

describe('orderChanges', () => {
  it('puts each kind of change in the phase of the apply order in docs/plan-format.md', () => {
    expect(orderChanges(every).map((phase) => phase.map(label))).toEqual([
      ['group rename'],
      ['user create'],
      ['group create'],
      ['membership create'],
      ['permissionSet update'],
      ['permissionSet reprovision'],
      ['assignment create'],
      ['assignment delete'],
      ['membership delete'],
      ['group delete'],
      ['user delete'],
      ['permissionSet delete'],
    ]);
  });

  it('renames groups before anything that uses the new name: an update, memberships, assignments', () => {
    const phases = orderChanges([
      { kind: 'membership', action: 'delete', group: 'New', userName: 'a' },
      { kind: 'group', action: 'update', name: 'New', attributes: [] },
      { kind: 'group', action: 'rename', name: 'New', previousName: 'Old' },
    ]);
    expect(phases.map((phase) => phase.map(label))).toEqual([['group rename'], ['group update'], ['membership delete']]);
  });

  it('drops empty phases', () => {
    expect(orderChanges([])).toEqual([]);
    expect(orderChanges([every[0] as Change])).toHaveLength(1);
  });

  it('orders a phase deterministically, whatever the input order', () => {
    const users: Change[] = [
      { kind: 'user', action: 'update', userName: 'b', attributes: [] },
      { kind: 'user', action: 'create', userName: 'z', after: aUser({ userName: 'z' }) },
      { kind: 'user', action: 'update', userName: 'a', attributes: [] },
    ];
    const names = (cs: Change[]) =>
      orderChanges(cs)
        .flat()
        .map((c) => (c.kind === 'user' ? `${c.action} ${c.userName}` : ''));
    expect(names(users)).toEqual(['create z', 'update a', 'update b']);
    expect(names([...users].reverse())).toEqual(names(users));
  });
});
