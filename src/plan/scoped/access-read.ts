// The reads behind a scoped plan's access changes (access-needs.ts says why these), as one
// procedure over a source of answers: src/aws/read-scoped-access.ts answers from AWS,
// access-project.ts from a complete live state (the property test), so both run exactly
// the same steps and the test proves what the AWS read returns is enough.
//
// Round 1: every principal on the pairs the changes move, the members of the groups whose
// assignments change, and the pairs of the groups whose memberships change (then every
// principal on those pairs). Round 2, once the people are known: which of the groups on
// those pairs each person is in, and the names of the people, groups and permission sets
// kept. Where two routes give the same answer (one person's groups or one group's members;
// DescribeUser per person or ListUsers) the one estimated cheaper is taken. Only the rows and memberships
// that can grant an affected person a moved pair are kept, so nothing else is named.
import type { LiveAssignment, LiveGroup, LiveMembership, LiveState, LiveUser } from '../../model/live.js';
import { nameKey } from '../../model/names.js';
import { compareStrings } from '../../model/order.js';
import type { AccessSeeds } from './access-needs.js';

export interface PairArn {
  permissionSetArn: string;
  accountId: string;
}

/** The answers the procedure asks for; each method is one kind of call, batched. */
export interface AccessSource {
  /** ListAccountAssignments of each pair: every principal assigned it. */
  rowsOfPairs(pairs: readonly PairArn[]): Promise<LiveAssignment[]>;
  /** ListGroupMemberships of each group. */
  membersOfGroups(groupIds: readonly string[]): Promise<LiveMembership[]>;
  /** ListAccountAssignmentsForPrincipal of each group. */
  assignmentsOfGroups(groupIds: readonly string[]): Promise<LiveAssignment[]>;
  /** ListGroupMembershipsForMember of each user. */
  groupsOfUsers(userIds: readonly string[]): Promise<LiveMembership[]>;
  /** DescribeUser / DescribeGroup; those that no longer exist are left out. */
  users(ids: readonly string[]): Promise<LiveUser[]>;
  /** ListUsers: every user, cheaper than DescribeUser once more people are named than pages listed. */
  allUsers(): Promise<LiveUser[]>;
  groups(ids: readonly string[]): Promise<LiveGroup[]>;
  /** The name of each permission set (the name cache, else DescribePermissionSet). */
  permissionSetNames(arns: readonly string[]): Promise<{ arn: string; name: string }[]>;
}

/** What the reads are expected to cost, from the state files (they manage every user and
 *  group, or the plan would not be scoped: touched.ts): it picks the cheaper of two exact routes. */
export interface AccessCostEstimate {
  /** Users the files declare: ListUsers costs one call per 100 (its MaxResults). */
  users: number;
  /** Members per group in the files, on average: one group's ListGroupMemberships costs a call per 100. */
  averageGroupSize: number;
}

export interface AccessReadOptions {
  /** More affected people than this: the access changes are not computed (access-needs.ts). */
  limit: number;
  estimate: AccessCostEstimate;
}

const PAGE = 100;
// an estimate of nothing is no calls: only files that declare no users or members say so
const pages = (items: number) => Math.ceil(items / PAGE);

export type ScopedAccessRead =
  /** The live state the access engine needs (by id, named by nameLive like any other). */
  | { live: LiveState }
  /** More people are affected than `limit`: nothing past round 1 was read. */
  | { tooManyPeople: number; limit: number };

const pairKey = (p: PairArn) => `${p.permissionSetArn}\u0000${p.accountId}`;
const rowKey = (a: LiveAssignment) => `${pairKey(a)}\u0000${a.principalType}\u0000${a.principalId}`;
const unique = <T>(items: readonly T[], key: (x: T) => string): T[] => [...new Map(items.map((x) => [key(x), x])).values()];

/**
 * `scoped` is the scoped plan's own read: the touched users, groups and sets by name, so
 * the seeds' names become ids without another call (a name it does not hold does not exist
 * live, so it has no live members or assignments).
 */
