// Pure variations of a generated organization that the scenarios need: new assignments to
// create, a drifted live state, a changed policy. Each returns new data and leaves the input alone.
import { randomPrincipal, POLICY_SCENARIO_SET } from './generate.js';
import { inlinePolicy } from './permission-set-mix.js';
import { pick, seededRandom, WeightedIndex, type Random } from './sampling.js';
import { assignmentKey, type SyntheticAssignment, type SyntheticOrg } from './org.js';

/** `count` assignments the organization does not have yet, popular sets more often. */
export function newAssignments(
  org: SyntheticOrg,
  count: number,
  seed: number,
  avoid: readonly SyntheticAssignment[] = [],
): SyntheticAssignment[] {
  const random = seededRandom(seed);
  const taken = new Set([...org.assignments, ...avoid].map(assignmentKey));
  const popularity = new WeightedIndex(org.permissionSets.length, 0.9);
  const out: SyntheticAssignment[] = [];
  while (out.length < count) {
    const set = org.permissionSets[popularity.draw(random)]?.name ?? POLICY_SCENARIO_SET;
    const a = randomPrincipal(random, org.users, org.groups, set, pick(random, org.accounts).name);
    if (!taken.has(assignmentKey(a))) {
      taken.add(assignmentKey(a));
      out.push(a);
    }
  }
  return out;
}

/** What changed outside git: assignments removed and added, users renamed. */
export interface Drift {
  removedAssignments: SyntheticAssignment[];
  addedAssignments: SyntheticAssignment[];
  /** userName → the displayName the live user has now */
  renamedUsers: Map<string, string>;
}

/** `fraction` of the assignments drift (half removed, half added) and `fraction` of the users are renamed. */
export function driftOf(org: SyntheticOrg, fraction: number, seed: number): Drift {
  const random = seededRandom(seed);
  const changes = Math.max(2, Math.round(org.assignments.length * fraction));
  const removedAssignments = sample(random, org.assignments, Math.floor(changes / 2));
  const addedAssignments = newAssignments(org, changes - removedAssignments.length, seed + 1);
  const renamedUsers = new Map(
    sample(random, org.users, Math.max(1, Math.round(org.users.length * fraction))).map((u) => [u.userName, `${u.displayName} (renamed)`]),
  );
  return { removedAssignments, addedAssignments, renamedUsers };
}

/** The live organization after the drift. */
export function applyDrift(org: SyntheticOrg, drift: Drift): SyntheticOrg {
  const removed = new Set(drift.removedAssignments.map(assignmentKey));
  return {
    ...org,
    users: org.users.map((u) => {
      const displayName = drift.renamedUsers.get(u.userName);
      return displayName === undefined ? u : { ...u, displayName };
    }),
    assignments: [...org.assignments.filter((a) => !removed.has(assignmentKey(a))), ...drift.addedAssignments],
  };
}

export function withAssignments(org: SyntheticOrg, extra: readonly SyntheticAssignment[]): SyntheticOrg {
  return { ...org, assignments: [...org.assignments, ...extra] };
}

/** The policy-change scenario: the reserved set gets a different inline policy. */
export function withChangedPolicy(org: SyntheticOrg): SyntheticOrg {
  return {
    ...org,
    permissionSets: org.permissionSets.map((s) =>
      s.name === POLICY_SCENARIO_SET ? { ...s, inlinePolicy: inlinePolicy(0, ['account:*', 'iam:CreateUser']) } : s,
    ),
  };
}

/** An empty organization with the same accounts: the target of a migration. */
export function withoutIdentity(org: SyntheticOrg): SyntheticOrg {
  return { ...org, users: [], groups: [], permissionSets: [], assignments: [] };
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
}
