// The AWS-free model of Identity Center state. Both the desired state (loaded from
// YAML) and the live state (read from AWS, then named) are expressed with these types,
// so the diff compares like with like. Nothing here imports the AWS SDK.
import type { ApplicationEntry } from './applications.js';
import type { Expiry } from './expiry.js';
import { compareStrings } from './order.js';
import type { SourcePos } from './source-pos.js';

export type { SourcePos };

/** Optional single-valued text attributes of a user (identitystore User members, camelCased;
 *  the Name parts are flattened: `middleName` is Name.MiddleName, `formattedName` Name.Formatted). */
export const OPTIONAL_USER_ATTRIBUTES = [
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'formattedName',
  'nickName',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'profileUrl',
  'website',
  'birthdate',
] as const;
export type OptionalUserAttribute = (typeof OPTIONAL_USER_ATTRIBUTES)[number];

/** Multi-valued and extension attributes, compared as whole values (identitystore User). */
export const STRUCTURED_USER_ATTRIBUTES = ['emails', 'addresses', 'phoneNumbers', 'photos', 'roles', 'enterprise'] as const;
export type StructuredUserAttribute = (typeof STRUCTURED_USER_ATTRIBUTES)[number];

/** identitystore Email, PhoneNumber and Role: a value with an optional type and primary flag. */
export interface UserTypedValue {
  value: string;
  type?: string;
  primary?: boolean;
}

/** identitystore Address. */
export interface UserAddress {
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  formatted?: string;
  type?: string;
  primary?: boolean;
}

/** identitystore Photo (Value is required by the model). */
export interface UserPhoto {
  value: string;
  type?: string;
  display?: string;
  primary?: boolean;
}

/** The `aws:identitystore:enterprise` extension (SCIM enterprise user, RFC 7643 section 4.3). */
export interface EnterpriseAttributes {
  employeeNumber?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  department?: string;
  /** The manager's identifier, as SCIM's `manager.value`. */
  manager?: { value: string };
}

/** identitystore ExternalId: set by an identity provider (SCIM), never by this tool. */
export interface ExternalId {
  issuer: string;
  id: string;
}

export interface User {
  userName: string;
  displayName: string;
  givenName: string;
  familyName: string;
  middleName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
  formattedName?: string;
  nickName?: string;
  title?: string;
  userType?: string;
  preferredLanguage?: string;
  locale?: string;
  timezone?: string;
  profileUrl?: string;
  website?: string;
  birthdate?: string;
  /** `email: x` in the files is the short form of one primary work email. */
  emails?: UserTypedValue[];
  addresses?: UserAddress[];
  phoneNumbers?: UserTypedValue[];
  photos?: UserPhoto[];
  roles?: UserTypedValue[];
  enterprise?: EnterpriseAttributes;
  /** Read-only (never compared, never written): the identity provider's ids. */
  externalIds?: ExternalId[];
  /** Read-only: UserStatus DISABLED; no identitystore API sets it (see docs/state-format.md). */
  status?: 'disabled';
  pos?: SourcePos;
}

export interface Group {
  /** The group's DisplayName. */
  name: string;
  description?: string;
  /** Read-only (never compared, never written): the identity provider's ids. */
  externalIds?: ExternalId[];
  /** userNames, sorted and unique once loaded. */
  members: string[];
  /** Names the group had before (`previousNames:`): a live group with one of them, when none
   *  has `name`, is renamed in place (same id, members and access kept). */
  previousNames?: string[];
  /** Members written `{user, expiresAt}`: each is also in `members` until it expires
   *  (src/plan/expiry.ts takes it out from that moment). */
  expiringMembers?: ExpiringMember[];
  pos?: SourcePos;
}

/** A group member that counts only until `expiresAt`. */
export interface ExpiringMember {
  userName: string;
  expiresAt: Expiry;
}

export interface PolicyRef {
  name: string;
  /** "/" or "/a/b/"; defaults to "/". */
  path: string;
}

export type PermissionsBoundary = { managedPolicyArn: string } | { customerManagedPolicy: PolicyRef };

/** A JSON policy document (always a JSON object). */
export type PolicyDocument = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface PermissionSet {
  name: string;
  description?: string;
  /** ISO-8601 duration, PT1H..PT12H. Absent means the AWS default (PT1H). */
  sessionDuration?: string;
  relayState?: string;
  tags: Record<string, string>;
  /** Managed policy ARNs, sorted. */
  managedPolicies: string[];
  /** Sorted by path then name. */
  customerManagedPolicies: PolicyRef[];
  inlinePolicy?: PolicyDocument;
  permissionsBoundary?: PermissionsBoundary;
  pos?: SourcePos;
}

