// The plan: plain, versioned data. Produced by the pure diff (src/plan), rendered by
// src/render, applied by src/apply. Changes name things (userName, group name,
// permission set name, account id) — never instance-specific ids — so a saved plan is
// readable and the apply step looks ids up in the live state it re-reads.
import type { ApplicationStatus } from '../model/applications.js';
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

export type MembershipChange = {
  kind: 'membership';
  action: 'create' | 'delete';
  group: string;
  userName: string;
  /** On a delete caused by the member's expiry: its `expiresAt` as written (src/plan/expiry.ts). */
  expired?: string;
};

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
  /** On a delete caused by the entry's expiry: its `expiresAt` as written (src/plan/expiry.ts). */
  expired?: string;
};

/** One key of the instance's attributes for access control (ABAC). The plan shows each key;
 *  the apply step writes the whole configuration in one call. `source` is the new value. */
export type AccessControlAttributeChange =
  | { kind: 'accessControlAttribute'; action: 'create'; key: string; source: string[] }
  | { kind: 'accessControlAttribute'; action: 'update'; key: string; attributes: AttributeChange[]; source: string[] }
  | { kind: 'accessControlAttribute'; action: 'delete'; key: string };

/** An application of `applications:`. Only customer managed ones (with a provider the API
 *  can create) are created or deleted; any application's assignmentRequired, and a customer
 *  managed one's description and status, are updated (`attributes`, `after` = new value). */
export type ApplicationChange =
  | {
      kind: 'application';
      action: 'create';
      name: string;
      providerArn: string;
      description?: string;
      status?: ApplicationStatus;
      assignmentRequired?: boolean;
    }
  | { kind: 'application'; action: 'update'; name: string; attributes: AttributeChange[] }
  | { kind: 'application'; action: 'delete'; name: string };

/** A user or group assigned to an application (CreateApplicationAssignment / DeleteApplicationAssignment). */
export type ApplicationAssignmentChange = {
  kind: 'applicationAssignment';
  action: 'create' | 'delete';
  application: string;
  principalType: PrincipalType;
  principal: string;
};

export type Change =
  | UserChange
  | GroupChange
  | MembershipChange
  | PermissionSetChange
  | AssignmentChange
  | AccessControlAttributeChange
  | ApplicationChange
  | ApplicationAssignmentChange;
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
  rule: 'max-delete-percent' | 'delete-all' | 'protected' | 'management-account' | 'lockout' | 'empty-state' | (string & {});
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

/** Use of an application that the plan gives or takes away (src/access/plan-application-access.ts).
 *  `via`: what grants it after the plan (gain) or granted it before (lose): `direct`, `everyone`, `group:<name>`. */
export interface ApplicationAccessChange {
  userName: string;
  application: string;
  change: 'gain' | 'lose';
  via: string[];
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
  /** IAM Access Analyzer's findings on the desired inline policies (`plan --lint-policies`),
   *  by permission set, sorted by name; only sets with findings. Absent when not linted. */
  policyFindings?: PermissionSetPolicyFindings[];
  /** Entries of the files that are still live and expire soon (src/plan/expiry.ts); absent when none. */
  expiring?: ExpiringEntry[];
  /** Who made each change in AWS, from CloudTrail (`plan --attribute`). Absent without it. */
  attributions?: Attributions;
  /** Who gains and who loses access through this plan, sorted by user, account name,
   *  permission set. Absent in plan files made before it existed, and in a scoped plan past
   *  its bound of affected people (src/plan/scoped/access-needs.ts; a note says so). */
  accessChanges?: AccessChange[];
  /** Who gains and who loses the use of an application, sorted by user, application; absent when none. */
  applicationAccessChanges?: ApplicationAccessChange[];
  /** `plan --changed-since REF`: the plan covers only the objects the files changed since
   *  REF (src/plan/scoped). Absent for a full plan. */
  scope?: PlanScope;
}

/** What a scoped plan covers; the nightly drift check (a full plan) covers everything. */
export interface PlanScope {
  /** The git ref the state files were compared with, as given. */
  changedSince: string;
  /** How many objects (users, groups, memberships, permission sets, assignments) changed. */
  objects: number;
}

/** ValidatePolicy's finding types (service model accessanalyzer, ValidatePolicyFindingType). */
export type PolicyFindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

/** One step of a path through the policy's JSON (ValidatePolicy's PathElement union). */
export type PolicyPathElement = { index: number } | { key: string } | { value: string } | { substring: { start: number; length: number } };

/** A position in the policy text sent (the compact JSON): line from 1, column and offset from 0. */
export interface PolicyPosition {
  line: number;
  column: number;
  offset: number;
}

export interface PolicyFindingLocation {
  path: PolicyPathElement[];
  span?: { start: PolicyPosition; end: PolicyPosition };
}

/** One ValidatePolicy finding, as plain data. */
export interface PolicyFinding {
  findingType: PolicyFindingType;
  issueCode: string;
  /** AWS's findingDetails. */
  message: string;
  learnMoreLink?: string;
  locations: PolicyFindingLocation[];
}

export interface PermissionSetPolicyFindings {
  permissionSet: string;
  findings: PolicyFinding[];
}

/** Something in the files that will expire, for the plan's "Expiring" list. */
export interface ExpiringEntry {
  kind: 'membership' | 'assignment';
  /** What expires, in words: `user "bob" in group "Ops"`. */
  what: string;
  /** As written in the state file. */
  expiresAt: string;
  /** Whole days left when the plan was made (0: less than a day). */
  daysLeft: number;
}

/** One CloudTrail event that explains the live side of a change: who, when, from where. */
export interface AttributedEvent {
  /** ISO 8601 */
  time: string;
  eventName: string;
  eventSource: string;
  eventId: string;
  /** Root, IAMUser, AssumedRole, AWSService, ... */
  principalType: string;
  principalArn?: string;
  /** the role session name of an assumed role (often the person) */
  sessionName?: string;
  /** the caller's IP address */
  sourceIp?: string;
  /** the AWS service that made the call (console, another service), when not an IP */
  viaService?: string;
}

export interface ChangeAttribution {
  /** index into `changes` */
  change: number;
  /** newest first; empty when CloudTrail has nothing (then `note` says why) */
  events: AttributedEvent[];
  note?: string;
}

export interface Attributions {
  /** the window looked at: ISO 8601 */
  since: string;
  until: string;
  /** one per change, in the order of `changes` */
  changes: ChangeAttribution[];
  /** set when CloudTrail could not be read at all (e.g. AccessDenied): the plan is complete, only unattributed */
  note?: string;
}

/** The refusals that stop the whole plan (as opposed to one change each). */
export function wholePlanRefusals(plan: Pick<Plan, 'refused'>): Refusal[] {
  return plan.refused.filter((r) => r.change === undefined);
}

/** The changes refused alone, each with its refusal. */
export function refusedChanges(plan: Pick<Plan, 'refused'>): { change: Change; refusal: Refusal }[] {
  return plan.refused.flatMap((r) => (r.change !== undefined ? [{ change: r.change, refusal: r }] : []));
}
