// A deleted object takes its memberships and assignments with it: the plan lists and
// counts each, and orders them before the object's delete.
import { describe, expect, it } from 'vitest';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  aTriple,
  aUser,
  anAccount,
  liveStateOf,
} from '../../testing/builders.js';
import { buildPlan } from '../build.js';
import type { Change } from '../types.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const users = [aUser({ userName: 'alice' }), aUser({ userName: 'bob' })];
const label = (c: Change) => {
  switch (c.kind) {
    case 'membership':
      return `${c.action} membership ${c.userName} in ${c.group}`;
    case 'assignment':
      return `${c.action} assignment ${c.permissionSet} ${c.principal} ${c.accountId}`;
    case 'user':
      return `${c.action} user ${c.userName}`;
    case 'accessControlAttribute':
      return `${c.action} attribute ${c.key}`;
    case 'applicationAssignment':
      return `${c.action} application assignment ${c.application} ${c.principal}`;
    default:
      return `${c.action} ${c.kind} ${c.name}`;
  }
};

describe('what goes with a deleted object', () => {
  it('lists and counts the memberships of a deleted group, before the group is deleted', () => {
    // renaming "Support" to "Customer Support" without previousNames: delete + create
    const live = liveStateOf({ users, groups: [aGroup({ name: 'Support', members: ['alice', 'bob'] })] });
    const desired = aDesiredState({
      files: ['identity.yaml'],
      users,
      groups: [aGroup({ name: 'Customer Support', members: ['alice', 'bob'] })],
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: true });
    expect(plan?.changes.map(label)).toEqual([
      'create group Customer Support',
      'create membership alice in Customer Support',
      'create membership bob in Customer Support',
      'delete membership alice in Support',
      'delete membership bob in Support',
      'delete group Support',
    ]);
    expect(plan?.summary).toEqual({ add: 3, change: 0, destroy: 3 });
  });

  it('lists the assignments of a deleted group even when assignments are not managed here', () => {
    const live = liveStateOf({
      accounts: [prod],
      groups: [aGroup({ name: 'Old' })],
      permissionSets: [aPermissionSet()],
      assignments: [aTriple({ principal: 'Old', accountId: prod.id })],
    });
    const desired = aDesiredState({
      files: ['identity.yaml'],
      groups: [aGroup({ name: 'New' })],
      permissionSets: [aPermissionSet()],
      settings: aSettings({ manage: { assignments: false } }),
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: true });
    expect(plan?.changes.map(label)).toEqual(['create group New', 'delete assignment ReadOnly Old 111111111111', 'delete group Old']);
    expect(plan?.changes[1]).toMatchObject({ accountName: 'prod' });
  });

  it('lists the memberships of a deleted user in groups the files do not list or ignore', () => {
    const live = liveStateOf({ users, groups: [aGroup({ name: 'AWSControlTowerAdmins', members: ['bob'] })] });
    const desired = aDesiredState({
      files: ['identity.yaml'],
      users: [aUser({ userName: 'alice' })],
      settings: aSettings({ ignore: { groups: ['AWSControlTower*'] } }),
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: true });
    expect(plan?.changes.map(label)).toEqual(['delete membership bob in AWSControlTowerAdmins', 'delete user bob']);
  });

  it('lists the assignments of a deleted permission set once, however many reasons it has to go', () => {
    const live = liveStateOf({
      accounts: [prod],
      groups: [aGroup({ name: 'Old' })],
      permissionSets: [aPermissionSet({ name: 'Retired' })],
      assignments: [aTriple({ permissionSet: 'Retired', principal: 'Old', accountId: prod.id })],
    });
    const desired = aDesiredState({ files: ['identity.yaml'], groups: [aGroup({ name: 'Keep' })] });
    const { plan } = buildPlan(desired, live, { allowDeletes: true });
    expect(plan?.changes.map(label)).toEqual([
      'create group Keep',
      'delete assignment Retired Old 111111111111',
      'delete group Old',
      'delete permissionSet Retired',
    ]);
  });

  it('does not claim to keep a protected assignment whose group is deleted: it is listed, and the lock-out rule refuses', () => {
    const live = liveStateOf({
      accounts: [prod],
      groups: [aGroup({ name: 'BreakGlass' }), aGroup({ name: 'Keep' })],
      permissionSets: [aPermissionSet({ name: 'AdministratorAccess' })],
      assignments: [aTriple({ permissionSet: 'AdministratorAccess', principal: 'BreakGlass', accountId: prod.id })],
    });
    const desired = aDesiredState({
      files: ['identity.yaml'],
      groups: [aGroup({ name: 'Keep' })],
      permissionSets: [aPermissionSet({ name: 'AdministratorAccess' })],
      settings: aSettings({ safety: { maxDeletePercent: 100, protect: [aProtectEntry()] } }),
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: false });
    expect(plan?.changes.map(label)).toEqual(['delete assignment AdministratorAccess BreakGlass 111111111111', 'delete group BreakGlass']);
    expect(plan?.warnings).toEqual([]);
    expect(plan?.refused.map((r) => r.rule)).toContain('lockout');
  });
});
