// Case-only differences and previousNames, through the whole plan: what is renamed in
// place, what is an error, and that nothing else churns.
import { describe, expect, it } from 'vitest';
import type { LiveState } from '../model/live.js';
import type { DesiredState } from '../model/types.js';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  aTriple,
  aUser,
  anAccount,
  anAssignmentEntry,
  liveStateOf,
} from '../testing/builders.js';
import { buildPlan } from './build.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const alice = aUser({ userName: 'alice' });
const pos = { file: 'identity/groups.yaml', line: 3, col: 5 };

function plan(desired: DesiredState, live: LiveState) {
  return buildPlan(desired, live, { allowDeletes: true });
}

/** A live group with a member and an assignment, and the files naming it `name`. */
function groupCase(name: string, extra: Partial<Parameters<typeof aGroup>[0]> = {}) {
  const live = liveStateOf({
    accounts: [prod],
    users: [alice],
    groups: [aGroup({ name: 'Platform Admins', members: ['alice'] })],
    permissionSets: [aPermissionSet()],
    assignments: [aTriple({ principal: 'Platform Admins', accountId: prod.id })],
  });
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users: [alice],
    groups: [aGroup({ name, members: ['alice'], ...extra })],
    permissionSets: [aPermissionSet()],
    assignments: [anAssignmentEntry({ groups: [name], accounts: ['prod'] })],
  });
  return { live, desired };
}

describe('a group whose name differs from the live one only in case', () => {
  it('is renamed in place, keeping its members and access (no membership or assignment churn)', () => {
    const { live, desired } = groupCase('PLATFORM ADMINS');
    const result = plan(desired, live);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.changes).toEqual([{ kind: 'group', action: 'rename', name: 'PLATFORM ADMINS', previousName: 'Platform Admins' }]);
    expect(result.plan?.summary).toEqual({ add: 0, change: 1, destroy: 0 });
  });

  it('is renamed and its description updated in the same plan', () => {
    const { live, desired } = groupCase('platform admins', { description: 'Runs the platform' });
    expect(plan(desired, live).plan?.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['group rename', 'group update']);
  });

  it('is matched to the one live group of exactly its name when AWS holds both spellings', () => {
    const live = liveStateOf({ groups: [aGroup({ name: 'Admins' }), aGroup({ name: 'ADMINS' })] });
    const desired = aDesiredState({ files: ['identity.yaml'], groups: [aGroup({ name: 'Admins' })] });
    expect(plan(desired, live).plan?.changes).toEqual([{ kind: 'group', action: 'delete', name: 'ADMINS' }]);
  });

  it('is an error naming the candidates when several live groups match only by case', () => {
    const live = liveStateOf({ groups: [aGroup({ name: 'Admins' }), aGroup({ name: 'ADMINS' })] });
    const desired = aDesiredState({ files: ['identity.yaml'], groups: [aGroup({ name: 'admins', pos })] });
    const result = plan(desired, live);
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        pos,
        message:
          'group "admins" matches 2 live groups whose names differ from it only in case ("ADMINS", "Admins"); write the name exactly as the one to keep',
      },
    ]);
  });

  it('is left alone when it matches settings.ignore', () => {
    const { live, desired } = groupCase('PLATFORM ADMINS');
    const ignoring = { ...desired, assignments: [], groups: [], settings: aSettings({ ignore: { groups: ['Platform*'] } }) };
    expect(plan(ignoring, live).plan?.changes.filter((c) => c.kind === 'group')).toEqual([]);
  });
});

