// CloudTrail events that explain a drifted assignment change (plan --attribute, src/plan/attribution.ts).
import { type ChangeClues, type LiveIds } from '../../plan/attribution-clues.js';
import type { AssignmentChange } from '../../plan/types.js';

export function assignmentClues(c: AssignmentChange, ids: LiveIds): ChangeClues {
  const arn = ids.permissionSets.get(c.permissionSet);
  const principalId = (c.principalType === 'USER' ? ids.users : ids.groups).get(c.principal);
  if (arn === undefined || principalId === undefined)
    return {
      unattributable: `assignment of "${c.permissionSet}" to "${c.principal}": its permission set or principal does not exist in AWS`,
    };
  // the files want it and AWS lacks it: someone deleted it; and the other way round
  const eventName = c.action === 'create' ? 'DeleteAccountAssignment' : 'CreateAccountAssignment';
  return {
    clues: [
      {
        eventName,
        fields: { 'request.permissionSetArn': arn, 'request.targetId': c.accountId, 'request.principalId': principalId },
      },
    ],
  };
}
