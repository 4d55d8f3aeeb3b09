// What a scoped plan reads from AWS: the touched objects (src/plan/scoped/touched.ts), the
// principals and permission sets they name, and what the safety rules judge. By name;
// src/aws/read-scoped.ts turns each into the calls that find it, and
// src/plan/scoped/project.ts says, for the property test, which part of a complete live
// state that read returns.
import type { DesiredState, PrincipalType } from '../../model/types.js';
import type { Touched } from './touched.js';

export interface PrincipalName {
  type: PrincipalType;
  name: string;
}

export interface ReadNeeds {
  /** Users and groups looked up by name (identitystore GetUserId / GetGroupId). */
  users: string[];
  groups: string[];
  /** Permission sets looked up by name and read in full. */
  permissionSets: string[];
  /** (group, userName) pairs whose membership is asked for one by one. */
  memberships: { group: string; userName: string }[];
  /** Every membership of these groups / these users (they are removed: all go with them). */
  membershipsOfGroups: string[];
  membershipsOfUsers: string[];
  /** (permission set, account) pairs listed with ListAccountAssignments; only the rows of
   *  `assignmentPrincipals` of that pair are kept. */
  assignmentPairs: { permissionSet: string; accountId: string; principals: PrincipalName[] }[];
  /** Every assignment of these principals (ListAccountAssignmentsForPrincipal): removed users and groups take them all. */
  assignmentsOfPrincipals: PrincipalName[];
  /** Every assignment of these sets (removed ones), and the provisioning of every touched set. */
  assignmentsOfSets: string[];
  provisioningOfSets: string[];
  /** Every assignment on these accounts: the management account's, when the change could
   *  remove its last administrator assignment (the lock-out guard counts them all). */
  assignmentsOnAccounts: string[];
  /** The touched applications, found by name in the instance's list and read whole (with
   *  their assignments); undefined when the files do not declare `applications:`. */
  applications?: string[];
}

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

export function readNeeds(t: Touched, desired: DesiredState, managementAccountId: string): ReadNeeds {
  const users = new Set(t.users);
  const groups = new Set(t.groups);
  const sets = new Set(t.permissionSets);
  const memberships = [...t.memberships].map((k) => {
    const [group = '', userName = ''] = k.split('\u0000');
    users.add(userName);
    groups.add(group);
    return { group, userName };
  });
  const pairs = new Map<string, { permissionSet: string; accountId: string; principals: PrincipalName[] }>();
  for (const a of t.assignments.values()) {
    sets.add(a.permissionSet);
    (a.principalType === 'USER' ? users : groups).add(a.principal);
    const key = `${a.permissionSet}\u0000${a.accountId}`;
    const pair = pairs.get(key) ?? { permissionSet: a.permissionSet, accountId: a.accountId, principals: [] };
    pair.principals.push({ type: a.principalType, name: a.principal });
    pairs.set(key, pair);
  }
  // The lock-out guard (src/plan/safety.ts) needs no read of the protected pairs: the diff
  // keeps a protected assignment the files no longer list (src/kinds/assignment/diff.ts)
  // unless its principal or set goes away, and a removed principal's or set's assignments
  // are all read below. So every assignment of an endangered pair is read, and any other
  // pair keeps all it has. Reading every protected pair cost each scoped plan the account
  // list and, from a delegated administrator, a full plan (the read per principal is the
  // management account's). The property test compares the guard's refusals with the full plan's.
  const removedPrincipals: PrincipalName[] = [
    ...sorted(t.removedUsers).map((name) => ({ type: 'USER' as const, name })),
    ...sorted(t.removedGroups).map((name) => ({ type: 'GROUP' as const, name })),
  ];
  for (const u of t.removedUsers) users.add(u);
  for (const g of t.removedGroups) groups.add(g);
  for (const s of t.removedPermissionSets) sets.add(s);
  // a touched application's principals: whether each exists decides the creates it needs first
  for (const app of desired.applications ?? []) {
    if (!t.applications.has(app.name)) continue;
    for (const u of app.users) users.add(u);
    for (const g of app.groups) groups.add(g);
  }
  const mayTouchAdministrators =
    t.permissionSets.size > 0 ||
    t.removedUsers.size > 0 ||
    t.removedGroups.size > 0 ||
    [...t.assignments.values()].some((a) => a.accountId === managementAccountId);
  return {
    users: sorted(users),
    groups: sorted(groups),
    permissionSets: sorted(sets),
    memberships,
    membershipsOfGroups: sorted(t.removedGroups),
    membershipsOfUsers: sorted(t.removedUsers),
    assignmentPairs: [...pairs.values()],
    assignmentsOfPrincipals: removedPrincipals,
    assignmentsOfSets: sorted(t.removedPermissionSets),
    provisioningOfSets: sorted(t.permissionSets),
    assignmentsOnAccounts: mayTouchAdministrators ? [managementAccountId] : [],
    ...(desired.applications !== undefined ? { applications: sorted(t.applications) } : {}),
  };
}