describe('previousNames', () => {
  it('renames the live group of a previous name in place when none has the new name', () => {
    const { live, desired } = groupCase('Customer Support', { previousNames: ['Old Name', 'platform admins'] });
    expect(plan(desired, live).plan?.changes).toEqual([
      { kind: 'group', action: 'rename', name: 'Customer Support', previousName: 'Platform Admins' },
    ]);
  });

  it('keeps the live group of the new name when it exists, and deletes the old one', () => {
    const { live, desired } = groupCase('Platform Admins');
    const both = liveStateOf({
      accounts: [prod],
      users: [alice],
      groups: [aGroup({ name: 'Platform Admins', members: ['alice'] }), aGroup({ name: 'Support' })],
      permissionSets: [aPermissionSet()],
      assignments: [aTriple({ principal: 'Platform Admins', accountId: prod.id })],
    });
    const withPrevious = { ...desired, groups: [aGroup({ name: 'Platform Admins', members: ['alice'], previousNames: ['Support'] })] };
    expect(plan(withPrevious, both).plan?.changes).toEqual([{ kind: 'group', action: 'delete', name: 'Support' }]);
    expect(plan(desired, live).plan?.changes).toEqual([]);
  });

  it('creates the group when no live group has the name or a previous name', () => {
    const desired = aDesiredState({ files: ['identity.yaml'], groups: [aGroup({ name: 'New', previousNames: ['Gone'] })] });
    expect(plan(desired, liveStateOf({})).plan?.changes).toEqual([{ kind: 'group', action: 'create', name: 'New' }]);
  });
});

describe('a user whose userName differs from the live one only in case', () => {
  it('is a plan error naming both spellings and what to write', () => {
    const live = liveStateOf({ users: [aUser({ userName: 'alice@example.com' })] });
    const desired = aDesiredState({ files: ['identity.yaml'], users: [aUser({ userName: 'Alice@Example.com', pos })] });
    const result = plan(desired, live);
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.pos).toEqual(pos);
    expect(result.diagnostics[0]?.message).toMatch(
      /^user "Alice@Example\.com" is "alice@example\.com" in AWS: .*write the userName as AWS has it \("alice@example\.com"\)$/,
    );
  });

  it('is found by members and assignments case-insensitively when users are not managed here', () => {
    const live = liveStateOf({
      accounts: [prod],
      users: [alice],
      groups: [aGroup({ name: 'G', members: ['alice'] })],
      permissionSets: [aPermissionSet()],
      assignments: [aTriple({ principalType: 'USER', principal: 'alice', accountId: prod.id })],
    });
    const desired = aDesiredState({
      files: ['identity.yaml'],
      groups: [aGroup({ name: 'G', members: ['ALICE'] })],
      permissionSets: [aPermissionSet()],
      assignments: [anAssignmentEntry({ users: ['Alice'], accounts: ['prod'] })],
      settings: aSettings({ manage: { users: false } }),
    });
    const result = plan(desired, live);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.changes).toEqual([]);
  });
});

describe('a permission set whose name differs from the live one only in case', () => {
  it('is a plan error: AWS cannot rename a set, so write the live name or choose another', () => {
    const live = liveStateOf({ permissionSets: [aPermissionSet({ name: 'Admin' })] });
    const desired = aDesiredState({ files: ['identity.yaml'], permissionSets: [aPermissionSet({ name: 'ADMIN', pos })] });
    const result = plan(desired, live);
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'permission set "ADMIN" is "Admin" in AWS: names that differ only in case are the same name, and AWS cannot rename a permission set ' +
        '(UpdatePermissionSet has no Name); write the name as AWS has it ("Admin"), or choose a different name, which replaces the set ' +
        '(a new set is created and "Admin" is deleted with its assignments)',
    ]);
  });
});

describe('protect entries', () => {
  it('protect a renamed group whatever the case they are written in', () => {
    const { live, desired } = groupCase('PLATFORM ADMINS');
    const guarded = {
      ...desired,
      assignments: [],
      settings: aSettings({
        safety: { maxDeletePercent: 100, protect: [aProtectEntry({ permissionSet: 'readonly', group: 'platform admins' })] },
      }),
    };
    const result = buildPlan(guarded, live, { allowDeletes: false });
    expect(result.plan?.changes.filter((c) => c.kind === 'assignment')).toEqual([]);
    expect(result.plan?.warnings.some((w) => w.includes('is protected'))).toBe(true);
  });
});
