// What goes with a deleted object. A deleted group or user takes its memberships with it,
// and a deleted principal or permission set takes its assignments — whatever the per-kind
// diffs decided about them (not managed, ignored, protected, or in a group the files do not
// list). Each is listed as a delete of its own, so the reviewer sees and the summary counts
// everything that is lost; the apply order removes them before the object itself
// (src/plan/order.ts), so nothing is left behind pointing at a deleted id.
import type { AssignmentTriple } from '../../model/types.js';
import type { NamedLive } from '../live-names.js';
import { tripleKey } from '../resolve.js';
import type { AssignmentChange, Change, MembershipChange } from '../types.js';

const membershipKey = (group: string, userName: string) => `${group}\u0000${userName}`;

/** Whether an assignment goes away with a principal or permission set the changes delete. */
export type GoesAway = (t: AssignmentTriple) => boolean;

export function deletedObjects(changes: readonly Change[]): {
  users: Set<string>;
  groups: Set<string>;
  sets: Set<string>;
  goesAway: GoesAway;
} {
  const users = new Set<string>();
  const groups = new Set<string>();
  const sets = new Set<string>();
  for (const c of changes) {
    if (c.action !== 'delete') continue;
    if (c.kind === 'user') users.add(c.userName);
    else if (c.kind === 'group') groups.add(c.name);
    else if (c.kind === 'permissionSet') sets.add(c.name);
  }
  const goesAway = (t: AssignmentTriple) => sets.has(t.permissionSet) || (t.principalType === 'GROUP' ? groups : users).has(t.principal);
  return { users, groups, sets, goesAway };
}

export function impliedRemovals(changes: readonly Change[], live: NamedLive): Change[] {
  const deleted = deletedObjects(changes);
  const listedMemberships = new Set<string>();
  const listedAssignments = new Set<string>();
  for (const c of changes) {
    if (c.action !== 'delete') continue;
    if (c.kind === 'membership') listedMemberships.add(membershipKey(c.group, c.userName));
    else if (c.kind === 'assignment') listedAssignments.add(tripleKey(c));
  }
  const implied: Change[] = [];
  for (const m of live.memberships) {
    if (!deleted.groups.has(m.group) && !deleted.users.has(m.userName)) continue;
    if (listedMemberships.has(membershipKey(m.group, m.userName))) continue;
    const change: MembershipChange = { kind: 'membership', action: 'delete', group: m.group, userName: m.userName };
    implied.push(change);
  }
  for (const t of live.assignments) {
    if (!deleted.goesAway(t) || listedAssignments.has(tripleKey(t))) continue;
    const accountName = live.accountsById.get(t.accountId)?.name;
    const change: AssignmentChange = { kind: 'assignment', action: 'delete', ...t, ...(accountName !== undefined ? { accountName } : {}) };
    implied.push(change);
  }
  return implied;
}