/** One entry of `assignments:` as written; expanded to triples at plan time. */
export interface AssignmentEntry {
  permissionSet: string;
  users: string[];
  groups: string[];
  /** Account names or 12-digit ids. */
  accounts: string[];
  /** OU paths such as "Root/Workloads/Prod". */
  organizationalUnits: string[];
  accountTags: Record<string, string>;
  excludeAccounts: string[];
  /** From this moment the entry counts as absent (src/plan/expiry.ts). */
  expiresAt?: Expiry;
  pos?: SourcePos;
}

export type ManagedKind = 'users' | 'groups' | 'groupMemberships' | 'permissionSets' | 'assignments';
export const MANAGED_KINDS: readonly ManagedKind[] = ['users', 'groups', 'groupMemberships', 'permissionSets', 'assignments'];

export interface ProtectEntry {
  permissionSet: string;
  group?: string;
  user?: string;
  /** Optional: limit the protection to one account (name or id). */
  account?: string;
  pos?: SourcePos;
}

export interface Settings {
  manage: Record<ManagedKind, boolean>;
  /** Glob patterns (`*`, `?`) of live object names never touched. */
  /** `accounts`: names, ids or globs of either; those accounts' assignments are never read nor touched. */
  ignore: { users: string[]; groups: string[]; permissionSets: string[]; accounts?: string[] };
  safety: { maxDeletePercent: number; protect: ProtectEntry[] };
  /** AWS quotas raised for this instance; absent ones are the documented defaults (src/plan/quotas.ts). */
  quotas?: Partial<Quotas>;
  /** What a plan flags for its reviewer; absent means DEFAULT_PRIVILEGED. */
  review?: { privileged: string[] };
}

/** settings.review.privileged when the files do not say: AWS's administrator set and every set named like one. */
export const DEFAULT_PRIVILEGED: readonly string[] = ['AdministratorAccess', '*Admin*'];

/** Adjustable IAM Identity Center quotas that a plan is checked against. */
export interface Quotas {
  permissionSetsPerInstance: number;
  permissionSetsPerAccount: number;
}

export const DEFAULT_SETTINGS: Settings = {
  manage: { users: true, groups: true, groupMemberships: true, permissionSets: true, assignments: true },
  ignore: { users: [], groups: [], permissionSets: [], accounts: [] },
  safety: { maxDeletePercent: 25, protect: [] },
};

/** The desired state as loaded from the state directory. */
export interface DesiredState {
  users: User[];
  groups: Group[];
  permissionSets: PermissionSet[];
  assignments: AssignmentEntry[];
  settings: Settings;
  /** Whether the files declared `settings:` at all (extract keeps settings.yaml). */
  hasSettings: boolean;
  /** Files that were read, relative to the state directory, sorted. */
  files: string[];
  /** `accounts:` (identity/accounts.yaml): the id each account name must resolve to. */
  accountPins?: AccountPin[];
  /** `instance:` — the Identity Center instance's own configuration; absent when no file declares it. */
  instance?: InstanceConfig;
  /** `applications:` by name; absent when no file declares it (applications are then not managed, nor read). */
  applications?: ApplicationEntry[];
}

/**
 * One attribute for access control (ABAC): a key IAM Identity Center passes to IAM as a
 * session tag, and the identity-source attribute its value comes from
 * (AccessControlAttribute in the sso-admin model; `source` holds exactly one entry).
 */
export interface AccessControlAttribute {
  key: string;
  source: string[];
}

/** `instance:` — what the files say about the instance itself. A member left out is not managed. */
export interface InstanceConfig {
  /** The whole ABAC configuration: [] means none (ABAC disabled). */
  accessControlAttributes?: AccessControlAttribute[];
  pos?: SourcePos;
}

export interface AccountPin {
  name: string;
  id: string;
  pos?: SourcePos;
}

export type PrincipalType = 'USER' | 'GROUP';

/** A concrete assignment: what the plan diffs. Principals and sets by name. */
export interface AssignmentTriple {
  permissionSet: string;
  principalType: PrincipalType;
  principal: string;
  accountId: string;
}

export type AccountState = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED' | (string & {});

export interface Account {
  id: string;
  name: string;
  state: AccountState;
  /** OU path from the root, e.g. "Root/Workloads/Prod" ("Root" for accounts at the root). */
  ouPath: string;
  tags: Record<string, string>;
}

/** A diagnostic from loading, validating or resolving. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  pos?: SourcePos;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pos ? `${d.pos.file}:${d.pos.line}:${d.pos.col}: ` : '';
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}${prefix}${d.message}`;
}

/** Diagnostics without a position first, then by file, line, column (stable otherwise). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (!a.pos || !b.pos) return (a.pos ? 1 : 0) - (b.pos ? 1 : 0);
  return compareStrings(a.pos.file, b.pos.file) || a.pos.line - b.pos.line || a.pos.col - b.pos.col;
}
