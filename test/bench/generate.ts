// Pure, seeded generator of a synthetic organization of a given shape (see shapes.ts).
//
// Layout: Security and Infrastructure OUs with shared accounts, a Sandbox OU, and per 100
// accounts one business unit under Workloads with Prod and NonProd OUs. Every user is in 1-3
// groups. Assignments: each account gets a handful of permission sets drawn by popularity
// (Zipf), each such (set, account) pair a few principals, 85% groups and 15% users. The
// first permission set is reserved for the policy-change scenario and is provisioned to
// exactly `shape.policyAccounts` accounts.
import type { Group, PermissionSet, User } from '../../src/model/types.js';
import { workEmail } from '../../src/model/user-email.js';
import { permissionSetAttributes } from './permission-set-mix.js';
import { between, chance, pick, seededRandom, WeightedIndex, type Random } from './sampling.js';
import type { Shape } from './shapes.js';
import { assignmentKey, type SyntheticAccount, type SyntheticAssignment, type SyntheticOrg } from './org.js';

const GIVEN = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim'];
const FAMILY = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
];
const ROLES = ['developers', 'admins', 'readonly', 'oncall', 'data', 'finance', 'security', 'support', 'network', 'qa'];
const TITLES = ['Engineer', 'Senior Engineer', 'Analyst', 'Manager', 'SRE'];

/** Average principals per (permission set, account) pair; sets the number of provisioned pairs. */
const PRINCIPALS_PER_PAIR = 5;
const GROUP_SHARE = 0.85;

export const POLICY_SCENARIO_SET = 'ReadOnlyAccess';

export function generateOrganization(shape: Shape, seed = 7): SyntheticOrg {
  const random = seededRandom(seed);
  const { organizationalUnits, accounts } = generateAccounts(shape, random);
  const users = generateUsers(shape.users, random);
  const groups = generateGroups(shape.groups, users, random);
  const permissionSets = generatePermissionSets(shape.permissionSets, random);
  const assignments = generateAssignments(shape, accounts, permissionSets, users, groups, random);
  return { shape, organizationalUnits, accounts, users, groups, permissionSets, assignments };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function generateAccounts(shape: Shape, random: Random): { organizationalUnits: string[]; accounts: SyntheticAccount[] } {
  const units = Math.max(1, Math.ceil(shape.accounts / 100));
  const organizationalUnits = ['Security', 'Infrastructure', 'Sandbox', 'Workloads'];
  for (let u = 1; u <= units; u++)
    organizationalUnits.push(`Workloads/BU${pad(u, 2)}`, `Workloads/BU${pad(u, 2)}/Prod`, `Workloads/BU${pad(u, 2)}/NonProd`);
  const accounts: SyntheticAccount[] = [];
  for (let i = 0; i < shape.accounts; i++) {
    const name = `acct-${pad(i + 1, 4)}`;
    const costCenter = String(between(random, 100, 999));
    if (i < 2) accounts.push({ name, ou: 'Security', tags: { env: 'shared', team: 'security', 'cost-center': costCenter } });
    else if (i < 4) accounts.push({ name, ou: 'Infrastructure', tags: { env: 'shared', team: 'platform', 'cost-center': costCenter } });
    else if (i % 10 === 9) accounts.push({ name, ou: 'Sandbox', tags: { env: 'sandbox', team: 'sandbox' } });
    else {
      const unit = `BU${pad(1 + (i % units), 2)}`;
      const prod = chance(random, 0.4);
      accounts.push({
        name,
        ou: `Workloads/${unit}/${prod ? 'Prod' : 'NonProd'}`,
        tags: { env: prod ? 'prod' : 'nonprod', team: unit.toLowerCase(), 'cost-center': costCenter },
      });
    }
  }
  return { organizationalUnits, accounts };
}

function generateUsers(count: number, random: Random): User[] {
  const users: User[] = [];
  for (let i = 1; i <= count; i++) {
    const givenName = pick(random, GIVEN);
    const familyName = pick(random, FAMILY);
    const userName = `user${pad(i, 5)}@example.com`;
    users.push({
      userName,
      displayName: `${givenName} ${familyName}`,
      givenName,
      familyName,
      emails: workEmail(userName),
      ...(chance(random, 0.3) ? { title: pick(random, TITLES) } : {}),
    });
  }
  return users;
}

function generateGroups(count: number, users: readonly User[], random: Random): Group[] {
  const members: string[][] = Array.from({ length: count }, () => []);
  const popularity = new WeightedIndex(count, 0.6);
  for (const user of users) {
    for (const g of popularity.drawDistinct(random, Math.min(count, between(random, 1, 3)))) members[g]?.push(user.userName);
  }
  return members.map((m, i) => ({
    name: `g${pad(i + 1, 4)}-${ROLES[i % ROLES.length] ?? 'team'}`,
    ...(chance(random, 0.7) ? { description: `Team ${i + 1}` } : {}),
    members: [...m].sort(),
  }));
}

function generatePermissionSets(count: number, random: Random): PermissionSet[] {
  const sets: PermissionSet[] = [];
  for (let i = 0; i < count; i++) {
    const name = i === 0 ? POLICY_SCENARIO_SET : `ps${pad(i, 4)}-${ROLES[i % ROLES.length] ?? 'role'}`;
    sets.push({ name, ...permissionSetAttributes(random, i) });
  }
  return sets;
}

function generateAssignments(
  shape: Shape,
  accounts: readonly SyntheticAccount[],
  sets: readonly PermissionSet[],
  users: readonly User[],
  groups: readonly Group[],
  random: Random,
): SyntheticAssignment[] {
  // (set index, account) pairs: the policy set on the first accounts, then popular sets per account.
  const pairs: { set: number; account: string }[] = accounts.slice(0, shape.policyAccounts).map((a) => ({ set: 0, account: a.name }));
  const others = new WeightedIndex(sets.length - 1, 0.9);
  const setsPerAccount = Math.min(sets.length - 1, Math.max(1, Math.round(shape.assignments / shape.accounts / PRINCIPALS_PER_PAIR)));
  for (const account of accounts) {
    for (const s of others.drawDistinct(random, setsPerAccount)) pairs.push({ set: s + 1, account: account.name });
  }
  if (pairs.length > shape.assignments)
    throw new Error(`shape ${shape.name}: ${pairs.length} provisioned pairs exceed ${shape.assignments} assignments`);
  const out: SyntheticAssignment[] = [];
  pairs.forEach((pair, index) => {
    // spread the exact total over the pairs: the first `remainder` pairs get one more principal
    const count = Math.floor(shape.assignments / pairs.length) + (index < shape.assignments % pairs.length ? 1 : 0);
    const permissionSet = sets[pair.set]?.name ?? '';
    const seen = new Set<string>();
    while (seen.size < count) {
      const a = randomPrincipal(random, users, groups, permissionSet, pair.account);
      if (!seen.has(assignmentKey(a))) {
        seen.add(assignmentKey(a));
        out.push(a);
      }
    }
  });
  return out;
}

export function randomPrincipal(
  random: Random,
  users: readonly User[],
  groups: readonly Group[],
  permissionSet: string,
  account: string,
): SyntheticAssignment {
  return chance(random, GROUP_SHARE)
    ? { permissionSet, principalType: 'GROUP', principal: pick(random, groups).name, account }
    : { permissionSet, principalType: 'USER', principal: pick(random, users).userName, account };
}
