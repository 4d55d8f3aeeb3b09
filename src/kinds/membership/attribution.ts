// CloudTrail events that explain a drifted membership change (plan --attribute, src/plan/attribution.ts).
import { type ChangeClues, type LiveIds } from '../../plan/attribution-clues.js';
import type { MembershipChange } from '../../plan/types.js';

export function membershipClues(c: MembershipChange, ids: LiveIds): ChangeClues {
  const groupId = ids.groups.get(c.group);
  const userId = ids.users.get(c.userName);
  if (c.action === 'create' || groupId === undefined || userId === undefined)
    return {
      unattributable: `membership of "${c.userName}" in "${c.group}": DeleteGroupMembership names only the membership id, which is gone`,
    };
  return { clues: [{ eventName: 'CreateGroupMembership', fields: { 'request.groupId': groupId, 'request.memberId.userId': userId } }] };
}
