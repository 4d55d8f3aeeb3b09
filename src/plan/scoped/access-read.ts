// The reads behind a scoped plan's access changes (access-needs.ts says why these), as one
// procedure over a source of answers: src/aws/read-scoped-access.ts answers from AWS,
// access-project.ts from a complete live state (the property test), so both run exactly
// the same steps and the test proves what the AWS read returns is enough.
//
// Round 1: every principal on the pairs the assignment changes move, the members of the
// groups whose assignments change, and the pairs of the groups whose memberships change.
// The routes of the users whose memberships change to those last pairs (the only people
// they can move) come either from every principal on each pair, or from those users' own
// assignments and their groups' — whichever is estimated fewer calls. Round 2, once the
// people are known: which of the groups on the pairs each person is in (their groups, or
// the groups' members, whichever is fewer calls) and the names of the people (DescribeUser
// each, or one ListUsers) and of the permission sets. Every route gives the same answer;
// the property test draws estimates that take each one.
//
// Groups other than the plan's own are not named: an access change's `via` lists only
// routes the plan makes or removes (a gain had no route before, so all its routes are new;
// a loss keeps none), and only the plan's own groups make or remove routes. Another group
// only decides whether a person already had, or keeps, a pair: it needs an id, not a name.
import type { LiveAssignment, LiveMembership, LiveState, LiveUser } from '../../model/live.js';
import { nameKey } from '../../model/names.js';
import { compareStrings } from '../../model/order.js';
import type { AccessCostEstimate, AccessSeeds } from './access-needs.js';

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
  /** ListAccountAssignmentsForPrincipal of each group / each user. */
  assignmentsOfGroups(groupIds: readonly string[]): Promise<LiveAssignment[]>;
  assignmentsOfUsers(userIds: readonly string[]): Promise<LiveAssignment[]>;
  /** ListGroupMembershipsForMember of each user. */
  groupsOfUsers(userIds: readonly string[]): Promise<LiveMembership[]>;
  /** DescribeUser of each (those that no longer exist are left out), or ListUsers: every user. */
  users(ids: readonly string[]): Promise<LiveUser[]>;
  allUsers(): Promise<LiveUser[]>;
  /** The name of each permission set (the name cache, else DescribePermissionSet). */
  permissionSetNames(arns: readonly string[]): Promise<{ arn: string; name: string }[]>;
}

export interface AccessReadOptions {
  /** More affected people than this: the access changes are not computed (access-needs.ts). */
  limit: number;
  estimate: AccessCostEstimate;
}

export type ScopedAccessRead =
  /** The live state the access engine needs (by id, named by nameLive like any other). */
  | { live: LiveState }
  /** More people are affected than `limit`: nothing past round 1 was read. */
  | { tooManyPeople: number; limit: number };

const PAGE = 100;
// an estimate of nothing is no calls: only files that declare no users or members say so
const pages = (items: number) => Math.ceil(items / PAGE);
const pairKey = (p: PairArn) => `${p.permissionSetArn}\u0000${p.accountId}`;
const rowKey = (a: LiveAssignment) => `${pairKey(a)}\u0000${a.principalType}\u0000${a.principalId}`;
const membershipKey = (m: LiveMembership) => `${m.groupId}\u0000${m.userId}`;
const unique = <T>(items: readonly T[], key: (x: T) => string): T[] => [...new Map(items.map((x) => [key(x), x])).values()];
const groupIdsOf = (rows: readonly LiveAssignment[]) => rows.filter((a) => a.principalType === 'GROUP').map((a) => a.principalId);

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
  const id = idsIn(scoped);
  const membersRead = new Set(id.groups(seeds.membersOfGroups));
  const seedGroups = new Set([...membersRead, ...id.groups(seeds.pairsOfGroups)]);
  const movers = id.users(seeds.membershipUsers);

  // round 1
  const seedPairs = id.pairs(seeds.pairs);
  const [seedRows, members, groupRows] = await Promise.all([
    source.rowsOfPairs(seedPairs),
    source.membersOfGroups([...membersRead]),
    source.assignmentsOfGroups(id.groups(seeds.pairsOfGroups)),
  ]);
  const seen = new Set(seedPairs.map(pairKey));
  const groupPairs = unique(groupRows, pairKey)
    .map((a) => ({ permissionSetArn: a.permissionSetArn, accountId: a.accountId }))
    .filter((p) => !seen.has(pairKey(p)));
  // only the movers can gain or lose these pairs (their assignments do not change): each
  // mover's own assignments, groups and groups' assignments, or one call per pair
  const byPrincipal = movers.length * (2 + estimate.groupsPerUser) < groupPairs.length;
  const moverGroups = byPrincipal ? await source.groupsOfUsers(movers) : [];
  const moverRows = byPrincipal
    ? await Promise.all([
        source.assignmentsOfUsers(movers),
        source.assignmentsOfGroups([...new Set(moverGroups.map((m) => m.groupId))].filter((g) => !seedGroups.has(g)).sort()),
      ]).then((r) => r.flat())
    : await source.rowsOfPairs(groupPairs);
  const rows = unique([...seedRows, ...groupRows, ...moverRows], rowKey);
  const people = new Set([...id.users(seeds.users), ...members.map((m) => m.userId)]);
  if (people.size > limit) return { tooManyPeople: people.size, limit };

  // round 2: which of the groups assigned a pair read (or a seed group) each person is in
  const assigned = new Set([...seedGroups, ...groupIdsOf(rows)]);
  const groupsKnown = new Set(byPrincipal ? movers : []);
  const otherGroups = [...assigned].filter((g) => !membersRead.has(g)).sort();
  const askPeople = [...people].filter((u) => !groupsKnown.has(u)).sort();
  const byGroup = otherGroups.length * pages(estimate.averageGroupSize) < askPeople.length;
  const theirGroups = byGroup ? await source.membersOfGroups(otherGroups) : await source.groupsOfUsers(askPeople);
  const memberships = unique(
    [...members, ...moverGroups, ...theirGroups].filter((m) => people.has(m.userId) && assigned.has(m.groupId)),
    membershipKey,
  );
  const groupsOfPeople = new Set([...seedGroups, ...memberships.map((m) => m.groupId)]);
  const assignments = rows.filter((a) => (a.principalType === 'USER' ? people : groupsOfPeople).has(a.principalId));
  return { live: await named(source, scoped, estimate, { people, memberships, assignments }) };
}

