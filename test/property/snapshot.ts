// One comparable picture of Identity Center content, built twice: from the state files
// (expectedSnapshot: the files expanded against the organization the test seeded) and
// from the live backend (live-reader.ts, plain SDK calls). Names, not ids; sorted lists;
// the AWS defaults spelled out (no session duration = PT1H), so equal content is equal data.
import type { PlacedAccount } from './organization.js';
import {
  OPTIONAL_USER_FIELDS,
  type SpecAccountRef,
  type SpecAssignment,
  type SpecInlinePolicy,
  type SpecPermissionSet,
  type SpecState,
} from './model.js';

export interface UserContent {
  displayName: string;
  givenName: string;
  familyName: string;
  /** optional attributes that are set, by name */
  optional: Record<string, string>;
}

export interface PermissionSetContent {
  description?: string;
  /** session duration in minutes; AWS applies 60 when a set has none */
  sessionMinutes: number;
  relayState?: string;
  tags?: Record<string, string>;
  managedPolicies: string[];
  /** "path" + "name", sorted */
  customerManagedPolicies: string[];
  /** canonical JSON (keys sorted), or absent */
  inlinePolicy?: string;
  permissionsBoundary?: string;
}

export interface Snapshot {
  users: Record<string, UserContent>;
  groups: Record<string, { description?: string }>;
  /** "group ⟵ userName", sorted */
  memberships: string[];
  permissionSets: Record<string, PermissionSetContent>;
  /** "set | USER|GROUP principal | account name", sorted */
  assignments: string[];
}

/** What a backend can read back; tags and boundaries are left out where it cannot. */
export interface SnapshotScope {
  tags: boolean;
  permissionsBoundary: boolean;
}

export const membershipKey = (group: string, userName: string) => `${group} ⟵ ${userName}`;
export const assignmentKey = (set: string, type: 'USER' | 'GROUP', principal: string, account: string) =>
  `${set} | ${type} ${principal} | ${account}`;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** PT8H / PT1H30M → minutes. */
