// Users: matched by userName; compared on the attributes the tool models.
import { OPTIONAL_USER_ATTRIBUTES, type DesiredState, type User } from '../../model/types.js';
import { matchesAnyGlob } from '../../model/glob.js';
import type { NamedLive } from '../live-names.js';
import type { UserChange } from '../types.js';
import { compareAttributes } from './attributes.js';
import type { DiffResult } from './result.js';

export const USER_FIELDS = ['displayName', 'givenName', 'familyName', ...OPTIONAL_USER_ATTRIBUTES] as const;

/** The user as the plan stores it: modelled attributes only, no position, no id. */
function plainUser(u: User): User {
  const out: Record<string, string> = {};
  for (const f of ['userName', ...USER_FIELDS] as const) {
    const v = u[f];
    if (v !== undefined && v !== '') out[f] = v;
  }
  return out as unknown as User;
}

export function diffUsers(desired: DesiredState, live: NamedLive): DiffResult<UserChange> {
  const result: DiffResult<UserChange> = { changes: [], warnings: [] };
  if (!desired.settings.manage.users) return result;
  const ignore = desired.settings.ignore.users;
  const wanted = new Set<string>();
  for (const user of desired.users) {
    if (matchesAnyGlob(user.userName, ignore)) {
      result.warnings.push(`user "${user.userName}" matches settings.ignore.users; it is left alone`);
      continue;
    }
    wanted.add(user.userName);
    const current = live.users.get(user.userName);
    if (!current) {
      result.changes.push({ kind: 'user', action: 'create', userName: user.userName, after: plainUser(user) });
      continue;
    }
    const attributes = compareAttributes(USER_FIELDS, current, user);
    if (attributes.length > 0) result.changes.push({ kind: 'user', action: 'update', userName: user.userName, attributes });
  }
  for (const userName of live.users.keys()) {
    if (!wanted.has(userName) && !matchesAnyGlob(userName, ignore)) {
      result.changes.push({ kind: 'user', action: 'delete', userName });
    }
  }
  return result;
}
