import { describe, expect, it } from 'vitest';
import type { AssignmentTriple, DesiredState } from '../model/types.js';
import {
  MANAGEMENT_ACCOUNT_ID,
  aDesiredState,
  aGroup,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  aTriple,
  aUser,
  anAccount,
  liveStateOf,
  type NamedLiveSpec,
} from '../testing/builders.js';
import { nameLive } from './live-names.js';
import { safetyRefusals } from './safety.js';
import type { Change } from './types.js';

const member = anAccount({ id: '222222222222', name: 'member' });
const mgmt = anAccount({ id: MANAGEMENT_ACCOUNT_ID, name: 'management' });
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

function refusals(changes: Change[], spec: NamedLiveSpec, desired: Partial<DesiredState> = {}, allowDeletes = false) {
  const { named } = nameLive(liveStateOf({ accounts: [mgmt, member], ...spec }));
  return safetyRefusals({ changes, desired: aDesiredState({ files: ['users.yaml'], ...desired }), live: named, allowDeletes });
}

const users = (n: number) => Array.from({ length: n }, (_, i) => aUser({ userName: `u${i}` }));
const deleteUsers = (n: number): Change[] => Array.from({ length: n }, (_, i) => ({ kind: 'user', action: 'delete', userName: `u${i}` }));
const deleteAssignment = (t: AssignmentTriple): Change => ({ kind: 'assignment', action: 'delete', ...t });

describe('safetyRefusals: deletes', () => {
  it.each<[string, number, number, number, string[]]>([
    ['at the limit', 4, 1, 25, []],
    ['above the limit', 4, 2, 25, ['max-delete-percent']],
    ['everything of a kind', 2, 2, 100, ['delete-all']],
    ['above a raised limit', 10, 5, 50, []],
  ])('deleting users %s', (_name, live, deletes, max, rules) => {
    const found = refusals(deleteUsers(deletes), { users: users(live) }, { settings: aSettings({ safety: { maxDeletePercent: max } }) });
    expect(found.map((r) => r.rule)).toEqual(rules);
  });

  it('lets --allow-deletes lift both delete rules', () => {
    expect(refusals(deleteUsers(2), { users: users(2) }, {}, true)).toEqual([]);
  });

  it('says what, why and how to proceed', () => {
    const [refusal] = refusals(deleteUsers(2), { users: users(4) });
    expect(refusal?.message).toBe(
      'the plan deletes 2 of 4 live users (50%), more than settings.safety.maxDeletePercent (25%); review the deletions and run reconcile with --allow-deletes to proceed',
    );
  });

  it('refuses any delete from a state directory without files, even with --allow-deletes', () => {
    const found = refusals(deleteUsers(1), { users: users(10) }, { files: [] }, true);
    expect(found.map((r) => r.rule)).toEqual(['empty-state']);
  });
});

describe('safetyRefusals: delegated administrator', () => {
  const delegated = { callerAccountId: member.id };
  const base = { groups: [aGroup()], permissionSets: [aPermissionSet({ name: 'Admin' }), aPermissionSet({ name: 'Other' })] };

  it('refuses an assignment change on the management account, even with --allow-deletes', () => {
    const t = aTriple({ permissionSet: 'Other', accountId: mgmt.id });
    const create: Change = { kind: 'assignment', action: 'create', ...t };
    const found = refusals([create], { ...base, ...delegated }, {}, true);
    expect(found).toEqual([
      {
        rule: 'management-account',
        message: expect.stringContaining('creating assignment "Other" for group "Developers" on management (000000000001)'),
        change: create,
      },
    ]);
  });

  it('refuses to change a set provisioned to the management account', () => {
    const update: Change = {
      kind: 'permissionSet',
      action: 'update',
      name: 'Admin',
      attributes: [],
      after: aPermissionSet({ name: 'Admin' }),
    };
    const found = refusals([update], { ...base, ...delegated, assignments: [aTriple({ permissionSet: 'Admin', accountId: mgmt.id })] });
    expect(found.map((r) => r.rule)).toEqual(['management-account']);
  });

  it('allows the same changes from the management account itself', () => {
    const update: Change = {
      kind: 'permissionSet',
      action: 'update',
      name: 'Admin',
      attributes: [],
      after: aPermissionSet({ name: 'Admin' }),
    };
    expect(refusals([update], { ...base, assignments: [aTriple({ permissionSet: 'Admin', accountId: mgmt.id })] })).toEqual([]);
  });

  it('allows changes on member accounts', () => {
    const create: Change = { kind: 'assignment', action: 'create', ...aTriple({ permissionSet: 'Other', accountId: member.id }) };
    expect(refusals([create], { ...base, ...delegated })).toEqual([]);
  });
});

describe('safetyRefusals: lock-out', () => {
  const breakGlass = aTriple({ permissionSet: 'AdministratorAccess', principal: 'BreakGlass', accountId: member.id });
  const spec: NamedLiveSpec = {
    groups: [aGroup({ name: 'BreakGlass' }), aGroup()],
    permissionSets: [aPermissionSet({ name: 'AdministratorAccess' })],
    assignments: [breakGlass],
  };
  const protect = { settings: aSettings({ safety: { protect: [aProtectEntry()], maxDeletePercent: 100 } }) };

  it.each<[string, Change]>([
    ['deleting the group', { kind: 'group', action: 'delete', name: 'BreakGlass' }],
    ['deleting the permission set', { kind: 'permissionSet', action: 'delete', name: 'AdministratorAccess' }],
    ['deleting the assignment', deleteAssignment(breakGlass)],
  ])('refuses removing every assignment of a protected pair by %s', (_how, change) => {
    expect(refusals([change], spec, protect, true).map((r) => r.rule)).toEqual(['lockout']);
  });

  it('accepts the same when another assignment of the pair remains', () => {
    const other = { ...breakGlass, accountId: mgmt.id };
    expect(refusals([deleteAssignment(breakGlass)], { ...spec, assignments: [breakGlass, other] }, protect, true)).toEqual([]);
  });

  const adminOnMgmt = aTriple({ permissionSet: 'Admin', accountId: mgmt.id });
  const adminSpec: NamedLiveSpec = {
    groups: [aGroup()],
    permissionSets: [
      aPermissionSet({ name: 'Admin', managedPolicies: [ADMIN_POLICY] }),
      aPermissionSet({ name: 'Admin2', managedPolicies: [ADMIN_POLICY] }),
    ],
    assignments: [adminOnMgmt],
  };

  it('refuses removing the last administrator assignment on the management account', () => {
    expect(refusals([deleteAssignment(adminOnMgmt)], adminSpec, {}, true).map((r) => r.rule)).toEqual(['lockout']);
  });

  it('accepts it when the plan adds another administrator assignment there', () => {
    const create: Change = { kind: 'assignment', action: 'create', ...adminOnMgmt, permissionSet: 'Admin2' };
    expect(refusals([deleteAssignment(adminOnMgmt), create], adminSpec, {}, true)).toEqual([]);
  });

  it('refuses taking AdministratorAccess away from the only administrator set on the management account', () => {
    const update: Change = {
      kind: 'permissionSet',
      action: 'update',
      name: 'Admin',
      attributes: [],
      after: aPermissionSet({ name: 'Admin' }),
    };
    expect(refusals([update], adminSpec).map((r) => r.rule)).toEqual(['lockout']);
  });
});
