// Effective access: who can reach which account with which permission set, and through
// what (a direct assignment, or membership of a group that is assigned). Plain data,
// computed by the pure engine (engine.ts) from the desired state or a live state.
import type { Account, AssignmentTriple } from '../model/types.js';

/** `unknown`: a person the state files only name (settings.manage.users: false, read without Identity Center). */
export type AccessStatus = 'enabled' | 'disabled' | 'unknown';

export interface AccessPerson {
  userName: string;
  displayName: string | null;
  /** The primary email (or the first one); null when the user has none. */
  email: string | null;
  status: AccessStatus;
}

export interface AccessMembership {
  group: string;
  userName: string;
}

/** Everything the engine needs, by name: no instance-specific id. */
export interface AccessInput {
  users: ReadonlyMap<string, AccessPerson>;
  memberships: readonly AccessMembership[];
  /** Concrete assignments (OU and tag selectors and excludes already expanded by src/plan/resolve.ts). */
  assignments: readonly AssignmentTriple[];
  accounts: ReadonlyMap<string, Pick<Account, 'name'>>;
}

export const DIRECT = 'direct';
/** `group:<name>`: the access comes from membership of that group. */
export const viaGroup = (group: string): string => `group:${group}`;

export interface AccessRow extends AccessPerson {
  accountId: string;
  /** The account's name in the organization; the id when the organization does not list it. */
  accountName: string;
  permissionSet: string;
  /** What grants it: `direct` and `group:<name>`, sorted. */
  via: string[];
  /** With --live: the `via` entries that the state files do not manage (absent when all are). */
  unmanaged?: string[];
  /** From the state files: when every grant of the row expires, the last expiry as written (`expiresAt:`). */
  expiresAt?: string;
}

export type AccessSource = 'files' | 'live';

/**
 * `everyone`: the application does not require assignment, so every user of the instance
 * can use it ("If `false`, all users have access": sso-admin PutApplicationAssignmentConfiguration;
 * docs/aws-behaviour.md, "Applications and ABAC attributes").
 */
export const EVERYONE = 'everyone';

/** One application, its assignments by name: what the engine needs. */
export interface ApplicationGrants {
  name: string;
  assignmentRequired: boolean;
  /** userNames assigned */
  users: readonly string[];
  /** group names assigned */
  groups: readonly string[];
  /** Status DISABLED: nobody can use the application until it is enabled again (its assignments stay). */
  disabled?: boolean;
}

export interface ApplicationAccessInput {
  /** Every user the source knows: with assignment not required, each of them can use the application. */
  users: ReadonlyMap<string, AccessPerson>;
  memberships: readonly AccessMembership[];
  applications: readonly ApplicationGrants[];
}

/** Who can use an application: one row per (user, application). */
export interface ApplicationAccessRow extends AccessPerson {
  application: string;
  /** What grants it: `direct`, `everyone` and `group:<name>`, sorted. */
  via: string[];
  /** With --live: the `via` entries that the state files do not manage (absent when all are). */
  unmanaged?: string[];
  /** From the state files: when every grant of the row expires (group memberships with `expiresAt`), the last expiry as written. */
  expiresAt?: string;
  /** The application is disabled: the grant exists but cannot be used until it is enabled (absent when enabled). */
  applicationDisabled?: true;
}

/** The whole report: account rows (unchanged in shape) and application rows beside them. */
export interface AccessReport {
  rows: AccessRow[];
  applications: ApplicationAccessRow[];
}
