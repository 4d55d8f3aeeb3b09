// Temporary access. From its `expiresAt` on, an assignment entry or a group member counts
// as absent: this pure step takes expired entries out of the desired state before
// anything is matched, resolved or diffed (so the diffs know nothing of expiry and the
// removal is an ordinary delete, under the same safety rules, lock-out guard and
// `protect`), then marks the deletes it caused with `expired`, and lists what expires
// soon. The clock is always passed in.
import type { Expiry } from '../model/expiry.js';
import type { LiveState } from '../model/live.js';
import { nameKey } from '../model/names.js';
import type { AssignmentEntry, DesiredState, Diagnostic, Group } from '../model/types.js';
import { targetAccounts } from './resolve.js';
import type { Change, ExpiringEntry } from './types.js';

const DAY_MS = 86_400_000;

/** Entries that expired, as they were written (names as in the files). */
export interface ExpiredEntries {
  assignments: AssignmentEntry[];
  members: { group: string; userName: string; expiresAt: Expiry }[];
}

/** Live entries expiring within this many days are listed by plan (text and PR comment). */
export const EXPIRING_SOON_DAYS = 30;
/** validate asks to clean up entries expired longer ago than this. */
export const STALE_EXPIRY_DAYS = 7;

/** The expiry of an assignment entry, if it has one. */
export function expiryOf(entry: AssignmentEntry): Expiry | undefined;
/** The expiry of a group member, if it was written {user, expiresAt}. */
export function expiryOf(group: Group, userName: string): Expiry | undefined;
export function expiryOf(holder: AssignmentEntry | Group, userName?: string): Expiry | undefined {
  if ('permissionSet' in holder) return holder.expiresAt;
  const key = nameKey(userName ?? '');
  return holder.expiringMembers?.find((m) => nameKey(m.userName) === key)?.expiresAt;
}

/** Whether the entry counts as absent at `now`: from the expiry instant on (that very millisecond included). */
export function isExpired(expiry: Expiry, now: Date): boolean {
  return now.getTime() >= Date.parse(expiry.at);
}

/** Whole days until the expiry (0: less than a day left); negative once expired (-1: within the first day). */
export function daysLeft(expiry: Expiry, now: Date): number {
  return Math.floor((Date.parse(expiry.at) - now.getTime()) / DAY_MS);
}

/** "expires in 3 days", for a live entry. */
export function expiresIn(days: number): string {
  return days <= 0 ? 'expires in less than a day' : `expires in ${days} day${days === 1 ? '' : 's'}`;
}

/** The desired state at `now`: expired assignment entries and members left out, and what they were. */
export function withoutExpired(desired: DesiredState, now: Date): { desired: DesiredState; expired: ExpiredEntries } {
  const expired: ExpiredEntries = { assignments: [], members: [] };
  const assignments = desired.assignments.filter((entry) => {
    const gone = entry.expiresAt !== undefined && isExpired(entry.expiresAt, now);
    if (gone) expired.assignments.push(entry);
    return !gone;
  });
  const groups = desired.groups.map((group) => {
    const gone = (group.expiringMembers ?? []).filter((m) => isExpired(m.expiresAt, now));
    if (gone.length === 0) return group;
    for (const m of gone) expired.members.push({ group: group.name, userName: m.userName, expiresAt: m.expiresAt });
    const goneKeys = new Set(gone.map((m) => nameKey(m.userName)));
    return {
      ...group,
      members: group.members.filter((u) => !goneKeys.has(nameKey(u))),
      expiringMembers: (group.expiringMembers ?? []).filter((m) => !goneKeys.has(nameKey(m.userName))),
    };
  });
  if (expired.assignments.length === 0 && expired.members.length === 0) return { desired, expired };
  return { desired: { ...desired, assignments, groups }, expired };
}

/** Of two expiries, the later one (when several expired entries asked for one thing, it
 *  was absent only once the last of them expired). */