export async function readScopedAccess(
  source: AccessSource,
  seeds: AccessSeeds,
  scoped: LiveState,
  { limit, estimate }: AccessReadOptions,
): Promise<ScopedAccessRead> {
  // by nameKey: the plan spells a live group renamed only in case as the files do (src/plan/match-names.ts)
  const userId = new Map(scoped.users.map((u) => [nameKey(u.userName), u.id]));
  const groupId = new Map(scoped.groups.map((g) => [nameKey(g.name), g.id]));
  const setArn = new Map(scoped.permissionSets.map((s) => [nameKey(s.name), s.arn]));
  const ids = (names: readonly string[], byName: Map<string, string>) =>
    names.flatMap((n) => {
      const id = byName.get(nameKey(n));
      return id === undefined ? [] : [id];
    });
  const seedGroups = new Set([...ids(seeds.membersOfGroups, groupId), ...ids(seeds.pairsOfGroups, groupId)]);

  // round 1
  const seedPairs = seeds.pairs.flatMap((p) => {
    const permissionSetArn = setArn.get(nameKey(p.permissionSet));
    return permissionSetArn === undefined ? [] : [{ permissionSetArn, accountId: p.accountId }];
  });
  const [seedRows, members, groupRows] = await Promise.all([
    source.rowsOfPairs(seedPairs),
    source.membersOfGroups(ids(seeds.membersOfGroups, groupId)),
    source.assignmentsOfGroups(ids(seeds.pairsOfGroups, groupId)),
  ]);
  const known = new Set(seedPairs.map(pairKey));
  const morePairs = unique(
    groupRows.map((a) => ({ permissionSetArn: a.permissionSetArn, accountId: a.accountId })),
    pairKey,
  ).filter((p) => !known.has(pairKey(p)));
  const rows = unique([...seedRows, ...groupRows, ...(await source.rowsOfPairs(morePairs))], rowKey);
  const people = new Set([...ids(seeds.users, userId), ...members.map((m) => m.userId)]);
  if (people.size > limit) return { tooManyPeople: people.size, limit };

  // round 2: which of the groups assigned a moved pair (or a seed group) each person is in —
  // per person (their groups) or per group (its members), whichever is fewer calls
  const assigned = new Set([...seedGroups, ...rows.filter((a) => a.principalType === 'GROUP').map((a) => a.principalId)]);
  const membersRead = new Set(ids(seeds.membersOfGroups, groupId));
  const otherGroups = [...assigned].filter((g) => !membersRead.has(g)).sort();
  const byGroup = otherGroups.length * pages(estimate.averageGroupSize) < people.size;
  const theirGroups = byGroup ? await source.membersOfGroups(otherGroups) : await source.groupsOfUsers([...people].sort());
  const memberships = unique(
    [...members, ...theirGroups].filter((m) => people.has(m.userId) && assigned.has(m.groupId)),
    (m) => `${m.groupId}\u0000${m.userId}`,
  );
  const groupsOfPeople = new Set([...seedGroups, ...memberships.map((m) => m.groupId)]);
  const assignments = rows.filter((a) => (a.principalType === 'USER' ? people : groupsOfPeople).has(a.principalId));

  // names: what the scoped read already holds costs nothing
  const haveUsers = new Map(scoped.users.map((u) => [u.id, u]));
  const haveGroups = new Map(scoped.groups.map((g) => [g.id, g]));
  const haveSets = new Map(scoped.permissionSets.map((s) => [s.arn, s]));
  const wantGroups = [
    ...new Set([...memberships.map((m) => m.groupId), ...assignments.filter((a) => a.principalType === 'GROUP').map((a) => a.principalId)]),
  ];
  const wantSets = [...new Set(assignments.map((a) => a.permissionSetArn))];
  const unnamed = new Set([...people].filter((id) => !haveUsers.has(id)));
  const [users, groups, sets] = await Promise.all([
    unnamed.size > pages(estimate.users)
      ? source.allUsers().then((all) => all.filter((u) => unnamed.has(u.id)))
      : source.users([...unnamed].sort()),
    source.groups(wantGroups.filter((id) => !haveGroups.has(id)).sort()),
    source.permissionSetNames(wantSets.filter((arn) => !haveSets.has(arn)).sort()),
  ]);
  // one order whatever order the answers came in (the AWS read and the projection compare equal)
  const by =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      compareStrings(key(a), key(b));
  const stub = (s: { arn: string; name: string }) => ({ ...s, tags: {}, managedPolicies: [], customerManagedPolicies: [] });
  return {
    live: {
      ...scoped,
      users: [...held([...people], haveUsers), ...users].sort(by((u) => u.userName)),
      groups: [...held(wantGroups, haveGroups), ...groups].sort(by((g) => g.name)),
      // the engine needs a set's name only: the rest of a set not read in full stays empty
      permissionSets: [...held(wantSets, haveSets), ...sets.map(stub)].sort(by((x) => x.name)),
      memberships: memberships.sort(by((m) => `${m.groupId}\u0000${m.userId}`)),
      assignments: assignments.sort(by(rowKey)),
      provisioning: [],
    },
  };
}

/** The wanted objects the scoped read already holds. */
function held<T>(wanted: readonly string[], have: ReadonlyMap<string, T>): T[] {
  return wanted.flatMap((id) => {
    const x = have.get(id);
    return x === undefined ? [] : [x];
  });
}
