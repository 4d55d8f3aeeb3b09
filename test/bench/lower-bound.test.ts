import { describe, expect, it } from 'vitest';
import { aGroup, aPermissionSet, aUser } from '../../src/testing/builders.js';
import { commandBounds } from './command-bounds.js';
import { generateOrganization } from './generate.js';
import { asyncSeconds, createCalls, naiveCalls, pages, rateBoundSeconds, readCalls, total, type BenchSettings } from './lower-bound.js';
import type { SyntheticAssignment, SyntheticOrg } from './org.js';
import { SHAPES } from './shapes.js';

const SETTINGS: BenchSettings = { tps: 20, organizationsTps: 10, latencyMs: 0, asyncMs: 1000, maxOutstanding: 10 };

function tinyOrg(assignments: SyntheticAssignment[]): SyntheticOrg {
  return {
    shape: SHAPES.S,
    organizationalUnits: [],
    accounts: [
      { name: 'a1', ou: '', tags: {} },
      { name: 'a2', ou: '', tags: {} },
    ],
    users: [aUser({ userName: 'u1' }), aUser({ userName: 'u2' })],
    groups: [aGroup({ name: 'g1', members: ['u1', 'u2'] })],
    permissionSets: [
      aPermissionSet({ name: 'P1', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }),
      aPermissionSet({ name: 'P2', inlinePolicy: { Version: '2012-10-17' } }),
    ],
    assignments,
  };
}

describe('lower-bound model', () => {
  it('counts at least one page per listing and full pages of 100', () => {
    expect(pages(0)).toBe(1);
    expect(pages(100)).toBe(1);
    expect(pages(101)).toBe(2);
    expect(pages(41, 20)).toBe(3);
  });

  it('reads a small organization with one call per listing and six reads per permission set', () => {
    const org = tinyOrg([
      { permissionSet: 'P1', principalType: 'GROUP', principal: 'g1', account: 'a1' },
      { permissionSet: 'P1', principalType: 'USER', principal: 'u1', account: 'a1' },
    ]);
    const calls = readCalls(org);
    expect(calls.ListInstances).toBe(1);
    expect(calls.ListUsers).toBe(1);
    expect(calls.ListGroupMemberships).toBe(1);
    expect(calls.DescribePermissionSet).toBe(2);
    expect(calls.GetPermissionsBoundaryForPermissionSet).toBe(2);
    // per set: 2 listings + 1 provisioned pair, cheaper than 3 principals or 2 accounts + 1 pair
    expect(calls.ListAccountsForProvisionedPermissionSet ?? calls.ListPermissionSetsProvisionedToAccount).toBe(2);
    expect(calls.ListAccountAssignments).toBe(1);
  });

  it('takes the principal route when it is cheaper than the provisioned pairs', () => {
    const wide: SyntheticAssignment[] = ['a1', 'a2'].flatMap((account) =>
      ['P1', 'P2'].map((permissionSet) => ({ permissionSet, principalType: 'GROUP' as const, principal: 'g1', account })),
    );
    const calls = readCalls(tinyOrg(wide));
    // principals: u1, u2, g1 = 3 calls; pairs: 2 set listings + 4 pairs = 6
    expect(calls.ListAccountAssignmentsForPrincipal).toBe(3);
    expect(calls.ListAccountAssignments).toBeUndefined();
  });

  it('counts every create of a migration, attributes that have no list form one call each', () => {
    const org = tinyOrg([{ permissionSet: 'P1', principalType: 'GROUP', principal: 'g1', account: 'a1' }]);
    expect(createCalls(org)).toEqual({
      CreateUser: 2,
      CreateGroup: 1,
      CreateGroupMembership: 2,
      CreatePermissionSet: 2,
      AttachManagedPolicyToPermissionSet: 1,
      PutInlinePolicyToPermissionSet: 1,
      CreateAccountAssignment: 1,
      ListAccountAssignmentCreationStatus: 1,
    });
  });

  it('bounds time by the slower rate bucket or by outstanding async requests', () => {
    expect(rateBoundSeconds({ ListUsers: 40, ListAccounts: 10 }, SETTINGS)).toBe(2);
    expect(rateBoundSeconds({ ListUsers: 10, ListAccounts: 30 }, SETTINGS)).toBe(3);
    expect(asyncSeconds(1000, SETTINGS)).toBe(100);
    expect(rateBoundSeconds({ CreateAccountAssignment: 1000 }, SETTINGS, 1000)).toBe(100);
  });

  it('prices the naive route as every account x permission set instead of the assignment reads', () => {
    const org = tinyOrg([{ permissionSet: 'P1', principalType: 'GROUP', principal: 'g1', account: 'a1' }]);
    const calls = readCalls(org);
    const assignmentReads =
      (calls.ListAccountsForProvisionedPermissionSet ?? 0) +
      (calls.ListAccountAssignments ?? 0) +
      (calls.ListAccountAssignmentsForPrincipal ?? 0) +
      (calls.ListPermissionSetsProvisionedToAccount ?? 0);
    expect(naiveCalls(calls, org)).toBe(total(calls) - assignmentReads + 2 * 2);
  });

  it('gives every command of shape M a bound, the naive read far above ours', () => {
    const bounds = commandBounds(generateOrganization(SHAPES.M), SETTINGS);
    expect(bounds['plan-no-change'].naiveCalls / bounds['plan-no-change'].calls).toBeGreaterThan(5);
    expect(bounds['reconcile-assignments-1000'].calls - bounds['plan-no-change'].calls).toBe(1000 + 10);
    expect(bounds.migrate.byOperation.CreateAccountAssignment).toBe(5000);
    expect(bounds['reconcile-policy-200'].byOperation.ProvisionPermissionSet).toBe(1);
  });
});
