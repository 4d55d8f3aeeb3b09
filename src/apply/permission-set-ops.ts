// Turns "this permission set is X, it must become Y" into the individual AWS write
// steps, purely. Kept apart from the AWS layer so the choice of steps is unit-tested
// without a network, and the adapter stays a one-call-per-step translation.
import equal from 'fast-deep-equal';
import { sessionDurationSeconds } from '../load/duration.js';
import type { PermissionSet, PermissionsBoundary, PolicyDocument, PolicyRef } from '../model/types.js';

export type PermissionSetOperation =
  /** UpdatePermissionSet always carries description, session duration and relay state
   *  together: AWS may reset the ones a partial update omits. */
  | { op: 'updateBasics'; description?: string; sessionDuration?: string; relayState?: string }
  | { op: 'tag'; tags: Record<string, string> }
  | { op: 'untag'; keys: string[] }
  | { op: 'attachManagedPolicy'; arn: string }
  | { op: 'detachManagedPolicy'; arn: string }
  | { op: 'attachCustomerManagedPolicy'; ref: PolicyRef }
  | { op: 'detachCustomerManagedPolicy'; ref: PolicyRef }
  | { op: 'putInlinePolicy'; document: PolicyDocument }
  | { op: 'deleteInlinePolicy' }
  | { op: 'putPermissionsBoundary'; boundary: PermissionsBoundary }
  | { op: 'deletePermissionsBoundary' };

const DEFAULT_SESSION_DURATION = 'PT1H';
const refKey = (r: PolicyRef): string => `${r.path}${r.name}`;

/** Same duration however spelled (PT60M is PT1H), as the plan compares it. */
function sameSessionDuration(a: string | undefined, b: string | undefined): boolean {
  const x = a ?? DEFAULT_SESSION_DURATION;
  const y = b ?? DEFAULT_SESSION_DURATION;
  return x === y || (sessionDurationSeconds(x) !== undefined && sessionDurationSeconds(x) === sessionDurationSeconds(y));
}

function basicsDiffer(before: PermissionSet, after: PermissionSet): boolean {
  return (
    (before.description ?? '') !== (after.description ?? '') ||
    !sameSessionDuration(before.sessionDuration, after.sessionDuration) ||
    (before.relayState ?? '') !== (after.relayState ?? '')
  );
}

function tagOperations(before: Record<string, string>, after: Record<string, string>): PermissionSetOperation[] {
  const removed = Object.keys(before)
    .filter((k) => !(k in after))
    .sort();
  const changed: Record<string, string> = {};
  for (const k of Object.keys(after).sort()) {
    if (before[k] !== after[k]) changed[k] = after[k] as string;
  }
  const ops: PermissionSetOperation[] = [];
  if (removed.length > 0) ops.push({ op: 'untag', keys: removed });
  if (Object.keys(changed).length > 0) ops.push({ op: 'tag', tags: changed });
  return ops;
}

/**
 * The steps that turn `before` into `after`. `before` undefined means the set was just
 * created with basics and tags (CreatePermissionSet carries them), so only content
 * follows. Attachments come before detachments so a role is never briefly without a
 * policy it keeps; the boundary is replaced in one put.
 */
export function permissionSetOperations(before: PermissionSet | undefined, after: PermissionSet): PermissionSetOperation[] {
  const ops: PermissionSetOperation[] = [];
  const base: PermissionSet = before ?? {
    ...after,
    managedPolicies: [],
    customerManagedPolicies: [],
    inlinePolicy: undefined,
    permissionsBoundary: undefined,
  };
  if (before && basicsDiffer(before, after)) {
    ops.push({
      op: 'updateBasics',
      ...(after.description !== undefined ? { description: after.description } : {}),
      sessionDuration: after.sessionDuration ?? DEFAULT_SESSION_DURATION,
      ...(after.relayState !== undefined ? { relayState: after.relayState } : {}),
    });
  }
  if (before) ops.push(...tagOperations(before.tags, after.tags));

  const managedBefore = new Set(base.managedPolicies);
  const managedAfter = new Set(after.managedPolicies);
  for (const arn of after.managedPolicies) if (!managedBefore.has(arn)) ops.push({ op: 'attachManagedPolicy', arn });
  const cmpBefore = new Set(base.customerManagedPolicies.map(refKey));
  const cmpAfter = new Set(after.customerManagedPolicies.map(refKey));
  for (const ref of after.customerManagedPolicies) {
    if (!cmpBefore.has(refKey(ref))) ops.push({ op: 'attachCustomerManagedPolicy', ref });
  }
  for (const arn of base.managedPolicies) if (!managedAfter.has(arn)) ops.push({ op: 'detachManagedPolicy', arn });
  for (const ref of base.customerManagedPolicies) {
    if (!cmpAfter.has(refKey(ref))) ops.push({ op: 'detachCustomerManagedPolicy', ref });
  }

  if (after.inlinePolicy !== undefined) {
    if (!equal(base.inlinePolicy, after.inlinePolicy)) ops.push({ op: 'putInlinePolicy', document: after.inlinePolicy });
  } else if (base.inlinePolicy !== undefined) {
    ops.push({ op: 'deleteInlinePolicy' });
  }

  if (after.permissionsBoundary !== undefined) {
    if (!equal(base.permissionsBoundary, after.permissionsBoundary)) {
      ops.push({ op: 'putPermissionsBoundary', boundary: after.permissionsBoundary });
    }
  } else if (base.permissionsBoundary !== undefined) {
    ops.push({ op: 'deletePermissionsBoundary' });
  }
  return ops;
}
