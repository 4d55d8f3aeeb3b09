// The engine's input from the two places access is read from: the live state (by name,
// src/plan/live-names.ts) and the desired state once resolved (src/plan/resolve.ts).
import type { DesiredState, User } from '../model/types.js';
import type { NamedLive } from '../plan/live-names.js';
import type { ResolvedDesired } from '../plan/resolve.js';
import type { AccessInput, AccessMembership, AccessPerson } from './types.js';

export function accessPerson(user: Pick<User, 'userName' | 'displayName' | 'emails' | 'status'>): AccessPerson {
  const emails = user.emails ?? [];
  const email = (emails.find((e) => e.primary === true) ?? emails[0])?.value ?? null;
  return { userName: user.userName, displayName: user.displayName, email, status: user.status === 'disabled' ? 'disabled' : 'enabled' };
}

/** What the live instance grants today. */
export function liveAccessInput(live: NamedLive): AccessInput {
  return {
    users: new Map([...live.users.values()].map((u) => [u.userName, accessPerson(u)])),
    memberships: live.memberships,
    assignments: live.assignments,
    accounts: live.accountsById,
  };
}

/**
 * What the state files grant. Users and the members of the groups they declare come from
 * the files; what they leave to the live instance (settings.manage.users or
 * groupMemberships false, groups they do not declare) from `live`, as far as it was read;
 * `liveKnown: false` when nothing was (the organization-only view of src/access/files-world.ts).
 */
export function desiredAccessInput(
  desired: DesiredState,
  resolved: ResolvedDesired,
  options: { liveKnown: boolean } = { liveKnown: true },
): AccessInput {
  const live = resolved.live;
  const users = new Map<string, AccessPerson>();
  // without a live read (src/access/files-world.ts), live users are placeholders: unknown people
  if (options.liveKnown) for (const u of live.users.values()) users.set(u.userName, accessPerson(u));
  if (desired.settings.manage.users) for (const u of desired.users) users.set(u.userName, accessPerson(u));
  const declared = new Set(desired.groups.map((g) => g.name));
  const memberships: AccessMembership[] = desired.settings.manage.groupMemberships
    ? [
        ...desired.groups.flatMap((g) => g.members.map((userName) => ({ group: g.name, userName }))),
        ...live.memberships.filter((m) => !declared.has(m.group)),
      ]
    : live.memberships;
  return { users, memberships, assignments: resolved.assignments, accounts: live.accountsById };
}
