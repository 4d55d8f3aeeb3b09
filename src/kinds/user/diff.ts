// Users: matched by userName; compared on the attributes the tool models. Read-only facts
// (externalIds set by an identity provider, status) are never compared: no API call the
// tool makes can change them.
import { OPTIONAL_USER_ATTRIBUTES, STRUCTURED_USER_ATTRIBUTES, type DesiredState, type JsonValue, type User } from '../../model/types.js';
import { matchesAnyGlob } from '../../model/glob.js';
import { compareStrings } from '../../model/order.js';
import type { NamedLive } from '../../plan/live-names.js';
import type { UserChange } from '../../plan/types.js';
import { compareAttributes } from '../../plan/diff/attributes.js';
import { diffByName, type DiffResult } from '../../plan/diff/result.js';

export const USER_FIELDS = ['displayName', 'givenName', 'familyName', ...OPTIONAL_USER_ATTRIBUTES, ...STRUCTURED_USER_ATTRIBUTES] as const;

/** The user as the plan stores it: modelled attributes only, no position, no id. */
function plainUser(u: User): User {
  const out: Record<string, JsonValue> = {};
  for (const f of ['userName', ...USER_FIELDS] as const) {
    const v = u[f] as JsonValue | undefined;
    if (v !== undefined && v !== '') out[f] = v;
  }
  return out as unknown as User;
}

export function diffUsers(desired: DesiredState, live: NamedLive): DiffResult<UserChange> {
  if (!desired.settings.manage.users) return { changes: [], warnings: [] };
  const result = diffByName<User, User, UserChange>({
    what: 'user',
    ignoreKey: 'users',
    ignore: desired.settings.ignore.users,
    desired: desired.users,
    nameOf: (u) => u.userName,
    live: live.users,
    create: (u) => ({ kind: 'user', action: 'create', userName: u.userName, after: plainUser(u) }),
    update: (u, current) => {
      const attributes = compareAttributes(USER_FIELDS, current, u);
      return attributes.length > 0 ? [{ kind: 'user', action: 'update', userName: u.userName, attributes }] : [];
    },
    remove: (userName) => ({ kind: 'user', action: 'delete', userName }),
  });
  const statusWarnings = desired.users
    .filter((u) => !matchesAnyGlob(u.userName, desired.settings.ignore.users))
    .flatMap((u) => statusWarning(u, liveUserNamed(live, u.userName)) ?? []);
  return { changes: result.changes, warnings: [...result.warnings, ...statusWarnings].sort(compareStrings) };
}

/** The live user of that name; user names are one name in any case (match-names.ts). */
function liveUserNamed(live: NamedLive, userName: string): User | undefined {
  const lower = userName.toLowerCase();
  return live.users.get(userName) ?? [...live.users.values()].find((l) => l.userName.toLowerCase() === lower);
}

/**
 * UserStatus cannot be set by any identitystore call (CreateUserRequest has no UserStatus;
 * UpdateUser documents no path for it), so a difference is said, never planned: after a
 * migration this lists the users to disable again by hand.
 */
function statusWarning(wanted: User, current: User | undefined): string | undefined {
  const wantDisabled = wanted.status === 'disabled';
  const isDisabled = current?.status === 'disabled';
  if (wantDisabled === isDisabled) return undefined;
  const who = `user "${wanted.userName}"`;
  if (!wantDisabled) {
    return `${who} is disabled in AWS, but the files do not say status: disabled; no identitystore API enables or disables a user: enable it in the IAM Identity Center console, or write status: disabled`;
  }
  const now = current === undefined ? 'it will be created enabled' : 'it is enabled in AWS';
  return `${who}: the files say status: disabled, but ${now}; no identitystore API disables a user: disable it in the IAM Identity Center console`;
}
