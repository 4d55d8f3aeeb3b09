import { describe, expect, it } from 'vitest';
import type { Change } from '../plan/types.js';
import { FailureDependencies } from './dependencies.js';

const user = { userName: 'alice', displayName: 'Alice', givenName: 'A', familyName: 'L' };
const assignment = (action: 'create' | 'delete', permissionSet: string, principal: string, accountId: string): Change => ({
  kind: 'assignment',
  action,
  permissionSet,
  principalType: 'GROUP',
  principal,
  accountId,
});

function blockerAfter(failed: Change, next: Change): string | undefined {
  const deps = new FailureDependencies();
  deps.fail(failed, 'the failed change');
  return deps.blockerOf(next);
}

describe('what a failed change blocks', () => {
  it('blocks a membership of a user whose creation failed', () => {
    expect(
      blockerAfter(
        { kind: 'user', action: 'create', userName: 'alice', after: user },
        { kind: 'membership', action: 'create', group: 'Ops', userName: 'alice' },
      ),
    ).toBe('the failed change');
  });

  it('blocks assignments and the re-provisioning of a permission set whose update failed', () => {
    const update: Change = {
      kind: 'permissionSet',
      action: 'update',
      name: 'Admin',
      attributes: [],
      after: { name: 'Admin', tags: {}, managedPolicies: [], customerManagedPolicies: [] },
    };
    expect(blockerAfter(update, assignment('create', 'Admin', 'Ops', '111111111111'))).toBeDefined();
    expect(
      blockerAfter(update, { kind: 'permissionSet', action: 'reprovision', name: 'Admin', staleAccounts: [], reason: 'updated' }),
    ).toBeDefined();
  });

  it('keeps the old access of a principal on an account when its new access there failed (no lock-out)', () => {
    expect(
      blockerAfter(assignment('create', 'PowerUser', 'Ops', '111111111111'), assignment('delete', 'Admin', 'Ops', '111111111111')),
    ).toBeDefined();
  });

  it('keeps a user in its old group when adding it to the new one failed', () => {
    expect(
      blockerAfter(
        { kind: 'membership', action: 'create', group: 'New', userName: 'alice' },
        { kind: 'membership', action: 'delete', group: 'Old', userName: 'alice' },
      ),
    ).toBeDefined();
  });

  it('does not delete a group, user or permission set whose assignments could not be removed', () => {
    const failedRemoval = assignment('delete', 'Admin', 'Ops', '111111111111');
    expect(blockerAfter(failedRemoval, { kind: 'group', action: 'delete', name: 'Ops' })).toBeDefined();
    expect(blockerAfter(failedRemoval, { kind: 'permissionSet', action: 'delete', name: 'Admin' })).toBeDefined();
    expect(
      blockerAfter(
        { kind: 'membership', action: 'delete', group: 'Ops', userName: 'alice' },
        { kind: 'user', action: 'delete', userName: 'alice' },
      ),
    ).toBeDefined();
  });

  it('lets independent changes run: other principals, other accounts, other sets', () => {
    const failed = assignment('create', 'PowerUser', 'Ops', '111111111111');
    expect(blockerAfter(failed, assignment('delete', 'Admin', 'Ops', '222222222222'))).toBeUndefined();
    expect(blockerAfter(failed, assignment('delete', 'Admin', 'Devs', '111111111111'))).toBeUndefined();
    expect(blockerAfter(failed, { kind: 'permissionSet', action: 'delete', name: 'Admin' })).toBeUndefined();
    expect(blockerAfter(failed, { kind: 'group', action: 'delete', name: 'Other' })).toBeUndefined();
  });
});

describe('what a failed group rename blocks', () => {
  const rename: Change = { kind: 'group', action: 'rename', name: 'Customer Support', previousName: 'Support' };

  it('blocks everything that names the group by its new name', () => {
    expect(blockerAfter(rename, { kind: 'group', action: 'update', name: 'Customer Support', attributes: [] })).toBeDefined();
    expect(blockerAfter(rename, { kind: 'membership', action: 'create', group: 'Customer Support', userName: 'alice' })).toBeDefined();
    expect(blockerAfter(rename, { kind: 'membership', action: 'delete', group: 'Customer Support', userName: 'alice' })).toBeDefined();
    expect(blockerAfter(rename, assignment('create', 'Admin', 'Customer Support', '111111111111'))).toBeDefined();
    expect(blockerAfter(rename, assignment('delete', 'Admin', 'Customer Support', '111111111111'))).toBeDefined();
  });

  it('blocks nothing of other groups or of users', () => {
    expect(blockerAfter(rename, assignment('delete', 'Admin', 'Other', '111111111111'))).toBeUndefined();
    expect(blockerAfter(rename, { kind: 'membership', action: 'delete', group: 'Other', userName: 'alice' })).toBeUndefined();
  });
});
