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

export function impliedRemovals(changes: readonly Change[], live: NamedLive): Change[] {
  const deleted = { users: new Set<string>(), groups: new Set<string>(), sets: new Set<string>() };
  const listedMemberships = new Set<string>();
  const listedAssignments = new Set<string>();
  for (const c of changes) {
    if (c.action !== 'delete') continue;
    if (c.kind === 'user') deleted.users.add(c.userName);
    else if (c.kind === 'group') deleted.groups.add(c.name);
    else if (c.kind === 'permissionSet') deleted.sets.add(c.name);
    else if (c.kind === 'membership') listedMemberships.add(membershipKey(c.group, c.userName));
    else listedAssignments.add(tripleKey(c));
  }
  const implied: Change[] = [];
  for (const m of live.memberships) {
    if (!deleted.groups.has(m.group) && !deleted.users.has(m.userName)) continue;
    if (listedMemberships.has(membershipKey(m.group, m.userName))) continue;
    const change: MembershipChange = { kind: 'membership', action: 'delete', group: m.group, userName: m.userName };
    implied.push(change);
  }
  const goesAway = (t: AssignmentTriple) =>
    deleted.sets.has(t.permissionSet) || (t.principalType === 'GROUP' ? deleted.groups : deleted.users).has(t.principal);
  for (const t of live.assignments) {
    if (!goesAway(t) || listedAssignments.has(tripleKey(t))) continue;
    const accountName = live.accountsById.get(t.accountId)?.name;
    const change: AssignmentChange = { kind: 'assignment', action: 'delete', ...t, ...(accountName !== undefined ? { accountName } : {}) };
    implied.push(change);
  }
  return implied;
}
