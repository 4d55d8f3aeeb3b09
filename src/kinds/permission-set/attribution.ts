// CloudTrail events that explain a drifted permissionSet change (plan --attribute, src/plan/attribution.ts).
import { GONE, type ChangeClues, type Clue, type LiveIds } from '../../plan/attribution-clues.js';
import type { PermissionSetChange } from '../../plan/types.js';

const PERMISSION_SET_EVENTS: Record<string, string[]> = {
  description: ['UpdatePermissionSet'],
  sessionDuration: ['UpdatePermissionSet'],
  relayState: ['UpdatePermissionSet'],
  inlinePolicy: ['PutInlinePolicyToPermissionSet', 'DeleteInlinePolicyFromPermissionSet'],
  managedPolicies: ['AttachManagedPolicyToPermissionSet', 'DetachManagedPolicyFromPermissionSet'],
  customerManagedPolicies: ['AttachCustomerManagedPolicyReferenceToPermissionSet', 'DetachCustomerManagedPolicyReferenceFromPermissionSet'],
  permissionsBoundary: ['PutPermissionsBoundaryToPermissionSet', 'DeletePermissionsBoundaryFromPermissionSet'],
};
const PERMISSION_SET_TAG_EVENTS = ['TagResource', 'UntagResource'];

export function permissionSetClues(c: PermissionSetChange, ids: LiveIds): ChangeClues {
  const arn = ids.permissionSets.get(c.name);
  if (c.action === 'create' || arn === undefined) return { unattributable: `permission set "${c.name}": ${GONE}` };
  if (c.action === 'reprovision')
    return { unattributable: 'a re-provisioning follows from other changes; it is not itself a change in AWS' };
  if (c.action === 'delete')
    return { clues: [{ eventName: 'CreatePermissionSet', fields: { 'response.permissionSet.permissionSetArn': arn } }] };
  const names = new Set(c.attributes.flatMap((a) => PERMISSION_SET_EVENTS[a.field] ?? []));
  const clues: Clue[] = [...names].map((eventName) => ({ eventName, fields: { 'request.permissionSetArn': arn } }));
  if (c.attributes.some((a) => a.field === 'tags'))
    clues.push(...PERMISSION_SET_TAG_EVENTS.map((eventName) => ({ eventName, fields: { 'request.resourceArn': arn } })));
  return { clues };
}
