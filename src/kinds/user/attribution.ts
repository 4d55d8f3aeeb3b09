// CloudTrail events that explain a drifted user change (plan --attribute, src/plan/attribution.ts).
import { GONE, type ChangeClues, type LiveIds } from '../../plan/attribution-clues.js';
import type { UserChange } from '../../plan/types.js';

export function userClues(c: UserChange, ids: LiveIds): ChangeClues {
  const id = ids.users.get(c.userName);
  if (c.action === 'create' || id === undefined) return { unattributable: `user "${c.userName}": ${GONE}` };
  const updates = { eventName: 'UpdateUser', fields: { 'request.userId': id } };
  return { clues: c.action === 'delete' ? [{ eventName: 'CreateUser', fields: { 'response.userId': id } }, updates] : [updates] };
}