export function later(a: Expiry | undefined, b: Expiry): Expiry {
  return a === undefined || Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/** Of two expiries, the earlier one (a grant that needs both things ends with the first to go). */
export function earlier(a: Expiry | undefined, b: Expiry): Expiry {
  return a === undefined || Date.parse(b.at) < Date.parse(a.at) ? b : a;
}

/** One (permission set, principal, account) as a key; names compare without regard to case. */
export function assignmentKey(permissionSet: string, principalType: 'USER' | 'GROUP', principal: string, accountId: string): string {
  return `${nameKey(permissionSet)}\u0000${principalType}\u0000${nameKey(principal)}\u0000${accountId}`;
}

/** One (group, member) as a key; names compare without regard to case. */
export function membershipKey(group: string, userName: string): string {
  return `${nameKey(group)}\u0000${nameKey(userName)}`;
}

/** The assignmentKey of every (permission set, principal, account) an entry asks for. Its
 *  problems (an OU or account gone) are not reported here: resolving the files does that. */
export function entryAssignmentKeys(entry: AssignmentEntry, live: LiveState): string[] {
  const accounts = targetAccounts(entry, live, () => undefined);
  const principals = [...entry.groups.map((g) => ['GROUP', g] as const), ...entry.users.map((u) => ['USER', u] as const)];
  return principals.flatMap(([type, name]) => accounts.map((account) => assignmentKey(entry.permissionSet, type, name, account.id)));
}

/**
 * Marks with `expired` the membership and assignment deletes that expired entries caused.
 * A delete is only planned when no live entry still asks for the thing, so a delete that an
 * expired entry would have asked for is a delete caused by its expiry. Names compare
 * without regard to case (the plan spells them as the live objects or the files do).
 */
export function markExpired(changes: Change[], expired: ExpiredEntries, live: LiveState): Change[] {
  if (expired.assignments.length === 0 && expired.members.length === 0) return changes;
  const members = new Map<string, Expiry>();
  for (const m of expired.members) {
    const key = membershipKey(m.group, m.userName);
    members.set(key, later(members.get(key), m.expiresAt));
  }
  const triples = new Map<string, Expiry>();
  for (const entry of expired.assignments) {
    const expiresAt = entry.expiresAt;
    if (expiresAt === undefined) continue;
    // an expired entry's targets are resolved only to recognise its deletes; its problems
    // (an OU or account gone since) are no longer anyone's concern
    for (const key of entryAssignmentKeys(entry, live)) triples.set(key, later(triples.get(key), expiresAt));
  }
  return changes.map((c) => {
    if (c.action !== 'delete') return c;
    let expiry: Expiry | undefined;
    if (c.kind === 'membership') expiry = members.get(membershipKey(c.group, c.userName));
    else if (c.kind === 'assignment') expiry = triples.get(assignmentKey(c.permissionSet, c.principalType, c.principal, c.accountId));
    return expiry === undefined ? c : { ...c, expired: expiry.written };
  });
}

/** Whether a change is a removal caused by expiry (what `reconcile --expired-only` applies). */
export function isExpiryRemoval(c: Change): boolean {
  return (c.kind === 'membership' || c.kind === 'assignment') && c.action === 'delete' && c.expired !== undefined;
}

/** Entries of the managed kinds that are still live and expire within `withinDays` (that very instant included), soonest first. */
export function expiringSoon(desired: DesiredState, now: Date, withinDays = EXPIRING_SOON_DAYS): ExpiringEntry[] {
  const found: { entry: ExpiringEntry; at: number }[] = [];
  const add = (kind: ExpiringEntry['kind'], what: string, expiry: Expiry) => {
    const left = Date.parse(expiry.at) - now.getTime();
    if (isExpired(expiry, now) || left > withinDays * DAY_MS) return;
    found.push({ entry: { kind, what, expiresAt: expiry.written, daysLeft: daysLeft(expiry, now) }, at: Date.parse(expiry.at) });
  };
  if (desired.settings.manage.groupMemberships) {
    for (const group of desired.groups) {
      for (const m of group.expiringMembers ?? []) add('membership', `user "${m.userName}" in group "${group.name}"`, m.expiresAt);
    }
  }
  if (desired.settings.manage.assignments) {
    for (const entry of desired.assignments) {
      if (entry.expiresAt !== undefined) add('assignment', describeEntry(entry), entry.expiresAt);
    }
  }
  return found.sort((a, b) => a.at - b.at || (a.entry.what < b.entry.what ? -1 : a.entry.what > b.entry.what ? 1 : 0)).map((f) => f.entry);
}

/** An assignment entry in words: `"ReadOnly" for group "Ops" on prod, Root/Workloads (identity/assignments.yaml:12)`. */
function describeEntry(entry: AssignmentEntry): string {
  const principals = [...entry.groups.map((g) => `group "${g}"`), ...entry.users.map((u) => `user "${u}"`)].join(', ');
  const tags = Object.entries(entry.accountTags).map(([k, v]) => `tag ${k}=${v}`);
  const targets = [...entry.accounts, ...entry.organizationalUnits, ...tags].join(', ');
  const where = entry.pos !== undefined ? ` (${entry.pos.file}:${entry.pos.line})` : '';
  return `"${entry.permissionSet}" for ${principals} on ${targets}${where}`;
}

/** validate: entries expired more than STALE_EXPIRY_DAYS ago are warnings (they only clutter the files). */
export function staleExpiries(desired: DesiredState, now: Date): Diagnostic[] {
  const stale = (expiry: Expiry) => now.getTime() - Date.parse(expiry.at) > STALE_EXPIRY_DAYS * DAY_MS;
  const ago = (expiry: Expiry) => Math.floor((now.getTime() - Date.parse(expiry.at)) / DAY_MS);
  const warn = (subject: string, expiry: Expiry): Diagnostic => ({
    severity: 'warning',
    message: `${subject} expired ${ago(expiry)} days ago (expiresAt: ${expiry.written}); it no longer counts: remove it from the state files`,
    ...(expiry.pos !== undefined ? { pos: expiry.pos } : {}),
  });
  return [
    ...desired.groups.flatMap((g) =>
      (g.expiringMembers ?? [])
        .filter((m) => stale(m.expiresAt))
        .map((m) => warn(`group "${g.name}": member "${m.userName}"`, m.expiresAt)),
    ),
    ...desired.assignments.flatMap((a) =>
      a.expiresAt !== undefined && stale(a.expiresAt) ? [warn(`assignment of "${a.permissionSet}"`, a.expiresAt)] : [],
    ),
  ];
}
