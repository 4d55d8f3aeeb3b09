import { describe, expect, it } from 'vitest';
import { aDesiredState, aGroup, aPermissionSet, aUser, anAccount, anAssignmentEntry, liveStateOf, aTriple } from '../testing/builders.js';
import { buildPlan, planPhases } from './build.js';
import { liveChecksum } from './checksum.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const now = new Date('2025-01-02T03:04:05.000Z');

describe('buildPlan', () => {
  it('makes no plan while a name does not resolve, and returns the errors', () => {
    const desired = aDesiredState({
      permissionSets: [aPermissionSet()],
      groups: [aGroup()],
      assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['nope'] })],
    });
    const { plan, diagnostics } = buildPlan(desired, liveStateOf({ accounts: [prod] }), { allowDeletes: false });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => d.severity)).toContain('error');
  });

  it('plans every kind in apply order, with summary and checksum', () => {
    const desired = aDesiredState({
      users: [aUser({ userName: 'new' })],
      groups: [aGroup({ members: ['new'] })],
      permissionSets: [aPermissionSet()],
      assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['prod'] })],
    });
    const live = liveStateOf({ accounts: [prod], users: [aUser({ userName: 'new', displayName: 'Old Name' })] });
    const { plan } = buildPlan(desired, live, { allowDeletes: false, now });
    expect(plan?.changes.map((c) => `${c.kind} ${c.action}`)).toEqual([
      'user update',
      'group create',
      'membership create',
      'permissionSet create',
      'assignment create',
    ]);
    expect(plan?.summary).toEqual({ add: 4, change: 1, destroy: 0 });
    expect(plan?.liveChecksum).toBe(liveChecksum(live));
    expect(plan?.createdAt).toBe('2025-01-02T03:04:05.000Z');
    expect(plan?.refused).toEqual([]);
    expect(planPhases(plan!).map((p) => p.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('counts re-provisions as changes and deletes as destroys', () => {
    const live = liveStateOf({
      accounts: [prod],
      groups: [aGroup()],
      permissionSets: [aPermissionSet({ name: 'S' }), aPermissionSet({ name: 'Gone' })],
      staleProvisioning: { S: [prod.id] },
      users: [aUser({ userName: 'a' }), aUser({ userName: 'b' }), aUser({ userName: 'c' }), aUser({ userName: 'd' })],
    });
    const desired = aDesiredState({
      files: ['identity.yaml'],
      groups: [aGroup()],
      users: [aUser({ userName: 'a' }), aUser({ userName: 'b' }), aUser({ userName: 'c' })],
      permissionSets: [aPermissionSet({ name: 'S' })],
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: false, now });
    expect(plan?.summary).toEqual({ add: 0, change: 1, destroy: 2 });
    expect(plan?.refused.map((r) => r.rule)).toEqual(['max-delete-percent']);
  });

  it('passes resolve warnings and diff warnings on as plan warnings', () => {
    const closed = anAccount({ id: '222222222222', name: 'closed', state: 'SUSPENDED' });
    const desired = aDesiredState({
      groups: [aGroup()],
      permissionSets: [aPermissionSet()],
      assignments: [anAssignmentEntry({ groups: ['Developers'], organizationalUnits: ['Root'] })],
      settings: {
        ...aDesiredState().settings,
        safety: { maxDeletePercent: 25, protect: [{ permissionSet: 'ReadOnly', group: 'Developers' }] },
      },
    });
    const live = liveStateOf({
      accounts: [prod, closed],
      groups: [aGroup()],
      permissionSets: [aPermissionSet()],
      assignments: [aTriple({ accountId: prod.id }), aTriple({ accountId: closed.id })],
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: false, now });
    expect(plan?.warnings).toEqual([
      expect.stringContaining('skipping account "closed" (222222222222)'),
      'assignment "ReadOnly" for group "Developers" on closed (222222222222) is not in the state files but is protected (settings.safety.protect); it is kept',
    ]);
  });
});
