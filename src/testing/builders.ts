// Test data builders for the AWS-free model: every builder returns a complete, valid
// object with sensible defaults that a test overrides field by field. Shared by the
// plan, render and apply tests (and anyone else who needs model data).
import { parseExpiresAt, type Expiry } from '../model/expiry.js';
import { workEmail } from '../model/user-email.js';
import { DEFAULT_SETTINGS } from '../model/types.js';
import type { Plan } from '../plan/types.js';
import type {
  Account,
  AssignmentEntry,
  AssignmentTriple,
  DesiredState,
  Group,
  PermissionSet,
  ProtectEntry,
  Settings,
  User,
} from '../model/types.js';
import type {
  LiveAssignment,
  LiveGroup,
  LiveMembership,
  LiveOrganizationalUnit,
  LivePermissionSet,
  LiveProvisioning,
  LiveState,
  LiveUser,
} from '../model/live.js';
import type { TrailEvent } from '../model/trail-event.js';

export const MANAGEMENT_ACCOUNT_ID = '000000000001';
export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-0000000000000001';
export const IDENTITY_STORE_ID = 'd-0000000001';

/** "Alice Liddell" style names derived from a userName keep test data readable.
 *  `email` is the files' short form: one primary work email. */
export function aUser(overrides: Partial<User> & { userName?: string; email?: string } = {}): User {
  const { email, ...rest } = overrides;
  const userName = rest.userName ?? 'alice@example.com';
  const given = userName.split('@')[0] ?? userName;
  return {
    userName,
    displayName: `${given} Example`,
    givenName: given,
    familyName: 'Example',
    ...(email !== undefined ? { emails: workEmail(email) } : {}),
    ...rest,
  };
}

export function aGroup(overrides: Partial<Group> = {}): Group {
  return { name: 'Developers', members: [], ...overrides };
}

export function aPermissionSet(overrides: Partial<PermissionSet> = {}): PermissionSet {
  return {
    name: 'ReadOnly',
    tags: {},
    managedPolicies: [],
    customerManagedPolicies: [],
    ...overrides,
  };
}

export function anAssignmentEntry(overrides: Partial<AssignmentEntry> = {}): AssignmentEntry {
  return {
    permissionSet: 'ReadOnly',
    users: [],
    groups: [],
    accounts: [],
    organizationalUnits: [],
    accountTags: {},
    excludeAccounts: [],
    ...overrides,
  };
}

export function aProtectEntry(overrides: Partial<ProtectEntry> = {}): ProtectEntry {
  return { permissionSet: 'AdministratorAccess', group: 'BreakGlass', ...overrides };
}

/** Settings with deep overrides: `aSettings({ manage: { users: false } })`. */
export function aSettings(
  overrides: {
    manage?: Partial<Settings['manage']>;
    ignore?: Partial<Settings['ignore']>;
    safety?: Partial<Settings['safety']>;
  } = {},
): Settings {
  return {
    manage: { ...DEFAULT_SETTINGS.manage, ...overrides.manage },
    ignore: { ...DEFAULT_SETTINGS.ignore, ...overrides.ignore },
    safety: { ...DEFAULT_SETTINGS.safety, ...overrides.safety },
  };
}

export function aDesiredState(overrides: Partial<DesiredState> = {}): DesiredState {
  return {
    users: [],
    groups: [],
    permissionSets: [],
    assignments: [],
    settings: aSettings(),
    hasSettings: true,
    files: [],
    ...overrides,
  };
}

let accountCounter = 100;
/** An ACTIVE account at the root; the id defaults to a fresh 12-digit number. */
export function anAccount(overrides: Partial<Account> = {}): Account {
  const id = overrides.id ?? String(111111111000 + accountCounter++);
  return { id, name: `account-${id}`, state: 'ACTIVE', ouPath: 'Root', tags: {}, ...overrides };
}

export function aLiveUser(overrides: Partial<LiveUser> & { email?: string } = {}): LiveUser {
  const user = aUser(overrides);
  return { ...user, id: overrides.id ?? `user-${user.userName}` };
}

export function aLiveGroup(overrides: Partial<LiveGroup> = {}): LiveGroup {
  const name = overrides.name ?? 'Developers';
  return { id: `group-${name}`, name, ...overrides };
}

export function aLivePermissionSet(overrides: Partial<LivePermissionSet> = {}): LivePermissionSet {
  const set = aPermissionSet(overrides);
  return { ...set, arn: overrides.arn ?? permissionSetArn(set.name) };
}

export function permissionSetArn(name: string): string {
  return `${INSTANCE_ARN.replace(':instance/', ':permissionSet/')}/ps-${name}`;
}

/** OU records for every prefix of the given paths ("Root/A/B" → Root, Root/A, Root/A/B). */
export function organizationalUnitsFor(paths: readonly string[]): LiveOrganizationalUnit[] {
  const all = new Set<string>(['Root']);
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all].sort().map((path) => ({ id: path === 'Root' ? 'r-root' : `ou-${path.toLowerCase().replace(/\//g, '-')}`, path }));
}

