// Temporary access in the access report: a row granted only through entries with
// `expiresAt` ends by itself, and says when. A grant is a direct assignment, or membership
// of a group plus that group's assignment: it ends with the first of the two to expire. A
// row ends when its last grant does, and never when any grant has no expiry. Several entries
// asking for the same assignment or membership count as one that lasts until the last of
// them expires (src/plan/expiry.ts, which also takes entries already expired out first).
// Application assignments have no expiresAt: an application row expires only when every
// grant of it is a membership that does.
import type { Expiry } from '../model/expiry.js';
import type { LiveState } from '../model/live.js';
import type { DesiredState } from '../model/types.js';
import { assignmentKey, earlier, entryAssignmentKeys, later, membershipKey } from '../plan/expiry.js';
import { DIRECT, type AccessRow, type ApplicationAccessRow } from './types.js';

const GROUP_PREFIX = 'group:';

/** `null`: something asks for it without expiry; an Expiry: everything that asks for it expires, the last then. */
type Lasting = Expiry | null;

/** How long each assignment the entries ask for lasts, by assignmentKey. */
function assignmentLasting(desired: DesiredState, live: LiveState): Map<string, Lasting> {
  const lasting = new Map<string, Lasting>();
  for (const entry of desired.assignments) {
    for (const key of entryAssignmentKeys(entry, live)) {
      const known = lasting.get(key);
      if (known === null) continue;
      lasting.set(key, entry.expiresAt === undefined ? null : later(known, entry.expiresAt));
    }
  }
  return lasting;
}

/** The expiring members of the declared groups, by membershipKey (a member written twice lasts until the later expiry). */
function memberExpiries(desired: DesiredState): Map<string, Lasting> {
  const lasting = new Map<string, Lasting>();
  for (const group of desired.groups) {
    const expiring = group.expiringMembers ?? [];
    for (const m of expiring) {
      const key = membershipKey(group.name, m.userName);
      const known = lasting.get(key);
      if (known !== null) lasting.set(key, later(known, m.expiresAt));
    }
    // a member written plainly (a name, not {user, expiresAt}) does not expire
    const expiringKeys = new Set(expiring.map((m) => membershipKey(group.name, m.userName)));
    for (const userName of group.members) {
      const key = membershipKey(group.name, userName);
      if (!expiringKeys.has(key)) lasting.set(key, null);
    }
  }
  return lasting;
}

/**
 * The rows with `expiresAt` (as written) where every grant of the row expires. `desired`
 * is the state the rows were computed from (expired entries already left out) and `live`
 * what its selectors were resolved against. Without any expiresAt in the files the rows
 * are returned as they are.
 */
export function withAccessExpiry(rows: AccessRow[], desired: DesiredState, live: LiveState): AccessRow[] {
  const anyExpiry =
    desired.assignments.some((a) => a.expiresAt !== undefined) || desired.groups.some((g) => (g.expiringMembers ?? []).length > 0);
  if (!anyExpiry) return rows;
  const assignments = assignmentLasting(desired, live);
  const members = memberExpiries(desired);
  const grantLasting = (row: AccessRow, via: string): Lasting => {
    if (via === DIRECT) return assignments.get(assignmentKey(row.permissionSet, 'USER', row.userName, row.accountId)) ?? null;
    const group = via.slice(GROUP_PREFIX.length);
    const assignment = assignments.get(assignmentKey(row.permissionSet, 'GROUP', group, row.accountId)) ?? null;
    // a membership the files do not declare (read from the live instance) does not expire
    const membership = members.get(membershipKey(group, row.userName)) ?? null;
    if (assignment === null) return membership;
    return membership === null ? assignment : earlier(membership, assignment);
  };
  return rows.map((row) => {
    let last: Expiry | undefined;
    for (const via of row.via) {
      const lasting = grantLasting(row, via);
      if (lasting === null) return row;
      last = later(last, lasting);
    }
    return last === undefined ? row : { ...row, expiresAt: last.written };
  });
}

/**
 * The application rows with `expiresAt` where every grant is membership of a group whose
 * membership expires; a direct assignment or `everyone` (assignment not required) lasts.
 */
export function withApplicationAccessExpiry(rows: ApplicationAccessRow[], desired: DesiredState): ApplicationAccessRow[] {
  if (!desired.groups.some((g) => (g.expiringMembers ?? []).length > 0)) return rows;
  const members = memberExpiries(desired);
  return rows.map((row) => {
    let last: Expiry | undefined;
    for (const via of row.via) {
      if (!via.startsWith(GROUP_PREFIX)) return row;
      const lasting = members.get(membershipKey(via.slice(GROUP_PREFIX.length), row.userName)) ?? null;
      if (lasting === null) return row;
      last = later(last, lasting);
    }
    return last === undefined ? row : { ...row, expiresAt: last.written };
  });
}
