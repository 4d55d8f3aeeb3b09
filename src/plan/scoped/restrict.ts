// Which changes of a plan belong to the touched objects (src/plan/scoped/touched.ts). The
// same function restricts the scoped plan and, in the property test, the full plan: the
// two must then be equal. A change belongs when its object was touched, when it goes away
// with a touched object the files remove, or when a kept change needs it first (the create
// of a principal or permission set that a kept membership or assignment names), so the
// restricted plan applies on its own.
import { tripleKey } from '../resolve.js';
import type { ChangeOf } from '../../kinds/descriptor.js';
import type { Change, ChangeKind } from '../types.js';
import { membershipKey, type Touched } from './touched.js';

/** Per kind, whether a change is of a touched object. A record over every kind: a new kind
 *  does not compile until it says how it is scoped. */
const BELONGS: { [K in ChangeKind]: (c: ChangeOf<K>, t: Touched) => boolean } = {
  user: (c, t) => t.users.has(c.userName),
  group: (c, t) => t.groups.has(c.name),
  membership: (c, t) =>
    t.memberships.has(membershipKey(c.group, c.userName)) || t.removedGroups.has(c.group) || t.removedUsers.has(c.userName),
  permissionSet: (c, t) => t.permissionSets.has(c.name),
  assignment: (c, t) =>
    t.assignments.has(tripleKey(c)) ||
    t.removedPermissionSets.has(c.permissionSet) ||
    (c.principalType === 'USER' ? t.removedUsers : t.removedGroups).has(c.principal),
  // the instance's configuration is never scoped (touched.ts: unscopableChange)
  accessControlAttribute: () => false,
  // an application whose entry changed is planned whole, its assignments included
  application: (c, t) => t.applications.has(c.name),
  applicationAssignment: (c, t) => t.applications.has(c.application),
};

export function belongsToTouched(c: Change, t: Touched): boolean {
  return (BELONGS[c.kind] as (c: Change, t: Touched) => boolean)(c, t);
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
    if (c.kind === 'applicationAssignment') needed.add(`${c.principalType === 'USER' ? 'user' : 'group'}:${c.principal}`);
  }
  const isNeededCreate = (c: Change) =>
    c.action === 'create' &&
    ((c.kind === 'user' && needed.has(`user:${c.userName}`)) ||
      (c.kind === 'group' && needed.has(`group:${c.name}`)) ||
      (c.kind === 'permissionSet' && needed.has(`set:${c.name}`)));
  return changes.filter((c) => belongsToTouched(c, t) || isNeededCreate(c));
}
