// A membership change against the writer port.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { MembershipChange } from '../../plan/types.js';

export async function applyMembershipChange(c: MembershipChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  const groupId = ids.groupId(c.group);
  const userId = ids.userId(c.userName);
  if (c.action === 'create') await w.createMembership(groupId, userId);
  else await w.deleteMembership(ids.membershipId(groupId, userId, `"${c.userName}" in "${c.group}"`));
}
