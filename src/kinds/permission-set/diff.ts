// Permission sets: matched by name; compared attribute by attribute. Policy documents
// are compared as canonical JSON, so key order and whitespace never show as changes.
// A set whose role content changed is re-provisioned once to the accounts that have
// it; a set with stale accounts is re-provisioned even without a change in the files.
import type { LivePermissionSet } from '../../model/live.js';
import type { JsonValue, PermissionSet, DesiredState } from '../../model/types.js';
import { sessionDurationSeconds } from '../../load/duration.js';
import { asJson } from '../../plan/canonical.js';
import type { NamedLive } from '../../plan/live-names.js';
import type { AttributeChange, PermissionSetChange } from '../../plan/types.js';
import { compareAttribute } from '../../plan/diff/attributes.js';
import { diffByName, type DiffResult } from '../../plan/diff/result.js';
import { comparePolicyRefs } from '../../model/order.js';

/** AWS applies PT1H when a set has no session duration. */
export const DEFAULT_SESSION_DURATION = 'PT1H';

export const PERMISSION_SET_FIELDS = [
  'description',
  'sessionDuration',
  'relayState',
  'tags',
  'managedPolicies',
  'customerManagedPolicies',
  'inlinePolicy',
  'permissionsBoundary',
] as const;
type PermissionSetField = (typeof PERMISSION_SET_FIELDS)[number];

/**
 * Fields that reach the accounts that have the set (its IAM role there, or the sign-in to
 * it): changing them leaves those accounts on the old version until ProvisionPermissionSet.
 * The API reference says so of the policy operations (AttachManagedPolicyToPermissionSet,
 * PutInlinePolicyToPermissionSet, ...: "you will need to call ProvisionPermissionSet");
 * the user guide's "Set relay state" and "Set session duration" end with "choose
 * Reprovision". Tags and the description stay in Identity Center: changing only them, or
 * removing them, plans no re-provisioning.
 */
const ROLE_FIELDS: ReadonlySet<string> = new Set<PermissionSetField>([
  'sessionDuration',
  'relayState',
  'managedPolicies',
  'customerManagedPolicies',
  'inlinePolicy',
  'permissionsBoundary',
]);

/** The set as the plan stores it: modelled attributes only, no position, no ARN. */
export function plainPermissionSet(s: PermissionSet): PermissionSet {
  const out: PermissionSet = {
    name: s.name,
    tags: s.tags,
    managedPolicies: [...s.managedPolicies].sort(),
    customerManagedPolicies: [...s.customerManagedPolicies].sort(comparePolicyRefs),
  };
  if (s.description) out.description = s.description;
  if (s.sessionDuration) out.sessionDuration = s.sessionDuration;
  if (s.relayState) out.relayState = s.relayState;
  if (s.inlinePolicy !== undefined) out.inlinePolicy = s.inlinePolicy;
  if (s.permissionsBoundary !== undefined) out.permissionsBoundary = s.permissionsBoundary;
  return out;
}

/** A field's value as compared and shown: empty collections are absent. */
function comparable(s: PermissionSet, field: PermissionSetField): JsonValue | undefined {
  const plain = plainPermissionSet(s);
  const value = plain[field];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (field === 'tags' && Object.keys(plain.tags).length === 0) return undefined;
  return asJson(value);
}

function compareSessionDuration(before: PermissionSet, after: PermissionSet): AttributeChange | undefined {
  const b = before.sessionDuration ?? DEFAULT_SESSION_DURATION;
  const a = after.sessionDuration ?? DEFAULT_SESSION_DURATION;
  const same = b === a || (sessionDurationSeconds(b) !== undefined && sessionDurationSeconds(b) === sessionDurationSeconds(a));
  return same ? undefined : { field: 'sessionDuration', before: b, after: a };
}

export function permissionSetAttributeChanges(before: PermissionSet, after: PermissionSet): AttributeChange[] {
  return PERMISSION_SET_FIELDS.flatMap((field) => {
    const change =
      field === 'sessionDuration'
        ? compareSessionDuration(before, after)
        : compareAttribute(field, comparable(before, field), comparable(after, field));
    return change ?? [];
  });
}

export function diffPermissionSets(desired: DesiredState, live: NamedLive): DiffResult<PermissionSetChange> {
  if (!desired.settings.manage.permissionSets) return { changes: [], warnings: [] };
  const reprovision = (name: string, reason: 'updated' | 'stale'): PermissionSetChange => ({
    kind: 'permissionSet',
    action: 'reprovision',
    name,
    staleAccounts: live.staleAccounts.get(name) ?? [],
    reason,
  });
  return diffByName<PermissionSet, LivePermissionSet, PermissionSetChange>({
    what: 'permission set',
    ignoreKey: 'permissionSets',
    ignore: desired.settings.ignore.permissionSets,
    desired: desired.permissionSets,
    nameOf: (p) => p.name,
    live: live.permissionSets,
    create: (p) => ({ kind: 'permissionSet', action: 'create', name: p.name, after: plainPermissionSet(p) }),
    update: (p, current) => {
      const changes: PermissionSetChange[] = [];
      const attributes = permissionSetAttributeChanges(current, p);
      if (attributes.length > 0)
        changes.push({ kind: 'permissionSet', action: 'update', name: p.name, attributes, after: plainPermissionSet(p) });
      const roleChanged = attributes.some((a) => ROLE_FIELDS.has(a.field));
      if (roleChanged && (live.provisionedAccounts.get(p.name) ?? []).length > 0) changes.push(reprovision(p.name, 'updated'));
      else if ((live.staleAccounts.get(p.name) ?? []).length > 0) changes.push(reprovision(p.name, 'stale'));
      return changes;
    },
    remove: (name) => ({ kind: 'permissionSet', action: 'delete', name }),
  });
}
