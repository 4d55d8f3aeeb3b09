// The property tests' own picture of a desired state: the shape of the state files,
// kept as plain data so fast-check can generate, print and shrink it. It is written to
// YAML by state-files.ts and expanded to the expected live content by expected.ts —
// neither goes through the tool's loader, resolver or diff, so the tests check the tool
// rather than agree with it.

/** Optional identity-store attributes of a user as docs/state-format.md names them. */
export const OPTIONAL_USER_FIELDS = [
  'email',
  'middleName',
  'nickName',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'profileUrl',
] as const;
export type OptionalUserField = (typeof OPTIONAL_USER_FIELDS)[number];

export type SpecUser = {
  userName: string;
  displayName: string;
  givenName: string;
  familyName: string;
} & Partial<Record<OptionalUserField, string>>;

export interface SpecGroup {
  name: string;
  description?: string;
  members: string[];
  /** Earlier names of the group (rename in place); only generated when the previousNames switch is on (switches.ts). */
  previousNames?: string[];
}

export interface SpecPolicyRef {
  name: string;
  path: string;
}

export type SpecBoundary = { managedPolicyArn: string } | { customerManagedPolicy: SpecPolicyRef };

export interface SpecStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string;
}

export interface SpecInlinePolicy {
  Version: '2012-10-17';
  Statement: SpecStatement[];
}

export interface SpecPermissionSet {
  name: string;
  description?: string;
  sessionDuration?: string;
  relayState?: string;
  tags: Record<string, string>;
  managedPolicies: string[];
  customerManagedPolicies: SpecPolicyRef[];
  inlinePolicy?: SpecInlinePolicy;
  permissionsBoundary?: SpecBoundary;
}

/** An account reference in `accounts:` / `excludeAccounts:`: by name, or by its 12-digit id
 *  (the id is only known once the organization is built, so the writer fills it in). */
export interface SpecAccountRef {
  account: string;
  byId: boolean;
}

export interface SpecAssignment {
  permissionSet: string;
  users: string[];
  groups: string[];
  accounts: SpecAccountRef[];
  organizationalUnits: string[];
  accountTags: Record<string, string>;
  excludeAccounts: SpecAccountRef[];
}

export interface SpecState {
  users: SpecUser[];
  groups: SpecGroup[];
  permissionSets: SpecPermissionSet[];
  assignments: SpecAssignment[];
  /** settings.safety.maxDeletePercent */
  maxDeletePercent: number;
}

/** What a backend stores faithfully; the generators stay inside it. */
export interface BackendCapabilities {
  name: 'sandbox' | 'moto';
  /** TagResource / ListTagsForResource on permission sets */
  permissionSetTags: boolean;
  /** Put/Get/DeletePermissionsBoundaryToPermissionSet */
  permissionsBoundary: boolean;
  /** identitystore UpdateUser (user attribute edits and removals) */
  updateUser: boolean;
  /** identitystore UpdateGroup (description edits, renames in place) */
  updateGroup: boolean;
  /** managed policy ARNs with a path, e.g. .../policy/job-function/ViewOnlyAccess */
  managedPolicyArnsWithPath: boolean;
  /** UpdatePermissionSet clears a description or relay state the request leaves out (moto
   *  does, as Terraform's provider reports of AWS for RelayState); where it does, the
   *  known non-convergence of removing them (issue #11 item 3) cannot show. */
  updateClearsOmittedFields: boolean;
}