/** The seeds' names as the ids of the scoped read; by nameKey, as the plan spells a live
 *  group renamed only in case as the files do (src/plan/match-names.ts). */
function idsIn(scoped: LiveState) {
  const lookup = (byName: Map<string, string>) => (names: readonly string[]) =>
    names.flatMap((n) => {
      const found = byName.get(nameKey(n));
      return found === undefined ? [] : [found];
    });
  const setArn = new Map(scoped.permissionSets.map((s) => [nameKey(s.name), s.arn]));
  return {
    users: lookup(new Map(scoped.users.map((u) => [nameKey(u.userName), u.id]))),
    groups: lookup(new Map(scoped.groups.map((g) => [nameKey(g.name), g.id]))),
    pairs: (pairs: readonly { permissionSet: string; accountId: string }[]): PairArn[] =>
      pairs.flatMap((p) => {
        const permissionSetArn = setArn.get(nameKey(p.permissionSet));
        return permissionSetArn === undefined ? [] : [{ permissionSetArn, accountId: p.accountId }];
      }),
  };
}

/** The access live state, named: what the scoped read holds costs nothing. */
async function named(
  source: AccessSource,
  scoped: LiveState,
  estimate: AccessCostEstimate,
  kept: { people: ReadonlySet<string>; memberships: LiveMembership[]; assignments: LiveAssignment[] },
): Promise<LiveState> {
  const haveUsers = new Map(scoped.users.map((u) => [u.id, u]));
  const haveGroups = new Map(scoped.groups.map((g) => [g.id, g]));
  const haveSets = new Map(scoped.permissionSets.map((s) => [s.arn, s]));
  const groupIds = [...new Set([...kept.memberships.map((m) => m.groupId), ...groupIdsOf(kept.assignments)])];
  const setArns = [...new Set(kept.assignments.map((a) => a.permissionSetArn))];
  const unnamed = new Set([...kept.people].filter((u) => !haveUsers.has(u)));
  const [users, sets] = await Promise.all([
    unnamed.size > pages(estimate.users)
      ? source.allUsers().then((all) => all.filter((u) => unnamed.has(u.id)))
      : source.users([...unnamed].sort()),
    source.permissionSetNames(setArns.filter((arn) => !haveSets.has(arn)).sort()),
  ]);
  // one order whatever order the answers came in (the AWS read and the projection compare equal)
  const by =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      compareStrings(key(a), key(b));
  return {
    ...scoped,
    users: [...held([...kept.people], haveUsers), ...users].sort(by((u) => u.userName)),
    // another group's name never shows (see the top): its id stands in, marked so it can match no name of the files
    groups: groupIds.map((g) => haveGroups.get(g) ?? { id: g, name: `\u0000${g}` }).sort(by((g) => g.name)),
    // the engine needs a set's name only: the rest of a set not read in full stays empty
    permissionSets: [
      ...held(setArns, haveSets),
      ...sets.map((s) => ({ ...s, tags: {}, managedPolicies: [], customerManagedPolicies: [] })),
    ].sort(by((s) => s.name)),
    memberships: [...kept.memberships].sort(by(membershipKey)),
    assignments: [...kept.assignments].sort(by(rowKey)),
    provisioning: [],
  };
}

/** The wanted objects the scoped read already holds. */
function held<T>(wanted: readonly string[], have: ReadonlyMap<string, T>): T[] {
  return wanted.flatMap((id) => {
    const x = have.get(id);
    return x === undefined ? [] : [x];
  });
}