export function isoMinutes(duration: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  if (!match) throw new Error(`not a session duration: ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

export const boundaryText = (b: NonNullable<SpecPermissionSet['permissionsBoundary']>) =>
  'managedPolicyArn' in b ? b.managedPolicyArn : `customer ${b.customerManagedPolicy.path}${b.customerManagedPolicy.name}`;

export const inlinePolicyText = (p: SpecInlinePolicy | Record<string, unknown>) => canonicalJson(p);

function setContent(s: SpecPermissionSet, scope: SnapshotScope): PermissionSetContent {
  return {
    ...(s.description ? { description: s.description } : {}),
    sessionMinutes: s.sessionDuration ? isoMinutes(s.sessionDuration) : 60,
    ...(s.relayState ? { relayState: s.relayState } : {}),
    ...(scope.tags ? { tags: s.tags } : {}),
    managedPolicies: [...s.managedPolicies].sort(),
    customerManagedPolicies: s.customerManagedPolicies.map((c) => `${c.path}${c.name}`).sort(),
    ...(s.inlinePolicy ? { inlinePolicy: inlinePolicyText(s.inlinePolicy) } : {}),
    ...(scope.permissionsBoundary && s.permissionsBoundary ? { permissionsBoundary: boundaryText(s.permissionsBoundary) } : {}),
  };
}

/** The accounts an entry targets: named ∪ below the OUs ∪ carrying all the tags, minus the excluded. */
export function targetAccounts(entry: SpecAssignment, accounts: readonly PlacedAccount[]): PlacedAccount[] {
  const byRef = (ref: SpecAccountRef) => accounts.find((a) => a.name === ref.account);
  const chosen = new Set<PlacedAccount>();
  for (const ref of entry.accounts) {
    const a = byRef(ref);
    if (a) chosen.add(a);
  }
  for (const path of entry.organizationalUnits) {
    for (const a of accounts) if (a.ouPath === path || a.ouPath.startsWith(`${path}/`)) chosen.add(a);
  }
  const tagFilter = Object.entries(entry.accountTags);
  if (tagFilter.length > 0) {
    for (const a of accounts) if (tagFilter.every(([k, v]) => a.tags[k] === v)) chosen.add(a);
  }
  for (const ref of entry.excludeAccounts) {
    const a = byRef(ref);
    if (a) chosen.delete(a);
  }
  return [...chosen];
}

export function expectedSnapshot(state: SpecState, accounts: readonly PlacedAccount[], scope: SnapshotScope): Snapshot {
  const users: Record<string, UserContent> = {};
  for (const u of state.users) {
    const optional: Record<string, string> = {};
    for (const f of OPTIONAL_USER_FIELDS) {
      const v = u[f];
      if (v !== undefined && v !== '') optional[f] = v;
    }
    users[u.userName] = { displayName: u.displayName, givenName: u.givenName, familyName: u.familyName, optional };
  }
  const groups: Snapshot['groups'] = {};
  for (const g of state.groups) groups[g.name] = g.description ? { description: g.description } : {};
  const memberships = state.groups.flatMap((g) => g.members.map((m) => membershipKey(g.name, m)));
  const permissionSets: Snapshot['permissionSets'] = {};
  for (const s of state.permissionSets) permissionSets[s.name] = setContent(s, scope);
  const assignments = new Set<string>();
  for (const entry of state.assignments) {
    const principals = [...entry.users.map((p) => ['USER', p] as const), ...entry.groups.map((p) => ['GROUP', p] as const)];
    for (const account of targetAccounts(entry, accounts)) {
      for (const [type, principal] of principals) assignments.add(assignmentKey(entry.permissionSet, type, principal, account.name));
    }
  }
  return { users, groups, memberships: [...new Set(memberships)].sort(), permissionSets, assignments: [...assignments].sort() };
}

export const EMPTY_SNAPSHOT: Snapshot = { users: {}, groups: {}, memberships: [], permissionSets: {}, assignments: [] };

function keysOf(s: Snapshot): Record<string, string[]> {
  return {
    users: Object.keys(s.users),
    groups: Object.keys(s.groups),
    'group memberships': s.memberships,
    'permission sets': Object.keys(s.permissionSets),
    assignments: s.assignments,
  };
}

/**
 * Whether going from `before` to `after` deletes more of some kind than
 * settings.safety.maxDeletePercent allows, or all of it (then reconcile needs
 * --allow-deletes). Counted by name, which is at least what the tool counts: a deleted
 * group's memberships go with it without being listed.
 */
export function needsAllowDeletes(before: Snapshot, after: Snapshot, maxDeletePercent: number): boolean {
  const b = keysOf(before);
  const a = keysOf(after);
  return Object.keys(b).some((kind) => {
    const live = b[kind] ?? [];
    const kept = new Set(a[kind] ?? []);
    const deleted = live.filter((k) => !kept.has(k)).length;
    return deleted > 0 && (deleted === live.length || (deleted / live.length) * 100 > maxDeletePercent);
  });
}

/** Every difference between the files and the live content, one line each. */
export function describeDifferences(expected: Snapshot, observed: Snapshot): string[] {
  const lines: string[] = [];
  const compareRecords = <T>(kind: string, e: Record<string, T>, o: Record<string, T>) => {
    for (const name of Object.keys(e)) {
      if (!(name in o)) lines.push(`${kind} "${name}": in the files, missing live`);
      else if (canonicalJson(e[name]) !== canonicalJson(o[name]))
        lines.push(`${kind} "${name}": files ${canonicalJson(e[name])}, live ${canonicalJson(o[name])}`);
    }
    for (const name of Object.keys(o)) if (!(name in e)) lines.push(`${kind} "${name}": live, not in the files`);
  };
  const compareLists = (kind: string, e: string[], o: string[]) => {
    const os = new Set(o);
    const es = new Set(e);
    for (const k of e) if (!os.has(k)) lines.push(`${kind} ${k}: in the files, missing live`);
    for (const k of o) if (!es.has(k)) lines.push(`${kind} ${k}: live, not in the files`);
  };
  compareRecords('user', expected.users, observed.users);
  compareRecords('group', expected.groups, observed.groups);
  compareLists('membership', expected.memberships, observed.memberships);
  compareRecords('permission set', expected.permissionSets, observed.permissionSets);
  compareLists('assignment', expected.assignments, observed.assignments);
  return lines;
}
