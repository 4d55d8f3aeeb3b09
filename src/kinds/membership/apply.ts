// A membership change against the writer port.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { MembershipChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyMembershipChange(c: MembershipChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  const groupId = ids.groupId(c.group);
  const userId = ids.userId(c.userName);
  switch (c.action) {
    case 'create':
      return w.createMembership(groupId, userId);
    case 'delete':
      return w.deleteMembership(ids.membershipId(groupId, userId, `"${c.userName}" in "${c.group}"`));
    default:
      return assertNever(c.action, 'membership action');
  }
}
