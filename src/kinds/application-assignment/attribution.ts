// CloudTrail events that explain a drifted application assignment (plan --attribute, src/plan/attribution.ts).
import type { LiveState } from '../../model/live.js';
import type { ChangeClues, LiveIds } from '../../plan/attribution-clues.js';
import type { ApplicationAssignmentChange } from '../../plan/types.js';

export function applicationAssignmentClues(c: ApplicationAssignmentChange, ids: LiveIds, live: LiveState): ChangeClues {
  const arn = live.applications?.find((a) => a.name === c.application)?.applicationArn;
  const principalId = (c.principalType === 'USER' ? ids.users : ids.groups).get(c.principal);
  if (arn === undefined || principalId === undefined)
    return {
      unattributable: `assignment of "${c.principal}" to application "${c.application}": its application or principal does not exist in AWS`,
    };
  // the files want it and AWS lacks it: someone deleted it; and the other way round
  const eventName = c.action === 'create' ? 'DeleteApplicationAssignment' : 'CreateApplicationAssignment';
  return { clues: [{ eventName, fields: { 'request.applicationArn': arn, 'request.principalId': principalId } }] };
}
