// Which changes of a plan belong to the touched objects (src/plan/scoped/touched.ts). The
// same function restricts the scoped plan and, in the property test, the full plan: the
// two must then be equal. A change belongs when its object was touched, when it goes away
// with a touched object the files remove, or when a kept change needs it first (the create
// of a principal or permission set that a kept membership or assignment names), so the
// restricted plan applies on its own.
import { tripleKey } from '../resolve.js';
import type { Change } from '../types.js';
import { membershipKey, type Touched } from './touched.js';

export function belongsToTouched(c: Change, t: Touched): boolean {
  switch (c.kind) {
    case 'user':
      return t.users.has(c.userName);
    case 'group':
      return t.groups.has(c.name);
    case 'membership':
      return t.memberships.has(membershipKey(c.group, c.userName)) || t.removedGroups.has(c.group) || t.removedUsers.has(c.userName);
    case 'permissionSet':
      return t.permissionSets.has(c.name);
    case 'assignment':
      return (
        t.assignments.has(tripleKey(c)) ||
        t.removedPermissionSets.has(c.permissionSet) ||
        (c.principalType === 'USER' ? t.removedUsers : t.removedGroups).has(c.principal)
      );
    case 'accessControlAttribute':
      // the instance's configuration is never scoped (touched.ts: unscopableChange)
      return false;
  }
}

/** The changes that belong to the touched objects, with the creates they need, in plan order. */
export function restrictChanges(changes: readonly Change[], t: Touched): Change[] {
  const kept = changes.filter((c) => belongsToTouched(c, t));
  const needed = new Set<string>();
  for (const c of kept) {
    if (c.action !== 'create') continue;
    if (c.kind === 'membership') needed.add(`user:${c.userName}`).add(`group:${c.group}`);
    if (c.kind === 'assignment')
      needed.add(`${c.principalType === 'USER' ? 'user' : 'group'}:${c.principal}`).add(`set:${c.permissionSet}`);
  }
  const isNeededCreate = (c: Change) =>
    c.action === 'create' &&
    ((c.kind === 'user' && needed.has(`user:${c.userName}`)) ||
      (c.kind === 'group' && needed.has(`group:${c.name}`)) ||
      (c.kind === 'permissionSet' && needed.has(`set:${c.name}`)));
  return changes.filter((c) => belongsToTouched(c, t) || isNeededCreate(c));
}
