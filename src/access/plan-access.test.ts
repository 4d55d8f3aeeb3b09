// The plan's access changes: consequences of memberships and assignments, computed on the
// live state with the plan's changes made, flagged when the permission set is privileged.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build.js';
import { aDesiredState, aGroup, aPermissionSet, aSettings, aUser, anAccount, anAssignmentEntry, liveStateOf } from '../testing/builders.js';
import type { DesiredState, Group } from '../model/types.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const dev = anAccount({ id: '222222222222', name: 'dev' });
const users = [aUser({ userName: 'alice' }), aUser({ userName: 'bob' })];
const sets = [aPermissionSet({ name: 'AdministratorAccess' }), aPermissionSet({ name: 'ReadOnly' })];
const assignments = [
  anAssignmentEntry({ permissionSet: 'AdministratorAccess', groups: ['Admins'], accounts: ['prod', 'dev'] }),
  anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Readers'], accounts: ['dev'] }),
];
const liveGroups: Group[] = [aGroup({ name: 'Admins', members: ['alice'] }), aGroup({ name: 'Readers', members: ['alice', 'bob'] })];
const live = liveStateOf({
  users,
  groups: liveGroups,
  permissionSets: sets,
  accounts: [prod, dev],
  assignments: [
    { permissionSet: 'AdministratorAccess', principalType: 'GROUP', principal: 'Admins', accountId: prod.id },
    { permissionSet: 'AdministratorAccess', principalType: 'GROUP', principal: 'Admins', accountId: dev.id },
    { permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Readers', accountId: dev.id },
  ],
});

function accessChanges(desired: DesiredState) {
  const { plan, diagnostics } = buildPlan(desired, live, { allowDeletes: true, now: new Date(0) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan?.accessChanges;
}

const state = (groups: Group[], settings = aSettings()) => aDesiredState({ users, groups, permissionSets: sets, assignments, settings });

describe('planAccessChanges', () => {
  it('a plan with no change has no access change', () => {
    expect(accessChanges(state(liveGroups))).toEqual([]);
  });

  it('a membership change alone lists every account the group reaches, flagged privileged', () => {
    const changes = accessChanges(state([aGroup({ name: 'Admins', members: ['alice', 'bob'] }), liveGroups[1] as Group]));
    expect(changes).toEqual([
      {
        userName: 'bob',
        accountId: dev.id,
        accountName: 'dev',
        permissionSet: 'AdministratorAccess',
        change: 'gain',
        via: ['group:Admins'],
        privileged: true,
      },
      {
        userName: 'bob',
        accountId: prod.id,
        accountName: 'prod',
        permissionSet: 'AdministratorAccess',
        change: 'gain',
        via: ['group:Admins'],
        privileged: true,
      },
    ]);
  });

  it('leaving a group loses its access; settings.review.privileged replaces the default', () => {
    const settings = { ...aSettings(), review: { privileged: ['Read*'] } };
    const changes = accessChanges(state([liveGroups[0] as Group, aGroup({ name: 'Readers', members: ['bob'] })], settings));
    expect(changes?.map((c) => [c.userName, c.accountName, c.permissionSet, c.change, c.via.join(','), c.privileged])).toEqual([
      ['alice', 'dev', 'ReadOnly', 'lose', 'group:Readers', true],
    ]);
  });

  it('access kept another way is no change: a direct assignment replacing the group', () => {
    const direct = anAssignmentEntry({ permissionSet: 'ReadOnly', users: ['alice', 'bob'], accounts: ['dev'] });
    const desired = aDesiredState({
      users,
      groups: liveGroups,
      permissionSets: sets,
      assignments: [assignments[0] as (typeof assignments)[0], direct],
    });
    expect(accessChanges(desired)).toEqual([]);
  });

  it('deleting a group loses its members their access', () => {
    const desired = aDesiredState({
      users,
      groups: [liveGroups[1] as Group],
      permissionSets: sets,
      assignments: [assignments[1] as (typeof assignments)[1]],
    });
    expect(accessChanges(desired)?.map((c) => `${c.change} ${c.userName} ${c.accountName} ${c.permissionSet}`)).toEqual([
      'lose alice dev AdministratorAccess',
      'lose alice prod AdministratorAccess',
    ]);
  });
});
