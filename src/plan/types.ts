// The plan: plain, versioned data. Produced by the pure diff (src/plan), rendered by
// src/render, applied by src/apply. Changes name things (userName, group name,
// permission set name, account id) — never instance-specific ids — so a saved plan is
// readable and the apply step looks ids up in the live state it re-reads.
import type { JsonValue, PermissionSet, PrincipalType, User } from '../model/types.js';

export const PLAN_FORMAT_VERSION = 1;

/** One attribute that differs: `before`/`after` undefined means absent. */
export interface AttributeChange {
  field: string;
  before?: JsonValue;
  after?: JsonValue;
}

export type UserChange =
  | { kind: 'user'; action: 'create'; userName: string; after: User }
  | { kind: 'user'; action: 'update'; userName: string; attributes: AttributeChange[] }
  | { kind: 'user'; action: 'delete'; userName: string };

export type GroupChange =
  | { kind: 'group'; action: 'create'; name: string; description?: string }
  | { kind: 'group'; action: 'update'; name: string; attributes: AttributeChange[] }
  /** UpdateGroup of displayName: same id, members and access; `previousName` is the live name. */
  | { kind: 'group'; action: 'rename'; name: string; previousName: string }
  | { kind: 'group'; action: 'delete'; name: string };

export type MembershipChange = { kind: 'membership'; action: 'create' | 'delete'; group: string; userName: string };

export type PermissionSetChange =
  | { kind: 'permissionSet'; action: 'create'; name: string; after: PermissionSet }
  | {
      kind: 'permissionSet';
      action: 'update';
      name: string;
      /** Attribute-level changes: description, sessionDuration, relayState, tags,
       *  managedPolicies, customerManagedPolicies, inlinePolicy, permissionsBoundary. */
      attributes: AttributeChange[];
      after: PermissionSet;
    }
  | { kind: 'permissionSet'; action: 'delete'; name: string }
  /** Re-provision to every account that has the set (after an update, or because
   *  some accounts show LATEST_PERMISSION_SET_NOT_PROVISIONED). `staleAccounts` lists
   *  the accounts known stale before the run. */
  | { kind: 'permissionSet'; action: 'reprovision'; name: string; staleAccounts: string[]; reason: 'updated' | 'stale' };

export type AssignmentChange = {
  kind: 'assignment';
  action: 'create' | 'delete';
  permissionSet: string;
  principalType: PrincipalType;
  principal: string;
  accountId: string;
  /** For display only. */
  accountName?: string;
};

export type Change = UserChange | GroupChange | MembershipChange | PermissionSetChange | AssignmentChange;
export type ChangeKind = Change['kind'];

export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
}

/** Something the plan would do but the safety rules refuse. Without `change` the whole
 *  plan is refused: reconcile applies nothing. With `change` only that change is refused
 *  (it stays in `changes` for the reviewer): reconcile applies everything else except
 *  what depends on it, then exits 1 listing it. */
export interface Refusal {
  rule: 'max-delete-percent' | 'delete-all' | 'protected' | 'management-account' | 'lockout' | 'empty-state' | string;
  message: string;
  /** The one change refused (a copy of an entry of `changes`). */
  change?: Change;
}

/** Effective access that the plan gives or takes away: one person, one account, one
 *  permission set (src/access/plan-access.ts). `via`: what grants it after the plan
 *  (gain) or granted it before (lose): `direct`, `group:<name>`. */
export interface AccessChange {
  userName: string;
  accountId: string;
  accountName: string;
  permissionSet: string;
  change: 'gain' | 'lose';
  via: string[];
  /** The permission set matches settings.review.privileged. */
  privileged: boolean;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  /** ISO timestamp. */
  createdAt: string;
  instanceArn: string;
  identityStoreId: string;
  /** sha256 (hex) of the canonical live state the plan was computed from. */
  liveChecksum: string;
  changes: Change[];
  summary: PlanSummary;
  refused: Refusal[];
  warnings: string[];
  /** What was deliberately left out of the comparison (out of scope): informative, never
   *  drift. Absent when there is nothing to say. */
  notes?: string[];
  /** Who gains and who loses access through this plan, sorted by user, account name,
   *  permission set. Absent only in plan files made before it existed. */
  accessChanges?: AccessChange[];
}

/** The refusals that stop the whole plan (as opposed to one change each). */
export function wholePlanRefusals(plan: Pick<Plan, 'refused'>): Refusal[] {
  return plan.refused.filter((r) => r.change === undefined);
}

/** The changes refused alone, each with its refusal. */
export function refusedChanges(plan: Pick<Plan, 'refused'>): { change: Change; refusal: Refusal }[] {
  return plan.refused.flatMap((r) => (r.change !== undefined ? [{ change: r.change, refusal: r }] : []));
}
