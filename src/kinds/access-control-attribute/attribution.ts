// CloudTrail events that explain a drifted accessControlAttribute change (plan --attribute, src/plan/attribution.ts).
import type { LiveState } from '../../model/live.js';
import { type ChangeClues } from '../../plan/attribution-clues.js';
import type { AccessControlAttributeChange } from '../../plan/types.js';

export function accessControlAttributeClues(c: AccessControlAttributeChange, _ids: unknown, live: LiveState): ChangeClues {
  // the instance's whole ABAC configuration is written in one call; any of the three explains a key's drift
  const eventNames = [
    'CreateInstanceAccessControlAttributeConfiguration',
    'UpdateInstanceAccessControlAttributeConfiguration',
    'DeleteInstanceAccessControlAttributeConfiguration',
  ];
  return { clues: eventNames.map((eventName) => ({ eventName, fields: { 'request.instanceArn': live.instanceArn } })) };
}