export function aLiveState(overrides: Partial<LiveState> = {}): LiveState {
  const accounts = overrides.accounts ?? [];
  return {
    instanceArn: INSTANCE_ARN,
    identityStoreId: IDENTITY_STORE_ID,
    callerAccountId: MANAGEMENT_ACCOUNT_ID,
    managementAccountId: MANAGEMENT_ACCOUNT_ID,
    users: [],
    groups: [],
    memberships: [],
    permissionSets: [],
    accounts,
    organizationalUnits: organizationalUnitsFor(accounts.map((a) => a.ouPath)),
    assignments: [],
    provisioning: [],
    ...overrides,
  };
}

/** Live state described by names, the way a test thinks about it; ids are derived. */
export interface NamedLiveSpec {
  users?: User[];
  /** Groups with their members (userNames). */
  groups?: Group[];
  permissionSets?: PermissionSet[];
  accounts?: Account[];
  assignments?: AssignmentTriple[];
  /** Set name → account ids whose provisioning is stale. */
  staleProvisioning?: Record<string, string[]>;
  callerAccountId?: string;
  managementAccountId?: string;
}

/**
 * A LiveState from names. Every assigned (set, account) pair is reported provisioned,
 * as AWS does after CreateAccountAssignment; `staleProvisioning` marks pairs stale.
 */
export function liveStateOf(spec: NamedLiveSpec): LiveState {
  const users = (spec.users ?? []).map((u) => aLiveUser(u));
  const groups = (spec.groups ?? []).map((g) =>
    aLiveGroup({ name: g.name, ...(g.description !== undefined ? { description: g.description } : {}) }),
  );
  const userId = (name: string) => users.find((u) => u.userName === name)?.id ?? `user-${name}`;
  const groupId = (name: string) => groups.find((g) => g.name === name)?.id ?? `group-${name}`;
  const memberships: LiveMembership[] = (spec.groups ?? []).flatMap((g) =>
    g.members.map((m) => ({ membershipId: `m-${g.name}-${m}`, groupId: groupId(g.name), userId: userId(m) })),
  );
  const permissionSets = (spec.permissionSets ?? []).map((s) => aLivePermissionSet(s));
  const assignments: LiveAssignment[] = (spec.assignments ?? []).map((a) => ({
    permissionSetArn: permissionSetArn(a.permissionSet),
    principalType: a.principalType,
    principalId: a.principalType === 'USER' ? userId(a.principal) : groupId(a.principal),
    accountId: a.accountId,
  }));
  const stale = spec.staleProvisioning ?? {};
  const provisioning = new Map<string, LiveProvisioning>();
  for (const a of assignments) {
    provisioning.set(`${a.permissionSetArn} ${a.accountId}`, {
      permissionSetArn: a.permissionSetArn,
      accountId: a.accountId,
      status: 'LATEST_PERMISSION_SET_PROVISIONED',
    });
  }
  for (const [set, accountIds] of Object.entries(stale)) {
    for (const accountId of accountIds) {
      const arn = permissionSetArn(set);
      provisioning.set(`${arn} ${accountId}`, { permissionSetArn: arn, accountId, status: 'LATEST_PERMISSION_SET_NOT_PROVISIONED' });
    }
  }
  return aLiveState({
    users,
    groups,
    memberships,
    permissionSets,
    accounts: spec.accounts ?? [],
    organizationalUnits: organizationalUnitsFor((spec.accounts ?? []).map((a) => a.ouPath)),
    assignments,
    provisioning: [...provisioning.values()],
    ...(spec.callerAccountId ? { callerAccountId: spec.callerAccountId } : {}),
    ...(spec.managementAccountId ? { managementAccountId: spec.managementAccountId } : {}),
  });
}

export function aTriple(overrides: Partial<AssignmentTriple> = {}): AssignmentTriple {
  return { permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Developers', accountId: '111111111111', ...overrides };
}

/** An expiresAt as the loader reads it: `anExpiry('2026-12-31')`. */
export function anExpiry(written: string): Expiry {
  const parsed = parseExpiresAt(written);
  if ('error' in parsed) throw new Error(parsed.error);
  return { written, at: parsed.at };
}

/** A successful CloudTrail event of `eventName` by an assumed-role session "mallory" from 203.0.113.7. */
export function aTrailEvent(overrides: Partial<TrailEvent> = {}): TrailEvent {
  return {
    eventId: `event-${trailEventCounter++}`,
    eventName: 'CreateAccountAssignment',
    eventSource: 'sso.amazonaws.com',
    time: '2026-11-01T10:00:00Z',
    principalType: 'AssumedRole',
    principalArn: `arn:aws:sts::${MANAGEMENT_ACCOUNT_ID}:assumed-role/Admin/mallory`,
    sessionName: 'mallory',
    sourceIPAddress: '203.0.113.7',
    requestParameters: {},
    responseElements: null,
    ...overrides,
  };
}
let trailEventCounter = 1;

/** A plan of no changes, as the plan file holds it; `over` sets the fields a test is about. */
export function aPlan(over: Partial<Plan> = {}): Plan {
  return {
    formatVersion: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    instanceArn: 'arn:aws:sso:::instance/ssoins-1',
    identityStoreId: 'd-1',
    liveChecksum: 'a'.repeat(64),
    changes: [],
    summary: { add: 0, change: 0, destroy: 0 },
    refused: [],
    warnings: [],
    ...over,
  };
}
