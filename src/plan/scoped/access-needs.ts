// What a scoped plan must read to say who gains or loses access (the plan's accessChanges,
// src/access/plan-access.ts), from the scoped plan's own changes. Pure, by name.
//
// The access engine compares, for every person a change can touch, their effective access
// before and after the changes. Only the (permission set, account) pairs that a change moves
// can differ, so what decides a gain or a loss is every other route to those pairs: a
// direct assignment, or membership of another group assigned the pair. The people: the
// users of membership changes and of user assignments, and the members of every group whose
// assignment changes. The pairs: those of the assignment changes, and every pair of a group
// whose membership changes (its members gain or lose all of them).
// src/plan/scoped/access-read.ts turns these seeds into reads (two rounds: the members and
// the groups' pairs must be known before the people's other groups are asked for).
import { compareStrings } from '../../model/order.js';
import type { DesiredState } from '../../model/types.js';
import type { Change } from '../types.js';

export interface PairName {
  permissionSet: string;
  accountId: string;
}

export interface AccessSeeds {
  /** Pairs of the assignment changes: every principal on them is read (ListAccountAssignments, unfiltered). */
  pairs: PairName[];
  /** Groups whose assignments change: each member is affected (ListGroupMemberships). */
  membersOfGroups: string[];
  /** Groups whose memberships change: every pair they are assigned is moved (ListAccountAssignmentsForPrincipal). */
  pairsOfGroups: string[];
  /** Users a change names directly (membership changes, user assignments). */
  users: string[];
  /** Of those, the users whose memberships change: the only people whose access to the
   *  pairs of `pairsOfGroups` can move (those pairs' assignments do not change). */
  membershipUsers: string[];
}

/**
 * Above this many affected people a scoped plan does not compute access changes, and says
 * so. Finding who they are (the changed groups' members) is already read by then; what the
 * bound saves is the rest: which other groups each person is in and their names, up to a
 * ListUsers of the whole instance plus every other group's members on the pairs — the
 * cost of a full plan's identity reads. Past 1,000 people the PR comment shows only part of
 * the list anyway (src/render/access-changes-markdown.ts); a plan without --changed-since
 * shows all of them.
 */
export const MAX_SCOPED_ACCESS_PEOPLE = 1000;

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

export function accessSeeds(changes: readonly Change[]): AccessSeeds {
  const pairs = new Map<string, PairName>();
  const membersOfGroups: string[] = [];
  const pairsOfGroups: string[] = [];
  const users: string[] = [];
  const membershipUsers: string[] = [];
  for (const c of changes) {
    if (c.kind === 'membership') {
      users.push(c.userName);
      membershipUsers.push(c.userName);
      pairsOfGroups.push(c.group);
    } else if (c.kind === 'assignment') {
      pairs.set(`${c.permissionSet}\u0000${c.accountId}`, { permissionSet: c.permissionSet, accountId: c.accountId });
      (c.principalType === 'USER' ? users : membersOfGroups).push(c.principal);
    }
  }
  return {
    pairs: [...pairs.values()].sort((a, b) => compareStrings(a.permissionSet, b.permissionSet) || compareStrings(a.accountId, b.accountId)),
    membersOfGroups: sorted(membersOfGroups),
    pairsOfGroups: sorted(pairsOfGroups),
    users: sorted(users),
    membershipUsers: sorted(membershipUsers),
  };
}

/** Whether the changes can move anyone's access at all (only memberships and assignments do). */
export function movesAccess(seeds: AccessSeeds): boolean {
  return seeds.pairs.length > 0 || seeds.pairsOfGroups.length > 0;
}

/** What the access reads are expected to cost, from the state files (they manage every user and
 *  group, or the plan would not be scoped: touched.ts). It only picks the cheaper of two
 *  routes that give the same answer (src/plan/scoped/access-read.ts). Identity store
 *  listings answer 100 a page (MaxResults, identitystore model). */
export interface AccessCostEstimate {
  /** Users the files declare: a ListUsers costs a call per 100. */
  users: number;
  /** Members per group, on average: a group's ListGroupMemberships costs a call per 100. */
  averageGroupSize: number;
  /** Groups per user, on average: what reading a person's groups' assignments costs. */
  groupsPerUser: number;
}

/** What the access reads are expected to cost, from the state files: they declare every
 *  user and group (a scoped plan needs settings.manage all true: touched.ts). */
export function accessCostEstimate(desired: Pick<DesiredState, 'users' | 'groups'>): AccessCostEstimate {
  const members = desired.groups.reduce((n, g) => n + g.members.length, 0);
  return {
    users: desired.users.length,
    averageGroupSize: desired.groups.length === 0 ? 0 : members / desired.groups.length,
    groupsPerUser: desired.users.length === 0 ? 0 : members / desired.users.length,
  };
}
