// Users: matched by userName; compared on the attributes the tool models. Read-only facts
// (externalIds set by an identity provider, status) are never compared: no API call the
// tool makes can change them.
import { OPTIONAL_USER_ATTRIBUTES, STRUCTURED_USER_ATTRIBUTES, type DesiredState, type JsonValue, type User } from '../../model/types.js';
import type { NamedLive } from '../live-names.js';
import type { UserChange } from '../types.js';
import { compareAttributes } from './attributes.js';
import { diffByName, type DiffResult } from './result.js';

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
  return diffByName<User, User, UserChange>({
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
}
