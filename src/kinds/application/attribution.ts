// CloudTrail events that explain a drifted application change (plan --attribute, src/plan/attribution.ts).
import type { LiveState } from '../../model/live.js';
import { GONE, type ChangeClues, type LiveIds } from '../../plan/attribution-clues.js';
import type { ApplicationChange } from '../../plan/types.js';

const FIELD_EVENTS: Record<string, string> = {
  description: 'UpdateApplication',
  status: 'UpdateApplication',
  assignmentRequired: 'PutApplicationAssignmentConfiguration',
};

export function applicationClues(c: ApplicationChange, _ids: LiveIds, live: LiveState): ChangeClues {
  const arn = live.applications?.find((a) => a.name === c.name)?.applicationArn;
  if (c.action === 'create' || arn === undefined) return { unattributable: `application "${c.name}": ${GONE}` };
  if (c.action === 'delete') return { clues: [{ eventName: 'CreateApplication', fields: { 'response.applicationArn': arn } }] };
  const names = new Set(c.attributes.flatMap((a) => FIELD_EVENTS[a.field] ?? []));
  return { clues: [...names].map((eventName) => ({ eventName, fields: { 'request.applicationArn': arn } })) };
}
