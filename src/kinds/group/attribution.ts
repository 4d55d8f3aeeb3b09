// CloudTrail events that explain a drifted group change (plan --attribute, src/plan/attribution.ts).
import { GONE, type ChangeClues, type LiveIds } from '../../plan/attribution-clues.js';
import type { GroupChange } from '../../plan/types.js';

export function groupClues(c: GroupChange, ids: LiveIds): ChangeClues {
  const id = ids.groups.get(c.action === 'rename' ? c.previousName : c.name);
  if (c.action === 'create' || id === undefined) return { unattributable: `group "${c.name}": ${GONE}` };
  const updates = { eventName: 'UpdateGroup', fields: { 'request.groupId': id } };
  return {
    clues: c.action === 'delete' ? [{ eventName: 'CreateGroup', fields: { 'response.groupId': id } }, updates] : [updates],
  };
}
